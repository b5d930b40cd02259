"""HTML mode, part two: metadata from JSON-LD, meta tags and a few well-known page elements.

Markup the publisher wrote for machines (JSON-LD ``NewsArticle``, Open Graph, ``article:*``)
beats anything guessed from the layout, so it is read first and the layout only fills gaps.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import lxml.etree
import lxml.html
from lxml.html import HtmlElement

from wiretrace.record import ClaimReview
from wiretrace.urls import web_address

_ARTICLE_TYPES = {
    "newsarticle", "article", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
    "backgroundnewsarticle", "reviewnewsarticle", "blogposting", "socialmediaposting", "liveblogposting",
    "techarticle", "scholarlyarticle", "report", "advertisercontentarticle", "satiricalarticle",
}
_PAGE_TYPES = {"webpage", "collectionpage", "searchresultspage", "itempage", "aboutpage", "contactpage"}


# A description that only repeats the start of the first paragraph (a common og:description, a
# feed's excerpt) is no dek.
_DEK_PREFIX_WORDS = 12


def is_dek(description: str | None, headline: str | None, body: list[str]) -> bool:
    """Whether a page's or a feed item's ``description`` is a standfirst: neither its headline nor
    the opening of its ``body`` told again."""
    if not description or description == headline:
        return False
    words = re.findall(r"\w+", description.lower())[:_DEK_PREFIX_WORDS]
    first = re.findall(r"\w+", " ".join(body[:2]).lower())
    # Datelines ("LISVAR, May 6 (Reuters) -") precede the repeated text in the paragraph.
    return not (words and " ".join(words) in " ".join(first[: 2 * _DEK_PREFIX_WORDS + 40]))


@dataclass(slots=True)
class PageMeta:
    headline: str | None = None
    dek: str | None = None
    published: str | None = None
    updated: str | None = None
    authors: list[str] = field(default_factory=list)
    #: Those of ``authors`` the markup types as a Person.
    typed_people: list[str] = field(default_factory=list)
    author_orgs: list[str] = field(default_factory=list)
    publisher: str | None = None
    section: str | None = None
    breadcrumb: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    images: list[tuple[str | None, str | None, str | None]] = field(default_factory=list)
    language: str | None = None
    url: str | None = None
    source_organization: str | None = None
    syndication_source: str | None = None
    #: "article", "page" or None when the markup does not say.
    declared_type: str | None = None
    title: str | None = None
    h1: str | None = None
    #: The markup says the article is not free to read (schema.org isAccessibleForFree: false).
    paywalled: bool = False
    #: The story's text as JSON-LD ``articleBody`` states it, in paragraphs (see _paragraphs).
    article_body: list[str] = field(default_factory=list)
    #: The fact-checks the markup states (schema.org ClaimReview), their dates as written.
    claim_reviews: list[ClaimReview] = field(default_factory=list)


def _text(value: Any) -> str | None:
    if isinstance(value, str):
        # CMSs often HTML-escape JSON-LD strings ("&#8216;"); unescaping twice is harmless.
        value = " ".join(html.unescape(value).split())
        return value or None
    if isinstance(value, dict):
        return _text(value.get("name") or value.get("@value") or value.get("text"))
    if isinstance(value, list) and value:
        return _text(value[0])
    return None


# Block elements of an articleBody written as HTML, whose text is a paragraph each.
_BODY_MARKUP = re.compile(r"<(?:p|br|div|h[1-6]|li|blockquote)\b", re.IGNORECASE)


def _paragraphs(value: Any) -> list[str]:
    """JSON-LD ``articleBody`` as paragraphs: its lines, or where a CMS wrote it as HTML, the
    text of its block elements. (A body without line breaks stays one paragraph: the page does
    not say where its paragraphs end.)"""
    if not isinstance(value, str) or not value.strip():
        return []
    if _BODY_MARKUP.search(value):
        try:
            fragment = lxml.html.fragment_fromstring(value, create_parent="div")
        except (lxml.etree.ParserError, ValueError):  # (markup lxml refuses: the body is not read)
            return []
        for br in fragment.iter("br"):
            br.tail = "\n" + (br.tail or "")
        for block in fragment.iter("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote"):
            block.tail = "\n" + (block.tail or "")
        value = fragment.text_content()
    return [line for line in (" ".join(html.unescape(part).split()) for part in value.splitlines()) if line]


def _types(node: dict) -> set[str]:
    kind = node.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return {k.lower() for k in kinds if isinstance(k, str)}


def _walk(node: Any):
    """Every dict inside a JSON-LD document (``@graph``s and nesting included)."""
    if isinstance(node, dict):
        yield node
        for value in node.values():
            if isinstance(value, (dict, list)):
                yield from _walk(value)
    elif isinstance(node, list):
        for item in node:
            yield from _walk(item)


def json_ld(tree: HtmlElement) -> list[Any]:
    documents = []
    for script in tree.iterfind(".//script[@type]"):
        if "ld+json" not in (script.get("type") or "").lower():
            continue
        raw = (script.text or "").strip()
        if not raw:
            continue
        try:
            documents.append(json.loads(raw))
        except ValueError:
            # Real pages ship trailing commas and raw newlines in strings; skip what won't parse.
            try:
                documents.append(json.loads(re.sub(r",\s*([}\]])", r"\1", raw), strict=False))
            except ValueError:
                continue
    return documents


def _people_and_orgs(value: Any) -> tuple[list[str], list[str], list[str]]:
    """The names of people, of organisations, and of those people typed Person, in an author list."""
    people, orgs, typed = [], [], []
    for item in value if isinstance(value, list) else [value]:
        if isinstance(item, str):
            people.append(" ".join(item.split()))
        elif isinstance(item, dict):
            name = _text(item.get("name"))
            if not name:
                continue
            kinds = _types(item)
            (orgs if "organization" in kinds or "newsmediaorganization" in kinds else people).append(name)
            if "person" in kinds:
                typed.append(name)
    return people, orgs, typed


def _image(value: Any) -> list[tuple[str | None, str | None, str | None]]:
    images = []
    for item in value if isinstance(value, list) else [value]:
        if isinstance(item, str):
            images.append((item, None, None))
        elif isinstance(item, dict):
            url = _text(item.get("url") or item.get("contentUrl"))
            caption = _text(item.get("caption") or item.get("description"))
            credit = _text(item.get("creditText") or item.get("copyrightHolder") or item.get("author"))
            if url or caption:
                images.append((url, caption, credit))
    return images


def _number(value: Any) -> str | None:
    """A rating's number as written, JSON number or string ("1", 1, -1)."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return f"{value:g}"
    return _text(value)


