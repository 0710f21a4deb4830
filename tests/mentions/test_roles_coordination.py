"""Titles held at several companies in one apposition, titles at unnamed entities, lists that are not appositions."""

from graph.mentions.roles import coordinated_roles  # noqa: F401  (the rule under test)
from tests.conftest import rows_of


def _roles(rows):
    return {r for r in rows if r[1] in ("officer_of", "director_of")}


def test_titles_of_both_the_company_and_a_defined_subsidiary(extract_text):
    # 2009 8-K (HTML, reflowed), real excerpt: "of both the Company and X ("Bank")", then "of the Company and the Bank"
    ex = extract_text(
        "FORM 8-K\n\nOn September 4, 2009, Horizon Financial Corp. (\u201cCompany\u201d) announced that Greg B.\nSpear, Chief"
        " Financial Officer and Secretary of both the Company and Horizon\nBank (\u201cBank\u201d) resigned. Mr. Spear\u2019s"
        " resignation is effective as of September 3,\n2009.  Ms.\nKelli J. Holz, the Senior Vice President and Controller"
        " of the Company and the\nBank will assume Mr. Spear\u2019s responsibilities on an interim basis.\n"
    )
    roles = _roles(rows_of(ex))
    for company in ("Horizon Financial Corp.", "Horizon Bank"):
        assert ("Greg B. Spear", "officer_of", company, "Chief Financial Officer") in roles
        assert ("Greg B. Spear", "officer_of", company, "Secretary") in roles
        assert ("Kelli J. Holz", "officer_of", company, "Senior Vice President") in roles
        assert ("Kelli J. Holz", "officer_of", company, "Controller") in roles
    assert not any(r[2] == "Bank" for r in roles)  # the defined term is the subsidiary, not a company called "Bank"
    assert not any(r[0] == "Kelli J. Holz" and r[3:] == ("Chief Financial Officer",) for r in roles)


def test_separate_of_phrases_keep_their_own_titles(extract_text):
    # 1990s fixed-width text (invented names): "Title of X, and Title of Y"
    ex = extract_text(
        "FORM 8-K\n\n     Lakeview Holdings Corp. (the \"Company\") and Lakeview Savings Bank (the \"Bank\") entered\n"
        "into an employment agreement with Martin Q. Fallow, President and Chief Executive\nOfficer of Lakeview Holdings"
        " Corp., and Chief Executive Officer of the Bank.\n"
    )
    roles = _roles(rows_of(ex))
    assert ("Martin Q. Fallow", "officer_of", "Lakeview Holdings Corp.", "President") in roles
    assert ("Martin Q. Fallow", "officer_of", "Lakeview Holdings Corp.", "Chief Executive Officer") in roles
    assert ("Martin Q. Fallow", "officer_of", "Lakeview Savings Bank", "Chief Executive Officer") in roles
    assert ("Martin Q. Fallow", "officer_of", "Lakeview Savings Bank", "President") not in roles


def test_one_company_and_a_second_title_is_no_coordination(extract_text):
    # "President of the Company and Chief Operating Officer": the second conjunct is a title, not a company
    ex = extract_text(
        'FORM 8-K\n\nAcme Air Corp. (the "Company") announced that Jane Q. Roe, President of the Company and Chief'
        " Operating Officer, will retire.\n"
    )
    roles = _roles(rows_of(ex))
    assert ("Jane Q. Roe", "officer_of", "Acme Air Corp.", "President") in roles
    assert ("Jane Q. Roe", "officer_of", "Acme Air Corp.", "Chief Operating Officer") in roles
    assert {r[2] for r in roles} == {"Acme Air Corp."}


def test_role_at_the_managing_member_of_a_firm_is_not_a_title_there(extract_text):
    # 2024 Schedule 13G Item 4 prose, real excerpt: the trustee is of the managing member, not of the firm named
    ex = extract_text(
        "SCHEDULE 13G\n\nLivent Corporation\n(Name of Issuer)\n\nThe securities are held by entities that may be"
        " controlled by Millennium Group Management LLC (the managing member of Millennium Management LLC) and"
        " Israel A. Englander (the sole voting trustee of the managing member of Millennium Group Management LLC).\n"
    )
    assert not any(r[0] == "Israel A. Englander" for r in _roles(rows_of(ex)))


def test_and_after_a_comma_is_a_list_not_an_apposition(extract_text):
    # 2023 10-K item list: "Certain Relationships and Related Transactions, and Director Independence."
    ex = extract_text(
        "FORM 10-K\n\nAcme Auto Owner Trust 2019-3\n(Exact name of registrant as specified in its charter)\n\n"
        "Item 13. | Certain Relationships and Related Transactions, and Director Independence.\n\n"
        "Item 14. | Principal Accountant Fees and Services.\n"
    )
    assert not any(r[1] == "director_of" for r in rows_of(ex))


def test_and_its_subsidiary_and_an_unquoted_acronym(extract_text):
    # 2001 8-K (HTML, reflowed), real excerpt: "X and its subsidiary Y (ACRONYM)", then "president of X and ACRONYM"
    ex = extract_text(
        "FORM 8-K\n\nITEM 5. Other Items\nOn October 5, 2001 we announced that David B. Johnson was named Chief Executive"
        " Officer of Stockwalk Group, Inc and its subsidiary Miller Johnson Steichen Kinnard, Inc. (MJSK) of Minneapolis."
        " Mr. Johnson previously has served as president of Stockwalk Group and MJSK.\n"
    )
    roles = _roles(rows_of(ex))
    mjsk = "Miller Johnson Steichen Kinnard, Inc."
    assert ("David B. Johnson", "officer_of", mjsk, "Chief Executive Officer") in roles
    assert ("David B. Johnson", "officer_of", mjsk, "President") in roles
    assert not any(r[2] == "MJSK" for r in roles)
