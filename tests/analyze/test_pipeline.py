"""The analysis pipeline's post-processing of the model's relations, on short articles written for these tests."""

import pytest

from wiretrace.analyze.pipeline import analyze_article
from wiretrace.record import Article


def _article(paragraphs, **meta):
    return Article(source="test", input_kind="text", body=paragraphs, language="en", **meta)


def _spans(article, spans):
    return " ... ".join(article.text[s:e] for s, e in spans)


def test_a_dateline_is_no_part_of_the_source():
    article = analyze_article(_article([
        "LISVAR, May 2 (Reuters) - Marvosa's government on Wednesday denied a report that it was in talks "
        "to sell its stake in the state gas producer.",
        "BRANT, May 3 (Reuters) - Marvosan police said on Friday they had arrested a man after a car hit pedestrians.",
        "KOVAR — Deputy minister Petra Volen said on Monday that the pipeline would open in June.",
    ]))
    sources = [_spans(article, a.source) for a in article.attributions]
    assert "Marvosa's government" in sources and "Marvosan police" in sources
    assert "Deputy minister Petra Volen" in sources
    assert all(a.source_entity != "Reuters" and a.source_type != "media" for a in article.attributions)
    assert all("(Reuters)" not in c.reported_by for c in article.claims if c.reported_by)


def test_a_source_who_asked_not_to_be_named_is_anonymous_and_the_request_no_claim():
    article = analyze_article(_article([
        "The deal would give Hidroelectrica control over the main transmission lines, according to one of the "
        "people, who asked not to be named because the talks are private.",
        "Talks will resume in June, a spokesperson who declined to be named said.",
    ]))
    assert all("not to be named" not in c.text for c in article.claims)
    deal = next(c for c in article.claims if "transmission lines" in c.text)
    assert deal.anonymous
    talks = next(c for c in article.claims if c.text == "Talks will resume in June")
    assert talks.anonymous and talks.reported_by == "a spokesperson who declined to be named"


def test_a_source_whose_name_is_withheld_by_a_clause_is_of_the_anonymous_type():
    article = analyze_article(_article([
        "A former procurement officer, who asked not to be identified for fear of reprisals, told the Harbour "
        "Ledger that the price had been inflated by roughly a third.",
    ]))
    price = next(c for c in article.claims if "price had been inflated" in c.text)
    assert price.anonymous and price.source_type == "anonymous"


def test_the_name_before_an_appositive_is_the_source():
    article = analyze_article(_article([
        "People's Daily, the Communist Party's newspaper, said the economy was on track.",
        "A spokesman for the ministry, Igor Petrov, said the figures would be revised.",
    ]))
    paper = next(c for c in article.claims if "on track" in c.text)
    assert paper.reported_by == "People's Daily" and paper.source_type == "media" and not paper.anonymous
    revised = next(c for c in article.claims if "revised" in c.text)
    assert revised.reported_by == "Igor Petrov"


def test_which_cited_is_the_basis_of_the_source_before_it():
    article = analyze_article(_article([
        "Moscow plans to expand the naval base in Tartus, according to Kommersant, which cited unnamed officials.",
        "The company has told suppliers in China to reduce orders, according to a report by the Financial Times, "
        "which cited people briefed on the matter.",
    ]))
    assert all(a.source_text != "which" for a in article.attributions)
    base = next(c for c in article.claims if "naval base" in c.text)
    assert base.reported_by == "Kommersant" and base.basis == "unnamed officials" and base.anonymous
    orders = next(a for a in article.attributions if "reduce orders" in _spans(article, a.content))
    assert orders.source_text == "a report by the Financial Times" and orders.source_type == "media"
    assert orders.basis == "people briefed on the matter" and orders.anonymous


