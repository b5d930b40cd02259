"""Block features for text mode, and the linear model that scores them.

Text mode must run at well over 1000 pages/s in pure Python, so features are built column by
column: one cheap pass over the blocks for per-block measures (string methods, at most one
bounded regex call), then NumPy shifts and cumulative sums for everything that looks at
neighbours or at the page as a whole. Nothing here depends on the renderer's indentation
scale, bullet glyphs or line breaking, and every pattern is Unicode-aware, so the same model
serves lynx, w3m, inscriptis and html-text dumps in any language.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from typing import Protocol

import numpy as np

from wiretrace.extract import cues


class BlockLike(Protocol):
    text: str
    bullet: bool
    indent: int


# --- cue phrases -------------------------------------------------------------------------------
# Generic page furniture in a handful of languages, never strings of one site. A block gets
# the first category whose pattern matches its start; see _CUE_CODES for the order.

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|"
    r"janeiro|fevereiro|março|abril|maio|junho|julho|agosto|setembro|outubro|novembro|dezembro|"
    r"enero|febrero|marzo|mayo|junio|julio|septiembre|octubre|noviembre|diciembre|"
    r"janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|"
    r"januar|februar|märz|juni|juli|oktober|dezember|"
    r"gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|"
    r"января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)"
)
_DATE_NUMERIC = re.compile(
    r"\b\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\b|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b|\b\d{1,2}:\d{2}\b|"
    r"\d{4}年\d{1,2}月\d{1,2}日|\b\d+\s+(?:hours?|minutes?|mins?|days?|weeks?|months?|years?)\s+ago\b"
)
# Matched against lower-cased text: case-insensitive alternations are several times slower.
_DATE_MONTH = re.compile(rf"\b{_MONTH}\.?\s+\d{{1,2}}\b|\b\d{{1,2}}\.?\s+(?:de\s+)?{_MONTH}\b")


# First three letters of every month name in _MONTH (a cheap gate in front of _DATE_MONTH).
_MONTH_STEMS = frozenset(
    word[:3] for word in re.findall(r"[^\W\d_]{3,}", _MONTH.replace("(?:", " ").replace(")?", " "))
)
_MONTH_TRIM = ".,;:|()[]"


def is_dateline(text: str) -> bool:
    """Whether ``text`` states a date or a time ("Mar 19 2025", "8:03 PM", "2 hours ago")."""
    if _DATE_NUMERIC.search(text):
        return True
    low = text.lower()
    # The month alternation is slow; only run it where a word could be a month name.
    if not any(word.strip(_MONTH_TRIM)[:3] in _MONTH_STEMS for word in low.split()):
        return False
    return bool(_DATE_MONTH.search(low))


# Matched against lower-cased text (case-insensitive alternations are several times slower).
_CUES = re.compile(
    r"(?P<promo>(?:also read|read more|read also|must read|also watch|see also|related|watch|leia também|leia mais|veja também|lea también|lire aussi|à lire aussi|lesen sie auch|mehr zum thema|leggi anche|читайте также)\s*[:|\-–—]\s*\S)"
    r"|(?P<share>(?:connect with us|follow us|share|tweet|pin it|email|e-mail|print|copy link|whatsapp|facebook|twitter|linkedin|telegram|reddit|pinterest|compartilh\w*|compartir|partager|teilen|condividi|поделиться)\b)"
    r"|(?P<byline>(?:by|por|par|von|di|от|автор|written by|posted by|reporting by|edited by)\s+\S)"
    r"|(?P<tags>(?:tags?|topics?|tagged(?: with)?|keywords?|filed under|categor(?:y|ies)|related topics|marcadores|etiquetas|temas|schlagworte|теги|метки)\s*:)"
    r"|(?P<caption>(?:photo|image|picture|pictured|video|credit|illustration|file photo|foto|imagem|bild|фото)s?\s*(?:by\b|:|/|\|))"
    r"|(?P<advert>(?:advertisement|advertising|sponsored|promoted|paid content|partner content|story continues below|continue reading|anúncio|publicidad|publicité|anzeige|werbung|pubblicità|реклама)\b)"
    r"|(?P<newsletter>(?:sign up|subscribe|newsletter|get (?:our|the) \w+ newsletter|enter your email|inscreva-se|suscríbete|abonnez-vous|abonnieren|iscriviti|подпис\w+)\b)"
    r"|(?P<comment>(?:\[?\s*\d+\s+)?(?:comments?|responses?|replies|reply|reader comments|leave a (?:reply|comment)|join the (?:discussion|conversation)|post a comment|add a comment|show comments|view comments|log in to (?:comment|reply)|coment[aá]rios?|deixe (?:um|seu) coment\w+|commentaires?|kommentare?|commenti|комментари\w*|コメント)\b)"
    r"|(?P<related>(?:also read|read also|read more|more from|related|you may (?:also )?like|you might (?:also )?like|recommended|more stories|more news|top stories|trending|most read|most popular|latest news|latest stories|editor'?s picks|what to read next|further reading|more on this|don'?t miss|popular (?:now|posts|stories)|next story|previous story|next post|previous post|você pode gostar|veja também|leia também|mais lidas|te puede interesar|notas relacionadas|à lire aussi|das könnte sie auch interessieren|ti potrebbe interessare|articoli correlati|читайте также|похожие (?:статьи|записи)|関連記事)\b)"
    r"|(?P<footer>(?:first published|published|last updated|updated|posted|publicado|atualizado|publié|veröffentlicht|aktualisiert|pubblicato|опубликовано)\b)"
    r"|(?P<legal>(?:privacy|cookie|terms (?:of|and) (?:use|service)|all rights reserved|copyright|©|\(c\)))",
)
_CUE_NAMES = ("promo", "share", "byline", "tags", "caption", "advert", "newsletter", "comment", "related", "footer", "legal")
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
    articoli похожие first published last updated publicado atualizado publié veröffentlicht
    aktualisiert pubblicato опубликовано privacy cookie cookies terms all copyright © (c)""".split()
)
_FIRST_TRIM = ":|-–—[(\"'“‘«»"




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
)
N_FEATURES = len(FEATURE_NAMES)


