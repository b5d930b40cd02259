"""Tree-level, news-specific clean-up run on a private copy of the page before trafilatura."""

from __future__ import annotations

import re

from lxml.html import HtmlElement
from trafilatura.xpaths import BODY_XPATH

from wiretrace.extract import cues

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


# --- block level -----------------------------------------------------------------------------
# The patterns below are generic news-page conventions; see cues.py for the shared ones.

# Whole-paragraph promos ("CLICK HERE TO GET THE APP", "SEE MORE: <headline>") that
# cues.INLINE_PROMO, which wants a separator after the cue, does not cover.
PROMO_LEAD = re.compile(
    r"^\s*(?:click here\b|see more\s*:|more\s*:|don'?t miss\b|must see\b|recommended\s*:|"
    r"(?:listen|download|watch)(?: now| here)?\s*:\s*https?://)",
    re.IGNORECASE,
)
SUBSCRIBE = re.compile(
    r"^\s*(?:subscribe (?:to|now|today|for)|sign up (?:for|to|now|today|here)|sign up\s*:|"
    r"get the latest [\w\s]{0,40}(?:inbox|newsletter)|get (?:our|the) [\w\s]{0,30}newsletter)",
    re.IGNORECASE,
)
# Sign-offs that follow the last paragraph: social handles, contact lines, comment prompts.
SIGN_OFF = re.compile(
    r"(?:^\s*(?:follow|like) (?:us|him|her|them|[^.]{0,60}?) on (?:twitter|facebook|instagram|linkedin|youtube)\b|"
    r"^\s*(?:e-?mail|contact|reach|write to) (?:the )?(?:reporters?|writers?|authors?|editors?|us|him|her|"
    r"[A-Z][\w.'-]+(?: [A-Z][\w.'-]+){0,2})\b.{0,60}?\b(?:at|on|via)\b|"
    r"^\s*(?:have|got) a (?:news |story )?tip\b|"
    r"^\s*(?:\d+\s+)?(?:comments?|leave a (?:comment|reply)|tell us what you think|"
    r"join the (?:conversation|discussion)|have your say)\W*$)",
    re.IGNORECASE,
)
CREDIT = re.compile(
    r"(?:\bcontributed (?:to )?(?:this|the) (?:report|story|article)\b|^\s*additional reporting by\b|"
    r"^\s*contributing\s*:|^\s*\(?(?:reporting|writing|editing) by\b|^\s*with (?:\w+ )?wires?\W*$)",
    re.IGNORECASE,
)
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
DATE_LEAD = re.compile(r"^\s*(?:published|updated|posted|last updated|first published)\b", re.IGNORECASE)


def words(text: str) -> int:
    return len(text.split())


def normalize(text: str) -> str:
    "Lower-case word tokens, the key under which titles and link texts are compared."
    return " ".join(re.findall(r"\w+", text.lower()))


def is_promo(text: str) -> bool:
    "A paragraph that is only a promo: 'Read more: <headline>', 'CLICK HERE TO ...'."
    if words(text) > 30:
        return False
    match = cues.INLINE_PROMO.match(text)
    return bool(match and match.start() == 0) or bool(PROMO_LEAD.match(text)) or bool(
        cues.RELATED_HEADING.match(text)
    )


def promo_headline(text: str) -> str:
    "The headline part of a promo paragraph, without its cue."
    match = cues.INLINE_PROMO.match(text)
    if match:
        return match.group("headline").strip()
    return re.sub(r"^\s*[^:]{1,30}:\s*", "", text).strip()


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
    rest = DATE.sub(" ", text)
    # what is left once the dates are gone is a lead word, a name or a weekday, not prose
    return bool(DATE_LEAD.match(text)) or bool(re.search(r"\bby\b", rest, re.IGNORECASE)) or words(rest) <= 3


def tail_category(text: str) -> str | None:
    "Category of a sign-off line after the article's last paragraph, or None."
    if words(text) > 40:
        return None
    if CREDIT.search(text):
        return "byline"
    if SIGN_OFF.search(text):
        return "footer"
    if cues.TAGS_LEAD.match(text):
        return "tags"
    if cues.DISCLAIMER.search(text):
        return "disclaimer"
    return None


def anywhere_category(text: str) -> str | None:
    "Category of a block that is boilerplate wherever it sits in the body, or None."
    if is_promo(text):
        return "promo"
    if words(text) <= 40 and (SUBSCRIBE.match(text) or cues.NEWSLETTER.search(text)):
        return "newsletter"
    if cues.SHARE.match(text):
        return "share"
    return None
