"""Prose roles read from text shapes and the dependency parse, with negatives (history, other companies, committees)."""

from tests.conftest import rows_of

HEAD = 'FORM 8-K\n\nAcme Wireless Communications, Inc. (the "Registrant") reports a change.\n\n'


def _roles(rows):
    return {r for r in rows if r[1] in ("officer_of", "director_of")}


def test_copula_after_apposition_names_the_title(extract_text):
    # 1995 prospectus: "X, a member of the firm, is Secretary of the Company."
    ex = extract_text(
        HEAD + "     The legality of the Shares offered hereby will be passed\nupon for the Company by Messrs. Stroock & Stroock"
        " & Lavan, 7\nHanover Square, New York, New York 10004.  Martin H. Neidell, a\nmember of the firm, is Secretary of the Company.\n"
    )
    roles = _roles(rows_of(ex))
    assert ("Martin H. Neidell", "officer_of", "Acme Wireless Communications, Inc.", "Secretary") in roles
    assert not any(r[0] == "Martin H. Neidell" and r[1] == "director_of" for r in roles)


def test_assuming_the_responsibilities_of(extract_text):
    # 2004 8-K
    ex = extract_text(
        HEAD + "     On September 29, 2004, Brian Corty resigned as a director and\ncorporate secretary of the Registrant.  Current"
        " corporate assistant secretary Don Boudewyn,\nexecutive vice president, is assuming the responsibilities of\ncorporate"
        " secretary from Mr. Corty.\n"
    )
    roles = _roles(rows_of(ex))
    reg = "Acme Wireless Communications, Inc."
    assert ("Don Boudewyn", "officer_of", reg, "Secretary") in roles
    assert ("Don Boudewyn", "officer_of", reg, "Executive Vice President") in roles
    assert ("Brian Corty", "officer_of", reg, "Secretary") in roles  # leaving officers are recorded
    assert ("Brian Corty", "director_of", reg) in roles


def test_title_before_name_in_apposition(extract_text):
    # 1995 risk factor: "including its Chairman of the Board and Chief Executive Officer, X."
    ex = extract_text(
        HEAD + "The Company's success depends upon its ability to attract and retain skilled managers and key personnel,"
        " including its Chairman of the Board and Chief Executive Officer, Steven L. Sinn.\n"
    )
    roles = _roles(rows_of(ex))
    reg = "Acme Wireless Communications, Inc."
    assert ("Steven L. Sinn", "officer_of", reg, "Chief Executive Officer") in roles
    assert ("Steven L. Sinn", "officer_of", reg, "Chairman") in roles
    assert ("Steven L. Sinn", "director_of", reg) not in roles


def test_appointment_verbs_with_as_phrase_predicate_and_position(extract_text):
    ex = extract_text(
        'FORM 8-K\n\nAcme Air Corp. (the "Company") announced changes. The Board appointed Jane Q. Roe as Chief Financial'
        " Officer. On May 1, 2001, the Board named Peter Zed to the position of Treasurer. Mary Major was promoted to"
        " Senior Vice President of the Company.\n"
    )
    roles = _roles(rows_of(ex))
    assert ("Jane Q. Roe", "officer_of", "Acme Air Corp.", "Chief Financial Officer") in roles
    assert ("Peter Zed", "officer_of", "Acme Air Corp.", "Treasurer") in roles
    assert ("Mary Major", "officer_of", "Acme Air Corp.", "Senior Vice President") in roles


def test_finished_roles_at_other_companies_are_history(extract_text):
    # 2023 8-K shape: a new officer's past career, then a current outside directorship
    ex = extract_text(
        'FORM 8-K\n\nAcme Air Corp. (the "Company") appointed Jane Q. Roe as Executive Vice President. Ms. Roe, 51,'
        " served as President and Chief Executive Officer and as a director of Beta Cargo Holdings, Inc. from January 1,"
        " 2020 to June 15, 2023. Ms. Roe serves as a director of Gamma Parts Corp., a provider of aviation services.\n"
    )
    roles = _roles(rows_of(ex))
    assert ("Jane Q. Roe", "officer_of", "Acme Air Corp.", "Executive Vice President") in roles
    assert ("Jane Q. Roe", "director_of", "Gamma Parts Corp.") in roles
    assert not any("Beta Cargo" in r[2] for r in roles)
    assert ("Jane Q. Roe", "officer_of", "Acme Air Corp.", "President") not in roles
    assert ("Jane Q. Roe", "director_of", "Acme Air Corp.") not in roles


def test_committee_chair_is_not_an_office(extract_text):
    ex = extract_text(
        'FORM 8-K\n\nAcme Air Corp. (the "Company") announced that John Q. Public, a director of the Company, was named'
        " Chairman of the Audit Committee of the Board of Directors.\n"
    )
    roles = _roles(rows_of(ex))
    assert ("John Q. Public", "director_of", "Acme Air Corp.") in roles
    assert not any(r[1] == "officer_of" for r in roles)
    assert not any("Committee" in r[2] for r in roles)


def test_passive_appointment_with_until_is_not_history(extract_text):
    # 2006 8-K: an officer takes on an interim role "until" a date; his titles stand
    ex = extract_text(
        'FORM 8-K\n\nAcme Semiconductor Corporation (the "Company") reports. On January 30, 2006, Alex C. Hui, President'
        " and Chief Executive Officer was appointed the duties of acting Chief Financial Officer effective February 1, 2006"
        " until on or about March 1, 2006.\n"
    )
    roles = _roles(rows_of(ex))
    assert ("Alex C. Hui", "officer_of", "Acme Semiconductor Corporation", "President") in roles
