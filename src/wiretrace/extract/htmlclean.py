"""News-specific clean-up around trafilatura.

Tree level, on the private copy of the page before trafilatura runs: split article bodies are
joined, page furniture (captions, related-story boxes, newsletter boxes, share bars) is
removed and reported. Block level, on trafilatura's output: patterns and a link index that
tell promos, sign-offs, datelines and related-story lists from prose.
"""

from __future__ import annotations

import re
from itertools import islice
from urllib.parse import urljoin

from lxml.html import HtmlElement
from trafilatura.xml import delete_element
from trafilatura.xpaths import BODY_XPATH

from wiretrace.extract import cues
from wiretrace.extract.dates import FOREIGN_DATE_LABELS

# Parts of one split article body sit close together: under a common ancestor at most this
# many levels above each part (wrappers for the ad slot or paywall teaser in between).
_MAX_PART_DISTANCE = 4


def _depth_below(ancestor: HtmlElement, element: HtmlElement) -> int | None:
    depth = 0
    for parent in element.iterancestors():
        depth += 1
        if parent is ancestor:
            return depth
        if depth > _MAX_PART_DISTANCE:
            return None
    return None


def merge_split_body(tree: HtmlElement) -> int:
    """Join an article body that the page splits into several same-class containers.

    News templates often cut the body into sibling blocks (``article__body`` ... ad slot ...
    ``article__body``) so that adverts or a paywall notice can sit in between. trafilatura
    takes the first container that matches its body expressions, and with it only the first
    part of the story. The later parts are moved into the first one, which leaves the
    in-between slots outside. Returns the number of parts moved.
    """
    matches = [elem for elem in BODY_XPATH[0](tree) if elem is not None]
    if len(matches) < 2:
        return 0
    first = matches[0]
    signature = (first.tag, first.get("class"), first.get("id"))
    moved = 0
    for other in matches[1:]:
        if (other.tag, other.get("class"), other.get("id")) != signature:
            continue
        # nested matches are already covered, and a part must be near the first one
        if any(parent is first for parent in other.iterancestors()):
            continue
        common = next((a for a in first.iterancestors() if _depth_below(a, other) is not None), None)
        if common is None or _depth_below(common, first) is None:
            continue
        # another story (an appended "next article") brings its own headline
        if other.find(".//h1") is not None:
            continue
        other.tail = None
        first.append(other)
        moved += 1
    return moved


# Page furniture that trafilatura discards too (figures, its caption, "elated", newsletter and
# share tokens). Removing it up front lets us report what was dropped. Found by a plain walk
# over the block tags: an XPath pass with the same substring tests costs several times more.
_BLOCK_TAGS = ("aside", "div", "section", "ul", "ol", "form", "p", "span", "figcaption")


# Older templates name a caption's box in short: "imgcap", "photo-cap", "pic_cap".
_SHORT_CAPTION_NAME = re.compile(r"(?:img|image|photo|pic)[-_]?cap\b", re.IGNORECASE)
# What a subscribe box may be named instead of "newsletter": "subscription-widget", "signup-box", "optin".
_SIGNUP_NAME = re.compile(r"subscri|sign-?up|opt-?in", re.IGNORECASE)
# Class names that show a block on paper only (the common CSS frameworks' and templates' own).
_PRINT_ONLY = frozenset({"print-only", "printonly", "print_only", "only-print", "show-for-print", "visible-print",
                         "visible-print-block", "visible-print-inline", "print-header", "print-footer"})


def _furniture_category(element: HtmlElement) -> str | None:
    tag = element.tag
    cls, ident = element.get("class", ""), element.get("id", "")
    if tag == "figcaption" or "caption" in cls or "caption" in ident or (
            "cap" in cls and _SHORT_CAPTION_NAME.search(cls)):
        return "caption"
    # A print stylesheet's own header and footer (the reprint notice, the copyright line, the
    # page's address), hidden on screen: a reader never sees them between the story's lines.
    if "print" in cls and not _PRINT_ONLY.isdisjoint(cls.lower().split()):
        return "disclaimer"
    # A card that pops up over a name in the story (a person's photo and their latest stories),
    # inside the paragraph: hidden until the reader hovers, and no part of the sentence.
    if ("over" in cls or "tip" in cls or "card" in cls) and _HOVER_CARD_NAME.search(cls) \
            and any(parent.tag == "p" for parent in islice(element.iterancestors(), _HOVER_CARD_DEPTH)):
        return "related"
    if tag in ("p", "span"):
        return None
    if "related" in cls.lower() or "related" in ident:
        return "related"
    if "newsletter" in cls or "newsletter" in ident:
        return "newsletter"
    # A subscribe box named otherwise ("subscription-widget", "signup-box") asks for an email
    # address; a box that only names subscribers ("subscriber-content") may hold the story.
    # (The substrings first: the pattern on every block's class costs more than all the rest.)
    if ("subscri" in (low := cls.lower()) or "sign" in low or "opt" in low) \
            and _SIGNUP_NAME.search(low) and any(field.get("type") == "email" for field in element.iter("input")):
        return "newsletter"
    if cls.startswith("share") or "share-" in cls or "social-share" in cls or ident.startswith("share"):
        return "share"
    return None


