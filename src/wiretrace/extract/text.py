"""Text mode: an article record from a plain-text page dump (visible text only, one block a line).

:mod:`wiretrace.extract.textblocks` decides which blocks are body; this module reads the
metadata out of the blocks around it: headline, dek, breadcrumb, dates, credits, captions,
tags, related headlines and the reading-time stamp.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from functools import lru_cache
from itertools import chain, compress, islice
from typing import TypeVar
from urllib.parse import urljoin

from wiretrace.extract import captions, cues, textblocks, textsegment, wire
from wiretrace.extract.byline import (
    FOREIGN_BYLINE_LEADS,
    bio_names,
    byline_agency,
    parse_byline,
    split_names,
    title_agency,
    titled_names,
)
from wiretrace.extract.dates import (
    CJK_DAY,
    CLOCK_TIME,
    DATE_LABEL_WORDS,
    MONTH_NAME,
    NUMERIC_DAY,
    STAMP_PARTS,
    TZINFOS,
    WEEKDAYS,
    YEAR,
    ends_with_bare_label,
    in_page_zone,
    labelled_dates,
    opens_with_date_label,
    parse_date,
    unglue_years,
)
from wiretrace.extract.textfeatures import PageText, is_dateline
from wiretrace.record import Article, Boilerplate, ClaimReview, Image, Page, RelatedLink, count_words, unique_related

T = TypeVar("T")

_BREADCRUMB_SEP = re.compile(r"\s+(?:/|>|»|›|\|)\s+")
_LEADING_DATE = re.compile(r"^(?:date\s*:?\s*)?\d{4}-\d{2}-\d{2}\s+", re.IGNORECASE)
_CAPTION_CREDIT = re.compile(
    r"^(?P<caption>.*?)\s*[|(\[]?\s*(?:file\s+)?(?:photo|foto|image|picture|pic|photograph|credit|photo credit)s?\s*"
    r"(?:credit)?\s*:\s*(?P<credit>[^|)\]]{2,80})[)\]]?\s*$",
    re.IGNORECASE,
)
# An error page may still show an apology and teasers the classifier takes for a short body; its
# message sits in a short line at the top of it, or above it.
_ERROR_PAGE_WORDS = 300
_ERROR_MESSAGE_CHARS = 100
_ERROR_MESSAGE_REACH = 3  # (blocks into the body)
_HEAD_WINDOW = 40
#: How many opening body blocks may turn out to be a stamp line.
_STAMP_REACH = 3
#: ... not counting up to this many lines of fewer than _BYLINE_PIECE_WORDS words.
_BYLINE_PIECES = 6
_BYLINE_PIECE_WORDS = 3
#: ... and a stamp between two of them, left out of the body, this many blocks after the first at most.
_STAMP_GAP = 12
# (The look-ahead at a match's first character spares trying both alternatives everywhere.)
_PHOTO_CREDIT = re.compile(r"(?=[(arg])(?:\((?:[A-Z][\w ]*\s)?(?:photo|image|picture)\b[^)]*\)"
                           r"|\b(?:AP|Reuters|AFP|Getty) (?:Photo|Images)\b)", re.IGNORECASE)
# How captions open, in AP's style and its imitators': "In this Nov. 19, 2019, file photo, ...",
# "FILE - In this photo issued by ITV ...", "This image released by ...", "In this handout
# photo ...". Nothing in a news paragraph opens this way.
_CAPTION_OPENER = re.compile(
    r"^(?:FILE\s*[-–—]\s*)?(?:In )?(?:this|these) (?:[\w.,]+ ){0,8}?(?:file |handout |undated |aerial )?"
    r"(?:photo|image|picture|photograph|frame grab|video grab)s?\b(?: (?:made|provided|released|issued|taken|"
    r"shared|posted|obtained)\b|,)"
    r"|^file (?:photo|image|picture|photograph)s? (?:of|shows?)\b", re.IGNORECASE)
# A caption's words for an archive picture, wherever they stand ("Donald Trump in a file photo. AP",
# "File photo of Cape Breton. Reuters"): no headline says them.
_FILE_PICTURE = re.compile(r"\bfile (?:photo|image|picture|photograph)s?\b", re.IGNORECASE)
# What a screen reader is told before a caption, and a text dump keeps: "Image caption The
# minister arrives ...", "Media caption ...".
_CAPTION_LABEL = re.compile(r"^(?:image|photo|picture|media|video) caption\s*:?\s*", re.IGNORECASE)
# Some renderers (markdownify) give the label a line of its own, over the caption.
_BARE_CAPTION_LABEL = re.compile(r"^(?:image|photo|picture|media|video) caption\s*:?\s*$", re.IGNORECASE)
# The label a screen reader is told before a picture's credit ("Image copyright Getty Images").
# Renderers that draw inline spans on one line run it into the caption label that follows
# ("Image copyright Getty Images Image caption The minister ..."); others give it a line alone.
_COPYRIGHT_LABEL = re.compile(r"^(?:image|photo|picture|media|video) copyright\s*:?\s*", re.IGNORECASE)
_INNER_CAPTION_LABEL = re.compile(r"\s(?:image|photo|picture|media|video) caption\s*:?\s*", re.IGNORECASE)
#: A credit on its own is a name or two ("Getty Images", "@handle @handle"), never a sentence.
_LABELLED_CREDIT_WORDS = 8
# A gallery's counter glued to its caption: "1of4Grass Valley's ...", "2 of 12 A shopper ...".
_GALLERY_COUNTER = re.compile(r"^\d{1,3}\s?of\s?\d{1,3}\s?(?=[A-Z“\"])")
# A gallery's slide counter on a line of its own: "Image 2 of 5", "Photo 3/12", "Bild 1 von 4".
_GALLERY_SLIDE = re.compile(r"^(?:image|photo|picture|slide|foto|bild|imagen)\s*\d{1,3}\s*(?:of|/|von|de|di|sur)\s*\d{1,3}$",
                            re.IGNORECASE)
# A photo credit on a line of its own, under the caption it closes: "Michael Conroy, AP", "Getty",
# "Photo by David Dyer-Bennet", "(Walt Disney Co.)", or a caption's closing credit with no caption
# before it, "(Image credit: Sierra Nevada Corp.)" (see _credit_line). A line this short and this
# shaped is no paragraph of a story.
# (The label in any case; a name's initials keep their full stops: "Photo: Ringo H.W. Chiu, AP".)
_CREDIT_LINE = re.compile(
    r"^(?:(?i:photo|image|picture|pic|photograph)s?\s*(?:by\b|:|/)\s*[A-Z](?:[^.!?]|(?<=\b[A-Z])\.){1,60}"
    r"|(?:[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}(?:\s*[,/|]\s*|\s+via\s+))?(?:AP|AFP|Reuters|REUTERS|Getty(?: Images)?|EPA(?:-EFE)?"
    r"|Shutterstock|Alamy|iStock|Bloomberg|Xinhua|Pool|Handout)(?: Photo| Images)?"
    r"|\((?:[A-Z][\w.&'’-]*\s?){1,4}\))$")


def _credit_line(text: str) -> bool:
    """Whether ``text`` is a photo credit on a line of its own (see _CREDIT_LINE)."""
    return _CREDIT_LINE.match(text) is not None or (
        text[:1] == "(" and (credit := captions.trailing_credit(text)) is not None and credit.start() == 0)
#: A photographer's or agency's name after a copyright sign runs to at most this many words.
_CREDIT_NAME_WORDS = 4
#: How many words a caption must repeat from the alt text run into it to count as its twin.
_ECHO_WORDS = 5
#: A caption over a credit line is one sentence of at most this many words.
_CREDITED_CAPTION_WORDS = 50
# (Not after an initial: "Neil Gaiman and John M. Ford in 2002.")
_SENTENCE_BREAK = re.compile(r"(?<!\b[A-Z])[.!?][\"”’]? +[A-Z“\"]")
_SENTENCE_END = re.compile(r"[.!?。！？।؟](?=[\s\"”’)»]|$)")
_RUN_ON_WORDS = 100
_RUN_TOGETHER_MENU_WORDS = 30
#: A headline in capitals that links to another story runs to this many words at least (its
#: first characters, in capitals, tell it from a paragraph at once).
_CAPS_PROMO_WORDS = 8
_CAPS_PROBE_CHARS = 16


def _in_capitals(text: str) -> bool:
    """Whether ``text`` is set in capitals: one lower-case letter to twenty capitals at most ("...
    AT AMAs ..."). (Scripts without case have neither.)"""
    capitals = sum(map(str.isupper, text))
    return capitals >= _CAPS_PROMO_WORDS and sum(map(str.islower, text)) * 20 <= capitals


# A dateline drawn as a line of its own, a place and its region or country in capitals: "BAAR,
# SWITZERLAND", "SAN JOSE, CALIF." (with the comma: a word in capitals alone may be a label).
_PLACE_LINE = re.compile(r"[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3}, [A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,2}\.?")
#: How far past the body's last paragraph its closing credit may sit (sign-offs in between).
_CLOSING_REACH = 4
_DATE_HINT = re.compile(cues.opening_lookahead(DATE_LABEL_WORDS) + f"(?:{'|'.join(DATE_LABEL_WORDS)})")
_MONTH = re.compile(rf"{MONTH_NAME.pattern}|\b\d{{1,2}}[/.-]\d{{1,2}}[/.-]\d{{2,4}}\b|{CJK_DAY}", re.IGNORECASE)
_DISCLAIMER_HINTS = ("syndicat", "edited by", "auto-generated", "reworked by", "generated from")
_BYLINE_LEADS = ("by ", "written by", "reported by", "words by")
#: ... and in the other languages parse_byline reads ("Par Camille Rousseau").
_ANY_BYLINE_LEADS = _BYLINE_LEADS + FOREIGN_BYLINE_LEADS
_BYLINE_WORDS = frozenset(lead.strip() for lead in _BYLINE_LEADS)
#: A byline without "By" is a short line: a name, perhaps a job title or the agency.
_BYLINE_MAX_WORDS = 8
_STAFF_CREDIT = re.compile(r"\b(?:editorial )?staff(?: writers?| reports?)?$", re.IGNORECASE)
_STAMP_MAX_WORDS = 16


def _dated_or_signed(text: str, digit: bool) -> bool:
    """Whether ``text`` is a date line ("Reuters November 18, 2019 11:03 PM", "2 hours ago") or a
    byline without "By" ("Tom Davies Associated Press"): most of its words are the names of the
    people split_names finds."""
    words = text.replace(",", " ").split()
    # (A labelled stamp may run longer, two of them on a line: "Updated Nov 19, 9:41 AM;Posted
    # Nov 18, 8:19 PM", a year labelled_dates cannot read without.)
    if digit and len(words) <= _STAMP_MAX_WORDS and opens_with_date_label(text) and is_dateline(text):
        return True
    if len(words) > _BYLINE_MAX_WORDS:
        return False
    if digit:
        return is_dateline(text)
    # (A cheap test first: a byline's words are capitalised, bar "and" and the like.)
    if sum(w[0].isupper() for w in words) * 2 < len(words):
        return False
    named = {w for name in split_names(text) for w in name.split()}
    return len(named) * 2 >= len(words)
# A date stamp that ends with its byline: "Monday November 18, 2019 7:45 am PST by Joe Rossignol".
_STAMP_BY = re.compile(r"\d.*\sby\s+(?P<names>[^\d|•·]{3,80})$")


def _byline_line(text: str) -> bool:
    """Whether ``text`` is a byline line: "By" and the names, perhaps dated, and no sentence
    ("By the end of the year, ..." names nobody)."""
    return text[:3] in ("By ", "BY ", "by ") and text.count(" ") < _BYLINE_LINE_WORDS and bool(parse_byline(text))


#: A byline line runs to this many words at most, its date included.
_BYLINE_LINE_WORDS = 20


def _stamp_byline(text: str) -> list[str]:
    match = _STAMP_BY.search(text)
    return split_names(match.group("names")) if match else []


# A day's date ("Nov 19, 2019", "15 October", "27/09/2018") or a clock time ("10:31 pm", and
# "20197:05 AM" where a renderer ran the year into it).
_DAY_OR_TIME = re.compile(rf"\d:[0-5]\d(?!\d)|\b\d{{1,2}}([./-])\d{{1,2}}\1\d{{2,4}}\b|(?:{MONTH_NAME.pattern})\s*\d{{1,2}}\b"
                          rf"|\b\d{{1,2}}\.?\s+(?:{MONTH_NAME.pattern})", re.IGNORECASE)
#: A dated line this short that ends no sentence is a stamp ...
_STAMP_LINE_WORDS = 20


def _dates_the_story(text: str) -> bool:
    """Whether ``text`` dates the story rather than summing it up, with whatever else a stamp
    line carries ("Chris Davies - Nov 19, 2019, 10:31 pm CST", "October 15, 2018 / 0 Comments / in
    News / by admin"): a day's date or a time of day in a short line that ends no sentence, and
    is names and figures more than running words ("The vote on March 3 decides who leads")."""
    words = text.split()
    return len(words) < _STAMP_LINE_WORDS and not text.endswith((".", "!", "?", '"', "”")) \
        and sum(w[0].islower() for w in words) * 2 < len(words) and bool(_DAY_OR_TIME.search(text))


#: An unlabelled stamp line runs to this many characters; its date alone to _STAMP_CHARS.
_STAMP_LINE_CHARS = 100
_STAMP_CHARS = 60
# (Not in a web address: "https://carrow.gov/files/2026-04-28-budget.pdf" dates a document.)
_ISO_DAY = re.compile(r"(?<![/=])\b\d{4}-\d{2}-\d{2}(?![\d/])")
_MONTH_OR_ISO_DAY = re.compile(f"{_MONTH.pattern}|{_ISO_DAY.pattern}", re.IGNORECASE)
# (The time after a "T" or a space, and its zone: "2019-11-18T20:51:19Z", "2015-12-14 01:41 UTC".)
_ISO_STAMP = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2}| (?:UTC|GMT)\b)?)?")


def _unlabelled_stamp(text: str) -> str | None:
    """The date of a stamp line without a label: the whole line ("Thursday 7 May 2026 18:05 BST",
    "By Mike Wall 2019-11-18"), or the one of its parts that is a date ("October 15, 2018 / 0
    Comments / in News / by admin")."""
    # (A stamp states its year: "Show is December 6-8" is no stamp, whatever dateutil reads in it.
    # Ungluing makes no month and no day: most lines are turned away before it.)
    if not _MONTH_OR_ISO_DAY.search(text):
        return None
    text = unglue_years(text)
    iso = _ISO_DAY.search(text)
    if not (iso or (_MONTH.search(text) and (YEAR.search(text) or NUMERIC_DAY.search(text)))):
        return None
    # A short caption dates its picture: "Smoke over Carrow Point, May 8, 2026 (AP Photo/Jane Roe)".
    if captions.trailing_credit(text):
        return None
    if iso and (stamp := parse_date(_ISO_STAMP.match(text, iso.start()).group())):
        return stamp  # "By Mike Wall 2019-11-18T20:51:19Z Science & Astronomy"
    if len(text) < _STAMP_CHARS and (stamp := parse_date(text)):
        return stamp
    # From the day on, where a word before it is no part of a date ("Nov. November 18, 2019
    # 12:02 PM", a renderer's doubled abbreviation); a stamp states its year.
    if (day := _DAY_OR_TIME.search(text)) and 0 < len(text[: day.start()].split()) <= 2 \
            and YEAR.search(rest := text[day.start() : day.start() + _STAMP_CHARS]) and (stamp := parse_date(rest)):
        return stamp
    parts = STAMP_PARTS.split(text)
    if len(parts) == 1:
        return None
    return next((stamp for part in parts if len(part) < _STAMP_CHARS and _MONTH_OR_ISO_DAY.search(part)
                 and (stamp := parse_date(part))), None)


