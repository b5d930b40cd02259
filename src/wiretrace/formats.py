"""Output formats for article records: JSON Lines, a JSON array, plain text and IPTC ninjs 3.0.

Writers stream: each record is written as soon as it is made, so memory stays flat however
many pages a run handles. Non-ASCII text is written as-is, never as ``\\u`` escapes.
"""

from __future__ import annotations

import hashlib
import json
from datetime import datetime
from typing import Any, TextIO
from urllib.parse import quote, urlsplit

from wiretrace.extract.wire import RELEASE_SERVICES
from wiretrace.record import Article
from wiretrace.urls import web_address

FORMATS = ("jsonl", "json", "text", "ninjs")

NINJS_SCHEMA = "http://www.iptc.org/std/ninjs/ninjs-schema_3.0.json"


def dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False)


# What RFC 3986 leaves unescaped in a URI besides letters, digits and "-._" (its reserved characters and "%").
_URI_SAFE = "!#$%&'()*+,/:;=?@[]~"


def _uri(url: str | None, base: str | None = None) -> str | None:
    """``url`` (resolved against ``base``) as the absolute URI a ninjs ``uri`` must be: spaces and
    non-ASCII characters percent-encoded, an international host in its ASCII form. None for
    anything but a web address (a relative link with no base, "javascript:void(0)")."""
    address = web_address(url, base)
    if address is None:
        return None
    parts = urlsplit(address)
    if not parts.netloc.isascii():
        try:
            port = f":{parts.port}" if parts.port else ""
            parts = parts._replace(netloc=parts.hostname.encode("idna").decode("ascii") + port)
        except UnicodeError:  # a host IDNA cannot spell
            return None
    return quote(parts.geturl(), safe=_URI_SAFE)


def _date_time(value: str | None) -> str | None:
    """``value`` when it is a date-time with its UTC offset, as ninjs dates must be (RFC 3339); a
    bare date or a time whose zone the page did not give is none (an offset is never invented)."""
    if not value or "T" not in value:
        return None
    try:
        return value if datetime.fromisoformat(value).tzinfo is not None else None
    except ValueError:
        return None


def to_ninjs(article: Article) -> dict[str, Any]:
    """The record as an IPTC ninjs 3.0 news item (the fields ninjs defines; nothing is invented)."""
    uri = _uri(article.url) or f"urn:wiretrace:{hashlib.sha1(article.source.encode()).hexdigest()}"
    item: dict[str, Any] = {
        "$standard": {"name": "ninjs", "version": "3.0", "schema": NINJS_SCHEMA},
        "uri": uri,
        "type": "text",
        "representationtype": "complete",
        "pubstatus": "usable",
    }
    if article.language:
        item["language"] = article.language
    published, updated = _date_time(article.published), _date_time(article.updated)
    if published:
        item["firstcreated"] = published
        item["contentcreated"] = published
    if updated or published:
        item["versioncreated"] = updated or published
    if article.headline:
        item["headlines"] = [{"role": "main", "value": article.headline, "contenttype": "text/plain"}]
    if article.dek:
        item["descriptions"] = [{"role": "summary", "value": article.dek, "contenttype": "text/plain"}]
    if article.body:
        text = article.text
        item["bodies"] = [{
            "role": "main", "contenttype": "text/plain", "value": text,
            "charcount": len(text), "wordcount": len(text.split()),
        }]
    if article.authors:
        item["by"] = ", ".join(article.authors)
        item["people"] = [{"name": name, "rel": "author"} for name in article.authors]
    infosources = []
    if article.publisher:
        infosources.append({"name": article.publisher, "role": "publisher"})
    release = article.wire in RELEASE_SERVICES
    if article.wire:
        infosources.append({"name": article.wire, "role": "distributor" if release else "originating agency"})
    if infosources:
        item["infosources"] = infosources
    if article.tags:
        item["subjects"] = [{"name": tag} for tag in article.tags]
    genres = [{"name": article.section}] if article.section else []
    if release:  # (IPTC's genre for an organisation's own statement)
        genres.append({"name": "Press release", "uri": "http://cv.iptc.org/newscodes/genre/PressRelease"})
    if genres:
        item["genres"] = genres
    pictures = [(uri, image) for image in article.images if (uri := _uri(image.url, _uri(article.url)))]
    if pictures:
        item["associations"] = [
            {"name": f"image{i + 1}", "type": "picture", "uri": uri,
             **({"descriptions": [{"role": "caption", "value": image.caption}]} if image.caption else {}),
             **({"copyrightholder": image.credit} if image.credit else {})}
            for i, (uri, image) in enumerate(pictures)
        ]
    if article.url:
        item["altids"] = [{"role": "url", "value": article.url}]
    return item


#: Control characters (C0, DEL, C1) in what a page or a file name says, as shown on a terminal:
#: a visible mark, never an escape sequence the terminal would obey.
_UNPRINTABLE = dict.fromkeys((*range(0x20), *range(0x7F, 0xA0)), "\ufffd")


def to_text(article: Article) -> str:
    """The record as a person reads it: where it came from, the headline and dek, who wrote it
    and when, its URL, its fact-checks' verdicts and its corrections (as worded: "Correction, Nov.
    15, 2019: ..."), then the paragraphs, a blank line apart."""
    credits = [f"By {', '.join(article.authors)}" if article.authors else None, article.publisher,
               article.wire if article.wire != article.publisher else None,
               f"published {article.published}" if article.published else None,
               f"updated {article.updated}" if article.updated else None]
    verdicts = [f"Fact-check: {review.claim or '(claim not stated)'} -> {review.rating or '(no verdict stated)'}"
                + (f" ({review.rated_by})" if review.rated_by else "") for review in article.claim_reviews]
    head = [f"# {article.source}", article.headline, article.dek, " | ".join(c for c in credits if c), article.url,
            None if article.is_article else "(not an article)", *verdicts, *article.corrections]
    text = "\n".join(line.translate(_UNPRINTABLE) for line in head if line)
    if article.body:
        text += "\n\n" + "\n\n".join(paragraph.translate(_UNPRINTABLE) for paragraph in article.body)
    return text + "\n"


class RecordWriter:
    """Writes records one at a time in one of :data:`FORMATS`; call :meth:`close` at the end."""

    def __init__(self, out: TextIO, fmt: str = "jsonl"):
        if fmt not in FORMATS:
            raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
        self.out = out
        self.fmt = fmt
        self.count = 0

    def write(self, article: Article) -> None:
        if self.fmt == "jsonl":
            self.out.write(dumps(article.to_dict()) + "\n")
        elif self.fmt == "ninjs":
            self.out.write(dumps(to_ninjs(article)) + "\n")
        elif self.fmt == "text":
            self.out.write(("\n\n" if self.count else "") + to_text(article))
        else:
            self.out.write(("[\n" if self.count == 0 else ",\n") + json.dumps(article.to_dict(), ensure_ascii=False, indent=2))
        self.count += 1
        self.out.flush()

    def close(self) -> None:
        if self.fmt == "json":
            self.out.write("[]\n" if self.count == 0 else "\n]\n")
        self.out.flush()
