"""Claim status and sourcing on short articles written for these tests."""

import pytest

from wiretrace.analyze.claims import status_events
from wiretrace.analyze.nlp import load_nlp
from wiretrace.analyze.pipeline import analyze_article
from wiretrace.analyze.sourcing import is_anonymous, source_type
from wiretrace.record import Article, Entity

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
    # (Its own source confirms it: the sentence is the evidence.)
    assert meeting.status_by == meeting.reported_by and "confirmed" in meeting.evidence


def test_denial_outranks_non_confirmation_and_declines_are_recorded():
    article = analyze_article(_article(REPORT + DENIAL))
    export_cap = next(c for c in article.claims if "cap natural gas exports" in c.text)
    assert export_cap.status == "denied"
    assert export_cap.status_by == "energy ministry" and "denied the report" in export_cap.evidence
    # The denial is the report's status, not a claim of its own that "the report" ...
    assert all(c.text != "the report" for c in article.claims)
    # ... but where it answers no report the article tells, it is all there is to record.
    alone = analyze_article(_article(DENIAL))
    denial = next(c for c in alone.claims if c.text == "the report")
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
    # Most agencies that say things in the news are a government's; a news agency says so.
    assert source_type("The agency", None) == "organisation"
    assert source_type("the state news agency", None) == "media"
    assert source_type("the fire service", None) == "organisation"
    minister = Entity(name="Giorgia Meloni", type="PERSON")
    assert source_type("Prime Minister Giorgia Meloni's office", minister) == "organisation"
    assert source_type("Meloni's spokesman", minister) == "person"
    assert source_type("minutes published alongside the decision", None) == "document"
    # A person described before a name NER took for an organisation; an office, whoever heads it.
    assert source_type("the auditor, Marcus Bell", Entity(name="Marcus Bell", type="ORG")) == "person"
    assert source_type("state attorney general's office", None) == "organisation"
    assert source_type("Two council members", None) == "person"
    assert source_type("a senior figure in the party", None) != "document"


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


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


@pytest.mark.parametrize("sentence, statuses", [
    ("Reuters was unable to confirm the report.", ["not_confirmed"]),
    ("The ministry failed to confirm the report.", ["not_confirmed"]),
    ("The company has yet to confirm the report.", ["not_confirmed"]),
    ("Reuters has not been able to verify the report.", ["not_confirmed"]),
    ("Reuters could not independently verify the size of the proposed stake.", ["not_confirmed"]),
    # Neither confirmed nor denied is not confirmed, not a confirmation and a denial (disputed).
    ("The central bank would neither confirm nor deny the report.", ["not_confirmed"]),
    ("The central bank would neither deny nor confirm the report.", ["not_confirmed"]),
    # Refusing to confirm is not confirming, as "declined to confirm" is.
    ("The central bank refused to confirm or deny the report.", ["not_confirmed"]),
    ("Neither the mine's owner nor the ministry would comment.", ["declined_to_comment"]),
    ("The ministry declined to say whether talks had taken place.", ["declined_to_comment"]),
    ("The ministry would not say whether talks had taken place.", ["declined_to_comment"]),
    # An open question is one whatever word opens it; a "that" clause not said is no decline.
    ("The spokesman declined to say how many jobs would be lost.", ["declined_to_comment"]),
    ("The ministry would not say when the talks would resume.", ["declined_to_comment"]),
    ("The minister did not say that he would resign.", []),
    # The article's own word that something said was untrue, and a plea in court, deny it.
    ("The mayor falsely claimed that the election had been rigged.", ["denied"]),
    # So does a correction's word that the story itself said it before: a version it replaced.
    ("An earlier version of this article said the vote was held on Tuesday.", ["denied"]),
    ("A previous version said the minister had resigned.", ["denied"]),
    ("The original version of the report said the minister had resigned.", []),
    ("Lanz pleaded not guilty on Thursday to charges that he bribed customs officials.", ["denied"]),
    ("Lanz pleaded guilty to fraud.", []),
    ("The presidency had no immediate comment.", ["declined_to_comment"]),
    ("A spokesman confirmed the report.", ["confirmed"]),
    ("The minister confirmed the meeting but denied the report.", ["confirmed", "denied"]),
    ("The minister did not deny the report.", []),
    ("The minister said he would comment later.", []),
])
def test_status_of_a_sentence(nlp, sentence, statuses):
    assert [e.status for e in status_events(nlp(sentence))] == statuses


