"""Attribution extraction: who (source) said, thought or wanted (cue) what (content).

Trained on PolNeAR (political news attribution relations), which marks speech *and* internal states
("believes", "wants", "called for", "according to", ":"), direct and indirect quotes, and
attributions without a source. Two linear-chain CRFs (python-crfsuite) run over the spaCy parse:

1. the cue tagger labels each sentence's tokens as inside an attribution cue or not;
2. for every cue found, the role tagger labels the tokens of a window of sentences around it
   (within the paragraph) as this cue's source, its content, or neither, using the token's
   dependency relation and position relative to the cue and the quotation-mark state.

A sentence opening "In a ... poll, CLAUSE" is the poll's attribution (cue "In"), read from the parse, and
one closing as a wire lead does ("CLAUSE, Bloomberg News reported on Tuesday, citing ...") gets its
report from word order where the tagger missed it. A dateline opening a paragraph is never a source.
Speaker labels, speaker headlines and dash credits, which layout rather than words mark, come from
:mod:`wiretrace.analyze.attribution_layout`. Decoding is Viterbi, plus any verb whose marginal probability of starting a cue exceeds 0.5 (0.25 for a
saying verb with a clausal complement); a cue whose content comes out empty is retried without the
other cues marked, and then absorbs the cues inside its content. A relation whose cue lies inside
another relation's content is dropped (PolNeAR's relations do not nest). Spans are then fitted to
PolNeAR's conventions: a content cut short runs on to the end of the cue's complement, a content
begun or ended inside a quotation takes the whole quotation, and a source takes the comma that
closes an appositive.

A token has at most one role in one attribution (PolNeAR's annotations do not nest), contents may be
discontinuous (the cue and source can sit inside them) and the source may be empty.

    extract_attributions(doc)     -> list[Attribution]   (doc: a spaCy Doc)
    attributions_for_text(text)   -> list[dict]          (parses with wiretrace.analyze.nlp)

Offsets are Python ``str`` offsets into the text, end excluded. The models live in
``wiretrace/models/attribution.*`` and are rebuilt by
``python -m wiretrace.analyze.train_attribution /work/shared/bench/attribution``.
"""

from __future__ import annotations

import re
import threading
from dataclasses import asdict, dataclass, field
from pathlib import Path

from wiretrace.analyze.attribution_features import (
    SAY_LEMMAS,
    DocInfo,
    cue_features,
    cue_window,
    doc_info,
    role_features,
)

MODEL_DIR = Path(__file__).resolve().parents[1] / "models"
CUE_MODEL = MODEL_DIR / "attribution.cue.crfsuite"
ROLE_MODEL = MODEL_DIR / "attribution.role.crfsuite"

Span = list[int]
_QUOTE_MARKS = frozenset({'"', "“", "”", "'", "''"})
CUE_START_MIN = 0.5  # marginal P(B) that adds a verb Viterbi left out as a cue start
SAY_CLAUSE_MIN = 0.25  # the same for a saying verb with a clausal complement ("..., the daily reported")


@dataclass
class Attribution:
    """One attribution relation; each role is a list of ``[start, end]`` character offsets."""

    source: list[Span] = field(default_factory=list)
    cue: list[Span] = field(default_factory=list)
    content: list[Span] = field(default_factory=list)
    kind: str = "indirect"  # "direct" | "indirect" | "mixed"

    def to_dict(self) -> dict:
        return asdict(self)


class ModelMissing(RuntimeError):
    pass


_LOCK = threading.Lock()
_MODEL_BYTES: dict[str, bytes] = {}  # read once per process
_LOCAL = threading.local()  # one pair of taggers per thread: a crfsuite Tagger is not thread-safe


