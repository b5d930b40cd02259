"""Text mode, part two: classify the blocks of a dump (:mod:`wiretrace.extract.textsegment` cuts
them) as the article's body or the furniture around it.

:func:`classify` scores every block in two passes (features in
:mod:`wiretrace.extract.textfeatures`, weights in ``models/textblocks.json``, trained by
:mod:`wiretrace.extract.train_textblocks`): a logistic regression over the block's own features
and its neighbourhood, then a second one that also sees the first pass's scores of the blocks
around it (stacking); the two vote. It then decodes the page as a whole: the article is the
heaviest contiguous run of likely-body blocks, which may be interrupted (a related-links box, a
caption) and resume, and anything outside that run needs a much higher score to count. A page
where no block is confidently body is judged relative to its best blocks instead. Last, what
the page states outright settles it: a comments thread after the article is never the article
however heavy, furniture that names itself leaves the body (:func:`drop_furniture`), a list
that a body paragraph introduces with a colon joins it (:func:`take_introduced_lists`), and the
publisher's calls to action that close it leave it (:func:`drop_closing_calls`).
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from importlib import resources
from itertools import accumulate, compress, islice
from operator import attrgetter, not_

import numpy as np

from wiretrace.extract import cues
from wiretrace.extract.dates import MONTH_NAME
from wiretrace.extract.settings import TEMPLATE_MIN_PAGES, TEMPLATE_SAMPLE_PAGES
from wiretrace.extract.textfeatures import (
    CONTEXT_NAMES,
    FEATURE_NAMES,
    LinearModel,
    PageText,
    block_features,
    context_features,
    heaviest_run,
    page_features,
)
from wiretrace.extract.textsegment import SENTENCE_ENDS, Block, segment, unix_line_breaks


# --- site templates ------------------------------------------------------------------------------

_DIGITS = re.compile(r"\d")
#: Template lines are short furniture; long lines are almost always page-specific prose, and
#: skipping them keeps the counter small over thousands of pages.
_TEMPLATE_MAX_CHARS = 160


def template_key(text: str) -> str:
    """The key under which a block is counted when learning a site's template across pages."""
    return " ".join(_DIGITS.sub("0", text.lower()).split())


def learn_template(contents: Iterable[str], min_pages: int = TEMPLATE_MIN_PAGES, min_share: float = 0.5,
                   max_pages: int | None = None) -> frozenset[str]:
    """Keys of blocks that recur on at least ``min_share`` of the pages (and ``min_pages`` pages).

    ``contents`` are dumps of one site, read lazily: only the first ``max_pages`` (by default
    TEMPLATE_SAMPLE_PAGES) are taken. Each page counts a key once, however often it repeats
    the block, and only short blocks are counted; pages that repeat another page's paragraphs
    are not counted at all.
    """
    pages: list[tuple[set[str], list[int]]] = []  # per page: its short keys, and hashes of its long blocks
    for content in islice(contents, TEMPLATE_SAMPLE_PAGES if max_pages is None else max_pages):
        blocks = segment(unix_line_breaks(content))  # (as text mode segments a dump to extract it)
        texts = [b.text for b in blocks if len(b.text) <= _TEMPLATE_MAX_CHARS]
        # template_key for all of them at once: one lower() and one digit pass over the page.
        joined = "\n".join(texts)
        if joined.count("\n") == len(texts) - 1:
            keys = {" ".join(key.split()) for key in _DIGITS.sub("0", joined.lower()).split("\n")} if texts else set()
        else:  # a block holding a line break of its own
            keys = {template_key(text) for text in texts}
        pages.append((keys, [hash(b.text) for b in blocks if len(b.text) > _TEMPLATE_MAX_CHARS]))
    # A page most of whose paragraphs another page holds too carries the same story (wire copy
    # republished by several outlets, saved twice): what it shares with that page is the story,
    # not the site's template, and would be dropped from every copy. Only pages with a story of
    # their own teach the template.
    shown = Counter(h for _keys, long_blocks in pages for h in set(long_blocks))
    teaching = [keys for keys, long_blocks in pages
                if sum(shown[h] > 1 for h in long_blocks) * 2 < len(long_blocks) or not long_blocks]
    if len(teaching) < min_pages:
        return frozenset()
    counts = Counter(key for keys in teaching for key in keys)
    need = max(min_pages, min_share * len(teaching))
    return frozenset(key for key, count in counts.items() if count >= need)


# --- classification ------------------------------------------------------------------------------

#: Decoding knobs, tuned by cross-validation in train_textblocks (stored with the weights).
_DEFAULT_DECODE = {"pivot": 0.5, "inside": 0.35, "outside": 0.9, "resume": 0.5}


MODEL_RESOURCE = "models/textblocks.json"


@lru_cache(maxsize=1)
def _model() -> tuple[LinearModel, LinearModel | None, dict[str, float]]:
    """The shipped models (first pass, second pass over the neighbours' first-pass scores),
    loaded once per process on first use."""
    data = json.loads(resources.files("wiretrace").joinpath(MODEL_RESOURCE).read_text(encoding="utf-8"))
    stack = LinearModel(data["stack"], FEATURE_NAMES + CONTEXT_NAMES) if "stack" in data else None
    return LinearModel(data["model"]), stack, {**_DEFAULT_DECODE, **data.get("decode", {})}


def stacked_scores(X: np.ndarray, first: LinearModel, second: LinearModel | None) -> np.ndarray:
    """Body probabilities: the first pass on the block features, then (when there is a second
    model) a second pass that also sees the first-pass scores of each block's neighbourhood."""
    first_margin = first.margin(X)
    scores = 1.0 / (1.0 + np.exp(-first_margin))  # first.predict(X), without a second product
    if second is None or not len(X):
        return scores
    # The second pass sees the features and their context side by side (built in place, not
    # stacked: a page is scored in a few dozen NumPy calls, each one counts).
    both = np.empty((len(X), X.shape[1] + len(CONTEXT_NAMES)))
    both[:, : X.shape[1]] = X
    context_features(X, scores, out=both[:, X.shape[1] :])
    # The two passes vote (mean log-odds): the second alone leans on its neighbours enough to
    # pull a headline or a lone teaser next to the article into it.
    margin = first_margin + second.margin(both)
    return 1.0 / (1.0 + np.exp(-0.5 * margin))


def body_scores(blocks: list[Block]) -> np.ndarray:
    """Per block, the model's probability that it belongs to the article body."""
    first, second, _knobs = _model()
    return stacked_scores(block_features(blocks), first, second)


def decode(
    blocks: list[Block],
    scores: np.ndarray,
    pivot: float = 0.5,
    inside: float = 0.35,
    outside: float = 0.9,
    resume: float = 0.5,
    words: np.ndarray | None = None,
    ends: np.ndarray | None = None,
    related: Sequence[bool] | np.ndarray | None = None,
) -> list[bool]:
    """Choose the body blocks of a page from their scores.

    The body is the heaviest contiguous run of likely-body blocks (see
    ``textfeatures.heaviest_run``); inside that run a block needs ``inside``, outside it
    ``outside``. After the run, the article may resume past a short interruption (an "Also
    Read" heading and a few headlines): a paragraph scoring ``resume`` within a few blocks of
    the run's end, with only short lines in between, continues it. Where the renderer sets the
    interruption in at another indent than the body's, it may be longer, and a paragraph back
    at the body's indent needs only ``inside``. So does one past a box that opens with a
    related-links heading (``related``: per block, whether it is one), which says as much where
    the renderer draws everything flush left; not the box's first line, nor a list item (the
    box's own teasers).

    Before the run, a long paragraph scoring ``resume`` within a few blocks of its start, with
    only short lines in between (a caption, a short list), starts the story there.

    A resumed paragraph ends a sentence (or introduces what follows with a colon) where
    ``ends`` says so per block: past a box, a long line that ends mid-phrase is a citation, a
    teaser or a row of links scoring like prose (a list of sources after a fact-check's
    ruling), not the story going on.

    Inside the run, under a related-links heading, a line that ends no sentence (a teaser) is
    body only once the story has gone on at ``resume``.

    ``words`` is each block's ``text.count(" ") + 1``, where the caller has it already.
    """
    n = len(blocks)
    if n == 0:
        return []
    if words is None:
        words = np.array([b.text.count(" ") + 1 for b in blocks], dtype=np.float64)
    lo, hi = heaviest_run(words, scores, pivot)
    if hi < lo:
        # Nothing on the page looks like a body in absolute terms (a table, a script the model
        # saw little of): judge the blocks against the page's best one instead, as long as that
        # one is not hopeless. A page of navigation only still comes out empty.
        top = float(scores.max())
        if top < _FALLBACK_FLOOR:
            return [False] * n
        scores = scores * (_FALLBACK_TOP / top)
        lo, hi = heaviest_run(words, scores, pivot)
    keep = scores >= outside
    if hi < lo:
        return keep.tolist()
    runs = [(lo, hi)]
    # The body's own indent, where the renderer shows one apart from the page's: a box set in
    # at another indent interrupts it however long it is, and the body resumes at its indent.
    # (Kept, or scoring ``inside``: a score of at least the lower of the two.)
    in_run = (scores[lo : hi + 1] >= min(inside, outside)).tolist()
    indents = list(map(attrgetter("indent"), compress(blocks[lo : hi + 1], in_run)))
    body_indent = max(dict.fromkeys(indents), key=indents.count)  # (the first seen of the commonest)
    while True:
        found = -1
        apart = True  # every block of the interruption so far sits at another indent
        # ... or under a heading that names it ("Related Links", "Read More"), which tells the box
        # apart where the renderer does not set it in (many draw every block flush left).
        named = related is not None and hi + 1 < n and bool(related[hi + 1])
        # (Plain lists of the blocks within reach: the search reads them one element at a time.)
        stop = min(n, hi + 1 + _INDENT_RESUME_GAP)
        for j, words_j, score_j in zip(range(hi + 1, stop), words[hi + 1 : stop].tolist(), scores[hi + 1 : stop].tolist()):
            indent_j = blocks[j].indent
            if words_j >= _RESUME_WORDS and (ends is None or ends[j]) and (
                    (j <= hi + _RESUME_GAP and score_j >= resume)
                    or (named and hi + 2 < j <= hi + _RESUME_GAP and not blocks[j].bullet and score_j >= inside
                        and (words_j >= _NAMED_RESUME_WORDS or score_j >= resume or not _title_cased(blocks[j].text)))
                    or (apart and j > hi + 1 and indent_j == body_indent and score_j >= inside)
                    # Past a line that also parts the run's own paragraphs (a live story's share
                    # button between its entries), two paragraphs in a row, the second scoring
                    # ``resume``: the next entry, whose first paragraph its place near the page's
                    # end weighs down.
                    or (j < hi + _RESUME_GAP and score_j >= inside and j + 1 < n and words[j + 1] >= _RESUME_WORDS
                        and (ends is None or ends[j + 1]) and scores[j + 1] >= resume
                        and _parted_alike(blocks, scores, lo, hi, j, inside))):
                found = j
                break
            apart = apart and indent_j != body_indent
            # In a box under a related-links heading, a long line that ends no sentence is two
            # of its headlines a renderer drew as one block ("... jibe [INSIGHT]| Lakers vs Nets:
            # ... [VIDEO]"), not a paragraph: the box goes on.
            headlines = named and ends is not None and not ends[j]
            if (words_j > _INTERRUPTION_WORDS and not headlines) or (j >= hi + _RESUME_GAP and not apart):
                break
            # The page's copyright notice is its footer: what follows it (the site's terms, its
            # legal small print, prose-like as it reads) is never the story going on.
            if cues.has_copyright_notice(blocks[j].text):
                break
        if found < 0:
            break
        hi = found
        while hi + 1 < n and scores[hi + 1] >= inside:
            hi += 1
        # The interruption itself stays out: only the resumed run is judged leniently.
        runs.append((found, hi))
    # Before the run, likewise: the story's first paragraph, cut off from the rest by a caption
    # and a short list that weigh the run down (more where a terminal renderer draws the
    # image's alt text above its caption), starts it. Only a long one: before the story sit
    # standfirsts and teasers that score as well.
    while True:
        found = -1
        for j in range(lo - 1, max(-1, lo - 1 - _RESUME_GAP), -1):
            if words[j] >= _LEAD_RESUME_WORDS and (ends is None or ends[j]) and scores[j] >= resume:
                found = j
                break
            if words[j] > _INTERRUPTION_WORDS:
                break
        if found < 0:
            break
        lo = found
        while lo > 0 and scores[lo - 1] >= inside:
            lo -= 1
        runs.append((lo, found))
    for start, stop in runs:
        keep[start : stop + 1] |= scores[start : stop + 1] >= inside
    if related is not None:
        # A related-links box inside the run (the run bridges it, as a short interruption) is no
        # story even where its teasers, drawn two to a line, score some: under its heading, the
        # story goes on at a block scoring ``resume``, as it would past the run's end.
        for h in compress(range(lo, hi), related[lo:hi]):
            if keep[h]:
                continue
            for j in range(h + 1, min(hi + 1, h + 1 + _RESUME_GAP)):
                if scores[j] >= resume:
                    break
                if ends is not None and not ends[j]:
                    keep[j] = False
    return keep.tolist()


