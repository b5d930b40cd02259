"""HTML mode, part one: the article body (paragraphs in order) and what was removed from it."""

from __future__ import annotations

import itertools
import logging
import re
from copy import copy, deepcopy
from dataclasses import dataclass, field
from urllib.parse import urljoin

from lxml.etree import Comment, ProcessingInstruction, XPath, _Element, strip_elements
from lxml.html import HtmlElement
from trafilatura.core import _forum_thread_page
from trafilatura.external import sanitize_tree, try_readability
from trafilatura.htmlprocessing import convert_tags, prune_unwanted_nodes, tree_cleaning
from trafilatura.main_extractor import extract_content
from trafilatura.settings import Extractor
from trafilatura.xpaths import RAW_TREE_PRUNE_XPATH, REMOVE_COMMENTS_AND_LISTS_XPATH

from wiretrace.extract import captions, cues, htmlclean
from wiretrace.record import Boilerplate, RelatedLink

LOGGER = logging.getLogger(__name__)


@dataclass(slots=True)
class HtmlBody:
    paragraphs: list[str] = field(default_factory=list)
    boilerplate: list[Boilerplate] = field(default_factory=list)
    related: list[RelatedLink] = field(default_factory=list)
    #: What went wrong, for the record's warnings.
    warnings: list[str] = field(default_factory=list)


_OPTIONS = Extractor(fast=True, comments=False, links=False)


def _options(url: str | None, focus: str = "balanced") -> Extractor:
    # (A copy: Extractor() reads its settings from a ConfigParser, ten times the cost.)
    options = copy(_OPTIONS)
    options.url = options.source = url
    options.focus = focus
    return options


def _work_copy(tree: HtmlElement) -> HtmlElement:
    "A private copy of the page to clean in place; comments and PIs would trip tag-based code."
    work = deepcopy(tree)
    strip_elements(work, Comment, ProcessingInstruction, with_tail=False)
    return work


# trafilatura tests a page's paragraphs with the XPath "//p//text()", which libxml2 answers in
# time quadratic in the nodes it meets inside <p>s: 20 s for 100,000 one-line paragraphs. A long
# report holds a few thousand such nodes (DEV pages at most 450); past this many, only the
# paragraphs before the limit are read.
_MAX_PARAGRAPH_NODES = 50_000


def _cut_paragraphs(tree: _Element) -> int | None:
    """Remove the <p>s after the first :data:`_MAX_PARAGRAPH_NODES` nodes inside paragraphs
    (elements and text runs); returns how many paragraphs are kept, or None when none is cut."""
    paragraphs = list(tree.iter("p"))
    nodes = 0
    for kept, paragraph in enumerate(paragraphs):
        for element in paragraph.iter():
            nodes += 1 + (element.text is not None) + (element is not paragraph and element.tail is not None)
        if nodes > _MAX_PARAGRAPH_NODES:
            break
    else:
        return None
    for paragraph in paragraphs[kept:]:
        parent = paragraph.getparent()
        if parent is not None:  # (None for a page that is one <p>)
            parent.remove(paragraph)
    return kept


# (libxml2 counts the characters of the page's text without handing Python a string per node.)
_TEXT_LENGTH = XPath("string-length(.)")


