"""Syndication: group the copies of one wire story across outlets, and say which agency wrote it.

Pure functions over :class:`~wiretrace.record.Article` records (or their ``to_dict`` form); the
caller does the I/O. Three stages:

1. **Candidates** (:func:`candidate_pairs`): MinHash LSH over body word 5-gram shingles. Each page
   gives two signatures, its whole body and its lead (first ``lead_tokens`` words); pages that
   share an LSH band on either are candidates. The lead catches a short (truncated) copy of a
   long story, whose whole-body Jaccard similarity is low. Only signatures' band keys are kept,
   spilled to disk past ``spill_rows`` pages (:class:`wiretrace.link.lsh.BandBuckets`).
2. **Verification** (:func:`verify_pairs`): containment ``|A ∩ B| / min(|A|, |B|)`` of the two
   shingle sets, so that a short copy inside a long one scores 1.0 where Jaccard would not, and a
   shared opening: one text's first words (``opening_tokens``) must mostly be in the other. Copies
   of one story share its lead (however cut or extended); a later story from the same desk that
   reuses a few background paragraphs does not, and its containment alone can pass when it is short.
   Texts are fetched through a ``load(id)`` callback, one pair at a time (with a small cache),
   so the corpus never has to sit in memory.
3. **Groups** (:func:`describe_group`): connected components of the verified pairs; for each
   group its agency (a vote of the members' own credits, strongest evidence weighing most),
   its earliest appearance (UTC-aware), its fullest text and, for every copy, the paragraphs
   it dropped or added against that fullest text and whether its headline differs.

A page is wire copy when it carries a credit (``wire`` or ``syndicated`` from extraction) or
belongs to a group where another member does. A staff page that only mentions an agency
("according to the Associated Press", a photo credit) has no credit, shares no text with a wire
story, and stays staff.

:func:`link_syndication` runs all three on records held in memory.
"""

from __future__ import annotations

from collections import Counter, OrderedDict
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timedelta, timezone
from typing import Any

import numpy as np

from wiretrace.extract.wire import AGENCY_BYLINE, DATELINE, END_CREDIT, SYNDICATION_DISCLAIMER
from wiretrace.link.lsh import BandBuckets, decode_pairs, lsh_params
from wiretrace.link.shingles import K, NUM_PERM, containment, overlap, shingle_hashes, shingles_of_tokens, signature, tokens
from wiretrace.record import Article

ArticleLike = Article | Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class SyndicationConfig:
    #: Jaccard threshold the LSH banding is tuned for (datasketch's choice of bands x rows).
    lsh_threshold: float = 0.2
    num_perm: int = NUM_PERM
    #: Words of the lead signature; 0 turns the lead signature off.
    lead_tokens: int = 80
    #: A verified pair needs this containment ...
    min_containment: float = 0.3
    #: ... and at least this many shared shingles (or all shingles of the shorter text) ...
    min_shared: int = 8
    #: ... and this share of one text's opening (its first ``opening_tokens`` words) in the other.
    #: (On the DEV crawl every pair of copies shares at least 0.91 of one opening's 50 words.)
    opening_tokens: int = 50
    opening_match: float = 0.5
    #: Pages buffered in memory before LSH band keys go to disk.
    spill_rows: int = 250_000
    #: A paragraph of a copy matches the other text when this share of its shingles is there.
    paragraph_match: float = 0.5


@dataclass(slots=True)
class CopyDiff:
    """One copy against its group's fullest text."""

    id: Hashable
    headline: str | None
    #: The headline differs from the fullest copy's (ignoring case, spacing and punctuation).
    headline_changed: bool
    #: Indexes into the fullest copy's body of the paragraphs this copy lacks.
    paragraphs_dropped: list[int] = field(default_factory=list)
    #: Indexes into this copy's body of the paragraphs the fullest copy lacks.
    paragraphs_added: list[int] = field(default_factory=list)
    #: Share of the shorter of (this copy, fullest copy) found in the other.
    containment: float = 1.0
    #: The page's own credit, if any (``None`` when the copy lost its credit line).
    credited: str | None = None