def _parted_alike(blocks: list[Block], scores: np.ndarray, lo: int, hi: int, j: int, inside: float) -> bool:
    """Whether a line between the run's end ``hi`` and block ``j`` also parts the run's own
    paragraphs (a block of the run ``lo``..``hi`` scoring under ``inside``)."""
    parting = {block.text for block in compress(blocks[lo : hi + 1], (scores[lo : hi + 1] < inside).tolist())}
    return any(blocks[k].text in parting for k in range(hi + 1, j))


#: How far past the body's end a resumed paragraph may sit (further when the interruption is
#: set in at its own indent), how long it must be, and how long the lines of the interruption
#: may be (headlines, not paragraphs). Before the body, a paragraph starts the story only
#: when it is long (_LEAD_RESUME_WORDS).
_RESUME_GAP = 10
_INDENT_RESUME_GAP = 30
_RESUME_WORDS = 10
_NAMED_RESUME_WORDS = 15
_LEAD_RESUME_WORDS = 30
_INTERRUPTION_WORDS = 18
#: Fallback for pages without any confident body block: below this best score the page has no
#: article; above it, scores are rescaled so that the best block scores _FALLBACK_TOP.
_FALLBACK_FLOOR = 0.1
_FALLBACK_TOP = 0.8


def classify(blocks: list[Block], template: frozenset[str] = frozenset()) -> list[str]:
    """Label each block ``"body"`` or with a boilerplate category (see ``record.BOILERPLATE_CATEGORIES``).

    ``template`` holds :func:`template_key` values of blocks known to recur across pages of the
    same site; such blocks are template, never body. It is optional: without it the model
    alone decides.
    """
    return classify_page(blocks, template)[0]


def classify_page(blocks: list[Block], template: frozenset[str] = frozenset()) -> tuple[list[str], PageText]:
    """:func:`classify`, and the :class:`PageText` its features were computed from (for the
    metadata pass, which would otherwise lower-case and scan the same texts again)."""
    if not blocks:
        return [], PageText.empty()
    first, second, knobs = _model()
    X, facts = page_features(blocks)
    columns = _Columns(X)
    keep = _choose_body(blocks, columns, stacked_scores(X, first, second), knobs, facts.spaces + 1.0, template)
    return _categories(blocks, keep, columns, template), facts


class _Columns:
    """What the steps after scoring read of a page's feature matrix ``X`` block by block, as plain
    Python values, converted once per page for all of them: reading a NumPy array one element
    at a time, or a column per call, costs more than those steps' own work."""

    __slots__ = ("X", "log_words", "flagged")

    def __init__(self, X: np.ndarray) -> None:
        self.X = X
        #: The "log_words" column.
        self.log_words: list[float] = X[:, _LOG_WORDS].tolist()
        #: Per column of _FLAG_SPAN (the cue columns and the keyword columns beside them, each set
        #: for few blocks), the rows where it is > 0, ascending: one NumPy pass for them all.
        self.flagged: dict[str, list[int]] = {name: [] for name in FEATURE_NAMES[_FLAG_SPAN]}
        rows = list(self.flagged.values())
        width = len(rows)
        for at in np.flatnonzero(X[:, _FLAG_SPAN] > 0).tolist():
            i, k = divmod(at, width)
            rows[k].append(i)


def _before_comments(blocks: list[Block], X: np.ndarray, scores: np.ndarray) -> np.ndarray:
    """``scores`` with everything under a comments heading made hopeless, when the article
    before that heading is already in evidence (a thread of long comments can outweigh a
    short article; a "12 comments" link above the article has no article before it)."""
    likely = (scores >= _COMMENTS_EVIDENCE).nonzero()[0].tolist()
    if len(likely) < _COMMENTS_EVIDENCE_BLOCKS:
        return scores
    # The evidence only grows down the page: it is there past the likely blocks' third, from
    # the one that brings their words to the threshold on (counted as np.cumsum would add them).
    log_words = X[:, _LOG_WORDS]
    words_so_far = 0.0
    for i, words in zip(likely, np.expm1(log_words[likely]).tolist()):
        words_so_far += words
        if words_so_far >= _COMMENTS_EVIDENCE_WORDS:
            break
    else:
        return scores
    start = max(likely[_COMMENTS_EVIDENCE_BLOCKS - 1] + 1, i)
    # Only a short block with the article's evidence above it can be that heading.
    candidates = (log_words[start:] <= _LOG1P_6).nonzero()[0]
    if not len(candidates):
        return scores
    h = next(_headings(blocks, (candidates + start).tolist(), _COMMENTS_HEADING_WORDS, _COMMENTS_HEADING_LINE), None)
    return scores if h is None else _hopeless_from(scores, h)


def _before_recommendations(blocks: list[Block], X: np.ndarray, scores: np.ndarray) -> np.ndarray:
    """``scores`` with everything under a heading over the site's recommendations ("You may also
    like", see ``cues.RECOMMENDATIONS_HEADING``) made hopeless, when likely-body blocks above it
    hold the words of an article. The recommendations may be whole texts with the story's own
    share buttons under each (a site of quotes or poems), which read as the story going on; and
    such a heading never opens a box inside a story, so a single paragraph is evidence enough.

    Where no block is likely body in absolute terms, decode judges the blocks against the
    page's best one (see _FALLBACK_TOP), and so is the evidence here: a page drawn one element a
    line (BeautifulSoup's get_text) sets its one paragraph among lines of a word each, which
    all but hides it from the model, and the texts under the heading score as low as it does."""
    log_words = X[:, _LOG_WORDS]
    short = (log_words <= _LOG1P_6).nonzero()[0].tolist()
    if not short:
        return scores
    top = float(scores.max())
    evidence = _COMMENTS_EVIDENCE if top >= _COMMENTS_EVIDENCE else _COMMENTS_EVIDENCE * top / _FALLBACK_TOP
    for h in _headings(blocks, short, cues.RECOMMENDATIONS_WORDS, cues.RECOMMENDATIONS_HEADING):
        likely = scores[:h] >= evidence
        if float(np.expm1(log_words[:h][likely]).sum()) >= _COMMENTS_EVIDENCE_WORDS - 0.5:
            return _hopeless_from(scores, h)
    return scores


def _headings(blocks: list[Block], candidates: list[int], words: Sequence[str],
              pattern: re.Pattern) -> Iterator[int]:
    """The ``candidates`` (short blocks) whose whole text ``pattern`` (a line pattern) matches, in
    order: one search over them, a line each, after a cheap test for ``words``, of which every
    heading holds one (most pages have none)."""
    lines = "\n".join([blocks[i].text for i in candidates])
    low = lines.lower()
    if any(word in low for word in words):
        for match in pattern.finditer(lines):
            yield candidates[lines.count("\n", 0, match.start())]


def _hopeless_from(scores: np.ndarray, h: int) -> np.ndarray:
    """A copy of ``scores`` in which block ``h`` and everything under it cannot be body."""
    scores = scores.copy()
    np.minimum(scores[h:], _FALLBACK_FLOOR / 2, out=scores[h:])
    return scores


#: The article is in evidence before a comments heading with this many blocks of this score
#: (or kept), and this many words in them.
_COMMENTS_EVIDENCE = 0.5
_COMMENTS_EVIDENCE_BLOCKS = 3
_COMMENTS_EVIDENCE_WORDS = 100


def choose_body(blocks: list[Block], X: np.ndarray, scores: np.ndarray, knobs: dict[str, float],
                words: np.ndarray | None = None, template: frozenset[str] = frozenset()) -> list[bool]:
    """Which blocks are body, from their features ``X`` and body ``scores``: :func:`decode`
    with the decoding ``knobs`` (nothing under a comments heading that follows the article
    counts, see :func:`_before_comments`, nor under the site's "You may also like", see
    :func:`_before_recommendations`; under the headline where the dump names it, see
    :func:`_after_the_headline`), then the site's template, :func:`drop_furniture`,
    :func:`_drop_leading_headlines`, :func:`take_introduced_lists`, :func:`take_event_listing`,
    :func:`drop_closing_calls` and :func:`drop_repeated_paragraphs`. (Training cross-validates through this too, so it scores
    what ships.)"""
    return _choose_body(blocks, _Columns(X), scores, knobs, words, template)


