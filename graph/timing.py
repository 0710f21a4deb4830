"""Per-stage wall-clock accounting, so a benchmark can say where a build spends its time.

The pipeline is instrumented with :meth:`StageTimer.stage` blocks; timers of
worker processes are summed into the driver's with :meth:`StageTimer.merge`.
Nothing is printed: callers read :attr:`StageTimer.seconds`.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Iterator, Mapping
from contextlib import contextmanager

#: the stages in pipeline order (the benchmark reports them in this order).
STAGES = ("read", "clean", "nlp", "rules", "resolution", "rdf", "store")


class StageTimer:
    """Seconds accumulated per stage name; cheap enough to leave on in production."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        """Add the time spent inside the block to ``name`` (exceptions included)."""
        start = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[name] += time.perf_counter() - start

    def add(self, name: str, seconds: float) -> None:
        self.seconds[name] += seconds

    def merge(self, other: "StageTimer | Mapping[str, float]") -> None:
        """Add another timer's totals (e.g. a worker's) to this one."""
        items = other.seconds if isinstance(other, StageTimer) else other
        for name, secs in items.items():
            self.seconds[name] += secs

    def as_dict(self) -> dict[str, float]:
        """Totals in pipeline order, then any other stage names."""
        known = {s: self.seconds[s] for s in STAGES if s in self.seconds}
        return known | {k: v for k, v in self.seconds.items() if k not in known}


class NullTimer(StageTimer):
    """A timer that records nothing (the default when no one is measuring)."""

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        yield