def _claim_review(node: dict) -> ClaimReview | None:
    """A schema.org ClaimReview node as the record's ClaimReview; None where it states neither
    the claim nor a verdict."""
    rating = node.get("reviewRating")
    verdict = None
    if isinstance(rating, dict):
        verdict = _text(rating.get("alternateName")) or _text(rating.get("name"))
        if verdict is None and (value := _number(rating.get("ratingValue"))) is not None:
            worst, best = _number(rating.get("worstRating")), _number(rating.get("bestRating"))
            verdict = f"{value} (from {worst} to {best})" if worst is not None and best is not None else value
    reviewed = node.get("itemReviewed")
    reviewed = reviewed if isinstance(reviewed, dict) else {}
    # (The claim may be stated on the reviewed Claim instead: its "text" or "name".)
    claim = _text(node.get("claimReviewed")) or _text(reviewed.get("text")) or _text(reviewed.get("name"))
    if claim is None and verdict is None:
        return None
    people, orgs, _typed = _people_and_orgs(node.get("author") or [])
    by_people, by_orgs, _typed = _people_and_orgs(reviewed.get("author") or [])
    claimant = next(iter(by_people + by_orgs), None)
    return ClaimReview(claim=claim, rating=verdict, rated_by=next(iter(orgs + people), None), claimant=claimant,
                       date=_text(node.get("datePublished")), url=_text(node.get("url")))


