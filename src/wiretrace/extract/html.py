"""HTML mode: an article record from an HTML page.

The page is parsed once; :mod:`htmlbody` finds the body, :mod:`metadata` reads the markup,
and this module fills what neither covers (bylines, captions, breadcrumbs, wire credits).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from urllib.parse import urljoin, urlsplit

import lxml.etree
import lxml.html
from lxml.html import HtmlElement

from wiretrace.extract import captions, cues, wire, without_control_characters
from wiretrace.extract.byline import byline_agency, names_organisation, parse_byline, split_names, typed_person_names
from wiretrace.extract.dates import STAMP_PARTS, YEAR, labelled_dates, parse_date
from wiretrace.extract.htmlbody import extract_body
from wiretrace.extract.metadata import is_dek, read_metadata
from wiretrace.record import Article, Boilerplate, Image, Page, RelatedLink, count_words, unique_related

_NOT_FOUND_TITLE = re.compile(r"\b(?:404|not found|page not found|error|no longer available)\b", re.IGNORECASE)
_CREDIT_CLASS = re.compile(r"credit|copyright|source|photographer", re.IGNORECASE)
# A credit with its label ("Photo: Jon Tavi", "(Image credit: Future plc)"), closing a caption or alone.
_CAPTION_CREDIT = re.compile(r"\s*[(\[]?\s*(?:(?:file\s+)?photo(?:graph)?|image|picture|pic|credit)s?\s*(?:credit)?\s*:\s*"
                             r"(?P<credit>[^)\]]{2,80})[)\]]?\s*$", re.IGNORECASE)
_MIN_ARTICLE_WORDS = 100
# The body the JSON-LD states is read when it has this many words and the page's HTML shows
# less than half of them (a page its scripts fill in, a body the extractor missed).
_MIN_STATED_BODY_WORDS = 50
# An error page whose <h1> says so may still show an apology and teasers up to this many words.
_ERROR_PAGE_WORDS = 300
# How far after the headline a credit line ("Reuters", "By AP") may sit: bylines come before the body.
_CREDIT_WINDOW_NODES = 15

# Each page is scanned once for text nodes and once for elements that may carry metadata;
# every XPath pass over a large page costs about as much as the next, so they are merged.
_TEXT_SIGNALS = {
    "end_credit": ("Reporting by", "Editing by", "inputs from", "Writing by"),
    "disclaimer": ("syndicated", "edited by", "auto-generated"),
    "copyright": ("Copyright", "copyright", "©"),
    "reading_time": ("min read", "minute read", "mins read"),
}
_TEXT_CUES = [cue for cues_ in _TEXT_SIGNALS.values() for cue in cues_]
# Elements whose class names a byline, author, breadcrumb, title, heading or label (as written,
# case and all), or a reading time ("read" with "time" or "min").
_SIGNAL_CLASS = re.compile("byline|author|breadcrumb|title|heading|-hd|label")


def classed(tree: HtmlElement) -> Iterator[tuple[HtmlElement, str]]:
    """The elements inside the page's <body> that have a class, with it, in document order.
    (Tests of their class in Python beat the same tests as XPath predicates, which evaluate
    on every element, by about three times on a large page.)"""
    body = tree.find("body")
    if body is None:
        return
    for element in body.iterdescendants(lxml.etree.Element):
        cls = element.get("class")
        if cls:
            yield element, cls


def _signals_by_class(cls: str) -> bool:
    return bool(_SIGNAL_CLASS.search(cls)) or "read" in cls and ("time" in cls or "min" in cls)


# A related-stories box holds at most this many links; more is a site menu.
_MAX_RELATED = 12
_HEADING_TAGS = {"h2", "h3", "h4", "h5", "h6"}


def _scan(tree: HtmlElement, classed_elements: list[tuple[HtmlElement, str]]) -> tuple[dict[str, list[str]], dict[str, list[HtmlElement]]]:
    """Text nodes by signal kind, and elements by kind ("byline", "breadcrumb", "reading_time"),
    of the page ``tree`` whose :func:`classed` elements are ``classed_elements``."""
    texts: dict[str, list[str]] = {kind: [] for kind in _TEXT_SIGNALS}
    body = tree.find("body")
    # One C-level pass joins the text nodes; a search per cue over the joined string finds the
    # few nodes worth reading (an XPath contains() per cue and node is ~10x slower, one regex
    # alternation of the cues about 1.4x).
    joined = "\n".join((body if body is not None else tree).itertext())
    starts: set[int] = set()
    for cue in _TEXT_CUES:
        at = joined.find(cue)
        while at != -1:
            starts.add(joined.rfind("\n", 0, at) + 1)
            at = joined.find(cue, at + len(cue))
    for start in sorted(starts):
        end = joined.find("\n", start)
        text = " ".join(joined[start: end if end != -1 else len(joined)].split())
        for kind, cues_ in _TEXT_SIGNALS.items():
            if any(cue in text for cue in cues_):
                texts[kind].append(text)
    elements: dict[str, list[HtmlElement]] = {"byline": [], "breadcrumb": [], "reading_time": [], "heading": []}
    elements["heading"].extend(tree.iter(*_HEADING_TAGS))
    for element, marker in classed_elements:
        if element.tag in _HEADING_TAGS or not _signals_by_class(marker):
            continue  # (headings are already collected)
        marker = marker.lower()
        if any(w in marker for w in ("title", "heading", "-hd", "label")):
            elements["heading"].append(element)
        elif "breadcrumb" in marker:
            elements["breadcrumb"].append(element)
        elif "read" in marker and ("time" in marker or "min" in marker):
            elements["reading_time"].append(element)
        else:
            elements["byline"].append(element)
    return texts, elements


# What a standfirst's class, id or data attribute calls it: "standfirst", "dek", "chapo" (French
# sites), "sub-headline", "article-summary", "teaser", "strydsc".
_DEK_NAME = re.compile(r"stand-?first|dek|deck|chapo|sub-?head|sub-?title|strap|summary|excerpt|teaser|lede|intro|desc|dsc",
                       re.IGNORECASE)
# Elements after the headline a standfirst may be, and its length in words.
_DEK_WINDOW = 12
_DEK_WORDS = (6, 80)
# ... and among how many opening paragraphs the body extractor may have kept it.
_DEK_WINDOW_PARAGRAPHS = 3
# Elements that sit between a headline and its standfirst without ending the search for it.
_LEAD_FURNITURE = re.compile(r"byline|author|date|time|meta|share|social|crumb|label|kicker|series|tag", re.IGNORECASE)
_DEK_TAGS = {"p", "h2", "h3", "div", "span"}
_WORD = re.compile(r"\w+")
# A breadcrumb trail's separators ("Mensagens » Autoestima » Só quem se Ama").
_TRAIL_MARK = re.compile(r"[»›]| > | / ")


# Headings that are wholly a link: a front page's teasers (a story page links few of its own).
_LINKED_HEADINGS = lxml.etree.XPath("//h2[a[@href]] | //h3[a[@href]] | //h4[a[@href]]")
# ... or a bare link a list item or a card opens with, its summary the paragraph right after it
# ("<li><a href=...>Headline</a><p>Summary</p></li>").
_LINKS_OVER_SUMMARIES = lxml.etree.XPath("//a[@href][following-sibling::*[1][self::p or self::div]]")
#: A linked headline runs to this many words at least (a shorter link is a menu entry or a label).
_TEASER_HEADLINE_WORDS = 3
# A page is a front (section, tag or home page) when most of its "body" is teaser summaries: the
# text right after at least this many linked headings.
_MIN_TEASERS = 3
_TEASER_SHARE = 0.5


def _is_front(tree: HtmlElement, body: list[str]) -> bool:
    """Whether ``body`` is mostly the summaries under a list of linked headlines (headings that
    are links, or links over a paragraph), as a section front, tag page or home page shows
    them, rather than a story."""
    summaries = set()
    for heading in _LINKED_HEADINGS(tree):
        link_text = " ".join(" ".join(a.text_content().split()) for a in heading.iterfind("a"))
        if link_text != " ".join(heading.text_content().split()):
            continue  # (a heading with a link in it, not a link)
        after = heading.getnext()
        if after is not None and isinstance(after.tag, str):
            summaries.add(" ".join(after.text_content().split()))
    for link in _LINKS_OVER_SUMMARIES(tree):
        if len(link.text_content().split()) >= _TEASER_HEADLINE_WORDS:
            summaries.add(" ".join(link.getnext().text_content().split()))
    if len(summaries) < _MIN_TEASERS:
        return False
    words = sum(len(p.split()) for p in body)
    teaser_words = sum(len(p.split()) for p in body if p in summaries)
    return teaser_words > _TEASER_SHARE * words


def _h1_text(tree: HtmlElement) -> str:
    heading = tree.find(".//h1")
    return "" if heading is None else " ".join(heading.text_content().split())


def _names(element: HtmlElement) -> str:
    """What an element's markup calls it: its class, id and data attributes."""
    return " ".join(value for key, value in element.attrib.items() if key in ("class", "id") or key.startswith("data-"))