_CUE_RANGE = np.arange(1, len(_CUE_NAMES) + 1)
# Columns of a 7-wide window centred on a block: prev1, prev2, prev3, next1, next2, next3.
_NEIGHBOUR_TAPS = [2, 1, 0, 4, 5, 6]
# Cue codes that mark the end of an article: tags, share buttons, related lists, comments.
_END_CUE = np.zeros(len(_CUE_NAMES) + 1, dtype=bool)
_END_CUE[[_CUE_CODE[name] for name in ("tags", "share", "related", "comment")]] = True


def _gap_to_previous(flags: np.ndarray, cap: int = 20) -> np.ndarray:
    """Per block, how many blocks back the previous flagged one is (capped)."""
    idx = np.arange(len(flags))
    latest = np.maximum.accumulate(np.where(flags, idx, -cap))
    before = np.empty_like(latest)
    before[0] = -cap
    before[1:] = latest[:-1]
    return np.minimum(idx - before, cap)




def _any_of(codes: np.ndarray, chars: str) -> np.ndarray:
    """codes == any of chars (np.isin sorts; a few comparisons are much cheaper)."""
    out = codes == ord(chars[0])
    for ch in chars[1:]:
        out |= codes == ord(ch)
    return out


# Keywords found anywhere in a block, by column of the measure matrix. Searched with str.find
# over the whole lower-cased page: hits are rare, so this is far cheaper than a per-block test.
_KEYWORDS = (
    (10, ("http", "www.", ".com")),
    (11, (" | ", " • ", " · ", " / ")),
    (12, ("cookie", "privacy polic", "consent")),
    (13, ("subscri", "sign up", "sign in", "log in", "login", "register")),
    (16, ("©", "copyright", "rights reserved", "syndicated feed", "views expressed", "not be published")),
)


# Character classes of the Basic Multilingual Plane, one bit each, so that a single table
# lookup and one `reduceat` count everything per block. Bit order follows np.unpackbits
# (most significant first): column k of the unpacked matrix is bit 7 - k.
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


