"""spaCy components and company-name spans."""

from graph.mentions.gazetteer import find_company_names


def _names(text):
    return [text[s:e] for s, e in find_company_names(text)]


def test_company_names_stop_at_sentence_and_title():
    text = "said Marc Crossman, Chief Financial Officer of Innovo Group. About Innovo Group Inc. Innovo Group Inc., through"
    assert _names(text) == ["Innovo Group", "Innovo Group Inc.", "Innovo Group Inc."]


def test_company_names_keep_comma_suffix_and_ampersand():
    assert _names("a legal opinion of Sullivan & Worcester LLP, counsel") == ["Sullivan & Worcester LLP"]
    assert _names("subsidiaries Innovo Inc., Joe's Jeans and Innovo Azteca Apparel, Inc., is") == [
        "Innovo Inc.",
        "Innovo Azteca Apparel, Inc.",
    ]


def test_lowercase_words_are_not_companies():
    assert _names("the company and its subsidiaries") == []


def test_pipeline_repairs_entities(nlp):
    doc = nlp("Innovo Group Inc. sold shares of Common Stock and filed with the Securities and Exchange Commission (SEC).")
    ents = {(e.text, e.label_) for e in doc.ents}
    assert ("Innovo Group Inc.", "ORG") in ents
    assert ("Securities and Exchange Commission", "GOV") in ents
    assert not any(t == "Common Stock" for t, _l in ents)
    assert "fkg_org_patterns" in nlp.pipe_names


def test_company_name_after_a_dash_and_no_runaway_span():
    text = "SAN JOSE, Calif.--(BUSINESS WIRE) via First!--Cisco Systems Inc. (Nasdaq: CSCO) today"
    assert _names(text) == ["Cisco Systems Inc."]
    assert _names("Schedule 9(q): Limited Standstill Providers") == []


def test_plural_role_phrases_are_not_people(nlp):
    # 2023 credit-agreement prose: role phrases in title case after "serving as"
    doc = nlp(
        "Zephyr Bank, N.A. and Quill Capital Markets LLC serving as Joint Bookrunners and Joint Lead Arrangers. "
        "The loans are Eurocurrency Borrowings, and other borrowings bear interest. Dana K. Whitfield signed."
    )
    people = {e.text for e in doc.ents if e.label_ == "PERSON"}
    assert "Joint Bookrunners" not in people and "Eurocurrency Borrowings" not in people
    assert "Dana K. Whitfield" in people


def test_document_heads_and_roles_are_not_firms(nlp):
    doc = nlp(
        "99.1 Press Release of Brightwater Holdings Corporation dated July 17, 2023. "
        "Lantern Bank, National Association, as a Lender, an Issuing Bank and Administrative Agent."
    )
    orgs = {e.text for e in doc.ents if e.label_ == "ORG"}
    assert "Brightwater Holdings Corporation" in orgs
    assert not any(o.startswith("Press Release") for o in orgs)
    assert "Issuing Bank" not in orgs and "an Issuing Bank" not in orgs
    assert "Lantern Bank, National Association" in orgs


def test_bank_of_names_stay_whole(nlp):
    doc = nlp("The lenders include Bank of America Corporation and First National Bank of Pennsylvania.")
    orgs = {e.text for e in doc.ents if e.label_ == "ORG"}
    assert "Bank of America Corporation" in orgs


def test_exchanges_named_in_prose_are_companies(nlp):
    # 1999 10-K and 2024 prospectus wording, invented issuers
    doc = nlp(
        "The Common Stock is traded on the New York Stock Exchange and on The Nasdaq Capital Market. "
        "Shares of Quarrel Corp. (NASDAQ: QRL) rose."
    )
    orgs = {e.text for e in doc.ents if e.label_ == "ORG"}
    assert "New York Stock Exchange" in orgs and "The Nasdaq Capital Market" in orgs
    assert "NASDAQ" not in orgs  # beside a ticker: no entity


def test_named_courts_are_government_bodies(nlp):
    doc = nlp(
        "The Court of Chancery of the State of Delaware and the U.S. Bankruptcy Court, District of Minnesota, "
        "and the federal district court for the District of Delaware have jurisdiction; the court may rule."
    )
    gov = {e.text for e in doc.ents if e.label_ == "GOV"}
    assert "Court of Chancery of the State of Delaware" in gov
    assert "U.S. Bankruptcy Court, District of Minnesota" in gov
    assert "federal district court for the District of Delaware" in gov
    assert "court" not in gov


def test_agency_matches_are_every_forms_own_matches():
    """The one-scan gate changes nothing: overlapping forms, case rules and parenthesised weak abbreviations agree."""
    from graph.mentions.components import AGENCY_PATTERNS, agency_matches

    texts = [
        "Quillmore Harbor, Inc. filed with the U.S. Securities and Exchange Commission (the SEC) and the\nFDIC.",
        "the internal revenue service (IRS) and the irs; the federal reserve board",  # IRS only in brackets
        "Total revenues          1,234,567      1,098,765",
        "SECURITIES AND EXCHANGE COMMISSION\nWashington, D.C. 20549",
        "",
    ]
    for text in texts:
        separate = [(m.span(), canon) for pat, canon in AGENCY_PATTERNS for m in pat.finditer(text)]
        assert [(m.span(), canon) for m, canon in agency_matches(text)] == separate
    assert [canon for _, canon in agency_matches(texts[0])].count("Securities and Exchange Commission") >= 3
    assert not list(agency_matches(texts[2]))