def _is_credit_line(text: str, digit: bool) -> bool:
    """Whether ``text`` signs or dates the story rather than summing it up: a byline ("By ...",
    "Posted on <date> by <name>") or a date line with a name (:func:`_dated_or_signed`)."""
    return (text.lower().startswith(_ANY_BYLINE_LEADS) and bool(parse_byline(text))) or bool(_stamp_byline(text)) \
        or _dated_or_signed(text, digit)


_TRAIL_SEPARATOR = re.compile(r"[/>»›|]")
_FOLLOWING_STAMP = re.compile(r"(?=[bpum\d])(?:\bby\b|published|updated|posted|\d{1,2}:\d{2}|min read)")
# What each of _FOLLOWING_STAMP's matches holds ("\d{1,2}:\d{2}" a colon): the few substring
# tests cost less than one search, and most runs of blocks hold none of them.
_STAMP_WORDS = ("by", ":", "published", "updated", "posted", "min read")
# First words (lower-cased) that the line-start patterns of the metadata pass can open with:
# tags (cues.TAGS_LEAD/TAGS_HEADING), bylines (_ANY_BYLINE_LEADS, wire.AGENCY_BYLINE), share buttons
# (cues.SHARE), related headings and promos (cues.RELATED_HEADING, cues.INLINE_PROMO). Those
# patterns allow only whitespace, ":", "|", a dash, an apostrophe ("editor's") or a glued "icon"
# right after that word, so a block whose first word, cut at the first of those (_HEAD), is
# none of these cannot match any of them. (Leading whitespace, which segment() strips, is
# skipped as the patterns' own ``^\s*`` would.)
_HEAD = re.compile(r"\s*([^\s:|\-–—'’]*)")
_LEAD_WORDS = frozenset(
    """topics tags tagged keywords related filed by written reported words the share tweet pin email
    print copy connect follow whatsapp facebook twitter linkedin telegram reddit x instagram youtube
    pinterest also read up more you recommended top trending most latest editor editors what further
    don dont in popular next must watch see""".split()
) | cues.OPENERS_ABROAD | {lead.strip() for lead in FOREIGN_BYLINE_LEADS} | {_HEAD.match(t)[1] for t in cues.TAGS_ABROAD} \
    | {_HEAD.match(alias.lower())[1] for aliases in wire.AGENCIES.values() for alias in aliases}


# (Cached: the first words of blocks repeat from page to page: menus, share bars, "The".)
@lru_cache(maxsize=100_000)
def _is_lead(first: str) -> bool:
    """Whether a block whose first word (lower-cased) is ``first`` may open with a lead word."""
    return first in _LEAD_WORDS or "icon" in first or (not first.isalpha() and _HEAD.match(first)[1] in _LEAD_WORDS)


#: Labels of blocks the related-list rules read whatever their words.
_LISTED = frozenset({"related", "promo"})


# What a block must contain for the copyright test, and for the caption test (_CAPTION_CREDIT
# needs a colon).
_ANYWHERE_WORDS = ("copyright", "©", "(c)", ":")
# "(c) 2026 The Daily Courier", as renderers write the copyright sign; not "(c)" opening an item of a list.
_C_YEAR = re.compile(r"\(c\)\s*(?:19|20)\d\d")
# Words every match of a pattern holds (lower-cased): a caption or photo credit's keyword
# (_CAPTION_CREDIT, _PHOTO_CREDIT: "picture" holds "pic", "images" "image"); a date label's are
# dates.DATE_LABEL_WORDS.
_ASCII_LABEL_WORDS = tuple(word for word in DATE_LABEL_WORDS if word.isascii())
_CAPTION_WORDS = ("photo", "foto", "image", "pic", "credit")
# ... and what a newsletter promo (cues.NEWSLETTER) holds.
_NEWSLETTER_WORDS = ("newsletter", "enter your email")


def _gate(found: set[int] | None, n: int) -> list[bool]:
    """Per block (of ``n``), whether it is among ``found``, the blocks PageText.containing
    names; every block where that is None (the page's lower-case gates are off)."""
    if found is None:
        return [True] * n
    flags = [False] * n
    for i in found:
        flags[i] = True
    return flags


#: How many opening paragraphs a headline is compared with, and how much sharing their words
#: weighs against the other tells (length, position, a date stamp under it) ...
_LEDE_PARAGRAPHS = 3
_LEDE_WEIGHT = 2.0
#: ... up to this share: a dek under the headline restates the lede more closely still, and
#: must not win on that.
_LEDE_ENOUGH = 0.5
#: A headline runs to this many words at least (a shorter phrase is a masthead or a label).
_HEADLINE_WORDS = 5
# A word _words counts: four word characters or more (findall gives whole runs, as r"\w+" would,
# less the shorter ones).
_LONG_WORD = re.compile(r"\w{4,}")
#: Labels of blocks that are never the headline (on the DEV dumps, the headline is labelled
#: other, related, navigation or dateline, never one of these).
_NOT_HEADLINE = frozenset({"share", "advert", "byline", "newsletter", "disclaimer", "caption", "comment", "tags"})
_QUOTES = "\"“”'‘’«»"


def _title_case(words: list[str]) -> bool:
    """Whether most longer words are capitalised, as in a headline set in title case."""
    longer = [w for w in words if len(w) > 3]
    return len(longer) >= 3 and sum(w[0].isupper() for w in longer) >= 0.8 * len(longer)


# Function words of four letters or more, in the languages whose pages the dates are read in:
# any two texts of a language share them, so sharing only those tells nothing (a cookie
# banner's "Continuer sans accepter" and a story's "« Sans les aides ... »").
_FUNCTION_WORDS = frozenset("""
    that this with from have been were will would could should they them their there these those what which
    when where while about after before into over under more most than then also only other some such just
    your very
    sans pour dans avec mais plus leur leurs sont elle elles nous vous cette tout tous toute toutes être fait
    comme aussi entre depuis selon après avant chez sous encore même
    para como pero este esta estos estas sobre entre desde todo todos cuando donde porque según hasta también
    quando onde pelo pela após isso
    nicht eine einer eines einem einen sich auch sind oder wird werden dass nach über unter durch noch wurde
    sein seine ihre diese dieser mehr beim
    della delle degli dello nella nelle sono anche questo questa dopo perché
    niet voor maar zijn deze door naar heeft wordt
""".split())


def _words(text: str) -> set[str]:
    """Content-bearing words of ``text``, lower-cased (short function words left out; a text
    without spaces, as CJK is written, counts in character pairs)."""
    if " " not in text.strip() and len(text) > 3:
        return {text[k : k + 2] for k in range(len(text) - 1)}
    return {w for w in _LONG_WORD.findall(text.lower()) if not w.isdigit()}


def _overlap(candidate: str, lede: set[str]) -> float:
    """Share of ``candidate``'s words found in the lede's words ``lede``; none when the words
    shared are all function words."""
    words = _words(candidate)
    shared = words & lede
    return len(shared) / len(words) if shared and not shared <= _FUNCTION_WORDS else 0.0


def _title_score(blocks: list[textsegment.Block], i: int, first_body: int, digit: list[bool], lead: list[bool],
                 captioned: list[bool], stamps: Callable[[int], dict[str, str]]) -> float:
    """How headline-like block ``i`` is: a short phrase, no final full stop, no credit or date,
    usually followed by the byline or date stamp and sitting close to the body.

    ``digit``, ``lead`` and ``captioned`` are the metadata pass's gates (see extract_text): a
    stamp needs a digit, a byline, share button or related heading a lead word, a caption credit
    or photo credit its keyword. ``stamps(i)`` is block ``i``'s labelled dates."""
    shape = _title_shape(blocks[i], lead[i], captioned[i])
    return _title_finish(blocks, i, first_body, digit, stamps, shape) if shape else 0.0


# A headline may end on an initialism's full stop ("Trump says praise from Putin helps the U.S."),
# the only full stops on its line.
_INITIALISM_END = re.compile(r"\b(?:[A-Z]\.){2,3}$")
#: ... in a short line: a sentence of a caption or a dek ending so runs longer.
_INITIALISM_HEADLINE_WORDS = 10


def _title_shape(block: textsegment.Block, lead: bool, captioned: bool) -> float:
    """The cheap half of :func:`_title_score`: 0.0 where block ``i``'s own shape rules it out,
    else its score from its length alone (always positive)."""
    text = block.text
    words = text.split()
    size = len(words)
    if size < 3 and not text.isascii():  # a headline in a script written without spaces
        size = count_words(text)
    if not 3 <= size <= 30:
        return 0.0
    # A sentence is no headline, unless it is set in title case ("... Release. Why You Shouldn't
    # Worry."); a quotation on its own is a pull quote.
    if text.endswith((".", "…")) and not text.endswith("...") and not _title_case(words) \
            and not (size <= _INITIALISM_HEADLINE_WORDS and _INITIALISM_END.search(text)
                     and text.count(".") == text[-6:].count(".")):
        return 0.0
    if text[0] in _QUOTES and text[-1] in _QUOTES:
        return 0.0
    # A picture's alt text, which renderers that show images draw in brackets ("[Home Depot stock
    # fell after ...]"), is no headline, nor a credit that signs the story as a desk ("Practical
    # Horseman Editorial Staff").
    # (Nor the page's <link>s, which elinks lists at its top: "Link: RSD (EditURI)".)
    if (text[0] == "[" and text[-1] == "]") or (size <= _BYLINE_MAX_WORDS and _STAFF_CREDIT.search(text)) \
            or text.startswith("Link: "):
        return 0.0
    if block.bullet or (lead and text.lower().startswith(_BYLINE_LEADS)) or _BREADCRUMB_SEP.search(text) \
            or (captioned and ((":" in text and _CAPTION_CREDIT.match(text)) or _PHOTO_CREDIT.search(text)
                               or captions.trailing_credit(text) or _FILE_PICTURE.search(text))):
        return 0.0
    if lead and (cues.SHARE.match(text) or cues.RELATED_HEADING.match(text)):
        return 0.0
    if text.endswith(":"):  # a label ("You are at:", "Share this article:")
        return 0.0
    # Headlines run 5-15 words; the longer of two candidates is usually the dek under it.
    return 1.0 + (0.5 if 4 <= size <= 20 else 0.0) - max(0, size - 14) * 0.05


def _more_byline_names(blocks: list[textsegment.Block], start: int, stop: int) -> list[str]:
    """The names a byline broken at every element goes on with from block ``start``: "and"
    alone then a name, or "and Tomas Brenner"."""
    names: list[str] = []
    joined = False  # a joiner alone came last
    for k in range(start, min(stop, start + _BYLINE_REACH)):
        text = blocks[k].text
        if text.strip().lower() in _NAME_JOINERS:
            joined = True
            continue
        if (joined or text.lower().startswith(("and ", "& "))) and len(text.split()) <= 6 and (more := split_names(text)):
            names += more
            joined = False
            continue
        break
    return names


_NAME_JOINERS = frozenset({"and", "&", ","})
_BYLINE_REACH = 6


def _alt_over_caption(text: str, below: str) -> bool:
    """Whether ``text`` is a picture's alt text over its caption, as renderers that show images
    draw it ("The north gate of Dessa's walls" over "Engineers inspect the north gate of Dessa's
    old town walls on Wednesday. Photo: Jane Roe/Reuters"): the caption, credited, holds its words."""
    if len(below) <= len(text) or captions.trailing_credit(below) is None:
        return False
    words = _words(text)
    return bool(words) and len(words & _words(below)) >= _ALT_SHARE * len(words)


#: How much of an alt text's words its caption holds.
_ALT_SHARE = 0.8