def _choose_body(blocks: list[Block], columns: _Columns, scores: np.ndarray, knobs: dict[str, float],
                 words: np.ndarray | None, template: frozenset[str]) -> list[bool]:
    """:func:`choose_body`, on the page's :class:`_Columns`."""
    X, log_words = columns.X, columns.log_words
    related = [False] * len(blocks)
    for i in columns.flagged["cue_related"]:
        related[i] = log_words[i] <= _LOG1P_6
    scores = _before_recommendations(blocks, X, _before_comments(blocks, X, scores))
    ends = (X[:, _ENDS_SENTENCE] > 0) | (X[:, _ENDS_COLON] > 0)
    keep = decode(blocks, scores, **knobs, words=words, ends=ends, related=related)
    keep = _after_the_headline(blocks, keep, scores, knobs, words, ends, related)
    if template:
        for i, block in enumerate(blocks):
            if keep[i] and len(block.text) <= _TEMPLATE_MAX_CHARS and template_key(block.text) in template:
                keep[i] = False
    _drop_furniture(blocks, keep, columns)
    _drop_leading_headlines(blocks, keep, columns)
    _take_lede(blocks, keep, columns, scores)
    _take_introduced_lists(blocks, keep, columns, scores)
    _take_event_listing(blocks, keep, columns)
    _take_enclosed_structure(blocks, keep, columns)
    _drop_closing_calls(blocks, keep, columns)
    drop_repeated_paragraphs(blocks, keep)
    _drop_card_teasers(blocks, keep)
    _drop_headline_boxes(blocks, keep, columns)
    _drop_cut_teasers(blocks, keep, columns)
    drop_pull_quotes(blocks, keep)
    return keep


def _after_the_headline(blocks: list[Block], keep: list[bool], scores: np.ndarray, knobs: dict[str, float],
                        words: np.ndarray | None, ends: np.ndarray, related: list[bool]) -> list[bool]:
    """``keep``, or the story under the page's headline where ``keep`` chose a run above it that
    is not the story. A dump that opens with the page's <title> (BeautifulSoup, html-text) says
    which line is the headline: the first to repeat the title (less the site's name). Where the
    body chosen lies wholly above it (a box of long teasers outweighed a short story), the run
    decoded from the blocks under the headline is the story if its lede shares more of the
    title's words than the chosen body's does."""
    h = _title_line(blocks)
    if h is None or not any(keep):
        return keep
    if any(keep[h + 1 :]):
        return _below_the_last_headline(blocks, keep, ends, h)
    under = decode(blocks[h + 1 :], scores[h + 1 :], **knobs, words=None if words is None else words[h + 1 :],
                   ends=ends[h + 1 :], related=related[h + 1 :])
    if not any(under):
        return keep
    title = _content_words(blocks[h].text)
    chosen = [b.text for b, k in zip(blocks, keep) if k][:_LEDE_BLOCKS]
    story = [b.text for b, k in zip(blocks[h + 1 :], under) if k][:_LEDE_BLOCKS]
    shared_story = len(title & _content_words(" ".join(story))) / len(title)
    shared_chosen = len(title & _content_words(" ".join(chosen))) / len(title)
    if shared_story >= _TITLE_IN_LEDE and shared_story > shared_chosen:
        return [False] * (h + 1) + under
    return keep


def _below_the_last_headline(blocks: list[Block], keep: list[bool], ends: np.ndarray, h: int) -> list[bool]:
    """``keep``, or only what it keeps under the last line inside the body run that repeats the
    page's title (the first such line is block ``h``), where what it keeps above that line is a
    list of teasers (three headlines at least: short lines that end no sentence): a site's list
    of its latest stories, the story's own among them, above the story's headline."""
    first = keep.index(True)
    last = len(keep) - 1 - keep[::-1].index(True)
    inside = [j for j in range(max(h, first + 1), last) if blocks[j].text == blocks[h].text]
    if not inside:
        return keep
    h = inside[-1]
    headlines = sum(1 for i in range(first, h) if keep[i] and not ends[i]
                    and blocks[i].text.count(" ") < _TEASER_HEADLINE_SPACES)
    if headlines < _TEASER_HEADLINES:
        return keep
    return [False] * (h + 1) + keep[h + 1 :]


#: A list of teasers above the story's headline: this many headlines at least, each shorter
#: than this many spaces.
_TEASER_HEADLINES = 3
_TEASER_HEADLINE_SPACES = 20


def title_parts(title: str) -> set[str]:
    """What a page's headline may read where the dump opens with the page's <title>: the
    title's longer part beside each separator ("Site | Headline" as well as "Headline - Site"),
    and the whole title where it is headline-long (a shorter one may be the site's logo)."""
    parts = {max(title.rsplit(separator, 1), key=len) for separator in TITLE_SEPARATORS if separator in title}
    if title.count(" ") + 1 >= _TITLE_LINE_WORDS:
        parts.add(title)
    return parts


def _title_line(blocks: list[Block]) -> int | None:
    """The first block that repeats the page's <title> the dump opens with (see title_parts;
    a part of four words at least), or None."""
    if len(blocks) < 3:
        return None
    parts = {part for part in title_parts(blocks[0].text) if part.count(" ") + 1 >= _TITLE_LINE_WORDS - 1}
    if not parts:
        return None
    return next((j for j in range(1, len(blocks)) if blocks[j].text in parts), None)


def _content_words(text: str) -> set[str]:
    return set(_LONG_WORD.findall(text.lower()))


#: What sets a site's name apart from the headline in a <title>.
TITLE_SEPARATORS = (" - ", " | ", " – ", " — ", " :: ", " · ", " : ")
_TITLE_LINE_WORDS = 5
_LONG_WORD = re.compile(r"\w{4,}")
#: The lede is the story's first blocks; it holds at least this share of the title's words.
_LEDE_BLOCKS = 3
_TITLE_IN_LEDE = 0.3


def _drop_leading_headlines(blocks: list[Block], keep: list[bool], columns: _Columns) -> None:
    """Take out (in place) a run of headlines the body opens with: a video playlist or a list of
    related stories drawn without list markers right above the story (BeautifulSoup's get_text
    draws a link a line) scores as well as the story's top. Several short lines that end no
    sentence, introduce nothing and are no date or dateline ("Hong Kong (CNN Business)"), before
    the story's first paragraph, are no story: a story opens with its lede."""
    first = keep.index(True) if True in keep else -1
    if first < 0:
        return
    X, log_words = columns.X, columns.log_words
    n = len(keep)
    end = first
    while end < n and keep[end] and log_words[end] <= _LOG1P_HEADLINE_WORDS and not X[end, _ENDS_SENTENCE] \
            and not X[end, _ENDS_COLON] and not X[end, _DATELINE] and not blocks[end].text.endswith(")"):
        end += 1
    if end - first >= _LEADING_HEADLINES and end < n and keep[end]:
        keep[first:end] = [False] * (end - first)


def _take_lede(blocks: list[Block], keep: list[bool], columns: _Columns, scores: np.ndarray) -> None:
    """Add (in place) the story's opening paragraphs where the body chosen starts below them,
    right under the page's date or byline line: a story opens under its stamp, so the sentences
    that follow it are its lede, however little the model makes of them (a short lede sentence
    on a long page; one that mentions "subscribers"). Only lines that end a sentence, long enough
    to be prose, not list items and not naming a photograph; the captions, credits and photo
    counts between them and the body stay out. Prose under a headline that sits under the stamp
    is the dek (the headline's summary), not the story."""
    first = keep.index(True) if True in keep else -1
    if first <= 0:
        return
    X, log_words = columns.X, columns.log_words

    def stamp(j: int) -> bool:
        return bool(X[j, _DATELINE] or X[j, _CUE_BYLINE])

    def lede(j: int) -> bool:
        return (log_words[j] >= _LOG1P_LEDE_WORDS and bool(X[j, _ENDS_SENTENCE]) and not blocks[j].bullet
                and not X[j, _PHOTO_CREDIT] and not X[j, _CUE_CAPTION] and not X[j, _CUE_FOOTER]
                and not X[j, _REPEATED] and scores[j] >= _LEDE_FLOOR)

    # Up from the body, past what parts the lede from it, to the lede's last line ...
    j = first - 1
    while j >= 0 and first - j <= _LEDE_REACH and not lede(j):
        if stamp(j) or log_words[j] > _LOG1P_LEDE_MAX_WORDS:
            return
        j -= 1
    if j < 0 or first - j > _LEDE_REACH:
        return
    last = j
    # ... and up its lines to the stamp right above them (or to the end of its byline that a
    # renderer wrapped onto a line of its own: "... 7:45 am PST by Joe" over "Rossignol").
    while j >= 0 and lede(j):
        j -= 1
    top = j
    if j > 0 and not stamp(j) and log_words[j] <= _LOG1P_BYLINE_TAIL_WORDS and not X[j, _ENDS_SENTENCE] \
            and X[j - 1, _DATELINE] and _STAMP_BYLINE_END.search(blocks[j - 1].text):
        j -= 1
    # A headline that asks a question ends a sentence too; a lede opens with a statement.
    if j >= 0 and stamp(j) and blocks[top + 1].text.rstrip("\"'”’)").endswith(".") \
            and not blocks[top + 1].text.endswith(_ELLIPSES):
        keep[top + 1 : last + 1] = [True] * (last - top)


#: How far above the body the stamp may sit, how long a lede line must be (and the longest
#: line between the stamp and the body: a longer one that the model left out is no lede), and
#: the least score it needs.
_LEDE_REACH = 8
_LOG1P_LEDE_WORDS = float(np.log1p(10))
_LOG1P_LEDE_MAX_WORDS = float(np.log1p(80))
_LEDE_FLOOR = 0.03
#: The tail of a byline a renderer wrapped under its stamp ("... 7:45 am PST by Joe" over
#: "Rossignol"): this many words at most, under a stamp that ends on "by" and a name.
_LOG1P_BYLINE_TAIL_WORDS = float(np.log1p(2))
_STAMP_BYLINE_END = re.compile(r"\sby\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)?$")
#: A line that trails off so is a teaser of the story, not its lede.
_ELLIPSES = ("...", "…")


#: A run of this many headlines at least (of at most _HEADLINE_WORDS words each).
_LEADING_HEADLINES = 4
_LOG1P_HEADLINE_WORDS = float(np.log1p(15))


#: A pull quote is a sentence or two in quotation marks, set beside the paragraph it repeats
#: (at most this many body blocks away), its words all there in order (the quote marks and the
#: attribution between them left out).
_PULL_QUOTE_WORDS = (6, 40)
_PULL_QUOTE_REACH = 4
_QUOTE_OPENERS = ('"', "“", "«", "„")
_WORD_RUN = re.compile(r"\w+")


