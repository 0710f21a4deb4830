"""Firm names are found whole: comma lists of partners, comma legal tails, "The" inside a sentence; terms are not firms."""

import pytest

from graph.mentions.gazetteer import find_company_names


def _names(text: str) -> list[str]:
    return [text[s:e] for s, e in find_company_names(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 1995 prospectus supplement (text era)
        (
            "of the Underwriters, for whom Goldman, Sachs & Co. and Merrill Lynch, Pierce,\nFenner & Smith Incorporated are acting",
            ["Goldman, Sachs & Co.", "Fenner & Smith Incorporated"],  # a line break ends a name in layout text
        ),
        (
            "for whom Goldman, Sachs & Co. and Merrill Lynch, Pierce, Fenner & Smith Incorporated are acting",
            ["Goldman, Sachs & Co.", "Merrill Lynch, Pierce, Fenner & Smith Incorporated"],
        ),
        # 2024 prospectus Legal Matters
        ("will be passed upon by Morgan, Lewis & Bockius LLP, Philadelphia, Pennsylvania.", ["Morgan, Lewis & Bockius LLP"]),
        # 2012 8-K exhibit index
        ("5.1 Opinion of Weil, Gotshal & Manges LLP.", ["Weil, Gotshal & Manges LLP"]),
        # invented partners joined by "and" in a law firm's name
        ("counsel, Abbot, Birch, Cole, Dunmore and Eske, P.C., Boston", ["Abbot, Birch, Cole, Dunmore and Eske, P.C."]),
        ("Keefe, Bruyette & Woods, Inc. and Stifel, Nicolaus & Company, Incorporated", [
            "Keefe, Bruyette & Woods, Inc.", "Stifel, Nicolaus & Company, Incorporated"]),
    ],
)
def test_comma_lists_of_partners_stay_in_the_name(text, expected):
    assert _names(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("passed upon for Goldman by Jenkens & Gilchrist, a Professional Corporation, Dallas, Texas.",
         ["Jenkens & Gilchrist, a Professional Corporation"]),
        ("between the Company and Wells Fargo Bank, National Association, as trustee.", ["Wells Fargo Bank, National Association"]),
        ("between the Company and U.S. Bank Trust National Association, as successor in interest to State Street Bank and Trust Company, as trustee.",
         ["U.S. Bank Trust National Association", "State Street Bank and Trust Company"]),
    ],
)
def test_legal_form_tails_are_never_their_own_company(text, expected):
    names = _names(text)
    assert names == expected
    assert not any(n in ("Professional Corporation", "National Association", "a Professional Corporation") for n in names)


def test_negatives_laws_numbers_lists_and_sentence_adverbs():
    assert _names("Section 203 of the Delaware General Corporation Law applies") == []
    assert _names("for fiscal 1995 of Acme Stores, Inc. and") == ["Acme Stores, Inc."]
    # two firms, not one: a legal form ends the first
    assert _names("Ernst & Young LLP and Deloitte & Touche LLP") == ["Ernst & Young LLP", "Deloitte & Touche LLP"]
    assert _names("Citigroup Global Markets Inc., Goldman, Sachs & Co.") == ["Citigroup Global Markets Inc.", "Goldman, Sachs & Co."]
    # a sentence adverb is no partner; "the Company" is no partner
    assert _names("Accordingly, Birch & Co. agreed") == ["Birch & Co."]
    assert _names("between the Company and Smith and Jones LLP") == ["Smith and Jones LLP"]
    assert _names("Common Stock and Trust Company") == []


def test_a_capitalised_the_inside_a_sentence_is_part_of_the_name():
    assert _names("registered in the name of The Depository Trust Company, or DTC") == ["The Depository Trust Company"]
    assert _names("The Depository Trust Company will act as depositary") == ["Depository Trust Company"]


def test_terms_the_document_writes_in_lower_case_are_not_firms(nlp):
    doc = nlp(
        "In connection with the sale of Debt Securities, the Company may pay fees. The debt securities are unsecured. "
        "We have engaged Tungsten Advisors as our exclusive placement agent."
    )
    ents = {(e.text, e.label_) for e in doc.ents}
    assert not any(t == "Debt Securities" for t, _ in ents)
    assert ("Tungsten Advisors", "ORG") in ents  # a firm word makes a misread span a firm