def _keywords(value: Any) -> list[str]:
    if isinstance(value, str):
        return [k.strip() for k in re.split(r"[,;]", value) if k.strip()]
    if isinstance(value, list):
        return [k for v in value for k in _keywords(v)]
    return []


def _read_json_ld(documents: list[Any], meta: PageMeta) -> None:
    article = None
    for node in _walk(documents):
        kinds = _types(node)
        if kinds & _ARTICLE_TYPES and article is None and (node.get("headline") or node.get("articleBody") or node.get("datePublished")):
            article = node
        if "breadcrumblist" in kinds and not meta.breadcrumb:
            items = node.get("itemListElement") or []
            items = sorted((i for i in items if isinstance(i, dict)), key=lambda i: i.get("position") or 0)
            meta.breadcrumb = [n for i in items if (n := _text(i.get("name") or i.get("item")))]
        if kinds & _PAGE_TYPES and meta.declared_type is None:
            meta.declared_type = "page"
        if "claimreview" in kinds and (review := _claim_review(node)) is not None and review not in meta.claim_reviews:
            meta.claim_reviews.append(review)
    if article is None:
        return
    meta.declared_type = "article"
    meta.headline = _text(article.get("headline")) or _text(article.get("name"))
    meta.dek = _text(article.get("description")) or _text(article.get("alternativeHeadline"))
    meta.published = _text(article.get("datePublished")) or _text(article.get("dateCreated"))
    meta.updated = _text(article.get("dateModified"))
    meta.authors, meta.author_orgs, meta.typed_people = _people_and_orgs(article.get("author") or [])
    meta.publisher = _text(article.get("publisher"))
    meta.section = _text(article.get("articleSection"))
    meta.tags = _keywords(article.get("keywords"))
    meta.images = _image(article.get("image") or [])
    meta.language = _text(article.get("inLanguage"))
    meta.url = _text(article.get("url") or article.get("mainEntityOfPage"))
    meta.source_organization = _text(article.get("sourceOrganization"))
    meta.paywalled = str(article.get("isAccessibleForFree", "")).lower() == "false"
    meta.article_body = _paragraphs(article.get("articleBody"))


def _meta_tags(tree: HtmlElement) -> dict[str, list[str]]:
    tags: dict[str, list[str]] = {}
    for element in tree.iterfind(".//meta"):
        key = element.get("property") or element.get("name") or element.get("itemprop")
        value = element.get("content")
        if key and value and value.strip():
            tags.setdefault(key.strip().lower(), []).append(" ".join(value.split()))
    return tags


def _first(tags: dict[str, list[str]], *keys: str) -> str | None:
    for key in keys:
        if tags.get(key):
            return tags[key][0]
    return None


def _strip_site_suffix(title: str, site: str | None) -> str:
    """"Headline - Site" -> "Headline"; also drops a short " | Brand" tail when the site is unknown."""
    if site and title.lower().endswith(site.lower()):
        return re.sub(r"\s*(?:[|–—:-]|::)\s*$", "", title[: -len(site)]).strip() or title
    match = re.search(r"\s+[|–—]\s+[^|–—]{2,30}$", title)
    if match and len(title[: match.start()].split()) >= 3:
        return title[: match.start()]
    return title