def _said_in(words: list[str], other: list[str]) -> bool:
    """Whether ``words`` all stand in ``other``, in order (gaps allowed)."""
    remaining = iter(other)
    return all(word in remaining for word in words)


def drop_pull_quotes(blocks: list[Block], keep: list[bool]) -> None:
    """Take pull quotes out of the body (in place): a feature's layout repeats a line of a quote
    in large type beside the paragraph that holds it, and a text dump gives it a block of its
    own; every word of it is said, in the same order, in a longer paragraph nearby."""
    kept = list(compress(range(len(keep)), keep))
    # (A story's quotes come in runs, each paragraph near several: its words are read once.)
    words_of: dict[int, list[str]] = {}
    for n, i in enumerate(kept):
        text = blocks[i].text
        if text[:1] not in _QUOTE_OPENERS:
            continue
        words = _WORD_RUN.findall(text.lower())
        if not _PULL_QUOTE_WORDS[0] <= len(words) <= _PULL_QUOTE_WORDS[1]:
            continue
        # (A paragraph without the quote's longest word, as a substring, is no source of it:
        # that costs less to tell than splitting the paragraph into words.)
        longest = max(words, key=len)
        for j in kept[max(0, n - _PULL_QUOTE_REACH): n + _PULL_QUOTE_REACH + 1]:
            other = blocks[j].text
            if j == i or len(other) <= len(text) or longest not in other.lower():
                continue
            if j not in words_of:
                words_of[j] = _WORD_RUN.findall(other.lower())
            if _said_in(words, words_of[j]):
                keep[i] = False
                break


#: A paragraph this long, said twice word for word, is a second copy of the story on the page.
_REPEATED_PARAGRAPH_WORDS = 20


def _drop_card_teasers(blocks: list[Block], keep: list[bool]) -> None:
    """Take out (in place) the teaser of a card for another story set inside this one: the card
    draws that story's headline twice (its picture's link and its title's, maybe around a short
    section label: "Business"), left out of the body, and its sentence or two under it score as
    the story's paragraph. Only inside the story (a paragraph kept a few blocks above the card),
    and where the renderer sets the card in at another indent than that paragraph: the page's own
    headline drawn twice above the lede, a caption drawn twice, a video's title drawn three times
    are followed by the story's next paragraph, at its indent."""
    kept = list(compress(range(len(keep)), keep))
    # (Only a kept block under one left out can be a teaser: the first of each run of kept blocks.)
    for i in [i for i, before in zip(kept, [-1, *kept]) if i - before > 1 and i >= 3]:
        headline = blocks[i - 1].text
        if not _TWIN_HEADLINE_WORDS[0] <= headline.count(" ") + 1 <= _TWIN_HEADLINE_WORDS[1] \
                or headline.endswith(SENTENCE_ENDS):
            continue
        if blocks[i - 2].text == headline:
            top = i - 2
        elif blocks[i - 3].text == headline and blocks[i - 2].text.count(" ") < _CARD_LABEL_SPACES and not keep[i - 2]:
            top = i - 3
        else:
            continue
        above = next((j for j in range(top - 1, max(-1, top - 1 - _CARD_REACH), -1) if keep[j]), None)
        if above is not None and blocks[above].indent != blocks[i].indent \
                and blocks[i].text.count(" ") + 1 <= _CARD_TEASER_WORDS:
            keep[i] = False


#: A card's section label has fewer spaces than this; its teaser runs to this many words at most;
#: the story has a paragraph kept within this many blocks above the card.
_CARD_LABEL_SPACES = 3
_CARD_TEASER_WORDS = 60
_CARD_REACH = 4


def _drop_headline_boxes(blocks: list[Block], keep: list[bool], columns: _Columns) -> None:
    """Take out (in place) a box of other stories' headlines the body swept in under the story's
    last paragraph: _HEADLINE_BOX lines at least in a row, each of 4-15 words, in title case and
    ending no sentence, set in at another indent than the paragraph above them ("27 Oddest
    Medical Case Reports", "10 Strangest Medical Cases", ...), with no paragraph of the story
    under them (only a line or two: "Originally published on Live Science.", an editor's note).
    A story's own sub-heading is one line, a list it sets has its story go on under it, and a
    listing of dates ("June 9 – West Palm Beach, FL @ Sunrise Amphitheatre") that closes it is
    its own (a renderer that draws no indent shows no such box, and is left as it is)."""
    X, log_words = columns.X, columns.log_words
    kept = list(compress(range(len(keep)), keep))
    # The story's last paragraph: the box would be a run of headlines under it.
    last = next((k for k in range(len(kept) - 1, -1, -1) if log_words[kept[k]] > _LOG1P_25), None)
    if last is None:
        return
    run: list[int] = []
    for k in range(last + 1, len(kept)):
        i = kept[k]
        if _LOG1P_BOX_HEADLINE_WORDS <= log_words[i] <= _LOG1P_HEADLINE_WORDS \
                and not X[i, _ENDS_SENTENCE] and not X[i, _ENDS_COLON] and _title_cased(blocks[i].text) \
                and (run or blocks[i].indent != blocks[kept[k - 1]].indent) and not _EVENT_ROW.match(blocks[i].text):
            run.append(i)
        elif len(run) >= _HEADLINE_BOX:
            break
        else:
            run = []
    if len(run) >= _HEADLINE_BOX:
        for i in run:
            keep[i] = False


#: A box of headlines inside the body holds this many at least, of this many words at least (a
#: table's labels, "Linebacker", "Safety", are shorter).
_HEADLINE_BOX = 3
_LOG1P_BOX_HEADLINE_WORDS = float(np.log1p(4))


def _drop_cut_teasers(blocks: list[Block], keep: list[bool], columns: _Columns) -> None:
    """Take out (in place) a list of teasers the body run resumed into under a related-links
    heading: _CUT_TEASERS blocks at least under the heading hold an excerpt cut short mid-word
    and run into the next teaser's headline ("The AirPods Pro features Active Noise Cancellat...
    Big Amazon Echo Show 8 discount ..."), as a dump that runs elements together draws a site's
    list of latest stories. The story does not go on there: every block kept from the first such
    one on leaves the body. Only under a heading with _STORY_ABOVE kept blocks above it."""
    # (Under a heading with the story above it: a box of teasers above the story is no end of it.)
    kept = list(compress(range(len(keep)), keep))
    heading = next((h for h in columns.flagged["cue_related"] if bisect_left(kept, h) >= _STORY_ABOVE), None)
    if heading is None:
        return
    kept = kept[bisect_left(kept, heading) :]
    cut = [i for i in kept
           if ("..." in blocks[i].text or "…" in blocks[i].text) and _CUT_EXCERPT.search(blocks[i].text)]
    if len(cut) >= _CUT_TEASERS:
        for i in kept[kept.index(cut[0]) :]:
            keep[i] = False


#: An excerpt cut short mid-word, run into the next teaser's headline: "... Cancellat... Big Amazon".
_CUT_EXCERPT = re.compile(r"[a-z](?:\.\.\.|…) ?[A-Z“\"]")
_CUT_TEASERS = 3
_STORY_ABOVE = 3


def _straight_quotes(text: str) -> str:
    """``text`` with its curly quote marks made straight."""
    return text.replace("‘", "'").replace("’", "'").replace("“", '"').replace("”", '"')


def drop_repeated_paragraphs(blocks: list[Block], keep: list[bool]) -> None:
    """Keep only the first of body paragraphs repeated word for word (in place): a page may
    carry a hidden second copy of the article (for another layout, or a teaser of its opening),
    and the decoder sweeps it in. Short lines may repeat in a story (an interview asks the same
    question of each guest); a paragraph of twenty words does not.

    A renderer may also draw such a copy (a hidden full-text field, a teaser box) as one long
    block that runs the story's paragraphs together: most of its stretches of words were said
    above, in several of the body's blocks (one caption repeating another is no copy). The
    story does not resume past that copy, and the copy's own labels (dates, image sizes, a
    section name: short lines, no sentence) that stand right before it go with it. So does a
    copy that draws each paragraph as a few of the story's blocks run together (a list item's
    bold lead and its sentence, two lines apart above): see _joined_copy."""
    kept = list(compress(range(len(keep)), keep))  # (the kept indices, without a Python loop)
    texts = [blocks[i].text for i in kept]
    if (n := _joined_copy(texts)) is not None:
        _drop_copy(keep, kept, texts, n)
        return
    # Only a text said twice can be a twin headline or a repeated paragraph: most pages have none.
    # (Said twice up to its quote marks: a caption typed with straight ones repeats the lede.
    # str.replace, a C loop per mark, folds a page's texts in microseconds; str.translate looks
    # each character up in a table.)
    if len(set(texts)) == len(texts) and ("’" in (joined := "\0".join(texts)) or "“" in joined) \
            and len(set(folded := _straight_quotes(joined).split("\0"))) < len(texts):
        texts = folded
    if len(set(texts)) < len(texts):
        seen: set[str] = set()
        previous, previous_text = -2, ""
        for i, text in zip(kept, texts):
            # A headline drawn twice in a row (a teaser's picture and its link, both with the
            # headline for text): a link to another story, not the story's sub-heading. (A table's
            # header row repeats too, but it is a few words; a date line drawn twice is left to the
            # metadata pass, which reads the article's time from it.)
            if i == previous + 1 and text == previous_text and not text.endswith(SENTENCE_ENDS) \
                    and _TWIN_HEADLINE_WORDS[0] <= text.count(" ") + 1 <= _TWIN_HEADLINE_WORDS[1] \
                    and _DIGITS.search(text) is None:
                keep[i] = keep[previous] = False
            previous, previous_text = i, text
            if text.endswith(SENTENCE_ENDS) and text.count(" ") + 1 >= _REPEATED_PARAGRAPH_WORDS:
                if text in seen:
                    keep[i] = False
                seen.add(text)
    # (Fewer than four characters a word is no prose: the length screens blocks cheaply.)
    long = [n for n in range(_COPY_SOURCES, len(texts)) if len(texts[n]) >= 4 * _RUN_TOGETHER_WORDS
            and texts[n].count(" ") + 1 >= _RUN_TOGETHER_WORDS]
    if not long:
        return
    joined = " ".join(texts)
    ends = list(accumulate(len(text) + 1 for text in texts))
    for n in long:
        text, limit = texts[n], ends[n - 1]
        step = (len(text) - _WINDOW_CHARS) // _WINDOWS
        found: list[int] = []
        for w in range(_WINDOWS):
            # A stretch that starts at a word.
            start = text.find(" ", w * step) + 1
            at = joined.find(text[start:start + _WINDOW_CHARS], 0, limit) if start else -1
            if at >= 0:
                found.append(at)
            elif w + 1 - len(found) > _WINDOWS - _WINDOWS_SAID:
                break
        if len(found) < _WINDOWS_SAID or len({bisect_right(ends, at) for at in found}) < _COPY_SOURCES:
            continue
        _drop_copy(keep, kept, texts, n)
        return