def test_a_basis_is_the_phrase_cited_and_never_the_source_itself():
    article = analyze_article(_article([
        "Bloomberg reported on Tuesday, citing people familiar with the matter, that the deal could value "
        "Konkola at about $1.1 billion.",
        "Zambia's government is negotiating the sale of a majority stake in Konkola Copper Mines, according to a "
        "Bloomberg News report carried by Reuters on Tuesday.",
    ]))
    value = next(c for c in article.claims if "$1.1 billion" in c.text)
    assert value.basis == "people familiar with the matter" and value.anonymous
    sale = next(c for c in article.claims if "majority stake" in c.text)
    assert sale.basis is None and not sale.anonymous


def test_the_newspaper_citing_is_the_outlet_named_before_and_its_basis():
    article = analyze_article(_article([
        "MOSCOW, Nov 3 (Reuters) - Russian gas producer Novatek has suspended shipments from its Arctic LNG 2 "
        "plant, the Kommersant daily reported on Monday, citing unnamed industry sources.",
        "The newspaper said, citing three people close to the company, that at least two tankers had been idled "
        "at the port of Murmansk since late October.",
    ]))
    tankers = next(c for c in article.claims if "tankers" in c.text)
    assert tankers.text.startswith("that at least two tankers")
    assert tankers.reported_by == "Kommersant" and tankers.source_type == "media"
    assert tankers.basis == "three people close to the company" and tankers.anonymous


def test_a_report_of_what_someone_asked_for_is_the_outlets_claim():
    """The reported clause holds a cue of its own ("had asked for"), which the model takes for the
    relation: the claim is still the outlet's report, its basis the people it cites, and the
    denial-like answer to "that report" settles it."""
    article = analyze_article(_article([
        "The Globe and Mail reported last week, citing two people familiar with the matter, that the federal "
        "government had asked for a new assessment. The port authority did not confirm that report.",
    ]))
    claim = next(c for c in article.claims if "new assessment" in c.text)
    assert claim.text == "that the federal government had asked for a new assessment"
    assert (claim.reported_by, claim.source_type) == ("Globe and Mail", "media")
    assert claim.basis == "two people familiar with the matter" and claim.anonymous
    assert (claim.status, claim.status_by) == ("not_confirmed", "port authority")
    # A reporting verb inside what another relation quotes is no report behind it.
    quoted = analyze_article(_article([
        "\u201cIn my first meeting with him, he said, \u2018We want to work with you,\u2019\u201d Mitchell recalled in an interview.",
    ]))
    assert [a.source_text for a in quoted.attributions if "recalled" in _spans(quoted, a.cue)] == ["Mitchell"]


def test_he_after_an_office_reports_on_its_principal_is_the_principal():
    """"Vell will travel ..., his office said. He has called for ...": "he" is the man the office
    spoke of, not the last person the story quoted."""
    article = analyze_article(_article([
        '"Roads are blocked in places and our teams are walking in," the Red Crescent\'s regional director, '
        "Omar Saleh, told Reuters.",
        "Prime Minister Anton Vell will travel to Dessa this afternoon, his office said. He has called for an "
        "emergency cabinet meeting at 6pm.",
    ]))
    meeting = next(a for a in article.attributions if "cabinet meeting" in _spans(article, a.content))
    assert (meeting.source_text, meeting.source_entity) == ("He", "Anton Vell")


def test_a_report_citing_its_sources_is_one_relation():
    """The model may give "citing" a content of its own ("two officials, that"): the report behind
    it is the relation of "reported" once, not again with the content "that"."""
    article = analyze_article(_article([
        "The Lisvar Post reported on Monday, citing two officials, that Deputy Minister Karl Brenn had used a "
        "government jet for a family holiday in March.",
    ]))
    reports = [a for a in article.attributions if _spans(article, a.cue) == "reported"]
    assert [_spans(article, a.content) for a in reports] == [
        "that Deputy Minister Karl Brenn had used a government jet for a family holiday in March"]
    assert reports[0].basis == "two officials"


