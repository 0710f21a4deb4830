from __future__ import annotations

import pytest

from graph.normalize.forms import form_kind


@pytest.mark.parametrize(
    ("form", "kind"),
    [
        ("8-K", "8-K"), ("8-K/A", "8-K"), ("EX-21.1", "EX-21"), ("EX-21.01", "EX-21"), ("ex-99", "EX-99"),
        ("SC 13G", "SC 13G"), ("SCHEDULE 13G", "SC 13G"), ("SC 13D/A", "SC 13D"), ("424B4", "424B"),
        ("424B5", "424B"), ("10-K", "10-K"), ("D/A", "D"), ("", "unknown"), (None, "unknown"),
    ],
)
def test_form_kind(form: str | None, kind: str) -> None:
    assert form_kind(form) == kind