def _trafilatura_body(
    tree: HtmlElement, url: str | None, furniture: list | None = None, warnings: list[str] | None = None,
    focus: str = "balanced",
) -> tuple[_Element, str, htmlclean.LinkIndex, int]:
    """trafilatura's fast cascade on the already parsed page, minus the copies it makes to
    protect its input (we own ``work``) and minus the metadata step. What is removed up
    front as page furniture is appended to ``furniture``, and what the record should be told
    (a page too large to read whole) to ``warnings``; ``focus`` is trafilatura's ("recall"
    keeps more of what it doubts). Also returns the links of the cleaned
    page, indexed before trafilatura strips them (navigation and footers gone, so the index
    is small), and how many characters of text the cleaned page holds."""
    options = _options(url, focus)
    work = _work_copy(tree)
    removed = htmlclean.remove_furniture(work, url)
    htmlclean.unwrap_embedded_posts(work)
    htmlclean.paragraphs_from_breaks(work)
    if furniture is not None:
        furniture.extend(removed)
    is_forum = _forum_thread_page(work)
    # trafilatura prunes these on the raw tree; on the cleaned one (no scripts, navigation,
    # asides, footers) the regex XPaths have far fewer nodes to test
    cleaned = tree_cleaning(work, options)
    cleaned = prune_unwanted_nodes(cleaned, RAW_TREE_PRUNE_XPATH)
    if not is_forum:
        cleaned = prune_unwanted_nodes(cleaned, REMOVE_COMMENTS_AND_LISTS_XPATH)
    htmlclean.merge_split_body(cleaned)
    kept = _cut_paragraphs(cleaned)
    if kept is not None and warnings is not None:
        warnings.append(f"body read from the page's first {kept:,} paragraphs")
    links = htmlclean.LinkIndex(cleaned)
    page_chars = int(_TEXT_LENGTH(cleaned))
    cleaned = convert_tags(cleaned, options, url)
    body, text = extract_content(cleaned, options)
    return body, text, links, page_chars


def _readability_body(tree: HtmlElement, url: str | None) -> tuple[_Element, str]:
    "trafilatura's readability fallback, as its full cascade runs it, minus the page furniture."
    options = _options(url)
    work = _work_copy(tree)
    htmlclean.remove_furniture(work, url)
    work = prune_unwanted_nodes(work, RAW_TREE_PRUNE_XPATH)
    body = try_readability(work)
    if len(body) == 0:
        return body, ""
    return sanitize_tree(body, options)


# Below this many characters trafilatura's result is a failure rather than a short article
# (its own MIN_EXTRACTED_SIZE).
_MIN_BODY_CHARS = 250
# A result under this many characters that holds less than this share of the cleaned page's
# text may have left the story out (a funeral home's card and a guest book's <p>s taken, the
# obituary itself, <br>-separated text in a <div>, not): trafilatura's pick in recall mode
# replaces it when it is this many times longer. (trafilatura's own recall escalation, with
# its figures; readability's pick, tried instead, was a page's metadata block on DEV.)
_SHORT_BODY_CHARS = 3000
_SHORT_BODY_PAGE_SHARE = 0.2
_LONGER_PICK_RATIO = 1.5
# (Only where a <div> holds text of its own, outside any paragraph, of at least this share of
# the first result's length: what the first pick may have passed over and the second can add.
# Most short stories on a busy page have none, and a second pass costs as much as the first.)
_LOOSE_TEXT_SHARE = 0.5


def _most_loose_text(tree: HtmlElement) -> int:
    """The most characters of text a <div> of the page holds outside its child elements."""
    most = 0
    for div in tree.iter("div"):
        chars = len((div.text or "").strip()) + sum(len((child.tail or "").strip()) for child in div)
        most = max(most, chars)
    return most


def _extract(tree: HtmlElement, url: str | None, furniture: list,
             warnings: list[str]) -> tuple[_Element, htmlclean.LinkIndex | None]:
    """trafilatura first (again in recall mode where a short text leaves most of the page's),
    readability only when trafilatura comes up short.

    trafilatura's own rescue for that case is its baseline, a dump of the page's text, which
    on a news page is mostly navigation; readability's scoring of paragraph clusters finds
    a short story inside a big template far more often.
    """
    removed: list = []
    body, text, links, page_chars = _trafilatura_body(tree, url, removed, warnings)
    if _MIN_BODY_CHARS <= len(text) < _SHORT_BODY_CHARS and len(text) < _SHORT_BODY_PAGE_SHARE * page_chars \
            and _most_loose_text(tree) > _LOOSE_TEXT_SHARE * len(text):
        removed_again: list = []
        recalled = _trafilatura_body(tree, url, removed_again, focus="recall")
        if len(recalled[1]) > _LONGER_PICK_RATIO * len(text):
            (body, text, links, _), removed = recalled, removed_again
    furniture.extend(removed)
    if len(text) >= _MIN_BODY_CHARS:
        return body, links
    other, other_text = _readability_body(tree, url)
    # readability reads the raw page: its links are indexed from there if needed
    return (other, None) if len(other_text) > len(text) else (body, links)


# --- blocks --------------------------------------------------------------------------------