def _drop_copy(keep: list[bool], kept: list[int], texts: list[str], n: int) -> None:
    """Drop (in ``keep``) the body from the ``n``-th kept block on, a copy of the story, and
    the copy's labels right before it (short lines, no sentence)."""
    for j in kept[n:]:
        keep[j] = False
    for m in range(n - 1, 0, -1):
        if texts[m].endswith(SENTENCE_ENDS) or texts[m].count(" ") + 1 > _COPY_LABEL_WORDS:
            break
        keep[kept[m]] = False


def _joined_copy(texts: list[str]) -> int | None:
    """Where (an index into ``texts``, the body's blocks) the story starts over as a copy that
    runs its blocks together a few at a time: _COPY_SOURCES paragraphs in a row, each of
    _REPEATED_PARAGRAPH_WORDS or more, each two or more of the blocks above joined by a space
    (a renderer that breaks a line at every element draws a list item's bold lead and its
    sentence apart in one copy, together in another). One such paragraph may be a quote
    repeated; three in a row are a copy."""
    starts: dict[str, list[int]] = {}
    run = 0
    for n, text in enumerate(texts):
        head = text[:_COPY_KEY_CHARS]
        if len(text) >= 4 * _REPEATED_PARAGRAPH_WORDS and text.count(" ") + 1 >= _REPEATED_PARAGRAPH_WORDS \
                and any(_joins_blocks_above(texts, m, text) for m in starts.get(head, ())):
            run += 1
            if run == _COPY_SOURCES:
                return n - run + 1
        else:
            run = 0
        if len(head) == _COPY_KEY_CHARS:
            starts.setdefault(head, []).append(n)
    return None


def _joins_blocks_above(texts: list[str], m: int, text: str) -> bool:
    """Whether ``text`` is ``texts[m]`` and one or more of the blocks after it, joined by spaces."""
    at, parts = 0, 0
    for part in texts[m:]:
        if not text.startswith(part, at):
            return False
        at += len(part)
        parts += 1
        if at == len(text):
            return parts > 1
        if text[at] != " ":
            return False
        at += 1
    return False


#: How many words a headline drawn twice in a row has.
_TWIN_HEADLINE_WORDS = (6, 18)
#: How many of a block's first characters find the blocks _joined_copy tries it against.
_COPY_KEY_CHARS = 24
#: A block this long (words) is a copy of the story run together when, of this many stretches of
#: this many characters sampled along it, this many were said above, in this many of the body's
#: blocks.
_RUN_TOGETHER_WORDS = 100
_WINDOWS = 8
_WINDOW_CHARS = 40
_WINDOWS_SAID = 6
_COPY_SOURCES = 3
#: A label standing before the copy has no sentence and at most this many words.
_COPY_LABEL_WORDS = 12


#: A call to action is a line or two (cues.CALL_WORDS); a sign-off (cues.SIGN_OFF) may name the
#: address, the desks and the social accounts too.
_SIGN_OFF_WORDS = 60
#: A sign-off ends the story with at most this many lines under it still in the run.
_PAST_SIGN_OFF = 4


# What the page stamps under a story: "First Published on Nov 20, 2019 01:38 pm", "Updated:
# 12:04 ET", "tags #Markets #Sensex", "Topics: ...". (A tweet's "Name (@name) November 19,
# 2019" is part of the story, and opens with the name.)
_CLOSING_STAMP = re.compile(
    r"^(?:(?:first |originally )?(?:published|posted)|(?:last )?updated|last modified)\b[^\n]*\d|"
    r"^(?:tags?|topics|tagged(?: with)?|keywords|filed under)\s*[:#]", re.IGNORECASE)
_STAMP_WORDS = 12


_BUTTON_MARK = "(BUTTON) "


def _closing_call(text: str, newsletter: bool) -> bool:
    """Whether ``text``, after the story's last paragraph, is the publisher's call to action,
    appeal, paywall notice, affiliate disclosure, stamp or tagged teaser (``newsletter``: its
    features name a newsletter or a subscription pitch). Emphasis marks a Markdown renderer left
    on it ("*Follow Newsbeat on* Instagram"), or the mark lynx prints before a button's label
    ("(BUTTON) Copy HTML"), do not hide it."""
    if text[:1] in "*_":
        text = text.lstrip("*_")
    elif text.startswith(_BUTTON_MARK):
        text = text[len(_BUTTON_MARK):]
    words = text.count(" ") + 1
    if words <= cues.CALL_WORDS and ((newsletter and cues.PITCH.search(text)) or cues.CALL_TO_ACTION.match(text)):
        return True
    # A subscription's sales pitch runs longer ("Get access to ... Pro for as little as Rs 599 for
    # first year. Use the code ... For more information, check out ...").
    if words <= cues.PITCH_WORDS and newsletter and cues.CALL_TO_ACTION.match(text):
        return True
    if words <= _SIGN_OFF_WORDS and (cues.APPEAL.search(text) or cues.PAYWALL.search(text)
                                     or cues.AFFILIATE_NOTE.search(text)):
        return True
    if words <= _STAMP_WORDS and _CLOSING_STAMP.match(text):
        return True
    # A teaser for the site's other stories, tagged with what its link plays ("... Review: My new
    # go-to wireless gaming headset [Video]").
    if words <= cues.CALL_WORDS and text[-1:] in ")]" and cues.MEDIA_TAG.search(text):
        return True
    return _signs_off(text)


def _copyright_line(text: str) -> bool:
    """Whether ``text`` is a copyright notice on a line of its own, in _SIGN_OFF_WORDS words at
    most, opening with its mark and year ("Copyright 2019 Hawaii News Now.", "© 2019 The
    Associated Press. All rights reserved. ...")."""
    return text[:1] in "Cc©(" and text.count(" ") < _SIGN_OFF_WORDS and cues.COPYRIGHT_YEAR.match(text) is not None


def _signs_off(text: str) -> bool:
    """Whether ``text`` signs the story off: a contact line, a wire's credit or the author's bio,
    in _SIGN_OFF_WORDS words at most."""
    return text.count(" ") < _SIGN_OFF_WORDS and (cues.signs_off_or_credits(text) or cues.AUTHOR_BIO.match(text) is not None)


def drop_closing_calls(blocks: list[Block], keep: list[bool], X: np.ndarray) -> None:
    """Take the publisher's calls to action that close the body out of it (in place): after the
    story's last paragraph, "Subscribe to ...", "Follow us on ...", "Get the latest updates in
    your inbox", "Have a tip? ..." are the page's, not the story's. (Inside the story, "Sign up
    for the bundle" may be advice; only the closing run goes.)"""
    _drop_closing_calls(blocks, keep, _Columns(X))


def _drop_closing_calls(blocks: list[Block], keep: list[bool], columns: _Columns) -> None:
    """:func:`drop_closing_calls`, on the page's :class:`_Columns`."""
    kept = list(compress(range(len(keep)), keep))  # (the kept indices, without a Python loop)
    # The blocks whose features name a newsletter or a subscription pitch.
    pitches = set(columns.flagged["cue_newsletter"]).union(columns.flagged["subscribe"])
    if _drop_newsletter_boxes(blocks, keep, pitches):
        kept = list(compress(range(len(keep)), keep))
    _drop_newsletter_foot(blocks, keep, pitches, kept)
    # The story ends at its sign-off ("Write to Al Root at allen.root@dowjones.com", "(Reporting
    # by ...)") or its author's bio, though the run may go on past it for a line or two the page
    # sets under the story (its standfirst drawn again, the publisher's own blurb): those go with
    # it, unless a note on the story ("Correction: ...").
    # A copyright notice is the page's footer, not the story's: it goes too.
    for back in range(1, min(_PAST_SIGN_OFF + 2, len(kept) - 2)):
        text = blocks[kept[-back]].text
        if _copyright_line(text):
            for i in kept[-back:]:
                keep[i] = False
            del kept[-back:]
            break
        if back > 1 and _signs_off(text):
            if not any(cues.is_story_note(blocks[i].text) for i in kept[1 - back :]):
                for i in kept[1 - back :]:
                    keep[i] = False
                del kept[1 - back :]
            break
    while len(kept) > 3:
        i = kept[-1]
        if not _closing_call(blocks[i].text, i in pitches):
            break
        keep[kept.pop()] = False
    # A press release's profile of its company, closing it (see cues.company_profile).
    texts = [blocks[i].text for i in kept[-_PROFILE_REACH:]]
    for k in range(len(texts) - 1, -1, -1):
        if len(kept) <= 3 or not cues.company_profile(texts, k):
            break
        keep[kept.pop()] = False


#: A company's profile is looked for among this many last paragraphs.
_PROFILE_REACH = 4
#: How many lines a sign-up box inside the story runs to, on either side of its sign-up line.
_BOX_REACH = 4
# A box's pitch speaks to the reader ("... delivered to your inbox", "Thank you for
# subscribing!"); a story's sentence about subscribers or an email does not, unless it quotes.
_READER_ADDRESS = re.compile(r"\b(?:you|your)\b|!", re.IGNORECASE)
_QUOTE_MARKS = (*_QUOTE_OPENERS, "”")


def _box_pitch(text: str) -> bool:
    return cues.PITCH.search(text) is not None and _READER_ADDRESS.search(text) is not None \
        and not any(mark in text for mark in _QUOTE_MARKS)


def _story_line(text: str) -> bool:
    return (text.endswith(SENTENCE_ENDS) or text.count(" ") + 1 > cues.CALL_WORDS) and not _box_pitch(text)


def _box_heading(text: str) -> bool:
    # (A date, a handle or a bracket marks a tweet's or a picture's credit line, not a heading.)
    return text.count(" ") + 1 <= _FOOT_HEADING_WORDS and not text.endswith(SENTENCE_ENDS) \
        and _DIGITS.search(text) is None and "@" not in text and "(" not in text