_HOVER_CARD_NAME = re.compile(r"rollover-\w+-block|tooltip-content|popover-content|hover-?card", re.IGNORECASE)
#: ... within this many levels of its paragraph.
_HOVER_CARD_DEPTH = 4

# A block of furniture holding more text than this is more likely a mislabelled container.
_MAX_FURNITURE_CHARS = 3000


def remove_furniture(tree: HtmlElement, url: str | None) -> list[tuple[str, str, str | None]]:
    """Remove captions, related-story blocks, newsletter boxes and share bars from ``tree``.

    Returns what went as (category, text, link URL) triples: one per link in a related block,
    one per block otherwise.
    """
    removed: list[tuple[str, str, str | None]] = []
    seen: set[HtmlElement] = set()
    for element in list(tree.iter(_BLOCK_TAGS)):
        category = _furniture_category(element)
        if category is None or any(parent in seen for parent in element.iterancestors()):
            continue
        text = " ".join(element.text_content().split())
        if len(text) > _MAX_FURNITURE_CHARS:
            continue
        seen.add(element)
        links = [
            (" ".join(a.text_content().split()), a.get("href"))
            for a in element.iter("a")
            if a.get("href") and words(a.text_content()) >= 3
        ]
        if category == "related" and links:
            removed.extend(("related", headline, urljoin(url or "", href)) for headline, href in links)
        elif text:
            removed.append((category, text, None))
        delete_element(element, keep_tail=True)
    return removed


# A story typed into one <div> as text runs between line breaks ("Following the ... <br> <br>The
# report claims ..."): trafilatura reads such text well where the <div> is the container it picks,
# and loses the run before the first break where it picks an ancestor. Paragraphs made of the
# runs, as readability makes them, read the same either way.
_BREAK_PARAGRAPH_CHARS = 80
_PARAGRAPH_BREAKING = frozenset(("div", "p", "table", "ul", "ol", "dl", "figure", "blockquote", "center",
                                 "section", "article", "aside", "header", "footer", "form", "pre", "iframe",
                                 "h1", "h2", "h3", "h4", "h5", "h6", "hr", "img", "picture", "video", "script",
                                 "style", "noscript"))


def paragraphs_from_breaks(tree: HtmlElement) -> int:
    """Turn the text runs of each <div> that holds text of its own between double <br>s into
    <p>s, in place (a single <br> stays a line break inside its paragraph); block elements
    inside stay where they are. Returns how many <div>s changed."""
    changed = 0
    # (Only a <div> with a <br> child can change: found from the page's <br>s, far fewer than its <div>s.)
    for div in {br.getparent() for br in tree.iter("br")}:
        if div is None or div.tag != "div" or len((div.text or "").strip()) < _BREAK_PARAGRAPH_CHARS:
            continue
        _split_at_breaks(div)
        changed += 1
    return changed


def _split_at_breaks(div: HtmlElement) -> None:
    children = list(div)
    lead = div.text
    div.text = None
    for child in children:
        div.remove(child)
    paragraph: HtmlElement | None = None
    pending_break: HtmlElement | None = None  # a single <br> that may be half of a double one

    def open_paragraph() -> HtmlElement:
        nonlocal paragraph
        if paragraph is None:
            paragraph = div.makeelement("p", {})
            div.append(paragraph)
        return paragraph

    def add_text(text: str | None) -> None:
        if not text:
            return
        if not text.strip() and paragraph is None:
            return
        p = open_paragraph()
        if len(p):
            p[-1].tail = (p[-1].tail or "") + text
        else:
            p.text = (p.text or "") + text

    add_text(lead)
    for child in children:
        tail, child.tail = child.tail, None
        if child.tag == "br":
            if pending_break is not None:  # a double break ends the paragraph (the first went into it)
                paragraph.remove(pending_break)
                pending_break = None
                paragraph = None
            elif paragraph is not None:
                paragraph.append(child)
                pending_break = child
            if tail and tail.strip():
                pending_break = None
            add_text(tail)
            continue
        pending_break = None
        if not isinstance(child.tag, str) or child.tag in _PARAGRAPH_BREAKING:
            paragraph = None
            div.append(child)
            if tail and tail.strip():
                add_text(tail)
            elif tail:
                child.tail = tail
            continue
        open_paragraph().append(child)
        add_text(tail)