def test_citing_reasons_is_no_claim():
    article = analyze_article(_article([
        "NAIROBI, Sept 9 (Reuters) - Kenya's central bank cut its benchmark lending rate by 25 basis points to "
        "9.5% on Tuesday, its fourth cut in a row, citing easing inflation and a stable shilling.",
    ]))
    assert all("easing inflation" not in c.text for c in article.claims)
    assert all("NAIROBI" not in (a.source_text or "") for a in article.attributions)


def test_the_report_of_a_wire_lead_is_its_claim_with_the_citing_as_basis():
    article = analyze_article(_article([
        "LUSAKA, Sept 9 (Reuters) - Zambia is in advanced talks to sell a 51% stake in Konkola Copper Mines to "
        "Abu Dhabi's International Resources Holding, Bloomberg News reported on Tuesday, citing people familiar "
        "with the matter.",
    ]))
    [claim] = article.claims
    assert claim.text.startswith("Zambia is in advanced talks") and claim.text.endswith("Resources Holding")
    assert claim.reported_by == "Bloomberg News" and claim.source_type == "media"
    assert claim.basis == "people familiar with the matter" and claim.anonymous


def test_quotation_marks_mismatched_warn_and_keep_their_speakers():
    article = analyze_article(_article([
        '"We will not accept a deal that leaves our farmers worse off, Agriculture Minister Jan Kowal said on Friday.',
        'The ministry also said the quotas were "unfair and unworkable.',
        '"This is a matter for the courts," said Anna Nowak, a lawyer for the farmers\' union. '
        '"We expect a ruling before Christmas."',
    ]))
    assert any("unbalanced quotation marks" in w for w in article.warnings)
    assert any(c.reported_by == "Jan Kowal" and "farmers worse off" in c.text for c in article.claims)
    assert all(a.source_text != "We" for a in article.attributions)
    assert all(any(ch.isalnum() for ch in article.text[s:e]) for a in article.attributions for s, e in a.content)
    nowak = next(c for c in article.claims if c.reported_by == "Anna Nowak")
    assert "We expect a ruling before Christmas." in nowak.text


def test_a_quotation_going_on_over_paragraphs_is_no_unbalanced_quotation():
    article = analyze_article(_article([
        "“This is not a decision we take lightly,” Graves said at a news conference on Monday. “Every library in "
        "this city has served generations of families.",
        "“But the budget gap is real, and we have run out of options.",
        "“I will keep looking for a way to reopen them.”",
    ]))
    assert not any("quotation" in w for w in article.warnings)


@pytest.mark.parametrize("note, subject, content", [
    ("The Associated Press could not independently confirm the figures.", "Associated Press", "the figures"),
    ("AFP was unable to independently verify the footage.", "AFP", "the footage"),
    ("Reuters was not able to confirm the details of the deal.", "Reuters", "the details of the deal"),
])
def test_a_newsrooms_own_note_that_it_could_not_verify_is_a_not_confirmed_claim(note, subject, content):
    # Whatever the cue model makes of the verb, the status sentence says it: the newsroom reports
    # something it could not verify.
    article = analyze_article(_article([
        "LISVAR, Oct 14 (Reuters) - Marvosa's state utility is in talks to buy a controlling stake in the "
        "national grid operator, two people familiar with the matter said on Tuesday.",
        "The grid operator denied the report.",
        note,
    ], wire="Reuters"))
    assert (content, subject) in [(c.text, c.reported_by) for c in article.claims if c.status == "not_confirmed"]


def test_a_pronoun_is_the_person_the_sentence_before_names_not_a_name_in_their_appositive():
    article = analyze_article(_article([
        "Grain exports were slowing, said Ilse Brandt, a broker at a Tarvik trading house.",
        '"Nobody is buying at these prices," she said.',
    ]))
    quote = next(c for c in article.claims if "Nobody is buying" in c.text)
    assert quote.reported_by == "Ilse Brandt"


def test_it_said_is_the_organisation_just_quoted():
    article = analyze_article(_article([
        "The Kowal Courier daily reported on Monday that the port authority would raise its fees by 8%. "
        "The newspaper said the increase would take effect in March. Existing leases would be exempt, it said.",
    ]))
    leases = next(c for c in article.claims if "leases" in c.text)
    assert leases.reported_by == "Kowal Courier" and leases.source_type == "media"


