"""Block features for text mode, and the linear model that scores them.

Text mode aims at 1000 pages/s on one core in pure Python (this pass is about a third of a
page's time), so features are built column by column: one cheap pass over the blocks for
per-block measures (string methods, at most one bounded regex call), then NumPy shifts and
cumulative sums for everything that looks at neighbours or at the page as a whole. Nothing here depends on the renderer's indentation
scale, bullet glyphs or line breaking, and every pattern is Unicode-aware, so the same model
serves lynx, w3m, inscriptis and html-text dumps in any language.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate, compress
from operator import itemgetter
from typing import Protocol

import numpy as np

from wiretrace.extract import cues


class BlockLike(Protocol):
    text: str
    bullet: bool
    indent: int


# --- regex helpers -----------------------------------------------------------------------------

def _alternatives(alternation: str) -> list[str]:
    """The top-level alternatives of a regex alternation (split at each "|" outside groups and
    character classes)."""
    alternatives, depth, in_class, escaped, start = [], 0, False, False, 0
    for at, char in enumerate(alternation):
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char in "()":
            depth += 1 if char == "(" else -1
        elif char == "|" and depth == 0:
            alternatives.append(alternation[start:at])
            start = at + 1
    return alternatives + [alternation[start:]]


def _opening_char(alternative: str) -> str:
    """The character every match of a regex alternative starts with (a literal, or an escaped one)."""
    if alternative[0] == "\\" and not alternative[1].isalnum():
        if alternative[2:3] in ("?", "*", "+", "{"):
            raise ValueError(f"alternative without a literal opening: {alternative!r}")
        return alternative[1]
    if alternative[0] in "()[]{}.^$|?*+\\" or alternative[1:2] in ("?", "*", "+", "{"):
        raise ValueError(f"alternative without a literal opening: {alternative!r}")
    return alternative[0]


def _by_opening(alternatives: Iterable[str]) -> str:
    """A regex alternation of ``alternatives`` (regexes, each opening with a literal character)
    grouped by that character, in their order within a group. It matches what the plain
    alternation matches, the same way (alternatives of different openings never match at one
    place), but faster: the regex engine tries alternatives one by one, and grouped, a position
    where none matches costs one failed test per group instead of one per alternative."""
    groups: dict[str, list[str]] = {}
    for alternative in alternatives:
        rest = alternative[2:] if alternative[0] == "\\" else alternative[1:]
        groups.setdefault(_opening_char(alternative), []).append(rest)
    return "|".join(f"{re.escape(opening)}(?:{'|'.join(rests)})" for opening, rests in groups.items())


# --- cue phrases -------------------------------------------------------------------------------
# Generic page furniture in a handful of languages, never strings of one site. A block gets
# the first category whose pattern matches its start; see _CUE_CODES for the order.

_MONTHS = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|"
    r"janeiro|fevereiro|março|abril|maio|junho|julho|agosto|setembro|outubro|novembro|dezembro|"
    r"enero|febrero|marzo|mayo|junio|julio|septiembre|octubre|noviembre|diciembre|"
    r"janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|"
    r"januar|februar|märz|juni|juli|oktober|dezember|"
    r"gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|"
    r"января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря"
)
_MONTH = f"(?:{_MONTHS})"
_DATE_NUMERIC_SPEC = (
    r"\b\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\b|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b|\b\d{1,2}:\d{2}\b|"
    r"\d{4}年\d{1,2}月\d{1,2}日|\b\d+\s+(?:hours?|minutes?|mins?|days?|weeks?|months?|years?)\s+ago\b"
)
# _DATE_NUMERIC_SPEC as it runs: the same language, rewritten to open with a digit so that the
# regex engine skips ahead to digits instead of trying every position (four times faster). The
# "\b" before a leading digit becomes "(?<!\w\d)" after it. A test pins the two to agree.
_DATE_NUMERIC = re.compile(
    r"\d(?:(?<!\w\d)(?:\d{3}[-/.]\d{1,2}[-/.]\d{1,2}\b|\d?[/.]\d{1,2}[/.]\d{2,4}\b|\d?:\d{2}\b|"
    r"\d*\s+(?:hours?|minutes?|mins?|days?|weeks?|months?|years?)\s+ago\b)|\d{3}年\d{1,2}月\d{1,2}日)"
)
_DATE_MONTH_SPEC = rf"\b{_MONTH}\.?\s+\d{{1,2}}\b|\b\d{{1,2}}\.?\s+(?:de\s+)?{_MONTH}\b"
# _DATE_MONTH_SPEC as it runs: the month names grouped by first letter (twice as fast); matched
# against lower-cased text, as case-insensitive alternations are several times slower.
_DATE_MONTH = re.compile(_DATE_MONTH_SPEC.replace(_MONTH, f"(?:{_by_opening(_alternatives(_MONTHS))})"))


# First three letters of every month name in _MONTH (a cheap gate in front of _DATE_MONTH).
_MONTH_STEMS = frozenset(
    word[:3] for word in re.findall(r"[^\W\d_]{3,}", _MONTH.replace("(?:", " ").replace(")?", " "))
)
_MONTH_TRIM = ".,;:|()[]"


def is_dateline(text: str) -> bool:
    """Whether ``text`` states a date or a time ("Mar 19 2025", "8:03 PM", "2 hours ago").

    The one-text form of the "dateline" column, which :func:`_measure` computes for all of a
    page's short lines at once."""
    if _DATE_NUMERIC.search(text):
        return True
    low = text.lower()
    return _may_name_month(low) and bool(_DATE_MONTH.search(low))


# _may_name_month as one regex pass over many texts joined by newlines: a word (after white
# space) whose first three characters, past any _MONTH_TRIM, are a month stem (and the rest of
# the text, as one hit per text is enough).
_MONTH_GATE = re.compile(rf"\s[{re.escape(_MONTH_TRIM)}]*(?:{_by_opening(map(re.escape, sorted(_MONTH_STEMS)))})[^\n]*")


def _may_name_month(low: str) -> bool:
    """Whether a word of ``low`` (lower-case) could be a month name: the month alternation is
    slow, so it only runs where this holds."""
    for word in low.split():  # (a loop: a generator costs more than the few words it tests)
        if word.strip(_MONTH_TRIM)[:3] in _MONTH_STEMS:
            return True
    return False


