from __future__ import annotations

from pathlib import Path

import pytest

from graph.evaluate.gold import load_gold_dir, parse_gold
from graph.evaluate.metrics import Counts
from graph.evaluate.report import aggregate, format_report, report_to_json
from graph.evaluate.score import score_document

GOLD = parse_gold(
    """
document: doc.txt
form: 8-K
entities:
  - {type: Company, name: Acme Corp., aliases: [ACME CORP, Acme]}
  - {type: Person, name: Jane Q. Doe, aliases: [Jane Doe]}
  - {type: GovernmentAgency, name: Securities and Exchange Commission, aliases: [SEC]}
facts:
  - [doc.txt, form_type, 8-K]                                      # G1
  - [doc.txt, report_date, 2004-06-23]                             # G2
  - [Acme Corp., state_of_incorporation, Delaware]                 # G3
  - [Jane Q. Doe, officer_of, Acme Corp., President]               # G4
  - [Jane Q. Doe, officer_of, Acme Corp., Chief Executive Officer] # G5
  - [Acme Corp. / Warrant, exercise_price, 1.53]                   # G6
  - [Acme Corp., commission_file_number, 0-18926]                  # G7
"""
)


def fact(s: str, r: str, o: str, q: str | None = None) -> dict[str, str | None]:
    return {"subject": s, "relation": r, "object": o, "qualifier": q}


def test_hand_checked_example() -> None:
    # Worked out by hand:
    #   P1 form_type 8-K                          -> TP (G1)
    #   P2 report_date "June 23, 2004"            -> TP (G2, dates as ISO)
    #   P3 ACME CORP state "delaware"             -> TP (G3, alias + case)
    #   P4 Jane Doe officer_of Acme, President    -> TP (G4, aliases)
    #   P5 Jane Doe officer_of Acme, CFO          -> FP
    #   P6 "ACME CORP / warrant" exercise $1.530  -> TP (G6, instrument key + number)
    #   P7 file number 000-18926                  -> TP (G7, leading zeros)
    #   P8 relation ceo_of                        -> ignored
    #   P9 repeat of P3 in other spelling         -> duplicate, counted once
    #   P10 ticker ACME                           -> FP
    #   G5 (CEO) never predicted                  -> FN
    # facts: TP 6, FP 2, FN 1 -> P = 6/8 = 0.75, R = 6/7, F1 = 2PR/(P+R) = 0.8
    facts = [
        fact("doc.txt", "form_type", "8-K"),
        fact("doc.txt", "report_date", "June 23, 2004"),
        fact("ACME CORP", "state_of_incorporation", "delaware"),
        fact("Jane Doe", "officer_of", "Acme", "President"),
        fact("Jane Doe", "officer_of", "Acme", "Chief Financial Officer"),
        fact("ACME CORP / warrant", "exercise_price", "$1.530"),
        fact("Acme Corp.", "commission_file_number", "000-18926"),
        fact("Acme", "ceo_of", "Jane Doe"),
        fact("Acme Corp.", "state_of_incorporation", "Delaware"),
        fact("Acme Corp.", "ticker", "ACME"),
    ]
    # entities: Acme (TP), ACME CORP (same gold entity: duplicate), Jane Doe (TP),
    # "Acme" typed Person (FP: wrong type), Foo LLC (FP); SEC missed (FN)
    # -> TP 2, FP 2, FN 1 -> P 0.5, R 2/3, F1 4/7
    entities = [
        {"name": "Acme Corp", "type": "Company"},
        {"name": "ACME CORP", "type": "Company"},
        {"name": "Jane Doe", "type": "Person"},
        {"name": "Acme", "type": "Person"},
        {"name": "Foo LLC", "type": "Company"},
    ]
    score = score_document(GOLD, facts, entities)
    assert score.facts == Counts(tp=6, fp=2, fn=1)
    assert score.facts.precision == pytest.approx(0.75)
    assert score.facts.recall == pytest.approx(6 / 7)
    assert score.facts.f1 == pytest.approx(0.8)
    assert score.ignored_facts == 1
    assert score.duplicate_facts == 1
    assert score.relations["officer_of"] == Counts(tp=1, fp=1, fn=1)
    assert score.relations["ticker"] == Counts(tp=0, fp=1, fn=0)
    assert score.relations["exercise_price"] == Counts(tp=1, fp=0, fn=0)
    assert "ceo_of" not in score.relations
    assert [(f.relation, f.qualifier) for f in score.missed_facts] == [("officer_of", "Chief Executive Officer")]
    assert [f["relation"] for f in score.spurious_facts] == ["officer_of", "ticker"]
    assert score.entities == Counts(tp=2, fp=2, fn=1)
    assert score.entities.f1 == pytest.approx(4 / 7)
    assert [e.name for e in score.missed_entities] == ["Securities and Exchange Commission"]
    assert sorted(e["name"] for e in score.spurious_entities) == ["Acme", "Foo LLC"]


