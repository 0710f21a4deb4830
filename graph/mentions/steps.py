"""Extraction rules as registered, ordered steps with declared inputs and outputs.

In the spirit of spaCy's pipeline components: every rule is a :class:`Step`
that names what it reads from the document's :class:`DocContext` (``requires``)
and what it writes (``assigns``). A pipeline is an ordered list of step names;
:func:`check_pipeline` refuses an order in which a step would run before what
it needs exists, so a rule can be moved or added without reading every other
rule to find out what it silently depended on.

Scopes say what a step is called with:

* ``document`` -- ``func(ctx)``, once;
* ``view`` -- ``func(ctx, view)`` for every text view (consecutive view steps run
  view by view, so a later rule of the group sees an earlier one's work on the
  same part);
* ``first-view`` -- ``func(ctx, view)`` for the first (main) view only;
* ``structure-view`` -- ``func(ctx, view)`` for views read by structure alone
  (no spaCy parse).

Names of context fields used in ``requires``/``assigns``: ``registry``
(entities and facts), ``registrant``, ``parse`` (spaCy docs of the views),
``entities`` (NER mentions), and the typed fields of :class:`DocContext`
(``claimed``, ``holder_rows``, ``listings``, ``labelled_file_numbers``,
``instrument_types``, ``signatures``, ``report_date``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Literal, Sequence

from graph.errors import ExtractionError
from graph.mentions.context import DocContext, PartView

Scope = Literal["document", "view", "first-view", "structure-view"]

#: what a fresh context holds before any step runs
PROVIDED = frozenset({"registry", "views", "source"})


@dataclass(frozen=True)
class Step:
    """One rule: its name, how it is called, and what it reads and writes."""

    name: str
    func: Callable[..., object]
    scope: Scope
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()
    doc: str = ""


_REGISTRY: dict[str, Step] = {}


def register(
    name: str,
    func: Callable[..., object],
    *,
    scope: Scope,
    requires: Sequence[str] = (),
    assigns: Sequence[str] = (),
    doc: str | None = None,
) -> Step:
    """Register ``func`` as the step ``name``; a name is registered once.

    ``doc`` (one line: what the step reads, from which layout) defaults to the
    first line of the function's docstring.
    """
    if name in _REGISTRY and _REGISTRY[name].func is not func:
        raise ExtractionError(f"extraction step {name!r} is already registered")
    if doc is None:
        doc = (func.__doc__ or "").strip().splitlines()[0] if (func.__doc__ or "").strip() else ""
    step = Step(name, func, scope, tuple(requires), tuple(assigns), doc)
    _REGISTRY[name] = step
    return step


def get_step(name: str) -> Step:
    try:
        return _REGISTRY[name]
    except KeyError:
        known = ", ".join(sorted(_REGISTRY))
        raise ExtractionError(f"no extraction step {name!r} (registered: {known})") from None


def registered_steps() -> dict[str, Step]:
    return dict(_REGISTRY)


def check_pipeline(names: Sequence[str], provided: frozenset[str] = PROVIDED) -> list[Step]:
    """The steps of ``names`` in order; ExtractionError if one needs what no earlier step assigns."""
    have = set(provided)
    steps: list[Step] = []
    for name in names:
        step = get_step(name)
        missing = [r for r in step.requires if r not in have]
        if missing:
            raise ExtractionError(f"extraction step {name!r} requires {', '.join(missing)}, which no earlier step assigns")
        have.update(step.assigns)
        steps.append(step)
    return steps


def run_steps(steps: Sequence[Step], ctx: DocContext) -> None:
    """Run checked steps on one document; consecutive per-view steps run view by view."""
    i = 0
    while i < len(steps):
        step = steps[i]
        if step.scope == "document":
            step.func(ctx)
            i += 1
            continue
        group = [step]
        while i + len(group) < len(steps) and steps[i + len(group)].scope == step.scope == "view":
            group.append(steps[i + len(group)])
        for view in _views(ctx, step.scope):
            with ctx.speaking_for(view):
                for s in group:
                    s.func(ctx, view)
        i += len(group)


def _views(ctx: DocContext, scope: Scope) -> list[PartView]:
    if scope == "first-view":
        return ctx.views[:1]
    if scope == "structure-view":
        return [v for v in ctx.views if not v.nlp]
    return list(ctx.views)