# Per category, in the order they are tried: what may come before its opening phrases, the
# phrases (alternatives of a regex, lower-case), and what must follow them.
_CUE_PARTS: dict[str, tuple[str, str, str]] = {
    "promo": ("", "also read|read more|read also|must read|also watch|see also|related|watch|leia também|leia mais|veja também|lea también|lire aussi|à lire aussi|lesen sie auch|mehr zum thema|leggi anche|читайте также", r"\s*[:|\-–—]\s*\S"),
    "share": ("", r"connect with us|follow us|share|tweet|pin it|email|e-mail|print|copy link|whatsapp|facebook|twitter|linkedin|telegram|reddit|pinterest|compartilh\w*|compartir|partager|teilen|condividi|поделиться", r"\b"),
    "byline": ("", "by|por|par|von|di|от|автор|written by|posted by|reporting by|edited by", r"\s+\S"),
    "tags": ("", "tags?|topics?|tagged(?: with)?|keywords?|filed under|categor(?:y|ies)|related topics|marcadores|etiquetas|temas|schlagworte|теги|метки", r"\s*:"),
    "caption": ("", "photo|image|picture|pictured|video|credit|illustration|file photo|foto|imagem|bild|фото", r"s?\s*(?:by\b|:|/|\|)"),
    "advert": ("", "advertisement|advertising|sponsored|promoted|paid content|partner content|story continues below|continue reading|anúncio|publicidad|publicité|anzeige|werbung|pubblicità|реклама", r"\b"),
    "newsletter": ("", r"sign up|subscribe|newsletter|get (?:our|the) \w+ newsletter|enter your email|inscreva-se|suscríbete|abonnez-vous|abonnieren|iscriviti|подпис\w+", r"\b"),
    "comment": (r"(?:\[?\s*\d+\s+)?", r"comments?|responses?|replies|reply|reader comments|leave a (?:reply|comment)|join the (?:discussion|conversation)|post a comment|add a comment|show comments|view comments|log in to (?:comment|reply)|coment[aá]rios?|deixe (?:um|seu) coment\w+|commentaires?|kommentare?|commenti|комментари\w*|コメント", r"\b"),
    "related": ("", "also read|read also|read more|more from|related|you may (?:also )?like|you might (?:also )?like|recommended|more stories|more news|top stories|trending|most read|most popular|latest news|latest stories|editor'?s picks|what to read next|further reading|more on this|don'?t miss|popular (?:now|posts|stories)|next story|previous story|next post|previous post|você pode gostar|veja também|leia também|mais lidas|te puede interesar|notas relacionadas|à lire aussi|das könnte sie auch interessieren|ti potrebbe interessare|articoli correlati|читайте также|похожие (?:статьи|записи)|関連記事", r"\b"),
    "footer": ("", "first published|published|last updated|updated|posted|publicado|atualizado|publié|veröffentlicht|aktualisiert|pubblicato|опубликовано", r"\b"),
    "legal": ("", r"privacy|cookie|terms (?:of|and) (?:use|service)|all rights reserved|copyright|©|\(c\)", ""),
}
# The comments lead ("12 comments", "[3 replies]") opens with "[", white space or a digit.
_CUE_LEAD_OPENERS = "[0123456789"


def _cue_pattern(phrases: dict[str, list[str]]) -> str:
    """The cue regex over ``phrases`` per category (all of _CUE_PARTS' where none is left out)."""
    return "|".join(
        f"(?P<{name}>{_CUE_PARTS[name][0]}(?:{'|'.join(alternatives)}){_CUE_PARTS[name][2]})"
        for name, alternatives in phrases.items() if alternatives
    )


_CUE_PHRASES = {name: _alternatives(alternation) for name, (_lead, alternation, _tail) in _CUE_PARTS.items()}
# Matched against lower-cased text (case-insensitive alternations are several times slower).
_CUES = re.compile(_cue_pattern(_CUE_PHRASES))


# The characters a cue can open with: the phrases' first characters and the comments lead's.
_CUE_OPENINGS = frozenset(_opening_char(phrase) for phrases in _CUE_PHRASES.values() for phrase in phrases) | set(
    _CUE_LEAD_OPENERS
)
# Per opening character, _CUES cut down to the phrases that can start with it (in their order, so
# the same category wins): a block is then tried against a dozen phrases instead of hundreds that
# would each fail on its first character. Compiled on first use.
_CUES_BY_OPENING: dict[str, re.Pattern] = {}


def _cues_opening_with(opening: str) -> re.Pattern | None:
    """The pattern that matches as ``_CUES`` does on a line opening with ``opening`` (one
    character): _CUES cut down to its phrases, compiled on first use; the full pattern for white
    space or a decimal digit beyond ASCII (which may open the comments lead); None where nothing
    can match."""
    if opening in _CUE_OPENINGS:
        pattern = _CUES_BY_OPENING[opening] = re.compile(_cue_pattern({
            name: [p for p in phrases if _opening_char(p) == opening or (_CUE_PARTS[name][0] and opening in _CUE_LEAD_OPENERS)]
            for name, phrases in _CUE_PHRASES.items()
        }))
        return pattern
    return _CUES if opening.isspace() or opening.isdecimal() else None


def _match_cue(line: str) -> re.Match | None:
    """``_CUES.match(line)``, through the cut-down pattern for the line's first character."""
    pattern = _CUES_BY_OPENING.get(line[:1]) or _cues_opening_with(line[:1])
    return pattern.match(line) if pattern is not None else None


def opens_with_cue(text: str) -> bool:
    """Whether ``text`` opens with one of the cue phrases (a byline's "by", "tags", "share", "also
    read", ...) that make a line page furniture of its own."""
    return _match_cue(text.lower()) is not None


_CUE_NAMES = tuple(_CUE_PARTS)
_CUE_CODE = {name: k + 1 for k, name in enumerate(_CUE_NAMES)}
# The first words the cue patterns can start with: _CUES is only tried on blocks opening with
# one of them (or with a number, or in a script without spaces), which skips most blocks.
_CUE_FIRST = frozenset(
    """also read must see related watch leia veja lea lire à lesen mehr leggi читайте share tweet pin
    email e-mail print copy connect follow whatsapp facebook twitter linkedin telegram reddit pinterest compartilhe
    compartilhar compartilhe: compartir partager teilen condividi поделиться by por par von di от автор
    written posted reporting edited tag tags topic topics tagged keyword keywords filed category
    categories marcadores etiquetas temas schlagworte теги метки photo photos image images picture
    pictures pictured video videos credit credits illustration file foto fotos imagem bild фото
    advertisement advertising sponsored promoted paid partner story continue anúncio publicidad
    publicité anzeige werbung pubblicità реклама sign subscribe newsletter get enter inscreva-se
    suscríbete abonnez-vous abonnieren iscriviti comment comments response responses replies reply
    reader leave join post add show view log comentário comentários comentario comentarios deixe
    commentaire commentaires kommentar kommentare commenti more you recommended top trending most
    latest editor's editors what further don't dont popular next previous você te notas das ti
    articoli mais похожие first published last updated publicado atualizado publié veröffentlicht
    aktualisiert pubblicato опубликовано privacy cookie cookies terms all copyright ©""".split()
)
_FIRST_TRIM = ":|-–—[(\"'“‘«»"
# First words that open a cue by their beginning: legal marks glued to what follows ("©2024",
# "(c) 2024" once trimmed to "c)", "Copyright©2024"), and stems whose endings vary (Russian
# "комментарии", "комментариев"; "подписаться", "подписка").
_CUE_FIRST_STEMS = ("©", "c)", "copyright", "комментари", "подпис")