def _gold(facts_yaml: str, entities_yaml: str = "") -> object:
    return parse_gold(f"document: d.txt\nentities:\n{entities_yaml or '  []'}\nfacts:\n{facts_yaml}")


@pytest.mark.parametrize(
    ("gold_line", "predicted"),
    [
        ("[X / Warrant, exercise_price, 4.00]", fact("X / Warrant", "exercise_price", "$4")),
        ("[X / Warrant, exercise_price, 4]", fact("X / Warrant", "exercise_price", "4.0")),
        ("[X / Note, principal_amount, 2500000]", fact("X / Note", "principal_amount", "$2.5 million")),
        ("[X / Note, interest_rate, 7.5]", fact("X / Note", "interest_rate", "7.5%")),
        ("[X / Common Stock, shares, 2996667]", fact("X / Common Stock", "shares", "2,996,667")),
        ("[X / Common Stock, shares, 10000000]", fact("X / Common Stock", "shares", "ten million")),
        ("[X / Warrant, exercise_price, 0.0135]", fact("X / Warrant", "exercise_price", "$.0135")),
        ("[X, cik, 320193]", fact("X", "cik", "0000320193")),
        ("[X, commission_file_number, 000-24212]", fact("X", "commission_file_number", "0-24212")),
        ("[X / Note, maturity, P12M]", fact("X / Note", "maturity", "twelve months")),
        ("[X / Note, maturity, P12M]", fact("X / Note", "maturity", "P1Y")),
        ("[X / Option, expiration, 2005-02-07]", fact("X / Option", "expiration", "2/7/05")),
        ("[d.txt, report_date, 2004-02-27]", fact("d.txt", "report_date", "February 27,2004")),
        ("[X, exchange, NYSE American]", fact("X", "exchange", "nyse american")),
        ("[X, issued, Convertible Note]", fact("X", "issued", "CONVERTIBLE NOTE")),
        ("[X, ticker, INNO]", fact("X", "ticker", "inno")),
        ("[X, irs_employer_id, 13-3764753]", fact("X", "irs_employer_id", "133764753")),
        ("[X, postal_code, \"07601\"]", fact("X", "postal_code", "07601")),
        ("[X, state_of_incorporation, New York]", fact("X", "state_of_incorporation", "NEW YORK")),
        ("[d.txt, form_type, S-3/A]", fact("d.txt", "form_type", "s-3/a")),
    ],
)
def test_literal_matching(gold_line: str, predicted: dict[str, str | None]) -> None:
    score = score_document(_gold(f"  - {gold_line}"), [predicted], [])
    assert score.facts == Counts(tp=1, fp=0, fn=0)


@pytest.mark.parametrize(
    ("gold_line", "predicted"),
    [
        ("[X / Warrant, exercise_price, 1.53]", fact("X / Warrant", "exercise_price", "1.35")),
        ("[X / Note, maturity, P12M]", fact("X / Note", "maturity", "P30D")),
        ("[X / Option, expiration, 2005-02-07]", fact("X / Option", "expiration", "2005-07-02")),
        ("[X, issued, Note]", fact("X", "issued", "Convertible Note")),
        ("[d.txt, form_type, EX-32]", fact("d.txt", "form_type", "EX-3.2")),
        ("[X, signed, d.txt]", fact("X", "signed", "D.txt")),
        ("[X, officer_of, Y, President]", fact("X", "officer_of", "Y")),
        ("[X, officer_of, Y, President]", fact("X", "officer_of", "Y", "Vice President")),
    ],
)
def test_literal_mismatch(gold_line: str, predicted: dict[str, str | None]) -> None:
    score = score_document(_gold(f"  - {gold_line}"), [predicted], [])
    assert score.facts == Counts(tp=0, fp=1, fn=1)