def _taggers():
    """The cue and role CRF taggers, loaded lazily (model files read once per process)."""
    taggers = getattr(_LOCAL, "taggers", None)
    if taggers is not None and taggers[0] == (CUE_MODEL, ROLE_MODEL):
        return taggers[1]
    import pycrfsuite

    pair = []
    with _LOCK:
        for path in (CUE_MODEL, ROLE_MODEL):
            key = str(path)
            if key not in _MODEL_BYTES:
                if not path.exists():
                    raise ModelMissing(
                        f"{path} is missing: run python -m wiretrace.analyze.train_attribution DATA_DIR")
                _MODEL_BYTES[key] = path.read_bytes()
            tagger = pycrfsuite.Tagger()
            tagger.open_inmemory(_MODEL_BYTES[key])
            pair.append(tagger)
    _LOCAL.taggers = ((CUE_MODEL, ROLE_MODEL), tuple(pair))
    return _LOCAL.taggers[1]


def reset_models() -> None:
    """Forget loaded models (after retraining in the same process, or in tests)."""
    with _LOCK:
        _MODEL_BYTES.clear()
    _LOCAL.taggers = None


def _runs(labels: list[str], kind: str, offset: int = 0) -> list[tuple[int, int]]:
    """Token spans [start, end) of the BIO runs for ``kind`` ("" for plain B/I labels)."""
    b, i_ = ("B-" + kind, "I-" + kind) if kind else ("B", "I")
    spans = []
    start = -1
    for k, lab in enumerate(labels):
        if lab == b or (lab == i_ and start < 0):
            if start >= 0:
                spans.append((start + offset, k + offset))
            start = k
        elif lab != i_ and start >= 0:
            spans.append((start + offset, k + offset))
            start = -1
    if start >= 0:
        spans.append((start + offset, len(labels) + offset))
    return spans


def _char_spans(doc, token_spans: list[tuple[int, int]]) -> list[Span]:
    out: list[Span] = []
    for s, e in sorted(token_spans):
        # drop surrounding whitespace tokens
        while s < e and doc[s].is_space:
            s += 1
        while e > s and doc[e - 1].is_space:
            e -= 1
        if s >= e:
            continue
        start, end = doc[s].idx, doc[e - 1].idx + len(doc[e - 1].text)
        if out and start <= out[-1][1]:
            out[-1][1] = max(out[-1][1], end)
        else:
            out.append([start, end])
    return out


def _kind(info: DocInfo, content: list[tuple[int, int]]) -> str:
    doc = info.doc
    inside = outside = 0
    for s, e in content:
        for i in range(s, e):
            if doc[i].is_punct or doc[i].is_space:
                continue
            if info.quote[i]:
                inside += 1
            else:
                outside += 1
    if inside and not outside:
        return "direct"
    if inside and outside:
        return "mixed"
    return "indirect"


def predict_cues(info: DocInfo, tagger) -> list[tuple[int, int]]:
    feats = cue_features(info)
    cues = []
    verb = info.verb
    say_clause = info.say_clause
    for s, e in info.units:
        labels = tagger.tag(feats[s:e])
        # Viterbi can leave a verb out although it more likely starts a cue than not, when the cue
        # probability is split over several lengths ("reported" / "reported on Wednesday").
        for k in range(e - s):
            if labels[k] == "O" and verb[s + k]:
                p = tagger.marginal("B", k)
                if p > CUE_START_MIN or (say_clause[s + k] and p > SAY_CLAUSE_MIN):
                    labels[k] = "B"
                    j = k + 1
                    while j < e - s and labels[j] == "O" and tagger.marginal("I", j) > CUE_START_MIN:
                        labels[j] = "I"
                        j += 1
        cues.extend(_runs(labels, "", s))
    return cues