def _headline_heading(tree: HtmlElement, headline: str | None) -> HtmlElement | None:
    """The <h1> that shows the headline, if one does."""
    if not headline:
        return None
    return next((h1 for h1 in tree.iterfind(".//h1") if " ".join(h1.text_content().split()) == headline), None)


def _visible_dek(heading: HtmlElement | None, headline: str | None, description: str | None) -> tuple[str, bool] | None:
    """The standfirst shown under the headline's <h1> (``heading``), and whether the markup says
    so: among the first elements after it, one that is a sub-heading (h2, h3) or names itself one
    (class, id or data attribute, its own or its parent's), or else one that restates the page's
    description (which may also be the body's first paragraph). None where a picture or a
    paragraph of the body comes first."""
    if heading is None:
        return None
    described = set(_WORD.findall(description.lower())) if description else set()
    for element in heading.xpath(f"following::*[position() <= {_DEK_WINDOW}]"):
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag in ("figure", "img", "picture", "video", "iframe", "time"):
            return None
        if tag not in _DEK_TAGS or element.find(".//p") is not None or element.find(".//div") is not None:
            continue
        text = " ".join(element.text_content().split())
        words = set(_WORD.findall(text.lower()))
        parent = element.getparent()
        names = _names(element) + " " + (_names(parent) if parent is not None else "")
        if len(words) < _DEK_WORDS[0] or _LEAD_FURNITURE.search(names) or _TRAIL_MARK.search(text):
            continue
        if len(text.split()) > _DEK_WORDS[1] or text == headline:
            return None
        if tag in ("h2", "h3") or _DEK_NAME.search(names):
            return text, True
        if described and len(words & described) >= 0.6 * len(words):
            return text, False
        if tag == "p" and len(words) >= 15:
            return None  # the body has begun
    return None