@dataclass(slots=True)
class SyndicationGroup:
    """Pages carrying one story. ``members`` are ordered by appearance (undated last)."""

    id: str
    members: list[Hashable]
    #: The agency that wrote the story (``None`` for a staff story or an unnamed feed).
    wire: str | None
    #: True when some member carries a credit or a syndication disclaimer.
    is_wire: bool
    #: Weighted votes behind ``wire``: {agency: weight}.
    wire_votes: dict[str, float]
    #: Earliest ``published`` among the members, as that page gives it, its page, and the UTC instant.
    earliest: str | None
    earliest_id: Hashable | None
    earliest_utc: str | None
    #: The member whose text the others are compared with (the most text shared with other members).
    fullest: Hashable
    copies: list[CopyDiff] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class PageVerdict:
    """What linking says about one page."""

    group: str
    #: The agency whose copy this page carries, or ``None``.
    wire: str | None
    is_wire: bool
    #: ``"credit"`` (the page's own), ``"group"`` (filled from the other copies) or ``None``.
    wire_from: str | None


@dataclass(slots=True)
class SyndicationResult:
    groups: list[SyndicationGroup]
    pages: dict[Hashable, PageVerdict]
    #: Candidate and verified pair counts (for reports).
    stats: dict[str, int] = field(default_factory=dict)


# ---------------------------------------------------------------------------------------------
# Record access (Article objects or their dict form)


def _get(article: ArticleLike, key: str, default=None):
    if isinstance(article, Mapping):
        value = article.get(key, default)
    else:
        value = getattr(article, key, default)
    return default if value is None else value


def _body(article: ArticleLike) -> list[str]:
    return list(_get(article, "body", []) or [])


def _strip_dateline(paragraph: str) -> str:
    match = DATELINE.match(paragraph)
    return paragraph[match.end():].strip() if match else paragraph


def _body_tokens(article: ArticleLike) -> list[str]:
    body = _body(article)
    if not body:
        return []
    return tokens("\n".join([_strip_dateline(body[0])] + body[1:]))


def body_hashes(article: ArticleLike) -> np.ndarray:
    """Shingle hashes of the body, with a leading dateline credit removed (copies vary it)."""
    return shingles_of_tokens(_body_tokens(article))


def lead_hashes(article: ArticleLike, n_tokens: int) -> np.ndarray:
    """Shingle hashes of the first ``n_tokens`` words of the body (dateline credit removed)."""
    return shingles_of_tokens(_body_tokens(article)[:n_tokens]) if n_tokens > 0 else np.zeros(0, dtype=np.uint32)


def page_hashes(article: ArticleLike, lead_tokens: int) -> tuple[np.ndarray, np.ndarray]:
    """``(body_hashes, lead_hashes)`` from one tokenisation (the lead: the first ``lead_tokens`` words)."""
    toks = _body_tokens(article)
    lead = shingles_of_tokens(toks[:lead_tokens]) if lead_tokens > 0 else np.zeros(0, dtype=np.uint32)
    return shingles_of_tokens(toks), lead


# ---------------------------------------------------------------------------------------------
# Stage 1: candidates


def candidate_pairs(items: Iterable[tuple[Hashable, ArticleLike]], config: SyndicationConfig = SyndicationConfig(),
                    workdir: str | None = None) -> tuple[list[Hashable], np.ndarray]:
    """``(ids, pairs)``: the ids in input order and ``int64[m, 2]`` index pairs into them.

    Streams ``items``: only the ids and the LSH band keys stay (the keys on disk past
    ``config.spill_rows`` pages). Pages without body text take no part.
    """
    bands, rows = lsh_params(config.lsh_threshold, config.num_perm)
    ids: list[Hashable] = []
    kinds = 2 if config.lead_tokens > 0 else 1
    buckets = [BandBuckets(bands, rows, spill_rows=config.spill_rows,
                           workdir=None if workdir is None else f"{workdir}/sig{k}") for k in range(kinds)]
    try:
        batch_docs: list[int] = []
        batch_sigs: list[list[np.ndarray]] = [[] for _ in range(kinds)]

        def flush() -> None:
            if batch_docs:
                for k in range(kinds):
                    buckets[k].add(np.array(batch_docs), np.stack(batch_sigs[k]))
                    batch_sigs[k].clear()
                batch_docs.clear()

        for ident, article in items:
            index = len(ids)
            ids.append(ident)
            hashes, lead = page_hashes(article, config.lead_tokens)
            if len(hashes) == 0:
                continue
            batch_docs.append(index)
            batch_sigs[0].append(signature(hashes, config.num_perm))
            if kinds == 2:
                batch_sigs[1].append(signature(lead, config.num_perm))
            if len(batch_docs) >= 10_000:
                flush()
        flush()
        codes = np.empty(0, dtype=np.uint64)
        for bucket in buckets:
            for band_codes in bucket.iter_band_pairs():
                codes = np.union1d(codes, band_codes)
    finally:
        for bucket in buckets:
            bucket.close()
    return ids, decode_pairs(codes)