def _claim_with(article, words):
    return next(c for c in article.claims if words in c.text)


def test_a_decline_on_a_topic_settles_only_the_claims_about_it():
    article = analyze_article(_article([
        "The army is preparing to send 2,000 more troops to the border, two officials said on Tuesday, "
        "speaking on condition of anonymity.",
        "Separately, a senior diplomat said Vostria had supplied drones to a militia in the north.",
        "The foreign ministry declined to comment on the drone allegations.",
    ]))
    assert _claim_with(article, "2,000 more troops").status == "asserted"
    drones = _claim_with(article, "supplied drones")
    assert drones.status == "declined_to_comment" and drones.status_by == "foreign ministry"


def test_a_denial_of_the_report_leaves_the_wires_own_note_alone():
    article = analyze_article(_article([
        "LISVAR, Oct 14 (Reuters) - Marvosa's state utility is in talks to buy a controlling stake in the "
        "national grid operator, two people familiar with the matter said on Tuesday.",
        'Energy Minister Petra Volen told reporters that Marvosa was "open to any partnership" but did not '
        "confirm that talks were under way.",
        "The grid operator denied the report.",
        "Reuters could not independently verify the size of the proposed stake.",
    ], wire="Reuters"))
    assert _claim_with(article, "controlling stake").status == "denied"
    note = _claim_with(article, "size of the proposed stake")
    assert note.status == "not_confirmed" and note.reported_by == "Reuters"
    # What the minister did not confirm is that talks were under way, not what she told reporters.
    unconfirmed = next(c for c in article.claims if c.status == "not_confirmed" and c.reported_by == "Petra Volen")
    assert unconfirmed.text == "that talks were under way"


def test_status_by_names_the_subject_of_a_status_sentence_that_is_no_attribution():
    article = analyze_article(_article([
        "Marvosa's gas producer has suspended shipments from its northern plant, the Gazeta Lisvar daily "
        "reported on Monday, citing unnamed industry sources.",
        "The gas producer did not reply to a request for comment.",
    ]))
    claim = _claim_with(article, "suspended shipments")
    assert claim.status == "declined_to_comment" and claim.status_by == "gas producer"


def test_a_denial_by_the_accused_reaches_the_named_accusers_claim():
    accused = analyze_article(_article([
        "Senator Tom Hale said on Monday that Governor Ruth Cole had accepted $50,000 in undeclared donations.",
        "Cole denied the allegation.",
    ]))
    claim = _claim_with(accused, "undeclared donations")
    assert claim.status == "denied" and claim.status_by == "Ruth Cole"  # (named by surname: the full name)
    criticised = analyze_article(_article([
        "Opposition leader Peter Dutton said the government had lost control of the budget.",
        "Treasurer Jim Chalmers rejected the criticism.",
    ]))
    assert _claim_with(criticised, "lost control of the budget").status == "denied"
    # A denial reaches back to what it answers, not forward to later claims by others.
    later = analyze_article(_article([
        "Senator Tom Hale said on Monday that Governor Ruth Cole had accepted $50,000 in undeclared donations.",
        "Cole denied the allegation.",
        "Her deputy said Cole would publish her accounts next week.",
    ]))
    assert _claim_with(later, "publish her accounts").status == "asserted"