class HtmlParseError(ValueError):
    """The input could not be parsed as HTML at all."""


# XHTML pages open with one. The page is text by now, decoded by the charset it declared, and
# lxml refuses text that starts with a declaration naming an encoding; the HTML parser makes
# nothing of it either, so it goes.
_XML_DECLARATION = re.compile(r"[\ufeff\s]*<\?xml\b[^>]*>")


# Every element is an lxml.html HtmlElement (trafilatura calls its text_content()), chosen in C:
# lxml.html's own lookup is a Python method called each time lxml hands out an element, some
# 3,000 times a page, about 5% of HTML mode's time. It would also make <form>, <input>,
# <select>, <textarea> and <label> form-control classes, which nothing here uses.
_HTML_CLASSES = lxml.etree.ElementDefaultClassLookup(
    element=lxml.html.HtmlElement, comment=lxml.html.HtmlComment,
    pi=lxml.html.HtmlProcessingInstruction, entity=lxml.html.HtmlEntity,
)


def parse_html(content: str) -> HtmlElement:
    declaration = _XML_DECLARATION.match(content)
    if declaration:
        content = content[declaration.end():]
    content = without_control_characters(content)
    # huge_tree lifts libxml2's depth and size guards, which otherwise drop the rest of a deeply
    # nested page silently; we bound size ourselves before parsing.
    parser = lxml.etree.HTMLParser(huge_tree=True, remove_comments=True)
    parser.set_element_class_lookup(_HTML_CLASSES)
    try:
        tree = lxml.html.document_fromstring(content, parser=parser)
    except (lxml.etree.ParserError, ValueError) as err:
        raise HtmlParseError(str(err) or "document is empty") from err
    return tree


