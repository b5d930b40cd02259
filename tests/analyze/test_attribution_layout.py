from wiretrace.analyze.attribution_layout import layout_attributions


def _roles(text, attribution):
    return {role: [text[s:e] for s, e in getattr(attribution, role)] for role in ("source", "cue", "content")}


def test_transcript_speaker_labels():
    text = ("Partial transcript as follows:\n\n"
            "\"HOLM: Will the minister attend the hearing?\n\n"
            "\"DRAVIK: I will be there on Monday, as I said last week.\n\n")
    found = [_roles(text, a) for a in layout_attributions(text)]
    assert found == [
        {"source": ["HOLM"], "cue": [":"], "content": ["Will the minister attend the hearing?"]},
        {"source": ["DRAVIK"], "cue": [":"], "content": ["I will be there on Monday, as I said last week."]},
    ]


def test_a_quoted_speaker_goes_on_until_the_next_label_or_stage_direction():
    text = ('"DRAVIK: There is no plan.\n\n"We have said so twice.\n\n"(CROSSTALK.)\n\n'
            '"HOLM: Then why the leak?\n\nEnd of transcript.')
    found = [_roles(text, a) for a in layout_attributions(text)]
    assert found[0]["content"] == ["There is no plan.", "We have said so twice."]
    assert found[1] == {"source": ["HOLM"], "cue": [":"], "content": ["Then why the leak?"]}


def test_headline_naming_its_speaker_but_not_a_rubric():
    said = "Elena Dravik: Export cap is 'speculation without foundation'\n\nThe minister said on Thursday ..."
    assert [_roles(said, a) for a in layout_attributions(said)] == [
        {"source": ["Elena Dravik"], "cue": [":"], "content": ["Export cap is 'speculation without foundation'"]}]
    for rubric in ("Live: Marvosa votes on the export cap\n\nText", "The Latest: Marvosa votes\n\nText",
                   "ANALYSIS: What the cap means\n\nText"):
        assert layout_attributions(rubric) == []


def test_quotation_credited_after_a_dash():
    text = "Readers wrote in.\n“The cap will hurt the port towns first.” ― Ana Veres.\nNext letter."
    assert [_roles(text, a) for a in layout_attributions(text)] == [
        {"source": ["Ana Veres"], "cue": ["―"], "content": ["“The cap will hurt the port towns first.”"]}]


def test_ordinary_prose_has_none():
    text = "The ministry said on Thursday that exports would not change: the plan was never discussed."
    assert layout_attributions(text) == []


def test_a_quotation_goes_on_after_its_source():
    from wiretrace.analyze.attribution import Attribution
    from wiretrace.analyze.attribution_layout import continue_quotes

    text = "“There is no plan,” said Elena Dravik, the minister. “We have said so twice.” Others disagreed."
    said = text.index("said")
    attribution = Attribution(source=[[said + 5, said + 17]], cue=[[said, said + 4]], content=[[0, said - 1]])
    continue_quotes(text, [attribution])
    assert [text[s:e] for s, e in attribution.content] == ["“There is no plan,”", "“We have said so twice.”"]
    other = Attribution(source=[[said + 5, said + 17]], cue=[[said, said + 4]], content=[[0, said - 1]])
    inner = Attribution(cue=[[text.index("said so"), text.index("said so") + 4]], content=[[0, 1]])
    continue_quotes(text, [other, inner])
    assert len(other.content) == 1  # a cue inside the next quotation: not the same speaker's


def test_datelines_are_not_speakers():
    assert layout_attributions("NEW DELHI: The government on Monday announced a new policy.\n\nMore text.") == []
    text = "Lisvar: The government on Monday announced a new policy.\n\nMore text."
    assert layout_attributions(text, places=[(0, 6)]) == []
    assert len(layout_attributions(text)) == 1  # without NER's word, a name like any other


def test_a_dateline_and_a_parse_do_not_make_a_transcript():
    from wiretrace.analyze.attribution import extract_attributions
    from wiretrace.analyze.nlp import load_nlp

    text = "New Delhi: The government on Monday announced a new policy for electric vehicles.\n\nIt takes effect in May."
    found = extract_attributions(load_nlp()(text))
    assert all(text[a.cue[0][0]:a.cue[0][1]] != ":" for a in found)


def test_the_next_speakers_quotation_stays_theirs():
    from wiretrace.analyze.attribution import Attribution
    from wiretrace.analyze.attribution_layout import continue_quotes

    text = "“The plan is dead,” Dravik said. “It was never alive,” Lint replied."
    said, replied = text.index("said"), text.index("replied")
    first = Attribution(source=[[said - 7, said - 1]], cue=[[said, said + 4]], content=[[0, said - 8]])
    second = Attribution(source=[[replied - 5, replied - 1]], cue=[[replied, replied + 7]],
                         content=[[text.index("“It"), replied - 6]])
    continue_quotes(text, [first, second])
    assert len(first.content) == 1