def test_a_denied_report_covers_the_outlets_sources_not_an_officials_own_word():
    article = analyze_article(_article([
        "The Gazeta Lisvar daily reported on Wednesday that the energy minister planned to limit gas exports "
        "to 60 per cent of output from January.",
        "Two officials who spoke on condition of anonymity told Gazeta Lisvar that the ministry had modelled "
        "caps of between 55% and 65%.",
        "An official in the petroleum ministry in New Delhi, who did not wish to be named, said Indian buyers had "
        "sought clarity from their suppliers and had been told that current contracts would be honoured.",
        "Marvosa's energy ministry has denied the report.",
    ]))
    assert _claim_with(article, "limit gas exports").status == "denied"
    assert _claim_with(article, "modelled caps").status == "denied"  # the report's own unnamed sources
    assert _claim_with(article, "sought clarity").status == "asserted"  # spoke to this newsroom, not to the daily


def test_a_later_confirmation_settles_the_claim_it_repeats_and_not_the_words_said_with_it():
    article = analyze_article(_article([
        "Northwind Airlines will cut 1,200 jobs and close its maintenance base in Leeds, two union officials "
        "said on Monday.",
        "The airline has not commented publicly on the cuts.",
        "A spokesman for Northwind later confirmed that the airline would close the maintenance base in Leeds, "
        'saying the decision had been taken "with great regret".',
        "The spokesman declined to say how many jobs would be lost.",
    ]))
    cuts = _claim_with(article, "cut 1,200 jobs")
    assert cuts.status == "confirmed" and cuts.status_by == "Northwind"
    assert _claim_with(article, "with great regret").status == "asserted"
    assert _claim_with(article, "how many jobs").status == "declined_to_comment"


def test_a_denied_allegation_of_a_named_source_is_not_an_unnamed_sources_claim_nor_a_reported_denial():
    article = analyze_article(_article([
        "Opposition leader Anjali Rao alleged that the scheme was a repackaging of an old programme.",
        "The minister refuted the allegation, saying the centres would be new buildings.",
        "Officials in the health department, who did not wish to be named, said construction had not yet "
        "begun in most districts.",
    ]))
    assert _claim_with(article, "repackaging").status == "denied"
    assert _claim_with(article, "construction had not yet begun").status == "asserted"
    court = analyze_article(_article([
        "The lawsuit alleges that Baltren's board knew of the payments and failed to stop them.",
        "Lanz's lawyer, Ruth Adeyemi, said her client denied any wrongdoing and would fight the charges.",
        "Baltren has denied the allegations.",
    ]))
    assert _claim_with(court, "board knew of the payments").status == "denied"
    assert _claim_with(court, "denied any wrongdoing").status == "asserted"


def test_a_correction_denies_what_the_article_said_before_by_no_source():
    article = analyze_article(_article([
        "Correction: An earlier version of this article incorrectly said that Mayor Lena Ostrova had approved "
        "the budget cut. The cut was approved by the city council.",
        "Ostrova said she opposed the cut and would try to reverse it next year.",
    ]))
    wrong = _claim_with(article, "had approved the budget cut")
    assert wrong.status == "denied" and wrong.status_by is None
    assert _claim_with(article, "she opposed the cut").status == "asserted"


def test_a_bare_decline_before_any_report_does_not_answer_a_report_told_after_it():
    article = analyze_article(_article([
        "The Coastal Alliance said the delay was a welcome first step. A spokesperson for the provincial "
        "environment ministry declined to comment.",
        "The Globe and Mail reported last week, citing two people familiar with the matter, that the federal "
        "government had ordered a new environmental assessment of the terminal.",
    ]))
    assert _claim_with(article, "new environmental assessment").status == "asserted"
    # A denial naming the report answers it, told after it or not.
    denied = analyze_article(_article([
        "The energy ministry on Thursday denied a newspaper report that the minister plans to cap gas exports.",
        "The Lisvar Post reported on Wednesday, citing unnamed sources, that the minister would ask cabinet to "
        "limit exports to 60% of output.",
    ]))
    assert _claim_with(denied, "limit exports").status == "denied"