# ---------------------------------------------------------------------------------------------
# Stage 2: verification


def verify_pairs(ids: Sequence[Hashable], pairs: np.ndarray, load: Callable[[Hashable], ArticleLike],
                 config: SyndicationConfig = SyndicationConfig(), cache_size: int = 4096) -> list[tuple[int, int, float]]:
    """The candidate pairs whose containment passes, as ``(i, j, containment)``.

    ``load(id)`` fetches one record; shingle sets are cached (``cache_size`` pages), and pairs are
    visited in order of their first index, so a sorted store is read about once.
    """
    cache: OrderedDict[int, tuple[np.ndarray, np.ndarray]] = OrderedDict()

    def hashes(index: int) -> tuple[np.ndarray, np.ndarray]:
        if index in cache:
            cache.move_to_end(index)
            return cache[index]
        value = page_hashes(load(ids[index]), config.opening_tokens)
        cache[index] = value
        if len(cache) > cache_size:
            cache.popitem(last=False)
        return value

    pairs = np.asarray(pairs, dtype=np.int64).reshape(-1, 2)
    pairs = pairs[np.lexsort((pairs[:, 1], pairs[:, 0]))]
    kept = []
    for start in range(0, len(pairs), 65_536):
        for i, j in pairs[start:start + 65_536].tolist():
            a, b = hashes(i), hashes(j)
            if is_copy(a, b, config):
                kept.append((i, j, containment(a[0], b[0])))
    return kept


def is_copy(a: tuple[np.ndarray, np.ndarray], b: tuple[np.ndarray, np.ndarray],
            config: SyndicationConfig = SyndicationConfig()) -> bool:
    """Whether two pages are copies of one text (one possibly cut short or extended).

    ``a`` and ``b`` are ``(body_hashes, opening_hashes)`` as :func:`page_hashes` gives them for
    ``config.opening_tokens``.
    """
    (body_a, opening_a), (body_b, opening_b) = a, b
    if len(body_a) == 0 or len(body_b) == 0:
        return False
    shared = overlap(body_a, body_b)
    if shared < min(config.min_shared, len(body_a), len(body_b)) \
            or shared / min(len(body_a), len(body_b)) < config.min_containment:
        return False
    # Either opening may be the one kept: a copy cut short keeps the original's lead, a copy with
    # an editor's paragraph on top still carries the original's lead further down.
    return max(overlap(opening_a, body_b) / max(len(opening_a), 1),
               overlap(opening_b, body_a) / max(len(opening_b), 1)) >= config.opening_match


def components(n: int, edges: Iterable[tuple[int, int, Any]]) -> list[list[int]]:
    """Connected components over ``0..n-1`` (singletons included), each sorted, ordered by first member."""
    parent = list(range(n))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, j, *_ in edges:
        ri, rj = find(i), find(j)
        if ri != rj:
            parent[max(ri, rj)] = min(ri, rj)
    groups: dict[int, list[int]] = {}
    for x in range(n):
        groups.setdefault(find(x), []).append(x)
    return sorted(groups.values(), key=lambda g: g[0])


# ---------------------------------------------------------------------------------------------
# Stage 3: describing a group

_EVIDENCE_WEIGHT = {"dateline": 3.0, "disclaimer": 3.0, "byline": 2.0, "end_credit": 2.0, "markup": 2.0, "none": 1.0}


def evidence_kind(evidence: str | None) -> str:
    """Classify a record's ``syndication_evidence`` (dateline, disclaimer, byline, end_credit, markup)."""
    if not evidence:
        return "none"
    text = evidence.strip()
    if SYNDICATION_DISCLAIMER.search(text):
        return "disclaimer"
    if DATELINE.match(text):
        return "dateline"
    if AGENCY_BYLINE.match(text):
        return "byline"
    if END_CREDIT.search(text):
        return "end_credit"
    return "markup"