# A caption set beside its picture without <figure> ("<div class="photo"><img …><span
# class="newsCaption">…</span></div>"): an element whose class names a caption, whose parent holds
# one picture before it.
_CAPTION_CLASS = re.compile(r"caption", re.IGNORECASE)
#: Words a caption found that way has at least.
_LOOSE_CAPTION_WORDS = 5
#: Pictures read from such captions, at most (a gallery or a teaser grid repeats the pattern).
_MAX_LOOSE_CAPTIONS = 10
# A picture is an <img>, or on an AMP page an <amp-img> (or <amp-anim>, a GIF), whose own <img>,
# if it has one, is a fallback for browsers without scripts: the same picture.
_PICTURE_TAGS = ("img", "amp-img", "amp-anim")


def _pictures(element: HtmlElement) -> list[HtmlElement]:
    """The pictures in ``element``, in document order."""
    return [picture for picture in element.iter(*_PICTURE_TAGS)
            if picture.tag != "img" or not any(a.tag in _PICTURE_TAGS for a in picture.iterancestors())]


def _image(img: HtmlElement | None, caption_el: HtmlElement | None, url: str | None) -> Image | None:
    """The picture ``img`` with its caption and credit (a credit-classed child of the caption, or a
    credit closing its text), or None where there is neither a picture nor a caption."""
    src = None
    if img is not None:
        src = img.get("src") or img.get("data-src")
        if src and url:
            src = urljoin(url, src)
    caption = credit = None
    if caption_el is not None:
        for child in caption_el.iter():
            if child is not caption_el and _CREDIT_CLASS.search(child.get("class") or ""):
                credit = " ".join(child.text_content().split()) or None
        caption = " ".join(caption_el.text_content().split()) or None
        if caption and credit and caption.endswith(credit):
            caption = caption[: -len(credit)].strip(" |-–—") or None
        if caption and not credit:
            match = _CAPTION_CREDIT.search(caption) or captions.trailing_credit(caption)
            if match:
                credit = match.group("credit").strip()
                caption = caption[: match.start()].strip(" |-–—") or None
    if credit and (label := _CAPTION_CREDIT.match(credit)):  # "(Image: National Lottery)", "Photo: John Locher, AP"
        credit = label.group("credit").strip() or None
    return Image(url=src, caption=caption, credit=credit) if src or caption else None


def figures(tree: HtmlElement, url: str | None, classed_elements: list[tuple[HtmlElement, str]] | None = None) -> list[Image]:
    """The page's pictures with their captions: each <figure>, and each caption set beside its
    picture without one. (Also a feed item's, in its content.) ``classed_elements`` are the
    tree's :func:`classed` elements, where the caller has them already."""
    images = [image for figure in tree.iterfind(".//figure")
              if (image := _image(next(iter(_pictures(figure)), None), figure.find(".//figcaption"), url))]
    loose = 0
    for element, cls in classed(tree) if classed_elements is None else classed_elements:
        if loose >= _MAX_LOOSE_CAPTIONS:
            break
        if element.tag == "figcaption" or not _CAPTION_CLASS.search(cls):
            continue
        parent = element.getparent()
        if parent is None or any(a.tag in ("figure", "a") for a in element.iterancestors()) \
                or any(_CAPTION_CLASS.search(a.get("class") or "") for a in element.iterancestors()):
            continue
        pictures = _pictures(parent)
        if len(pictures) != 1 or pictures[0] in element.iter(*_PICTURE_TAGS):
            continue
        image = _image(pictures[0], element, url)
        # (A caption is a sentence or so; a line of a few capitalised words is a credit or a label.)
        if image is not None and image.caption and len(image.caption.split()) >= _LOOSE_CAPTION_WORDS \
                and image.caption != image.caption.upper() and not any(i.url == image.url for i in images):
            images.append(image)
            loose += 1
    return images


