"""The stand-ins in ``fast_components`` annotate exactly as the spaCy components they replace."""

import json

import numpy
import pytest
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, SENT_START, TAG

from wiretrace.analyze.nlp import load_nlp
from wiretrace.bench.common import SHARED_BENCH
from wiretrace.commands.common import SAMPLES
from wiretrace.extract import extract_page
from wiretrace.sources import read_page

COLUMNS = [TAG, POS, MORPH, LEMMA, DEP, HEAD, ENT_IOB, ENT_TYPE, SENT_START]
# Texts that reach the two-token patterns (gonna, gotta, let's, y'all, ain't, "there is"), space
# tokens, entities at the very end and at a sentence's end, and empty or blank input.
EDGE_CASES = [
    "", " ", "\n\n", "Hello", "New York", "He moved to New York",
    "We're gonna win, y'all. They gotta go. Let's see: it ain't over. There is hope; there were doubts.",
    "Mr. Putin met Olaf Scholz in Berlin.\n\nThe United Nations said it was \"deeply concerned\".  \n  Fine.",
    "I told 'em somethin' about doin' it, ol' friend. C'mon! 'Nuff said, he'd say, but it'd be fine.",
    "The U.S. Department of State, the European Union and NATO met on 5 May 2024 at 10 a.m. in Kyiv",
]


def _texts() -> list[str]:
    texts = list(EDGE_CASES)
    for path in sorted(SAMPLES.iterdir())[:10]:
        article = extract_page(read_page(str(path)))
        if article.body:
            texts.append(article.text)
    dev = SHARED_BENCH / "attribution" / "dev.jsonl"
    if dev.exists():
        with open(dev, encoding="utf-8") as handle:
            texts.extend(json.loads(line)["text"] for _, line in zip(range(20), handle))
    return texts


def test_fast_pipeline_replaces_parser_attribute_ruler_lemmatizer_and_ner():
    names = load_nlp().pipe_names
    assert names == ["tok2vec", "tagger", "wiretrace_parser", "wiretrace_attribute_ruler", "wiretrace_lemmatizer",
                     "wiretrace_ner"]


@pytest.mark.parametrize("batch_size", [1, 16])
def test_fast_components_annotate_as_spacy_does(batch_size):
    texts = _texts()
    fast = list(load_nlp().pipe(texts, batch_size=batch_size))
    reference = list(load_nlp(fast=False).pipe(texts, batch_size=batch_size))
    for text, a, b in zip(texts, fast, reference):
        assert numpy.array_equal(a.to_array(COLUMNS), b.to_array(COLUMNS)), text[:80]
        assert [str(t.morph) for t in a] == [str(t.morph) for t in b], text[:80]
        assert [(e.start, e.end, e.label_) for e in a.ents] == [(e.start, e.end, e.label_) for e in b.ents]


def test_single_doc_call_matches_pipe():
    text = EDGE_CASES[7]
    single, piped = load_nlp()(text), next(load_nlp().pipe([text]))
    assert numpy.array_equal(single.to_array(COLUMNS), piped.to_array(COLUMNS))
