"""RSS and Atom feeds: each item with content becomes a page.

An item's content is its full text (``content:encoded``, Atom ``<content>``) or else its
summary (``<description>``, Atom ``<summary>``). The item is already clean copy, so it becomes a
record directly: headline from the title, body from the content's paragraphs, the summary beside
full text as the dek (unless it repeats the text's opening), dates, author, categories as tags,
the feed's title as publisher (and section: "Harbour Gazette - World"), and as images the pictures of its content and those it declares
(Media RSS, image enclosures). Its id is the item's guid (else its link, else its title and
content).

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
from urllib.parse import urljoin, urlsplit

from wiretrace.extract import without_control_characters
from wiretrace.extract.byline import is_person
from wiretrace.extract.cues import HOME_CRUMBS
from wiretrace.extract.dates import parse_date
from wiretrace.extract.metadata import is_dek
from wiretrace.extract.wire import credit_from_body
from wiretrace.record import Article, FeedLink, Image, Origin, SourcedPage
from wiretrace.sources.inputs import content_id, fingerprint, open_bytes
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


def _parse_fragment(fragment: str) -> Any:
    """An HTML fragment (or plain text) parsed under one ``<div>``, or None where lxml makes nothing of it."""
    import lxml.html

    try:
        return lxml.html.fragment_fromstring(without_control_characters(fragment), create_parent="div")
    except Exception:  # lxml's ParserError on an empty document, odd bytes
        return None


def html_paragraphs(fragment: str) -> list[str]:
    """The paragraphs of an HTML fragment (or of plain text): block elements and ``<br><br>`` split
    them. A picture's caption is no paragraph of the text (the item's images carry it)."""
    root = _parse_fragment(fragment)
    if root is None:
        return [" ".join(fragment.split())] if fragment.strip() else []
    return _paragraphs(root)


def _paragraphs(root: Any) -> list[str]:
    """:func:`html_paragraphs` of the parsed fragment ``root`` (which loses its scripts, styles and captions)."""
    for el in root.xpath(".//script | .//style | .//figcaption"):
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


def _content(entry: Any, captions: set[str]) -> str | None:
    """The item's full text, else its summary; never one of the feed's picture ``captions`` where
    the item has other text (feedparser files a picture's media:description after the item's own
    description as the item's content)."""
    contents = entry.get("content") or []
    html = [c for c in contents if "html" in (c.get("type") or "")]
    texts = [value for value in [c.get("value") for c in html + list(contents)] + [entry.get("summary")]
             if value and value.strip()]
    if captions:
        texts = [value for value in texts if " ".join(html_paragraphs(value)) not in captions] or texts
    return texts[0] if texts else None


# Media RSS (www.rssboard.org/media-rss), under its namespace with or without the closing slash.
_MEDIA_NAMESPACES = ("http://search.yahoo.com/mrss/", "http://search.yahoo.com/mrss")
_IMAGE_SUFFIX = re.compile(r"\.(?:jpe?g|png|gif|webp|avif)$", re.IGNORECASE)
# A picture this many pixels wide or high is a reader-tracking pixel.
_PIXEL_SIZES = {"0", "1", "0px", "1px"}


def _media_notes(data: bytes) -> dict[str, tuple[str | None, str | None]]:
    """The caption and credit of each Media RSS picture of the feed, by its URL.

    feedparser keeps a picture's URL but reads its media:description and media:title as the
    item's own description and title, and keeps media:credit apart from its picture, so these
    are read from the XML: a picture's own, else its media:group's, else its item's."""
    if b"search.yahoo.com/mrss" not in data:
        return {}
    import lxml.etree

    parser = lxml.etree.XMLParser(recover=True, resolve_entities=False, no_network=True)
    try:
        root = lxml.etree.fromstring(data, parser)
    except lxml.etree.XMLSyntaxError:  # nothing recoverable: feedparser's error says why
        return {}
    if root is None:
        return {}

    def note(scopes: list[Any], name: str) -> str | None:
        for scope in scopes:
            for namespace in _MEDIA_NAMESPACES:
                found = scope.find(f"{{{namespace}}}{name}")
                if found is not None and (text := " ".join((found.text or "").split())):
                    return " ".join(html_paragraphs(text)) if "html" in (found.get("type") or "") else text
        return None

    notes: dict[str, tuple[str | None, str | None]] = {}
    pictures = [f"{{{namespace}}}{name}" for namespace in _MEDIA_NAMESPACES for name in ("content", "thumbnail")]
    for picture in root.iter(*pictures):
        url = (picture.get("url") or "").strip()
        if not url or url in notes:
            continue
        scopes = [picture]
        for ancestor in picture.iterancestors():
            scopes.append(ancestor)
            if lxml.etree.QName(ancestor).localname in ("item", "entry"):
                break
        notes[url] = (note(scopes, "description") or note(scopes, "title"), note(scopes, "credit"))
    return notes


def _is_picture(url: str | None, medium: str | None, mime_type: str | None) -> bool:
    """Whether a media:content is a picture: its medium or type says so, or, naming neither, its file name."""
    if medium or mime_type:
        return medium == "image" or (mime_type or "").lower().startswith("image/")
    return bool(url) and _IMAGE_SUFFIX.search(url.split("?", 1)[0]) is not None


def _body_and_images(content: str, link: str | None) -> tuple[list[str], list[Image]]:
    """An item content's paragraphs and pictures, from one parse of it."""
    root = _parse_fragment(content)
    if root is None:
        return html_paragraphs(content), []
    images = _content_images(root, link)  # (first: the paragraphs take the captions out)
    return _paragraphs(root), images


def _content_images(root: Any, link: str | None) -> list[Image]:
    """The pictures in an item's parsed content: each <figure> with its caption, then each other
    <img> (but tracking pixels) with its alt text."""
    from wiretrace.extract.html import figures

    images = [image for image in figures(root, link) if image.url]
    for img in root.iter("img"):
        src = (img.get("src") or img.get("data-src") or "").strip()
        if not src or src.startswith("data:") or any(a.tag == "figure" for a in img.iterancestors()) \
                or {(img.get("width") or "").strip(), (img.get("height") or "").strip()} & _PIXEL_SIZES:
            continue
        url = urljoin(link, src) if link else src
        if not any(image.url == url for image in images):
            images.append(Image(url, " ".join((img.get("alt") or img.get("title") or "").split()) or None))
    return images


def _declared_images(entry: Any) -> list[str]:
    """The URLs of the pictures an item declares beside its content: Media RSS pictures and image
    enclosures, or failing those its thumbnails."""
    declared = [m["url"].strip() for m in entry.get("media_content") or []
                if m.get("url") and _is_picture(m["url"], m.get("medium"), m.get("type"))]
    declared += [e["href"].strip() for e in entry.get("enclosures") or []
                 if e.get("href") and (e.get("type") or "").lower().startswith("image/")]
    if not declared:
        declared = [t["url"].strip() for t in entry.get("media_thumbnail") or [] if t.get("url")]
    return list(dict.fromkeys(url for url in declared if url))


# Where a feed's title goes on from its publisher's name to the section: "BBC News - World",
# "NYT > World News", "The Guardian | World news", "Reuters: Business".
_TITLE_PARTS = re.compile(r"\s+[-–—|>»:]\s+|:\s+")


def feed_publisher(title: str | None, link: str | None) -> str | None:
    """The publisher a feed's title names: the part of it the feed's site is named after, where the
    title also names a section; else the whole title."""
    if not title or not link:
        return title
    parts = _TITLE_PARTS.split(title)
    host = (urlsplit(link).hostname or "").removeprefix("www.")
    labels = [label for label in host.split(".") if len(label) > 2]
    if len(parts) < 2 or not labels:
        return title
    for part in parts:
        squashed = re.sub(r"[^a-z0-9]", "", part.lower())
        if len(squashed) > 2 and any(squashed in label or label in squashed for label in labels):
            return part.strip()
    return title


# What a feed's title names beside its site that is no section: the whole site's feed.
_NO_SECTION = frozenset({"rss", "feed", "news", "latest", "latest news", "latest stories", "top stories", "top news",
                         "headlines", "top headlines", "all", "all stories", "all news", "breaking news"}) | HOME_CRUMBS
#: A section's name is short.
_SECTION_WORDS = 4


def feed_section(title: str | None, publisher: str | None) -> str | None:
    """The section a feed's title names beside its publisher ("Harbour Gazette - World" ->
    "World", "NYT > World News"), else None: the title names the publisher alone, or beside it
    what is the whole site's feed ("Breaking News - The Daily Star", "BBC News - Home")."""
    if not title or not publisher or title == publisher:
        return None
    rest = [part.strip() for part in _TITLE_PARTS.split(title) if part.strip() and part.strip() != publisher]
    if len(rest) != 1 or len(rest[0].split()) > _SECTION_WORDS or rest[0].lower() in _NO_SECTION:
        return None
    return rest[0]


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
    feed_title = _text(feed, "title")
    publisher = feed_publisher(feed_title, feed.get("link"))
    section = feed_section(feed_title, publisher)
    media_notes = _media_notes(data)
    captions = {caption for caption, _ in media_notes.values() if caption}
    for number, entry in enumerate(entries, 1):
        origin = Origin(path_name(path), item=number)
        where = str(origin)
        link = entry.get("link")
        input_id = entry.get("id") or link
        content = _content(entry, captions)
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
        body, images = _body_and_images(content, link)
        article = Article(source=where, input_kind="html", url=link, headline=title, body=body,
                          published=parse_date(published_raw), updated=parse_date(updated_raw),
                          authors=[author] if author and is_person(author) else [], publisher=publisher,
                          tags=tags, section=section)
        if article.updated == article.published:
            article.updated = None
        # The item's description beside its full text is its standfirst, unless it is only the
        # text's opening again (a CMS's excerpt).
        summary = entry.get("summary")
        if summary and summary != content and is_dek(description := " ".join(html_paragraphs(summary)), title, body):
            article.dek = description
        article.images = images
        declared = [Image(urljoin(link, url) if link else url, *media_notes.get(url, (None, None)))
                    for url in _declared_images(entry)]
        article.images += [image for image in declared if not any(i.url == image.url for i in article.images)]
        credit_from_body(article)
        said = {"id": input_id, "link": link, "content": content, "title": title, "published": published_raw,
                "updated": updated_raw, "author": author, "tags": tags, "publisher": feed_title}
        if declared:  # (an item without declares nothing new: its content hash stays what it was)
            said["images"] = [[image.url, image.caption, image.credit] for image in declared]
        if article.dek:  # (likewise)
            said["dek"] = article.dek
        yield SourcedPage(where, content, link, [], origin=origin, input_id=input_id, article=article,
                          fingerprint=fingerprint(said))