def test_alias_matching_and_name_normalisation() -> None:
    gold = _gold(
        '  - ["Samuel J. Furrow, Jr.", officer_of, Innovo Group Inc., Chief Executive Officer]\n'
        "  - [Unlisted Co., subsidiary_of, Innovo Group Inc.]\n",
        "  - {type: Company, name: Innovo Group Inc., aliases: [INNOVO GROUP INC., Innovo Group]}\n"
        '  - {type: Person, name: "Samuel J. Furrow, Jr.", aliases: [Samuel J. Furrow]}\n',
    )
    predicted = [
        fact("Samuel J. Furrow", "officer_of", "INNOVO GROUP INC.", "chief executive officer"),
        fact("UNLISTED CO", "subsidiary_of", "Innovo Group"),
    ]
    assert score_document(gold, predicted, []).facts == Counts(tp=2, fp=0, fn=0)
    # a name that is not an alias (and has a different key) does not match
    wrong = [fact("Sam Furrow", "officer_of", "Innovo", "Chief Executive Officer")]
    assert score_document(gold, wrong, []).facts == Counts(tp=0, fp=1, fn=2)


def test_instrument_key_matching() -> None:
    gold = _gold(
        "  - [Innovo Group Inc. / Warrant, exercisable_for, Innovo Group Inc. / Common Stock]\n",
        "  - {type: Company, name: Innovo Group Inc., aliases: [INNOVO GROUP INC]}\n",
    )
    ok = [fact("INNOVO GROUP INC / warrant", "exercisable_for", "innovo group inc./COMMON STOCK")]
    assert score_document(gold, ok, []).facts.tp == 1
    wrong_type = [fact("Innovo Group Inc. / Option", "exercisable_for", "Innovo Group Inc. / Common Stock")]
    assert score_document(gold, wrong_type, []).facts == Counts(tp=0, fp=1, fn=1)
    wrong_issuer = [fact("Other Inc. / Warrant", "exercisable_for", "Innovo Group Inc. / Common Stock")]
    assert score_document(gold, wrong_issuer, []).facts == Counts(tp=0, fp=1, fn=1)


def test_unknown_relation_ignored() -> None:
    gold = _gold("  - [X, ticker, ABC]\n  - [X, made_up, Y]\n")
    score = score_document(gold, [fact("X", "ticker", "ABC"), fact("X", "ceo", "Y"), fact("X", "made_up", "Y")], [])
    assert score.facts == Counts(tp=1, fp=0, fn=0)
    assert score.ignored_facts == 2


def test_duplicates_count_once() -> None:
    gold = _gold("  - [X, ticker, ABC]\n", "  - {type: Company, name: X Inc., aliases: [X]}\n")
    preds = [fact("X", "ticker", "ABC"), fact("X Inc.", "ticker", "abc"), fact("X", "ticker", "ABC")]
    score = score_document(gold, preds, [])
    assert score.facts == Counts(tp=1, fp=0, fn=0)
    assert score.duplicate_facts == 2
    spurious = [fact("X", "ticker", "XYZ"), fact("X Inc.", "ticker", "xyz")]
    assert score_document(gold, spurious, []).facts == Counts(tp=0, fp=1, fn=1)


def test_gold_numbers_printed_twice_are_one_fact() -> None:
    gold = _gold('  - [X, commission_file_number, "0-10030"]\n  - [X, commission_file_number, "000-10030"]\n')
    assert score_document(gold, [fact("X", "commission_file_number", "0-10030")], []).facts == Counts(1, 0, 0)


def test_one_to_one_with_ambiguous_alias() -> None:
    # "Apple" is an alias of two gold entities: one prediction may stand for either, but only once
    gold = _gold(
        "  - [Apple Inc., ticker, AAPL]\n  - [Apple Computer Inc., ticker, AAPL]\n",
        "  - {type: Company, name: Apple Inc., aliases: [Apple]}\n"
        "  - {type: Company, name: Apple Computer Inc., aliases: [Apple]}\n",
    )
    assert score_document(gold, [fact("Apple", "ticker", "AAPL")], []).facts == Counts(tp=1, fp=0, fn=1)
    preds = [fact("Apple", "ticker", "AAPL"), fact("Apple Inc.", "ticker", "AAPL")]
    assert score_document(gold, preds, []).facts == Counts(tp=2, fp=0, fn=0)