# (Cached: the first words of blocks repeat from page to page: menus, share bars, "the". A block
# in a script without spaces is its own first word, hence the cache's modest size.)
@lru_cache(maxsize=10_000)
def _may_open_cue(first: str) -> bool:
    """Whether a block whose first word (lower-cased) is ``first`` may open with a cue phrase."""
    word = first.strip(_FIRST_TRIM)
    return word in _CUE_FIRST or word.startswith(_CUE_FIRST_STEMS)


#: How many opening characters two blocks must share to count as one text shown twice.
_PREFIX_CHARS = 40
_OPENING = itemgetter(slice(_PREFIX_CHARS))  # a text's opening, text[:_PREFIX_CHARS]
#: A block counts as "long" for the context features: a real sentence of some length.
_LONG_WORDS = 20

FEATURE_NAMES: tuple[str, ...] = (
    # the block itself
    "log_words", "log_chars", "ends_sentence", "ends_colon", "sentence_rate", "comma_rate",
    "upper_ratio", "digit_ratio", "bullet", "cjk", "repeated", "urlish", "separators",
    "cookie", "subscribe", "dateline", "reading_time", "disclaimer",
    *(f"cue_{name}" for name in _CUE_NAMES),
    # neighbours
    "prev1_log_words", "prev2_log_words", "prev3_log_words",
    "next1_log_words", "next2_log_words", "next3_log_words",
    "prev1_ends", "next1_ends", "prev1_long", "next1_long", "prev1_bullet", "next1_bullet",
    "window_long", "window_log_words", "prev_long_gap", "next_long_gap",
    # the page
    "position", "rel_max_words", "long_mass_before", "long_mass_after", "inside_long_span",
    "gap_to_longest", "same_indent", "deeper_indent", "shallower_indent",
    "after_comment_cue", "after_end_cues", "log_page_blocks",
    # a linear model needs its interactions spelled out
    "no_letters", "tiny", "short", "long", "tiny_x_window_long", "tiny_x_inside_span", "long_x_after_comment",
    "bullet_x_window_long", "heading_before_text",
    # renderer furniture
    "adjacent_repeat",
    # teasers and captions
    "photo_credit", "prefix_repeat",
)
N_FEATURES = len(FEATURE_NAMES)


_CUE_RANGE = np.arange(1, len(_CUE_NAMES) + 1)[:, None]  # cue codes, one row each
_WINDOW_LONG, _INSIDE_SPAN, _AFTER_COMMENT, _NEXT1_LONG, _PREV1_LONG, _LONG, _ADJACENT = (
    FEATURE_NAMES.index(name)
    for name in ("window_long", "inside_long_span", "after_comment_cue", "next1_long", "prev1_long", "long",
                 "adjacent_repeat")
)
# The neighbour rows (prev1_log_words ... next1_bullet) as rows of a zero-padded matrix of the
# _NEIGHBOUR_SOURCES and their offsets in a 7-wide window centred on a block (3 is the block).
_NEIGHBOUR_SOURCES = [FEATURE_NAMES.index(name) for name in ("log_words", "ends_sentence", "long", "bullet")]
_NEIGHBOUR_ROWS = np.array([0, 0, 0, 0, 0, 0, 1, 1, 2, 2, 3, 3])
_NEIGHBOUR_TAPS = np.array([2, 1, 0, 4, 5, 6, 2, 4, 2, 4, 2, 4])
_WORD_LIMITS = np.array([3, 8, 15])[:, None]
# Cue codes that mark the end of an article: tags, share buttons, related lists, comments.
_END_CODES = frozenset(float(_CUE_CODE[name]) for name in ("tags", "share", "related", "comment"))
_COMMENT_CODE = float(_CUE_CODE["comment"])
# A count of none ("0 Comments", "[0 replies]") is the comments link of a byline bar: no thread
# follows it.
_NO_COMMENTS = re.compile(r"\W*0+\s")
# |d| / 60.0 for d in -59..59 (the distance to the longest block, below the cap).
_LONGEST_DISTANCE = np.abs(np.arange(-59, 60)) / 60.0
# Rows same_indent, deeper_indent, shallower_indent: the sign of a block's indent minus the body's.
_SIGNS = np.array([[0], [1], [-1]])


# Keywords found anywhere in a block, by row of the measures (see _measure). Searched over the
# whole lower-cased page at once (see _find_keywords): hits are rare, so this is far cheaper
# than a per-block test.
_KEYWORDS = (
    (10, ("http", "www.", ".com")),
    (11, (" | ", " • ", " · ", " / ")),
    (12, ("cookie", "privacy polic", "consent")),
    (13, ("subscri", "sign up", "sign in", "log in", "login", "register")),
    (16, ("©", "copyright", "rights reserved", "syndicated feed", "views expressed", "not be published")),
    # A caption names its picture or its photographer; prose rarely says "photo:" or "photo/".
    (18, ("in this photo", "in this file photo", "in this image", "photo:", "photo/", "photo by", "photos:",
          "photograph:", "image:", "credit:", "getty images", "file photo")),
)
# Keywords that share a rarer word are found from one search for it, then checked in place:
# a page is searched once for "photo", not eight times. A single character is found fastest
# of all, so the separators are searched by their middle one.
_ANCHORS = ("photo", "image", "sign ", "log", "|", "•", "·", "/")


def _keyword_plan() -> tuple[tuple[int, tuple[tuple[str, tuple[str, ...]], ...]], ...]:
    """_KEYWORDS per column, grouped by the anchor each is searched through (itself if none)."""
    plan = []
    for column, keywords in _KEYWORDS:
        groups: dict[str, list[str]] = {}
        for keyword in keywords:
            anchor = next((a for a in _ANCHORS if a in keyword), keyword)
            groups.setdefault(anchor, []).append(keyword)
        plan.append((column, tuple((anchor, tuple(words)) for anchor, words in groups.items())))
    return tuple(plan)


_KEYWORD_PLAN = _keyword_plan()


# Keywords of four characters or more are found the other way round, through one NumPy pass over
# the page (str.find costs a pass per keyword): every position's next four characters, folded to
# lower-case ASCII and hashed, are looked up in a table marking the four characters each keyword
# is found by (_QUAD_OF); the few marked positions are then checked in place.
# Folding is lower-casing wherever a character lower-cases to one ASCII character (else 0).
_FOLD = np.array([ord(low) if len(low := chr(c).lower()) == 1 and low.isascii() else 0 for c in range(0x10000)],
                 dtype=np.uint8)


def _quad_hash(quads: np.ndarray) -> np.ndarray:
    """Four folded characters, read as a little-endian uint32, -> 16 bits (Knuth's multiplicative
    hash: the top half of the product, which wraps in uint32)."""
    return (quads * np.uint32(2654435761)) >> 16