def predict_roles(info: DocInfo, cues: list[tuple[int, int]], tagger):
    """For each cue, (source token spans, content token spans); an empty content drops the cue.

    A cue whose content comes out empty is retried without marking the other cues, since a cue
    tagged inside its content ("Peskov said [Putin had not discussed ...]") keeps the role tagger
    from covering it; when the retry finds a content, cues inside that content are dropped.
    A cue still without content gets one from the parse where it can (:func:`_content_from_parse`).
    Sources and contents are then fitted to PolNeAR's span conventions (:func:`_source_comma`,
    :func:`_complete_content`, :func:`_whole_quotation`).
    """
    n = len(info.doc)
    other = [False] * n
    for s, e in cues:
        for i in range(s, e):
            other[i] = True
    out = []
    for cue in cues:
        window = cue_window(info, cue)
        labels = tagger.tag(role_features(info, cue, window, other))
        out.append((_one_source(info, cue, _runs(labels, "S", window[0])), _runs(labels, "C", window[0])))
    dropped = set()
    for k, cue in enumerate(cues):
        if out[k][1] or k in dropped:
            continue
        window = cue_window(info, cue)
        labels = tagger.tag(role_features(info, cue, window, None))
        contents = _runs(labels, "C", window[0])
        if not contents:
            continue
        inside = [j for j, (s, e) in enumerate(cues)
                  if j != k and any(cs <= s and e <= ce for cs, ce in contents)]
        if not inside:
            continue
        out[k] = (_one_source(info, cue, _runs(labels, "S", window[0])), contents)
        dropped.update(inside)
    for k, cue in enumerate(cues):
        if k in dropped:
            continue
        sources, contents = out[k]
        sources = [span for span in sources if not _in_dateline(info, span)]
        if not contents:
            contents = _content_from_parse(info, cue, other)
        if contents and not sources:
            sources = _source_from_parse(info, cue, contents)
        if contents and not sources:
            sources, contents = _source_closing_content(info, cue, contents)
        sources = _source_comma(info, _without_trailing_modifiers(info.doc, sources))
        contents = _complete_content(info, cue, sources, contents, other)
        out[k] = (sources, _whole_quotation(info, cue, sources, contents, other))
    _claimed_twice(info.doc, cues, out, dropped)
    return [([], []) if k in dropped else roles for k, roles in enumerate(out)]


_COMPLEMENT_REACH = 4  # tokens between a cue and its complement: "said [on Wednesday] it had ..."
_CONTRASTING = frozenset(("while", "whereas", "whilst"))  # "A said X, while B said Y"


def _claimed_twice(doc, cues: list[tuple[int, int]], out: list, dropped: set[int]) -> None:
    """Where two cues share content words ("X said [...], while Y said [its forces had struck ...]"),
    the tagger gave one cue the other's content: a cue whose content lies outside its own clausal
    complement, which the parse finds elsewhere, takes that complement instead (in place)."""
    tokens = [set() if k in dropped else {i for s, e in contents for i in range(s, e)} for k, (_, contents) in enumerate(out)]
    for k, (sources, contents) in enumerate(out):
        # (Only the pattern of two reports in one sentence, the other cue after this one.)
        head = _cue_head(doc, cues[k])
        if not tokens[k] or not any(tokens[k] & tokens[j] for j in range(len(out)) if j != k
                                    and cues[k][1] <= cues[j][0] < head.sent.end):
            continue
        complement = next((c for c in head.children if c.dep_ == "ccomp"), None)
        if complement is None or not 0 <= complement.left_edge.i - cues[k][1] <= _COMPLEMENT_REACH:
            continue
        a, b = _phrase(complement)
        # (Up to another cue's clause hanging from it: "..., while Russia's ministry said ...".)
        others = {i for j, (s, e) in enumerate(cues) if j != k for i in range(s, e)}
        beside = [c for c in complement.children if c.dep_ in ("advcl", "conj") and any(t.i in others for t in c.subtree)]
        if not beside or not all(c.dep_ == "conj" or any(m.lower_ in _CONTRASTING for m in c.children) for c in beside):
            continue
        b = min([b] + [c.left_edge.i for c in beside])
        while b > a and (doc[b - 1].is_space or doc[b - 1].text in (",", ";", "-", "—", "–")):
            b -= 1
        if a < b and not a <= cues[k][0] < b and not any(a <= i < b for i in tokens[k]):
            out[k] = (sources, [(a, b)])
            tokens[k] = set(range(a, b))


#: Words that close a source span but modify the verb after it: "The minister's office [neither]
#: confirmed nor denied", "Officials [also] said", "The company [however] said".
_VERB_MODIFIER_DEPS = frozenset(("preconj", "cc", "advmod", "neg"))