def test_a_person_named_behind_a_title_is_found_again_by_surname():
    article = analyze_article(_article([
        "Harbour spokesperson Anders Quill did not confirm the report. "
        '"I am not going to comment on newspaper speculation," Quill told reporters.',
    ]))
    assert "Anders Quill" in {e.name for e in article.entities}
    quote = next(c for c in article.claims if "speculation" in c.text)
    # The quote is Quill's own word; the decline in it is his, and settles nothing he said.
    assert quote.reported_by == "Anders Quill" and quote.status == "asserted"


def test_a_report_citing_a_basis_before_its_that_clause_is_split_into_both():
    article = analyze_article(_article([
        "The Kowal Courier daily reported on Wednesday, citing unnamed sources, that the port authority "
        "would ask the cabinet to cap tanker fees from January.",
    ]))
    claim = next(c for c in article.claims if "tanker fees" in c.text)
    assert claim.text.startswith("that the port authority")
    assert claim.reported_by == "Kowal Courier" and claim.basis == "unnamed sources" and claim.anonymous


def test_a_participle_cue_after_a_comma_has_its_clauses_subject():
    article = analyze_article(_article([
        "Tarvik's transport ministry on Thursday denied a newspaper report that Transport Minister Anna Veld "
        'plans to cap tanker fees, calling it "speculation without foundation".',
    ]))
    calling = next(a for a in article.attributions if _spans(article, a.cue) == "calling")
    assert calling.source_text == "Tarvik's transport ministry"


def test_a_denied_report_that_names_its_claim_is_the_reports_and_settles_no_other_quote():
    article = analyze_article(_article([
        "Tarvik's transport ministry on Thursday denied a newspaper report that Transport Minister Anna Veld "
        "plans to cap tanker fees.",
        "The Kowal Courier daily reported on Wednesday, citing unnamed sources, that Veld would ask the cabinet "
        "to limit fees to 60% of current levels.",
        "The Kowal Courier said it stood by its reporting.",
        'Councillor Piet Ruys said the minister should answer questions. "If there is no plan, the minister can '
        'tell us so herself," Ruys told reporters.',
    ]))
    claims = {c.text: c for c in article.claims}
    denied = claims["that Transport Minister Anna Veld plans to cap tanker fees"]
    assert (denied.reported_by, denied.source_type, denied.status, denied.status_by) == \
        ("Kowal Courier", "media", "denied", "Tarvik's transport ministry")
    report = next(c for t, c in claims.items() if "60% of current levels" in t)
    assert report.status == "denied" and report.reported_by == "Kowal Courier"
    stood_by = next(c for t, c in claims.items() if "stood by" in t)
    assert stood_by.status == "asserted" and stood_by.basis is None  # (its word on its report rests on no one)
    assert next(c for t, c in claims.items() if "If there is no plan" in t).status == "asserted"


def test_a_titled_person_the_model_took_for_an_organisation_is_a_person_and_her_pronoun():
    article = analyze_article(_article([
        "The society's secretary, Colin Ashby, said the images were the best it had taken.",
        "Dr Imogen Pask, a lecturer in astrophysics at Coldharbour University, said amateur observations were "
        'useful to professional researchers. "Professional telescopes are booked months ahead," she said.',
    ]))
    pask = next(c for c in article.claims if "amateur observations" in c.text)
    assert (pask.reported_by, pask.source_type) == ("Imogen Pask", "person")
    assert next(c for c in article.claims if "booked months ahead" in c.text).reported_by == "Imogen Pask"


def test_the_question_put_to_a_source_is_no_claim_of_theirs():
    article = analyze_article(_article([
        "Asked about the Kowal Courier report on Wednesday, port spokesman Erik Lund said the fees had not been "
        "discussed.",
    ]))
    assert [c.text for c in article.claims] == ["the fees had not been discussed"]
    assert any(_spans(article, a.cue) == "Asked about" for a in article.attributions)  # (the relation stays)