# The four characters a keyword is found by: each checked position costs a Python step, so the
# piece of it that prose holds least often (counted over the DEV dumps and the renderings; "not "
# alone came up twice a page for one "not be published" in a hundred). Others by their first four.
_QUAD_OF = {
    "consent": "nsen", "cookie": "okie", "copyright": "opyr", "credit:": "dit:", "file photo": "e ph",
    "in this file photo": "e ph", "getty images": "y im", "image:": "age:", "in this image": "s im",
    "in this photo": "s ph", "log in": "og i", "login": "ogin", "not be published": "be p", "photo by": "o by",
    "photo/": "oto/", "photo:": "oto:", "photograph:": "aph:", "photos:": "tos:", "privacy polic": "cy p",
    "register": "iste", "rights reserved": "eser", "sign in": "gn i", "sign up": "gn u", "subscri": "ubsc",
    "views expressed": "ws e",
    # (the _ASKED_WORDS)
    "publish": "blis", "posted": "oste", "original": "igin", "modified": "difi", "publica": "lica", "actualiz": "ctua", "atualiz": "atua",
    "aktualis": "ktua", "pubblica": "pubb", "aggiorn": "iorn", "image": "mage", "credit": "cred", "newsletter": "wsle",
    "enter your email": "ur e", "edited by": "dite", "reworked by": "rewo", "generated from": "d fr",
}


# Words the metadata pass asks PageText about besides the _KEYWORDS (text.py's gates: the date
# labels, the caption, newsletter and publisher's-note words): the same pass finds them, for no
# column, so that asking costs no str.find over the whole page (a dozen of those took some 4% of
# a page's time). A word the metadata pass asks about and that is missing here is still found,
# by str.find when first asked; one here must be ASCII, of four characters or more.
_ASKED_WORDS = (
    "date", "publish", "posted", "original", "modified", "publica", "actualiz", "atualiz", "aktualis", "aktualiz", "opublik",
    "pubblica", "aggiorn",
    "photo", "foto", "image", "credit", "newsletter", "enter your email",
    "syndicat", "edited by", "auto-generated", "reworked by", "generated from",
    "claim", "afirma", "affirm", "behaupt",  # (a fact-check box's claim labels: text._CLAIM_LABEL_STEMS)
)


def _quad_plan() -> dict[str, tuple[tuple[str, int, int | None], ...]]:
    """Four characters -> (keyword, their offset in it, column) of the _KEYWORDS searched in the
    lower-cased page that have four characters or more, and of the _ASKED_WORDS (column None)."""
    plan: dict[str, list[tuple[str, int, int | None]]] = {}
    words: list[tuple[str, int | None]] = []
    for column, groups in _KEYWORD_PLAN:
        if column == 11:  # the separators are searched in the page itself
            continue
        words += [(keyword, column) for _anchor, keywords in groups for keyword in keywords if len(keyword) >= 4]
    words += [(word, None) for word in _ASKED_WORDS if word not in {keyword for keyword, _column in words}]
    for word, column in words:
        if not (word.isascii() and len(word) >= 4):
            raise ValueError(f"not found by four ASCII characters: {word!r}")
        quad = _QUAD_OF.get(word, word[:4])
        plan.setdefault(quad, []).append((word, word.index(quad), column))
    return {quad: tuple(entries) for quad, entries in plan.items()}


_QUAD_PLAN = _quad_plan()
_QUAD_MARKS = np.zeros(0x10000, dtype=bool)
_QUAD_MARKS[_quad_hash(np.array([int.from_bytes(q.encode("ascii"), "little") for q in _QUAD_PLAN], dtype="<u4"))] = True
#: Every word the quads find.
_QUAD_WORDS = tuple(word for entries in _QUAD_PLAN.values() for word, _offset, _column in entries)
_QUAD_KEYWORDS = tuple(word for entries in _QUAD_PLAN.values() for word, _offset, column in entries
                       if column is not None)
# What is left for str.find when the quads have been searched: the separators and "©".
_FIND_PLAN = tuple(
    (column, tuple((anchor, kept) for anchor, words in groups
                   if (kept := tuple(word for word in words if word not in _QUAD_KEYWORDS))))
    for column, groups in _KEYWORD_PLAN
)


# Character classes of the Basic Multilingual Plane, one bit each, so that a single table
# lookup and one `reduceat` count everything per block.
_SPACE, _UPPER, _LETTER, _DIGIT_BIT, _COMMA, _BREAK, _WIDE, _STOP = (128, 64, 32, 16, 8, 4, 2, 1)


def _class_table() -> np.ndarray:
    table = np.zeros(0x10000, dtype=np.uint8)
    table[32] |= _SPACE
    for lo, hi in ((65, 90), (0xC0, 0xD6), (0xD8, 0xDE), (0x391, 0x3A9), (0x400, 0x42F)):
        table[lo : hi + 1] |= _UPPER | _LETTER
    for lo, hi in ((97, 122), (0xDF, 0xF6), (0xF8, 0xFF), (0x100, 0x24F), (0x3B1, 0x3C9), (0x430, 0x45F)):
        table[lo : hi + 1] |= _LETTER
    table[48:58] |= _DIGIT_BIT
    for ch in ",、，":
        table[ord(ch)] |= _COMMA
    for ch in ".?!":
        table[ord(ch)] |= _BREAK
    for lo, hi in ((0x3040, 0x30FF), (0x3400, 0x9FFF), (0xAC00, 0xD7AF)):
        table[lo : hi + 1] |= _WIDE
    table[0x3002] |= _STOP
    return table


_CLASSES = _class_table()
# Decimal digits beyond ASCII (what ``\d`` also matches: Arabic-Indic, full-width...). Code points
# past the BMP are clipped to U+FFFF before the lookup, so U+FFFF stands for "maybe".
_OTHER_DIGITS = np.array([chr(c).isdecimal() and c > 127 for c in range(0x10000)], dtype=bool)
_OTHER_DIGITS[0xFFFF] = True
# Characters that a case-insensitive regex equates with an ASCII letter although str.lower()
# does not ("ı" is "i" to re.IGNORECASE); pages holding one get no lower-case gates (see PageText).
_CASE_TRAPS = "İıſ"

# Above its class byte, a character's key says what it means to its neighbours: after a space or
# a line break a word starts (a capital counts only there), and a full stop counts only before a
# space. Bit 10 marks the digits of _OTHER_DIGITS, bit 11 what follows a digit in a numeric date.
_WORD_EDGE, _IS_SPACE, _OTHER_DIGIT, _DATE_MARK = 0x100, 0x200, 0x400, 0x800
_ANY_DIGIT = _DIGIT_BIT | _OTHER_DIGIT
_KEYS = _CLASSES.astype(np.uint16)
_KEYS[[ord(" "), ord("\n")]] |= _WORD_EDGE
_KEYS[ord(" ")] |= _IS_SPACE
_KEYS[_OTHER_DIGITS] |= _OTHER_DIGIT
_KEYS[[ord(ch) for ch in "-/.:年"]] |= _DATE_MARK
# A character's context index: its own class byte and bit 10, with bits 8 and 9 taken from its
# neighbours (the previous character's _WORD_EDGE, the next one's _IS_SPACE).
_OWN = 0xFF | _OTHER_DIGIT