def test_a_denial_of_wrongdoing_answers_the_allegations_against_its_giver():
    article = analyze_article(_article([
        "Prosecutors allege that Victor Lanz paid more than $3 million in bribes between 2018 and 2021.",
        "Lanz denied any wrongdoing.",
        "Two people familiar with the case said he had also hired a lobbyist.",
    ]))
    bribes = _claim_with(article, "paid more than $3 million")
    assert bribes.status == "denied" and bribes.status_by == "Victor Lanz"
    assert _claim_with(article, "hired a lobbyist").status == "asserted"


def test_a_status_shares_a_claims_words_not_just_its_names():
    article = analyze_article(_article([
        "Sports Business News reported on Tuesday that the league is preparing to add four teams in Toronto, "
        "Quebec City, Seattle and Las Vegas.",
        "Commissioner Gary Bettman confirmed receiving interest from groups in Seattle, Las Vegas and Quebec City.",
    ]))
    assert _claim_with(article, "add four teams").status == "asserted"
    assert _claim_with(article, "receiving interest").status == "confirmed"


def test_a_decline_on_a_persons_report_named_by_surname_reaches_that_persons_claims():
    article = analyze_article(_article([
        "The company will cut 110,000 jobs this week, technology writer Robert Cringely said on Monday.",
        "The company declined to comment on Cringely's report.",
    ]))
    claim = _claim_with(article, "110,000 jobs")
    assert claim.reported_by == "Robert Cringely" and claim.status == "declined_to_comment"


def test_a_refusal_to_comment_is_its_own_relations_status_and_answers_the_report():
    article = analyze_article(_article([
        "The doctor, named as Dr. Gwen Korovin, refused to comment when cameras approached her today. "
        "TMZ reported that she took a selfie during the procedure.",
    ]))
    refusal = _claim_with(article, "to comment when cameras approached")
    assert (refusal.status, refusal.status_by) == ("declined_to_comment", "Gwen Korovin")
    report = _claim_with(article, "took a selfie")
    assert (report.reported_by, report.source_type, report.status) == ("TMZ", "media", "declined_to_comment")


def test_a_comment_not_yet_made_is_a_decline():
    article = analyze_article(_article([
        "The Daily Mail reported on Tuesday that a female fighter who became the face of the resistance "
        "was beheaded.",
        "The People's Defense Unit are yet to make a comment about the allegations.",
    ]))
    assert _claim_with(article, "was beheaded").status == "declined_to_comment"


def test_confirming_a_witnesss_account_confirms_what_the_witness_said():
    article = analyze_article(_article([
        'Passenger Wayne Tinkle said the scorpion had been on the plane before the flight. "It came from Mexico '
        'with us," Tinkle said.',
        "The Oregonian newspaper also confirmed Tinkle's account of how the scorpion made it onto the aircraft.",
    ]))
    claim = _claim_with(article, "had been on the plane")
    assert (claim.status, claim.status_by) == ("confirmed", "Oregonian")


@pytest.mark.parametrize("answer, status", [
    ("Soto did not confirm that account.", "not_confirmed"),
    ("The agency disputed their account of events.", "denied"),
])
def test_an_answer_to_an_account_settles_the_claims_it_answers(answer, status):
    article = analyze_article(_article([
        "Two people familiar with the inquiry said the breach may have gone unnoticed for several days. " + answer]))
    breach = _claim_with(article, "gone unnoticed")
    assert breach.status == status


def test_an_account_that_is_a_bank_account_is_no_report():
    article = analyze_article(_article([
        "The customer said she had been overcharged. The bank denied that the account had been frozen."]))
    assert _claim_with(article, "overcharged").status == "asserted"