@dataclass(slots=True)
class Block:
    "One paragraph-level unit of trafilatura's output."

    text: str
    #: trafilatura's output tag: p, head, item, row, quote, code...
    tag: str
    #: identity of the enclosing <list>, so that list items can be judged together
    group: int | None = None
    label: str | None = None


def _flat_text(element: _Element) -> list[str]:
    "An element's text, one string per <lb>-separated line, and per paragraph or other block inside it."
    lines, current = [], [element.text or ""]
    for child in element:
        if child.tag == "lb":
            lines.append("".join(current))
            current = [child.tail or ""]
        elif child.tag in _PARAGRAPH_TAGS:  # (its words are no part of the line before or after it)
            lines.append("".join(current))
            lines.append("".join(child.itertext()))
            current = [child.tail or ""]
        else:
            current.append("".join(child.itertext()))
            current.append(child.tail or "")
    lines.append("".join(current))
    return [t for t in (" ".join(line.split()) for line in lines) if t]


_CONTAINERS = {"body", "list", "table", "quote", "div"}
_BLOCK_TAGS = {"p", "head", "quote", "code", "item", "row", "list", "table", "cell"}
# ... of which those never inline (trafilatura's <code> is a snippet in a sentence, too).
_PARAGRAPH_TAGS = _BLOCK_TAGS - {"code"}
# A cell with at least this many paragraphs (or other blocks) in it is a layout table's column,
# the story's text among them, not a datum.
_LAYOUT_CELL_BLOCKS = 2


def _is_layout_row(row: _Element) -> bool:
    return any(sum(child.tag in _PARAGRAPH_TAGS for child in cell) >= _LAYOUT_CELL_BLOCKS for cell in row)


def _blocks(element: _Element, out: list[Block], group: int | None = None) -> list[Block]:
    """Flatten trafilatura's output into blocks: list items and table rows are paragraphs of
    their own, and so is each <lb>-separated line. A row of a layout table (a cell holding
    paragraphs: old templates set the whole page in one) is read cell by cell, block by block.

    readability's output keeps the page's <div>s (trafilatura's has none): a <div> that only
    wraps others is a container like the rest, and one that holds text alone is a paragraph."""
    nested = element.tag in _CONTAINERS and any(child.tag in _BLOCK_TAGS or child.tag in _CONTAINERS
                                                for child in element) \
        or element.tag == "row" and _is_layout_row(element) \
        or element.tag == "cell" and any(child.tag in _PARAGRAPH_TAGS for child in element)
    if not nested:
        if element.tag == "row":
            cells = [" ".join(_flat_text(cell)) for cell in element]
            texts = [" ".join(c for c in cells if c)]
        else:
            texts = _flat_text(element)
        tag = "p" if element.tag in ("div", "cell") else str(element.tag)
        out.extend(Block(text, tag, group) for text in texts if text)
        return out
    if element.tag == "list":
        group = id(element)
    if element.text and not element.text.isspace():
        out.append(Block(" ".join(element.text.split()), "p", group))
    for child in element:
        _blocks(child, out, group)
        if child.tail and not child.tail.isspace():
            out.append(Block(" ".join(child.tail.split()), "p", group))
    return out


# --- page context ---------------------------------------------------------------------------

_TITLE_SPLIT = re.compile(r"\s+(?:\||-|–|—|::|·|•)\s+")