def _credits_near_headline(heading: HtmlElement | None) -> list[wire.WireCredit]:
    """Agency-only lines ("Reuters", "United Press International") between the headline's <h1>
    (``heading``) and the body."""
    if heading is None:
        return []
    credits = []
    for node in heading.xpath(f"following::text()[position() <= {_CREDIT_WINDOW_NODES * 3}]"):
        text = " ".join(str(node).split())
        if not text:
            continue
        if len(text.split()) > 25:
            break  # the body has begun
        credit = wire.credit_from_byline(text)
        if credit:
            credits.append(credit)
            break
    return credits


def _related_links(headings: list[HtmlElement], url: str | None) -> list[RelatedLink]:
    """Links in boxes headed "Related", "Read next", "More from <section>", anywhere on the page."""
    links: list[RelatedLink] = []
    for heading in headings:
        text = " ".join(heading.text_content().split())
        if not text or len(text) > 40 or not cues.RELATED_HEADING.match(text):
            continue
        box = heading.getparent()
        for _ in range(2):  # the heading's own wrapper, or the box around it
            anchors = [a for a in box.iter("a") if not heading in a.iterancestors() and a is not heading]
            if len(anchors) >= 2 or box.getparent() is None:
                break
            box = box.getparent()
        found = []
        for anchor in anchors:
            title = " ".join(anchor.text_content().split())
            if len(title.split()) >= 3:
                href = anchor.get("href")
                found.append(RelatedLink(headline=title, url=urljoin(url, href) if href and url else href))
        if len(found) <= _MAX_RELATED:
            links.extend(found)
    return links


def _byline_texts(elements: list[HtmlElement]) -> list[str]:
    texts = []
    for element in elements[:12]:
        text = " ".join(element.text_content().split())
        if 2 < len(text) < 160:
            texts.append(text)
    return texts


def _breadcrumb(elements: list[HtmlElement]) -> list[str]:
    for element in elements[:3]:
        items = [" ".join(a.text_content().split()) for a in element.iter("a", "li", "span") if a.text_content().strip()]
        crumbs: list[str] = []
        for item in items:
            if item and item not in crumbs and len(item) < 60:
                crumbs.append(item)
        if crumbs:
            return crumbs
    return []


def _reading_time(elements: list[HtmlElement], texts: list[str]) -> int | None:
    for text in [e.text_content() for e in elements[:5]] + texts[:5]:
        minutes = cues.reading_time_minutes(text)
        if minutes:
            return minutes
    return None


def _prefer_stated_body(article: Article, stated: list[str]) -> None:
    """Take the body the page states in its JSON-LD (``articleBody``) over the one read from its
    HTML where the HTML shows less than half of it: a page that its scripts fill in shows none.
    What the HTML gave goes to the boilerplate."""
    stated_words = sum(map(count_words, stated))
    shown_words = sum(map(count_words, article.body))
    if stated_words < _MIN_STATED_BODY_WORDS or shown_words * 2 >= stated_words:
        return
    article.boilerplate.extend(Boilerplate(text=p, category="other") for p in article.body)
    article.body = list(stated)
    article.warnings.append(f"body read from the page's JSON-LD articleBody: its HTML shows {shown_words:,} "
                            f"of its {stated_words:,} words")