def _without_trailing_modifiers(doc, sources: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Source spans less the small-letter words closing them that hang on a word after the span (the
    verb): not "Black Lives Matter", nor "CNN Worldwide", which the parse may read so too."""
    trimmed = []
    for start, end in sources:
        while end - 1 > start and doc[end - 1].dep_ in _VERB_MODIFIER_DEPS and doc[end - 1].is_lower \
                and doc[end - 1].head.i >= end:
            end -= 1
        trimmed.append((start, end))
    return trimmed


def _in_dateline(info: DocInfo, span: tuple[int, int]) -> bool:
    """Whether a token span lies in the dateline opening its paragraph ("NAIROBI, Sept 9 (Reuters"):
    no source, whatever the tagger says."""
    # (imported here: attribution_layout imports this module)
    from wiretrace.analyze.attribution_layout import dateline_end

    doc = info.doc
    start = doc[span[0]].idx
    paragraph = info.text.rfind("\n", 0, start) + 1
    return doc[span[1] - 1].idx < dateline_end(info.text, paragraph)


def _cue_head(doc, cue: tuple[int, int]):
    """The cue's syntactic head: its token whose own head lies outside the cue."""
    start, end = cue
    return next((t for t in doc[start:end] if not start <= t.head.i < end or t.head.i == t.i), doc[start])


def _phrase(token, stop: int | None = None) -> tuple[int, int]:
    """Token span of ``token``'s subtree (ending before ``stop``), less spaces and closing punctuation."""
    doc = token.doc
    tokens = [t for t in token.subtree if not t.is_space]
    a, b = tokens[0].i, tokens[-1].i + 1
    if stop is not None:
        b = min(b, stop)
    while b > a and doc[b - 1].is_punct:
        b -= 1
    return a, b


def _source_from_parse(info: DocInfo, cue: tuple[int, int],
                       contents: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A source for a cue the role tagger gave none, read from the parse: the cue verb's subject,
    or that of the verb it hangs from ("she called X outrageous and [called for] ...", "..., [saying]
    ..."), or the noun a participle modifies ("one [saying] that ...")."""
    doc = info.doc
    start, end = cue
    inside = {i for s, e in contents for i in range(s, e)}
    # "According to X": X is the object of the cue's preposition.
    for token in doc[start:end]:
        if token.lower_ == "according":
            to = next((c for c in token.children if c.lower_ == "to"), None)
            obj = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
            if obj is not None and obj.i not in inside:
                tokens = [t for t in obj.subtree if not t.is_space]
                return [(tokens[0].i, tokens[-1].i + 1)]
    verb = _cue_head(doc, cue)
    for _ in range(3):
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i not in inside
                        and not start <= c.i < end and not _in_dateline(info, (c.i, c.i + 1))), None)
        if subject is not None:
            # PolNeAR sources stop before a relative clause ("The complaint[, which was filed ...]").
            clause = [t.i for c in subject.children if c.dep_ in ("relcl", "acl") for t in c.subtree]
            a, b = _phrase(subject, min(clause, default=len(doc)))
            if a < b and not any(i in inside for i in range(a, b)):
                return [(a, b)]
            return []
        if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN", "PRON", "NUM") and verb.head.i not in inside:
            noun = verb.head
            return [(noun.left_edge.i, noun.i + 1)]
        if verb.dep_ not in ("conj", "advcl", "xcomp") or verb.head is verb:
            return []
        verb = verb.head
    return []


_UNNAMED_DETERMINERS = frozenset(("a", "an", "one", "another", "two", "three", "four", "several", "some"))


def _source_closing_content(info: DocInfo, cue: tuple[int, int],
                            contents: list[tuple[int, int]]) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """(sources, contents) for "CLAUSE, an official who asked not to be identified said." when the
    tagger ran the content on to the cue: the parse misreads such a sentence (the official hangs from
    the clause's object, "said" has no subject), so the source is whatever noun phrase opens, after
    the content's last comma, with "a", "an", "one", "two"... and runs up to a sentence-final cue."""
    doc = info.doc
    start, end = cue
    a, b = contents[-1]
    after = end
    while after < len(doc) and (doc[after].is_space or doc[after].is_punct):
        after += 1
    if b != start or not (after == len(doc) or after >= doc[start].sent.end):
        return [], contents
    comma = next((k for k in range(b - 1, a, -1) if doc[k].text == "," and not info.quote[k]), None)
    if comma is None or comma + 2 >= b or doc[comma + 1].lower_ not in _UNNAMED_DETERMINERS:
        return [], contents
    roots = [t for t in doc[comma + 1:b] if not comma < t.head.i < b]
    if len(roots) != 1 or roots[0].pos_ not in ("NOUN", "PROPN") or comma - a < 3:
        return [], contents
    return [(comma + 1, b)], [*contents[:-1], (a, comma)]


def _content_from_parse(info: DocInfo, cue: tuple[int, int], other: list[bool] | None = None) -> list[tuple[int, int]]:
    """A content for a cue the role tagger left without one, read from layout and the parse:

    - "He said:" closing its paragraph: the next paragraph;
    - a cue verb with a clausal complement ("told leaders [that few people understood ...]");
    - a sentence-final "..., the source added": the clause before the source;
    - "according to X" or "as X reported": the rest of the sentence (:func:`_host_clause`), unless
      another cue lies in it.
    """
    doc = info.doc
    start, end = cue
    j = end
    while j < len(doc) and doc[j].is_space:
        j += 1
    if doc[end - 1].text == ":" or (j < len(doc) and doc[j].text == ":"):
        k = j + 1 if j < len(doc) and doc[j].text == ":" else j
        while k < len(doc) and doc[k].is_space:
            k += 1
        if k < len(doc) and "\n" in doc[end - 1:k].text_with_ws:
            stop = k
            while stop < len(doc) and not (doc[stop].is_space and "\n" in doc[stop].text):
                stop += 1
            return [(k, stop)]
    head = _cue_head(doc, cue)
    for child in head.children:
        if child.dep_ == "ccomp":
            a, b = _phrase(child)
            if a < b and not a <= start < b:
                return [(a, b)]
    if doc[start].lower_ == "according" or (info.lemma[head.i] in SAY_LEMMAS and any(
            c.dep_ == "mark" and c.lower_ == "as" for c in head.children)):
        clause = _host_clause(head)
        if clause and not (other and any(other[i] for s, e in clause for i in range(s, e))):
            return clause
    subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < start]
    if subjects:
        k = min(t.i for t in subjects[-1].subtree) - 1
        while k >= 0 and (doc[k].is_space or doc[k].text in _QUOTE_MARKS):
            k -= 1
        sentence = head.sent
        if k > sentence.start and doc[k].text == ",":
            a = sentence.start
            while a < k and (doc[a].is_space or doc[a].is_punct):
                a += 1
            if k - a >= 3:
                return [(a, k)]
    return []


