"""Progress bars: drawn on a terminal's stderr, absent in pipes, CI logs and CliRunner."""

from __future__ import annotations

import io

from graph.progress import StepBar, is_terminal, progress_bar


class FakeTerminal(io.StringIO):
    """A stream that says it is a terminal, as stderr does in an interactive shell."""

    def isatty(self) -> bool:
        return True


def test_bar_is_drawn_on_a_terminal() -> None:
    term = FakeTerminal()
    with progress_bar(3, "building", file=term) as advance:
        assert advance is not None
        for _ in range(3):
            advance(1)
    out = term.getvalue()
    assert "building" in out and "3/3" in out and "#" in out


def test_no_bar_and_no_label_in_a_pipe() -> None:
    pipe = io.StringIO()
    with progress_bar(3, "building", file=pipe) as advance:
        assert advance is None
    assert pipe.getvalue() == ""


def test_quiet_and_single_step_show_nothing() -> None:
    term = FakeTerminal()
    with progress_bar(3, "building", file=term, quiet=True) as advance:
        assert advance is None
    with progress_bar(1, "building", file=term) as advance:
        assert advance is None
    assert term.getvalue() == ""


def test_forced_bar_is_opened_even_off_a_terminal() -> None:
    with progress_bar(3, "building", file=io.StringIO(), force=True) as advance:
        assert advance is not None


def test_step_bar_opens_when_the_total_is_known_and_follows_done_counts() -> None:
    term = FakeTerminal()
    with StepBar("fetching", file=term) as bar:
        bar(1, 4, "first result")
        bar(3, 4)
        bar(3, 4)  # a repeated count does not advance the bar
        bar(4, 4)
    out = term.getvalue()
    assert "fetching" in out and "4/4" in out


def test_step_bar_off_a_terminal_writes_nothing() -> None:
    pipe = io.StringIO()
    with StepBar("scoring", file=pipe) as bar:
        bar(1, 2)
        bar(2, 2)
    assert pipe.getvalue() == ""


def test_is_terminal_is_false_for_closed_or_odd_streams() -> None:
    closed = io.StringIO()
    closed.close()
    assert not is_terminal(closed)
    assert not is_terminal(object())  # type: ignore[arg-type]


def test_evaluate_reports_each_document(tmp_path) -> None:
    """The library's evaluate calls progress(done, total) once per gold document, missing files included."""
    from graph.evaluate.run import evaluate_documents
    from graph.evaluate.gold import GoldDocument

    golds = [GoldDocument.__new__(GoldDocument) for _ in range(2)]
    for i, g in enumerate(golds):
        object.__setattr__(g, "document", f"missing{i}.txt")
        object.__setattr__(g, "path", tmp_path / f"g{i}.yaml")
    seen: list[tuple[int, int]] = []
    _report, failures = evaluate_documents(golds, tmp_path, progress=lambda d, t: seen.append((d, t)))
    assert seen == [(1, 2), (2, 2)]
    assert len(failures) == 2