class _Page:
    "What the clean-up needs to know about the page: titles, descriptions and links."

    def __init__(self, tree: HtmlElement, url: str | None, links: htmlclean.LinkIndex | None = None) -> None:
        self.tree, self.url = tree, url
        self.titles: set[str] = set()
        self.descriptions: set[str] = set()
        for meta in tree.iterfind(".//head/meta"):
            key = (meta.get("property") or meta.get("name") or "").lower()
            content = meta.get("content") or ""
            if key in ("og:title", "twitter:title"):
                self.titles.add(htmlclean.normalize(content))
            elif key in ("description", "og:description", "twitter:description"):
                self.descriptions.add(htmlclean.normalize(content))
        title = tree.find(".//head/title")
        if title is not None and title.text:
            self.titles.add(htmlclean.normalize(title.text))
            self.titles.update(htmlclean.normalize(part) for part in _TITLE_SPLIT.split(title.text))
        for heading in tree.iter("h1"):
            self.titles.add(htmlclean.normalize(heading.text_content()))
        self.titles = {t for t in self.titles if len(t) >= 10}
        self.descriptions = {d for d in self.descriptions if len(d) >= 30}
        self._links = links

    @property
    def links(self) -> htmlclean.LinkIndex:
        if self._links is None:
            self._links = htmlclean.LinkIndex(self.tree)
        return self._links

    def link(self, text: str, whole: bool = True) -> str | None:
        """The absolute URL of a link whose whole text is ``text``, or with ``whole=False`` of
        the first link inside a short block with that text."""
        href = self.links.url(text, whole)
        if href is None:
            return None
        return urljoin(self.url, href) if self.url else href

    def link_share(self, text: str) -> float:
        return self.links.share(text)

    def is_title(self, text: str) -> bool:
        return htmlclean.normalize(text) in self.titles

    def is_description(self, text: str) -> bool:
        key = htmlclean.normalize(text)
        return any(key == d or (len(d) >= 50 and key.startswith(d)) for d in self.descriptions)


# --- clean-up --------------------------------------------------------------------------------

# A paragraph this long is article prose: the lead (headline, dek, byline) ends before it.
_PROSE_WORDS = 15
# Sign-offs are looked for among this many last blocks.
_TAIL_BLOCKS = 5


def _label_lead(blocks: list[Block], page: _Page) -> None:
    "Headline, dek, byline and dateline lines before the first paragraph of prose."
    for block in blocks[:6]:
        if block.label:
            continue
        if page.is_title(block.text):
            block.label = "other"
        elif block.tag == "head" and page.is_description(block.text):
            block.label = "other"
        elif htmlclean.is_dateline(block.text):
            block.label = "dateline" if htmlclean.DATE.search(block.text) else "byline"
        elif block.tag == "p" and htmlclean.words(block.text) >= _PROSE_WORDS:
            break


# A teaser headline is link text, or in a list mostly so (some sites link only its key words).
_LINK_SHARE = 0.8
_LIST_LINK_SHARE = 0.4


def _link_share(block: Block, page: _Page) -> float:
    "How much of a headline-sized block is link text."
    if block.tag not in ("p", "head", "item") or not 3 <= htmlclean.words(block.text) <= 30:
        return 0.0
    if page.link(htmlclean.strip_teaser_tag(block.text)) is not None:
        return 1.0
    # a partly linked sentence is prose (a key-points bullet), headlines carry no full stop
    return 0.0 if block.text.endswith(".") else page.link_share(block.text)


def _is_list_heading(block: Block) -> bool:
    return htmlclean.words(block.text) <= 8 and (
        block.tag == "head"
        or block.text.endswith(":")
        or block.label in ("promo", "related")
        or bool(cues.RELATED_HEADING.match(block.text))
    )


def _label_link_runs(blocks: list[Block], page: _Page) -> None:
    """Runs of headline links are related-story lists, and so is the short heading above one.

    A single link needs a related cue right above it; in a list, a few items that are not
    links (an emoji-led promo line) do not save the rest.
    """
    shares = [0.0 if block.label else _link_share(block, page) for block in blocks]
    linked = [share >= _LINK_SHARE for share in shares]
    # Where the list of each block ends, and how many list links come before each block: a
    # list's remainder is judged at each of its blocks, and a rescan of it each time cost a
    # page with a 100,000-item list minutes.
    group_end = list(range(1, len(blocks) + 1))
    for index in range(len(blocks) - 2, -1, -1):
        if blocks[index].group is not None and blocks[index + 1].group == blocks[index].group:
            group_end[index] = group_end[index + 1]
    list_links_before = [0, *itertools.accumulate(share >= _LIST_LINK_SHARE for share in shares)]
    start = 0
    while start < len(blocks):
        if blocks[start].group is not None:
            end = group_end[start]
            links = list_links_before[end] - list_links_before[start]
            if links >= 2 and links >= 0.6 * (end - start):
                _label_run(blocks, start, end)
                start = end
                continue
        if not linked[start]:
            start += 1
            continue
        end = start
        while end < len(blocks) and linked[end]:
            end += 1
        before = blocks[start - 1] if start else None
        cued = before is not None and (before.label in ("promo", "related") or cues.RELATED_HEADING.match(before.text))
        if end - start >= 2 or cued:
            _label_run(blocks, start, end)
        start = end