def wire_vote(members: Sequence[ArticleLike]) -> tuple[str | None, dict[str, float]]:
    """The group's agency: credits weighted by evidence kind; ties go to the most credited pages."""
    weights: Counter[str] = Counter()
    counts: Counter[str] = Counter()
    for article in members:
        agency = _get(article, "wire")
        if agency:
            weights[agency] += _EVIDENCE_WEIGHT[evidence_kind(_get(article, "syndication_evidence"))]
            counts[agency] += 1
    if not weights:
        return None, {}
    best = max(weights, key=lambda a: (weights[a], counts[a], a))
    return best, dict(weights)


def parse_time(value: str | None) -> tuple[datetime, datetime] | None:
    """``(earliest, latest)`` UTC instants a ``published`` string can denote.

    A datetime with an offset is one instant; a naive datetime is read as UTC; a bare date spans
    that calendar day in any time zone (UTC-12 to UTC+14).
    """
    if not value:
        return None
    text = value.strip().replace("Z", "+00:00")
    try:
        if len(text) == 10:
            day = date.fromisoformat(text)
            start = datetime(day.year, day.month, day.day, tzinfo=timezone.utc)
            return start - timedelta(hours=14), start + timedelta(hours=36)
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    moment = moment.astimezone(timezone.utc)
    return moment, moment


def earliest(members: Sequence[tuple[Hashable, ArticleLike]]) -> tuple[str | None, Hashable | None, str | None]:
    """``(published, id, utc)`` of the member that appeared first.

    Exact instants are compared in UTC. A bare date counts as earlier only when its whole day
    (in every time zone) ends before the earliest instant; its "utc" is then the date itself.
    """
    timed, dated = [], []
    for ident, article in members:
        published = _get(article, "published")
        span = parse_time(published)
        if span is None:
            continue
        (timed if span[0] == span[1] else dated).append((span, published, ident))
    best = min(timed, key=lambda t: t[0][0]) if timed else None
    for span, published, ident in sorted(dated, key=lambda t: t[0][1]):
        if best is None or span[1] < best[0][0]:
            return published, ident, published[:10]
        break
    if best is None:
        return None, None, None
    return best[1], best[2], best[0][0].strftime("%Y-%m-%dT%H:%M:%SZ")


def _headline_key(headline: str | None) -> str:
    return " ".join(tokens(headline or ""))


def _paragraph_units(body: Sequence[str]) -> list[tuple[np.ndarray, str]]:
    """Per paragraph: its shingle hashes and its tokens as one space-padded string."""
    units = []
    for i, paragraph in enumerate(body):
        text = _strip_dateline(paragraph) if i == 0 else paragraph
        units.append((shingle_hashes(text), " " + " ".join(tokens(text)) + " "))
    return units


def _matched(unit: tuple[np.ndarray, str], other_hashes: np.ndarray, other_tokens: str, share: float) -> bool:
    hashes, words = unit
    if not words.strip() or words in other_tokens:
        return True
    if len(words.split()) < K:  # too short for a shingle of its own: only the verbatim check counts
        return False
    return overlap(hashes, other_hashes) / len(hashes) >= share


def _token_string(body: Sequence[str]) -> str:
    return " " + " ".join(tokens(" ".join(_strip_dateline(p) if i == 0 else p for i, p in enumerate(body)))) + " "


def diff_copy(copy: ArticleLike, fullest: ArticleLike, config: SyndicationConfig = SyndicationConfig(),
              ident: Hashable = None) -> CopyDiff:
    """How ``copy`` differs from ``fullest``: paragraphs dropped and added, headline changed.

    A paragraph is kept when most of its shingles (or, for a paragraph under five words, all of
    its words in order) occur anywhere in the other text, so a paragraph split or merged
    differently, or a dateline credit swapped, is no difference.
    """
    copy_body, full_body = _body(copy), _body(fullest)
    copy_all, full_all = body_hashes(copy), body_hashes(fullest)
    copy_words, full_words = _token_string(copy_body), _token_string(full_body)
    dropped = [i for i, u in enumerate(_paragraph_units(full_body))
               if not _matched(u, copy_all, copy_words, config.paragraph_match)]
    added = [i for i, u in enumerate(_paragraph_units(copy_body))
             if not _matched(u, full_all, full_words, config.paragraph_match)]
    headline = _get(copy, "headline")
    return CopyDiff(
        id=ident,
        headline=headline,
        headline_changed=_headline_key(headline) != _headline_key(_get(fullest, "headline")),
        paragraphs_dropped=dropped,
        paragraphs_added=added,
        containment=round(containment(copy_all, full_all), 4) if copy is not fullest else 1.0,
        credited=_get(copy, "wire"),
    )