def test_a_relative_pronoun_is_the_name_its_clause_hangs_on():
    article = analyze_article(_article([
        "The gala drew the singers Patti LaBelle and Stevie Wonder, who joked that he had not yet seen the museum.",
        "The vote was welcomed by Senator Mara Quint, now the chair of the energy committee, who said it was overdue.",
    ]))
    by_text = {c.text: c.reported_by for c in article.claims}
    assert by_text["that he had not yet seen the museum"] == "Stevie Wonder"
    assert by_text["it was overdue"] == "Mara Quint"


def test_a_pronoun_names_no_one_without_its_antecedent():
    from wiretrace.analyze.claims import named_source

    assert [named_source(p) for p in ("it", "They", "which", "Senator Hale", None)] == [None, None, None, "Hale", None]


def test_a_pronoun_in_a_coordinated_clause_is_the_first_clauses_subject():
    article = analyze_article(_article([
        "Councillor Piet Ruys spoke first.",
        "Police chief Kerr Putney later told reporters that the video was inconclusive, but he said witnesses saw "
        "a gun.",
    ]))
    assert next(c for c in article.claims if "witnesses saw a gun" in c.text).reported_by == "Kerr Putney"


def test_a_report_that_names_no_one_is_the_outlet_cited_beside_it():
    article = analyze_article(_article([
        "The streaming service will disappear as a brand, according to a new report. TechCrunch reports that "
        "the company plans to fold it into its music store next year.",
    ]))
    brand = next(c for c in article.claims if "disappear as a brand" in c.text)
    assert (brand.reported_by, brand.source_type) == ("TechCrunch", "media")


def test_she_is_not_the_man_quoted_last():
    article = analyze_article(_article([
        '"It will be a long year," Ann Dunn said. Mrs. Dunn left early.',
        '"We are ready," Mr. Lee Park said. "The plan is sound," she added.',
    ]))
    assert next(c for c in article.claims if "The plan is sound" in c.text).reported_by == "Ann Dunn"


def test_a_place_dateline_in_title_case_is_no_part_of_the_source_but_a_name_there_is():
    article = analyze_article(_article([
        "Indianapolis – Several thousand teachers surrounded the Statehouse on Tuesday, saying the state "
        "had failed to fund its schools.",
        "Elena Dravik – The minister said on Monday that the pipeline would open in June.",
    ]))
    sources = [a.source_text for a in article.attributions]
    assert "Several thousand teachers" in sources
    assert not any(a.source_entity == "Indianapolis" for a in article.attributions)


def test_they_is_never_one_person_but_an_organisation_its_verb_makes_plural():
    article = analyze_article(_article([
        "Senator Ana Ruiz and Senator Tom Hale sent a letter to the committee on Thursday.",
        '"The program has become plagued by fraud," they wrote.',
        "Kestrel Music Group have twice denied doing anything wrong.",
        '"At no point did we block the release," they said in a statement.',
    ]))
    fraud = next(c for c in article.claims if "plagued by fraud" in c.text)
    assert fraud.reported_by is None  # (two senators: neither one alone)
    release = next(c for c in article.claims if "block the release" in c.text)
    assert release.reported_by == "Kestrel Music Group"


def test_the_body_a_bare_description_stands_for_is_shown_by_its_fuller_description():
    article = analyze_article(_article([
        "The Marvosan news agency reported, citing the regional health commission, that the patient had been "
        "isolated in Brant.",
        "No one else has shown symptoms, the commission said. The teachers union said 15,000 people came. "
        "The union said more would follow.",
    ]))
    by = {c.text: c.reported_by for c in article.claims}
    assert by["No one else has shown symptoms"] == "regional health commission"
    assert by["more would follow"] == "teachers union"