def _drop_newsletter_boxes(blocks: list[Block], keep: list[bool], pitches: set[int]) -> bool:
    """Take the rest of a sign-up box inside the story out of the body (in place), around each
    sign-up line already left out ("Enter your email", "Sign up for our newsletter"): the
    box's own heading above it ("Get the Morning Brief", "NEWSLETTER") and its pitch lines on
    either side ("Our top stories, delivered to your inbox", "Thank you for subscribing!"), as
    far as the box's short lines run. The story's paragraphs bound it; a sub-heading under the
    box is the story's. Whether anything was taken out."""
    changed = False
    n = len(blocks)
    for j in sorted(pitches):
        if keep[j] or blocks[j].text.count(" ") + 1 > cues.CALL_WORDS:
            continue
        # Down: the box's pitch lines and fine print, until the story resumes.
        for k in range(j + 1, min(n, j + 1 + _BOX_REACH)):
            text = blocks[k].text
            if text.count(" ") + 1 > cues.CALL_WORDS or (keep[k] and not _box_pitch(text)):
                break
            if keep[k]:
                keep[k] = False
                changed = True
        # Up: pitch lines, then the box's heading, the topmost line of the box.
        for k in range(j - 1, max(-1, j - 1 - _BOX_REACH), -1):
            text = blocks[k].text
            if text.count(" ") + 1 > cues.CALL_WORDS:
                break
            if not keep[k]:
                continue
            above_is_story = k > 0 and keep[k - 1] and _story_line(blocks[k - 1].text)
            if _box_pitch(text) or (_box_heading(text) and above_is_story):
                keep[k] = False
                changed = True
                if not above_is_story:
                    continue
            break
    return changed


#: A newsletter box at the foot: its heading has at most this many words, and at most this many
#: kept blocks, each a line or two (cues.CALL_WORDS), follow it; this many of the body's blocks come
#: first (the story, in evidence above the box).
_FOOT_HEADING_WORDS = 8
_FOOT_BLOCKS = 4
_FOOT_EVIDENCE = 3


def _drop_newsletter_foot(blocks: list[Block], keep: list[bool], pitches: set[int], kept: list[int]) -> None:
    """Take a newsletter box at the foot of the page out of the body (``kept``, the body's
    blocks, shrinks with ``keep``): under a short heading that asks the reader to sign up or
    subscribe ("SIGN UP FOR E-MAIL NEWSLETTERS"), after the story, a few short lines (the pitch,
    its fine print "No spam ... unsubscribe at any time", the publisher's line under it) and
    nothing longer are the box's and the footer's, however prose-like each reads. A story that
    resumes under a mid-page sign-up box has paragraphs there; this one has none. (``pitches``:
    the blocks whose features name a newsletter or a subscription pitch.)"""
    n = len(kept)
    last = min(_FOOT_BLOCKS, n - _FOOT_EVIDENCE - 1)
    if last < 1:
        return
    # Sign-up cues left out among the body's last few blocks: most pages have none.
    lo, hi = kept[n - last - 1] + 1, kept[-1]
    if hi - lo < last:  # (no block left out between the body's last few)
        return
    cued = sorted(j for j in pitches if lo <= j < hi)
    if not cued:
        return
    headings = [j for j in cued if not keep[j]
                and blocks[j].text.count(" ") + 1 <= _FOOT_HEADING_WORDS and not blocks[j].text.endswith(SENTENCE_ENDS)]
    # Up from the body's last block, while what is kept below stays a few short lines.
    for below in range(1, last + 1):
        i = kept[n - below]
        if blocks[i].text.count(" ") + 1 > cues.CALL_WORDS:
            return
        if headings and headings[-1] > kept[n - below - 1]:
            for k in kept[n - below:]:
                keep[k] = False
            del kept[n - below:]
            return


#: What only a publisher's note says of its own copy ("... auto-generated from a syndicated feed").
_PUBLISHER_NOTE = re.compile(r"syndicated feed|auto-generated|has not been edited by|views expressed (?:here|in this)|"
                             r"all rights reserved|(?:published|generated) from (?:a|an|the) (?:syndicated|agency|wire)",
                             re.IGNORECASE)


# (A count of none, "0 Comments", is the comments link of an article's byline bar, not a heading:
# no thread follows it.) The thread may be named by how it is sorted or whose it is: "Top Rated
# Comments", "Most Recent Comments", "Featured Comments", "Readers' Comments".
_COMMENTS_ORDER = (r"(?:(?:top|most|best|latest|newest|oldest|recent|featured|popular|highest|readers?['’]?|your)\s+"
                   r"(?:(?:rated|recent|popular|voted|liked)\s+)?)")
_COMMENTS_HEADING = re.compile(
    r"^\W*(?:0*[1-9]\d*\s+)?(?:" + _COMMENTS_ORDER + r"?comments?|reader comments|leave a (?:reply|comment)|join the (?:discussion|conversation)|"
    r"post a comment|add a comment|show comments|view comments|coment[aá]rios?|commentaires?|kommentare?|commenti|"
    r"комментари\w*)\b", re.IGNORECASE)


# "About Ascom", "About the author", "Sobre Carlos Nadalim", "Über Moritz Bachmann": a heading that
# names a person or a company (capitalised words only) after "about".
_ABOUT_WORDS = ("about", "sobre", "über", "à propos de", "a propos de", "acerca de", "informazioni su", "o autorze")
_ABOUT_HEADING = re.compile(
    rf"^(?i:{'|'.join(map(re.escape, _ABOUT_WORDS))})\s+"
    r"(?:(?i:the)\s+(?i:authors?|writers?|reporters?|company)|[A-ZÀ-ÖØ-Þ][\w'’.&-]*(?:\s+[A-ZÀ-ÖØ-Þ][\w'’.&-]*){0,3})"
    r"\s*:?$")
#: What an _ABOUT_HEADING can open with: a cheap test before the pattern.
_ABOUT_INITIALS = frozenset(c for word in _ABOUT_WORDS for c in (word[0], word[0].upper()))
# _COMMENTS_HEADING for the lines of one string: no match may run on into the next line.
_COMMENTS_HEADING_LINE = re.compile(
    _COMMENTS_HEADING.pattern.replace(r"^\W*", r"^[^\w\n]*").replace(r"\s+", r"[^\S\n]+"),
    re.IGNORECASE | re.MULTILINE)
# What every _COMMENTS_HEADING holds, lower-cased: a cheap test before the pattern. (No i, k or s
# in them: re.IGNORECASE matches those to letters lower-casing leaves apart, as "ı" to "i".)
_COMMENTS_HEADING_WORDS = ("omment", "oment", "leave a", "the d", "the c", "омментари")


def drop_furniture(blocks: list[Block], keep: list[bool], X: np.ndarray) -> None:
    """Take out of the body (in place) what names itself furniture, however prose-like it reads:
    a promo, newsletter box or share bar (``cues.anywhere_category``), a publisher's note on its copy, everything under a comments heading or an "About <name>"
    box that follows the article, the headlines listed under a related-links heading inside
    it, and a phrase shown at every picture (an alt text a terminal renderer prints).

    The classifier weighs these cues with everything else; stated outright, they settle it.
    """
    _drop_furniture(blocks, keep, _Columns(X))


def _drop_furniture(blocks: list[Block], keep: list[bool], columns: _Columns) -> None:
    """:func:`drop_furniture`, on the page's :class:`_Columns`."""
    n = len(blocks)
    kept = list(compress(range(n), keep))  # (the kept indices, without a Python loop)
    if not kept:
        return  # (every step below only takes kept blocks out)
    X, log_words, flagged = columns.X, columns.log_words, columns.flagged
    ends_sentence = X[:, _ENDS_SENTENCE].tolist()
    comment_cue = [i for i in flagged["cue_comment"] if log_words[i] <= _LOG1P_6]
    related_heading = {i for i in flagged["cue_related"] if log_words[i] <= _LOG1P_6}
    disclaimer = set(flagged["disclaimer"])
    # The cue column knows a heading by its first words; one that names the site in the middle
    # ("More Great WIRED Stories") takes the whole pattern. Only short blocks left out between
    # the body's first and last are worth the search (a heading matters for what it heads).
    first, last = kept[0], kept[-1]
    for i in compress(range(first, last), map(not_, keep[first:last])):
        if log_words[i] <= _LOG1P_6 and i not in related_heading and cues.RELATED_HEADING.match(blocks[i].text):
            related_heading.add(i)
    # The same long title-like phrase (no sentence, no list) three times over is an image's alt
    # text or a teaser in every box. (A series of interviews asks the same questions, a guide
    # repeats its tips, a meal plan its dishes: sentences, short lines, list items, or rows of
    # comma-separated data.) Most repeated lines are short (navigation), and few long ones come
    # three times: the length and the count go first.
    long_repeated = ((X[:, _COLUMN["repeated"]] > 0) & (X[:, _LOG_WORDS] >= _PHRASE_LOG_WORDS)).nonzero()[0].tolist()
    if len(long_repeated) >= _FURNITURE_REPEATS \
            and max(Counter(blocks[i].text for i in long_repeated).values()) >= _FURNITURE_REPEATS:
        rows = X[long_repeated]
        phrase = (rows[:, _ENDS_SENTENCE] == 0) & (rows[:, _COLUMN["bullet"]] == 0) \
            & (rows[:, _COLUMN["comma_rate"]] * np.expm1(rows[:, _LOG_WORDS]) <= 10.5)
        repeated = list(compress(long_repeated, phrase.tolist()))
        counts = Counter(blocks[i].text for i in repeated)
        for i in repeated:
            if keep[i] and counts[blocks[i].text] >= _FURNITURE_REPEATS:
                keep[i] = False
        kept = list(compress(range(n), keep))
    # A block changes or counts here only if it is kept, under a related heading or such a
    # heading itself (most blocks are none of these): the loop visits those, and looks at the
    # others in between only for the end of a related box. Under a comments heading, or an
    # "About Jane Doe" / "Über Moritz Bachmann" box (the author's bio, the company's
    # boilerplate), nothing more is the story, once the article is in evidence above it (a share
    # bar's "12 Comments" may sit under the lede): found where the evidence is first there.
    comments_or_about = n
    started = in_related = evidence = False
    kept_blocks = kept_words = 0
    previous = -1
    visits = kept
    if comment_cue or related_heading:
        visits = sorted(set(kept).union(comment_cue, related_heading))
    for i in visits:
        if i >= comments_or_about:
            break
        # The box ends at its first line that is no headline (long, or a sentence).
        if in_related and i > previous + 1 and not all(
                log_words[j] <= _HEADLINE_LOG_WORDS and ends_sentence[j] == 0 for j in range(previous + 1, i)):
            in_related = False
        previous = i
        kept, text = keep[i], blocks[i].text
        # An "Also Read" box inside the article: the run of likely-body blocks may span it, and
        # its headlines read like sub-headings, but under that heading they are links.
        if i in related_heading and not kept:
            in_related = started
        elif kept and started and log_words[i] <= _LOG1P_6 and cues.RELATED_HEADING.match(text):
            # ... as when the heading itself ("More Great Stories", "More:") was swept in.
            in_related = True
        elif in_related and not (log_words[i] <= _HEADLINE_LOG_WORDS and (ends_sentence[i] == 0 or _asks_or_exclaims(text)
                                                                       or _headline_follows(blocks, keep, X, i))):
            in_related = False
        # A promo, a newsletter box or share buttons inside the story ("CLICK HERE TO GET THE
        # APP", "SEE MORE: <headline>", "Subscribe to ..."): what HTML mode takes out of a body,
        # wherever it sits. Each is a line or two; a related box run into one line with its
        # heading ("More headlinesRabbis vow to ...", cues.glued_related_box) may be longer.
        if kept and (in_related or (i in disclaimer and _PUBLISHER_NOTE.search(text))
                     or (_names_itself_furniture(text) or _page_notice(text) if log_words[i] <= _LOG1P_40
                         else cues.glued_related_box(text))):
            keep[i] = False
        elif kept:
            started = True
            if not evidence:
                kept_blocks += 1
                kept_words += text.count(" ") + 1
                evidence = kept_blocks >= _COMMENTS_EVIDENCE_BLOCKS and kept_words >= _COMMENTS_EVIDENCE_WORDS
                if evidence:
                    comments_or_about = _comments_or_about(blocks, keep, log_words, ends_sentence, i + 1, comment_cue)
    if comments_or_about < n:
        keep[comments_or_about:] = [False] * (n - comments_or_about)


