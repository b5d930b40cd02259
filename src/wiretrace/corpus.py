"""Corpus-wide stages over the store: syndication groups, stories, and claims across articles.

:mod:`wiretrace.link` holds the pure algorithms; this module feeds them from the store and
writes their answers back (syndication group, group wire, story id), and assembles a claim's
timeline from the articles that report it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

from wiretrace.link import link_stream
from wiretrace.link.claims import claim_stems
from wiretrace.link.stories import StoryLinker, article_day, date_order, keep_story_ids
from wiretrace.store import Store
from wiretrace.store.queries import get_claim, shown_ids


def _current_rows(store: Store) -> list[dict[str, Any]]:
    """Current articles, each with the story it was last linked to (a new version's: its page's)."""
    return [dict(r) for r in store.conn.execute(
        "SELECT id, published, wire, coalesce(story_id, (SELECT v.story_id FROM articles v WHERE v.key = a.key "
        "AND v.story_id IS NOT NULL ORDER BY v.version DESC LIMIT 1)) AS story_id "
        "FROM articles a WHERE is_current = 1 AND is_article = 1 ORDER BY id")]


def _record(store: Store, article_id: int) -> dict[str, Any]:
    row = store.conn.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
    return Store._record(row, {"entities": store._items("entities", [article_id]).get(article_id, [])})


@dataclass(slots=True)
class LinkSummary:
    articles: int = 0
    groups: int = 0
    wire_filled: int = 0
    stories: int = 0

    def __str__(self) -> str:
        return (f"{self.articles} articles: {self.groups} syndication groups of 2+, "
                f"{self.wire_filled} wire credits filled from their group, {self.stories} stories")


def link_corpus(store: Store) -> LinkSummary:
    """Group wire copies and cluster stories over the store's current articles; write both back.

    Syndication streams signatures (records are fetched again one group at a time); stories are
    clustered afresh in date order, and each keeps the id its articles had
    (:func:`~wiretrace.link.stories.keep_story_ids`), so re-running after new articles arrive,
    older ones included, extends the same stories under the same ids.
    """
    rows = _current_rows(store)
    summary = LinkSummary(articles=len(rows))
    ids = [r["id"] for r in rows]
    result = link_stream(((i, _record(store, i)) for i in ids), lambda i: _record(store, i))
    # An undated copy of a wire story is as old as its group's first copy: so dated, it meets its
    # story when that is open, not after every dated article, when the story may be long closed.
    group_dates = {member: group.earliest for group in result.groups if group.earliest and len(group.members) > 1
                   for member in group.members}
    published = {r["id"]: r["published"] if article_day(r) is not None else group_dates.get(r["id"], r["published"])
                 for r in rows}

    def dated(ident: int) -> dict[str, Any]:
        return {**_record(store, ident), "published": published[ident]}

    # Only (id, published) pairs are sorted in memory; each record is read when its turn comes,
    # and the linker itself keeps only the stories still open.
    linker = StoryLinker()
    stories = {ident: linker.add(ident, dated(ident)).story
               for ident, _ in date_order([(i, {"published": day}) for i, day in published.items()])}
    members: dict[str, list[int]] = {}
    for ident, label in stories.items():
        members.setdefault(label, []).append(ident)
    ids, merged = keep_story_ids(members, {r["id"]: r["story_id"] for r in rows if r["story_id"] is not None},
                                 store.story_ids())
    stories = {ident: ids[label] for ident, label in stories.items()}
    with store.transaction():
        store.record_story_ids(ids.values(), merged)
        for group in result.groups:
            if len(group.members) > 1:
                summary.groups += 1
        for article_id, verdict in result.pages.items():
            fill = verdict.wire if verdict.wire_from == "group" else None
            summary.wire_filled += fill is not None
            store.set_story(article_id, story_id=stories[article_id], syndication_group=verdict.group, wire=fill)
    summary.stories = len(set(stories.values()))
    return summary


# --- claims across articles ------------------------------------------------------------------


def _utc(stamp: str | None) -> datetime:
    if not stamp:
        return datetime.max.replace(tzinfo=timezone.utc)
    try:
        value = datetime.fromisoformat(stamp)
    except ValueError:
        return datetime.max.replace(tzinfo=timezone.utc)
    return value if value.tzinfo else value.replace(tzinfo=timezone.utc)


@dataclass(slots=True)
class ClaimStep:
    """One article's report of the claim: who, on what basis, with what status, and the evidence."""

    published: str | None
    outlet: str | None
    article_id: str
    headline: str | None
    reported_by: str | None
    anonymous: bool
    basis: str | None
    wire: str | None
    status: str
    status_by: str | None
    evidence: str | None
    text: str
    #: Every answer to the claim this article reports ({status, by, evidence}), in its order.
    responses: list[dict[str, Any]] = field(default_factory=list)