def test_content_does_not_run_over_a_paragraph_break_but_a_quotation_going_on_does():
    from wiretrace.analyze.pipeline import _within_its_paragraphs

    text = ("“The issue is funding, and the state has the money.”\n\n"
            "Nearly 300 school districts closed, according to the unions.\n\n"
            "“We will be back,” Ruys said, “and in greater numbers.\n\n"
            "“Nobody should doubt it.”\n\n"
            "NEXT STORY")
    cue = text.index("according to")
    crossing = [[0, text.index(", according")]]
    assert [text[s:e] for s, e in _within_its_paragraphs(text, [[cue, cue + 12]], crossing)] == \
        ["Nearly 300 school districts closed"]
    said = text.index("said")
    quote = [[text.index("“We"), text.index("NEXT") + 4]]
    assert [text[s:e] for s, e in _within_its_paragraphs(text, [[said, said + 4]], quote)] == \
        ["“We will be back,” Ruys said, “and in greater numbers.", "“Nobody should doubt it.”"]
    elsewhere = [[text.index("“Nobody"), text.index("NEXT") - 2]]  # (wholly in another paragraph: kept)
    assert _within_its_paragraphs(text, [[said, said + 4]], elsewhere) == elsewhere


def test_a_content_that_is_one_pronoun_is_no_claim():
    article = analyze_article(_article([
        "The port will close for a week, the Kowal Courier reported, which the harbour master confirmed on "
        "Monday. Asked about the closure, Ruys said it.",
    ]))
    assert all(c.text.strip(' .,"“”').lower() not in ("which", "it") for c in article.claims)
    assert any("The port will close for a week" in c.text for c in article.claims)


@pytest.mark.parametrize("paragraph, content, basis", [
    # The day the saying took place, and a "citing" between verb and clause, date and source the
    # report: no part of what was reported.
    ("The Vardan regulator said Wednesday it had opened an inquiry into the spill.",
     "it had opened an inquiry into the spill", None),
    ("The Lisvar Courier reported on Tuesday, citing people familiar with the matter, that the company was "
     "exploring a sale of its cement unit.", "that the company was exploring a sale of its cement unit",
     "people familiar with the matter"),
    ("The Lisvar Courier had reported, citing unnamed officials, that the ministry had sent a proposal to the cabinet.",
     "that the ministry had sent a proposal to the cabinet", "unnamed officials"),
    # ... but a day that is what the clause is about stays in it.
    ("The minister said Wednesday's vote was rigged.", "Wednesday's vote was rigged", None),
])
def test_what_dates_or_sources_the_saying_is_no_part_of_the_claim(paragraph, content, basis):
    article = analyze_article(_article([paragraph]))
    assert [c.text for c in article.claims] == [content]
    assert article.claims[0].basis == basis
    assert article.claims[0].anonymous == (basis is not None)


def test_a_report_behind_its_citing_is_one_relation():
    article = analyze_article(_article([
        "Kommersant said, citing unnamed sources, that the deal was off. Kremlin spokesman Dmitry Peskov "
        "declined to comment on the report."]))
    assert [c.text for c in article.claims].count("that the deal was off") == 1
    deal = next(c for c in article.claims if c.text == "that the deal was off")
    assert deal.basis == "unnamed sources" and deal.status == "declined_to_comment"


def test_a_company_named_short_is_the_company():
    article = analyze_article(_article([
        "The regulator ordered the operator, Andes Copper Holdings, to halt discharges.",
        "Andes Copper said in a statement that the spill was limited and under control.",
    ]))
    claim = next(c for c in article.claims if "limited and under control" in c.text)
    assert claim.reported_by == "Andes Copper Holdings" and claim.source_type == "organisation"


def test_not_saying_when_is_no_claim():
    article = analyze_article(_article([
        "Civil protection chief Fabio Ciciliano said the government would declare a state of emergency, "
        "but did not say when."]))
    assert [c.text for c in article.claims] == ["the government would declare a state of emergency"]