def _headline_follows(blocks: list[Block], keep: list[bool], X: np.ndarray, i: int) -> bool:
    """Whether the kept block after ``i`` is another of a related box's headlines: short, and
    ending no sentence or capitalising most words ("'Black Lives Matter' Sends Brutal Message To
    Hillary..."). A headline may end on a full stop ("Sanders and Clinton see black votes as key
    in S.C."); the story going on after the box is followed by more of it (a question is prose
    as often as a headline)."""
    j = i + 1
    if j >= len(blocks) or not keep[j] or X[j, _LOG_WORDS] > _HEADLINE_LOG_WORDS:
        return False
    return X[j, _ENDS_SENTENCE] == 0 or X[j, _UPPER_RATIO] >= _TITLE_CASE_SHARE


def _title_cased(text: str) -> bool:
    """Whether ``text`` capitalises _TITLE_CASE_SHARE of its words at least (a headline's style)."""
    words = text.split()
    return sum(word[:1].isupper() for word in words) >= _TITLE_CASE_SHARE * len(words)


def _asks_or_exclaims(text: str) -> bool:
    """Whether ``text`` ends on a question or an exclamation ("Is violence in sports on the rise?",
    "Video shows rescue: "We got her!""): a headline may, where a full stop says sentence."""
    return text.rstrip("\"'”’»)")[-1:] in "?!"


def _comments_or_about(blocks: list[Block], keep: list[bool], log_words: list[float], ends_sentence: list[float],
                       start: int, comment_cue: list[int]) -> int:
    """The first block from ``start`` on that heads a comments thread or an "About <name>" box
    (``comment_cue``: the short blocks the cue column names comments), or ``len(blocks)``. Only
    an unambiguous heading counts ("Replies" or "Responses" may head a section of the
    article); a comments heading is left out of the body already (one kept is the story's)."""
    stop = len(blocks)
    for i in comment_cue:
        if i >= start and not keep[i] and _COMMENTS_HEADING.match(blocks[i].text):
            stop = i
            break
    # An "About ..." heading is short, has no sentence, and opens with a letter such a heading
    # can open with (the cheap tests before the pattern).
    for i in range(start, stop):
        if log_words[i] <= _LOG1P_5 and ends_sentence[i] == 0:
            text = blocks[i].text
            if text[:1] in _ABOUT_INITIALS and _ABOUT_HEADING.match(text):
                return i
    return stop


# Every pattern cues.anywhere_category tries is anchored at the block's start (past blanks) and
# opens with one of these words, in any case, but NEWSLETTER, which it tries only where the
# lower-cased text holds "newsletter" or "enter your email". Filed by their first letter.
_FURNITURE_OPENERS = """also read must watch related see more recommended click don listen download up you
    top trending most latest editor what further in popular next subscribe sign get share tweet pin email print
    copy connect follow whatsapp facebook twitter linkedin telegram reddit x instagram youtube pinterest page""".split() \
    + sorted(cues.OPENERS_ABROAD)
_FURNITURE_OPENERS_BY_LETTER = {
    letter: tuple(word for word in _FURNITURE_OPENERS if word[0] == letter) for letter in {w[0] for w in _FURNITURE_OPENERS}}


# The letters re.IGNORECASE matches to ASCII ones that lower-casing leaves apart ("ı" to "i").
_FOLDS_TO_ASCII = frozenset("İıſ\u212a")


def _names_itself_furniture(text: str) -> bool:
    """``cues.anywhere_category(text) is not None``, for most blocks without running its patterns:
    a paragraph seldom opens with any of _FURNITURE_OPENERS, or mentions a newsletter.
    (Lower-casing stands for the patterns' IGNORECASE except where the opening holds one of
    _FOLDS_TO_ASCII; there, and past blanks, the patterns decide.)"""
    head = text[:12]
    if not head[:1].isspace() and (head.isascii() or _FOLDS_TO_ASCII.isdisjoint(head)):
        head = head.lower()
        openers = _FURNITURE_OPENERS_BY_LETTER.get(head[:1])
        if openers is None or not head.startswith(openers):
            low = text.lower()
            if "newsletter" not in low and "enter your email" not in low:
                return False
    return cues.anywhere_category(text) is not None


# A teaser cut short by the page: the ellipsis right after a comma or a semicolon ("Two people
# in China have been diagnosed with the plague,..."), where no sentence trails off.
_CUT_TEASER = re.compile(r"[,;]\s?(?:\.\.\.|…)$")
# What a page shows a reader without scripts, never a story's sentence: "Please enable JavaScript
# to view the comments", "JavaScript is disabled in your browser".
_SCRIPT_NOTICE = re.compile(r"^\W*(?:please )?(?:enable|turn on|activate) javascript\b|"
                            r"^\W*(?:javascript is (?:disabled|required|not enabled)|"
                            r"(?:you need to|you must) enable javascript)\b", re.IGNORECASE)


def _page_notice(text: str) -> bool:
    """Whether ``text`` is the page's, not the story's: a teaser the page cut short
    (_CUT_TEASER) or a notice to readers without scripts (_SCRIPT_NOTICE). The marks and the
    word screen most blocks out before the patterns."""
    if text.endswith(("...", "…")) and _CUT_TEASER.search(text[-5:]):
        return True
    return "cript" in text and _SCRIPT_NOTICE.match(text) is not None


#: How often a long phrase must recur on a page to be furniture, however prose-like.
_FURNITURE_REPEATS = 3
_REPEATED_PHRASE_WORDS = 8
#: Below this score a block after an introducing colon is furniture all the same.
_LIST_FLOOR = 0.05
#: A kept block this long after an introducing colon is a paragraph, not an item of its list.
_LIST_ITEM_WORDS = 25
#: A web address alone ("http://amzn.to/2iJFhRj", "<https://example.com/deal>").
_BARE_LINK = re.compile(r"<?(?:https?://|www\.)[^\s<>]+>?")


def take_introduced_lists(blocks: list[Block], keep: list[bool], X: np.ndarray, scores: np.ndarray) -> None:
    """Add to the body (in place) what a body paragraph ending in a colon introduces: the blocks
    right after it at one indent ("Here are the deals:" and a list of products, "Features:" and
    its items), which one by one look like navigation.

    The list ends at the first block at another indent, one the body has already, one the
    model finds hopeless (``_LIST_FLOOR``), or one that names itself furniture (a "Related"
    or comments heading, share buttons, a cookie or copyright notice).
    """
    _take_introduced_lists(blocks, keep, _Columns(X), scores)


def _take_introduced_lists(blocks: list[Block], keep: list[bool], columns: _Columns, scores: np.ndarray) -> None:
    """:func:`take_introduced_lists`, on the page's :class:`_Columns`."""
    # The introducing paragraphs, found all at once ("Related coverage:" introduces no part of the
    # story). The loop below only sets keep[] between an introduction and the end of its list,
    # and resumes past that end, so no block it visits later has changed since this was computed.
    # (Few blocks end in a colon, fewer of them kept: most pages stop here.)
    colon = [i for i in (columns.X[:, _ENDS_COLON] > 0).nonzero()[0].tolist() if keep[i]]
    if not colon:
        return
    named = set().union(*(columns.flagged[name] for name in _NAMED_FURNITURE))
    n = len(blocks)
    introductions = [i for i in colon if i not in named]
    resume = 0
    for i in introductions:
        if i < resume or i >= n - 1:
            continue
        indent = blocks[i + 1].indent
        j = i + 1
        # The decoder may have kept the list's first items already (they sit next to the
        # paragraph): the list goes on through them, but a kept paragraph is the body resuming.
        # An item's own link on a line of its own (a shop's short link under each product)
        # scores as hopeless as any bare address, but the list goes on through it.
        while j < n and blocks[j].indent == indent and j not in named and (
                (keep[j] and blocks[j].text.count(" ") < _LIST_ITEM_WORDS)
                or (not keep[j] and scores[j] >= _LIST_FLOOR)
                or (j > i + 1 and _BARE_LINK.fullmatch(blocks[j].text) is not None)):
            keep[j] = True
            j += 1
        resume = max(j, i + 1)


#: A row of a listing of dated events ("June 9 – Tampa, FL @ Amphitheatre", "Sat 14 March: Leeds,
#: O2 Academy", "Oct. 3 -- Ak-Chin Pavilion, Phoenix"): a day and its month (a weekday before them
#: at most), no year (an archive's "November 2019", a stamp's "Nov 19, 2019", a dated teaser), then
#: a separator and words, not a time ("June 9 at 8:15 pm" is a comment's stamp).
_EVENT_ROW = re.compile(
    r"(?<![\w.])(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
    rf"(?:(?:{MONTH_NAME.pattern})\s+\d{{1,2}}(?:st|nd|rd|th)?|\d{{1,2}}(?:st|nd|rd|th)?\.?\s+(?:de\s+)?(?:{MONTH_NAME.pattern}))"
    r"(?!\d|,?\s*\d{4}\b)\s*[-–—:@|,]*\s*(?!at\s+\d)(?=[^\W\d_])", re.IGNORECASE)
#: So many rows at least make a listing.
_EVENT_ROWS_MIN = 3
#: The heading a story may set over such a listing ("Tour Dates") has at most this many words.
_EVENT_HEADING_WORDS = 8


def _event_rows(text: str) -> int:
    """How many rows of a listing of dated events ``text`` is (a renderer may run several rows
    into one line), 0 for any other text: it opens with one, and each has a few words."""
    if _EVENT_ROW.match(text) is None:
        return 0
    rows = len(_EVENT_ROW.findall(text))
    return rows if text.count(" ") < _LIST_ITEM_WORDS * rows else 0


