"""JSON Lines input: one page per line.

    {"id": "a1", "url": "https://...", "html": "<html>...", "title": "...", "published": "...", "outlet": "..."}
    {"id": "a2", "text": "First paragraph.\\n\\nSecond paragraph.", "title": "...", "outlet": "..."}

Every key but one of ``html``/``text`` is optional. The names news APIs and datasets use are read
too (``content``/``body``/``maintext`` for the text, ``headline``, ``link``, ``publishedAt``/``date``,
``source`` or ``publisher`` for the outlet, ``author``/``byline``, ``description`` for the dek:
see ``_FIELD_KEYS``), so a NewsAPI or news-please export ingests as it is. A line with neither ``id`` nor ``url`` is
identified by its content (:func:`~wiretrace.sources.inputs.content_id`), not by its line number,
so lines inserted above it leave it the same record. A line with ``html`` (or a ``text`` that is
really markup) is extracted like any page, and ``title``/``published``/``outlet`` then win over
what extraction found. A line with clean ``text`` is taken as the article body as it stands
(paragraphs split at blank lines, else at line breaks): no boilerplate removal runs on it.

A bad line (not JSON, not an object, no text) is an error naming the file and line; the
reader goes on with the next line. The file may be gzipped.
"""

from __future__ import annotations

import json
import re
import zlib
from collections.abc import Iterator
from typing import Any

from wiretrace.extract import detect_kind
from wiretrace.extract.dates import parse_date
from wiretrace.record import Origin, SourcedPage
from wiretrace.sources.inputs import content_id, fingerprint, open_bytes
from wiretrace.record import Article
from wiretrace.sources.files import InputError, path_name

#: A line longer than this is an error (a runaway line would otherwise be read whole into memory).
MAX_LINE_BYTES = 32 * 1024 * 1024