def extract_html(page: Page, tree: HtmlElement | None = None) -> Article:
    """Build an :class:`Article` from an HTML page."""
    tree = parse_html(page.content) if tree is None else tree
    meta = read_metadata(tree, page.url)
    classed_elements = list(classed(tree))
    signal_texts, signal_elements = _scan(tree, classed_elements)
    url = meta.url or page.url
    article = Article(source=page.source, input_kind="html", url=url, warnings=list(page.warnings))
    body = extract_body(tree, url)
    article.body = body.paragraphs
    article.boilerplate = body.boilerplate
    article.related = body.related
    article.warnings.extend(body.warnings)
    _prefer_stated_body(article, meta.article_body)

    article.headline = meta.headline
    heading = _headline_heading(tree, meta.headline)
    shown = _visible_dek(heading, meta.headline, meta.dek)
    if shown is not None and shown[1] and shown[0] in article.body[:_DEK_WINDOW_PARAGRAPHS]:
        # (The body extractor took the standfirst the markup names for an opening paragraph.)
        article.body.remove(shown[0])
        article.boilerplate.append(Boilerplate(shown[0], "other"))
    if shown is not None and (shown[1] or not article.body or article.body[0] != shown[0]):
        article.dek = shown[0]
    else:  # (a paragraph restating the description that opens the body is its lede)
        article.dek = meta.dek if is_dek(meta.dek, meta.headline, article.body) else None
    article.language = meta.language.split("-")[0].split("_")[0].lower() if meta.language else None
    article.published = parse_date(meta.published)
    article.claim_reviews = [dataclasses.replace(review, date=parse_date(review.date)) for review in meta.claim_reviews]
    article.updated = parse_date(meta.updated)
    if article.published is None or "T" not in article.published:
        # (Also where the markup gives the day alone, or a time without its zone, which is read as
        # the day: the page may show the time with its zone, "Published Aug. 6, 2016 5:54 p.m. CDT".)
        stamp = _visible_stamp(tree) or _stamp_near_headline(heading)
        shown = stamp.get("published")
        if article.published is None or shown and "T" in shown and shown[:10] == article.published:
            article.published = shown or article.published
            article.updated = article.updated or stamp.get("updated")
    if article.published is None:
        article.published = _htmldate(tree, original=True)
        if article.published is None:
            article.warnings.append(cues.NO_DATE_WARNING)

    credits: list[wire.WireCredit] = []
    for name in meta.author_orgs + ([meta.source_organization] if meta.source_organization else []):
        agency = wire.canonical_agency(name)
        if agency:
            credits.append(wire.WireCredit(agency, name, "markup"))
    if meta.syndication_source:
        agency = wire.agency_from_url(meta.syndication_source)
        credits.append(wire.WireCredit(agency, f'<meta name="syndication-source" content="{meta.syndication_source}">', "markup"))
    people = [name for author in meta.authors
              for name in (typed_person_names(author) if author in meta.typed_people else split_names(author))]
    for name in meta.authors:
        agency = wire.canonical_agency(name)
        if agency:
            credits.append(wire.WireCredit(agency, name, "byline"))
    byline_texts = _byline_texts(signal_elements["byline"])
    if not people:
        # (Where the story's byline credits an organisation, a desk ("HNN Staff", "Telegraph
        # Sport"), the byline elements after it are other stories' teasers: "By Lisa Kubota" under
        # a card's headline is not this story's writer.)
        for text in byline_texts:
            credit = wire.credit_from_byline(text)
            if credit:
                credits.append(credit)
                continue
            names = parse_byline(text) or (split_names(text) if len(text.split()) <= 4 else [])
            for name in names:
                if name not in people:
                    people.append(name)
            if people or names_organisation(text):
                break
    # A byline names the agency beside its writer ("By Jane Doe, Bloomberg"), or agencies unnamed
    # ("By Jane Doe and agencies"), whoever the markup said wrote it.
    for text in byline_texts[:3]:
        if agency := byline_agency(text):
            credits.append(wire.WireCredit(agency, text, "byline"))
        elif credit := wire.agencies_credit(text):
            credits.append(credit)
    article.authors = list(dict.fromkeys(people))
    if article.body:
        first = wire.credit_from_paragraph(article.body[0], "first")
        if first:
            credits.append(first)
        for position, text in (("last", article.body[-1]), ("other", article.body[-2] if len(article.body) > 1 else "")):
            credit = wire.credit_from_paragraph(text, position) if text else None
            if credit:
                credits.append(credit)
                break
    credits.extend(_credits_near_headline(heading))
    for kind, read in (("end_credit", lambda t: wire.credit_from_paragraph(t, "last")),
                       ("disclaimer", wire.disclaimer), ("copyright", wire.credit_from_copyright)):
        credit = next((c for t in signal_texts[kind][:20] if (c := read(t))), None)
        if credit:
            credits.append(credit)

    # (A publisher the markup gives as its address, "https://www.hawaiinewsnow.com", is its host.)
    article.publisher = (_host(meta.publisher) if meta.publisher and meta.publisher.startswith(("http://", "https://"))
                         else meta.publisher) or _host(url)
    own_agency = wire.canonical_agency(article.publisher) or wire.agency_from_url(url)
    if own_agency and not any(c.agency for c in credits):
        credits.append(wire.WireCredit(own_agency, article.publisher or url or "", "markup"))
    article.wire, article.syndicated, article.syndication_evidence = wire.decide(credits, article.publisher)
    article.section = meta.section
    article.breadcrumb = meta.breadcrumb or _breadcrumb(signal_elements["breadcrumb"])
    if not article.section and len(article.breadcrumb) > 1:
        article.section = article.breadcrumb[-1] if article.breadcrumb[-1] != article.headline else article.breadcrumb[-2]
    elif not article.section and len(article.breadcrumb) == 1 and article.breadcrumb[0] != article.headline \
            and article.breadcrumb[0].lower() not in cues.HOME_CRUMBS:
        article.section = article.breadcrumb[0]  # a trail of one: the section ("U.S. News")
    article.tags = list(dict.fromkeys(meta.tags or _tag_links(classed_elements)))
    images = figures(tree, url, classed_elements)
    for src, caption, credit in meta.images:
        if not any(i.url == src for i in images):
            images.append(Image(url=urljoin(url, src) if src and url else src, caption=caption, credit=credit))
    article.images = images
    article.reading_time_minutes = _reading_time(signal_elements["reading_time"], signal_texts["reading_time"])
    article.related = unique_related(article.related + _related_links(signal_elements["heading"], url))

    if any(b.category in ("promo", "newsletter") and cues.PAYWALL.search(b.text) for b in article.boilerplate):
        article.warnings.append(cues.PAYWALL_WARNING)
    elif meta.paywalled:
        article.warnings.append(cues.PAYWALL_DECLARED)
    # Pages that declare themselves no article (og:type website, a bare WebPage) and error pages
    # still yield some text; only a substantial body overrides what the page says it is.
    words = sum(len(p.split()) for p in article.body)
    if meta.declared_type == "page" and words < _MIN_ARTICLE_WORDS:
        article.is_article = False
    elif (_NOT_FOUND_TITLE.search(meta.title or "") and words < 150) or (
            words < _ERROR_PAGE_WORDS and cues.NOT_FOUND.search(_h1_text(tree))):
        article.is_article = False
        article.warnings.append("an error page: it says the page was not found")
    elif _is_front(tree, article.body):
        article.is_article = False
        article.warnings.append(cues.FRONT_PAGE_WARNING)
    return article