def take_event_listing(blocks: list[Block], keep: list[bool], X: np.ndarray) -> None:
    """Add to the body (in place) the listing of dated events a story ends with: a tour's or a
    season's dates, one row each ("June 9 – Tampa, FL @ Amphitheatre"), right after the last
    paragraph (under one short heading of its own, "Tour Dates", at most), at one indent. Each
    row is short and names places, which reads like navigation; a listing after a colon is
    :func:`_take_introduced_lists`' already, and this takes the rows it left under its floor.
    Rows the body has already are a second copy of the story's, which the page repeats."""
    _take_event_listing(blocks, keep, _Columns(X))


def _take_event_listing(blocks: list[Block], keep: list[bool], columns: _Columns) -> None:
    """:func:`take_event_listing`, on the page's :class:`_Columns`."""
    if True not in keep:
        return
    n = len(blocks)
    last = n - 1 - keep[::-1].index(True)
    kept_rows = 0
    first_kept_row = last + 1
    while first_kept_row > 0 and keep[first_kept_row - 1] and (rows := _event_rows(blocks[first_kept_row - 1].text)):
        first_kept_row -= 1
        kept_rows += rows
    start = last + 1
    if not kept_rows and start + 1 < n and not _event_rows(blocks[start].text) and _event_rows(blocks[start + 1].text):
        heading = blocks[start].text
        if heading.count(" ") >= _EVENT_HEADING_WORDS or columns.X[start, _ENDS_SENTENCE] \
                or cues.RELATED_HEADING.match(heading) or _names_itself_furniture(heading):
            return
        start += 1
    if start >= n or not _event_rows(blocks[start].text):
        return
    named = set().union(*(columns.flagged[name] for name in _NAMED_FURNITURE))
    indent = blocks[start].indent
    end, rows = start, kept_rows
    while end < n and blocks[end].indent == indent and end not in named and (more := _event_rows(blocks[end].text)):
        rows += more
        end += 1
    if rows >= _EVENT_ROWS_MIN and blocks[start].text not in {blocks[i].text for i in range(first_kept_row) if keep[i]}:
        keep[last + 1 : end] = [True] * (end - last - 1)


# Feature columns that name a category outright, in order of precedence.
_CUE_LABELS = (
    ("cue_promo", "promo"),
    ("cue_share", "share"),
    ("cue_legal", "disclaimer"),
    ("disclaimer", "disclaimer"),
    ("cue_newsletter", "newsletter"),
    ("cue_tags", "tags"),
    ("cue_caption", "caption"),
    ("cue_advert", "advert"),
    ("cue_byline", "byline"),
)
_COLUMN = {name: k for k, name in enumerate(FEATURE_NAMES)}
_UPPER_RATIO = _COLUMN["upper_ratio"]
#: A line capitalising this share of its words at least is set in title case (a headline).
_TITLE_CASE_SHARE = 0.6
_LOG_WORDS, _ENDS_SENTENCE, _ENDS_COLON = _COLUMN["log_words"], _COLUMN["ends_sentence"], _COLUMN["ends_colon"]
_DATELINE = _COLUMN["dateline"]
_CUE_BYLINE, _CUE_CAPTION, _PHOTO_CREDIT = _COLUMN["cue_byline"], _COLUMN["cue_caption"], _COLUMN["photo_credit"]
_REPEATED, _CUE_FOOTER = _COLUMN["repeated"], _COLUMN["cue_footer"]
# The "log_words" column of a block of 5, 6, ... words, computed once: the word counts the steps
# above compare that column with (np.log1p of a scalar costs a microsecond each time).
_LOG1P_5, _LOG1P_6, _LOG1P_8, _LOG1P_25, _LOG1P_40 = (float(np.log1p(k)) for k in (5, 6, 8, 25, 40))
_HEADLINE_LOG_WORDS, _PHRASE_LOG_WORDS = float(np.log1p(_INTERRUPTION_WORDS)), float(np.log1p(_REPEATED_PHRASE_WORDS))
_NAMED_FURNITURE = ("cue_promo", "cue_share", "cue_tags", "cue_advert", "cue_newsletter", "cue_comment", "cue_related",
                    "cue_legal", "disclaimer", "cookie")
# The columns _Columns.flagged lists rows of: the cues, and the keyword columns beside them.
_FLAG_NAMES = ("cookie", "subscribe", "dateline", "reading_time", "disclaimer",
               *(name for name in FEATURE_NAMES if name.startswith("cue_")))
_FLAG_SPAN = slice(min(_COLUMN[name] for name in _FLAG_NAMES), max(_COLUMN[name] for name in _FLAG_NAMES) + 1)


#: How many blocks a stretch of the story's own list items, table rows, code lines and
#: sub-headings may run to between two of its paragraphs, and how many words each has at most.
_ENCLOSED_BLOCKS = 20
_ENCLOSED_WORDS = _LIST_ITEM_WORDS
#: The paragraph that closes such a stretch has this many words at least.
_ENCLOSED_CLOSING_WORDS = 8
# Columns that name a block as no part of the story's structure (captions, bylines, dates, credits).
_NOT_STRUCTURE = (*_NAMED_FURNITURE, "cue_caption", "cue_byline", "dateline", "reading_time")


def take_enclosed_structure(blocks: list[Block], keep: list[bool], X: np.ndarray) -> None:
    """Add to the body (in place) a stretch of short blocks left out between two of its
    paragraphs that a colon introduces (the paragraph before it, or a line of its own: "Here is
    how the budget is divided:", "What we liked:"): the story's table rows, list items, code lines
    and the sub-headings among them, which one by one read like navigation, and which a terminal
    renderer sets flush left or apart from the paragraphs, so that the decoder's run does not
    span them. The story resumes right after the stretch with a paragraph that ends a sentence;
    a block in between that is long (a teaser or a caption read as prose), names itself
    furniture, or heads related links keeps the whole stretch out."""
    _take_enclosed_structure(blocks, keep, _Columns(X))


def _take_enclosed_structure(blocks: list[Block], keep: list[bool], columns: _Columns) -> None:
    """:func:`take_enclosed_structure`, on the page's :class:`_Columns`."""
    X = columns.X
    # (Few blocks end in a colon: most pages stop here.)
    colons = (X[:, _ENDS_COLON] > 0).nonzero()[0].tolist()
    if not colons:
        return
    kept = list(compress(range(len(keep)), keep))
    named: set[int] | None = None
    for before, after in zip(kept, kept[1:]):
        if after - before < 2 or after - before - 1 > _ENCLOSED_BLOCKS:
            continue
        # A colon in the kept block before the stretch, in the stretch but its last block, or
        # in the kept block after it (the story introducing what follows under a sub-heading).
        first_colon = colons[bisect_left(colons, before)] if colons[-1] >= before else after + 1
        if first_colon > after or (first_colon == after - 1 and not X[after, _ENDS_COLON]):
            continue
        if not X[after, _ENDS_COLON] and (
                not X[after, _ENDS_SENTENCE] or blocks[after].text.count(" ") + 1 < _ENCLOSED_CLOSING_WORDS):
            continue
        if named is None:
            named = set().union(*(columns.flagged[name] for name in _NOT_STRUCTURE))
            named.update((X[:, _COLUMN["photo_credit"]] > 0).nonzero()[0].tolist())
        stretch = [blocks[j].text for j in range(before + 1, after)]
        if any(j in named for j in range(before + 1, after)) \
                or any(text.count(" ") + 1 > _ENCLOSED_WORDS or cues.RELATED_HEADING.match(text)
                       or _names_itself_furniture(text) or _page_notice(text) or cues.has_copyright_notice(text)
                       for text in stretch):
            continue
        keep[before + 1 : after] = [True] * len(stretch)


def categories(blocks: list[Block], keep: list[bool], X: np.ndarray, template: frozenset[str]) -> list[str]:
    """Name what each non-body block is ("body" for the kept ones), from the cue columns of
    the feature matrix, so no pattern runs twice."""
    return _categories(blocks, keep, _Columns(X), template)


def _categories(blocks: list[Block], keep: list[bool], columns: _Columns, template: frozenset[str]) -> list[str]:
    """:func:`categories`, on the page's :class:`_Columns`."""
    n = len(blocks)
    first_body = keep.index(True) if True in keep else n
    flagged, log_words = columns.flagged, columns.log_words
    tiny = (columns.X[:, _COLUMN["tiny"]] > 0).tolist()
    # By its place and its size alone, a block left out is navigation before the body (a list
    # item or a tiny line) and the footer after it (a tiny line). What it says of itself, and
    # the heading it sits under, override that below.
    labels = ["navigation" if block.bullet or small else "other" for block, small in zip(blocks[:first_body], tiny)]
    labels += ["body" if kept else "footer" if small else "other" for kept, small in zip(keep[first_body:], tiny[first_body:])]
    # What the block's cues name it (the first listed wins); else a related-links or a comments
    # heading (a short line), a date or a stamp, or a line of the site's template.
    named: dict[int, str] = {}
    for column, name in _CUE_LABELS:
        for i in flagged[column]:
            named.setdefault(i, name)
    headings: dict[str, list[int]] = {"related": [], "comment": []}
    for name, found in headings.items():
        for i in flagged[f"cue_{name}"]:
            if i not in named and log_words[i] <= _LOG1P_8:
                named[i] = name
                found.append(i)
    for column in ("cue_footer", "dateline", "reading_time"):
        for i in flagged[column]:
            named.setdefault(i, "dateline" if i < first_body else "footer")
    if template:
        for i, block in enumerate(blocks):
            if not keep[i] and i not in named and len(block.text) <= _TEMPLATE_MAX_CHARS \
                    and template_key(block.text) in template:
                named[i] = "navigation"
    for i, name in named.items():
        if not keep[i]:
            labels[i] = name
    # A sign-up box inside the story: its heading and pitch lines, left out with its sign-up
    # line, are the box's too.
    last_body = n - 1 - keep[::-1].index(True) if first_body < n else -1
    for i in flagged["cue_newsletter"]:
        if labels[i] == "newsletter" and first_body < i < last_body:
            for step in (-1, 1):
                j = i + step
                while 0 <= j < n and not keep[j] and labels[j] in ("other", "newsletter"):
                    labels[j] = "newsletter"
                    j += step
    # Past the first comments heading after the body's start, every other block left out is the
    # thread's. Before it, under a related-links heading, every short line up to the next body
    # block is one of its links.
    thread = next((i for i in headings["comment"] if i > first_body and not keep[i]), n)
    for i in range(thread + 1, n):
        if not keep[i] and i not in named:
            labels[i] = "comment"
    walked = 0
    for heading in headings["related"]:
        if heading >= thread:
            break
        if keep[heading]:
            continue
        i = max(heading + 1, walked)
        while i < thread and not keep[i]:
            if i not in named and log_words[i] <= _LOG1P_25:
                labels[i] = "related"
            i += 1
        walked = i
    return labels