# An embedded post is what someone said, quoted in the story ("— Governor Kristi Noem
# (@govkristinoem) November 18, 2019"): the blockquote that the platform's script would turn
# into a card. Its wrapper is often named for what it is ("social-media-embed", "embed-twitter"),
# which trafilatura's discard rules take for a share bar or an ad widget.
_EMBEDDED_POST_CLASS = re.compile(r"twitter-tweet|instagram-media|tiktok-embed|bluesky-embed")
_EMBED_WRAPPER_NAME = re.compile(r"social|embed|share|widget", re.IGNORECASE)
#: How far above the post a wrapper named so is looked for.
_EMBED_WRAPPER_LEVELS = 3


def unwrap_embedded_posts(tree: HtmlElement) -> int:
    """Take the names off the wrappers of embedded posts (tweets, Instagram posts) in ``tree``,
    in place, so that the post stays in the story: only a wrapper that holds the post alone (its
    text is the post's), up to :data:`_EMBED_WRAPPER_LEVELS` above it. Returns how many."""
    unwrapped = 0
    for post in tree.iter("blockquote"):
        if not _EMBEDDED_POST_CLASS.search(post.get("class", "")):
            continue
        chars = len(post.text_content().strip())
        if not chars:
            continue
        wrapper = post.getparent()
        for _ in range(_EMBED_WRAPPER_LEVELS):
            if wrapper is None or wrapper.tag in ("body", "article", "main"):
                break
            if len(wrapper.text_content().strip()) > chars:
                break
            names = f"{wrapper.get('class', '')} {wrapper.get('id', '')}"
            if _EMBED_WRAPPER_NAME.search(names):
                for attribute in ("class", "id"):
                    wrapper.attrib.pop(attribute, None)
                unwrapped += 1
            wrapper = wrapper.getparent()
    return unwrapped


# --- block level -----------------------------------------------------------------------------
# The patterns below are generic news-page conventions; see cues.py for the shared ones.

BYLINE = re.compile(r"^\s*(?:by|written by|words by|posted by|published by)\s+\S", re.IGNORECASE)
_MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
DATE = re.compile(
    rf"(?:\b\d{{1,2}}[/.-]\d{{1,2}}[/.-]\d{{2,4}}\b|\b\d{{4}}-\d{{2}}-\d{{2}}\b|"
    rf"\b{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}\b|\b\d{{1,2}}\s+{_MONTHS}\s+\d{{4}}\b|"
    rf"\b\d{{1,2}}:\d{{2}}\s*(?:[ap]\.?m\.?)?)",
    re.IGNORECASE,
)
DATE_LEAD = re.compile(rf"^\s*(?:published|updated|posted|last updated|first published|{'|'.join(FOREIGN_DATE_LABELS)})\b",
                       re.IGNORECASE)


def words(text: str) -> int:
    return len(text.split())


_WORD = re.compile(r"\w+")


def normalize(text: str) -> str:
    "Lower-case word tokens, the key under which titles and link texts are compared."
    return " ".join(_WORD.findall(text.lower()))


_LENGTH_STATED = re.compile(rf"{cues.READING_TIME_STRICT.pattern}|\b\d[\d,.]*\s+words\b", re.IGNORECASE)


def is_dateline(text: str) -> bool:
    "A short line that only dates or signs the story: 'Published 18 November 2019', '5:45 AM by X'."
    if words(text) > 14:
        return False
    if cues.READING_TIME_STRICT.search(text) and words(text) <= 6:
        return True
    if BYLINE.match(text) and words(text) <= 10:
        return True
    if not DATE.search(text):
        return False
    # (A stamp may state the story's length too: "Oct 3, 2019 20:15 · 612 words · 3 minute read".)
    rest = _LENGTH_STATED.sub(" ", DATE.sub(" ", text))
    # what is left once the dates are gone is a lead word, a name or a weekday, not prose; or
    # the post's fields ("05/10/2018 - Publicado por: Clarissa Borba - Categoria: Saúde - Tags: ...")
    return bool(DATE_LEAD.match(text)) or bool(re.search(r"\bby\b", rest, re.IGNORECASE)) or words(rest) <= 3 \
        or (len(_FIELD_LABEL.findall(rest)) >= _FIELD_LABELS and not text.rstrip().endswith((".", "!", "?")))


