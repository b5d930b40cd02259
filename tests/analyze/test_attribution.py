"""Attribution extraction: behaviour on short hand-written texts, and the PolNeAR dev score when present."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wiretrace.analyze.attribution import (
    CUE_MODEL,
    ROLE_MODEL,
    Attribution,
    attributions_for_text,
    extract_attributions,
)

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
BENCH = SHARED / "bench" / "attribution"

pytestmark = pytest.mark.skipif(not (CUE_MODEL.exists() and ROLE_MODEL.exists()), reason="attribution model missing")


def texts(text: str, spans: list[list[int]]) -> list[str]:
    return [text[s:e] for s, e in spans]


def find(found: list[dict], text: str, cue: str) -> dict:
    for a in found:
        if cue in texts(text, a["cue"]):
            return a
    raise AssertionError(f"no attribution with cue {cue!r} in {[(texts(text, a['cue'])) for a in found]}")


def test_direct_quote_with_source_after():
    text = '"We will not resign," the minister said on Tuesday.'
    found = attributions_for_text(text)
    assert len(found) == 1
    a = find(found, text, "said")
    assert texts(text, a["source"]) == ["the minister"]
    content = " ".join(texts(text, a["content"]))
    assert "We will not resign" in content
    assert "said" not in content and "minister" not in content
    assert a["kind"] == "direct"


def test_indirect_speech_and_wanting():
    text = ("Kommersant said that Putin wanted the gas deal signed before the winter, "
            "but the company declined to comment.")
    found = attributions_for_text(text)
    said = find(found, text, "said")
    assert texts(text, said["source"]) == ["Kommersant"]
    assert said["kind"] == "indirect"
    content = " ".join(texts(text, said["content"]))
    assert "the gas deal signed before the winter" in content
    # the internal state nested in the content is not extracted as a second, overlapping relation
    for a in found:
        for s, e in a["cue"]:
            assert not any(cs <= s < ce for cs, ce in said["content"]) or a is said


def test_according_to():
    text = "The plant will close in March, according to two people familiar with the plan."
    found = attributions_for_text(text)
    a = find(found, text, "according to")
    assert texts(text, a["source"]) == ["two people familiar with the plan"]
    assert "The plant will close in March" in " ".join(texts(text, a["content"]))
    assert a["kind"] == "indirect"


def test_belief_is_an_attribution():
    text = "Many voters believe the election was decided by the economy."
    found = attributions_for_text(text)
    a = find(found, text, "believe")
    assert texts(text, a["source"]) == ["Many voters"]
    assert "the election was decided by the economy" in " ".join(texts(text, a["content"]))


def test_mixed_quote_and_offsets_are_into_the_text():
    text = ("The mayor said the budget was \"a disgrace\" and promised a review.\n\n"
            "Officials declined to comment.")
    found = attributions_for_text(text)
    a = find(found, text, "said")
    assert texts(text, a["source"]) == ["The mayor"]
    assert a["kind"] == "mixed"
    for att in found:
        for role in ("source", "cue", "content"):
            for s, e in att[role]:
                assert 0 <= s < e <= len(text)
                assert text[s:e] == text[s:e].strip()


def test_no_attribution_in_plain_narration():
    assert attributions_for_text("The bridge opened in 1932. It is 500 metres long.") == []
    assert attributions_for_text("") == []


def test_extract_attributions_takes_a_doc():
    from wiretrace.analyze.nlp import load_nlp

    doc = load_nlp()("Critics say the plan is too expensive.")
    found = extract_attributions(doc)
    assert found and all(isinstance(a, Attribution) for a in found)
    assert found[0].to_dict().keys() == {"source", "cue", "content", "kind"}


def test_dev_scores_above_floors():
    if not (BENCH / "dev.jsonl").exists():
        pytest.skip(f"{BENCH} not present (../shared is optional)")
    from wiretrace.analyze.train_attribution import evaluate

    floors = json.loads((Path(__file__).resolve().parents[2] / "src" / "wiretrace" / "bench"
                         / "attribution_floors.json").read_text())
    summary = evaluate(BENCH)
    for metric, floor in floors.items():
        assert summary[metric]["f1"] >= floor, (metric, summary[metric]["f1"], floor)


def _roles_from_parse(text: str, cue_words: str):
    from wiretrace.analyze.attribution import _content_from_parse, _source_from_parse, doc_info
    from wiretrace.analyze.nlp import load_nlp

    doc = load_nlp()(text)
    start = next(t.i for t in doc if text[t.idx:].startswith(cue_words))
    cue = (start, start + len(load_nlp().tokenizer(cue_words)))
    info = doc_info(doc)
    content = _content_from_parse(info, cue)
    source = _source_from_parse(info, cue, content)
    return [doc[s:e].text for s, e in source], [doc[s:e].text for s, e in content]


def test_roles_from_the_parse_when_the_tagger_gives_none():
    assert _roles_from_parse("He said:\n\n\"We will not cap exports this year.\"\n\nThe end.", "said") == \
        (["He"], ['"We will not cap exports this year."'])
    source, content = _roles_from_parse("Elena Dravik told reporters that the plan had been shelved.", "told")
    assert source == ["Elena Dravik"] and content == ["that the plan had been shelved"]
    source, content = _roles_from_parse("The plan was shelved in May, the spokesman added.", "added")
    assert source == ["the spokesman"] and content == ["The plan was shelved in May"]


def test_source_of_according_to_from_the_parse():
    from wiretrace.analyze.attribution import _source_from_parse, doc_info
    from wiretrace.analyze.nlp import load_nlp

    doc = load_nlp()("Exports will fall by a third next year, according to the energy ministry.")
    cue = next((t.i, t.i + 2) for t in doc if t.lower_ == "according")
    content = [(0, next(t.i for t in doc if t.text == ","))]
    assert [doc[s:e].text for s, e in _source_from_parse(doc_info(doc), cue, content)] == ["the energy ministry"]


class _FakeCueTagger:
    """A cue tagger whose Viterbi path is all O and whose marginals come from a table."""

    def __init__(self, marginals: dict[tuple[str, str], float], words: list[str]):
        self.marginals = marginals
        self.words = words

    def tag(self, xseq):
        self.n = len(xseq)
        return ["O"] * self.n

    def marginal(self, label, k):
        return self.marginals.get((label, self.words[k]), 0.0)


def test_cue_added_from_its_marginal_takes_the_likely_following_tokens():
    from wiretrace.analyze.attribution import doc_info, predict_cues
    from wiretrace.analyze.nlp import load_nlp

    doc = load_nlp()("The mayor has responded with a letter.")
    info = doc_info(doc)
    words = [t.text for t in doc]
    # Viterbi leaves the cue out; the marginals make "has" a likely cue start and "responded" its likely rest.
    tagger = _FakeCueTagger({("B", "has"): 0.6, ("I", "responded"): 0.7, ("I", "with"): 0.2}, words)
    assert [doc[s:e].text for s, e in predict_cues(info, tagger)] == ["has responded"]
    # Without a likely continuation the verb stays a one-token cue.
    tagger = _FakeCueTagger({("B", "has"): 0.6, ("I", "responded"): 0.4}, words)
    assert [doc[s:e].text for s, e in predict_cues(info, tagger)] == ["has"]


def test_sentence_opening_in_a_poll_is_the_polls_attribution():
    text = "In a Quinnipiac poll released Tuesday, the senator led his rival by four points among likely voters."
    found = attributions_for_text(text)
    a = find(found, text, "In")
    assert texts(text, a["source"]) == ["a Quinnipiac poll released Tuesday"]
    assert texts(text, a["content"]) == ["the senator led his rival by four points among likely voters"]
    # a poll further into the sentence is not marked as a source (PolNeAR mostly does not)
    text = "The senator has led his rival in the polls since the spring."
    assert all("in" not in texts(text, a["cue"]) for a in attributions_for_text(text))


def test_cue_features_mark_words_nested_in_a_reported_clause():
    from wiretrace.analyze.attribution_features import cue_features, doc_info
    from wiretrace.analyze.nlp import load_nlp

    doc = load_nlp()("The mayor said the council wants a new vote, and residents hope for calm.")
    feats = {t.text: set(f) for t, f in zip(doc, cue_features(doc_info(doc)))}
    assert "nest=say" in feats["wants"]  # in the clause "said" reports
    assert not any(f.startswith("nest=") for f in feats["said"])
    # the nesting is read from the parse; whatever it makes of the second clause, "said" is not in it
    assert "nest=say" not in feats["mayor"]


def test_cue_features_give_a_verb_the_lemmas_of_its_complements():
    from wiretrace.analyze.attribution_features import cue_features, doc_info
    from wiretrace.analyze.nlp import load_nlp

    doc = load_nlp()("The mayor was angry. The governor is against the plan. Her aides talked about it.")
    feats = {t.text: set(f) for t, f in zip(doc, cue_features(doc_info(doc)))}
    # what a copular or light verb means lies in its complement: the tagger sees it on the verb
    assert "cf=acomp|angry" in feats["was"]
    assert "cf=prep|against" in feats["is"]
    assert "cf=prep|about" in feats["talked"]
    assert not any(f.startswith("cf=") for f in feats["mayor"] | feats["angry"])


def test_a_relation_inside_another_relations_content_is_dropped():
    from wiretrace.analyze.attribution import _outermost

    outer = Attribution(source=[[0, 9]], cue=[[10, 14]], content=[[15, 60]])
    inner = Attribution(source=[[15, 26]], cue=[[27, 32]], content=[[33, 60]])
    other = Attribution(source=[[62, 70]], cue=[[71, 75]], content=[[76, 90]])
    assert _outermost([outer, inner, other]) == [outer, other]
    # two relations each inside the other's content: keep both rather than guess
    a = Attribution(cue=[[0, 4]], content=[[5, 20]])
    b = Attribution(cue=[[10, 14]], content=[[0, 8]])
    assert _outermost([a, b]) == [a, b]


def _tokens(doc, words: str) -> tuple[int, int]:
    """Token span of the first occurrence of ``words`` in ``doc``."""
    start = next(t.i for t in doc if doc[t.i:].text.startswith(words))
    end = next(t.i + 1 for t in doc[start:] if doc[start:t.i + 1].text == words)
    return start, end


def test_source_takes_the_comma_closing_an_appositive():
    from wiretrace.analyze.attribution import _source_comma, doc_info
    from wiretrace.analyze.nlp import load_nlp

    doc = load_nlp()("Mara Bellin, a spokeswoman for the port, said the cranes would be replaced.")
    info = doc_info(doc)
    name = _tokens(doc, "Mara Bellin, a spokeswoman for the port")
    assert [doc[s:e].text for s, e in _source_comma(info, [name])] == ["Mara Bellin, a spokeswoman for the port,"]
    doc = load_nlp()("According to Mara Bellin, the cranes would be replaced.")
    info = doc_info(doc)
    name = _tokens(doc, "Mara Bellin,")
    assert [doc[s:e].text for s, e in _source_comma(info, [name])] == ["Mara Bellin"]
    assert _source_comma(info, []) == []


def test_the_source_shown_leaves_out_the_appositive_comma_its_span_keeps():
    from wiretrace.analyze.pipeline import analyze_article
    from wiretrace.record import Article

    text = "Mara Bellin, a spokeswoman for the port, said the cranes would be replaced by March."
    article = analyze_article(Article(source="port.txt", input_kind="text", body=[text]))
    [attribution] = article.attributions
    assert attribution.source_text == "Mara Bellin, a spokeswoman for the port"
    assert [text[s:e] for s, e in attribution.source] == ["Mara Bellin, a spokeswoman for the port,"]


def test_content_of_according_to_and_as_reported_is_the_clause_they_attribute():
    from wiretrace.analyze.attribution import _content_from_parse, doc_info
    from wiretrace.analyze.nlp import load_nlp

    doc = load_nlp()("Grain exports rose by a fifth last year, according to the port authority.")
    content = _content_from_parse(doc_info(doc), _tokens(doc, "according to"))
    assert [doc[s:e].text for s, e in content] == ["Grain exports rose by a fifth last year"]
    doc = load_nlp()("As the newspaper reported, the ferry service will end in March.")
    content = _content_from_parse(doc_info(doc), _tokens(doc, "reported"))
    assert [doc[s:e].text for s, e in content] == ["the ferry service will end in March"]


def test_content_cut_short_runs_to_the_end_of_the_cues_complement():
    from wiretrace.analyze.attribution import _complete_content, doc_info
    from wiretrace.analyze.nlp import load_nlp

    doc = load_nlp()("Ilsa Moreno told reporters that the new levy would raise $40 million annually.")
    info = doc_info(doc)
    cue = _tokens(doc, "told")
    short = _tokens(doc, "that the new levy would raise $40 million")
    no_other_cue = [False] * len(doc)
    full = _complete_content(info, cue, [_tokens(doc, "Ilsa Moreno")], [short], no_other_cue)
    assert [doc[s:e].text for s, e in full] == ["that the new levy would raise $40 million annually"]
    # another cue in the way stops the extension (its relation would be dropped as nested)
    other = list(no_other_cue)
    other[_tokens(doc, "annually")[0]] = True
    assert _complete_content(info, cue, [], [short], other) == [short]


def test_two_apostrophes_open_and_close_a_quotation():
    from wiretrace.analyze.attribution_features import doc_info
    from wiretrace.analyze.nlp import load_nlp

    doc = load_nlp()("''We will win,'' he said. ''It is fine.''")
    quote = {t.i: q for t, q in zip(doc, doc_info(doc).quote)}
    inside = [t.text for t in doc if quote[t.i]]
    assert inside == ["''", "We", "will", "win", ",", "''", "''", "It", "is", "fine", ".", "''"]


def test_content_begun_inside_a_quotation_takes_the_whole_quotation():
    from wiretrace.analyze.attribution import _whole_quotation, doc_info
    from wiretrace.analyze.nlp import load_nlp

    doc = load_nlp()("“The ferry will run. The bridge will wait until May,” the mayor said.")
    info = doc_info(doc)
    cue = _tokens(doc, "said")
    source = _tokens(doc, "the mayor")
    later = _tokens(doc, "The bridge will wait until May,”")
    no_other_cue = [False] * len(doc)
    whole = _whole_quotation(info, cue, [source], [later], no_other_cue)
    assert [doc[s:e].text for s, e in whole] == ["“The ferry will run. The bridge will wait until May,”"]
    # another cue inside the quotation keeps the run as it was
    other = list(no_other_cue)
    other[_tokens(doc, "run")[0]] = True
    assert _whole_quotation(info, cue, [source], [later], other) == [later]


def test_an_unnamed_source_closing_the_sentence_is_split_from_the_content():
    # The parse hangs "an official" from "spending" and leaves "said" without a subject; the tagger
    # then runs the content on to the cue.
    text = "The ministry will cut spending, an official who asked not to be identified said."
    a = find(attributions_for_text(text), text, "said")
    assert texts(text, a["source"]) == ["an official who asked not to be identified"]
    assert texts(text, a["content"]) == ["The ministry will cut spending"]


def test_a_wire_leads_closing_report_is_found_where_the_parse_misreads_it():
    # The parser takes "Bloomberg News" for the predicate of "Zambia is ..." and "reported" for its modifier.
    text = ("Zambia is in advanced talks to sell a 51% stake in Konkola Copper Mines to Abu Dhabi's International "
            "Resources Holding, Bloomberg News reported on Tuesday, citing people familiar with the matter.")
    a = find(attributions_for_text(text), text, "reported")
    assert texts(text, a["source"]) == ["Bloomberg News"]
    assert texts(text, a["content"]) == [text[:text.index(", Bloomberg")]]


def test_a_dateline_is_no_source():
    text = ("NAIROBI, Sept 9 (Reuters) - Kenya's central bank cut its benchmark lending rate on Tuesday, citing "
            "easing inflation and a stable shilling.")
    a = find(attributions_for_text(text), text, "citing")
    assert texts(text, a["source"]) == ["Kenya's central bank"]


def test_a_quotation_never_closed_keeps_its_speaker():
    text = ('"We will not accept a deal that leaves our farmers worse off, Agriculture Minister Jan Kowal said '
            'on Friday.\n\nThe talks will resume in Brussels next week, officials said.')
    a = find(attributions_for_text(text), text, "said")
    assert texts(text, a["source"]) == ["Agriculture Minister Jan Kowal"]
    assert texts(text, a["content"]) == ["We will not accept a deal that leaves our farmers worse off"]


def test_an_unnamed_source_with_a_relative_clause_before_its_report_is_found():
    # The tagger takes "asked" for the cue, or no cue at all; the relative clause is the source's.
    for text, cue in (("The ministry will cut spending, an official who asked not to be identified said on Friday.",
                       "said"),
                      ("The ministry will cut spending next year, one senior official who was not authorised to "
                       "speak publicly told Reuters.", "told")):
        [a] = attributions_for_text(text)
        assert texts(text, a["cue"]) == [cue]
        assert texts(text, a["source"])[0].endswith(("identified", "publicly"))
        assert texts(text, a["content"])[0].startswith("The ministry will cut spending")


def test_two_reports_in_one_sentence_keep_their_own_contents():
    # The tagger gave the first "said" the second one's content; each keeps its own complement.
    text = ("KYIV, Nov 26 (Reuters) - Ukraine's air force said on Wednesday it had shot down 40 of 52 drones launched "
            "by Russia overnight, while Russia's defence ministry said its forces had struck \"energy infrastructure "
            "used by the Ukrainian military\".")
    found = attributions_for_text(text)
    first = [a for a in found if texts(text, a["source"]) == ["Ukraine's air force"]]
    assert first and texts(text, first[0]["content"]) == ["it had shot down 40 of 52 drones launched by Russia overnight"]
    second = [a for a in found if texts(text, a["source"]) == ["Russia's defence ministry"]]
    assert second and "energy infrastructure" in " ".join(texts(text, second[0]["content"]))


def test_a_word_closing_the_source_that_modifies_the_verb_is_no_part_of_it():
    text = "The minister's office neither confirmed nor denied the report. The director further said the plan was sound."
    found = attributions_for_text(text)
    sources = [" ".join(texts(text, a["source"])) for a in found]
    assert "The minister's office" in sources and "The director" in sources
    assert not any(s.endswith(("neither", "further")) for s in sources)


def test_a_content_ends_before_the_conjunction_that_runs_it_into_the_next_clause():
    text = ("Dravik, who took office in January, has repeatedly said households should not bear the cost "
            "of the country's export growth, and last month asked the regulator to review tariffs.")
    said = next(a for a in attributions_for_text(text) if "households" in " ".join(texts(text, a["content"])))
    assert texts(text, said["content"])[-1].endswith("the country's export growth")