def _host(url: str | None) -> str | None:
    """The site's host name, the publisher's name of last resort."""
    if not url:
        return None
    host = urlsplit(url).netloc.lower()
    return host.removeprefix("www.") or None


# Elements a page shows its date stamp in: class or id naming a date ("publish-date", "timestamp",
# "posted-on", "article-date"). Read before htmldate, which takes the first date it meets, a
# caption's "This March 28, 2017, file photo" included.
_STAMP_TAGS = ("time", "div", "span", "p", "li")
_STAMP_NAMES = ("publish", "date", "Date", "time", "Time", "posted")
#: A stamp is a line, not a paragraph; the first few candidates are the page's own.
_STAMP_CHARS = 120
_STAMP_TRIES = 20


# A list of the story's tags the page shows where its markup states none: an element named for
# them ("tags", "post-tags", "ArticlePage-tags", "topic-tags"; the plural only: a "tag" is one
# label, often a section's) holding a few short links. A share box or a menu named with them is none.
_TAG_LIST_NAME = re.compile(r"(?:^|[\s_-])(?:\w+-)?tags(?:$|[\s_])", re.IGNORECASE)
_NOT_TAG_LIST = re.compile(r"share|social|nav|menu|cloud|trending|popular", re.IGNORECASE)
_TAG_LINKS = (1, 15)
_TAG_WORDS = 5