# A field's label in a post's metadata strip: a word or two and a colon, the value after a space.
_FIELD_LABEL = re.compile(r"(?:^|[\s|·•–-])[^\W\d]+(?: [^\W\d]+)?:\s")
_FIELD_LABELS = 2


# cues.DISCLAIMER also takes "copyright <word>", which prose says too ("the copyright office"),
# and misses a notice that starts with "©" (no word boundary before it).
_COPYRIGHT_PROSE = re.compile(r"\bcopyright\s+(?=[a-z])")


# A bar of page tools or menu entries set apart by pipes: "Font Size: A+ A- | Print | E-mail",
# "Email this story | Print this story | Feedback". Each entry is a few words, none a sentence,
# and none holds a figure (a line of results or scores is the story's).
_BAR_SEPARATOR = re.compile(r"\s+\|\s+")
_BAR_ENTRY_WORDS = 4


def is_tool_bar(text: str) -> bool:
    "Whether a block is a pipe-separated bar of at least three short entries."
    if " | " not in text:
        return False
    entries = _BAR_SEPARATOR.split(text.strip())
    return len(entries) >= 3 and all(
        entry and words(entry) <= _BAR_ENTRY_WORDS and not entry.endswith((".", "!", "?"))
        and not any(c.isdigit() for c in entry) for entry in entries)


def tail_category(text: str) -> str | None:
    "Category of a sign-off line after the article's last paragraph, or None."
    if words(text) > 40:
        if words(text) <= cues.PITCH_WORDS and cues.CALL_TO_ACTION.match(text) and cues.PITCH.search(text):
            return "promo"
        return None
    if cues.CREDIT.search(text) or cues.AUTHOR_BIO.match(text):
        return "byline"
    if cues.SIGN_OFF.search(text):
        return "footer"
    if cues.TAGS_LEAD.match(text):
        return "tags"
    if cues.APPEAL.search(text) or cues.PAYWALL.search(text) \
            or (words(text) <= cues.CALL_WORDS and cues.CALL_TO_ACTION.match(text)):
        return "promo"
    if cues.has_copyright_notice(text) or cues.DISCLAIMER.search(_COPYRIGHT_PROSE.sub(" ", text)) \
            or cues.AFFILIATE_NOTE.search(text):
        return "disclaimer"
    return None


# "[VIDEO]", "(PHOTOS)": a tag some sites append to teaser headlines
_TEASER_TAG = re.compile(r"\s*[\[(][^\])]{1,20}[\])]\W*$")


def strip_teaser_tag(text: str) -> str:
    return _TEASER_TAG.sub("", text)


_LINK_CONTAINERS = ("li", "p", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "td", "div")
# Link texts shorter than this many words are buttons and menu entries, not headlines.
_MIN_LINK_WORDS = 2
# Blocks longer than this are prose, whose link share is never asked for.
_MAX_LINKED_BLOCK_CHARS = 400


class LinkIndex:
    """The links of a tree, indexed once: link text -> URL, and for the short block around
    each link (list item, paragraph, heading), how much of its text is link text."""

    def __init__(self, tree: HtmlElement) -> None:
        self._urls: dict[str, str] = {}
        self._blocks: dict[str, tuple[int, str]] = {}
        for anchor in tree.iter("a"):
            href = anchor.get("href")
            if not href or href.startswith(("javascript:", "#", "mailto:")):
                continue
            text = anchor.text_content()
            if len(text.split()) < _MIN_LINK_WORDS:
                continue
            key = normalize(text)
            self._urls.setdefault(key, href)
            container = next(anchor.iterancestors(_LINK_CONTAINERS), None)
            if container is None:
                continue
            block_text = container.text_content()
            if len(block_text) < _MAX_LINKED_BLOCK_CHARS:
                block = normalize(block_text)
                chars, first = self._blocks.get(block, (0, href))
                self._blocks[block] = (chars + len(key), first)

    def url(self, text: str, whole: bool = True) -> str | None:
        key = normalize(text)
        href = self._urls.get(key)
        if href is None and not whole:
            href = self._blocks.get(key, (0, None))[1]
        return href

    def share(self, text: str) -> float:
        "Share of a short block's text that is link text (0 when the block is not indexed)."
        key = normalize(text)
        return min(1.0, self._blocks.get(key, (0, ""))[0] / len(key)) if key else 0.0
