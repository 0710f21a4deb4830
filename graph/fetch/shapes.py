"""Shape checks for EDGAR's JSON: a response of the wrong shape is one :class:`FetchError`, never a ``TypeError`` deep inside.

EDGAR's JSON is trusted for its content but not for its shape: a proxy's
error page, a truncated mirror or a changed API must end the command with a
message that says which part was wrong, not with a traceback.
"""

from __future__ import annotations

from typing import Any

from graph.fetch.errors import FetchError


def kind(value: Any) -> str:
    """The JSON name of a value's type, for messages."""
    if value is None:
        return "null"
    return {dict: "an object", list: "a list", str: "a string", bool: "a boolean", int: "a number", float: "a number"}.get(type(value), type(value).__name__)


def expect_object(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise FetchError(f"{where} is {kind(value)}, not an object")
    return value


def expect_list(value: Any, where: str) -> list[Any]:
    """``value`` when it is a list; null or absent counts as empty."""
    if value is None:
        return []
    if not isinstance(value, list):
        raise FetchError(f"{where} is {kind(value)}, not a list")
    return value


def string_column(cols: dict[str, Any], key: str, n: int | None, where: str) -> list[str]:
    """One of the parallel arrays of a submissions block: strings (null read as ""), ``n`` of them when ``n`` is given.

    An absent column is ``n`` empty strings (older pages lack some columns);
    a column of another length would pair values with the wrong filings.
    """
    if cols.get(key) is None and n is not None:
        return [""] * n
    values = expect_list(cols.get(key), f"{where}.{key}")
    if n is not None and len(values) != n:
        raise FetchError(f"{where}.{key} has {len(values)} entries, accessionNumber has {n}")
    out = []
    for i, v in enumerate(values):
        if v is not None and not isinstance(v, str):
            raise FetchError(f"{where}.{key}[{i}] is {kind(v)}, not a string")
        out.append(v or "")
    return out