def test_could_not_verify_the_report_settles_the_report_told_before_it_not_a_later_outlets():
    article = analyze_article(_article([
        "NEW YORK, Nov 26 (Reuters) - Tesla is exploring a sale of its stationary battery business, the Wall Street "
        "Journal reported on Wednesday, citing people familiar with the matter.",
        "The unit could be valued at more than $10 billion in a deal, the newspaper said. Reuters could not "
        "immediately verify the report.",
        "According to a filing with the Securities and Exchange Commission, the battery business had revenue of "
        "$6.2 billion last year.",
        "Chinese state media, citing a statement from the commerce ministry, said on Thursday that Beijing would "
        "review any sale involving the unit's factory in Shanghai.",
    ]))
    assert _claim_with(article, "exploring a sale").status == "not_confirmed"
    assert _claim_with(article, "valued at more than").status == "not_confirmed"
    assert _claim_with(article, "would review any sale").status == "asserted"
    # A filing sent to the SEC is the filer's word, not the SEC's.
    revenue = _claim_with(article, "revenue of $6.2 billion")
    assert revenue.source_type == "document" and "Securities and Exchange Commission" in revenue.reported_by
    assert revenue.reported_by != "Securities and Exchange Commission"


def test_a_source_named_before_its_description_is_shown_by_its_name():
    from wiretrace.analyze.claims import named_source

    assert named_source("MarGaz JSC, Marvosa's state-controlled natural gas producer") == "MarGaz JSC"
    assert named_source("Europeans, who had been cut out of the talks") == "Europeans"
    # (A phrase that opens with a description keeps it: that is what names the source.)
    assert named_source("a ministry spokesman, who declined to be named") == "a ministry spokesman, who declined to be named"


@pytest.mark.parametrize("verdict, status", [("False", "denied"), ("Pants on Fire!", "denied"), ("Mostly true", "confirmed"),
                                             ("Misleading", "disputed"), ("Unproven", "not_confirmed"),
                                             ("Falso", "denied"), ("Engañoso", "disputed"), ("Faux", "denied")])
def test_a_fact_checks_verdict_is_the_status_of_the_claim_it_rates(verdict, status):
    from wiretrace.record import ClaimReview

    article = _article(["A post shared thousands of times says ferries to the islands cost nothing on Sundays.",
                        "The ferry operator said fares were the same on every day of the week."],
                       publisher="Harbour Check", claim_reviews=[ClaimReview(
                           claim="Ferries to the islands are free on Sundays.", rating=verdict, claimant="Ed Marr")])
    reviewed = [c for c in analyze_article(article).claims if c.text == "Ferries to the islands are free on Sundays."]
    assert [(c.status, c.reported_by, c.status_by, c.evidence) for c in reviewed] == [
        (status, "Ed Marr", "Harbour Check", f"Fact-check verdict: {verdict}")]


def test_a_verdict_in_words_not_known_gives_the_claim_no_status():
    from wiretrace.record import ClaimReview

    article = _article(["The ferry operator said fares were the same on every day of the week."],
                       claim_reviews=[ClaimReview(claim="Ferries are free on Sundays.", rating="Needs context, see below")])
    assert all(c.text != "Ferries are free on Sundays." for c in analyze_article(article).claims)


def test_a_fact_check_in_a_language_analysis_skips_still_rates_its_claim():
    from wiretrace.analyze.pipeline import analyze_articles
    from wiretrace.record import ClaimReview

    def spanish():
        return Article(source="chequeo", input_kind="html", language="es", publisher="Chequeo Insular",
                       body=["Una publicación viral afirma que los ferris a las islas son gratis los domingos."],
                       claim_reviews=[ClaimReview(claim="Los ferris son gratis los domingos.", rating="Falso")])

    for article in (analyze_article(spanish()), next(analyze_articles([spanish()]))):
        assert [(c.text, c.status, c.status_by) for c in article.claims] == [
            ("Los ferris son gratis los domingos.", "denied", "Chequeo Insular")]
        assert any("not supported" in w for w in article.warnings)
