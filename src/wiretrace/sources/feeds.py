"""RSS and Atom feeds: each item with content becomes a page.

An item's content is its full text (``content:encoded``, Atom ``<content>``) or else its
summary (``<description>``, Atom ``<summary>``). The item is already clean copy, so it becomes a
record directly: headline from the title, body from the content's paragraphs, dates, author,
categories as tags, and the feed's title as publisher. Its id is the item's guid (else its link, else
its title and content).

An item with no content stands for the page its link points at: the ingest uses that page when
the same run ingests one (a crawl archive next to the feed), and reports the item otherwise.

A feed whose XML is broken gives an error naming the file and line; the items the lenient parser
recovers are still ingested.
"""

from __future__ import annotations

import re
import xml.sax
from collections.abc import Iterator
from typing import Any

from wiretrace.extract import without_control_characters
from wiretrace.extract.byline import is_person
from wiretrace.extract.dates import parse_date
from wiretrace.extract.wire import credit_from_body
from wiretrace.record import FeedLink, Origin, SourcedPage
from wiretrace.sources.inputs import content_id, fingerprint, open_bytes
from wiretrace.record import Article
from wiretrace.sources.files import InputError, path_name

#: Feeds bigger than this are refused (feedparser holds the whole document).
MAX_FEED_BYTES = 256 * 1024 * 1024

# A character reference to half a UTF-16 pair ("&#xD800;") is no character: feedparser's lenient
# parser fails on one, so it becomes U+FFFD first, as in a browser.
_CHARACTER_REFERENCE = re.compile(rb"&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,10}));")


def _surrogate_as_replacement(match: re.Match[bytes]) -> bytes:
    code = int(match[1], 16) if match[1] else int(match[2])
    return b"&#xFFFD;" if 0xD800 <= code <= 0xDFFF else match[0]


_BLOCKS = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "tr", "section",
           "article", "figure", "figcaption", "ul", "ol", "table", "dd", "dt"}


def html_paragraphs(fragment: str) -> list[str]:
    """The paragraphs of an HTML fragment (or of plain text): block elements and ``<br><br>`` split them."""
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(without_control_characters(fragment), create_parent="div")
    except Exception:  # lxml's ParserError on an empty document, odd bytes
        return [" ".join(fragment.split())] if fragment.strip() else []
    for el in root.xpath(".//script | .//style"):
        el.drop_tree()
    for el in root.iter():
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in _BLOCKS:
            el.tail = "\n\n" + (el.tail or "")
            if el.text:
                el.text = "\n\n" + el.text
        elif tag == "br":
            el.tail = "\n" + (el.tail or "")
    text = root.text_content()
    parts = [" ".join(p.split()) for p in text.replace("\r", "").split("\n\n")]
    return [p for p in parts if p]


def _text(element: Any, name: str) -> str | None:
    """A text field of a feed or item (its title) as plain text: an HTML or XHTML title
    (``type="html"``, markup in an RSS title) loses its tags and entities."""
    value = element.get(name) or ""
    if "html" in ((element.get(f"{name}_detail") or {}).get("type") or ""):
        value = " ".join(html_paragraphs(value))
    return " ".join(value.split()) or None


def _content(entry: Any) -> str | None:
    contents = entry.get("content") or []
    html = [c for c in contents if "html" in (c.get("type") or "")]
    for candidate in html + list(contents):
        value = candidate.get("value")
        if value and value.strip():
            return value
    summary = entry.get("summary")
    return summary if summary and summary.strip() else None


def _xml_error(parsed: Any) -> tuple[int | None, str] | None:
    """(line, message) when the feed's XML is not well-formed."""
    if not parsed.get("bozo"):
        return None
    err = parsed.get("bozo_exception")
    if isinstance(err, xml.sax.SAXParseException):
        return err.getLineNumber(), err.getMessage()
    name = type(err).__name__
    if name in ("CharacterEncodingOverride", "NonXMLContentType"):  # harmless: feedparser coped
        return None
    return None, f"{name}: {err}"


def iter_feed(path: str) -> Iterator[SourcedPage | FeedLink | InputError]:
    """Yield a page per item with content, a :class:`FeedLink` per item without, and errors naming the file."""
    import feedparser

    try:
        with open_bytes(path) as fh:
            data = fh.read(MAX_FEED_BYTES + 1)
    except (OSError, EOFError) as err:
        yield InputError(path, f"cannot read: {getattr(err, 'strerror', None) or err}")
        return
    if len(data) > MAX_FEED_BYTES:
        yield InputError(path, f"feed larger than {MAX_FEED_BYTES // (1024 * 1024)} MiB")
        return
    if not data.strip():
        yield InputError(path, "empty input")
        return
    data = _CHARACTER_REFERENCE.sub(_surrogate_as_replacement, data) if b"&#" in data else data
    try:
        parsed = feedparser.parse(data, resolve_relative_uris=False)
    except Exception as err:  # feedparser's lenient parser on bytes it never expected
        yield InputError(path, f"unreadable feed: {type(err).__name__}: {err}")
        return
    entries = parsed.get("entries") or []
    problem = _xml_error(parsed)
    if problem:
        line, message = problem
        where = f"{path}:{line}" if line else path
        yield InputError(where, f"broken feed XML ({message}); "
                                f"{len(entries)} item{'s' if len(entries) != 1 else ''} recovered")
    elif not entries and not parsed.get("version"):
        yield InputError(path, "not an RSS or Atom feed")
        return
    feed = parsed.get("feed") or {}
    publisher = _text(feed, "title")
    for number, entry in enumerate(entries, 1):
        origin = Origin(path_name(path), item=number)
        where = str(origin)
        link = entry.get("link")
        input_id = entry.get("id") or link
        content = _content(entry)
        if content is None:
            if link:
                yield FeedLink(where, link, origin, input_id)
            else:
                yield InputError(where, "item has neither content nor a link")
            continue
        title = _text(entry, "title")
        if input_id is None:  # (not its place in the feed: an item added above would take over its id)
            input_id = content_id({"title": title, "content": content})
        # (dict.get: feedparser's own get maps a missing "updated" to "published", with a warning)
        published_raw = dict.get(entry, "published") or dict.get(entry, "created")
        updated_raw = dict.get(entry, "updated")
        author = " ".join((entry.get("author") or "").split())
        tags = [t.get("term") for t in entry.get("tags") or [] if t.get("term")]
        article = Article(source=where, input_kind="html", url=link, headline=title, body=html_paragraphs(content),
                          published=parse_date(published_raw), updated=parse_date(updated_raw),
                          authors=[author] if author and is_person(author) else [], publisher=publisher,
                          tags=tags)
        if article.updated == article.published:
            article.updated = None
        credit_from_body(article)
        said = fingerprint({"id": input_id, "link": link, "content": content, "title": title,
                            "published": published_raw, "updated": updated_raw, "author": author, "tags": tags,
                            "publisher": publisher})
        yield SourcedPage(where, content, link, [], origin=origin, input_id=input_id, article=article,
                          fingerprint=said)
