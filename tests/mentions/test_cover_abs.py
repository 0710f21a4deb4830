"""Asset-backed covers: each named party (issuing entity, depositor, sponsor) keeps its own identifiers."""

from graph.mentions.cover_abs import read_abs_cover
from tests.conftest import rows_of

# a 10-K under General Instruction J: labels above each name, one state caption naming two roles
TEN_K = """FORM 10-K
Commission File Number of issuing entity: 333-228379-03

Central Index Key Number of issuing entity: 0001779026

CARMAX AUTO OWNER TRUST 2019-3
(Exact name of the Issuing Entity as specified in its charter)

Commission File Number of depositor: 333-228379

Central Index Key Number of depositor: 0001259380

CARMAX AUTO FUNDING LLC
(Exact name of the Depositor as specified in its charter)

Central Index Key Number of sponsor (if applicable): 0001601902

CARMAX BUSINESS SERVICES, LLC
(Exact name of the Sponsor as specified in its charter)

Delaware
(State or other jurisdiction of incorporation or organization for the Issuing Entity and the Depositor)

36-7736028
(I.R.S. Employer Identification No. for the Issuing Entity)

01-0794037
(I.R.S. Employer Identification No. for the Depositor)

12800 Tuckahoe Creek Parkway, Suite 400, Richmond, VA 23238

(Address of principal executive offices, Zip Code)
"""

# a 10-D: CIK label above the name, file number below the name caption (invented names)
TEN_D = """FORM 10-D
ASSET-BACKED ISSUER DISTRIBUTION REPORT
For the monthly distribution period from: October 21, 2025 to November 18, 2025

Commission File Number of issuing entity: 333-123456-01
Central Index Key Number of issuing entity: 0001888524
Quillmoor Auto Receivables Trust 2025-1
(Exact name of issuing entity as specified in its charter)
Commission File Number of depositor: 333-123456
Central Index Key Number of depositor: 0000876543
Quillmoor Receivables Depositor LLC
(Exact name of depositor as specified in its charter)
Central Index Key Number of sponsor (if applicable): 0000112233
Quillmoor Finance Bank
(Exact name of sponsor as specified in its charter)

New York | 87-1234567
(State or other jurisdiction of incorporation or organization of the issuing entity) | (I.R.S. Employer Identification No.)
"""

ORDINARY = """FORM 8-K
ACME WIDGETS, INC.
(Exact name of registrant as specified in its charter)
Delaware                0-18926             11-2928178
(State of incorporation)  (Commission File No.)  (IRS Employer Identification No.)
"""


def test_each_role_gets_its_own_labels_and_captions():
    roles = read_abs_cover(TEN_K)
    assert {r: {k: v[0] for k, v in f.items()} for r, f in roles.items()} == {
        "issuing entity": {"name": "CARMAX AUTO OWNER TRUST 2019-3", "cik": "1779026", "file_number": "333-228379-03",
                           "state": "Delaware", "irs": "36-7736028"},
        "depositor": {"name": "CARMAX AUTO FUNDING LLC", "cik": "1259380", "file_number": "333-228379",
                      "state": "Delaware", "irs": "01-0794037"},
        "sponsor": {"name": "CARMAX BUSINESS SERVICES, LLC", "cik": "1601902"},
    }


def test_10d_layout_labels_before_and_after_names():
    roles = read_abs_cover(TEN_D)
    assert roles["issuing entity"]["name"][0] == "Quillmoor Auto Receivables Trust 2025-1"
    assert roles["issuing entity"]["state"][0] == "New York"
    assert roles["depositor"]["file_number"][0] == "333-123456"
    assert roles["depositor"]["name"][0] == "Quillmoor Receivables Depositor LLC"
    assert roles["sponsor"]["cik"][0] == "112233"
    # the IRS caption names no role: left to the ordinary cover reader (the registrant's)
    assert "irs" not in roles["depositor"]


def test_ordinary_cover_names_no_roles():
    assert read_abs_cover(ORDINARY) == {}


def test_abs_cover_facts_and_registrant(extract_text):
    ex = extract_text(TEN_D)
    rows = rows_of(ex)
    assert ex.entities[ex.registrant].name == "Quillmoor Auto Receivables Trust 2025-1"
    assert ("Quillmoor Auto Receivables Trust 2025-1", "cik", "1888524") in rows
    assert ("Quillmoor Auto Receivables Trust 2025-1", "commission_file_number", "333-123456-01") in rows
    assert ("Quillmoor Auto Receivables Trust 2025-1", "irs_employer_id", "87-1234567") in rows
    assert ("Quillmoor Receivables Depositor LLC", "cik", "876543") in rows
    assert ("Quillmoor Receivables Depositor LLC", "commission_file_number", "333-123456") in rows
    assert ("Quillmoor Finance Bank", "cik", "112233") in rows
    # the depositor's numbers are not the registrant's
    assert ("Quillmoor Auto Receivables Trust 2025-1", "cik", "876543") not in rows
    assert ("Quillmoor Auto Receivables Trust 2025-1", "commission_file_number", "333-123456") not in rows


def test_abs_10k_signature_titles_go_to_the_signing_depositor(extract):
    rows = rows_of(extract("10-K_CarMaxAutoOwnerTrust2019-3_0001779026-23-000027.htm"))
    officer = {r for r in rows if r[1] == "officer_of"}
    assert ("Andrew J. McMonigle", "officer_of", "CarMax Auto Funding LLC", "Treasurer") in {
        (r[0], r[1], r[2].replace("Carmax", "CarMax"), r[3]) for r in officer
    }
    assert not any("Trust" in r[2] for r in officer)