def describe_group(members: Sequence[tuple[Hashable, ArticleLike]], config: SyndicationConfig = SyndicationConfig(),
                   group_id: str | None = None) -> SyndicationGroup:
    """Agency, earliest appearance, fullest text and per-copy diffs of one group of copies."""
    articles = [a for _, a in members]
    agency, votes = wire_vote(articles)
    is_wire = bool(agency) or any(_get(a, "syndicated", False) for a in articles)
    first, first_id, first_utc = earliest(members)
    hashes = [body_hashes(a) for a in articles]
    if len(members) == 1:
        fullest = 0
    else:
        # The fullest copy: the most shingles that some other member also has (boilerplate that
        # leaked into one page's body is not shared, so it does not make that page "fuller").
        def supported(i: int) -> int:
            others = np.unique(np.concatenate([h for j, h in enumerate(hashes) if j != i]))
            return overlap(hashes[i], others)

        fullest = max(range(len(members)), key=lambda i: (supported(i), len(_body(articles[i])), -i))
    copies = [diff_copy(a, articles[fullest], config, ident) for ident, a in members]

    def order(item: tuple[int, tuple[Hashable, ArticleLike]]):
        span = parse_time(_get(item[1][1], "published"))
        return (span is None, span[0] if span else datetime.max.replace(tzinfo=timezone.utc), item[0])

    ranked = [i for i, _ in sorted(enumerate(members), key=order)]
    return SyndicationGroup(
        id=group_id or f"syn-{members[ranked[0]][0]}",
        members=[members[i][0] for i in ranked],
        wire=agency,
        is_wire=is_wire,
        wire_votes=votes,
        earliest=first,
        earliest_id=first_id,
        earliest_utc=first_utc,
        fullest=members[fullest][0],
        copies=[copies[i] for i in ranked],
    )


def page_verdicts(group: SyndicationGroup, members: Sequence[tuple[Hashable, ArticleLike]]) -> dict[Hashable, PageVerdict]:
    """Per page: its own credit if it has one, else the group's agency when the group is wire copy."""
    out = {}
    for ident, article in members:
        own = _get(article, "wire")
        if own:
            out[ident] = PageVerdict(group.id, own, True, "credit")
        elif group.is_wire:
            out[ident] = PageVerdict(group.id, group.wire, True, "group" if group.wire else None)
        else:
            out[ident] = PageVerdict(group.id, None, False, None)
    return out


# ---------------------------------------------------------------------------------------------
# All together


def link_syndication(articles: Mapping[Hashable, ArticleLike] | Sequence[ArticleLike],
                     config: SyndicationConfig = SyndicationConfig()) -> SyndicationResult:
    """Group the copies among ``articles`` (a mapping id -> record, or a sequence: ids are positions).

    Every page lands in exactly one group (a page with no copy is a group of one).
    """
    table = dict(articles) if isinstance(articles, Mapping) else dict(enumerate(articles))
    return link_stream(table.items(), table.__getitem__, config)


def link_stream(items: Iterable[tuple[Hashable, ArticleLike]], load: Callable[[Hashable], ArticleLike],
                config: SyndicationConfig = SyndicationConfig(), workdir: str | None = None) -> SyndicationResult:
    """:func:`link_syndication` for a corpus that does not fit in memory.

    ``items`` is streamed once (signatures only are kept); ``load(id)`` fetches a record again for
    verification and for describing groups, one group at a time.
    """
    ids, pairs = candidate_pairs(items, config, workdir)
    verified = verify_pairs(ids, pairs, load, config)
    groups, pages = [], {}
    for component in components(len(ids), verified):
        members = [(ids[i], load(ids[i])) for i in component]
        group = describe_group(members, config)
        groups.append(group)
        pages.update(page_verdicts(group, members))
    stats = {"pages": len(ids), "candidates": int(len(pairs)), "verified": len(verified),
             "groups": len(groups), "multi_page_groups": sum(len(g.members) > 1 for g in groups)}
    return SyndicationResult(groups, pages, stats)