@dataclass(slots=True)
class ClaimTimeline:
    claim: str
    first_seen: ClaimStep | None = None
    reported_by: list[str] = field(default_factory=list)
    anonymous: bool = False
    carried_by: list[str] = field(default_factory=list)
    steps: list[ClaimStep] = field(default_factory=list)
    #: The statuses it took, in the order first seen: "reported", then each status it reached
    #: ("reported -> not_confirmed -> denied"); an outlet that repeats the bare claim later undoes none.
    statuses: list[str] = field(default_factory=list)


def claim_timeline(store: Store, query: str, limit: int = 200) -> ClaimTimeline | None:
    """The claim best matching ``query``, followed through every article that reports it (one step
    per article, at most ``limit``), in time order.

    The steps are the timeline of the claim's web page and REST resource (:func:`wiretrace.store.queries.get_claim`):
    one rule finds the articles and picks each one's strongest status, whichever way a timeline is asked for.
    """
    seed = _best_claim(store, query)
    if seed is None:
        return None
    found = get_claim(store.conn, seed["id"])
    if found is None:
        return None
    entries = found["timeline"][:limit]
    claims = _rows(store, "SELECT id, data FROM claims", [e["claim_id"] for e in entries])
    article_ids = shown_ids(store.conn, [e["article_id"] for e in entries])
    steps = []
    for entry in entries:
        claim = json.loads(claims[entry["claim_id"]]["data"])
        steps.append(ClaimStep(
            published=entry["published"], outlet=entry["publisher"], article_id=article_ids[entry["article_id"]],
            headline=entry["headline"], reported_by=entry["reported_by"], anonymous=bool(claim.get("anonymous")),
            basis=claim.get("basis"), wire=entry["wire"], status=entry["status"], status_by=entry["status_by"],
            evidence=claim.get("evidence"), text=claim.get("text") or "", responses=entry["responses"]))
    timeline = ClaimTimeline(claim=found["text"], steps=steps, statuses=found["status_path"])
    if steps:
        timeline.first_seen = steps[0]
    for step in steps:
        if step.reported_by and step.reported_by not in timeline.reported_by:
            timeline.reported_by.append(step.reported_by)
        for name in (step.wire, step.outlet):
            if name and name not in timeline.carried_by:
                timeline.carried_by.append(name)
        timeline.anonymous = timeline.anonymous or step.anonymous
    return timeline


def _rows(store: Store, select: str, ids: list[int]) -> dict[int, Any]:
    """The rows of ``select`` whose id is in ``ids``, by id."""
    marks = ",".join("?" * len(ids))
    return {row["id"]: row for row in store.conn.execute(f"{select} WHERE id IN ({marks})", ids)} if ids else {}


def _best_claim(store: Store, query: str) -> dict[str, Any] | None:
    """The stored claim whose text shares most words with ``query``, in any of their forms (ties:
    the earliest article's)."""
    wanted = claim_stems(query)
    best, best_score = None, 0.0
    for row in store.conn.execute("SELECT c.id, c.text, c.reported_by, a.published, a.story_id FROM claims c "
                                  "JOIN articles a ON a.id = c.article_id WHERE a.is_current = 1"):
        score = len(wanted & claim_stems(row["text"])) / max(1, len(wanted))
        if score > best_score or (score == best_score and best and _utc(row["published"]) < _utc(best["published"])):
            best, best_score = dict(row), score
    return best if best_score >= 0.5 else None
