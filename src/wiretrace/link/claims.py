"""The same claim in several articles: one rule, used by the corpus timeline and the web claim page.

Outlets rewrite a claim ("Putin floated a swap" / "the Russian president suggested an exchange"),
so exact matching misses most copies. Two claims are taken as one when they share most of the
shorter one's content words, or when the same source made them and either they sit in the same
story and share a word, or the source is named and they still share a good part of their words
(a denial, or a claim known only by its basis, is worded differently from the report). Anonymous
sources ("people familiar with the matter") are other people in another story.
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache

import snowballstemmer

from wiretrace.analyze.sourcing import is_anonymous

#: Share of the shorter claim's content words two claims must share to be one claim.
SAME_CLAIM_OVERLAP = 0.5
#: The lower share that suffices when both name the same (non-generic) source.
SAME_SOURCE_OVERLAP = 0.25
#: Content words two claims of different stories must share at least (see same_claim).
_CROSS_STORY_WORDS = 3

_WORD = re.compile(r"[^\W_]{3,}")
STOP_WORDS = frozenset(
    "a an the and or but of to in on at by for with from that this these those it its is are was were be been "
    "being has have had will would could should may might can said says say told according as than then who whom "
    "whose which what when where whether while not no any all if into over under about after before also their "
    "there they them his her our your he she we per report reports reported newspaper".split()
)
#: Sources that name nobody in particular: sharing one says nothing about the claim.
GENERIC_SOURCES = frozenset({"", "he", "she", "they", "it", "we", "i", "officials", "report", "sources",
                             "a source", "the source", "source", "people", "analysts", "experts"})


def claim_words(text: str | None) -> frozenset[str]:
    """The content words of a claim: lower-cased, three characters or more (letters or digits), stop
    words dropped."""
    return frozenset(w for w in (m.lower() for m in _WORD.findall(text or "")) if w not in STOP_WORDS)


_STEMMERS = threading.local()  # (a Snowball stemmer keeps its state in the object: one per thread)


@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """A lower-case word's Snowball English stem ("exports", "exported" -> "export")."""
    stemmer = getattr(_STEMMERS, "english", None)
    if stemmer is None:
        stemmer = _STEMMERS.english = snowballstemmer.stemmer("english")
    return stemmer.stemWord(word)


def claim_stems(text: str | None) -> frozenset[str]:
    """The stems of a claim's content words (Snowball English: "exports", "exported" -> "export";
    "denies", "denied" -> "deni"): what a reader's words are matched on, whatever inflection the
    claim itself used."""
    return frozenset(map(stem, claim_words(text)))


def source_key(name: str | None) -> str:
    """A source name compared loosely: case, spacing and a leading "the" ignored."""
    return " ".join((name or "").lower().split()).removeprefix("the ")


def overlap(a: frozenset[str], b: frozenset[str]) -> tuple[int, float]:
    """Shared words and their share of the smaller set."""
    shared = len(a & b)
    return shared, shared / max(1, min(len(a), len(b)))


def same_claim(text_a: str | None, source_a: str | None, text_b: str | None, source_b: str | None,
               same_story: bool = False) -> bool:
    """Whether two claims (their text and who made them) are one claim; ``same_story`` when their
    articles belong to one story."""
    words_a, words_b = claim_words(text_a), claim_words(text_b)
    shared, share = overlap(words_a, words_b)
    # Across stories two shared words are common ground, not one claim ("the federal government
    # for disaster aid" / "the federal government had asked for a new assessment"): three, or all
    # of a shorter claim's two.
    enough = 2 if same_story or min(len(words_a), len(words_b)) <= 2 else _CROSS_STORY_WORDS
    if shared >= enough and share >= SAME_CLAIM_OVERLAP:
        return True
    source = source_key(source_a)
    if source in GENERIC_SOURCES or source != source_key(source_b):
        return False
    # One source makes several claims in a story: they must still share a word to be one.
    if same_story and shared >= 1:
        return True
    # "People familiar with the matter" are other people in another story: only a named source
    # is the same source across stories.
    return shared >= 2 and share >= SAME_SOURCE_OVERLAP and not is_anonymous(source_a)