def test_a_place_after_of_says_whose_body_speaks_not_who():
    article = analyze_article(_article([
        "The central bank of Lisvar left interest rates unchanged on Wednesday but signalled that it could begin "
        "cutting borrowing costs early next year.",
        "The governor of Marvosa said the cut would come too late for farmers.",
    ]))
    assert {c.reported_by for c in article.claims} == {"central bank of Lisvar", "governor of Marvosa"}


def test_what_a_relative_pronoun_stands_for_is_no_part_of_what_was_said():
    article = analyze_article(_article([
        "The central bank of Lisvar left interest rates unchanged on Wednesday but signalled that it could begin "
        "cutting borrowing costs early next year, as inflation slows faster than expected.",
        "Two members of the monetary policy committee voted for a quarter-point cut, according to minutes "
        "published alongside the decision. The finance ministry, which has called for lower rates for months, "
        "welcomed the signal.",
        'Untreated pneumonic plague is "always fatal", says WHO.',
    ]))
    texts = [c.text for c in article.claims]
    assert "lower rates for months" in texts
    assert not any(t.startswith("The finance ministry") for t in texts)
    # (In capitals, "WHO" is an organisation, not a relative pronoun.)
    plague = next(c for c in article.claims if "always fatal" in c.text)
    assert plague.reported_by == "WHO"


def test_a_source_run_on_into_its_report_verb_before_citing():
    article = analyze_article(_article([
        "The Gazeta Lisvar daily reported on Wednesday, citing unnamed sources, that Dravik planned to cap exports "
        "at 60% of output from January."]))
    claim = next(c for c in article.claims if "cap exports" in c.text)
    assert claim.text.startswith("that Dravik planned")
    assert (claim.reported_by, claim.basis, claim.anonymous) == ("Gazeta Lisvar", "unnamed sources", True)


def test_he_is_never_the_plural_people_quoted_last():
    article = analyze_article(_article([
        "Author Lena Marsh said the novel had taken her ten years to write.",
        "Audience members asked whether a sequel was planned.",
        "She said she had already begun one.",
    ]))
    sequel = next(c for c in article.claims if "already begun" in c.text)
    assert sequel.reported_by == "Lena Marsh"


def test_every_answer_to_a_report_is_among_its_claims_responses_and_no_claim_of_its_own():
    article = analyze_article(_article([
        "LISVAR, May 9 (Reuters) - Marvosa's national port operator on Saturday denied a report that a Gulf "
        "investor had made a takeover bid for the company, calling it \"pure fiction\".",
        "The daily Vestnik Lisvara reported on Friday, citing three people with knowledge of the talks, that the "
        "investor had offered $2 billion for a controlling stake.",
        "The finance ministry neither confirmed nor denied the report. A spokesman for the investor declined to comment.",
        "Reuters was unable to independently verify the Vestnik report.",
        "Transport Minister Ivo Katz confirmed on Saturday that the government had received \"expressions of "
        "interest\" from several foreign companies.",
    ]))
    offer = next(c for c in article.claims if "$2 billion" in c.text)
    assert (offer.reported_by, offer.anonymous, offer.status) == ("Vestnik Lisvara", True, "denied")
    assert [(r.status, r.by) for r in offer.responses] == [
        ("denied", "Marvosa's national port operator"), ("not_confirmed", "finance ministry"),
        ("declined_to_comment", "A spokesman for the investor"), ("not_confirmed", "Reuters")]
    assert offer.responses[2].evidence == "A spokesman for the investor declined to comment."
    # The answers name no claim of their own ("the report", "to comment" were claims of their givers).
    assert not any(c.text in ("the report", "to comment", "the Vestnik report") for c in article.claims)
    # A source's own confirmation is its claim's one response; a plain assertion has none.
    interest = next(c for c in article.claims if "expressions of" in c.text)
    assert [(r.status, r.by) for r in interest.responses] == [("confirmed", "Ivo Katz")]
    assert all(c.responses == [] for c in article.claims if c.status == "asserted")