#: What _class_counts counts per block, in its column order.
_COUNTED = ("spaces", "capitals", "letters", "digits", "commas", "sentence_marks", "wide", "other_digits")


def _count_table() -> np.ndarray:
    """Context index -> how much the character adds to each of _COUNTED: capitals only at the
    start of a word, sentence punctuation (".?!") only before a space, "。" anywhere."""
    table = np.zeros((0x800, len(_COUNTED)), dtype=np.int64)
    for index in range(0x800):
        cls = index & 0xFF
        word_start, before_space = bool(index & _WORD_EDGE), bool(index & _IS_SPACE)
        table[index] = (
            bool(cls & _SPACE), bool(cls & _UPPER) and word_start, bool(cls & _LETTER), bool(cls & _DIGIT_BIT),
            bool(cls & _COMMA), (bool(cls & _BREAK) and before_space) + bool(cls & _STOP), bool(cls & _WIDE),
            bool(index & _OTHER_DIGIT),
        )
    return table


_COUNTS = _count_table()
# The same packed into two uint64 per index, four 16-bit lanes each, so that one sum over a
# block's characters counts four classes at once.
_PACKED = (_COUNTS.reshape(-1, 2, 4).astype(np.uint64) << (16 * np.arange(4, dtype=np.uint64))).sum(
    axis=2, dtype=np.uint64
)
#: A lane holds counts below 2**16, so longer blocks take the slower unpacked path.
_LANE_MAX = 0xFFFF


def _class_counts(keys: np.ndarray, starts: np.ndarray, longest: int) -> np.ndarray:
    """Per block, the counts of _COUNTED, shape (n, 8); ``keys`` are the _KEYS of the blocks
    joined by "\\n", ``starts`` where each block starts among them."""
    index = keys & _OWN
    index[0] |= _WORD_EDGE  # the page starts with a word
    index[1:] |= keys[:-1] & _WORD_EDGE
    index[:-1] |= keys[1:] & _IS_SPACE
    if longest >= _LANE_MAX:
        return np.add.reduceat(_COUNTS.take(index, axis=0), starts, axis=0)
    packed = np.add.reduceat(_PACKED.take(index, axis=0), starts, axis=0)
    # The 16-bit lanes, read as little-endian uint16 columns (no shifting and masking).
    return packed.astype("<u8", copy=False).view("<u2").astype(np.int64)


# How a block ends: its last character, or the one before a closing quote or bracket.
_CLOSER, _FULL_STOP, _COLON = 1, 2, 4
_ENDINGS = np.zeros(0x10000, dtype=np.uint8)
_ENDINGS[[ord(ch) for ch in "\"'”’»)]"]] = _CLOSER
_ENDINGS[[ord(ch) for ch in ".!?。！？…।؟"]] = _FULL_STOP  # (। : the danda of Hindi, Marathi, Bengali ...; ؟ : Arabic)
_ENDINGS[[ord(ch) for ch in ":："]] = _COLON


@dataclass(slots=True)
class PageText:
    """What the feature pass learns about a page's blocks that the metadata pass reuses, so
    nothing is lower-cased, split or scanned twice."""

    #: The blocks' texts.
    texts: list[str]
    #: All texts joined by "\n", lower-cased.
    lower: str
    #: Offset of each block in ``lower``; None where lower-casing changed a length, or the page
    #: holds a character re.IGNORECASE equates with an ASCII letter (gates are then off).
    starts: list[int] | None
    #: Each block's first space-delimited word, lower-cased.
    firsts: list[str]
    #: Per block: may hold a decimal digit (any that ``\d`` matches; a superset, never less).
    digit: list[bool]
    #: Per block, its number of " " characters (as ``text.count(" ")``).
    spaces: np.ndarray
    #: Offsets in ``lower`` of every occurrence of the words searched so far.
    seen: dict[str, list[int]] = field(default_factory=dict)

    @classmethod
    def empty(cls) -> PageText:
        """The facts of a page without blocks."""
        return cls([], "", [], [], [], np.zeros(0, dtype=np.int64))

    def has(self, needle: str) -> bool:
        """Whether ``needle`` (lower-case) occurs anywhere on the page."""
        at = self.seen.get(needle)
        return needle in self.lower if at is None else bool(at)

    def containing(self, needles: Iterable[str]) -> set[int] | None:
        """Blocks whose lower-cased text contains one of ``needles`` (lower-case), by one
        ``str.find`` pass over the page per needle not searched before; None when gates are
        off (see ``starts``)."""
        if self.starts is None:
            return None
        hits: list[int] = []
        for needle in needles:
            at = self.seen.get(needle)
            if at is None:
                at = self.seen[needle] = _find_all(self.lower, needle)
            hits += at
        starts = self.starts
        return {bisect_right(starts, at) - 1 for at in hits}


def _find_all(haystack: str, needle: str) -> list[int]:
    """Offsets of every occurrence of ``needle`` in ``haystack`` (overlapping ones too)."""
    found = []
    at = haystack.find(needle)
    while at >= 0:
        found.append(at)
        at = haystack.find(needle, at + 1)
    return found


