"""Stories: cluster articles about the same event across outlets and days, incrementally.

Articles arrive in date order; each joins the best-matching open story or starts a new one, and
nothing already assigned moves (an article ingested tomorrow joins today's story; today's
assignments are never revisited). The match of an article ``a`` and a story ``S`` is

    score(a, S) = ((1 - entity_weight) * text(a, S) + entity_weight * entities(a, S)) * decay(gap)

* ``text``: the best TF-IDF cosine between ``a`` and a member of ``S`` (title + body, sublinear
  tf, stop words out). Document frequencies are updated as each article arrives, and stored
  articles keep only term counts, so similarities always use the current idf.
* ``entities``: the best idf-weighted overlap of entity names between ``a`` and a member of ``S``
  (``|A ∩ B|_w / min(|A|_w, |B|_w)``). Names come from the record's ``entities`` when analysis
  filled them, else from capitalised phrases in the headline and body ("Anthony Weiner",
  "Federal Reserve"); phrase and word forms both count, so "Weiner" still meets "Anthony Weiner".
* ``decay``: ``0.5 ** (max(0, gap - grace_days) / half_life_days)``, ``gap`` being the days between the
  article and the story's latest article; stories idle longer than ``max_gap_days`` are closed.

``a`` joins the best story when its score reaches ``threshold``. The weights and threshold were
set on BASIL DEV (see ``python -m wiretrace.bench stories``, which also runs a 2-fold split check).

:class:`StoryLinker` is the incremental engine (its :meth:`~StoryLinker.state` is JSON, so a
caller can persist it between ingests); :func:`cluster_stories` runs it over a batch.
Its story ids number stories in the order they start; :func:`keep_story_ids` maps the stories
of a new clustering onto the ids their articles had, for ids that last across re-clustering.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timezone
from typing import Any

import numpy as np

from wiretrace.extract.wire import canonical_agency
from wiretrace.record import Article

ArticleLike = Article | Mapping[str, Any]

_WORD = re.compile(r"[^\W\d_]{2,}")
STOP = frozenset("""
a about above after again against all also am an and any are as at be because been before being below
between both but by can could did do does doing down during each even few for from further get got had
has have having he her here hers herself him himself his how however i if in into is it its itself just
like made make many may me might more most much must my myself no nor not now of off on once one only or
other our ours out over own per said same say says she should since so some still such take than that
the their theirs them themselves then there these they this those though through to too two under until
up upon us very via was way we well were what when where whether which while who whom whose why will
with within without would yet you your yours mr ms mrs told new also year years last first time week
""".split())
# Words that open a sentence or a title in capitals without naming anything.
_CAP_STOP = STOP | frozenset("""
monday tuesday wednesday thursday friday saturday sunday january february march april june july august
september october november december today yesterday tomorrow but and or the a an in on at for with from
by after before as if when while this that these those there here his her their its our we they he she
it i you what who why how where which some many most more all any each every no not
""".split())
# Titles before a name ("Senator Ilsa Brandvold" names Ilsa Brandvold).
_HONORIFICS = frozenset("""
senator sen rep representative president vice gov governor mayor judge justice secretary minister
gen general dr mr mrs ms miss sir lord lady prince princess king queen pope rev chairman chairwoman
""".split())
_CAP_PHRASE = re.compile(r"\b(?:[A-Z][\w'’.-]*[\w]|[A-Z])(?:\s+(?:(?:of|the|de|for|and)\s+)?(?:[A-Z][\w'’.-]*[\w]|[A-Z]))*")


@dataclass(frozen=True, slots=True)
class StoriesConfig:
    threshold: float = 0.15
    #: Weight of the entity overlap; the text cosine gets ``1 - entity_weight``.
    entity_weight: float = 0.2
    #: Days of gap with no penalty, then the score halves every ``half_life_days``.
    grace_days: float = 1.0
    half_life_days: float = 2.0
    #: Stories idle longer than this are closed (not compared any more).
    max_gap_days: float = 14.0


@dataclass(slots=True)
class _Doc:
    ident: Hashable
    day: float
    tf: dict[str, float]
    ents: dict[str, int]
    story: str


@dataclass(slots=True)
class Story:
    id: str
    members: list[Hashable] = field(default_factory=list)
    first: float = 0.0
    last: float = 0.0


@dataclass(slots=True)
class Assignment:
    id: Hashable
    story: str
    #: Score against the story joined (``None`` when the article started it).
    score: float | None
    new: bool


# ---------------------------------------------------------------------------------------------
# Features


def _get(article: ArticleLike, key: str, default=None):
    value = article.get(key, default) if isinstance(article, Mapping) else getattr(article, key, default)
    return default if value is None else value


def article_text(article: ArticleLike) -> tuple[str, str]:
    """``(headline, body)`` of a record (``title``/``text`` keys are accepted too)."""
    headline = _get(article, "headline") or _get(article, "title") or ""
    body = _get(article, "body")
    if body is None or body == []:
        body = _get(article, "text", "")
    if not isinstance(body, str):
        body = "\n\n".join(body)
    return headline, body


def article_day(article: ArticleLike) -> float | None:
    """Days since 1970 (UTC) of ``published`` (or ``date``), fractional when a time is given."""
    value = _get(article, "published") or _get(article, "date")
    if not value:
        return None
    text = str(value).strip().replace("Z", "+00:00")
    try:
        if len(text) == 10:
            return float(date.fromisoformat(text).toordinal() - date(1970, 1, 1).toordinal())
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.timestamp() / 86400.0


def term_counts(headline: str, body: str) -> Counter[str]:
    """Lower-cased word counts less stop words; the headline counts twice."""
    words = [w for w in _WORD.findall((headline + "\n" + headline + "\n" + body).lower()) if w not in STOP]
    return Counter(words)


def capitalised_phrases(text: str) -> Counter[str]:
    """Names found as runs of capitalised words, each also split into its words.

    A sentence-initial function word ("The", "But", "Monday") is dropped from a phrase.
    """
    found: Counter[str] = Counter()
    for match in _CAP_PHRASE.finditer(text):
        words = match.group(0).replace("’", "'").split()
        while words and (words[0].lower().strip(".") in _CAP_STOP
                         or (len(words) > 1 and words[0].lower().strip(".") in _HONORIFICS)):
            words = words[1:]
        while words and words[-1].lower() in ("of", "the", "de", "for", "and"):
            words = words[:-1]
        words = [w.rstrip(".").removesuffix("'s") for w in words]
        words = [w for w in words if w]
        if not words:
            continue
        name = " ".join(words).lower()
        if len(name) < 2:
            continue
        found[name] += 1
        if len(words) > 1:
            for w in words:
                if w.lower() not in _CAP_STOP and len(w) > 1:
                    found[w.lower()] += 1
    return found


def entity_names(article: ArticleLike) -> Counter[str]:
    """The record's entity names (with their words) when analysis filled them, else capitalised phrases.

    Who carried the story (its publisher, a news agency) says nothing of what it is about: two
    stories of one wire share it whatever their events, so those names do not count."""
    entities = _get(article, "entities", []) or []
    carriers = {" ".join(str(n).lower().split()) for n in (_get(article, "publisher", None), _get(article, "wire", None)) if n}
    names: Counter[str] = Counter()
    for entity in entities:
        name = entity.get("name") if isinstance(entity, Mapping) else getattr(entity, "name", None)
        if not name or " ".join(name.lower().split()) in carriers or canonical_agency(name):
            continue
        mentions = entity.get("mentions") if isinstance(entity, Mapping) else getattr(entity, "mentions", None)
        weight = max(1, len(mentions or []))
        key = " ".join(name.lower().split())
        names[key] += weight
        parts = key.split()
        if len(parts) > 1:
            for part in parts:
                if part not in _CAP_STOP and len(part) > 1:
                    names[part] += weight
    if names:
        return names
    headline, body = article_text(article)
    return capitalised_phrases(headline + ".\n" + body)


# ---------------------------------------------------------------------------------------------
# The incremental linker


class _OpenIndex:
    """The open articles' term and entity weights as flat arrays, for scoring one article against all.

    Scoring compares a new article with every open one under the current document frequencies,
    which change with each article; a dict walk per open article in Python grew with the window
    (5,000 articles over six months: 90 s, most of ``wiretrace link``). Here it is a few array
    operations per article. Terms, entity names and stories get column numbers; ``df``/``ent_df``
    mirror the linker's counters and ``last`` each story's latest day, by column. Open articles
    are rows, in the linker's ``_open`` order.
    """

    def __init__(self) -> None:
        self.terms: dict[str, int] = {}
        self.names: dict[str, int] = {}
        self.stories: dict[str, int] = {}
        self.story_ids: list[str] = []
        self.df = np.zeros(0)
        self.ent_df = np.zeros(0)
        self.last = np.zeros(0)
        self.rows = 0
        #: Each open article's story column, and one entry per (article, term) and (article, name).
        self.row_story = np.zeros(0, dtype=np.int64)
        self.term_cols, self.term_rows, self.tf = np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), np.zeros(0)
        self.name_cols, self.name_rows = np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)

    @staticmethod
    def _columns(table: dict[str, int], keys: Iterable[str]) -> np.ndarray:
        return np.fromiter((table.setdefault(k, len(table)) for k in keys), dtype=np.int64)

    def count(self, terms: Iterable[str], names: Iterable[str]) -> None:
        """One more article holds these terms and names (as the linker's ``df``/``ent_df``)."""
        term_cols, name_cols = self._columns(self.terms, terms), self._columns(self.names, names)
        self._grow()
        self.df[term_cols] += 1
        self.ent_df[name_cols] += 1

    def _grow(self) -> None:
        self.df, self.ent_df = _grown(self.df, len(self.terms)), _grown(self.ent_df, len(self.names))
        self.last = _grown(self.last, len(self.stories))

    def story(self, story: Story) -> None:
        """Note a story's latest day."""
        if story.id not in self.stories:
            self.stories[story.id] = len(self.story_ids)
            self.story_ids.append(story.id)
            self._grow()
        self.last[self.stories[story.id]] = story.last

    def append(self, doc: _Doc) -> None:
        """An open article (its story noted already)."""
        term_cols, name_cols = self._columns(self.terms, doc.tf), self._columns(self.names, doc.ents)
        self._grow()  # (a restored state's articles may hold terms the counters do not: they count 0)
        self.term_cols = np.concatenate([self.term_cols, term_cols])
        self.tf = np.concatenate([self.tf, np.fromiter(doc.tf.values(), dtype=np.float64, count=len(doc.tf))])
        self.term_rows = np.concatenate([self.term_rows, np.full(len(term_cols), self.rows)])
        self.name_cols = np.concatenate([self.name_cols, name_cols])
        self.name_rows = np.concatenate([self.name_rows, np.full(len(name_cols), self.rows)])
        self.row_story = np.append(self.row_story, self.stories[doc.story])
        self.rows += 1

    def keep(self, kept: np.ndarray) -> None:
        """Keep the open articles whose ``kept`` is true."""
        renumbered = np.cumsum(kept) - 1
        terms, names = kept[self.term_rows], kept[self.name_rows]
        self.term_cols, self.tf = self.term_cols[terms], self.tf[terms]
        self.term_rows = renumbered[self.term_rows[terms]]
        self.name_cols, self.name_rows = self.name_cols[names], renumbered[self.name_rows[names]]
        self.row_story = self.row_story[kept]
        self.rows = int(kept.sum())


def _lookup(columns: Mapping[str, int], keys: Iterable[str], idf: np.ndarray,
            unseen: float) -> tuple[np.ndarray, np.ndarray]:
    """The column of each key (-1 when it has none) and its idf (``unseen`` for those)."""
    cols = np.fromiter((columns.get(k, -1) for k in keys), dtype=np.int64)
    return cols, np.where(cols >= 0, idf[np.maximum(cols, 0)] if len(idf) else unseen, unseen)


def _grown(counts: np.ndarray, size: int) -> np.ndarray:
    return counts if len(counts) >= size else np.concatenate([counts, np.zeros(size - len(counts))])


class StoryLinker:
    """Assigns articles to stories one at a time, in the order given (which should be date order)."""

    def __init__(self, config: StoriesConfig = StoriesConfig()):
        self.config = config
        self.n_docs = 0
        self.df: Counter[str] = Counter()
        self.n_ent_docs = 0
        self.ent_df: Counter[str] = Counter()
        self.stories: dict[str, Story] = {}
        self._open: list[_Doc] = []
        self._index = _OpenIndex()
        self._counter = 0

    # -- similarity pieces, with the current document frequencies --

    @staticmethod
    def _idf(df: np.ndarray | float, n_docs: int) -> np.ndarray | float:
        return np.log((1 + n_docs) / (1 + df)) + 1.0

    def score(self, article: ArticleLike) -> list[tuple[float, str]]:
        """``(score, story)`` for every open story, best first, without adding the article."""
        tf, ents, day = self._features(article)
        return self._scores(tf, ents, day)

    def _features(self, article: ArticleLike):
        headline, body = article_text(article)
        counts = term_counts(headline, body)
        tf = {t: 1.0 + math.log(k) for t, k in counts.items()}
        ents = dict(entity_names(article))
        return tf, ents, article_day(article)

    def _similarities(self, tf: Mapping[str, float], ents: Mapping[str, int]) -> tuple[np.ndarray, np.ndarray]:
        """Per open article: the TF-IDF cosine with ``tf``, and the idf-weighted overlap of entity names
        ``|A ∩ B|_w / min(|A|_w, |B|_w)`` with ``ents`` (0 when either has none)."""
        index, n = self._index, self._index.rows
        idf = self._idf(index.df, self.n_docs)
        cols, query_idf = _lookup(index.terms, tf, idf, self._idf(0.0, self.n_docs))
        query_weights = np.fromiter(tf.values(), dtype=np.float64, count=len(tf)) * query_idf
        query_norm = math.sqrt(float(query_weights @ query_weights)) or 1.0
        query = np.zeros(len(idf))
        query[cols[cols >= 0]] = query_weights[cols >= 0] / query_norm
        doc_weights = index.tf * idf[index.term_cols]
        norms = np.sqrt(np.bincount(index.term_rows, doc_weights * doc_weights, minlength=n))
        norms[norms == 0] = 1.0
        text = np.bincount(index.term_rows, doc_weights * query[index.term_cols], minlength=n) / norms
        if not ents or not len(index.name_cols):
            return text, np.zeros(n)
        ent_idf = self._idf(index.ent_df, self.n_ent_docs)
        cols, own_idf = _lookup(index.names, ents, ent_idf, self._idf(0.0, self.n_ent_docs))
        mine = np.zeros(len(ent_idf), dtype=bool)
        mine[cols[cols >= 0]] = True
        name_idf = ent_idf[index.name_cols]
        theirs = np.bincount(index.name_rows, name_idf, minlength=n)
        shared = np.bincount(index.name_rows, name_idf * mine[index.name_cols], minlength=n)
        smaller = np.minimum(float(own_idf.sum()), theirs)
        return text, np.divide(shared, smaller, out=np.zeros(n), where=smaller > 0)

    def _story_scores(self, tf, ents, day) -> tuple[np.ndarray, np.ndarray]:
        """``(story columns, scores)`` of the open stories within ``max_gap_days`` of ``day``."""
        c, index = self.config, self._index
        if not index.rows:
            return np.zeros(0, dtype=np.int64), np.zeros(0)
        text, entity = self._similarities(tf, ents)
        # A story matches as well as its best article on each measure.
        best_text, best_entity = np.full(len(index.story_ids), -1.0), np.full(len(index.story_ids), -1.0)
        np.maximum.at(best_text, index.row_story, text)
        np.maximum.at(best_entity, index.row_story, entity)
        stories = np.unique(index.row_story)
        gap = np.abs(day - index.last[stories]) if day is not None else np.zeros(len(stories))
        near = gap <= c.max_gap_days
        stories, gap = stories[near], gap[near]
        decay = 0.5 ** (np.maximum(0.0, gap - c.grace_days) / c.half_life_days)
        return stories, ((1.0 - c.entity_weight) * best_text[stories]
                         + c.entity_weight * best_entity[stories]) * decay

    def _scores(self, tf, ents, day) -> list[tuple[float, str]]:
        stories, scores = self._story_scores(tf, ents, day)
        ids = self._index.story_ids
        return sorted(zip(scores.tolist(), (ids[s] for s in stories)), key=lambda t: (-t[0], t[1]))

    def _best(self, tf, ents, day) -> tuple[float, str] | None:
        """The best-scoring open story (ties: the least id, as :meth:`score` orders them)."""
        stories, scores = self._story_scores(tf, ents, day)
        if not len(scores):
            return None
        top = scores.max()
        return float(top), min(self._index.story_ids[s] for s in stories[scores == top])

    def add(self, ident: Hashable, article: ArticleLike) -> Assignment:
        """Assign one article: it joins the best open story scoring >= threshold, else starts one."""
        tf, ents, day = self._features(article)
        # Frequencies include the new article before scoring, as a batch idf would.
        self.n_docs += 1
        self.df.update(tf.keys())
        if ents:
            self.n_ent_docs += 1
            self.ent_df.update(ents.keys())
        self._index.count(tf.keys(), ents.keys())
        if day is not None:
            self._close_stale(day)
        best = self._best(tf, ents, day)
        if best is not None and best[0] >= self.config.threshold:
            score, sid = best
            new = False
        else:
            self._counter += 1
            sid, score, new = f"story-{self._counter}", None, True
            self.stories[sid] = Story(sid, [], day or 0.0, day or 0.0)
        story = self.stories[sid]
        story.members.append(ident)
        if day is not None:
            story.last = max(story.last, day) if story.members[:-1] else day
            story.first = min(story.first, day) if story.members[:-1] else day
        doc = _Doc(ident, day if day is not None else story.last, tf, ents, sid)
        self._open.append(doc)
        self._index.story(story)
        self._index.append(doc)
        return Assignment(ident, sid, None if score is None else round(score, 4), new)

    def _close_stale(self, day: float) -> None:
        limit = self.config.max_gap_days
        index = self._index
        kept = day - index.last[index.row_story] <= limit
        if not kept.all():
            self._open = [d for d, k in zip(self._open, kept.tolist()) if k]
            index.keep(kept)

    def state(self) -> dict[str, Any]:
        """JSON-serialisable state (frequencies, open articles, stories) for :meth:`from_state`."""
        return {
            "config": asdict(self.config),
            "n_docs": self.n_docs, "df": dict(self.df),
            "n_ent_docs": self.n_ent_docs, "ent_df": dict(self.ent_df),
            "counter": self._counter,
            "stories": [asdict(s) for s in self.stories.values()],
            "open": [asdict(d) for d in self._open],
        }

    @classmethod
    def from_state(cls, state: Mapping[str, Any]) -> "StoryLinker":
        linker = cls(StoriesConfig(**state["config"]))
        linker.n_docs, linker.df = state["n_docs"], Counter(state["df"])
        linker.n_ent_docs, linker.ent_df = state["n_ent_docs"], Counter(state["ent_df"])
        linker._counter = state["counter"]
        linker.stories = {s["id"]: Story(**s) for s in state["stories"]}
        linker._open = [_Doc(**d) for d in state["open"]]
        index = linker._index
        for counts, table in ((linker.df, index.terms), (linker.ent_df, index.names)):
            index._columns(table, counts)
        index.df = np.array([linker.df[t] for t in index.terms], dtype=np.float64)
        index.ent_df = np.array([linker.ent_df[n] for n in index.names], dtype=np.float64)
        for doc in linker._open:
            index.story(linker.stories[doc.story])
            index.append(doc)
        return linker


def date_order(items: Iterable[tuple[Hashable, ArticleLike]]) -> list[tuple[Hashable, ArticleLike]]:
    """Items sorted by publication time (undated last), ties kept in input order."""
    listed = list(items)
    return sorted(listed, key=lambda item: (article_day(item[1]) is None, article_day(item[1]) or 0.0))


def cluster_stories(articles: Mapping[Hashable, ArticleLike] | Iterable[ArticleLike],
                    config: StoriesConfig = StoriesConfig(), *, in_order: bool = False) -> dict[Hashable, str]:
    """``{id: story}`` for a batch, fed to :class:`StoryLinker` in date order (or as given with ``in_order``).

    ``articles`` is a mapping id -> record, or an iterable of records (ids are positions).
    """
    items = list(articles.items()) if isinstance(articles, Mapping) else list(enumerate(articles))
    if not in_order:
        items = date_order(items)
    linker = StoryLinker(config)
    return {ident: linker.add(ident, article).story for ident, article in items}


def story_number(story_id: str) -> int | None:
    """The ``N`` of a ``story-N`` id, else ``None``."""
    prefix, _, number = story_id.rpartition("-")
    return int(number) if prefix == "story" and number.isdigit() else None


def keep_story_ids(stories: Mapping[str, Iterable[Hashable]], previous: Mapping[Hashable, str],
                   issued: Iterable[str] = ()) -> tuple[dict[str, str], dict[str, str]]:
    """Ids for a new clustering's ``stories`` (label -> members) that keep the ids members had before.

    ``previous`` maps a member to the story id it had; ``issued`` holds every id ever given out.
    A story keeps the old id most of its members had (an old id goes to the story holding most
    of its members; ties to the older id); a story with no old id left gets ``story-N`` past every
    id issued, so an id never comes to mean another story. Returns ``({label: id}, merged)``,
    ``merged`` mapping each old id no story kept to the id of the story holding most of its members.
    """
    members = {label: list(idents) for label, idents in stories.items()}
    overlap: Counter[tuple[str, str]] = Counter()
    for label, idents in members.items():
        for ident in idents:
            if ident in previous:
                overlap[label, previous[ident]] += 1

    def age(old: str) -> tuple[float, str]:
        number = story_number(old)
        return (number if number is not None else math.inf, old)

    ids: dict[str, str] = {}
    kept: set[str] = set()
    for (label, old), _ in sorted(overlap.items(), key=lambda item: (-item[1], age(item[0][1]), item[0][0])):
        if label not in ids and old not in kept:
            ids[label] = old
            kept.add(old)
    numbers = [story_number(i) for i in [*issued, *previous.values()]]
    last = max((n for n in numbers if n is not None), default=0)
    for label in members:  # in the order the stories started
        if label not in ids:
            last += 1
            ids[label] = f"story-{last}"
    merged: dict[str, str] = {}
    for (label, old), _ in sorted(overlap.items(), key=lambda item: (-item[1], item[0][0])):
        if old not in kept and old not in merged:
            merged[old] = ids[label]
    return ids, merged