def _host_clause(head) -> list[tuple[int, int]]:
    """The sentence around an "according to X" / "as X reported" phrase, less the phrase: the clause
    it attributes ("Income rose[, according to one firm]." / "[As POLITICO has reported,] cases ...")."""
    doc = head.doc
    if head.dep_ not in ("prep", "advcl") or head.head is head:
        return []
    sentence = head.sent
    a, b = head.left_edge.i, head.right_edge.i + 1
    pieces = []
    for s, e in ((sentence.start, a), (b, sentence.end)):
        while s < e and (doc[s].is_space or doc[s].is_punct):
            s += 1
        while e > s and (doc[e - 1].is_space or doc[e - 1].is_punct):
            e -= 1
        if e - s >= 3:
            pieces.append((s, e))
    return pieces


def _one_source(info: DocInfo, cue: tuple[int, int], runs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """PolNeAR sources are one span: join runs split by a short gap, else keep the run nearest the cue."""
    if len(runs) < 2:
        return runs
    merged = [runs[0]]
    for s, e in runs[1:]:
        ps, pe = merged[-1]
        gap = range(pe, s)
        if len(gap) <= 2 and not (pe <= cue[0] < s) and not any(info.dep[i] in ("punct", "relcl", "ROOT")
                                                            or info.quote[i] for i in gap):
            merged[-1] = (ps, e)
        else:
            merged.append((s, e))
    if len(merged) == 1:
        return merged
    cs, ce = cue

    def distance(span):
        s, e = span
        return cs - e if e <= cs else (s - ce if s >= ce else 0)

    return [min(merged, key=distance)]


def _complete_content(info: DocInfo, cue: tuple[int, int], sources: list[tuple[int, int]],
                      contents: list[tuple[int, int]], other: list[bool]) -> list[tuple[int, int]]:
    """Carry a content run after the cue on to the end of the cue's dependent that holds it.

    The role tagger often stops a content early ("told X [that a tax would raise $220 billion]
    annually"); PolNeAR's contents mostly run to the end of the cue's complement. The extension
    stops short of sources, of other cues (their relations would be dropped as nested) and of
    closing punctuation. On every 5th train article held out: content overlap F1 +0.2.
    """
    if not contents:
        return contents
    doc = info.doc
    cs, ce = cue
    head = _cue_head(doc, cue)
    in_source = {i for s, e in sources for i in range(s, e)}
    out = []
    for a, b in contents:
        child = None
        if a >= ce:
            t = doc[a]
            for _ in range(40):  # up to the cue's dependent holding the run
                if t.head.i == t.i:
                    break
                if t.head.i == head.i or cs <= t.head.i < ce:
                    child = t
                    break
                t = t.head
        if child is not None:
            right = child.right_edge.i + 1
            if b < right and not any(i in in_source or other[i] or cs <= i < ce for i in range(b, right)):
                while right > b and (doc[right - 1].is_space or doc[right - 1].text in ".,;"):
                    right -= 1
                b = right
        out.append((a, b))
    return out


def _whole_quotation(info: DocInfo, cue: tuple[int, int], sources: list[tuple[int, int]],
                     contents: list[tuple[int, int]], other: list[bool]) -> list[tuple[int, int]]:
    """Widen a content run that starts or ends inside a quotation to the whole quotation.

    The role tagger can begin a quoted content at a later sentence of the quotation ("“People say
    they attack us because they hate us. [They attack us because ...],” he said"); PolNeAR takes the
    quotation whole. The widening stops at the cue, sources and other cues.
    """
    quote_id = info.quote_id
    n = info.n
    cs, ce = cue
    in_source = {i for s, e in sources for i in range(s, e)}

    def free(i: int) -> bool:
        return not (other[i] or cs <= i < ce or i in in_source)

    out = []
    for a, b in contents:
        q = quote_id[a]
        if q >= 0:
            k = a
            while k > 0 and quote_id[k - 1] == q and free(k - 1):
                k -= 1
            if k == 0 or quote_id[k - 1] != q:
                a = k
        q = quote_id[b - 1]
        if q >= 0:
            m = b
            while m < n and quote_id[m] == q and free(m):
                m += 1
            if m == n or quote_id[m] != q:
                b = m
        out.append((a, b))
    return out


def _source_comma(info: DocInfo, sources: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """PolNeAR's sources take the comma that closes an appositive ("Brian Fallon, a spokesman for
    Mrs. Clinton[,] said") but not one after a plain name ("According to X[,] ..."): in train, a source
    with a comma inside takes the comma after it 87% of the time, one without 1%."""
    if len(sources) != 1:
        return sources
    doc = info.doc
    a, b = sources[0]
    inner = any(doc[i].text == "," for i in range(a, b - 1))
    if doc[b - 1].text == ",":
        return sources if inner or b - 1 <= a else [(a, b - 1)]
    j = b
    while j < info.n and doc[j].is_space:
        j += 1
    if inner and j < info.n and doc[j].text == ",":
        return [(a, j + 1)]
    return sources


#: Heads of the noun phrase in a sentence-opening "In a/the ... poll, CLAUSE": the poll is the source.
POLL_NOUNS = frozenset(("poll", "survey"))


def _poll_attributions(info: DocInfo) -> list[tuple[list[tuple[int, int]], tuple[int, int], list[tuple[int, int]]]]:
    """(source, cue, content) token spans for sentences that open "In a ... poll, CLAUSE".

    PolNeAR marks such a sentence as the poll's attribution, with "In" as its cue (about 5 in 6
    times in PolNeAR train and dev); a poll mentioned further into the sentence mostly is not.
    """
    doc = info.doc
    found = []
    for s, e in info.units:
        first = s
        while first < e and (doc[first].is_space or doc[first].text in _QUOTE_MARKS):
            first += 1
        token = doc[first] if first < e else None
        if token is None or token.lower_ != "in":
            continue
        obj = next((c for c in token.children if c.dep_ == "pobj"), None)
        if obj is None or obj.lemma_.lower() not in POLL_NOUNS:
            continue
        a, b = _phrase(obj)
        k = max(t.i for t in token.subtree) + 1
        while k < e and (doc[k].is_space or doc[k].is_punct):
            k += 1
        stop = e
        while stop > k and (doc[stop - 1].is_space or doc[stop - 1].is_punct):
            stop -= 1
        if a < b and stop - k >= 3:
            found.append(([(a, b)], (token.i, token.i + 1), [(k, stop)]))
    return found


#: Verbs that close a wire lead's sentence ("..., Bloomberg News reported on Tuesday").
REPORT_LEMMAS = frozenset(("say", "tell", "report", "add", "write", "announce", "state"))
_AFTER_REPORT = frozenset(("citing", "quoting", "according"))


def _reporting_verb(info: DocInfo, k: int) -> bool:
    """Whether token ``k`` is a finite reporting verb ("said", "reports"); "said" and "told" are spelt
    alike as participles, and tagged so at times."""
    tag = info.doc[k].tag_
    return info.verb[k] and info.lemma[k] in REPORT_LEMMAS and (
        tag in ("VBD", "VBZ") or (tag == "VBN" and info.lemma[k] in ("say", "tell")))


def _report_attributions(info: DocInfo, cue_tokens: set[int]) -> list[tuple[list[tuple[int, int]], tuple[int, int],
                                                                           list[tuple[int, int]]]]:
    """(source, cue, content) token spans for sentences that close as a wire lead does, "CLAUSE,
    SOURCE reported [on Tuesday][, citing X]." or "CLAUSE, SOURCE told Reuters.", where the cue tagger
    found no cue in the clause or the source. The parser can misread that frame (in "..., Bloomberg News reported on Tuesday,
    citing ..." it takes "Bloomberg News" for the clause's predicate and "reported" for a modifier
    of it), which leaves the tagger blind to the verb; the "citing X" becomes its basis. So does a
    quotation whose closing mark is missing ("\"We will not accept it, Jan Kowal said."): the tagger
    takes the rest of the paragraph for quoted words."""
    # (imported here: attribution_layout imports this module)
    from wiretrace.analyze.attribution_layout import unclosed_quotation

    doc = info.doc
    found = []
    for k in range(info.n):
        if not _reporting_verb(info, k) or k in cue_tokens or (
                info.quote[k] and not unclosed_quotation(info.text, doc[k].idx)):
            continue
        s, e = info.units[info.unit_of[k]]
        comma = k - 1
        while comma > s and k - comma <= 12 and doc[comma].text != ",":
            comma -= 1
        source = doc[comma + 1:k]
        # (a name or a noun phrase, with a relative clause at most: "an official who asked not to be named")
        clause = next((t.i for t in source if t.lower_ in ("who", "which", "that")), k)
        if doc[comma].text != "," or not source or clause - comma > 7 or any(t.is_punct for t in source) \
                or any(t.pos_ in ("VERB", "AUX") for t in doc[comma + 1:clause]) \
                or not any(t.pos_ in ("PROPN", "NOUN") for t in doc[comma + 1:clause]):
            continue
        m = k + 1
        while info.lemma[k] == "tell" and m < e and m - k <= 3 and doc[m].pos_ in ("PROPN", "NOUN", "DET"):
            m += 1  # whom: "told Reuters", "told reporters"
        # what the report is dated or placed by ("on Tuesday", "late on Monday", "in Moscow")
        if m < e and not doc[m].is_punct and doc[m].pos_ not in ("ADP", "ADV") and doc[m].ent_type_ not in ("DATE", "TIME"):
            continue
        while m < e and m - k <= 5 and not doc[m].is_punct and doc[m].pos_ not in ("VERB", "AUX"):
            m += 1
        while m < e and doc[m].is_space:
            m += 1
        if not (m >= e or doc[m].text in (".", "!", "?")
                or (doc[m].text == "," and m + 1 < e and doc[m + 1].lower_ in _AFTER_REPORT)):
            continue
        a = s
        while a < comma and (doc[a].is_space or doc[a].is_punct):
            a += 1
        if comma - a >= 4 and not any(i in cue_tokens for i in range(a, clause)):
            found.append(([(comma + 1, k)], (k, k + 1), [(a, comma)]))
    return found


def extract_attributions(doc) -> list[Attribution]:
    """Attributions in a parsed spaCy ``Doc`` (needs tagger, parser and lemmatizer annotations)."""
    from wiretrace.analyze.attribution_layout import (  # (they import this module)
        continue_paragraphs,
        continue_quotes,
        layout_attributions,
    )

    if len(doc) == 0:
        return []
    cue_tagger, role_tagger = _taggers()
    info = doc_info(doc)
    cues = predict_cues(info, cue_tagger)
    result = []
    for cue, (sources, contents) in zip(cues, predict_roles(info, cues, role_tagger)):
        content = _char_spans(doc, contents)
        if not content:
            continue
        result.append(Attribution(
            source=_char_spans(doc, sources),
            cue=_char_spans(doc, [cue]),
            content=content,
            kind=_kind(info, contents),
        ))
    taken = {i for cue in cues for i in range(*cue)}
    for sources, cue, contents in _poll_attributions(info) + _report_attributions(info, taken):
        if cue[0] not in taken:
            source = _char_spans(doc, sources)
            # (A cue the tagger found in the source is its relative clause's: "an official who [asked] ...".)
            result = [a for a in result if not _inside(a.cue, source)]
            result.append(Attribution(source=source, cue=_char_spans(doc, [cue]),
                                      content=_char_spans(doc, contents), kind=_kind(info, contents)))
    text = info.text
    continue_quotes(text, result)
    cue_chars = {i for a in result for s, e in a.cue for i in range(s, e)}
    places = [(e.start_char, e.end_char) for e in doc.ents if e.label_ in ("GPE", "LOC")]
    result.extend(a for a in layout_attributions(text, places) if not any(i in cue_chars for i in range(*a.cue[0])))
    continue_paragraphs(text, result)
    return sorted(_outermost(_with_words(text, result)), key=lambda a: a.cue[0][0])


# What runs a content into the next clause at its end: a comma, semicolon or dash and the
# conjunction after it (", and", "— but"), or a dash. PolNeAR's contents end before them; not
# before a comma alone, which closes an appositive inside the content as often ("Ali, who
# died Friday, [was shown]"; on PolNeAR train, 4 contents end before such a comma, 11 after).
_TRAILING_LINK = re.compile(r"(?:\s*[,;—–]\s*(?:and|but|or)|\s*[—–])\s*$")


def _with_words(text: str, found: list[Attribution]) -> list[Attribution]:
    """The relations less content pieces that are only punctuation (a lone quotation mark), a
    content's last piece without the ", and" or dash that runs it into the next clause, and
    without the relations left with no content."""
    kept = []
    for attribution in found:
        content = [[s, e] for s, e in attribution.content if any(c.isalnum() for c in text[s:e])]
        if content:
            last = content[-1]
            if link := _TRAILING_LINK.search(text, last[0], last[1]):
                last[1] = link.start()
            attribution.content = content
            kept.append(attribution)
    return kept


def _inside(spans: list[Span], within: list[Span]) -> bool:
    return all(any(ws <= s and e <= we for ws, we in within) for s, e in spans)


def _outermost(found: list[Attribution]) -> list[Attribution]:
    """Drop an attribution whose cue lies inside another one's content ("X said [Y wants Z]"):
    PolNeAR's relations do not nest, and the inner cue is the wrong one about 5 times in 6."""
    return [a for a in found if not a.cue or not any(
        b is not a and _inside(a.cue, b.content) and not _inside(b.cue, a.content) for b in found)]


def attributions_for_text(text: str) -> list[dict]:
    """Parse ``text`` with the shared spaCy pipeline and return attribution dicts with char offsets."""
    from wiretrace.analyze.nlp import load_nlp

    doc = load_nlp()(text)
    return [a.to_dict() for a in extract_attributions(doc)]