def _norm(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def _choose_headline(declared: list[str | None], h1s: list[str], site: str | None) -> str | None:
    """The article's headline: markup first, but an <h1> that spells it out wins, and a site name never does.

    Markup titles often carry a " | Site" suffix; <h1> is often the site's logo. The headline is
    the one that agrees across both.
    """
    candidates = [_strip_site_suffix(c, site) for c in declared if c]
    site_key = _norm(site) if site else None
    for h1 in h1s:
        key = _norm(h1)
        if key and key != site_key and any(key in _norm(c) or _norm(c) in key for c in candidates if _norm(c)):
            return h1
    for candidate in candidates:
        if _norm(candidate) != site_key:
            return candidate
    return next((h for h in h1s if h and _norm(h) != site_key), None)


def _is_home_page(address: str) -> bool:
    path = urlsplit(address).path
    return path.strip("/") == "" or re.fullmatch(r"/index\.\w+", path) is not None


def _page_url(declared: str | None, tree: HtmlElement, tags: dict[str, list[str]], url: str | None) -> str | None:
    """The article's own address: the article markup's URL, else the canonical link, else og:url or
    the URL the page was fetched from (``url``); None when none of them is a web address.

    A declared address gives way to the page's own when it is no address of this article: a
    republisher's canonical link to the original on another site, or a template's canonical link
    to the site's home page on every story.
    """
    base = web_address(url) or web_address(_first(tags, "og:url"))
    own = web_address(_first(tags, "og:url"), base) or web_address(url)
    canonical = tree.find(".//link[@rel='canonical']")
    candidates = [web_address(declared, base), web_address(canonical.get("href") if canonical is not None else None, base)]
    for index, address in enumerate(candidates):
        if address is None or own is None:
            continue
        # (Only the canonical link points at the original: the article markup describes this page.)
        elsewhere = index == 1 and urlsplit(address).netloc.lower() != urlsplit(own).netloc.lower()
        if elsewhere or (_is_home_page(address) and not _is_home_page(own)):
            candidates[index] = None
    return next((address for address in candidates if address), own)


def read_metadata(tree: HtmlElement, url: str | None = None) -> PageMeta:
    """Collect what the page's markup says about the article."""
    meta = PageMeta()
    _read_json_ld(json_ld(tree), meta)
    tags = _meta_tags(tree)
    site = _first(tags, "og:site_name", "application-name")
    title_el = tree.find(".//title")
    meta.title = " ".join(title_el.text_content().split()) if title_el is not None else None
    h1s = [" ".join(h.text_content().split()) for h in tree.iterfind(".//h1")][:5]
    meta.h1 = h1s[0] if h1s else None
    meta.headline = _choose_headline(
        [meta.headline, _first(tags, "og:title", "twitter:title", "headline", "dc.title", "sailthru.title", "parsely-title"),
         meta.title], h1s, site or meta.publisher)
    meta.dek = meta.dek or _first(tags, "og:description", "description", "twitter:description", "dc.description")
    meta.published = meta.published or _first(
        tags, "article:published_time", "og:article:published_time", "datepublished", "pubdate", "publishdate",
        "publish-date", "date", "dc.date", "dc.date.issued", "dcterms.created", "sailthru.date", "parsely-pub-date",
        "cxenseparse:recs:publishtime", "article.published",
    )
    meta.updated = meta.updated or _first(tags, "article:modified_time", "og:updated_time", "datemodified", "dcterms.modified", "last-modified")
    if not meta.authors and not meta.author_orgs:
        names = tags.get("author") or tags.get("article:author") or tags.get("byl") or tags.get("parsely-author") or tags.get("sailthru.author") or []
        for name in names:
            if not name.startswith("http"):
                meta.authors.extend(n.strip() for n in re.split(r"\s*(?:,|\band\b|&)\s*", re.sub(r"^by\s+", "", name, flags=re.I)) if n.strip())
    meta.publisher = meta.publisher or site
    meta.section = meta.section or _first(tags, "article:section", "section", "parsely-section", "sailthru.section")
    if not meta.tags:
        for key in ("article:tag", "news_keywords", "keywords", "parsely-tags", "sailthru.tags"):
            if tags.get(key):
                meta.tags = [k for v in tags[key] for k in _keywords(v)]
                break
    if not meta.images:
        image = _first(tags, "og:image", "twitter:image", "og:image:url")
        if image:
            meta.images = [(image, _first(tags, "og:image:alt", "twitter:image:alt"), None)]
    meta.syndication_source = _first(tags, "syndication-source", "original-source", "dc.source")
    og_type = _first(tags, "og:type")
    if meta.declared_type is None and og_type:
        meta.declared_type = "article" if "article" in og_type.lower() else ("page" if og_type.lower() == "website" else None)
    html = tree if tree.tag == "html" else tree.getroottree().getroot()
    meta.language = meta.language or html.get("lang") or _first(tags, "og:locale", "content-language", "language", "dc.language")
    meta.url = _page_url(meta.url, tree, tags, url)
    return meta