def _measure(texts: list[str]) -> np.ndarray:
    """Per-block measures, shape (n, 18): words, chars, ends sentence, ends with colon, sentence
    breaks, commas, share of capitalised words, share of digits, CJK, cue code, urlish,
    separators, cookie, subscribe, dateline, reading time, disclaimer, no letters.

    Counting runs on the page's code points with NumPy, all blocks at once (a block's span is
    delimited by the "\n" joining them); Python touches each block only for the cheap
    first-word gate in front of the cue patterns.
    """
    n = len(texts)
    page = "\n".join(texts)
    codes = np.frombuffer(page.encode("utf-32-le"), dtype=np.uint32)
    lengths = np.fromiter(map(len, texts), dtype=np.int64, count=n)
    starts = np.zeros(n, dtype=np.int64)
    np.cumsum(lengths[:-1] + 1, out=starts[1:])
    stops = starts + lengths

    cls = _CLASSES[np.minimum(codes, 0xFFFF)]
    # Capitals count only at the start of a word, sentence punctuation only before a space.
    space = (cls & _SPACE) != 0
    word_start = np.empty(len(cls), dtype=bool)
    word_start[0] = True
    word_start[1:] = space[:-1] | (codes[:-1] == 10)
    before_space = np.zeros(len(cls), dtype=bool)
    before_space[:-1] = space[1:]
    cls &= np.where(word_start, 0xFF, 0xFF ^ _UPPER).astype(np.uint8)
    cls &= np.where(before_space, 0xFF, 0xFF ^ _BREAK).astype(np.uint8)
    counts = np.add.reduceat(np.unpackbits(cls[:, None], axis=1), starts, axis=0, dtype=np.int64)
    spaces, uppers, letters, digits, commas, breaks, wide, stops_ = counts.T

    M = np.zeros((n, 18), dtype=np.float64)
    words = spaces + 1.0 + wide // 2
    M[:, 0] = words
    M[:, 1] = lengths
    last = codes[stops - 1]
    quoted = _any_of(last, "\"'”’»)]") & (lengths > 1)
    last = np.where(quoted, codes[np.maximum(stops - 2, 0)], last)
    ends = _any_of(last, ".!?。！？…")
    M[:, 2] = ends
    M[:, 3] = (last == 58) | (last == 0xFF1A)
    M[:, 4] = breaks + stops_ + ends
    M[:, 5] = commas
    M[:, 6] = uppers / words
    M[:, 7] = digits / lengths
    M[:, 8] = wide > 0
    M[:, 17] = (letters == 0) & (wide == 0)

    # Cue phrases open a block; only blocks whose first word could start one are matched.
    firsts = " ".join([t.partition(" ")[0] for t in texts]).lower().split(" ")
    gate = [f.strip(_FIRST_TRIM) in _CUE_FIRST or f[:1].isdigit() for f in firsts]
    for i in np.flatnonzero(np.array(gate) | (wide > 0)).tolist():
        match = _CUES.match(texts[i].lower())
        if match:
            M[i, 9] = _CUE_CODE[match.lastgroup]

    low = page.lower()
    for column, keywords in _KEYWORDS:
        hits = []
        haystack = page if column == 11 else low
        for keyword in keywords:
            at = haystack.find(keyword)
            while at >= 0:
                hits.append(at)
                at = haystack.find(keyword, at + 1)
        if hits:
            M[np.searchsorted(starts, np.array(hits), side="right") - 1, column] = 1.0

    # Dates and reading times sit in short lines with digits; few blocks qualify.
    for i in np.flatnonzero((words <= 16) & (M[:, 7] > 0)).tolist():
        text = texts[i]
        if is_dateline(text):
            M[i, 14] = 1.0
        if "min" in text.lower() and cues.READING_TIME_STRICT.search(text):
            M[i, 15] = 1.0
    return M


