"""Extraction steps: registered once, ordered by what they need, run view by view."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.errors import ExtractionError
from graph.mentions.context import DocContext, PartView
from graph.mentions.registry import EntityRegistry
from graph.mentions.rules import FINISH, FINISH_STEPS, PREPARE, PREPARE_STEPS
from graph.mentions.steps import check_pipeline, get_step, register, registered_steps, run_steps
from graph.model import SourceDocument, TextPart


def _ctx(texts: list[str]) -> DocContext:
    parts = [TextPart(text=t, offsets=list(range(len(t) + 1))) for t in texts]
    views = [PartView(layout=p, flow=p) for p in parts]
    sd = SourceDocument(doc_id="x.txt", path=Path("x.txt"), source_text="".join(texts), sha256="0", encoding="utf-8", fmt="text", parts=parts)
    return DocContext(sd, views, EntityRegistry("x.txt"))


def test_shipped_pipelines_are_checked_and_complete() -> None:
    assert [s.name for s in PREPARE_STEPS] == PREPARE
    assert [s.name for s in FINISH_STEPS] == FINISH
    assert set(PREPARE) | set(FINISH) <= set(registered_steps())
    assert all(get_step(n).doc for n in PREPARE + FINISH), "every step says what it does"


def test_a_step_before_what_it_needs_is_refused() -> None:
    def gives(ctx: DocContext) -> None:
        """assigns x"""

    def needs(ctx: DocContext) -> None:
        """requires x"""

    register("test-gives-x", gives, scope="document", assigns=("x",))
    register("test-needs-x", needs, scope="document", requires=("x",))
    assert [s.name for s in check_pipeline(["test-gives-x", "test-needs-x"])] == ["test-gives-x", "test-needs-x"]
    with pytest.raises(ExtractionError, match="'test-needs-x' requires x"):
        check_pipeline(["test-needs-x", "test-gives-x"])


def test_shipped_finish_order_matters() -> None:
    """Moving the signatures before anything that names the registrant is refused."""
    order = [n for n in FINISH if n != "signatures"]
    order.insert(0, "signatures")
    with pytest.raises(ExtractionError, match="'signatures' requires"):
        check_pipeline(order, provided=frozenset({"registry", "views", "source", "parse"}))


def test_unknown_step_names_the_registered_ones() -> None:
    with pytest.raises(ExtractionError, match="no extraction step 'nope'"):
        check_pipeline(["nope"])


def test_a_name_is_registered_once() -> None:
    def first(ctx: DocContext) -> None:
        """first"""

    def second(ctx: DocContext) -> None:
        """second"""

    register("test-once", first, scope="document")
    with pytest.raises(ExtractionError, match="already registered"):
        register("test-once", second, scope="document")


def test_consecutive_view_steps_run_view_by_view() -> None:
    calls: list[tuple[str, str]] = []

    def a(ctx: DocContext, view: PartView) -> None:
        """a"""
        calls.append(("a", view.layout.text))

    def b(ctx: DocContext, view: PartView) -> None:
        """b"""
        calls.append(("b", view.layout.text))

    def d(ctx: DocContext) -> None:
        """d"""
        calls.append(("d", ""))

    def f(ctx: DocContext, view: PartView) -> None:
        """f"""
        calls.append(("f", view.layout.text))

    register("test-a", a, scope="view", assigns=("x",))
    register("test-b", b, scope="view", requires=("x",))
    register("test-d", d, scope="document")
    register("test-f", f, scope="first-view")
    steps = check_pipeline(["test-a", "test-b", "test-d", "test-f"])
    run_steps(steps, _ctx(["one", "two"]))
    assert calls == [("a", "one"), ("b", "one"), ("a", "two"), ("b", "two"), ("d", ""), ("f", "one")]
