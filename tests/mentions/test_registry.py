"""Within-document resolution: variants merge, different people never do."""

from graph.mentions.registry import EntityRegistry, PersonName


def test_person_name_compatibility():
    assert PersonName.parse("Marc Crossman").compatible(PersonName.parse("Marc B. Crossman"))
    assert PersonName.parse("Samuel J. Furrow, Jr.").compatible(PersonName.parse("Samuel J. Furrow"))
    assert not PersonName.parse("Arie Belldegrun").compatible(PersonName.parse("Daniel Belldegrun"))
    assert not PersonName.parse("John A. Smith").compatible(PersonName.parse("John B. Smith"))
    assert not PersonName.parse("John Smith Jr.").compatible(PersonName.parse("John Smith Sr."))


def test_company_variants_merge_but_not_shared_words():
    reg = EntityRegistry("d")
    a = reg.add("Company", "INNOVO GROUP INC.")
    assert reg.add("Company", "Innovo Group Inc.") == a
    assert reg.add("Company", "Innovo Group") == a
    assert reg.add("Company", "Innovo Inc.") != a
    assert reg.entities[a].name == "Innovo Group Inc."  # mixed case beats upper case


def test_two_people_with_one_surname_stay_two():
    reg = EntityRegistry("d")
    a = reg.add("Person", "Arie Belldegrun")
    b = reg.add("Person", "Daniel Belldegrun")
    assert a != b
    assert reg.find_person_by_surname("Belldegrun") is None  # ambiguous: no guess


def test_merge_moves_facts_and_instruments():
    reg = EntityRegistry("d")
    a = reg.add("Company", "Acme Corp.")
    b = reg.add("Company", "Acme Holdings Corp.")
    inst = reg.instrument(b, "Warrant")
    reg.fact(inst, "exercise_price", "1")
    reg.fact(b, "issued", "Warrant")
    reg.merge(b, a)
    assert b not in reg.entities
    assert {f.subject for f in reg.facts} == {a, f"{a}/Warrant"}


def test_names_lose_control_characters_and_lone_surrogates() -> None:
    reg = EntityRegistry("x.txt")
    key = reg.add("Company", "Acme\x01 Widgets\x0b Inc.\ud800")
    assert reg.entities[key].name == "Acme Widgets Inc.\ufffd"