def block_features(blocks: Sequence[BlockLike]) -> np.ndarray:
    """The feature matrix of one page, shape (len(blocks), N_FEATURES), columns FEATURE_NAMES."""
    n = len(blocks)
    if n == 0:
        return np.zeros((0, N_FEATURES), dtype=np.float64)
    texts = [b.text for b in blocks]
    M = _measure(texts)
    counts = Counter(texts)
    w = M[:, 0]
    lw = np.log1p(w)
    end = M[:, 2]
    bullet = np.array([b.bullet for b in blocks], dtype=np.float64)
    code = M[:, 9]
    long_ = (w >= _LONG_WORDS) & (end > 0)
    longf = long_.astype(np.float64)

    X = np.empty((n, N_FEATURES), dtype=np.float64)
    c = 0

    def put(column) -> None:
        nonlocal c
        X[:, c] = column
        c += 1

    put(lw)
    put(np.log1p(M[:, 1]))
    put(end)
    put(M[:, 3])
    put(M[:, 4] / w * 10.0)
    put(M[:, 5] / w * 10.0)
    put(M[:, 6])
    put(M[:, 7])
    put(bullet)
    put(M[:, 8])
    put([counts[t] > 1 for t in texts])
    X[:, c : c + 7] = M[:, 10:17]
    c += 7
    X[:, c : c + len(_CUE_NAMES)] = code[:, None] == _CUE_RANGE
    c += len(_CUE_NAMES)

    # Neighbours through one zero-padded copy each, rather than a shifted copy per column.
    padded = np.zeros(n + 6)
    padded[3 : 3 + n] = lw
    X[:, c : c + 6] = np.lib.stride_tricks.sliding_window_view(padded, 7)[:, _NEIGHBOUR_TAPS]
    c += 6
    around = np.zeros((n + 2, 3))
    around[1 : 1 + n, 0] = end
    around[1 : 1 + n, 1] = longf
    around[1 : 1 + n, 2] = bullet
    X[:, c : c + 6 : 2] = around[:n]
    X[:, c + 1 : c + 6 : 2] = around[2:]
    c += 6
    # Sliding sums over +-5 blocks from one cumulative sum.
    lo = np.maximum(np.arange(n) - 5, 0)
    hi = np.minimum(np.arange(n) + 6, n)
    cum_long = np.concatenate(([0.0], np.cumsum(longf)))
    cum_words = np.concatenate(([0.0], np.cumsum(w)))
    put((cum_long[hi] - cum_long[lo]) / (hi - lo))
    put(np.log1p(cum_words[hi] - cum_words[lo]))
    put(_gap_to_previous(long_))
    put(_gap_to_previous(long_[::-1])[::-1])
    flags = long_.tolist()

    put(np.arange(n) / max(n - 1, 1))
    put(w / w.max())
    long_words = w * longf
    total = long_words.sum() or 1.0
    before = (np.cumsum(long_words) - long_words) / total
    put(before)
    put(1.0 - before - long_words / total)
    longest = int(np.argmax(w))
    if flags.count(True):
        first = flags.index(True)
        last = n - 1 - flags[::-1].index(True)
    else:
        first = last = longest
    idx = np.arange(n)
    put((idx >= first) & (idx <= last))
    put(np.minimum(np.abs(idx - longest), 60) / 60.0)
    # The indent that carries most long text is the body's, whatever the renderer's scale.
    indents = np.array([b.indent for b in blocks])
    clipped = np.minimum(indents, 200)
    weight = np.bincount(clipped, weights=long_words if total > 1.0 else w)
    dominant = int(np.argmax(weight))
    put(clipped == dominant)
    put(clipped > dominant)
    put(clipped < dominant)
    # Once a comments heading or a run of end-of-article furniture has been seen, what follows
    # is rarely the article any more.
    comment_cue = (code == _CUE_CODE["comment"]) & (w <= 6)
    put(np.minimum(np.cumsum(comment_cue) - comment_cue, 1))
    end_cue = _END_CUE[code.astype(np.intp)] & (w <= 8) & (before > 0.3)
    put(np.minimum(np.cumsum(end_cue) - end_cue, 3) / 3.0)
    put(math.log1p(n))

    tiny = w <= 3
    window_long = X[:, FEATURE_NAMES.index("window_long")]
    put(M[:, 17])
    put(tiny)
    put(w <= 8)
    put(longf)
    put(tiny * window_long)
    put(tiny * X[:, FEATURE_NAMES.index("inside_long_span")])
    put(longf * X[:, FEATURE_NAMES.index("after_comment_cue")])
    put(bullet * window_long)
    # A short unpunctuated line right before the first paragraph of a stretch of text is the
    # headline (or a dek); a sub-heading has a paragraph on both sides.
    prev_long = X[:, FEATURE_NAMES.index("prev1_long")]
    put((w <= 15) & (end == 0) & (X[:, FEATURE_NAMES.index("next1_long")] > 0) & (prev_long == 0))
    assert c == N_FEATURES
    return X


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
    """Logistic regression over FEATURE_NAMES, with the training standardisation folded in.

    One matrix-vector product per page: cheap enough to score every block of every page.
    """

    def __init__(self, spec: dict) -> None:
        if tuple(spec["features"]) != FEATURE_NAMES:
            raise ValueError("model was trained on a different feature set; retrain it")
        self.weights = np.array(spec["weights"], dtype=np.float64)
        self.bias = float(spec["bias"])

    def margin(self, X: np.ndarray) -> np.ndarray:
        """Log-odds of "body" per row."""
        return X @ self.weights + self.bias

    def predict(self, X: np.ndarray) -> np.ndarray:
        """Probability of "body" per row."""
        return 1.0 / (1.0 + np.exp(-self.margin(X)))


def cue_name(text: str) -> str | None:
    """The furniture category whose cue phrase opens ``text`` ("share", "related", ...), if any."""
    match = _CUES.match(text.lower())
    return match.lastgroup if match else None
