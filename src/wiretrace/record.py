"""The article record: the one data type every stage of wiretrace reads and writes.

Its JSON form (:meth:`Article.to_dict`) is a public contract: users script against the key
names, so add keys freely but never rename or remove one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields
from typing import Any, Literal

InputKind = Literal["html", "text"]

#: Categories a removed boilerplate block can carry. ``other`` is the catch-all.
BOILERPLATE_CATEGORIES = (
    "navigation",
    "share",
    "promo",
    "related",
    "disclaimer",
    "caption",
    "footer",
    "byline",
    "dateline",
    "timestamp",
    "tags",
    "newsletter",
    "advert",
    "comment",
    "other",
)


@dataclass(slots=True)
class Page:
    """One raw input page as a reader delivers it, before extraction."""

    source: str
    content: str
    url: str | None = None
    #: Problems the reader met (undecodable bytes, a guessed encoding), carried into the record.
    warnings: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Origin:
    """Where in its input an ingested page was found."""

    file: str
    offset: int | None = None  # byte offset of a WARC/ARC record
    line: int | None = None  # 1-based JSONL line
    item: int | None = None  # 1-based feed item

    def __str__(self) -> str:
        if self.offset is not None:
            return f"{self.file}@{self.offset}"
        if self.line is not None:
            return f"{self.file}:{self.line}"
        if self.item is not None:
            return f"{self.file}#{self.item}"
        return self.file


@dataclass(slots=True)
class SourcedPage(Page):
    """A :class:`Page` with its origin, the input's own id, and what else it said.

    ``article`` is set when the reader already has a clean record (a JSONL line with plain
    text, a feed item): it is stored without running extraction. ``overrides`` are record fields
    the input states outright (title, published, outlet) and win over extracted ones.
    ``fingerprint`` is everything the input said about the page, canonically serialised, when
    that is more than its URL and content (a JSONL line, a feed item): its hash is the page's
    content hash, so any change to the input, and nothing else, makes a new version.
    """

    origin: Origin | None = None
    input_id: str | None = None
    article: Article | None = None
    overrides: dict[str, Any] = field(default_factory=dict)
    fingerprint: str | None = None


@dataclass(slots=True)
class FeedLink:
    """A feed item without content: it stands for the page at ``url`` if this ingest has one."""

    source: str
    url: str
    origin: Origin
    input_id: str | None = None


@dataclass(slots=True)
class Image:
    url: str | None = None
    caption: str | None = None
    credit: str | None = None


@dataclass(slots=True)
class RelatedLink:
    headline: str
    url: str | None = None


@dataclass(slots=True)
class Boilerplate:
    """A line or block removed from the article body, kept so a reader can audit the removal."""

    text: str
    category: str = "other"


#: Offsets are ``[start, end]`` pairs (end excluded) into :attr:`Article.text`.
Spans = list[list[int]]

SOURCE_TYPES = ("person", "organisation", "media", "document", "anonymous")
CLAIM_STATUSES = ("asserted", "confirmed", "denied", "not_confirmed", "declined_to_comment", "disputed")


@dataclass(slots=True)
class ClaimReview:
    """A fact-checker's verdict on a claim, as the page's markup states it (schema.org ClaimReview)."""

    claim: str | None = None
    #: The verdict as the fact-checker words it: "False", "Mostly true", "Unproven".
    rating: str | None = None
    #: The fact-checking organisation (or person).
    rated_by: str | None = None
    #: Who made the claim, where the review names them.
    claimant: str | None = None
    #: When the review was published (ISO 8601, as the record's other dates).
    date: str | None = None
    url: str | None = None


@dataclass(slots=True)
class Entity:
    """A person, organisation or place, with every mention of it in the article text."""

    name: str
    type: str  # PERSON | ORG | PLACE
    mentions: Spans = field(default_factory=list)
    #: Other spellings seen for it ("Putin", "Kiev" for "Kyiv").
    aliases: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Attribution:
    """Who (source) said, thought or wanted (cue) what (content), with offsets into the text."""

    source: Spans = field(default_factory=list)
    cue: Spans = field(default_factory=list)
    content: Spans = field(default_factory=list)
    kind: str = "indirect"  # direct | indirect | mixed
    source_text: str | None = None
    #: The entity the source resolves to ("Peskov", "he" -> "Dmitry Peskov").
    source_entity: str | None = None
    source_type: str | None = None  # one of SOURCE_TYPES
    anonymous: bool = False
    #: For a chain ("citing unnamed sources ..., Kommersant said"): whom the source relied on.
    basis: str | None = None
    status: str = "asserted"  # one of CLAIM_STATUSES
    #: Who settled the status (confirmed, denied, ...) and the sentence that says so.
    status_by: str | None = None
    evidence: str | None = None


@dataclass(slots=True)
class ClaimResponse:
    """One answer to a claim that the article reports: who confirmed, denied or did not confirm it,
    or declined to comment, and the sentence that says so."""

    status: str  # one of CLAIM_STATUSES but "asserted"
    by: str | None = None
    evidence: str | None = None


@dataclass(slots=True)
class Claim:
    """A claim made in the article, who reported it on what basis, and its status in this article."""

    text: str
    span: Spans = field(default_factory=list)
    reported_by: str | None = None
    source_type: str | None = None
    anonymous: bool = False
    basis: str | None = None
    #: Who carried the report onward: the wire agency and the publisher of this copy.
    carried_by: list[str] = field(default_factory=list)
    status: str = "asserted"
    #: Who confirmed, denied or did not confirm it, and the sentence that says so.
    status_by: str | None = None
    evidence: str | None = None
    #: Index into the article's attributions of the attribution the claim comes from.
    attribution: int | None = None
    #: Every answer to the claim the article reports, in its order ("the ministry denied it; the
    #: investor declined to comment; Reuters could not verify it"); ``status`` is what they add up to.
    responses: list[ClaimResponse] = field(default_factory=list)


@dataclass(slots=True)
class Article:
    """A clean, provenance-aware article record.

    Dates are ISO 8601 strings with a UTC offset (``2025-03-19T20:03:00+05:30``), or a bare
    date (``2025-03-19``) when the page gives no time, or ``None``.
    """

    source: str
    input_kind: InputKind
    url: str | None = None
    language: str | None = None
    headline: str | None = None
    dek: str | None = None
    body: list[str] = field(default_factory=list)
    published: str | None = None
    updated: str | None = None
    #: The page's own notes that the story was corrected, clarified or updated ("Correction, Nov. 15,
    #: 2019: This article originally misidentified ..."), as worded; the body keeps them where the
    #: page prints them.
    corrections: list[str] = field(default_factory=list)
    #: The fact-checks the page publishes on claims (a fact-check article's verdict, from its
    #: schema.org ClaimReview markup).
    claim_reviews: list[ClaimReview] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    publisher: str | None = None
    wire: str | None = None
    syndicated: bool = False
    syndication_evidence: str | None = None
    section: str | None = None
    breadcrumb: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    images: list[Image] = field(default_factory=list)
    related: list[RelatedLink] = field(default_factory=list)
    reading_time_minutes: int | None = None
    is_article: bool = True
    boilerplate: list[Boilerplate] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    #: Filled by analysis (``wiretrace analyze``); empty after extraction alone.
    entities: list[Entity] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)

    @property
    def text(self) -> str:
        """The body as one string, paragraphs separated by blank lines."""
        return "\n\n".join(self.body)

    def to_dict(self) -> dict[str, Any]:
        """The record's JSON form: what ``dataclasses.asdict`` gives, a fresh dict of fresh lists."""
        return _plain(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Article":
        known = {f.name for f in fields(cls)}
        values = {k: v for k, v in data.items() if k in known}
        values["images"] = [Image(**i) for i in values.get("images") or []]
        values["related"] = [RelatedLink(**r) for r in values.get("related") or []]
        values["claim_reviews"] = [ClaimReview(**c) for c in values.get("claim_reviews") or []]
        values["boilerplate"] = [Boilerplate(**b) for b in values.get("boilerplate") or []]
        values["entities"] = [Entity(**e) for e in values.get("entities") or []]
        values["attributions"] = [Attribution(**a) for a in values.get("attributions") or []]
        values["claims"] = [Claim(**{**c, "responses": [ClaimResponse(**r) for r in c.get("responses") or []]})
                            for c in values.get("claims") or []]
        return cls(**values)


def _plain(value: Any) -> Any:
    """``value`` with every dataclass made a dict and every list copied, as ``dataclasses.asdict``
    does. asdict also deep-copies each string and number (a no-op that costs more than the rest
    of the conversion); a record with hundreds of boilerplate blocks is written for each page."""
    if isinstance(value, list):
        return [_plain(item) for item in value] if value and not isinstance(value[0], str) else list(value)
    if hasattr(value, "__dataclass_fields__"):
        return {name: _plain(getattr(value, name)) for name in value.__dataclass_fields__}
    return value


# Chinese, Japanese and Korean run their words together: their characters are counted instead,
# two to a word (a Japanese reader's 400-600 characters a minute is 230 words' time). Kana,
# ideographs and Hangul only: their punctuation and full-width forms are no words.
_CJK_LETTER = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_CJK_CHARS_PER_WORD = 2


def count_words(text: str) -> int:
    """How many words ``text`` (single-spaced, as a tidied paragraph is) holds: its
    space-separated tokens, or for text in a script written without spaces, its characters'
    word equivalent (``_CJK_CHARS_PER_WORD``)."""
    words = text.count(" ") + 1 if text.strip() else 0
    if text.isascii():
        return words
    wide = len(_CJK_LETTER.findall(text))
    return max(words, wide // _CJK_CHARS_PER_WORD) if wide else words


def estimate_reading_time(body: list[str], words_per_minute: int = 230, words: int | None = None) -> int:
    """Minutes to read ``body`` at an adult's average silent-reading speed, at least 1.

    ``words`` is the body's word count (:func:`count_words`) where the caller has it already."""
    if words is None:
        words = sum(count_words(p) for p in body)
    return max(1, round(words / words_per_minute))


def unique_related(links: list[RelatedLink]) -> list[RelatedLink]:
    """``links`` without repeated headlines (a promo is often also listed under "Also Read")."""
    seen: set[str] = set()
    unique = []
    for link in links:
        key = " ".join(link.headline.lower().split())
        if key not in seen:
            seen.add(key)
            unique.append(link)
    return unique