def _measure(texts: list[str]) -> tuple[np.ndarray, PageText]:
    """Per-block measures, one row each, shape (19, n): words, chars, ends sentence, ends with
    colon, sentence breaks, commas, share of capitalised words, share of digits, CJK, cue code,
    urlish, separators, cookie, subscribe, dateline, reading time, disclaimer, no letters, photo
    credit; and the page's :class:`PageText`.

    Counting runs on the page's code points with NumPy, all blocks at once (a block's span is
    delimited by the "\n" joining them); Python touches each block only for its first word,
    the gate in front of the cue patterns.
    """
    n = len(texts)
    page = "\n".join(texts)
    codes = np.frombuffer(page.encode("utf-32-le"), dtype=np.uint32)
    lengths = np.fromiter(map(len, texts), dtype=np.int64, count=n)
    starts = np.zeros(n, dtype=np.int64)
    np.add.accumulate(lengths[:-1] + 1, out=starts[1:])
    stops = starts + lengths
    keys = _KEYS.take(codes, mode="clip")  # past the BMP reads as U+FFFF
    spaces, capitals, letters, digits, commas, sentence_marks, wide, other_digits = (
        _class_counts(keys, starts, int(lengths.max())).T
    )

    M = np.zeros((19, n), dtype=np.float64)
    words = M[0]
    np.add(spaces, 1.0 + wide // 2, words)
    M[1] = lengths
    ending = _ENDINGS.take(codes[stops - 1], mode="clip")
    # A sentence ends inside its closing quote or bracket, at most two deep ("... 'no.'\"", ".'')").
    for back in (2, 3):
        quoted = (ending == _CLOSER) & (lengths >= back)
        ending = np.where(quoted, _ENDINGS.take(codes[np.maximum(stops - back, 0)], mode="clip"), ending)
    ends = ending == _FULL_STOP
    M[2] = ends
    M[3] = ending == _COLON
    M[4] = sentence_marks + ends
    M[5] = commas
    np.divide(capitals, words, M[6])
    np.divide(digits, lengths, M[7])
    M[8] = wide > 0
    M[17] = (letters == 0) & (wide == 0)

    # Cue phrases open a block; only blocks whose first word could start one are matched. The
    # page lower-cased at once and split where the texts were joined is each text lower-cased
    # ("\n" is neither cased nor case-ignorable, so no final sigma sees across it).
    low = page.lower()
    lows = low.split("\n")
    if len(lows) != n:  # a text holds a line break of its own
        lows = [text.lower() for text in texts]
    firsts = [text.partition(" ")[0] for text in lows]
    cued = list(compress(range(n), map(_may_open_cue, firsts)))
    # ... or whose first character is a digit (of the cues, only the comments lead "12 comments"
    # opens with one, and only with a decimal digit), or in a script without spaces.
    opening = keys.take(starts, mode="clip") & _ANY_DIGIT
    cued += (opening | wide).nonzero()[0].tolist()
    cue_at, cue_codes = [], []
    for i in cued:
        line = lows[i]
        pattern = _CUES_BY_OPENING.get(line[:1]) or _cues_opening_with(line[:1])  # (_match_cue, inlined)
        if pattern is not None and (match := pattern.match(line)):
            cue_at.append(i)
            cue_codes.append(_CUE_CODE[match.lastgroup])
    M[9, cue_at] = cue_codes

    digit = (digits | other_digits) > 0
    gates_on = len(low) == len(page) and (page.isascii() or not any(c in page for c in _CASE_TRAPS))
    facts = PageText(texts, low, starts.tolist() if gates_on else None, firsts, digit.tolist(), spaces)
    found_at, rows = _find_keywords(page, low, codes, facts.seen)
    if found_at:
        M[rows, starts.searchsorted(found_at, side="right") - 1] = 1.0

    # Dates and reading times sit in short lines with digits; few blocks qualify. Their texts
    # are searched joined, one regex call per pattern.
    candidates = ((words <= 16) & (digits > 0)).nonzero()[0].tolist()
    if candidates:
        lowered = [lows[i] for i in candidates]
        # Every numeric date or time has a digit right before one of "-/.:年" (_DATE_MARK), or
        # says "ago"; only a fifth of the candidates do.
        punctuated = np.logical_and(keys[:-1] & _ANY_DIGIT, keys[1:] & _DATE_MARK).nonzero()[0]
        punctuated = set((starts.searchsorted(punctuated, side="right") - 1).tolist())
        numeric = [i for i in candidates if i in punctuated or "ago" in texts[i]]
        dated = _hits(_DATE_NUMERIC, [texts[i] for i in numeric], numeric) if numeric else set()
        undated = [i for i in candidates if i not in dated]
        named = list(_hits(_MONTH_GATE, [lows[i] for i in undated], undated, "\n"))
        if named:
            dated |= _hits(_DATE_MONTH, [lows[i] for i in named], named)
        M[14, list(dated)] = 1.0
        timed = [i for i, text in zip(candidates, lowered) if "min" in text]
        if timed:
            M[15, list(_hits(cues.READING_TIME_STRICT, [texts[i] for i in timed], timed))] = 1.0
    return M, facts


def _find_keywords(page: str, low: str, codes: np.ndarray, seen: dict[str, list[int]]) -> tuple[list[int], list[int]]:
    """Every occurrence of the _KEYWORDS, as offsets (in ``page`` for the separators, else in
    ``low``) and their columns (rows of the measures); and per keyword but the separators, its
    offsets in ``seen``."""
    found_at: list[int] = []
    columns: list[int] = []
    plan = _KEYWORD_PLAN
    if len(low) == len(page) and len(codes) >= 4:  # offsets in low are offsets in the page
        plan = _FIND_PLAN
        for word in _QUAD_WORDS:
            seen[word] = []
        folded = _FOLD.take(codes, mode="clip")
        # Each position's next four folded characters, as one uint32 (a view, no copy).
        quads = np.ndarray((len(folded) - 3,), dtype="<u4", buffer=folded, strides=(1,))
        for at in _QUAD_MARKS.take(_quad_hash(quads)).nonzero()[0].tolist():
            for word, offset, column in _QUAD_PLAN.get(low[at : at + 4], ()):
                start = at - offset
                if start >= 0 and low.startswith(word, start):
                    seen[word].append(start)
                    if column is not None:
                        found_at.append(start)
                        columns.append(column)
    for column, groups in plan:
        haystack = page if column == 11 else low
        for anchor, keywords in groups:
            at = _find_all(haystack, anchor)
            for keyword in keywords:
                if keyword == anchor:
                    found = at
                else:
                    # Every occurrence of the keyword holds the anchor at this offset.
                    offset = keyword.index(anchor)
                    found = [h - offset for h in at if h >= offset and haystack.startswith(keyword, h - offset)]
                if column != 11:
                    seen[keyword] = found
                found_at += found
                columns += [column] * len(found)
    return found_at, columns


def _hits(pattern: re.Pattern, texts: list[str], ids: list[int], separator: str = "\0") -> set[int]:
    """``ids`` of the ``texts`` that ``pattern`` finds something in (one pass over them all).

    The texts are searched joined, each behind a ``separator``: a NUL, which no pattern here
    matches across and which reads like the start or end of a text; the month gate wants white
    space before a word instead, and stops at the newline after its text."""
    if len(texts) == 1:
        return set(ids) if pattern.search(separator + texts[0]) else set()
    offsets = list(accumulate([len(text) + 1 for text in texts], initial=1))
    joined = separator + separator.join(texts)
    # (A match's last character lies in its text; the month gate's first is the separator.)
    return {ids[bisect_right(offsets, match.end() - 1) - 1] for match in pattern.finditer(joined)}


def block_features(blocks: Sequence[BlockLike]) -> np.ndarray:
    """The feature matrix of one page, shape (len(blocks), N_FEATURES), columns FEATURE_NAMES."""
    return page_features(blocks)[0]


def _repeats(texts: list[str], lengths: np.ndarray) -> tuple[np.ndarray, np.ndarray] | None:
    """Per block, the index of the first block with the same text, and whether another long
    block opens with the same _PREFIX_CHARS characters; None where no two blocks share even
    their openings (the usual case).

    Texts are compared by their openings first: a short text is its own opening, and only long
    texts sharing theirs need comparing whole (hashing every long text would cost more)."""
    n = len(texts)
    first: dict[str, int] = {}
    same_opening = np.fromiter(map(first.setdefault, map(_OPENING, texts), range(n)), dtype=np.intp, count=n)
    if len(first) == n:
        return None
    shared = (np.bincount(same_opening, minlength=n)[same_opening] > 1) & (lengths >= _PREFIX_CHARS)
    same_text = same_opening.copy()
    first_long: dict[str, int] = {}
    for i in shared.nonzero()[0].tolist():
        same_text[i] = first_long.setdefault(texts[i], i)
    return same_text, shared


def _windows(padded: np.ndarray, n: int) -> np.ndarray:
    """``padded`` (C-ordered, last axis n + width - 1 long) seen through a sliding window of n:
    one more axis, of the width, ``[..., k, :]`` being ``padded[..., k : k + n]``. A view: a
    gather from it costs one NumPy call, not one per row."""
    *rows, span = padded.shape
    step = padded.itemsize
    # (ndarray(shape, dtype, buffer, offset, strides): positional arguments parse faster)
    return np.ndarray((*rows, span - n + 1, n), padded.dtype, padded, 0, (*padded.strides[:-1], step, step))


def page_features(blocks: Sequence[BlockLike]) -> tuple[np.ndarray, PageText]:
    """The feature matrix of one page (see :func:`block_features`) and its :class:`PageText`.

    Written for few NumPy calls (each costs about a microsecond whatever the page's size): the
    features are built one row per feature, so that rows from the same source are filled
    together, and transposed at the end.
    """
    n = len(blocks)
    if n == 0:
        return np.zeros((0, N_FEATURES), dtype=np.float64), PageText.empty()
    texts = [b.text for b in blocks]
    M, facts = _measure(texts)
    w = M[0]
    end = M[2]
    code = M[9]
    # words <= 3, 8, 15: tiny, short, a headline
    limits = w <= _WORD_LIMITS
    tiny, headline_length = limits[0], limits[2]
    idx = np.arange(n)

    F = np.empty((N_FEATURES, n), dtype=np.float64)
    long_ = F[_LONG]
    long_[:] = (w >= _LONG_WORDS) & (end > 0)
    # the block itself
    np.log1p(M[0:2], F[0:2])
    F[2:4] = M[2:4]
    np.multiply(M[4:6], 10.0 / w, F[4:6])
    F[6:8] = M[6:8]
    # (bullets and indents from one pass over the blocks: twice the indent, plus one for a bullet)
    layout = np.fromiter([b.indent * 2 + b.bullet for b in blocks], dtype=np.intp, count=n)
    bullet = F[8]
    np.bitwise_and(layout, 1, bullet)
    F[9] = M[8]
    # An image's alt text next to its title or caption, a teaser's link on its picture and its
    # headline: terminal renderers draw the same text twice in a row, article text never is.
    adjacent = F[_ADJACENT]
    repeats = _repeats(texts, M[1])
    if repeats is None:
        F[10] = 0.0
        adjacent[:] = 0.0
    else:
        same_text, same_opening = repeats
        F[10] = np.bincount(same_text, minlength=n)[same_text] > 1
        same = same_text[1:] == same_text[:-1]
        adjacent[-1] = 0.0
        adjacent[:-1] = same
        np.maximum(adjacent[1:], same, out=adjacent[1:])
    F[11:18] = M[10:17]
    np.equal(code, _CUE_RANGE, F[18 : 18 + len(_CUE_NAMES)])
    c = 18 + len(_CUE_NAMES)

    # neighbours, from one zero-padded matrix of (log words, ends, long, bullet)
    padded = np.zeros((4, n + 6))
    for row, source in enumerate(_NEIGHBOUR_SOURCES):
        padded[row, 3 : 3 + n] = F[source]
    F[c : c + 12] = _windows(padded, n)[_NEIGHBOUR_ROWS, _NEIGHBOUR_TAPS]
    c += 12
    # Sliding sums over +-5 blocks of (long, words, blocks), from one cumulative sum over a
    # zero-padded copy (sums of whole numbers, so exact in any order).
    cum = np.zeros((3, n + 11))
    cum[0, 6 : 6 + n] = long_
    cum[1, 6 : 6 + n] = w
    cum[2, 6 : 6 + n] = 1.0
    np.add.accumulate(cum, axis=1, out=cum)
    window = cum[:, 11:] - cum[:, :n]
    np.divide(window[0], window[2], F[c])
    np.log1p(window[1], F[c + 1])
    # How many blocks back the previous long block is, and ahead the next one (capped at 20):
    # the running maximum of the long blocks' indices, over the page and over it reversed.
    last_long = np.empty((2, n + 1))
    last_long.fill(-20.0)  # (np.full, without its Python-level overhead)
    np.copyto(last_long[0, 1:], idx, where=long_ > 0)
    np.copyto(last_long[1, 1:], idx, where=long_[::-1] > 0)
    np.maximum.accumulate(last_long, axis=1, out=last_long)
    gaps = np.minimum(idx - last_long[:, :n], 20.0)
    F[c + 2] = gaps[0]
    F[c + 3] = gaps[1, ::-1]
    c += 4

    # the page
    np.divide(idx, max(n - 1, 1), F[c])
    np.divide(w, w.max(), F[c + 1])
    long_words = w * long_
    total = long_words.sum() or 1.0
    before = F[c + 2]
    np.divide(np.add.accumulate(long_words) - long_words, total, before)
    F[c + 3] = 1.0 - before - long_words / total
    longest = int(w.argmax())
    if last_long[0, n] >= 0.0:  # the first and the last long block
        first, last = n - 1 - int(last_long[1, n]), int(last_long[0, n])
    else:
        first = last = longest
    F[c + 4] = 0.0
    F[c + 4, first : last + 1] = 1.0
    # Distance to the longest block, capped at 60 (d / 60.0 from a table; 1.0 from 60 on).
    F[c + 5] = 1.0
    near = min(longest, 59)
    F[c + 5, longest - near : longest + 60] = _LONGEST_DISTANCE[59 - near : 59 + min(n - longest, 60)]
    # The indent that carries most long text is the body's, whatever the renderer's scale. List
    # items do not count where plain paragraphs carry any: a box of long teasers can outweigh
    # the article, whose paragraphs would then all look "shallower" (lynx and w3m indent lists
    # only a little deeper than paragraphs, so this happens there, less with inscriptis).
    clipped = np.minimum(layout >> 1, 200)
    plain_words = long_words * (1.0 - bullet)
    if plain_words.sum() > 1.0:
        weight = np.bincount(clipped, weights=plain_words)
    else:
        weight = np.bincount(clipped, weights=long_words if total > 1.0 else w)
    # same indent, deeper, shallower
    np.equal(np.sign(clipped - int(weight.argmax())), _SIGNS, F[c + 6 : c + 9])
    # Once a comments heading (6 words at most) or a run of end-of-article furniture (short, past
    # 30% of the long text) has been seen, what follows is rarely the article any more. Few blocks
    # have a cue: they are visited one by one.
    F[c + 9 : c + 11] = 0.0
    cued = code.nonzero()[0]
    comment_seen = end_cues = 0
    for i, cue, words, mass_before in zip(cued.tolist(), code[cued].tolist(), w[cued].tolist(), before[cued].tolist()):
        if cue == _COMMENT_CODE and words <= 6 and not comment_seen and not _NO_COMMENTS.match(texts[i]):
            F[c + 9, i + 1 :] = 1.0
            comment_seen = 1
        if cue in _END_CODES and words <= 8 and mass_before > 0.3 and end_cues < 3:
            end_cues += 1
            F[c + 10, i + 1 :] = end_cues / 3.0
    F[c + 11] = math.log1p(n)
    c += 12

    # a linear model needs its interactions spelled out
    window_long = F[_WINDOW_LONG]
    F[c] = M[17]
    F[c + 1 : c + 3] = limits[:2]  # tiny, short
    # (c + 3: long, above)
    np.multiply(tiny, window_long, F[c + 4])
    np.multiply(tiny, F[_INSIDE_SPAN], F[c + 5])
    np.multiply(long_, F[_AFTER_COMMENT], F[c + 6])
    np.multiply(bullet, window_long, F[c + 7])
    # A short unpunctuated line right before the first paragraph of a stretch of text is the
    # headline (or a dek); a sub-heading has a paragraph on both sides (next1 long, prev1 not).
    F[c + 8] = headline_length & (end == 0) & (F[_NEXT1_LONG] > F[_PREV1_LONG])
    # (c + 9: adjacent_repeat, above)
    F[c + 10] = M[18]
    # A caption shown twice, cut short once ("... less" / "... more"), a teaser repeated with
    # another snippet: the same opening words, not the same block.
    F[c + 11] = 0.0 if repeats is None else same_opening
    assert c + 12 == N_FEATURES
    return np.ascontiguousarray(F.T), facts


# --- second pass: the first-pass scores of the neighbourhood -----------------------------------
# A block's own features say little about a one-line paragraph between two teasers, or a teaser
# between two paragraphs; what the first pass thinks of the blocks around it says a lot. The
# second model sees the first pass's log-odds of the neighbours, smoothed body density at three
# scales, the body mass before and after, and where the first pass's heaviest run lies. It is
# trained on out-of-fold first-pass scores (see train_textblocks), so it learns how far to trust
# them on unseen pages.

CONTEXT_NAMES: tuple[str, ...] = (
    "p_logit", "p_prev1", "p_prev2", "p_prev3", "p_next1", "p_next2", "p_next3",
    "p_window2", "p_window5", "p_window12", "p_mass_before", "p_mass_after",
    "p_in_run", "p_run_distance", "p_relative", "p_max_near", "p_log_strong",
)
_LOGIT_FLOOR = -6.0
_RUN_DISTANCE = np.arange(30) / 30.0


def context_features(X: np.ndarray, scores: np.ndarray, out: np.ndarray | None = None) -> np.ndarray:
    """Second-pass columns (CONTEXT_NAMES) from a page's features and first-pass probabilities;
    written into ``out`` (shape (n, len(CONTEXT_NAMES))) where given, which is returned."""
    n = len(scores)
    if n == 0:
        return np.empty((0, len(CONTEXT_NAMES)), dtype=np.float64) if out is None else out
    C = np.empty((len(CONTEXT_NAMES), n), dtype=np.float64)  # one row per column, transposed at the end
    words = np.expm1(X[:, 0])
    p = np.minimum(np.maximum(scores, 1e-4), 1.0 - 1e-4)  # np.clip, without its overhead
    logit = C[0]
    np.log(p / (1.0 - p), out=logit)
    # The 7-wide window of log-odds around each block (zero-padded with _LOGIT_FLOOR), one row
    # per offset -3..3: the neighbours' columns, and the window's maximum.
    padded = np.empty(n + 6)
    padded.fill(_LOGIT_FLOOR)
    padded[3 : 3 + n] = logit
    window = _windows(padded, n)
    C[1:4] = window[2::-1]
    C[4:7] = window[4:]
    np.maximum.reduce(window, axis=0, out=C[15])
    # Score density at three radii, from one cumulative sum of (p * sqrt(words), sqrt(words)):
    # cum[:, 12 + k] is the sum over the first k blocks, edge-padded by 12 on either side so
    # that the windows, clipped to the page, are plain slices.
    root = np.sqrt(words)
    cum = np.zeros((2, n + 25))
    np.multiply(p, root, out=cum[0, 13 : 13 + n])
    cum[1, 13 : 13 + n] = root
    np.add.accumulate(cum, axis=1, out=cum)
    for row, radius in ((7, 2), (8, 5), (9, 12)):
        sums = cum[:, 13 + radius : 13 + radius + n] - cum[:, 12 - radius : 12 - radius + n]
        np.divide(sums[0], sums[1], out=C[row])
    body = p > 0.5
    mass = np.where(body, p * words, 0.0)
    total = mass.sum() or 1.0
    before = C[10]
    np.divide(np.add.accumulate(mass) - mass, total, out=before)
    C[11] = 1.0 - before - mass / total
    lo, hi = heaviest_run(words, p, 0.5)
    C[12] = 0.0
    C[12, lo : hi + 1] = 1.0
    # Distance to the run, capped at 30 (d / 30.0 from a table; 1.0 from 30 on).
    C[13] = 1.0
    before_run = min(lo, 29)
    C[13, lo - before_run : lo] = _RUN_DISTANCE[before_run:0:-1]
    C[13, lo : hi + 1] = 0.0
    after_run = min(n - 1 - hi, 29)
    C[13, hi + 1 : hi + 1 + after_run] = _RUN_DISTANCE[1 : after_run + 1]
    np.divide(p, p.max(), out=C[14])
    C[16] = math.log1p(int(body.sum()))
    if out is None:
        return np.ascontiguousarray(C.T)
    out[...] = C.T
    return out


def heaviest_run(words: np.ndarray, scores: np.ndarray, pivot: float) -> tuple[int, int]:
    """Bounds (lo, hi), inclusive, of the contiguous run of blocks with the largest total gain
    (score - pivot) * sqrt(words); hi < lo when no block gains anything.

    A short interruption (a related-links box, a caption) costs the run little, so it can
    resume after it; a long stretch of furniture cannot be bridged.
    """
    gains = ((scores - pivot) * np.sqrt(words)).tolist()
    best, run, start, lo, hi = 0.0, 0.0, 0, 0, -1
    for i, gain in enumerate(gains):
        if run <= 0.0:
            run, start = gain, i
        else:
            run += gain
        if run > best:
            best, lo, hi = run, start, i
    return lo, hi


class LinearModel:
    """Logistic regression over FEATURE_NAMES (or the stacked FEATURE_NAMES + CONTEXT_NAMES), with
    the training standardisation folded in.

    One matrix-vector product per page: cheap enough to score every block of every page.
    """

    def __init__(self, spec: dict, names: tuple[str, ...] = FEATURE_NAMES) -> None:
        if tuple(spec["features"]) != names:
            raise ValueError("model was trained on a different feature set; retrain it")
        self.weights = np.array(spec["weights"], dtype=np.float64)
        self.bias = float(spec["bias"])

    def margin(self, X: np.ndarray) -> np.ndarray:
        """Log-odds of "body" per row."""
        return X @ self.weights + self.bias

    def predict(self, X: np.ndarray) -> np.ndarray:
        """Probability of "body" per row."""
        return 1.0 / (1.0 + np.exp(-self.margin(X)))
