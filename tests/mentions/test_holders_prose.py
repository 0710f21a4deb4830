"""Holders named in prose (1996-2001 8-K layouts; names invented): a target's holders and the consideration they got."""

from graph.mentions.holders import _named_holders
from tests.conftest import rows_of


def cover(name: str) -> str:
    return f"FORM 8-K\n\n                 {name}\n   (Exact name of registrant as specified in its charter)\n\n"


def test_its_sole_stockholder_and_the_shares_received(extract_text):
    # 1996 8-K: "with Innova Solutions, Inc. ("Innova") and its sole stockholder, Susan E. Trice, pursuant to which ..."
    text = cover("QUARRY GROUP, INC.") + (
        "First, the Company entered into an Agreement and Plan of Reorganization and Merger, dated as of\n"
        "June 28, 1996, with Nimbus Solutions, Inc. (\"Nimbus\") and its sole stockholder, Helen R. Marsh,\n"
        "pursuant to which a newly-formed subsidiary of the Company was merged with Nimbus.\n"
        "The stockholder of Nimbus received 521,390 newly issued shares of the Company's Common Stock\n"
        "as consideration in the merger.\n"
    )
    rows = rows_of(extract_text(text))
    assert ("Helen R. Marsh", "shareholder_of", "Nimbus Solutions, Inc.") in rows
    assert ("Helen R. Marsh", "shareholder_of", "Quarry Group, Inc.") in rows
    assert ("Quarry Group, Inc.", "acquired", "Nimbus Solutions, Inc.") in rows
    assert ("Quarry Group, Inc. / Common Stock", "shares", "521390") in rows


def test_apposition_sole_stockholder_of(extract_text):
    # 1997 8-K: "a definitive agreement to acquire from Mark O'Brien, sole stockholder of LHS, certain assets"
    text = cover("PINEHURST CARE, INC.") + (
        "Lakeview Home Services, Inc. (\"LHS\") provides nursing services. The Company signed a definitive agreement\n"
        "to acquire from Daniel O'Keefe, sole stockholder of Lakeview Home Services, Inc., certain assets of its affiliates.\n"
    )
    rows = rows_of(extract_text(text))
    assert ("Daniel O'Keefe", "shareholder_of", "Lakeview Home Services, Inc.") in rows
    assert not any(r[1] == "shareholder_of" and r[2] == "Pinehurst Care, Inc." for r in rows)  # no shares received


def test_holders_without_names_or_a_future_receipt_give_nothing(extract_text):
    text = cover("QUARRY GROUP, INC.") + (
        "The stockholders of Nimbus Solutions, Inc. approved the merger at a special meeting.\n\n"
        "In the merger, the sole shareholder of Nimbus Solutions, Inc. will receive approximately 4,300,000 shares\n"
        "of restricted common stock of the Company.\n"
    )
    rows = rows_of(extract_text(text))
    assert not any(r[1] == "shareholder_of" for r in rows)
    assert ("Quarry Group, Inc. / Common Stock", "shares", "4300000") not in rows


def test_named_holder_lists_stop_at_the_first_non_name():
    lst = "Martin E. Hollis and Nora A. Hollis, Peter J. Vance and Carla M. Vance. The stockholders of"
    assert [n for _t, n, _s, _e in _named_holders(lst)] == ["Martin E. Hollis", "Nora A. Hollis", "Peter J. Vance", "Carla M. Vance"]
    assert _named_holders("and to pay to such shareholders an aggregate of") == []
    assert [(t, n) for t, n, _s, _e in _named_holders("Orchard Partners, L.P. and Jane Q. Doe, pursuant to")] == [
        ("Company", "Orchard Partners, L.P."),
        ("Person", "Jane Q. Doe"),
    ]


def test_copula_holders_and_sole_corporate_holder(extract_text):
    # 1995 S-3/A: "Messrs. Barry and Kadis are the controlling shareholders of Bariston Holdings, Inc., which is the sole
    # shareholder of Bariston Associates, Inc."
    text = cover("HARBOR PAGING GROUP, INC.") + (
        "Edward L. Stroud and Victor Mandel are the general partners of the fund. Messrs.\n"
        "Stroud and Mandel are the controlling shareholders of Kestle Holdings, Inc., which is the sole shareholder of\n"
        "Kestle Associates, Inc. (\"Kestle\").\n"
    )
    rows = rows_of(extract_text(text))
    assert ("Edward L. Stroud", "shareholder_of", "Kestle Holdings, Inc.") in rows
    assert ("Victor Mandel", "shareholder_of", "Kestle Holdings, Inc.") in rows
    assert ("Kestle Associates, Inc.", "subsidiary_of", "Kestle Holdings, Inc.") in rows
    assert ("Kestle Holdings, Inc.", "shareholder_of", "Kestle Associates, Inc.") not in rows


def test_copula_with_unknown_subject_gives_nothing(extract_text):
    text = cover("HARBOR PAGING GROUP, INC.") + (
        "Certain of the selling holders are the controlling shareholders of Kestle Holdings, Inc.\n"
    )
    rows = rows_of(extract_text(text))
    assert not any(r[1] == "shareholder_of" for r in rows)