def _said_once(text: str) -> str:
    """``text`` with what it opens with twice over, a space between, once: a picture's alt text
    and its caption, the same words, that a renderer drew on consecutive lines and segmentation
    read as one block ("A. A." or, where the credit follows, "A. A. (Image credit: B)"), maybe
    with the gallery's slide counter between ("A. 1of4A.")."""
    probe = text[: min(_TWICE_PROBE_CHARS, len(text) // 2)]
    again = text.find(probe, 1) if probe else -1
    if again > len(probe) and (between := _TWICE_SEPARATOR.search(text, 0, again)) is not None \
            and text.startswith(text[: between.start()], again):
        return text[again:]
    return text


#: How much of its opening a text drawn twice is looked for by (at most).
_TWICE_PROBE_CHARS = 40
#: What stands between the two copies: a space, or a gallery's slide counter as lynx runs it
#: into the caption ("... (Elias Funez/The Union via AP) 1of4Grass Valley's ...").
_TWICE_SEPARATOR = re.compile(r"(?: |\s?\d{1,3}\s?of\s?\d{1,3}\s?)$")


def _alt_text_of(text: str, caption: str) -> bool:
    """Whether ``text``, drawn next to a picture's caption, is the picture's alt text: the caption
    again, or a short label of no sentence that names what the caption does ("The energy ministry
    building in Lisvar" by "The energy ministry in Lisvar said it was not preparing ...")."""
    if text == caption:
        return True
    if text.count(" ") >= _ALT_MAX_WORDS or text.endswith(textsegment.SENTENCE_ENDS):
        return False
    words = _words(text)
    return bool(words) and len(words & _words(caption)) * 2 >= len(words)


_ALT_MAX_WORDS = 12


def _title_finish(blocks: list[textsegment.Block], i: int, first_body: int, digit: list[bool],
                  stamps: Callable[[int], dict[str, str]], shape: float) -> float:
    """The costly half of :func:`_title_score`, for a block of that ``shape``: no date stamp or
    byline, a stamp under it, and its distance from the body."""
    text = blocks[i].text
    if (digit[i] and (stamps(i) or _RELATIVE_TIME.match(text) or _AGED_ITEM.match(text))) or _dated_or_signed(text, digit[i]):
        return 0.0
    if i + 1 < len(blocks) and _alt_over_caption(text, blocks[i + 1].text):
        return 0.0
    score = shape
    following = " ".join([b.text for b in blocks[i + 1:i + 4]]).lower()
    if any(w in following for w in _STAMP_WORDS) and _FOLLOWING_STAMP.search(following):
        # (Most where the stamp is right under the block: a label or a blog's name above the
        # headline has the stamp two lines down too.)
        score += 0.5 if _FOLLOWING_STAMP.search(blocks[i + 1].text.lower()) else 0.3
    return score - (first_body - i) / 100


def _choose_headline(blocks: list[textsegment.Block], candidates: range, first_body: int, labels: list[str],
                     used: set[int], body: list[str], digit: list[bool], lead: list[bool], captioned: list[bool],
                     stamps: Callable[[int], dict[str, str]]) -> int | None:
    """Which of the ``candidates`` blocks is the headline: the only one :func:`_title_score`
    gives a positive score, or, of several, the one that also shares most words with the
    story's opening paragraphs in ``body``.

    (The costly half of the score runs best-first, by the most each block could score, up to
    the first block that cannot beat the best found.)"""
    # (A line the body says word for word is a dek or a teaser quoting it: "Chris Christie announced
    # that he would support the Trump campaign", "That doesn't mean losses in Maryland ...".)
    shaped = [(shape, i) for i in candidates if i not in used and labels[i] not in _NOT_HEADLINE
              and (shape := _title_shape(blocks[i], lead[i], captioned[i])) and not _quoted_in(blocks[i].text, body)]
    if len(shaped) == 1:
        shape, i = shaped[0]
        return i if _title_finish(blocks, i, first_body, digit, stamps, shape) > 0 else None
    # A headline names what the story is about, so it shares words with the story's opening
    # paragraphs; a share bar, a byline, a date or another story's teaser do not. (Repetition
    # tells nothing in a dump: it shows no <title>, and the blocks drawn twice above a story are
    # share bars, screen-reader notes and the headlines of lists of the most read.)
    lede = _words(" ".join(body[:_LEDE_PARAGRAPHS]))
    shares = {i: _LEDE_WEIGHT * min(_overlap(blocks[i].text, lede), _LEDE_ENOUGH) for _, i in shaped}
    # _title_finish adds at most the stamp's 0.5 to a shape, less the distance (the margin
    # is for rounding).
    bounds = sorted([(shape + 0.5 - (first_body - i) / 100 + shares[i] + 1e-9, shape, i) for shape, i in shaped],
                    reverse=True)
    best: tuple[float, int] | None = None
    for bound, shape, i in bounds:
        if best is not None and bound < best[0]:
            break
        score = _title_finish(blocks, i, first_body, digit, stamps, shape)
        if score > 0 and (best is None or (score + shares[i], i) > best):
            best = (score + shares[i], i)
    if best is None:
        return None
    # A dek sits right under its headline and restates the lede as fully, and so may a shorter
    # line of the story's facts (a match's score "Carrow United 2-1 Westbrook Rovers", a company's
    # name): where a phrase right above the best also shares enough of it, that phrase is the
    # headline (a press release's "... Raises $48 Million Series B ..." over "Round led by ...
    # will fund ..."), unless it holds the best (the headline run into its trail or a label).
    # (A masthead or a blog's name above a headline is shorter than a headline.)
    # (Not where the best sits right on the story's date stamp, as a headline does: "13-Inch
    # MacBook Pro ..." over "Monday November 18, 2019 7:45 am PST by Joe Rossignol", under a
    # teaser a renderer drew as one block with the next, "First Impressions Praise Scissor
    # Keyboard, Larger Display Mac Pro Shipping in December".)
    enough = _LEDE_WEIGHT * _LEDE_ENOUGH
    above, under = best[1] - 1, best[1] + 1
    if under < first_body and digit[under] and _is_stamp(blocks[under].text, stamps(under)):
        return best[1]
    if shares[best[1]] >= enough and shares.get(above, 0.0) >= enough \
            and _HEADLINE_WORDS <= len(blocks[above].text.split()) and blocks[best[1]].text not in blocks[above].text \
            and _title_finish(blocks, above, first_body, digit, stamps,
                              _title_shape(blocks[above], lead[above], captioned[above])) > 0:
        return above
    return best[1]


def _centred_headline_tail(page: Page, blocks: list[textsegment.Block], h: int, first_body: int) -> int | None:
    """The block that ends headline ``h`` where a renderer wrapped it and centred what it wrapped
    (lynx draws an <h1> so: "Hillary Clinton's Claim That Donald Trump Is In ISIS Recruiting
    Videos Isn't" filling the line, "True. Not Yet, At Least." centred under it), else None."""
    k = h + 1
    if k >= first_body or blocks[k].line != blocks[h].line + 1 or blocks[k].indent < blocks[h].indent + _CENTRED_INDENT \
            or len(blocks[h].text) < _CENTRED_HEADLINE_CHARS or blocks[k].text.count(" ") >= _CENTRED_TAIL_WORDS:
        return None
    width = textsegment.wrap_width(len(line) for line in page.content.splitlines() if line.strip())
    return k if width and blocks[h].indent + len(blocks[h].text) >= width - _CENTRED_SLACK else None


#: A wrapped headline's tail sits this many columns deeper than its first line at least, which
#: was this long and ended within _CENTRED_SLACK columns of the wrap; the tail has fewer words
#: than _CENTRED_TAIL_WORDS.
_CENTRED_INDENT = 10
_CENTRED_HEADLINE_CHARS = 50
_CENTRED_SLACK = 15
_CENTRED_TAIL_WORDS = 8


def _quoted_in(text: str, body: list[str]) -> bool:
    """Whether a longer paragraph of the body holds ``text`` (of _QUOTED_WORDS words at least,
    less a closing ellipsis) word for word. (A paragraph that is the line itself says nothing:
    the body may have swept the headline in.)"""
    text = text.rstrip(".…").strip()
    return text.count(" ") + 1 >= _QUOTED_WORDS and any(text in paragraph and len(paragraph) > len(text) + 20
                                                        for paragraph in body)


_QUOTED_WORDS = 6


def _title_echo(blocks: list[textsegment.Block], top: int, first_body: int, labels: list[str], used: set[int],
                body: list[str]) -> tuple[int, str] | None:
    """The block above the body that repeats the page's <title>, where the dump opens with it (as
    html-text, BeautifulSoup and resiliparse draw a page): the title is the headline, often with
    the site's name set apart by a separator ("South Dakota doubles down on 'Meth. We're on it.'
    They just might be. - nj.com"), and the <h1> that repeats it is the headline whatever its
    shape (two sentences, a final full stop). Of the title's parts (textblocks.title_parts), the
    one that names most of the story (a site's name repeated in its logo names none of it).
    Returns the block and the headline: the part, where a renderer that adds no breaks ran the
    section's name into the <h1> ("WorldIn satirizing the elite")."""
    if not blocks or first_body < 2:
        return None
    parts = textblocks.title_parts(blocks[0].text)
    lede: set[str] | None = None
    best: tuple[bool, float, int, str] | None = None  # (a block that is the part itself first)
    for j in range(max(top, 1), first_body):
        text = blocks[j].text
        whole = text in parts
        if not whole:
            text = next((part for part in parts if text.endswith(part) and _glued_label(text[: -len(part)], part)), "")
        if not text or j in used or labels[j] in _NOT_HEADLINE or not 3 <= len(text.split()) <= 30 \
                or any(separator in text for separator in textblocks.TITLE_SEPARATORS):
            continue
        if lede is None:
            lede = _words(" ".join(body[:_LEDE_PARAGRAPHS]))
        share = _overlap(text, lede)
        if share > 0 and (best is None or (whole, share) > best[:2]):
            best = (whole, share, j, text)
    return None if best is None else best[2:]


def _glued_label(label: str, headline: str) -> bool:
    """Whether ``label`` is one word run into ``headline`` without a space ("World" in
    "WorldIn satirizing the elite", "International" in "InternationalUS politics: ...")."""
    return 0 < len(label) <= 30 and label[0].isupper() and label[-1].islower() and headline[:1].isupper() \
        and not any(c.isspace() for c in label)



def _title_site(title: str, headline: str) -> str | None:
    """The site's name in the page's <title> a dump opens with, beside the headline ("MacBook sale
    at Amazon from $700, AirPods, more - 9to5Mac", "Site | Headline"): the short other part."""
    for separator in textblocks.TITLE_SEPARATORS:
        if separator not in title:
            continue
        for head, site in (title.rsplit(separator, 1), title.split(separator, 1)[::-1]):
            site = site.strip()
            if head.strip() == headline and 0 < len(site.split()) <= _SITE_NAME_WORDS and site != headline \
                    and any(c.isalpha() for c in site) and not parse_date(site):
                return site
    return None


#: The most words a site's name in a <title> runs to.
_SITE_NAME_WORDS = 6


# The end of a clock time a renderer wrapped onto the next line: "p.m. CDT", "a.m.", "EST".
_WRAPPED_TIME_TAIL = re.compile(r"(?:(?i:[ap]\.?\s?m\.?)(?:\s+[A-Z]{2,5})?|[A-Z]{2,5})")


# ... or its zone alone, under a line that ends with the time ("... 12:35 p.m." over "CDT"; "Fri, 20
# Nov 2015 21:04:18" over "+0100 | Filed under: Americas", a byline bar's next part after it).
_WRAPPED_ZONE = re.compile(r"([A-Z]{2,5}|[+-]\d{2}:?\d{2})(?:\s+\|\s|$)")
_CLOCK_END = re.compile(CLOCK_TIME + "$")


def _with_wrapped_time_tail(blocks: list[textsegment.Block], i: int) -> str:
    """Block ``i``'s text, with the end of its clock time where a renderer that wraps lines set
    it on the next line ("Published June 28, 2016 12:35" over "p.m. CDT"), or the time's zone
    alone (over "CDT", over "+0100 | Filed under: Americas")."""
    text = blocks[i].text
    if i + 1 == len(blocks):
        return text
    tail = blocks[i + 1].text
    if text[-1:].isdigit() and len(tail) <= 12 and _WRAPPED_TIME_TAIL.fullmatch(tail):
        return f"{text} {tail}"
    if (zone := _WRAPPED_ZONE.match(tail)) and (zone[1] in TZINFOS or not zone[1].isalpha()) \
            and _CLOCK_END.search(text):
        return f"{text} {zone[1]}"
    return text


def _is_stamp(text: str, labelled: dict[str, str]) -> bool:
    """Whether ``text`` is a date line rather than a sentence: a short unlabelled date, or a
    labelled one (``labelled`` holds its parsed "Updated:"/"Published:" dates) that ends no sentence."""
    if len(text) < 60 and _MONTH.search(text) and parse_date(text):
        return True
    # (A dump that runs elements together may glue the stamp to the next one: "November 19, 2019
    # at 9:45 amFiled Under:Health". The stamp opens the line; a teaser's headline may name a day.)
    if (text[:1].isdigit() or _MONTH.match(text)) and (seam := _GLUED_CARD.search(text, 0, 60)) \
            and parse_date(text[: seam.end()]):
        return True
    if len(text) >= 120 or text.endswith((".", "!", "?", '"', "”")):
        return False
    # (A date among the parts of a byline bar: "Reuters | Thu, 12 May 2016 14:21:11 +0200 | Filed under: Americas".)
    return bool(labelled) or (" | " in text and any(_is_stamp(part, {}) for part in text.split(" | ")))


#: A story restarts inside the body run (:func:`_story_restart`) only under this many
#: teasers: one or two paragraphs above a headline are the story's own top.
_RESTART_TEASERS = 3
#: Its headline shares at least this much with the paragraphs under it (as a headline does
#: with its lede, :func:`_overlap`), and a word with at most this share of the teasers above.
_RESTART_LEDE_SHARE = 0.4
_RESTART_NAMED_TEASERS = 1 / 3
#: A headline runs to this many words at most.
_RESTART_HEADLINE_WORDS = 25
#: A teaser card of the story itself is its headline and this many first words of its lede.
_CARD_WORDS = 6


#: A date line this short needs no year or time to be a stamp: a stamp drawn on two lines
#: ("November 20" over "15:23 2019", where the first may run into the headline).
_BARE_STAMP_CHARS = 30
# ... and the second half of one, a clock time and figures only (not a table's "$0.62 $1.03").
_BARE_TIME = re.compile(r"^\d{1,2}:\d{2}(?:[\s:,/-]+\d+)*(?:\s*[ap]\.?m\.?)?$", re.IGNORECASE)


def _stamp_like(text: str, labelled: dict[str, str]) -> bool:
    """:func:`_is_stamp`, or a bare day and month, or a bare time."""
    return (len(text) < _BARE_STAMP_CHARS and bool(_MONTH.search(text) or _BARE_TIME.match(text))) \
        or _is_stamp(text, labelled)


def _restart_headline(title: str) -> bool:
    """Whether ``title`` is shaped like the headline a story restarts under: a phrase of words
    (not a table's row of figures: "Operating income $61.4M $97.8M -37%") ending no sentence."""
    size = title.count(" ") + 1
    return _HEADLINE_WORDS <= size <= _RESTART_HEADLINE_WORDS and not title.endswith((".", "!", "?", ":")) \
        and len(_words(title)) * 2 >= size


def _stamp_under(blocks: list[textsegment.Block], i: int, digit: list[bool],
                 stamps: Callable[[int], dict[str, str]]) -> int | None:
    """The date stamp on one of the two lines under block ``i``, or None."""
    return next((j for j in (i + 1, i + 2) if digit[j] and _stamp_like(blocks[j].text, stamps(j))), None)


def _names_few(title: str, teasers: list[str]) -> bool:
    """Whether ``title`` shares a word with at most a third of the ``teasers`` (other stories),
    as a story's headline does, where a live blog's entries or the story's own first paragraphs
    share its words. (A ticker of the latest headlines may hold the story's own teaser: the one
    it shares most with is left out.)"""
    shares = sorted(_overlap(title, _words(text)) for text in teasers)[:-1]
    return sum(map(bool, shares)) <= len(shares) * _RESTART_NAMED_TEASERS


def _story_restart(blocks: list[textsegment.Block], body_idx: list[int], digit: list[bool],
                   stamps: Callable[[int], dict[str, str]]) -> tuple[int, int] | None:
    """Where the story starts again inside its body run ``body_idx``, or None: a headline and
    the date stamp under it (their indices), the headline naming the paragraphs below it and
    not the teasers above (3 or more, or fewer holding the story's own card).
    A live blog's entries carry stamps too, but its headline sits above them all, and its
    entries share their story's words: no teaser above has a stamp of its own, and the
    headline shares little with them."""
    if len(body_idx) < 3:
        return None
    # (The headline and its stamp may be in the run or out of it; a stamp is never a paragraph.)
    for i in range(body_idx[0] + 1, body_idx[-1] - 1):
        if not (digit[i + 1] or digit[i + 2]):  # (a stamp needs a digit: most blocks have none)
            continue
        title = blocks[i].text
        if not _restart_headline(title) or (stamp := _stamp_under(blocks, i, digit, stamps)) is None:
            continue
        story = body_idx[bisect_right(body_idx, stamp):]
        teasers = body_idx[:bisect_left(body_idx, i)]
        if not teasers or not story:
            continue
        # (The story's paragraphs, not the rest of a stamp or a byline the run swept in.)
        paragraphs = list(islice((text for j in story if (text := blocks[j].text).count(" ") + 1 >= _HEADLINE_WORDS),
                                 _LEDE_PARAGRAPHS))
        # Fewer teasers are the story's own top, unless one of them is the story's own card, its
        # headline then its first words: a ticker a renderer drew on one line (as a browser
        # draws a marquee) holds them all.
        if len(teasers) < _RESTART_TEASERS:
            card = f"{title} {' '.join(paragraphs[0].split()[:_CARD_WORDS])}" if paragraphs else None
            if card is None or not any(card in blocks[j].text for j in teasers):
                continue
        if _overlap(title, _words(" ".join(paragraphs))) < _RESTART_LEDE_SHARE:
            continue
        # Teasers are other stories: the headline names none of most of them.
        if not _names_few(title, [blocks[j].text for j in teasers]):
            continue
        # Nor is it a story drawn a second time (a page that repeats its article, as in a
        # print or app copy under it): its paragraphs above are no teasers but the story itself.
        if not {blocks[j].text for j in teasers}.isdisjoint(paragraphs):
            continue
        if any(digit[j] and _stamp_like(blocks[j].text, stamps(j)) for j in range(teasers[0], teasers[-1])):
            continue
        return i, stamp
    return None


#: A teaser card a renderer ran into one line: its headline, in title case, glued to the first
#: word of its summary ("... Applications To 250,000The state of Michigan will mail ...").
_GLUED_CARD = re.compile(r"[a-z0-9?!’'”)](?=[A-Z])")
#: ... within this many characters of its start.
_CARD_HEAD_CHARS = 160
#: Cards under which the story may start, within this many blocks of the last one.
_CARDS_REACH = 40
#: A story found under cards has this many paragraphs at least.
_CARDS_STORY_PARAGRAPHS = 2


def _card_headline(text: str) -> bool:
    """Whether ``text`` reads as a teaser card's headline on a line of its own: a headline's
    length in title case, ending no sentence ("Say Cheese? Detroit's Top 3 Cheese Shops")."""
    words = text.split()
    return _HEADLINE_WORDS <= len(words) <= _RESTART_HEADLINE_WORDS and not text.endswith((".", ":")) \
        and _title_case(words)


def _teaser_card(text: str) -> bool:
    """Whether ``text`` reads as a teaser card drawn on one line: a headline of three words or
    more in title case, glued to a summary of five words or more (see _GLUED_CARD). (A story's
    paragraph may glue a name, "McKinley", but seldom behind words in title case.)"""
    seam = _GLUED_CARD.search(text, 0, _CARD_HEAD_CHARS)
    if seam is None:
        return False
    words = text[: seam.start() + 1].split()
    return len(words) >= _HEADLINE_WORDS - 2 and _title_case(words) and text.count(" ", seam.end()) >= _HEADLINE_WORDS


def _story_after_cards(blocks: list[textsegment.Block], body_idx: list[int], digit: list[bool],
                       stamps: Callable[[int], dict[str, str]]) -> tuple[int, int, list[int]] | None:
    """Where the story starts under a body run that is all teaser cards (a site's menu of its
    latest headlines, each run into its summary): its headline, the date stamp under it and its
    paragraphs, or None. The classifier may weigh a dozen cards above a short story's few
    paragraphs; :func:`_story_restart` finds the story only inside the run."""
    if len(body_idx) < _RESTART_TEASERS:
        return None
    # (Two thirds of the run at least, and one of its first two blocks: where the run is the
    # story, this looks no further than its first two paragraphs.)
    # (A renderer may draw a card's headline and summary as two lines: the headline in title
    # case, then its summary, which counts with it.)
    others = 0
    headline = -2
    for k, i in enumerate(body_idx):
        text = blocks[i].text
        if _teaser_card(text) or i == headline + 1:
            continue
        if _card_headline(text):
            headline = i
            continue
        others += 1
        if others * 3 > len(body_idx) or others > max(k, 1):
            return None
    if len(body_idx) - others < _RESTART_TEASERS:
        return None
    n = len(blocks)
    for i in range(body_idx[-1] + 1, min(n - 3, body_idx[-1] + 1 + _CARDS_REACH)):
        if not (digit[i + 1] or digit[i + 2]):
            continue
        title = blocks[i].text
        if not _restart_headline(title) or (stamp := _stamp_under(blocks, i, digit, stamps)) is None:
            continue
        # The story: the prose under the stamp (past a tags line or a byline), up to the first
        # block that is none.
        story: list[int] = []
        for j in range(stamp + 1, n):
            if _prose(blocks[j].text):
                story.append(j)
            elif story or j > stamp + _LEDE_PARAGRAPHS:
                break
        if len(story) < _CARDS_STORY_PARAGRAPHS:
            continue
        paragraphs = [blocks[j].text for j in story[:_LEDE_PARAGRAPHS]]
        if _overlap(title, _words(" ".join(paragraphs))) < _RESTART_LEDE_SHARE:
            continue
        if not _names_few(title, [blocks[j].text for j in body_idx]):
            continue
        return i, stamp, story
    return None


# A picture's text alternative as renderers that show pictures draw it, the whole block in
# brackets ("[A shopper looks at extension cords ...]"; inscriptis with display_images and
# links: "[[alt]](link)"): a sentence of one is the picture's caption, no paragraph.
_BRACKETED_ALT = re.compile(r"\[\[?([^\[\]]+)\]\]?(?:\([^()\s]*\))?\s*$")
_ALT_CAPTION_WORDS = 6


def _body_caption(text: str) -> Image | None:
    """The picture whose caption ``text`` is, when a block the classifier took for body reads as one:
    it closes with a photo credit, opens the way captions do, carries a screen reader's "Image
    caption" label or a gallery counter."""
    # (Each test starts with a character test: most paragraphs fail it, and a caption is short,
    # which is counted last.)
    image = None
    text = _said_once(text)
    # The credit closes the block (only whitespace after its ")"); most paragraphs end otherwise.
    if (credit := captions.trailing_credit(text)) and (captions.names_an_agency(credit) or text.count(" ") < 60):
        caption = _GALLERY_COUNTER.sub("", text[: credit.start()]).strip()
        image = Image(caption=caption, credit=credit.group("credit").strip())
    if image is None and text[:1] in "FITift" and _CAPTION_OPENER.match(text):
        image = Image(caption=text)
    if image is None and text[:1] in "IPMipm" and (label := _CAPTION_LABEL.match(text)):
        image = Image(caption=text[label.end() :])
    if image is None and text[:1] in "IPMipm" and (owner := _COPYRIGHT_LABEL.match(text)):
        rest = text[owner.end() :]
        if inner := _INNER_CAPTION_LABEL.search(rest):
            image = Image(caption=rest[inner.end() :], credit=rest[: inner.start()].strip() or None)
        elif len(rest.split()) <= _LABELLED_CREDIT_WORDS and not _SENTENCE_BREAK.search(rest):
            image = Image(credit=rest.strip() or None)
    if image is None and text[:1].isdigit() and (counter := _GALLERY_COUNTER.match(text)):
        image = Image(caption=text[counter.end() :])
    if image is None and text[:1] == "[" and (alt := _BRACKETED_ALT.match(text)) and len(alt[1].split()) >= _ALT_CAPTION_WORDS:
        image = Image(caption=alt[1].strip())
    return image if image is not None and len(text.split()) <= 80 else None



def _alt_credit_caption(text: str) -> Image | None:
    """The picture whose alt text, credit and caption a renderer drew on one line ("a hand holding
    a blue object: Needle poking skin ... © John Brecher Needle poking skin ..."): past the
    copyright sign and a name of a few words, the caption repeats words the alt text said."""
    before, _, after = text.partition("©")
    words = after.split()
    for k in range(1, _CREDIT_NAME_WORDS + 1):
        echo = " ".join(words[k : k + _ECHO_WORDS])
        if len(words) >= k + _ECHO_WORDS and echo in before:
            return Image(caption=" ".join(words[k:]), credit=" ".join(words[:k]))
    return None


def _credited_caption(text: str, blocks: list[textsegment.Block], i: int) -> Image | None:
    """The picture whose caption body block ``i`` is, when a photo credit line follows it or its
    copy ("Kevin Mayer, the Disney executive ..." over "(Walt Disney Co.)"), or when it opens with a
    copyright sign ("© John Brecher Needle poking skin ...", but not the page's "© 2019 The
    Associated Press"). Only a single sentence counts: a paragraph may sit over a picture that
    shows its credit alone."""
    if text[:1] == "©" and text.count(" ") < _CREDITED_CAPTION_WORDS and not cues.has_copyright_notice(text):
        return Image(caption=text[1:].strip())
    if "©" in text and text.count(" ") < 2 * _CREDITED_CAPTION_WORDS and (image := _alt_credit_caption(text)):
        return image
    # (A caption the page draws twice, in the picture's box and again in its viewer, has its
    # credit under the second.)
    under = i + 2 if i + 2 < len(blocks) and blocks[i + 1].text == text else i + 1
    # (Cheapest test first: most blocks are followed by a line longer than any credit.)
    if under >= len(blocks) or len(credit := blocks[under].text) > 70 or not _credit_line(credit):
        return None
    if text.count(" ") >= _CREDITED_CAPTION_WORDS or _SENTENCE_BREAK.search(text):
        return None
    # An agency's name alone ("Reuters", "Getty Images") may credit a picture without a caption
    # under any paragraph, or sign the story off; a photographer's name or a label says caption.
    if credit[:1] != "(" and not any(mark in credit for mark in ",/|:") and not credit.lower().startswith(("photo", "image", "pic")):
        return None
    return Image(caption=text, credit=credit.strip("()"))


# How a trail opens: "Home" (or its name in other languages: "Accueil > Économie"), or "News".
_TRAIL_HOMES = cues.HOME_CRUMBS | {"news"}
#: A line of this many entries between pipes is a menu bar ("Home | State | National | Business | Sports").
_MENU_ENTRIES = 5


def _breadcrumb(text: str) -> tuple[list[str], str | None] | None:
    """("Home / World News / Headline") -> (["Home", "World News"], "Headline")."""
    text = _LEADING_DATE.sub("", text.strip())
    parts = [p.strip() for p in _BREADCRUMB_SEP.split(text) if p.strip()]
    if len(parts) < 2 or any(len(p.split()) > 6 for p in parts[:-1]):
        return None
    if parts[0].lower() not in _TRAIL_HOMES:
        return None
    tail = parts[-1]
    # A menu bar is no trail: one that closes with the day's date ("Home | State | ... | E-Paper
    # Wednesday, February 12, 2025": no trail leads to a date), or a run of pipes between many
    # entries (a renderer may break it before the date).
    if (_MONTH.search(tail) and parse_date(tail)) or (len(parts) >= _MENU_ENTRIES and "|" in text):
        return None
    if len(tail.split()) >= 4:
        return parts[:-1], tail
    return parts, None


# What a crumb drawn as a list item may open or close with: the separators the page put beside it
# ("HOME >", "› News").
_CRUMB_END = " >›»/|"
#: A trail drawn as a list holds at most this many crumbs past "Home": more is a menu ...
_LISTED_CRUMBS = 4
#: ... each of at most this many words and characters (a language without spaces has one
#: "word"); longer, the item is the page's own headline.
_CRUMB_WORDS = 6
_CRUMB_CHARS = 32
#: Drawn as plain lines (a browser's innerText draws no bullets), a trail looks more like a menu
#: bar, so it must be shorter: at most this many crumbs past "Home", of this many words each.
_PLAIN_CRUMBS = 3
_PLAIN_CRUMB_WORDS = 4


def _listed_trail(blocks: list[textsegment.Block], headline_idx: int, top: int) -> list[str]:
    """A breadcrumb trail drawn as the list items right above the headline ("* Home", "* News",
    "* World", or numbered; or plain lines, "Home", "News", "World"), from its "Home" on; the last
    item may be the headline itself (as written there or shortened), which is no crumb, and a
    plain line's with a date in it ("Opening Bell 11.18.19") is none either. [] where the run of
    items holds no "Home" or runs on like a menu."""
    listed = headline_idx > top and blocks[headline_idx - 1].bullet
    most, words = (_LISTED_CRUMBS, _CRUMB_WORDS) if listed else (_PLAIN_CRUMBS, _PLAIN_CRUMB_WORDS)
    items: list[str] = []
    j = headline_idx - 1
    while j >= top and blocks[j].bullet == listed and len(items) <= 2 * most \
            and (listed or len(blocks[j].text.split()) <= _CRUMB_WORDS):
        if crumb := blocks[j].text.strip(_CRUMB_END):  # (a separator drawn on a line of its own is none)
            items.append(crumb)
        j -= 1
    items.reverse()
    headline = blocks[headline_idx].text
    # (Shortened: "Impeachment sham ..." under "Impeachment sham completely debunked: White
    # House"; but a section may open a headline: "Fact Check" above "Fact Check: Is ...".)
    if items and (len(items[-1].split()) > words or len(items[-1]) > _CRUMB_CHARS
                  or headline.startswith(shown := items[-1].rstrip(".…")) and 2 * len(shown) >= len(headline)
                  or not listed and any(map(str.isdigit, items[-1]))):
        items.pop()
    home = next((k for k in range(len(items) - 1, -1, -1) if items[k].lower() in cues.HOME_CRUMBS), None)
    if home is None:
        return []
    trail = items[home:]
    if not 1 < len(trail) <= most + 1 or any(len(crumb.split()) > words or len(crumb) > _CRUMB_CHARS for crumb in trail):
        return []
    return trail


# A fact-check's box as a page shows it: "Claim" and "Rating" (or "Verdict", "Conclusion") labels,
# each on a line of its own over its text or before it after a colon ("Claim: ...", "Rating: False").
# (And in Spanish, Portuguese, French and German: "Afirmación" ... "Veredicto", "Behauptung" ... "Bewertung".)
_CLAIM_LABEL = re.compile(r"(?:the )?claim(?: reviewed)?|afirmaci[oó]n|afirma[cç][aã]o|affirmation|behauptung",
                          re.IGNORECASE)
_VERDICT_LABEL = re.compile(r"(?:our )?(?:rating|verdict|conclusion|ruling)|calificaci[oó]n|veredicto|veredito|"
                            r"classifica[cç][aã]o|bewertung|fazit", re.IGNORECASE)
#: What every claim label holds, lower-cased (a cheap test before the patterns).
_CLAIM_LABEL_STEMS = ("claim", "afirma", "affirm", "behaupt")
_LABELLED = re.compile(r"(?P<label>[^:]{3,20}):\s+(?P<text>\S.*)")
#: A verdict is a few words ("False", "Mostly true", "Pants on Fire"); a claim a sentence.
_VERDICT_WORDS = 6
_CLAIM_WORDS = 4
#: How many lines past the claim its verdict may come.
_VERDICT_REACH = 6


def _shown_claim_review(blocks: list[textsegment.Block], candidates: set[int] | None) -> ClaimReview | None:
    """The claim and verdict of a fact-check's box as the dump shows it (see _CLAIM_LABEL), or None;
    ``candidates`` are the blocks that hold a claim label's stem (None: every block may)."""

    def labelled(k: int, label: re.Pattern) -> str | None:
        text = blocks[k].text.strip()
        if label.fullmatch(text.rstrip(":")):
            return blocks[k + 1].text.strip() if k + 1 < len(blocks) else None
        parts = _LABELLED.fullmatch(text)
        return parts["text"].strip() if parts and label.fullmatch(parts["label"].strip()) else None

    for i in sorted(candidates) if candidates is not None else range(len(blocks)):
        text = blocks[i].text
        if len(text) > 400 or not any(stem in text[:20].lower() for stem in _CLAIM_LABEL_STEMS) or \
                (claim := labelled(i, _CLAIM_LABEL)) is None or len(claim.split()) < _CLAIM_WORDS:
            continue
        for k in range(i + 1, min(i + 1 + _VERDICT_REACH, len(blocks))):
            if (verdict := labelled(k, _VERDICT_LABEL)) is not None and len(verdict.split()) <= _VERDICT_WORDS:
                return ClaimReview(claim=claim, rating=verdict)
    return None


# A hover card a renderer drew inline, where the story names someone: the name again (in full:
# "Kristi NoemKristi Lynn Noem"), the card's headlines, and its "MORE" link, after which the
# sentence goes on ("... Rep. Ilhan OmarIlhan OmarHillicon Valley: ... threatening her MORE
# (D-Minn.), the U.S. Attorney's Office ..."). A name followed by its own first name (past the
# card's picture, which some renderers name: "Kristi Noem[noemkristi_03]Kristi Lynn Noem") is the tell.
# (Not a heading's "MORE", "MORE STORIES LIKE THIS ONE", under an author's card.)
_HOVER_CARD = re.compile(r"\b(?P<name>(?P<first>[A-Z][\w'’-]+)(?: [A-Z][\w'’.-]*){1,3}) ?(?:\[[^\]\s]{0,40}\] ?)?"
                         r"(?P<card>(?P=first)\b.{20,800}?) MORE\b(?! [A-Z]{2})")


#: How the rest of a sentence a hover card interrupted may open, besides a lower-case word:
#: "... Omar MORE (D-Minn.), the U.S. Attorney's Office ...".
_SENTENCE_GOES_ON = ("(", ",", ";", ":", "–", "—")
#: A hover card broken over blocks spans this many at most (its headlines, joined by " | ",
#: make short lines a renderer's wrapping or line breaks part from the paragraph).
_HOVER_CARD_BLOCKS = 6


def _joined_hover_cards(blocks: list[textsegment.Block]) -> list[textsegment.Block]:
    """``blocks`` with each hover card (see _HOVER_CARD) that segmentation broke over several
    blocks joined back into the paragraph it sits in, with the rest of that paragraph's sentence
    where it went on in the next block: one block, as a renderer that keeps a paragraph on one
    line draws it, for :func:`without_hover_cards` to take the card out of."""
    texts = [block.text for block in blocks]
    joined: list[textsegment.Block] = []
    done = 0  # blocks before this one are in ``joined``
    for j in range(len(blocks)):
        if j < done or "MORE" not in texts[j] or _HOVER_CARD.search(texts[j]):
            continue
        # The blocks above within reach, joined, searched once: a card that ends in this block
        # (its "MORE") and starts in one above (its name).
        lo = max(done, j - _HOVER_CARD_BLOCKS)
        window = " ".join(texts[lo : j + 1])
        last = len(window) - len(texts[j])
        card = next((card for card in _HOVER_CARD.finditer(window) if card.end() > last), None)
        if card is None or card.start() >= last:
            continue
        k, at = lo, len(texts[lo]) + 1
        while at <= card.start():
            k += 1
            at += len(texts[k]) + 1
        text = window[at - len(texts[k]) - 1 :]
        stop = j + 1
        if stop < len(blocks) and not text.endswith(textsegment.SENTENCE_ENDS) \
                and (texts[stop][:1].islower() or texts[stop][:1] in _SENTENCE_GOES_ON):
            text = f"{text} {texts[stop]}"
            stop += 1
        joined.extend(blocks[done:k])
        first = blocks[k]
        joined.append(textsegment.Block(text, first.line, first.bullet, first.indent))
        done = stop
    if not done:
        return blocks
    joined.extend(blocks[done:])
    return joined


def without_hover_cards(text: str) -> tuple[str, list[str]]:
    """``text`` without the inline hover cards it holds (see _HOVER_CARD), and the cards."""
    cards: list[str] = []

    def cut(match: re.Match) -> str:
        cards.append(match.group("card"))
        return match.group("name")

    return _HOVER_CARD.sub(cut, text), cards


def extract_text(page: Page, template: frozenset[str] = frozenset()) -> Article:
    """Build an :class:`Article` from a plain-text dump."""
    page, blocks = dump_blocks(page)
    kept, slots = _without_slots(blocks)
    labels, facts = textblocks.classify_page(kept, template)
    article = article_from_blocks(page, kept, labels, facts)
    if slots:
        _add_slots(article, page, blocks, slots)
    if any(_DROP_CAP.match(paragraph) for paragraph in article.body):
        article.body = _without_split_drop_caps(article.body, page.content)
    return article


# A paragraph's first letter drawn as a drop cap, which a renderer set apart from the rest of its
# word ("T he Davis Cup Final began ...", "H ong Kong is burning.", "A dam Schiff's inquiry").
_DROP_CAP = re.compile(r"([A-Z]) ([a-z]+)\b")
#: Capitals that are English words of their own ("A spokesperson said", "I think").
_ONE_LETTER_WORDS = frozenset("AIO")


def _without_split_drop_caps(body: list[str], content: str) -> list[str]:
    """``body`` with each split drop cap joined to its word, where the page uses that word
    elsewhere ("the", "hong"): so "T cells" or Polish "W domu" stay as they are. "A" and "O" are
    words of their own, joined only where the rest of the word is no word the page uses
    elsewhere ("A dam Schiff" on a page that names Adam Schiff; not "A spokesperson") or a single
    letter ("A n", "O n"); "I" only to a single letter ("I t was"; "I ran" stays, Iran or not)."""
    lower = ""
    joined = []
    for paragraph in body:
        # (Substring searches first, for the word capitalised or in lower case: most paragraphs
        # that open with "A" or "I" are no drop cap, and "Aspokesperson" is nowhere on the page.)
        if (split := _DROP_CAP.match(paragraph)) \
                and (split[1] + split[2] in content or split[1].lower() + split[2] in content) \
                and _uses(lower := lower or content.lower(), (split[1] + split[2]).lower()) \
                and (split[1] not in _ONE_LETTER_WORDS or len(split[2]) == 1
                     or (split[1] != "I" and not _uses(lower, split[2], 2))):
            paragraph = split[1] + paragraph[split.end(1) + 1 :]
        joined.append(paragraph)
    return joined


def _uses(lower: str, word: str, times: int = 1) -> bool:
    """Whether ``lower`` (a page, lower-cased) holds ``word`` as a word ``times`` times at least."""
    return len(re.findall(rf"(?<!\w){re.escape(word)}(?!\w)", lower)) >= times


#: A paragraph of prose, for _without_slots: this many words at least, and a sentence's end.
_PROSE_WORDS = 12
#: ... so at least this many characters (one-letter words, a space between each).
_PROSE_CHARS = 2 * _PROSE_WORDS - 1
#: An ad slot's or a credit's line is shorter than this ...
_SLOT_CHARS = 80
#: ... and a promo's ("ALSO READ: <headline>") shorter than this.
_PROMO_CHARS = 240
#: A short sentence of the story (for _paragraph) has this many words at least.
_SHORT_SENTENCE_WORDS = 6
#: A video player's label, which is all its line says.
_VIDEO_LABEL = re.compile(r"^(?:videos?|watch(?: video| now)?|play video|now playing)\W*$", re.IGNORECASE)
#: What a page's video player says where it cannot play ("Media playback is unsupported on your device").
_MEDIA_NOTICE = re.compile(r"^media playback is (?:unsupported|not supported) on your device\W*$", re.IGNORECASE)
#: The boilerplate category of a slot, where its kind is none (record.BOILERPLATE_CATEGORIES).
_SLOT_CATEGORIES = {"picture": "caption", "video": "promo"}
#: The slots (_slot's kinds) that need prose around them.
_CAPTION_SLOTS = frozenset({"caption", "picture"})
#: At most this many slots in a row ("ALSO READ: ..." over "ALSO READ: ...", an ad over a credit).
_SLOT_RUN = 3
#: A caption under its screen reader's label, on a line of its own, is shorter than this (longer,
#: a renderer joined the paragraph under it to the caption).
_LABELLED_CAPTION_CHARS = 160


#: A tags list drawn without bullets holds at most this many lines.
_TAG_LIST_ITEMS = 20
#: A tags list's control, no tag: "Show more", "See all".
_TAG_LIST_CONTROL = re.compile(r"^(?:show|see|view|load) (?:more|all|less)$", re.IGNORECASE)


def _unbulleted_tags(blocks: list[textsegment.Block], start: int) -> list[int]:
    """The indices of a tags list drawn a line each without bullets from ``blocks[start]`` on, right
    under its heading: lines next to each other, a blank line (or the dump's end) after the last,
    each a few words and none a sentence, a label ("Popular:"), a separator (","), a nested
    menu's item ("o Festivals") or furniture; else none."""
    rows = []
    j = start
    while j < len(blocks) and len(rows) < _TAG_LIST_ITEMS and not blocks[j].bullet \
            and blocks[j].line == blocks[j - 1].line + 1:
        rows.append(j)
        j += 1
    if not rows or (j < len(blocks) and blocks[j].line == blocks[j - 1].line + 1):
        return []
    for k in rows:
        text = blocks[k].text
        if len(text.split()) > 4 or not text[0].isalnum() or text.startswith("o ") or text.endswith((":", *textsegment.SENTENCE_ENDS)) \
                or cues.anywhere_category(text) or cues.RELATED_HEADING.match(text):
            return []
    return rows


def _prose(text: str) -> bool:
    return text.count(" ") + 1 >= _PROSE_WORDS and text.rstrip("\"'”’)»").endswith(textsegment.SENTENCE_ENDS)


def _paragraph(text: str) -> bool:
    """A paragraph of the story around an ad or a promo: _prose, or a sentence of six words or
    more, or twelve words without a sentence's end (a story's line may lack its full stop; an ad's
    label or a promo's lead says what it is, where a credit's short line between two such lines
    may be a caption's)."""
    if len(text) < _PROSE_CHARS:
        return False
    words = text.count(" ") + 1
    return words >= _PROSE_WORDS or (words >= _SHORT_SENTENCE_WORDS
                                     and text.rstrip("\"'”’)»").endswith(textsegment.SENTENCE_ENDS))


def _slot(text: str) -> str | None:
    """What a short line a page sets between two paragraphs of its story is, where it is
    furniture of no words of the story: an ad slot's label ("Advertisement", "Story continues
    below advertisement": "advert"), a picture's bare credit ("Photo: Getty Images", "AFP via
    Getty Images": "caption"), a picture's caption its credit closes ("Cranes stand idle on
    Friday. REUTERS/Jon Tavi"), its credit alone ("(AP Photo/Jon Tavi)") or a screen reader's
    label for either ("Image copyright Getty Images", "Image caption ...": "picture"), a video
    player's label ("Video", "Now playing": "video") or a promo for another story ("ALSO READ:
    <headline>", "RELATED: <headline>": "promo")."""
    if (text[:1] in cues.INLINE_PROMO_INITIALS and cues.INLINE_PROMO.match(text)
            or ":" in text[:40] and cues.PROMO_LEAD.match(text)) \
            and 3 <= len(cues.promo_headline(text).split()) <= 30:
        return "promo"
    # A screen reader's label over a picture's credit or caption ("Image copyright Getty Images",
    # "Image caption Protesters gather ...").
    if text[:1] in "IPMVipmv" and (_CAPTION_LABEL.match(text) or _COPYRIGHT_LABEL.match(text)):
        return "picture"
    # (No credit closes on a sentence's end: most lines a story sets are its sentences.)
    if text[-1] in ".!?":
        return None
    # (Also where the whole line is the credit, "(AP Photo/Jon Tavi)", "(Photo by Jon Tavi/Getty
    # Images)": a picture's, under its caption or alone; "(AP)" or "(Reuters)" alone is none.)
    if captions.trailing_credit(text):
        return "picture"
    if len(text) >= _SLOT_CHARS:
        return None
    if len(text) < 60 and cues.AD_SLOT.match(text):
        return "advert"
    if len(text) < 50 and (_VIDEO_LABEL.match(text) or _MEDIA_NOTICE.match(text)):
        return "video"
    low = text.lower()
    # (A photo's, not "(AP)" or "Reuters" alone: an agency's credit line is the wire's evidence.)
    if ("photo" in low or "foto" in low or "image" in low or "picture" in low or "pic" in low or "credit" in low) \
            and text[0] != "(" and (
            _credit_line(text) or ((credit := _CAPTION_CREDIT.match(text)) and not credit["caption"])):
        return "caption"
    return None


def _without_slots(blocks: list[textsegment.Block]) -> tuple[list[textsegment.Block], dict[int, str]]:
    """``blocks`` less the slots (see :func:`_slot`), up to _SLOT_RUN in a row, that stand between
    two paragraphs of the story, and those slots, by their index in ``blocks``: a page sets them
    between a story's paragraphs as often as it likes, and each would part the story's run of
    paragraphs in two. (One after the story's last paragraph, above the site's teasers, stays:
    there it tells where the story ends. So do share bars, newsletter boxes and video players:
    taken out between two paragraphs of prose, the story ran on into the company's "About"
    paragraphs under them on two DEV pages in every rendering, F1 0.960 -> 0.957; asking for two
    paragraphs under the box that are no writer's note, no company profile cues.company_profile
    knows and no furniture, the DEV records held, but a profile worded otherwise, or the next
    story of a page that scrolls on, joined the story all the same.)

    Training does not call it: the DEV pages hold few such slots, and with the ad slots taken out
    of the training blocks too, the decode knobs chosen on out-of-fold scores moved (pivot 0.4 ->
    0.5) and the cross-validated F1 on lynx, elinks, links and soup_strip dumps fell by 1.4-1.6
    points."""
    texts = [block.text for block in blocks]
    slots: dict[int, str] = {}
    after = 0  # past the last run looked at
    # (The cheap tests first: most blocks are long, or short after short ones.)
    for i in [i for i in range(1, len(texts) - 1) if len(texts[i]) < _PROMO_CHARS and len(texts[i - 1]) >= _PROSE_CHARS]:
        if i < after or not _paragraph(texts[i - 1]):
            continue
        run: dict[int, str] = {}
        j = i
        while j < len(texts) - 1 and len(run) < _SLOT_RUN and len(texts[j]) < _PROMO_CHARS and (kind := _slot(texts[j])):
            run[j] = kind
            j += 1
        # A screen reader's "Image caption" alone on its line: the caption is the line under it
        # (a renderer that breaks at every element draws label, credit and caption apart).
        if run and j < len(texts) - 1 and len(texts[j]) < _LABELLED_CAPTION_CHARS and _BARE_CAPTION_LABEL.match(texts[j - 1]):
            run[j] = "caption"
            j += 1
        # Ads and promos need paragraphs around them; credits and captions, prose (a short
        # sentence next to a credit may be a caption too).
        kinds = set(run.values())
        if run and (_prose(texts[i - 1]) and _prose(texts[j]) if kinds & _CAPTION_SLOTS else _paragraph(texts[j])) \
                and ("picture" not in kinds or _pictures_fit(blocks, i, j)):
            slots.update(run)
        after = j + 1
    if not slots:
        return blocks, slots
    return [b for i, b in enumerate(blocks) if i not in slots], slots


def _pictures_fit(blocks: list[textsegment.Block], i: int, j: int) -> bool:
    """Whether the run of slots ``blocks[i:j]`` that holds a captioned picture stands inside the
    story: two paragraphs of prose above it (the picture under a story's dek and over its first
    paragraph parts the two, which is the dek's one tell), and neither neighbour the picture's
    alt text (renderers draw the alt text next to the caption; the body pass takes both out)."""
    # (Two distinct paragraphs: a line drawn twice over the credit is the picture's alt text and
    # caption, which the credit closes.)
    if i < 2 or not _prose(blocks[i - 2].text) or blocks[i - 2].text == blocks[i - 1].text:
        return False
    captions_ = [blocks[k].text for k in range(i, j)]
    return not any(_alt_text_of(blocks[n].text, caption) or _alt_over_caption(blocks[n].text, caption)
                   for n in (i - 1, j) for caption in captions_)


def _add_slots(article: Article, page: Page, blocks: list[textsegment.Block], slots: dict[int, str]) -> None:
    """The slots _without_slots took out of ``blocks`` go back into the record (in place): each as
    boilerplate, a promo's headline among the related links and a caption's picture among the
    images, each where the page has it (the first story a page promotes is its first related
    link)."""
    article.boilerplate += [Boilerplate(blocks[i].text, _SLOT_CATEGORIES.get(kind, kind)) for i, kind in slots.items()]
    promos = [(i, RelatedLink(headline=cues.promo_headline(blocks[i].text))) for i, kind in slots.items()
              if kind == "promo"]
    if promos:
        _link_addresses(page, [link for _, link in promos], [])
        article.related = unique_related(_in_page_order(article.related, [link.headline for link in article.related],
                                                        promos, blocks, slots))
    pictures: list[tuple[int, Image]] = []
    last = -2  # the last slot the previous picture was read from
    for i, kind in slots.items():
        if kind != "picture" or (image := _body_caption(blocks[i].text)) is None:
            continue
        end = i
        # A screen reader's label alone on its line ("Image copyright", "Image caption"), what it
        # labels in the slot under it (a renderer that breaks at every element).
        if not image.caption and image.credit is None and i + 1 in slots \
                and (labelled := _body_caption(f"{blocks[i].text} {blocks[i + 1].text}")) is not None:
            image, end = labelled, i + 1
        if not image.caption:  # ("(AP Photo/Jon Tavi)": no caption)
            image = Image(credit=image.credit)
        # A screen reader's two lines for one picture, "Image copyright Getty Images" over
        # "Image caption The minister ...": one picture.
        if pictures and last == i - 1 and pictures[-1][1].caption is None and image.credit is None:
            image = Image(caption=image.caption, credit=pictures.pop()[1].credit)
        pictures.append((i, image))
        last = end
    if pictures:
        article.images = _in_page_order(article.images, [image.caption for image in article.images], pictures,
                                        blocks, slots)


def _in_page_order(listed: list[T], texts: list[str | None], slotted: list[tuple[int, T]],
                   blocks: list[textsegment.Block], slots: dict[int, str]) -> list[T]:
    """``listed`` (in page order, with ``texts``, the words each was read from) and ``slotted`` (by
    their slot's index in ``blocks``) merged in page order. An item of ``listed`` stands at the first
    block from the last one's on that holds its text; one found nowhere keeps the last place."""
    placed = []
    at = 0
    for item, text in zip(listed, texts):
        found = next((j for j in range(at, len(blocks)) if j not in slots and text and text in blocks[j].text), None)
        if found is not None:
            at = found
        placed.append((at, item))
    return [item for _, item in sorted(placed + slotted, key=lambda pair: pair[0])]


# Marks a page's source holds for the browser, which show nothing and part no words: zero-width
# spaces, word joiners, byte-order marks, soft hyphens. Left in, "end.\u200b The" hides a
# sentence break and "exam\u00adple" splits a word. (Not the zero-width joiner and non-joiner,
# which Persian and the Indic scripts spell with.)
_WORDLESS_MARKS = "\u200b\u2060\ufeff\u00ad"
_NO_WORDLESS_MARKS = str.maketrans("", "", _WORDLESS_MARKS)


def dump_blocks(page: Page) -> tuple[Page, list[textsegment.Block]]:
    """A dump's blocks (:func:`textsegment.segment`), and the page they were cut from: its line
    breaks are made "\\n", raw HTML a Markdown writer passed through is taken out, a run-together
    dump is cut into sentences (the page returned says so in its warnings), and glued paragraphs
    are cut apart.
    Training calls it too, so that it scores the blocks that ship."""
    if (content := textsegment.unix_line_breaks(page.content)) is not page.content:
        page = Page(page.source, content, page.url, page.warnings)
    if any(mark in page.content for mark in _WORDLESS_MARKS):
        page = Page(page.source, page.content.translate(_NO_WORDLESS_MARKS), page.url, page.warnings)
    if (shown := textsegment.without_raw_markup(page.content)) is not None:
        page = Page(page.source, shown, page.url, page.warnings)
    if size := textsegment.run_together_size(page.content):
        page = Page(page.source, textsegment.cut_run_together(page.content), page.url, page.warnings + [
            f"{textsegment.RUN_TOGETHER_WARNING} ({size:,} characters in lines of "
            f"{textsegment.RUN_ON_CHARS:,} or more): "
            "cut at sentence ends, so paragraphs are sentences and glued navigation may remain"])
    elif (cut := textsegment.cut_glued_paragraphs(page.content)) is not None:
        page = Page(page.source, cut, page.url, page.warnings)
    blocks = textsegment.segment(page.content)
    if "MORE" in page.content:
        blocks = _joined_hover_cards(blocks)
    return page, blocks


def _link_addresses(page: Page, related: list[RelatedLink], images: list[Image]) -> None:
    """Where a dump kept its links' targets, the related links (by their text) and the pictures (by
    the alt text their caption opens with) get their addresses, resolved against the page's URL where
    it has one (in place): a Markdown dump's "[text](target)" and "![alt](source)", or a lynx or
    elinks dump's numbered links listed under "References"."""
    def address(target: str) -> str:
        return urljoin(page.url, target) if page.url else target

    if "](" in page.content:
        links, sources = textsegment.markdown_targets(page.content)
    elif related and "References" in page.content:
        links, sources = textsegment.reference_targets(page.content), {}
    else:
        return
    for link in related:
        if link.url is None and (target := links.get(link.headline)):
            link.url = address(target)
    for image in images:
        if image.url is None and image.caption:
            alt = next((alt for alt in sources if len(alt) > 10 and image.caption.startswith(alt.rstrip("."))), None)
            if alt is not None:
                image.url = address(sources[alt])


# A dek is a sentence of its own: eight words or more, or five or more in sentence case (a
# standfirst such as "Board members cited unresolved environmental objections"), where a menu,
# a kicker or a name line is in title case.
_DEK_WORDS = 8
_SHORT_DEK_WORDS = 5


# A teaser's date on a line of its own in a related list ("22 August 2019", "Wednesday, 20th
# November 2019"): a date's words and nothing else, in a short line.
_BARE_DATE_CHARS = 40
_DATE_FIGURES = re.compile(r"\d+(?:st|nd|rd|th)?|[\W_]+")


def _bare_date(text: str) -> bool:
    rest = _DATE_FIGURES.sub(" ", MONTH_NAME.sub(" ", text)).split()
    return all(word.lower().rstrip(".") in WEEKDAYS for word in rest)


def _dek_shaped(text: str) -> bool:
    words = text.split()
    if len(words) >= _DEK_WORDS:
        return True
    return (len(words) >= _SHORT_DEK_WORDS and words[0][:1].isupper() and "|" not in text
            and text[-1] not in ":|•·-–—" and sum(w[:1].isupper() for w in words[1:]) * 3 <= len(words) - 1
            and sum(w.isalpha() for w in words) * 4 >= 3 * len(words))


def article_from_blocks(page: Page, blocks: list[textsegment.Block], labels: list[str], facts: PageText) -> Article:
    """The metadata pass: an :class:`Article` from a dump's classified blocks (``labels`` from
    :func:`textblocks.classify_page`, which it refines in place; ``facts`` its PageText).
    Training's cross-validation calls it too, so the bodies it scores are the ones that ship."""
    article = Article(source=page.source, input_kind="text", url=page.url, warnings=list(page.warnings))
    digit = facts.digit
    # Per block, which rules can act on it: every gate is a superset of its rule's own test. A
    # digit for stamps and reading times (digit), a first word a line-start pattern can open
    # with (lead), a word found in the block for the copyright, caption and disclaimer tests
    # (hit). Blocks none of them apply to, and the classifier did not call related or promo,
    # go straight to the boilerplate with their label (most are navigation links); open tag
    # and related lists are walked block by block.
    disclaimer_hints = tuple(w for w in _DISCLAIMER_HINTS if facts.has(w))
    n = len(blocks)
    found = facts.containing(_ANYWHERE_WORDS + disclaimer_hints)
    hit = _gate(found, n)
    if found is None:
        lead = active = [True] * n
    else:
        lead = list(map(_is_lead, facts.firsts))
        # (Index lists by compress and map, without a Python loop over the blocks.)
        positions = range(n)
        active = [False] * n
        for i in {*compress(positions, digit), *compress(positions, lead), *found,
                  *compress(positions, map(_LISTED.__contains__, labels))}:
            active[i] = True
    # Narrower gates for the costlier tests, which a block can fail for want of one word.
    # (Labels in Latin letters only, on a page without other letters: most pages.)
    labelled = _gate(facts.containing(DATE_LABEL_WORDS if not facts.lower.isascii() else _ASCII_LABEL_WORDS), n)
    captioned = _gate(facts.containing(_CAPTION_WORDS), n)
    newsletter = _gate(facts.containing(_NEWSLETTER_WORDS), n)
    # A stamp line near the headline is asked for its dates by the headline, dek and stamp
    # rules alike: parse it once.
    parsed: dict[int, dict[str, str]] = {}

    def stamps(i: int) -> dict[str, str]:
        if not labelled[i]:
            return {}
        if i not in parsed:
            parsed[i] = labelled_dates(_with_wrapped_time_tail(blocks, i))
        return parsed[i]

    # ... and so are the stamp rule and the byline rule an unlabelled one.
    unlabelled: dict[int, str | None] = {}

    def unlabelled_stamp(i: int) -> str | None:
        if i not in unlabelled:
            text = blocks[i].text
            unlabelled[i] = _unlabelled_stamp(_with_wrapped_time_tail(blocks, i)) \
                if digit[i] and len(text) < _STAMP_LINE_CHARS else None
        return unlabelled[i]

    body_idx = [i for i, label in enumerate(labels) if label == "body"]
    # A line of a hundred words without a sentence end is no paragraph (the DEV truth's 89
    # paragraphs of that length have two at least): renderers that draw inline text without
    # breaks (BeautifulSoup's get_text(), lxml's text_content()) run a menu or a list of teaser
    # headlines into one line, and its length makes it look like prose. (At most one end is not
    # enough: a renderer that breaks a paragraph at a link leaves a long sentence and a half.)
    # Nor is a headline in capitals between paragraphs, a link to another story ("TAYLOR SWIFT
    # CLEARED TO PERFORM HITS AT AMAs AMID FEUD ...: REPORT"); a story's sub-heading in capitals
    # is a few words.
    # In a dump that runs the page's blocks together, cut at sentence ends, a block that opens
    # with thirty words in title case and no sentence end is a menu run into one line, with
    # whatever sentence closes it ("Live Sunrise Sunrise Open House Healthier Hawaii ... New
    # Horizons took this image ..."). (A dump drawn block by block has credits lists and
    # listings of that shape in the story.)
    run_together = any(warning.startswith(textsegment.RUN_TOGETHER_WARNING) for warning in page.warnings)
    for i in body_idx:
        text = blocks[i].text
        if text.count(" ") >= _RUN_ON_WORDS - 1 and not _SENTENCE_END.search(text):
            labels[i] = "navigation"
        elif run_together and len(words := text.split(None, _RUN_TOGETHER_MENU_WORDS)) > _RUN_TOGETHER_MENU_WORDS \
                and _title_case(opening := words[:_RUN_TOGETHER_MENU_WORDS]) \
                and not _SENTENCE_END.search(" ".join(opening)):
            labels[i] = "navigation"
        # ... and one that opens with a related-stories heading runs that box's headlines on.
        elif run_together and text[:1].isalpha() and cues.RELATED_LEAD.match(text):
            labels[i] = "related"
        elif text[:_CAPS_PROBE_CHARS].isupper() and text.count(" ") >= _CAPS_PROMO_WORDS - 1 and _in_capitals(text) \
                and not _SENTENCE_END.search(text):
            labels[i] = "related"
    # A caption reads like prose, so the classifier may take it for body; its closing photo
    # credit ("... May 8, 2026. (AP Photo/Tomas Brenner)"), its opening ("In this photo ..."),
    # a screen reader's label or a gallery's counter gives it away.
    images: list[Image] = []
    slide_caption = -1  # the block after a gallery's "Image 2 of 5" is that picture's caption
    for i in body_idx:
        text = blocks[i].text
        if labels[i] != "body":  # the credit line under a caption, labelled with it
            continue
        if len(body_idx) > 1 and text[-1:].isdigit() and _GALLERY_SLIDE.match(text):
            labels[i] = "caption"
            slide_caption = i + 1
        elif (i == slide_caption or i > 0 and blocks[i - 1].text[:1] in "IPMVipmv"
              and _BARE_CAPTION_LABEL.match(blocks[i - 1].text)) and (shown := _said_once(text)).count(" ") < 60:
            # (_body_caption reads a caption drawn twice once, as shown does.)
            images.append(image := _body_caption(text) or Image(caption=shown))
            labels[i] = "caption"
            # (Under it, the picture's alt text drawn again by a renderer that shows it, and the
            # photo credit: "(Image credit: Sierra Nevada Corp.)".)
            for j in range(i + 1, min(i + 3, len(blocks))):
                below = blocks[j].text
                if labels[j] != "body" or not (_alt_text_of(below, shown) or _credit_line(below)):
                    break
                labels[j] = "caption"
                if image.credit is None and (credited := _body_caption(below)) is not None:
                    image.credit = credited.credit
        elif len(body_idx) > 1 and (image := _body_caption(text) or _credited_caption(text, blocks, i)):
            images.append(image)
            labels[i] = "caption"
            if i + 1 < len(blocks) and _credit_line(blocks[i + 1].text):
                labels[i + 1] = "caption"
            # Renderers that draw a picture's alt text (lynx, w3m, elinks) show it next to the
            # caption, and the alt text often is the caption without its credit: that copy is
            # no paragraph either.
            if image.caption:
                for j in (i - 1, i + 1):
                    if 0 <= j < len(blocks) and labels[j] == "body" and _alt_text_of(blocks[j].text.strip(), image.caption):
                        labels[j] = "caption"
    body_idx = [i for i in body_idx if labels[i] == "body"]
    # Teasers for other stories above the story itself (a local site's cards of its latest
    # headlines, each with its summary) read like prose, and the run of likely-body blocks may
    # sweep them in: the story restarts at its own headline and date stamp, found inside the run.
    if restart := _story_restart(blocks, body_idx, digit, stamps):
        headline, stamp = restart
        for i in body_idx:
            if i <= stamp:
                labels[i] = "related" if i < headline else "other"
        body_idx = [i for i in body_idx if i > stamp]
    elif after := _story_after_cards(blocks, body_idx, digit, stamps):
        headline, stamp, story = after
        for i in body_idx:
            labels[i] = "related"
        labels[headline] = labels[stamp] = "other"
        for i in story:
            labels[i] = "body"
        body_idx = story
    # Nor does an article open with a date stamp ("May 8, 2026 11:02 AM", "New Delhi, News Bureau |
    # Updated : 19 November 2019, 09:01 AM"), the time of one drawn on two lines ("15:23 2019"),
    # or a tags line ("Filed Under: ...") that the run swept in: they go back to the loop below,
    # which reads the publication time and the tags.
    # Nor with its byline ("By Matthew Digby, Minh Do on Monday, November 18th, 2019 at 11:08 a.m.").
    while len(body_idx) > 1 and (_is_stamp(text := blocks[body_idx[0]].text, stamps(body_idx[0]))
                                 or cues.TAGS_LEAD.match(text) or not any(map(str.isalpha, text))
                                 or _byline_line(text)):
        labels[body_idx.pop(0)] = "other"
    # (A labelled stamp can also sit under the dek, among the first paragraphs.)
    # The same goes for an unlabelled date line there ("Nov. 19, 2019 8:03 am ET") or a byline; and
    # what the run swept in above a stamp is the dek, the headline's summary (and the headline
    # itself), not the story's first words.
    # (A byline drawn in pieces, "By", the name, the handle, the address, a line each, does not
    # count against that reach.)
    reach = _STAMP_REACH
    for k, i in enumerate(body_idx[1:_STAMP_REACH + _BYLINE_PIECES], 1):
        if k >= reach:
            break
        if blocks[i].text.count(" ") < _BYLINE_PIECE_WORDS:
            reach += 1
        if _is_stamp(blocks[i].text, stamps(i)) or _byline_line(blocks[i].text):
            for j in body_idx[: k + 1]:
                labels[j] = "other"
        # ... or between two of them, left out of the body ("The Bush family ... clashed on
        # Monday", then "Reuters", "Wednesday 17 February 2016 22.27 GMT", share buttons, and
        # the story): what comes above it is the dek.
        elif i - body_idx[k - 1] <= _STAMP_GAP \
                and any(digit[j] and _is_stamp(blocks[j].text, stamps(j)) for j in range(body_idx[k - 1] + 1, i)):
            for j in body_idx[:k]:
                labels[j] = "other"
    body_idx = [i for i in body_idx if labels[i] == "body"]
    # A summary set over a dateline drawn on a line of its own ("BAAR, SWITZERLAND", then the
    # story): the standfirst, not the story's first paragraph (a press release's layout).
    standfirst = None
    if len(body_idx) > 2 and body_idx[1] == body_idx[0] + 1 and _PLACE_LINE.fullmatch(blocks[body_idx[1]].text):
        standfirst = blocks[body_idx[0]].text
        labels[body_idx.pop(0)] = "other"
    first_body = body_idx[0] if body_idx else len(blocks)
    article.body = [blocks[i].text for i in body_idx]
    for k, text in enumerate(article.body):
        if " MORE" in text:
            article.body[k], cards = without_hover_cards(text)
            article.boilerplate.extend(Boilerplate(card, "related") for card in cards)

    used: set[int] = set(body_idx)
    credits: list[wire.WireCredit] = []
    related: list[RelatedLink] = []
    headline_idx: int | None = None

    # Only the blocks just above the body can hold its headline, trail and dek; navigation
    # before them can run to hundreds of blocks.
    top = max(0, first_body - _HEAD_WINDOW)
    # Breadcrumb and headline: a "Home / Section / Headline" trail names the headline outright.
    for i in range(top, first_body):
        block = blocks[i]
        line = block.text
        # A trail needs one of its separators; most lines have none.
        crumb = _breadcrumb(line) if len(line) < 300 and _TRAIL_SEPARATOR.search(line) else None
        if crumb:
            article.breadcrumb, tail = crumb
            used.add(i)
            if tail:
                article.headline = tail
                for j in range(i + 1, first_body):
                    if blocks[j].text == tail:
                        headline_idx = j
                        break
            break
    if article.headline is None and (title := textsegment.markdown_title(page.content)):
        # A Markdown dump's "# Heading" is the page's <h1>: the headline, unless it names no part
        # of the story (a site's name in its logo).
        lede = _words(" ".join(article.body[:_LEDE_PARAGRAPHS]))
        headline_idx = next((i for i in range(top, first_body) if i not in used and blocks[i].text.startswith(title)
                             and _overlap(blocks[i].text, lede) > 0), None)
        if headline_idx is not None:
            article.headline = blocks[headline_idx].text
    if article.headline is None and (echo := _title_echo(blocks, top, first_body, labels, used, article.body)) is not None:
        headline_idx, article.headline = echo
    if article.headline is None:
        headline_idx = _choose_headline(blocks, range(top, first_body), first_body, labels, used, article.body,
                                        digit, lead, captioned, stamps)
        if headline_idx is not None:
            article.headline = blocks[headline_idx].text
    if headline_idx is not None and (tail := _centred_headline_tail(page, blocks, headline_idx, first_body)) is not None:
        article.headline = f"{article.headline} {blocks[tail].text}"
        used.add(tail)
    if headline_idx is not None:
        used.add(headline_idx)
        for j in range(top, first_body):
            if blocks[j].text == article.headline:
                used.add(j)
        for j in range(headline_idx + 1, first_body):
            text = blocks[j].text
            if j in used:
                continue
            # (The line under a headline can be its byline or date stamp, long as a dek:
            # "By Jane Doe and John Roe – Reporters, The Ledger", "Jane Doe • May 19, 2025 3:22 PM",
            # or the caption of the picture under it.)
            # (Nor the headline drawn again with its date run into it: "<headline> November 20".)
            if _dek_shaped(text) and not (captioned[j] and _CAPTION_CREDIT.match(text)) \
                    and not stamps(j) and not _is_credit_line(text, digit[j]) and not text.startswith(article.headline) \
                    and not (digit[j] and _dates_the_story(text)) and _body_caption(text) is None:
                article.dek = text
                used.add(j)
            break
    if article.dek is None and standfirst is not None and _dek_shaped(standfirst):
        article.dek = standfirst
    if not article.breadcrumb and headline_idx is not None:
        article.breadcrumb = _listed_trail(blocks, headline_idx, top)
    if len(article.breadcrumb) > 1:
        article.section = article.breadcrumb[-1]

    # Page-wide gates for the rarer per-block tests: a word absent from the whole page (all its
    # blocks, lower-cased) is absent from every block, so the test can be skipped outright.
    copyright_anywhere = facts.has("copyright") or facts.has("©") or facts.has("(c)")
    recommendations_anywhere = any(map(facts.has, cues.RECOMMENDATIONS_WORDS))
    in_related_list = False
    list_bullets: bool | None = None
    found_dates: dict[str, list[str]] = {}
    unlabelled_dates: list[tuple[int, str]] = []
    tag_list: list[str] | None = None
    tag_rows: set[int] = set()  # the lines of a tags list drawn without bullets
    copyright_publisher: str | None = None
    boilerplate = article.boilerplate
    for i, (block, label) in enumerate(zip(blocks, labels)):
        if label == "body":
            in_related_list = False
            continue
        if not active[i] and not in_related_list and tag_list is None and not (captioned[i] and i < first_body):
            if i not in used:
                boilerplate.append(Boilerplate(block.text, label))
            continue
        text = block.text
        starts_cue = lead[i]
        has_word = hit[i]
        # (Every rule here needs a digit, which ``digit`` may claim where there is none: the rules
        # then find nothing.)
        if digit[i]:
            lower = text.lower()
            if labelled[i] and _DATE_HINT.search(lower) and (labelled_stamps := stamps(i)):
                for key, value in labelled_stamps.items():
                    found_dates.setdefault(key, []).append(value)
                label = "timestamp" if label == "other" else label
            elif top <= i < first_body and (stamp := unlabelled_stamp(i)):
                # A stamp whose label a renderer set on the line above ("Last Updated :" over "Feb 19
                # 2016 | 4:20 AM IST") is labelled; else an unlabelled stamp near the headline
                # ("Thursday 7 May 2026 18:05 BST"; see _story_stamps).
                if i > 0 and ends_with_bare_label(blocks[i - 1].text) \
                        and (labelled_stamps := labelled_dates(f"{blocks[i - 1].text} {text}")):
                    for key, value in labelled_stamps.items():
                        found_dates.setdefault(key, []).append(value)
                else:
                    unlabelled_dates.append((i, stamp))
                label = "timestamp" if label == "other" else label
            if "min" in lower and article.reading_time_minutes is None:
                article.reading_time_minutes = cues.reading_time_minutes(text)
        if starts_cue and (":" in text or "#" in text) and cues.TAGS_LEAD.match(text):
            article.tags = cues.split_tags(text)
            label = "tags"
        elif starts_cue and len(text) < 30 and cues.TAGS_HEADING.match(text):
            tag_list = []
            label = "tags"
            # (A renderer may draw the list's links a line each, with no bullets.)
            if rows := _unbulleted_tags(blocks, i + 1):
                article.tags = [blocks[j].text for j in rows if not _TAG_LIST_CONTROL.match(blocks[j].text)]
                tag_rows.update(rows)
        elif i in tag_rows:
            label = "tags"
        elif tag_list is not None and block.bullet and len(text.split()) <= 5:
            tag_list.append(text)
            article.tags = tag_list
            label = "tags"
        else:
            tag_list = None
        if has_word and copyright_anywhere and ("copyright" in (lower := text.lower()) or "©" in text
                                                 or ("(c)" in lower and _C_YEAR.search(lower))):
            if credit := wire.credit_from_copyright(text):
                credits.append(credit)
                label = "disclaimer"
            elif "©" in text or cues.has_copyright_notice(text):  # (not a "Copyright Policy" link)
                holder = wire.copyright_holder(text)
                copyright_publisher = copyright_publisher or holder
        if has_word and captioned[i] and i < first_body + 3 and ":" in text and (caption := _CAPTION_CREDIT.match(text)) \
                and len(caption.group("caption").split()) >= 4:
            # (A caption the body pass took out, its credit closing it, is recorded already.)
            shown = _said_once(caption.group("caption").strip(" |"))
            if not any(image.caption == shown for image in images):
                images.append(Image(caption=shown, credit=caption.group("credit").strip()))
            label = "caption"
        elif captioned[i] and i < first_body and label != "body" and (image := _body_caption(text)) is not None \
                and image.credit and image.caption and len(image.caption.split()) >= 4:
            # A caption over the story that its photo credit closes ("... (AP Photo/Jon Tavi)"),
            # drawn twice or otherwise not read as part of the article.
            if not any(known.caption == image.caption for known in images):
                images.append(image)
            label = "caption"
        if has_word and disclaimer_hints and any(w in text.lower() for w in disclaimer_hints) \
                and (credit := wire.disclaimer(text)):
            credits.append(credit)
            article.publisher = article.publisher or wire.publisher_from_disclaimer(text)
            label = "disclaimer"
        elif (starts_cue or " | " in text) and i < first_body and len(text.split(" | ", 1)[0]) < 40 \
                and (credit := wire.credit_from_byline(text)):
            # ("PTI | New Delhi", or the agency between a section and a stamp: "India News | Press
            # Trust of India | Updated: May 07, 2026 9:41 pm IST", which stays a timestamp.)
            credits.append(credit)
            label = "byline" if starts_cue or label == "other" else label
        elif starts_cue and i < first_body and not article.authors and text.lower().startswith(_ANY_BYLINE_LEADS) \
                and (names := parse_byline(text)):
            article.authors = names + _more_byline_names(blocks, i + 1, first_body)
            label = "byline"
            if agency := byline_agency(text):
                credits.append(wire.WireCredit(agency, text, "byline"))
            elif unnamed := wire.agencies_credit(text):
                credits.append(unnamed)
        elif starts_cue and i + 1 < first_body and not article.authors and text.lower().rstrip(" :") in _BYLINE_WORDS \
                and (names := split_names(blocks[i + 1].text)) and len(blocks[i + 1].text.split()) <= 8:
            # "By" drawn on a line of its own, the name on the next (and the other names on the
            # lines after it: "and" alone, or "and Tomas Brenner", as renderers that break at
            # every element draw a byline of links).
            article.authors = names + _more_byline_names(blocks, i + 2, first_body)
            label = "byline"
        elif i < first_body and not article.authors and digit[i] and " by " in text \
                and (names := _stamp_byline(text)):
            article.authors = names
        if starts_cue and label == "other" and len(text) < 80 and cues.SHARE.match(text):
            label = "share"
        heading = starts_cue and len(text) < 60 and bool(cues.RELATED_HEADING.match(text))
        # ("You may like these posts", "Te puede interesar": the heading of what follows, no link itself.)
        recommending = recommendations_anywhere and label == "related" and len(text) < 60 \
            and bool(cues.RECOMMENDATIONS_HEADING.match(text))
        # INLINE_PROMO opens with a cue word starting with one of its initials (or with space).
        promo = cues.INLINE_PROMO.match(text) \
            if starts_cue and not heading and (text[:1] in cues.INLINE_PROMO_INITIALS or text[:1].isspace()) else None
        if heading:
            in_related_list = True
            list_bullets = None
            label = "related"
        elif (promo or label in {"related", "promo"} or in_related_list) and i not in used and not recommending:
            # (A block the record took, its headline most of all, is no link to another story.)
            headline = promo.group("headline").strip() if promo else text
            if in_related_list and list_bullets is None:
                list_bullets = block.bullet
            # A list of related headlines ends at the first block that is no headline, or that
            # breaks the list's bullet style. (A teaser's date on a line of its own does neither.)
            if digit[i] and not promo and len(headline) < _BARE_DATE_CHARS and _bare_date(headline) \
                    and unlabelled_stamp(i):
                label = "timestamp"
            elif label in {"tags", "timestamp", "disclaimer", "caption", "byline", "newsletter"} \
                    or not 3 <= len(headline.split()) <= 30 or " | " in headline \
                    or headline.startswith(("http://", "https://")) \
                    or (newsletter[i] and cues.NEWSLETTER.search(headline)) \
                    or (in_related_list and not promo and block.bullet != list_bullets):
                in_related_list = False
            else:
                related.append(RelatedLink(headline=headline))
                label = "promo" if promo else "related"
        if i not in used:
            boilerplate.append(Boilerplate(text, label))

    # (Under the headline: above it, a name line over a date is a teaser's or a section's.)
    head = range(headline_idx + 1 if headline_idx is not None and headline_idx < first_body else top, first_body)
    if not article.authors:
        _unlabelled_byline(article, blocks, head, used, digit, stamps, unlabelled_stamp)
    if not article.authors:
        # A name over its job title, no "By" and no date near: "Bruce Y. Lee Senior Contributor".
        article.authors = next(filter(None, (titled_names(blocks[i].text) for i in head if i not in used
                                             and blocks[i].text.count(" ") < _BYLINE_MAX_WORDS)), [])
    if not credits:
        credits.extend(islice(filter(None, (_head_credit(blocks[i].text) for i in head)), 1))
    if not credits:
        # A story whose opening paragraphs are too short to read as the body ("WASHINGTON
        # (Reuters) - YouTube and Google.", then "Instagram and Facebook.") still opens with its
        # dateline between the headline and the body.
        credits.extend(islice(filter(None, (wire.credit_from_paragraph(blocks[i].text, "first") for i in head
                                            if wire.may_name_agency(blocks[i].text))), 1))
    credits.extend(wire.body_credits(article.body))
    # A closing credit ("(Reporting by ...; Editing by ...)") leaves the body with the sign-offs
    # (textblocks.drop_closing_calls); it still tells whose copy this is.
    closing = range(body_idx[-1] + 1, min(len(blocks), body_idx[-1] + 1 + _CLOSING_REACH)) if body_idx else range(0)
    credited = False
    for j in closing:
        if labels[j] == "body":
            break
        text = blocks[j].text
        if not credited and cues.CREDIT.search(text) and (credit := wire.credit_from_paragraph(text, "last")):
            credits.append(credit)
            credited = True
        elif not credited and (line_credit := wire.credit_line(text)):
            # ("Source: AFP", "— Reuters", "(With inputs from PTI)" on a line of its own under the story)
            credits.append(line_credit)
            credited = True
        # A paywall's notice under the story's opening, where the dump ends it.
        if cues.PAYWALL.search(text) and cues.PAYWALL_WARNING not in article.warnings:
            article.warnings.append(cues.PAYWALL_WARNING)
    if not article.authors and body_idx:
        # The writer's note under the story names them where no byline did: "Louise Matsakis is a
        # staff writer at WIRED covering ..." (past the list of related stories a page may set
        # between the two).
        listed = {link.headline for link in related}
        after = (j for j in range(body_idx[-1] + 1, len(blocks))
                 if blocks[j].text not in listed and not cues.RELATED_HEADING.match(blocks[j].text))
        for j in islice(after, _CLOSING_REACH):
            if labels[j] == "body":
                break
            if blocks[j].text[:1].isupper() and (names := bio_names(blocks[j].text)):
                article.authors = names
                break
    if article.publisher is None and article.headline and blocks:
        article.publisher = _title_site(blocks[0].text, article.headline)
    if article.publisher is None and copyright_publisher and not wire.canonical_agency(copyright_publisher):
        article.publisher = copyright_publisher
    article.wire, article.syndicated, article.syndication_evidence = wire.decide(credits, article.publisher)
    # (The story's own stamp after the labelled ones: it may give the time of a day a masthead's
    # date line gave alone, "Wednesday, February 17, 2016" over "Wednesday 17 February 2016 22.27 GMT".)
    article.published = _most_precise(found_dates.get("published", []) + _story_stamps(unlabelled_dates, headline_idx))
    article.updated = _most_precise(found_dates.get("updated", []))
    page_stamps = [*chain.from_iterable(found_dates.values()), *(stamp for _, stamp in unlabelled_dates)]
    article.published = in_page_zone(article.published, page_stamps)
    article.updated = in_page_zone(article.updated, page_stamps)
    # (Most pages say "claim" somewhere; only the blocks that hold a label's stem are read.)
    if (labels_at := facts.containing(_CLAIM_LABEL_STEMS)) != set() \
            and (review := _shown_claim_review(blocks, labels_at)) is not None:
        review.rated_by = article.publisher
        article.claim_reviews = [review]
    article.images = images
    if related or any(image.url is None for image in images):
        _link_addresses(page, related, images)
    article.related = unique_related(related)
    if article.published is None and article.updated is not None:
        article.warnings.append("no publication date stated; only an update time")
    if not article.body and cues.NOT_FOUND.search(page.content[:2000]):
        article.is_article = False
    elif sum(p.count(" ") + 1 for p in article.body) < _ERROR_PAGE_WORDS and _says_not_found(
            blocks, first_body + _ERROR_MESSAGE_REACH, facts):
        article.is_article = False
        article.warnings.append("an error page: it says the page was not found")
    elif _teasers_make_the_body(blocks, labels, body_idx):
        article.is_article = False
        article.warnings.append(cues.FRONT_PAGE_WARNING)
    return article


#: A front page lists at least this many teasers, a headline line over its summary, or this
#: many where most teasers are dated (a date or byline stamp under each summary) ...
_MIN_TEASERS = 10
_MIN_DATED_TEASERS = 4
#: ... and they make this share of the words the classifier took for a body at least. (A
#: story's sub-headings stand over a few of its paragraphs; a list article's over more, but
#: its items run longer than a teaser's summary and carry no date each.)
_TEASER_SHARE = 0.8
#: A teaser's headline runs to 3-20 words, its summary to a few sentences, its stamp to a line.
_TEASER_HEADLINE_WORDS = (3, 20)
_TEASER_SUMMARY_WORDS = 60
_TEASER_STAMP_WORDS = 12


_LAST_SENTENCE_END = re.compile(r".*[.!?][\"”’]?\s", re.DOTALL)


def _stamp_tail(text: str) -> bool:
    """Whether ``text`` closes with a short date stamp after its last sentence."""
    match = _LAST_SENTENCE_END.match(text)
    return match is not None and text.count(" ", match.end()) + 1 <= _TEASER_STAMP_WORDS \
        and _MONTH.search(text, match.end()) is not None


def _teasers_make_the_body(blocks: list[textsegment.Block], labels: list[str], body_idx: list[int]) -> bool:
    """Whether the "body" is mostly teasers, each a headline line (the link to another story,
    in the body or not) right over a summary of a sentence or a few, perhaps dated, as a
    section front, tag page or home page lists them."""
    if len(body_idx) < _MIN_DATED_TEASERS:
        return False
    teasers = dated = teaser_words = words = 0
    n = len(blocks)
    for i in body_idx:
        text = blocks[i].text
        size = text.count(" ") + 1
        words += size
        if not i or size > _TEASER_SUMMARY_WORDS + _TEASER_STAMP_WORDS:
            continue
        # A flat dump may run the stamp into the summary ("... fashion house. Jun 9, 2026, 12:30 BST").
        stamped = not text.endswith(textsegment.SENTENCE_ENDS) and _stamp_tail(text)
        if not (stamped or (size <= _TEASER_SUMMARY_WORDS and text.endswith(textsegment.SENTENCE_ENDS))):
            continue
        above = blocks[i - 1].text
        headline_words = above.count(" ") + 1
        if _TEASER_HEADLINE_WORDS[0] <= headline_words <= _TEASER_HEADLINE_WORDS[1] \
                and not above.endswith(textsegment.SENTENCE_ENDS):
            teasers += 1
            teaser_words += size + (headline_words if labels[i - 1] == "body" else 0)
            below = blocks[i + 1].text if i + 1 < n else ""
            stamp_words = below.count(" ") + 1
            if stamped:
                dated += 1
            elif stamp_words <= _TEASER_STAMP_WORDS and _MONTH.search(below):
                dated += 1
                teaser_words += stamp_words if labels[i + 1] == "body" else 0
    enough = _MIN_DATED_TEASERS if dated * 2 >= teasers else _MIN_TEASERS
    return teasers >= enough and teaser_words >= _TEASER_SHARE * words




def _says_not_found(blocks: list[textsegment.Block], reach: int, facts: PageText) -> bool:
    """Whether a short block among the first ``reach`` says the page was not found (cues.NOT_FOUND)."""
    hits = facts.containing(cues.NOT_FOUND_WORDS)
    candidates = range(min(reach, len(blocks))) if hits is None else sorted(i for i in hits if i < reach)
    return any(len(blocks[i].text) < _ERROR_MESSAGE_CHARS and cues.NOT_FOUND.search(blocks[i].text) for i in candidates)


def _unlabelled_byline(article: Article, blocks: list[textsegment.Block], head: range, used: set[int],
                       digit: list[bool], stamps: Callable[[int], dict[str, str]],
                       unlabelled_stamp: Callable[[int], str | None]) -> None:
    """Authors from a name line next to the date stamp, as many pages set the byline without
    "By": right above it ("Tom Krisher, Ap Auto Writer" over "Published 11:34 PM EST Nov 19,
    2019", "Suzanne Gamboa" over "1 day ago"), right under it ("Keris Lahiff@kerisalison" under
    "Published Tue, Nov 19 2019 7:05 AM EST"), or on the same line ("Chris Davies - Nov 19, 2019,
    10:31 pm CST")."""

    def stamp(j: int) -> bool:
        if not 0 <= j < len(blocks) or not digit[j]:
            return False
        return bool(stamps(j)) or unlabelled_stamp(j) is not None or _RELATIVE_TIME.match(blocks[j].text) is not None

    def agency_under(i: int) -> bool:
        # (The agency's name on the line under the writer's, over the stamp: "JANE DOE" over
        # "Associated Press" over "November 19, 2019, 4:12 PM EST", as Yahoo sets AP copy.)
        return i + 2 < len(blocks) and digit[i + 2] and len(blocks[i + 1].text) < _AGENCY_LINE_CHARS \
            and wire.credit_from_byline(blocks[i + 1].text) is not None

    for i in head:
        text = blocks[i].text
        # (Cheapest tests first: the line is capitalised and a date is near.)
        if i in used or not text[:1].isupper() \
                or not (digit[i] or (i + 1 < len(blocks) and digit[i + 1]) or (i > 0 and digit[i - 1]) or agency_under(i)):
            continue
        # A stamp on the name's own line follows the name, set apart by a dash or a bar. A comma
        # there sets a place apart instead: "New Delhi, Nov 19, 2019" and "New Delhi, News Nation
        # Bureau | Updated : 19 November 2019" are datelines.
        dated = digit[i] and (day := _DAY_OR_TIME.search(text)) is not None and unlabelled_stamp(i) is not None
        name = text[: day.start()].rstrip(" -–—|•·") if dated else text
        if dated and "," in name:
            continue
        if len(name.split()) > _BYLINE_MAX_WORDS or not (names := split_names(name)):
            continue
        # (Under the stamp, a capitalised pair of words is as often a button's label, "Order
        # Reprints": the name line needs its social handle there.)
        if stamp(i + 1) or dated or ("@" in text and stamp(i - 1)) or (agency_under(i) and stamp(i + 2)):
            article.authors = names
            for entry in article.boilerplate:
                if entry.text == text:
                    entry.category = "byline"
            return


#: An agency's name alone on a line is shorter than this ("Associated Press", "Press Trust of India").
_AGENCY_LINE_CHARS = 40
_STAMP_LABEL_AFTER = re.compile(r"\s(?:published|updated|posted|last updated)\b", re.IGNORECASE)
_SOURCE_LABEL = re.compile(r"^\s*(?:source|quelle|fuente|fonte|источник)\s*:\s*", re.IGNORECASE)
_LEADING_PICTURE = re.compile(r"^\[[^\]]{0,40}\]\s*")


def _head_credit(text: str) -> wire.WireCredit | None:
    """An agency's credit on a line between the headline and the story that no "By" opens: the
    agency alone before the stamp ("Associated Press November 19, 2019, 9:02 AM"), before the
    dateline's place ("Reuters, Washington,"), or after the writer's name ("Tom Davies Associated
    Press"; after a comma, a name and an agency are a photo credit as often: "Michael Conroy, AP",
    unless a job title follows the agency: "Tom Krisher, AP Auto Writer")."""
    if len(text) > _STAMP_LINE_CHARS or not wire.may_name_agency(text):
        return None
    day = _DAY_OR_TIME.search(text)
    # (Past the agency's logo, which renderers that show pictures draw as its alt text in
    # brackets: "[Associated] Associated Press November 19, 2019, 9:02 AM".)
    # (... and short of a stamp's label, where the renderer ran the stamp into the line:
    # "The Associated Press Published Monday, November 18, 2019 8:22AM EST".)
    name = _LEADING_PICTURE.sub("", (text[: day.start()] if day else text))
    # (... and past a source label: "Source: Reuters 04.06.2016 – 17:13 CEST", "Quelle: dpa".)
    name = _SOURCE_LABEL.sub("", name)
    if label := _STAMP_LABEL_AFTER.search(name):
        name = name[: label.start()]
    name = name.strip(" -–—|•·")
    words = name.split()
    if not words or len(words) > _BYLINE_MAX_WORDS:
        return None
    agency = None
    if credit := wire.credit_from_byline(name):
        agency = credit.agency
    elif "," in name:
        # ... or after it, as the job title of the writer named before it ("Tom Krisher, AP Auto Writer").
        first, _, rest = name.partition(",")
        agency = (wire.canonical_agency(first) if len(first.split()) <= 3 else None) or title_agency(rest)
    else:
        agency = next((found for k in (3, 2, 1) if len(words) - k >= 2
                       and (found := wire.canonical_agency(" ".join(words[-k:])))
                       and split_names(" ".join(words[:-k]))), None)
    return wire.WireCredit(agency, text, "byline") if agency else None


# A stamp that gives the time since publication ("1 day ago", "3 hrs ago"), perhaps after its
# label ("Updated 2 hours ago"), in English or the other languages whose dates are read ("há 2
# horas", "hace 3 días", "il y a 2 heures", "vor 3 Stunden", "2 ore fa").
# An item of a list of updates, its age before it: "2h ago Tsunami warning lifted" (a live story's
# key events), "5 hours ago Council approves budget".
_AGED_ITEM = re.compile(r"\d{1,3}\s*(?:s|m|h|d|w|secs?|seconds?|mins?|minutes?|hrs?|hours?|days?|weeks?)\s+ago\b",
                        re.IGNORECASE)
_RELATIVE_TIME = re.compile(
    r"^(?:[^\W\d]+\s+)?(?:\d{1,3}\s*(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?)\s+ago"
    r"|(?:há|hace|il y a|vor)\s+\d{1,3}\s+(?:segundo|minuto|hora|dia|día|semana|mes|mês|seconde|minute|heure|jour|semaine"
    r"|mois|sekunde|minute|stunde|tag|woche|monat)\w*|\d{1,3}\s+(?:second|minut|or|giorn|settiman|mes)[aeio]\s+fa)$",
    re.IGNORECASE)


def _story_stamps(stamps: list[tuple[int, str]], headline_idx: int | None) -> list[str]:
    """The dates of the unlabelled stamp lines (``stamps``: block index, date) that date the story:
    those under its headline; failing them, the one above it, as some pages set the stamp over
    the headline. Several above it are the dates of a list of teasers, or the masthead's
    "Sunday, May 10, 2026" and a teaser's."""
    if headline_idx is None:
        return [stamp for _, stamp in stamps]
    under = [stamp for i, stamp in stamps if i > headline_idx]
    above = [stamp for i, stamp in stamps if i < headline_idx]
    return under or (above if len(above) == 1 else [])


def _most_precise(stamps: list[str]) -> str | None:
    """The first stamp, unless a later one gives the same day with a time ("date 2025-03-19" vs "Mar 19 2025 | 8:03 PM IST")."""
    if not stamps:
        return None
    first = stamps[0]
    for stamp in stamps[1:]:
        # (A bare midnight is what a date parser makes of a day whose time no one gave.)
        if len(stamp) > len(first) and stamp[:10] == first[:10] and not stamp.endswith("T00:00:00"):
            return stamp
    return first
