"""Output formats for article records: JSON Lines, a JSON array, plain text and IPTC ninjs 3.0.

Writers stream: each record is written as soon as it is made, so memory stays flat however
many pages a run handles. Non-ASCII text is written as-is, never as ``\\u`` escapes.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any, TextIO

from wiretrace.record import Article

FORMATS = ("jsonl", "json", "text", "ninjs")

NINJS_SCHEMA = "http://www.iptc.org/std/ninjs/ninjs-schema_3.0.json"


def dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False)


def to_ninjs(article: Article) -> dict[str, Any]:
    """The record as an IPTC ninjs 3.0 news item (the fields ninjs defines; nothing is invented)."""
    uri = article.url or f"urn:wiretrace:{hashlib.sha1(article.source.encode()).hexdigest()}"
    item: dict[str, Any] = {
        "$standard": {"name": "ninjs", "version": "3.0", "schema": NINJS_SCHEMA},
        "uri": uri,
        "type": "text",
        "representationtype": "complete",
        "pubstatus": "usable",
    }
    if article.language:
        item["language"] = article.language
    if article.published:
        item["firstcreated"] = article.published
        item["contentcreated"] = article.published
    if article.updated or article.published:
        item["versioncreated"] = article.updated or article.published
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
    if article.wire:
        infosources.append({"name": article.wire, "role": "originating agency"})
    if infosources:
        item["infosources"] = infosources
    if article.tags:
        item["subjects"] = [{"name": tag} for tag in article.tags]
    if article.section:
        item["genres"] = [{"name": article.section}]
    if article.images:
        item["associations"] = [
            {"name": f"image{i + 1}", "type": "picture", "uri": img.url,
             **({"descriptions": [{"role": "caption", "value": img.caption}]} if img.caption else {}),
             **({"copyrightholder": img.credit} if img.credit else {})}
            for i, img in enumerate(article.images) if img.url
        ] or None
        if item["associations"] is None:
            del item["associations"]
    if article.url:
        item["altids"] = [{"role": "url", "value": article.url}]
    return item


def to_text(article: Article) -> str:
    lines = [f"# {article.source}"]
    if article.headline:
        lines.append(article.headline)
    if article.dek:
        lines.append(article.dek)
    lines.append("")
    lines.extend(article.body)
    return "\n".join(lines) + "\n"


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
            self.out.write(("\n" if self.count else "") + to_text(article))
        else:
            self.out.write(("[\n" if self.count == 0 else ",\n") + json.dumps(article.to_dict(), ensure_ascii=False, indent=2))
        self.count += 1
        self.out.flush()

    def close(self) -> None:
        if self.fmt == "json":
            self.out.write("[]\n" if self.count == 0 else "\n]\n")
        self.out.flush()
