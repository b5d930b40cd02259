"""HTML mode, part one: the article body (paragraphs in order) and what was removed from it."""

from __future__ import annotations

import logging
import re
from copy import copy, deepcopy
from dataclasses import dataclass, field

from lxml.etree import Comment, ProcessingInstruction, _Element, strip_elements
from lxml.html import HtmlElement
from trafilatura.baseline import baseline, html2txt
from trafilatura.core import _forum_thread_page
from trafilatura.htmlprocessing import convert_tags, prune_unwanted_nodes, tree_cleaning
from trafilatura.main_extractor import extract_content
from trafilatura.settings import Extractor
from trafilatura.xpaths import RAW_TREE_PRUNE_XPATH, REMOVE_COMMENTS_AND_LISTS_XPATH

from wiretrace.extract import htmlclean
from wiretrace.record import Boilerplate, RelatedLink

LOGGER = logging.getLogger(__name__)


@dataclass(slots=True)
class HtmlBody:
    paragraphs: list[str] = field(default_factory=list)
    boilerplate: list[Boilerplate] = field(default_factory=list)
    related: list[RelatedLink] = field(default_factory=list)


def _options(url: str | None) -> Extractor:
    return Extractor(fast=True, comments=False, links=False, url=url)


def _work_copy(tree: HtmlElement) -> HtmlElement:
    "A private copy of the page to clean in place; comments and PIs would trip tag-based code."
    work = deepcopy(tree)
    strip_elements(work, Comment, ProcessingInstruction, with_tail=False)
    return work


def _trafilatura_body(tree: HtmlElement, url: str | None) -> tuple[_Element, str]:
    """trafilatura's fast cascade on the already parsed page, minus the copies it makes to
    protect its input (we own ``work``) and minus the metadata step."""
    options = _options(url)
    work = _work_copy(tree)
    is_forum = _forum_thread_page(work)
    work = prune_unwanted_nodes(work, RAW_TREE_PRUNE_XPATH)
    if not is_forum:
        work = prune_unwanted_nodes(work, REMOVE_COMMENTS_AND_LISTS_XPATH)
    htmlclean.merge_split_body(work)
    cleaned = convert_tags(tree_cleaning(work, options), options, url)
    body, text = extract_content(cleaned, options)
    return body, text


# --- paragraphs ------------------------------------------------------------------------------

_BLOCKS = {"p", "head", "quote", "code", "item", "row", "list", "table"}


def _text(element: _Element) -> str:
    return " ".join("".join(element.itertext()).split())


def _block_texts(element: _Element) -> list[str]:
    """Split one block of trafilatura's output into paragraph strings: list items and table
    rows are paragraphs of their own, and so is each <lb>-separated line."""
    if element.tag in ("body", "list", "table") or (element.tag == "quote" and element.find("p") is not None):
        out = [] if element.text is None or element.text.isspace() else [" ".join(element.text.split())]
        for child in element:
            out.extend(_block_texts(child))
            if child.tail and not child.tail.isspace():
                out.append(" ".join(child.tail.split()))
        return out
    if element.tag == "row":
        cells = [_text(cell) for cell in element]
        return [" ".join(c for c in cells if c)] if any(cells) else []
    lines, current = [], [element.text or ""]
    for child in element:
        if child.tag == "lb":
            lines.append("".join(current))
            current = [child.tail or ""]
        elif child.tag in ("list", "table", "p"):
            lines.append("".join(current))
            lines.extend(_block_texts(child))
            current = [child.tail or ""]
        else:
            current.append("".join(child.itertext()))
            current.append(child.tail or "")
    lines.append("".join(current))
    return [t for t in (" ".join(line.split()) for line in lines) if t]


def extract_body(tree: HtmlElement, url: str | None = None) -> HtmlBody:
    """Extract the article body from a parsed page. ``tree`` is not modified."""
    if tree is None or not isinstance(tree, HtmlElement):
        return HtmlBody()
    try:
        body, _ = _trafilatura_body(tree, url)
    except (RecursionError, ValueError, TypeError) as err:
        LOGGER.warning("body extraction failed: %s %s", url, err)
        return HtmlBody()
    paragraphs = _block_texts(body)
    return HtmlBody(paragraphs=paragraphs)