def _label_run(blocks: list[Block], start: int, end: int) -> None:
    for block in blocks[start:end]:
        block.label = block.label or "related"
    if start and _is_list_heading(blocks[start - 1]):
        blocks[start - 1].label = blocks[start - 1].label or "related"


#: A caption set as a paragraph has at most this many words.
_CAPTION_WORDS = 60


def _clean_blocks(blocks: list[Block], page: _Page) -> HtmlBody:
    _label_lead(blocks, page)
    for block in blocks:
        if block.label is None:
            block.label = cues.anywhere_category(block.text)
        if block.label is None and htmlclean.is_tool_bar(block.text):
            block.label = "navigation"
        # A picture's caption set as a paragraph, which its agency's photo credit closes ("... on
        # Friday. REUTERS/Jon Tavi", "(AP Photo/Jon Tavi)"): no paragraph ends on one.
        if block.label is None and (credit := captions.trailing_credit(block.text)) is not None \
                and credit.start() > 0 and captions.names_an_agency(credit) and htmlclean.words(block.text) <= _CAPTION_WORDS:
            block.label = "caption"
        # a repeated headline is never prose
        if block.label is None and page.is_title(block.text) and htmlclean.words(block.text) >= 4:
            block.label = "other"
    _label_link_runs(blocks, page)
    tail = blocks[-_TAIL_BLOCKS:]
    tail_texts = [block.text for block in tail]
    for k, block in enumerate(tail):
        if block.label is None:
            # (A press release's profile of its company closes it: "Ascom is a global solutions
            # provider ... Ascom is headquartered in Baar ...".)
            block.label = "footer" if cues.company_profile(tail_texts, k) else htmlclean.tail_category(block.text)

    result = HtmlBody()
    for block in blocks:
        if block.label is None:
            head, promo = cues.split_inline_promo(block.text)
            if promo:
                result.paragraphs.append(head)
                result.boilerplate.append(Boilerplate(promo, "promo"))
                result.related.append(RelatedLink(promo, page.link(promo)))
            else:
                result.paragraphs.append(block.text)
            continue
        result.boilerplate.append(Boilerplate(block.text, block.label))
        if block.label in ("promo", "related") and htmlclean.words(block.text) >= 3:
            headline = cues.promo_headline(block.text) if block.label == "promo" else block.text
            url = page.link(headline) or page.link(block.text, whole=False)
            if url:
                result.related.append(RelatedLink(headline, url))
    return result


def extract_body(tree: HtmlElement, url: str | None = None) -> HtmlBody:
    """Extract the article body from a parsed page. ``tree`` is not modified.

    trafilatura's main extractor runs on a private copy of the page (readability only when
    it comes up short); the news-specific clean-up then drops the headline, dek, bylines,
    promos, related-story lists, newsletter boxes, share bars and sign-offs from the result.
    What was dropped is returned in ``boilerplate`` and, for story links, in ``related``
    (absolute URLs when ``url`` is given). A page without an article gives an empty body.
    """
    if tree is None or not isinstance(tree, HtmlElement):
        return HtmlBody()
    try:
        furniture: list[tuple[str, str, str | None]] = []
        warnings: list[str] = []
        body, links = _extract(tree, url, furniture, warnings)
        result = _clean_blocks(_blocks(body, []), _Page(tree, url, links))
    except Exception as err:  # a hostile page must cost its body, never the whole run
        # The record says so; the traceback is for whoever turns on this module's debug log.
        LOGGER.debug("body extraction failed on %s", url, exc_info=True)
        reason = " ".join(str(err).split())[:200]
        return HtmlBody(warnings=[f"body extraction failed ({type(err).__name__}{': ' if reason else ''}{reason})"])
    result.warnings.extend(warnings)
    for category, text, link in furniture:
        result.boilerplate.append(Boilerplate(text, category))
        if category == "related":
            result.related.append(RelatedLink(text, link))
    return result