_BLANK_LINE = re.compile(r"\n\s*\n")
# JSON may escape half a UTF-16 pair ("\\ud800"), which Python keeps as a lone surrogate: no
# UTF-8 output takes one, so it becomes U+FFFD, as in a browser.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def paragraphs(text: str) -> list[str]:
    """Paragraphs of a clean text: split at blank lines, or at line breaks when there are none."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    parts = _BLANK_LINE.split(text) if _BLANK_LINE.search(text) else text.split("\n")
    return [" ".join(p.split()) for p in parts if p.strip()]


#: The keys each field is read from, first found first: wiretrace's own JSONL form (above), then the
#: names news APIs and datasets give it (NewsAPI, news-please, GDELT-style and CMS exports).
_FIELD_KEYS = {
    "id": ("id", "guid", "uuid"),
    "url": ("url", "link", "canonical_url", "canonicalUrl"),
    "html": ("html", "raw_html", "content_html"),
    "text": ("text", "content", "body", "maintext", "article", "article_text", "full_text", "fullText", "story"),
    "title": ("title", "headline"),
    "published": ("published", "publishedAt", "published_at", "date_publish", "datePublished", "pubDate", "date"),
    "outlet": ("outlet", "publisher", "source", "source_name", "site_name"),
    "author": ("author", "authors", "byline", "creator"),
    "dek": ("description", "summary", "standfirst", "subtitle"),
}
#: The keys of wiretrace's own form (whose lines keep the fingerprint they had before the other names were read).
_OWN_KEYS = ("id", "url", "html", "text", "title", "published", "outlet")


def _field(obj: dict[str, Any], name: str) -> str | None:
    """A field from the first of its keys present (a number for an id; a list of strings joined, as
    paragraphs for the text; a source given as an object by its name), or None."""
    for key in _FIELD_KEYS[name]:
        value = obj.get(key)
        if value is None:
            continue
        if key == "source":
            # ("source": {"id": null, "name": "Northstar Times"}; a "source" string may be where the
            # record was read from, as in wiretrace's own export, not its outlet)
            if not (isinstance(value, dict) and isinstance(value.get("name"), str)):
                continue
            value = value["name"]
        if name == "id" and isinstance(value, (int, float)) and not isinstance(value, bool):
            return str(value)
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            value = ("\n\n" if name == "text" else ", ").join(value)
        if not isinstance(value, str):
            raise ValueError(f'"{key}" must be a string, not {type(value).__name__}')
        return value if value.isascii() else _LONE_SURROGATE.sub("\ufffd", value)
    return None


def page_from_json(obj: Any, path: str, line: int) -> SourcedPage:
    """The page one JSONL line describes; raises :class:`ValueError` saying what is wrong with it."""
    if not isinstance(obj, dict):
        raise ValueError(f"not a JSON object but {type(obj).__name__}")
    input_id, url = _field(obj, "id"), _field(obj, "url")
    if input_id is None and not (url or "").strip():
        input_id = content_id(obj)
    html, text = _field(obj, "html"), _field(obj, "text")
    title, published, outlet = _field(obj, "title"), _field(obj, "published"), _field(obj, "outlet")
    author, dek = _field(obj, "author"), _field(obj, "dek")
    origin = Origin(path, line=line)
    source = str(origin)
    warnings: list[str] = []
    published_iso = parse_date(published) if published else None
    if published and not published_iso:
        warnings.append(f"published date not understood: {published[:80]}")
    overrides = {k: v for k, v in (("headline", title and " ".join(title.split())), ("published", published_iso),
                                   ("publisher", outlet and outlet.strip()), ("dek", dek and " ".join(dek.split())))
                 if v}
    # (Lines in wiretrace's own form keep the fingerprint they had before other names were read.)
    said = fingerprint({k: obj.get(k) for k in _OWN_KEYS}
                       | {k: obj[k] for keys in _FIELD_KEYS.values() for k in keys if k in obj and k not in _OWN_KEYS})
    if html is not None and html.strip():
        return SourcedPage(source, html, url, warnings, origin=origin, input_id=input_id, overrides=overrides,
                           fingerprint=said)
    if text is None or not text.strip():
        raise ValueError('no "html" or "text" (nor "content", "body" ...) to ingest')
    if detect_kind(text) == "html":
        return SourcedPage(source, text, url, warnings, origin=origin, input_id=input_id, overrides=overrides,
                           fingerprint=said)
    article = Article(source=source, input_kind="text", url=url, headline=overrides.get("headline"),
                      dek=overrides.get("dek"), body=paragraphs(text), published=published_iso,
                      publisher=overrides.get("publisher"), warnings=list(warnings))
    from wiretrace.extract.byline import parse_byline, split_names
    from wiretrace.extract.wire import canonical_agency, credit_from_body

    if author:
        # "By Mira Kessel", "Jane Doe, John Roe", or an agency ("Associated Press"): people are
        # authors, an agency is the wire.
        article.authors = parse_byline(author) or split_names(author)
        if agency := canonical_agency(author.removeprefix("By ").strip()):
            article.wire, article.syndicated, article.syndication_evidence = agency, True, author
    credit_from_body(article)
    return SourcedPage(source, text, url, warnings, origin=origin, input_id=input_id, article=article,
                       overrides=overrides, fingerprint=said)


def _lines(fh) -> Iterator[tuple[int, bytes | None]]:
    """(line number, bytes) per line; bytes is None for a line over :data:`MAX_LINE_BYTES` (skipped)."""
    number = 0
    while True:
        raw = fh.readline(MAX_LINE_BYTES + 1)
        if not raw:
            return
        number += 1
        if len(raw) > MAX_LINE_BYTES and not raw.endswith(b"\n"):
            while (rest := fh.readline(1024 * 1024)) and not rest.endswith(b"\n"):
                pass
            yield number, None
            continue
        yield number, raw


def iter_jsonl(path: str) -> Iterator[SourcedPage | InputError]:
    """Yield the page of each line of ``path``, or an :class:`InputError` naming ``path:line``."""
    try:
        fh = open_bytes(path)
    except OSError as err:
        yield InputError(path, f"cannot read: {err.strerror or err}")
        return
    number = 0
    with fh:
        try:
            for number, raw in _lines(fh):
                where = f"{path}:{number}"
                if raw is None:
                    yield InputError(where, f"line longer than {MAX_LINE_BYTES // (1024 * 1024)} MiB")
                    continue
                if not raw.strip():
                    continue
                try:
                    obj = json.loads(raw)
                except UnicodeDecodeError as err:
                    yield InputError(where, f"not UTF-8: {err.reason} at byte {err.start}")
                    continue
                except ValueError as err:
                    yield InputError(where, f"invalid JSON: {err}")
                    continue
                try:
                    yield page_from_json(obj, path_name(path), number)
                except ValueError as err:
                    yield InputError(where, str(err))
        except (OSError, EOFError, zlib.error) as err:
            yield InputError(f"{path}:{number + 1}", f"corrupt or truncated data: {err}")
