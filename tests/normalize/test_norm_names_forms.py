"""Legal-form tails written after a comma fold into the firm's core name (and never stand alone)."""

import pytest

from graph.normalize.names import company_core, company_form, same_company_name


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Conner & Winters", "Conner & Winters, A Professional Corporation"),
        ("Wells Fargo Bank, N.A.", "Wells Fargo Bank, National Association"),
        ("Jenkens & Gilchrist, a Professional Corporation", "JENKENS & GILCHRIST"),
    ],
)
def test_comma_legal_tails_are_one_firm(a, b):
    assert same_company_name(a, b)


def test_legal_forms_still_tell_firms_apart():
    assert company_form("Wells Fargo Bank, National Association") == "na"
    assert not same_company_name("Alder Bank, National Association", "Alder Bank LLC")
    # a tail alone keeps its words: it is never reduced to nothing
    assert company_core("National Association") == "national association"