def _tag_links(classed_elements: list[tuple[HtmlElement, str]]) -> list[str]:
    """The link texts of the page's first visible tag list (see _TAG_LIST_NAME)."""
    for element, cls in classed_elements:
        if not _TAG_LIST_NAME.search(cls) or _NOT_TAG_LIST.search(cls) or element.tag in ("a", "body", "html"):
            continue
        texts = [" ".join(link.text_content().split()) for link in element.iter("a")]
        texts = [t for t in texts if t]
        if _TAG_LINKS[0] <= len(texts) <= _TAG_LINKS[1] and all(len(t.split()) <= _TAG_WORDS for t in texts) \
                and not any(cues.SHARE.match(t) for t in texts):
            return texts
    return []


def _visible_stamp(tree: HtmlElement) -> dict[str, str]:
    """The "Published ..."/"Updated ..." dates the page shows in a date element, when its markup
    names none."""
    tries = 0
    updated = None  # an "Updated ..." element of its own, before the "Published ..." one
    # (A walk over the tree in Python is three times faster here than the equivalent XPath.)
    for element in tree.iter(_STAMP_TAGS):
        names = f"{element.get('class', '')} {element.get('id', '')}"
        if len(names) < 4 or not any(name in names for name in _STAMP_NAMES):
            continue
        text = " ".join(element.text_content().split())
        if 6 <= len(text) <= _STAMP_CHARS:
            found = labelled_dates(text)
            if found.get("published"):
                return {"updated": updated, **found} if updated and not found.get("updated") else found
            updated = updated or found.get("updated")
        tries += 1
        if tries == _STAMP_TRIES:
            break
    return {}


def _stamp_near_headline(heading: HtmlElement | None) -> dict[str, str]:
    """The "Posted On: ..." dates of a line between the headline's <h1> (``heading``) and the
    body, in an element whose class names no date (``<div class="newsinfo">``)."""
    if heading is None:
        return {}
    seen = set()
    for node in heading.xpath(f"following::text()[position() <= {_CREDIT_WINDOW_NODES * 3}]"):
        if len(node.split()) > 25:
            break  # the body has begun
        element = node.getparent()
        if element is not None and node.is_tail:  # (text after an element is its parent's)
            element = element.getparent()
        if element is None or element in seen or not any(c.isdigit() for c in node):
            continue
        seen.add(element)
        text = " ".join(element.text_content().split())
        if 6 <= len(text) <= _STAMP_CHARS:
            if (found := labelled_dates(text)).get("published"):
                return found
            # Unlabelled, one part of a credit line: "United Press International | Fri, 20 Nov 2015
            # 21:04:18 +0100 | Filed under: Americas" (a date with its time: a day alone may be anything's).
            for part in STAMP_PARTS.split(text):
                if YEAR.search(part) and (stamp := parse_date(part)) and "T" in stamp:
                    return {"published": stamp}
    return {}



def _htmldate(tree: HtmlElement, original: bool) -> str | None:
    # htmldate searches the whole page; only worth its cost when the markup had no date.
    from htmldate import find_date

    try:
        found = find_date(tree, original_date=original, extensive_search=False, outputformat="%Y-%m-%d")
    except Exception:  # htmldate raises assorted errors on odd trees; a missing date is fine
        return None
    return found or None
