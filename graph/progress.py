"""Progress bars for the command line, shown only when stderr is a terminal.

The library reports progress through plain callbacks (``advance(n)``); this module
turns them into a ``click.progressbar`` (click is already a dependency, so no new
one). In a pipe, CI log or test runner, no bar and no label are written at all:
click's own fallback prints the label once, which reads like a hang in a log.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import IO, Any

import click

Advance = Callable[[int], None]


def is_terminal(stream: IO[Any] | None = None) -> bool:
    """True when ``stream`` (default stderr) is an interactive terminal."""
    stream = stream if stream is not None else sys.stderr
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):  # closed or replaced streams
        return False


@contextmanager
def progress_bar(total: int, label: str, *, quiet: bool = False, force: bool = False,
                 file: IO[Any] | None = None) -> Iterator[Advance | None]:
    """Yield ``advance(n)`` driving a bar of ``total`` steps, or ``None`` when no bar is shown.

    No bar for one step or fewer, with ``quiet``, or when ``file`` (default stderr) is not a
    terminal, unless ``force`` (then click draws it as it would on ``file``).
    """
    stream = file if file is not None else sys.stderr
    if quiet or total <= 1 or not (force or is_terminal(stream)):
        yield None
        return
    bar = click.progressbar(length=total, label=label, file=stream, show_pos=True, show_eta=True)
    with bar:
        yield bar.update


class StepBar:
    """A bar opened on the first report, for callbacks that learn the total late: ``(done, total)``.

    Fetch knows how many filings match only after listing them; exports know their
    node count only after projecting. Close with :meth:`close` (or use as a context manager).
    """

    def __init__(self, label: str, *, quiet: bool = False, force: bool = False, file: IO[Any] | None = None) -> None:
        self.label, self.quiet, self.force, self.file = label, quiet, force, file
        self._cm: Any = None
        self._advance: Advance | None = None
        self._done = 0

    def __call__(self, done: int, total: int, *_: object) -> None:
        if self._cm is None:
            self._cm = progress_bar(total, self.label, quiet=self.quiet, force=self.force, file=self.file)
            self._advance = self._cm.__enter__()
        if self._advance is not None and done > self._done:
            self._advance(done - self._done)
        self._done = max(self._done, done)

    def close(self) -> None:
        if self._cm is not None:
            self._cm.__exit__(None, None, None)
            self._cm = None

    def __enter__(self) -> "StepBar":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