def test_rubrics_and_fields_are_not_speakers():
    for line in ("READ MORE: Prices soar after the cap\n\nText", "EDITOR'S NOTE: This story was updated\n\nText",
                 "Source: Reuters reporting from Lisvar\n\nText"):
        assert layout_attributions(line) == []


def test_a_quotation_in_two_apostrophes_goes_on_after_its_source():
    from wiretrace.analyze.attribution import Attribution
    from wiretrace.analyze.attribution_layout import continue_quotes

    text = "''There is no plan,'' said Elena Dravik, the minister. ''We have said it before and we will say it\n\nNext."
    said = text.index("said")
    attribution = Attribution(source=[[said + 5, said + 17]], cue=[[said, said + 4]], content=[[0, said - 1]])
    continue_quotes(text, [attribution])
    # the second quotation runs on unclosed to its paragraph's end (it goes on in the next paragraph)
    assert [text[s:e] for s, e in attribution.content] == [
        "''There is no plan,''", "''We have said it before and we will say it"]


def test_a_quotation_goes_on_after_a_source_between_it_and_the_cue():
    from wiretrace.analyze.attribution import Attribution
    from wiretrace.analyze.attribution_layout import continue_quotes

    text = "“The shop stays open,” Jo Smith, who runs it, said on Monday. “We have no other plan.”"
    source = text.index("Jo Smith, who runs it")
    said = text.index("said")
    attribution = Attribution(source=[[source, source + len("Jo Smith, who runs it")]], cue=[[said, said + 4]],
                              content=[[0, text.index("”") + 1]])
    continue_quotes(text, [attribution])
    assert [text[s:e] for s, e in attribution.content] == ["“The shop stays open,”", "“We have no other plan.”"]


def test_a_quotation_left_open_goes_on_in_the_next_quoted_paragraphs():
    from wiretrace.analyze.attribution import Attribution
    from wiretrace.analyze.attribution_layout import continue_paragraphs

    text = ("Jo Smith said: “The shop stays open.\n\n“We have no other plan.\n\n“Nor will we.”\n\n"
            "“That is wrong,” Lee replied.")
    said = text.index("said")
    first = Attribution(source=[[0, 8]], cue=[[said, said + 5]], content=[[text.index("“The"), text.index("\n")]])
    replied = text.index("replied")
    second = Attribution(source=[[replied - 4, replied - 1]], cue=[[replied, replied + 7]],
                         content=[[text.index("“That"), replied - 5]])
    continue_paragraphs(text, [first, second])
    # the quotation closes in its third paragraph; the fourth is another speaker's
    assert [text[s:e] for s, e in first.content] == ["“The shop stays open.", "“We have no other plan.", "“Nor will we.”"]
    closed = Attribution(source=[[0, 8]], cue=[[said, said + 5]], content=[[text.index("“Nor"), text.index("“Nor") + 14]])
    continue_paragraphs(text, [closed])
    assert len(closed.content) == 1  # a closed quotation does not go on


def test_a_relation_wholly_inside_the_next_quotation_is_the_speakers_own_words():
    from wiretrace.analyze.attribution import Attribution
    from wiretrace.analyze.attribution_layout import continue_quotes

    text = '"This is a matter for the courts," said Anna Nowak, a lawyer for the union. "We expect a ruling soon."'
    said = text.index("said")
    nowak = Attribution(source=[[said + 5, said + 15]], cue=[[said, said + 4]], content=[[0, said - 1]])
    we, expect = text.index("We expect"), text.index("expect")
    inner = Attribution(source=[[we, we + 2]], cue=[[expect, expect + 6]], content=[[expect + 7, len(text) - 1]])
    continue_quotes(text, [nowak, inner])
    assert [text[s:e] for s, e in nowak.content][-1] == '"We expect a ruling soon."'


def test_quotations_left_open_by_news_style_or_by_mistake():
    from wiretrace.analyze.attribution_layout import (
        unbalanced_quotations,
        unclosed_quotation,
    )

    continued = ("“This is not a decision we take lightly,” Graves said. “Every library has served families.\n\n"
                 "“But the budget gap is real.\n\n“I will keep looking for a way to reopen them.”")
    assert not unbalanced_quotations(continued)
    mistaken = '"We will not accept a deal, Jan Kowal said on Friday.\n\nThe ministry said the quotas were "unfair.'
    assert unbalanced_quotations(mistaken) and unclosed_quotation(mistaken, 5)
    # an even count of straight marks proves nothing
    assert mistaken.count('"') % 2 == 0
    assert unbalanced_quotations("The minister called it “a fiction.”” Others agreed.")