def test_entity_matching() -> None:
    gold = _gold(
        "  []",
        "  - {type: Company, name: Innovo Group Inc., aliases: [Innovo Group]}\n"
        "  - {type: Person, name: Marc B. Crossman, aliases: [Marc Crossman]}\n",
    )
    preds = [
        {"name": "INNOVO GROUP", "type": "Company"},
        {"name": "Innovo Group Inc", "type": "Company"},
        {"name": "marc crossman", "type": "Person"},
        {"name": "Marc B. Crossman", "type": "Company"},
    ]
    score = score_document(gold, [], preds)
    assert score.entities == Counts(tp=2, fp=1, fn=0)
    assert score.spurious_entities == [{"name": "Marc B. Crossman", "type": "Company"}]


def test_gold_scores_perfectly_against_itself() -> None:
    docs = load_gold_dir(Path(__file__).resolve().parents[2] / "data" / "gold")
    scores = []
    for doc in docs:
        facts = [fact(f.subject, f.relation, f.object, f.qualifier) for f in doc.facts]
        entities = [{"name": e.name, "type": e.type} for e in doc.entities]
        score = score_document(doc, facts, entities)
        assert score.facts.fp == score.facts.fn == 0, doc.document
        assert score.entities == Counts(tp=len(doc.entities)), doc.document
        scores.append(score)
    report = aggregate(scores)
    assert report.facts.f1 == 1.0 and report.entities.f1 == 1.0


def test_empty_cases() -> None:
    assert (Counts().precision, Counts().recall, Counts().f1) == (1.0, 1.0, 1.0)
    nothing_predicted = Counts(tp=0, fp=0, fn=3)
    assert (nothing_predicted.precision, nothing_predicted.recall, nothing_predicted.f1) == (1.0, 0.0, 0.0)
    nothing_expected = Counts(tp=0, fp=2, fn=0)
    assert (nothing_expected.precision, nothing_expected.recall, nothing_expected.f1) == (0.0, 1.0, 0.0)


def test_report() -> None:
    s1 = score_document(GOLD, [fact("doc.txt", "form_type", "8-K"), fact("Acme", "ticker", "X")], [])
    s2 = score_document(_gold("  - [X, ticker, ABC]\n"), [fact("X", "ticker", "ABC")], [{"name": "X", "type": "Company"}])
    report = aggregate([s1, s2])
    # facts: doc 1 TP 1 FP 1 FN 6; doc 2 TP 1 -> micro TP 2, FP 1, FN 6
    assert report.facts == Counts(tp=2, fp=1, fn=6)
    assert report.relations["ticker"] == Counts(tp=1, fp=1, fn=0)
    assert report.entities == Counts(tp=0, fp=1, fn=3)
    text = format_report(report)
    assert "doc.txt" in text and "d.txt" in text and "MICRO" in text and "ticker" in text
    assert "missed" not in text
    verbose = format_report(report, verbose=True)
    assert "missed   [Jane Q. Doe, officer_of, Acme Corp., President]" in verbose
    assert "spurious [Acme, ticker, X]" in verbose
    data = report_to_json(report)
    assert data["micro"]["facts"] == {"tp": 2, "fp": 1, "fn": 6, "precision": 0.6667, "recall": 0.25, "f1": 0.3636}
    assert data["relations"]["ticker"]["precision"] == 0.5
    assert data["documents"][0]["document"] == "doc.txt"
    assert ["doc.txt", "report_date", "2004-06-23"] in data["documents"][0]["missed_facts"]


def test_report_per_form_kind() -> None:
    s1 = score_document(GOLD, [fact("doc.txt", "form_type", "8-K")], [])
    s2 = score_document(_gold("  - [X, ticker, ABC]\n"), [fact("X", "ticker", "ABC")], [])
    s1.form, s2.form = "8-K/A", "8-K"
    report = aggregate([s1, s2])
    assert list(report.forms) == ["8-K"]
    assert report.forms["8-K"].documents == 2
    assert report.forms["8-K"].facts == s1.facts + s2.facts
    assert "form kind" in format_report(report)
    assert report_to_json(report)["forms"]["8-K"]["documents"] == 2
