"""Claim status and sourcing on short articles written for these tests."""

from wiretrace.analyze.pipeline import analyze_article
from wiretrace.analyze.sourcing import is_anonymous, source_type
from wiretrace.record import Article

REPORT = [
    "Marvosa plans to cap natural gas exports at 60% of output from January, the Gazeta Lisvar daily reported on Wednesday.",
    "Citing two officials who spoke on condition of anonymity, the Gazeta Lisvar said the energy minister would present the plan to cabinet in June.",
    "Asked about the Gazeta Lisvar report, government spokesman Tomas Erel did not confirm whether the minister planned to cap exports at 60% of output.",
    "Deputy minister Petra Volen confirmed that the minister met executives of the state gas producer on Monday.",
]
DENIAL = [
    "The energy ministry denied the report on Thursday, calling it speculation without foundation.",
    "A spokeswoman for the state gas producer declined to comment.",
]


def _article(paragraphs, **meta):
    return Article(source="test", input_kind="text", body=paragraphs, language="en", **meta)


def test_anonymous_report_left_unconfirmed():
    article = analyze_article(_article(REPORT, wire="Reuters", publisher="Capital Ledger"))
    export_cap = next(c for c in article.claims if "cap natural gas exports" in c.text)
    assert export_cap.status == "not_confirmed"
    assert export_cap.status_by == "Tomas Erel"
    assert "did not confirm" in export_cap.evidence
    assert export_cap.carried_by == ["Reuters", "Capital Ledger"]
    cabinet = next(c for c in article.claims if "present the plan to cabinet" in c.text)
    assert cabinet.anonymous and "officials who spoke on condition of anonymity" in cabinet.basis
    meeting = next(c for c in article.claims if "met executives" in c.text)
    assert meeting.status == "confirmed"


def test_denial_outranks_non_confirmation_and_declines_are_recorded():
    article = analyze_article(_article(REPORT + DENIAL))
    export_cap = next(c for c in article.claims if "cap natural gas exports" in c.text)
    assert export_cap.status == "denied"
    denial = next(c for c in article.claims if c.text == "the report")
    assert denial.reported_by == "energy ministry" and denial.status == "denied"


def test_citing_in_a_report_sentence_is_its_basis_not_a_claim():
    article = analyze_article(_article([
        "Marvosa's energy minister plans to cap gas exports at 60% of output, the Gazeta Lisvar daily reported "
        "on Wednesday, citing people familiar with the matter."]))
    report = next(a for a in article.attributions if "cap gas exports" in article.body[0][a.content[0][0]:a.content[0][1]])
    assert report.source_type == "media" and report.anonymous
    assert report.basis == "people familiar with the matter"
    assert all(c.text != "people familiar with the matter" for c in article.claims)


def test_source_types():
    assert is_anonymous("people familiar with the matter")
    assert is_anonymous("two officials who spoke on condition of anonymity")
    assert not is_anonymous("Kremlin spokesman Dmitry Peskov")
    assert source_type("a source", None) == "anonymous"
    assert source_type("the report", None) == "document"
    assert source_type("government spokesman", None) == "person"


def test_unsupported_language_and_empty_body_warn_instead_of_failing():
    french = analyze_article(Article(source="fr", input_kind="text", body=["Le ministre a démenti."], language="fr"))
    assert french.attributions == [] and any("not supported" in w for w in french.warnings)
    empty = analyze_article(Article(source="e", input_kind="text", body=[]))
    assert any("empty body" in w for w in empty.warnings)


def test_text_without_punctuation_and_unbalanced_quotes_give_records():
    blob = analyze_article(_article(["word " * 30000]))
    assert any("cut" in w for w in blob.warnings) and any("no sentence structure" in w for w in blob.warnings)
    quotes = analyze_article(_article(['"We will not resign, the minister said on Tuesday.']))
    assert any("quotation" in w for w in quotes.warnings)


def test_confirming_or_denying_a_thing_is_no_claim():
    article = analyze_article(_article([
        "Clinton, if elected, would need a Senate majority to confirm Supreme Court justices.",
        "The committee will vote on the nominee in June.",
    ]))
    assert not any(c.status == "confirmed" for c in article.claims)
