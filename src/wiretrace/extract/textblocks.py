"""Text mode, part one: segment a plain-text page dump into blocks and classify each block.

A dump is visible text only, one block per line, from some HTML-to-text renderer. Renderers
differ (indentation, list bullets, hard line wrapping, lynx's link numbers, w3m's image names,
Markdown markup with or without its links, images and tables), so :func:`segment` normalises
those away before :func:`classify` looks at a block.

:func:`classify` scores every block in two passes (features in
:mod:`wiretrace.extract.textfeatures`, weights in ``models/textblocks.json``, trained by
:mod:`wiretrace.extract.train_textblocks`): a logistic regression over the block's own features
and its neighbourhood, then a second one that also sees the first pass's scores of the blocks
around it (stacking); the two vote. It then decodes the page as a whole: the article is the
heaviest contiguous run of likely-body blocks, which may be interrupted (a related-links box, a
caption) and resume, and anything outside that run needs a much higher score to count. A page
where no block is confidently body is judged relative to its best blocks instead. Last, what
the page states outright settles it: a comments thread after the article is never the article
however heavy, furniture that names itself leaves the body (:func:`drop_furniture`), a list
that a body paragraph introduces with a colon joins it (:func:`take_introduced_lists`), and the
publisher's calls to action that close it leave it (:func:`drop_closing_calls`).
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache, partial
from importlib import resources
from itertools import accumulate, chain, compress, count, islice
from operator import attrgetter, itemgetter, not_

import numpy as np

from wiretrace.extract import cues
from wiretrace.extract.dates import MONTH_NAME, labelled_dates, parse_date
from wiretrace.extract.settings import TEMPLATE_MIN_PAGES, TEMPLATE_SAMPLE_PAGES
from wiretrace.extract.textfeatures import (
    CONTEXT_NAMES,
    FEATURE_NAMES,
    LinearModel,
    PageText,
    block_features,
    context_features,
    heaviest_run,
    is_dateline,
    opens_with_cue,
    page_features,
)

# --- segmentation --------------------------------------------------------------------------------

# List markers of the common renderers: inscriptis "* ", lynx "* + o # @", w3m "• □ ☆ ○ ◦ ■",
# markdown-ish "- ", numbered items ("3." / "3)"). The lone letter "o" is lynx's third-level
# marker and only counts as one where the dump has lynx-style lists.
_BULLET = re.compile(r"(?:[*+\-•·▪◦‣–—□■☐☆★○●◆◇►▸▹▶‧∙⁃>#@]|\d{1,3}[.)])(?:\s+|$)")
_BULLET_START = frozenset("*+-•·▪◦‣–—□■☐☆★○●◆◇►▸▹▶‧∙⁃>#@0123456789")
_LETTER_O = re.compile(r"o\s+")
# What a line's first character may open (one look-up per line in segment's loop): a marker of
# one character, a number ("3." or "3)"), or lynx's "o".
_MARKER, _NUMBER, _LYNX_O = "marker", "number", "lynx o"
_LINE_OPENERS = {c: _NUMBER if c.isdigit() else _MARKER for c in _BULLET_START} | {"o": _LYNX_O}
# Markers that never continue a wrapped line of prose (dashes and digits do: "— he said", "2019").
_STRONG_BULLET = frozenset("*+•·▪◦‣□■☐☆★○●◆◇►▸▹▶‧∙⁃")
_DASHES = frozenset("-–—")
_CJK_CHAR = re.compile(r"[\u3000-\u30ff\u3400-\u9fff\uac00-\ud7af\uff00-\uffef]")
_WIDE = re.compile(
    r"[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3"
    r"\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]"
)
# The high byte of every character _WIDE takes (its code point's upper 8 bits) is one of these;
# the typographic quotes and dashes of Latin text (U+2000-U+206F) have none of them.
_WIDE_HIGH_BYTES = bytes([0x11, *range(0x2E, 0xA5), *range(0xAC, 0xD8), 0xF9, 0xFA, 0xFE, 0xFF])
_OTHER_HIGH_BYTES = bytes(sorted(set(range(256)) - set(_WIDE_HIGH_BYTES)))


def _has_wide(content: str) -> bool:
    """Whether ``_WIDE`` matches anywhere in ``content``.

    The regex engine takes as long to find no wide character as to test each one, while bytes
    methods in C find the high bytes of the characters (the even bytes of UTF-16) and drop those
    no wide character has many times faster: the regex runs only where some are left."""
    if content.isascii():
        return False
    high = content.encode("utf-16-be", "surrogatepass")[::2]
    return bool(high.translate(None, _OTHER_HIGH_BYTES)) and _WIDE.search(content) is not None
# (A number in brackets right before a parenthesis is a Markdown link's text, "([10](https://...))",
# a citation the reader sees: lynx and elinks draw the link's text after its number.)
_LINK_REFERENCE = re.compile(r"\[\d{1,4}\](?!\()")
# A line of nothing but replacement characters: what a renderer draws for characters it cannot
# show (elinks prints each byte of a zero-width space as a U+FFFD, centred where a spacer
# paragraph was). It shows none of the page's text, and left in it is a block scoring like its
# neighbours, which cuts the body into pieces. It becomes a blank line (which ends a paragraph
# as it did); a U+FFFD inside text stays.
_UNDECODED_LINE = re.compile(r"^[ \t\xa0]*\ufffd[ \t\xa0\ufffd]*$", re.MULTILINE)
# A horizontal rule drawn in box-drawing characters (w3m's "━━━", elinks' "═══"; w3m may cut the
# last character in half, leaving a U+FFFD): it shows no text of the page, and left in a
# hard-wrapped dump it is as long as the wrap width, so it is joined to the line after it as if
# it were wrapped prose ("━━━━ More Great Stories"), hiding a heading from every cue. It becomes
# a blank line: the break between the parts it separates.
_BOX_RULE = re.compile(r"^[ \t\xa0]*[━─═]{3,}[ \t\xa0\ufffd]*$", re.MULTILINE)
# The heading of the link list lynx and elinks append, and what follows it: the numbered URLs.
_REFERENCES = "\nReferences\n"
_LINK_LIST = re.compile(r"\s*(?:(?:Visible|Hidden) links:?\s*)?1\. \S+\n")
# What terminal renderers draw for markup that shows no text of the page: the file name of an
# image without alt text ("[photo.jpg?w=640&amp;h=480]", a tracking pixel "[tr?id=1&amp;ev=x]"),
# <ins>/<del> brackets ("[INS: ... :INS]"), and lynx's "IFRAME: <url>" line (the URL perhaps
# wrapped over the next lines, which have no spaces). Left in, they glue file names into
# paragraphs and cut a paragraph off from the next one. File names go after lines are joined
# (a hard wrap may split one, and the line it opened still counts its width; the join leaves a
# space where the wrap was), the others before. (Taking lines out shifts later line numbers,
# which only order the blocks.)
# So is "[IMG]", which elinks and links draw for a picture without alt text (glued to the text
# around it: "[IMG][IMG]One possible explanation ...").
_IMAGE_FILE = re.compile(r"\[(?:IMG|[^\s\[\]]*(?:\.(?:jpe?g|png|gif|svg|webp|bmp)\b|&amp;)[^\[\]]{0,300})\] ?")
# ... and a line that is nothing but one bracketed word: the stem of an image file name that
# w3m and lynx cut short ("[blank_1x1]", "[lazyload-p]"), or a scrap of a data: URI ("[wAAACH5BAE]");
# or empty brackets, a picture without alt text ("[]", as w3m and pandoc draw one).
_BARE_IMAGE = re.compile(r"\[[^\s\[\]]{0,60}\]")
# ... or a longer such scrap (a lazy-loaded picture's encoded name) that a wrap split: each
# piece a long run with no space, as no words are.
_WRAPPED_SCRAP = re.compile(r"\[[^\s\[\]]{30,}(?: [^\s\[\]]{30,})+\]")
# (Each alternative opens with a character of its own, the optional space of " :INS]" spelled out:
# the regex engine then skips to the next "[", " " or ":" instead of trying every position.)
_INS_DEL = re.compile(r"\[(?:INS|DEL): ?| :(?:INS|DEL)\]|:(?:INS|DEL)\]")
_IFRAME = re.compile(r"^[ \t]*IFRAME:[^\n]*(?:\n[ \t]*[^\s]+[ \t]*$)*", re.MULTILINE)
# Whether a dump holds any of the two (looked for by patterns: see segment).
_INS_DEL_MARK = re.compile(r"\[(?:INS|DEL):")
_IFRAME_MARK = re.compile(r"IFRAME:")


def _drop_lines(content: str, pattern: re.Pattern, marker: str) -> str:
    """``pattern.sub("", content)`` for a MULTILINE pattern each match of which starts at the start of
    a line that holds ``marker``: the pattern is tried only there. (str.find finds a marker many
    times faster than the regex engine tries a pattern anchored at "^" at every position.)"""
    pieces = []
    done = 0  # where the text not yet copied starts (the end of the last match)
    at = content.find(marker)
    while at >= 0:
        start = content.rfind("\n", 0, at) + 1
        if start >= done and (match := pattern.match(content, start)):
            pieces.append(content[done:start])
            done = match.end()
        end = content.find("\n", at)  # (a line is tried once however many markers it holds)
        if end < 0:
            break
        at = content.find(marker, max(end, done))
    pieces.append(content[done:])
    return "".join(pieces)
# Markdown-writing renderers (html2text, markdownify) mark headings, quotes and emphasis and
# escape punctuation: "## Sub-heading", "**Account:** name", "_italic_", "2\\. Take inventory". None of
# it is visible text, and left in it hides a sentence's final full stop from the features.
# (A heading may sit in a list item: "  * #### Teaser headline".)
_MD_HEADING = re.compile(r"^([ \t]*(?:[*+-][ \t]+)?)#{1,6}[ \t]+", re.MULTILINE)
# Bold ("**", "__", not a blank's "___"), then italics: the two nest ("_**Title**_").
_MD_BOLD = re.compile(r"\*\*|(?<!_)__(?!_)")
# (Every match of these opens with "_": the look-ahead "(?=_)" says so to the regex engine, which
# then skips to the next "_" instead of trying the look-behinds at every position.)
_MD_ITALIC = re.compile(r"(?=_)(?<![\w_\\])_(?=[^_\s])([^_\n]*?[^_\s\\])_(?![\w_])")
# What is left of italics that span lines, or nest ("___Out There__ _"): underscores glued to
# one side of a word only ("_Her book ... on Twitter_"). One inside a word (snake_case) or a
# blank ("___") stays, and so does one the writer escaped ("@Site\\_News", a rule "\\_\\_\\_"): it is text,
# which _MD_ESCAPE unescapes after.
_MD_STRAY_UNDERSCORE = re.compile(r"(?=_)(?:(?<![\w\\])_{1,3}(?=[^\s_])|(?<=[^\s_\\])_{1,3}(?!\w))")
# A blockquote's "> " opens each of its lines, wrapped continuations included.
_MD_QUOTE = re.compile(r"^([ \t]*)(?:>[ \t]?)+", re.MULTILINE)
_MD_ESCAPE = re.compile(r"\\([-.*_#+!\[\]()`>|])")  # ("\\|" too, once tables are read: "Reuters \\| Thu, 14 Apr 2016")
# Links and images: "[text](url "title")" shows its text, "![alt](src)" nothing. A renderer that
# wraps lines wraps inside targets too ("...2019/11/19/michigan-to-mail-\nredistricting-..."), so a
# target may span lines (a break always falls between two of its characters); the link text may
# as well. Every repetition is bounded or possessive: no input can make these backtrack for long.
_MD_TARGET = (r"\(\s*+<?(?P<target>(?:[^\s()<>\"]|\([^\s()]*\)|\n[ \t]*+(?=[^\s()<>\"]))*+)>?"
              r"(?:\s{1,40}+\"[^\"]{0,2000}+\")?+\s{0,40}+\)")
# (An alt text may hold brackets of its own: "![... 2001 [File: Reuters]](src)".)
_MD_IMAGE = re.compile(r"!\[(?P<alt>(?:[^\[\]]{1,2000}+|\[[^\[\]]{0,200}+\]){0,20}+)\]" + _MD_TARGET)
# (Link text may hold brackets of its own: "[Lottery winner's first purchase [REVEAL]](/news/...)".)
_MD_LINK = re.compile(r"\[((?:[^\[\]]{1,2000}+|\[[^\[\]]{0,200}+\]){0,20}+)\]" + _MD_TARGET)
# Tables: a rule under the header row ("|---|:---:|", "---|---") shows nothing, and a row drawn
# with outer pipes ("| DL | Myles Garrett | 57 |") shows its cells; a blank line after each row
# keeps rows apart where a blank line ends a paragraph.
_MD_TABLE_RULE = re.compile(r"^[ \t]*\|?(?:[ \t]*:?-{3,}:?[ \t]*\|)+(?:[ \t]*:?-{3,}:?[ \t]*)?[ \t]*$\n?",
                            re.MULTILINE)
_MD_TABLE_ROW = re.compile(r"^[ \t]*\|(.*\|.*)\|[ \t]*$", re.MULTILINE)


def _table_row(match: re.Match) -> str:
    return " ".join(cell.strip() for cell in match[1].split("|") if cell.strip()) + "\n"


# A grid table (pandoc's plain text, and Markdown's): rows between border lines ("+-----+----+",
# "+=====+" under the header), each row one or more lines of cells set between "|"s at the
# border's "+" columns, a cell's text wrapped over the row's lines. It shows its cells' text, a
# row at a time: each row becomes a line of its own, its cells' words in reading order.
_GRID_BORDER_LINE = r"[ \t]*\+(?:[-=:]{2,}\+)+[ \t]*"
_GRID_BORDER = re.compile(rf"^{_GRID_BORDER_LINE}$", re.MULTILINE)
_GRID_TABLE = re.compile(rf"^{_GRID_BORDER_LINE}\n(?:[ \t]*[|+].*[|+][ \t]*(?:\n|$))+", re.MULTILINE)
# (A border's corner and rule, looked for first: two characters are found faster by a pattern,
# which skips to the first, than by "in".)
_GRID_MARK = re.compile(r"\+[-=:]{2}")


def _grid_rows(match: re.Match, rows: list[str]) -> str:
    """A grid table's text, a row a line (each also appended to ``rows``)."""
    lines = match[0].rstrip("\n").split("\n")
    border = lines[0]
    # Cells lie between the border's "+" columns.
    edges = [at for at, char in enumerate(border) if char == "+"]
    first = len(rows)
    cells: list[list[str]] = [[] for _ in edges[1:]]
    for line in lines[1:]:
        if _GRID_BORDER.match(line):
            text = " ".join(" ".join(parts) for parts in cells if parts)
            if text:
                rows.append(text)
            cells = [[] for _ in edges[1:]]
            continue
        for k, (left, right) in enumerate(zip(edges, edges[1:])):
            piece = line[left + 1 : right].strip()
            if piece:
                cells[k].append(piece)
    text = " ".join(" ".join(parts) for parts in cells if parts)
    if text:  # (a table the dump cut off before its last border)
        rows.append(text)
    return "".join(f"{row}\n\n" for row in rows[first:])


# A simple table (pandoc's plain text): a rule of dash groups, one per column, under the header
# ("  ----- ------------ -----"), then the rows, a line each, cells set apart by spaces, down to
# a blank line. Rows are as wide as the table, wider than the lines the renderer wraps: each
# becomes a block of its own and, like a grid table's, says nothing of where lines break.
_SIMPLE_TABLE = re.compile(r"^[ \t]*-{2,}(?:[ \t]+-{2,})+[ \t]*\n((?:[ \t]*\S[^\n]*(?:\n|$))+)", re.MULTILINE)
_SIMPLE_RULE_MARK = re.compile(r"-- +--")
_DASHES_ONLY = re.compile(r"[-\s]+")


def _simple_rows(match: re.Match, rows: list[str]) -> str:
    """A simple table's rows, a line each with its cells' words (each also appended to ``rows``)."""
    first = len(rows)
    for line in match[1].split("\n"):
        text = " ".join(line.split())
        if text and not _DASHES_ONLY.fullmatch(text):
            rows.append(text)
    return "".join(f"{row}\n\n" for row in rows[first:])


# Whether a dump may be Markdown at all (a cheap superset of what _strip_markdown counts): a link
# ("](") or bold ("**") anywhere. (Patterns, not "in": the regex engine skips to a fixed first
# character faster than "in" finds two.)
_MD_LINK_MARK = re.compile(r"\]\(")
_MD_BOLD_MARK = re.compile(r"\*\*")
# ... or a heading: "##" (a lone "#" also opens lynx's fourth-level list items, and a URL's fragment).
_MD_HEADING_MARK = re.compile(r"##")

# A match's first group, as the replacement r"\1" gives it: Python 3.11 expands such a template
# in Python code once per match (a dump with links has hundreds), itemgetter in C. (Each pattern
# it serves always sets its group 1.)
_GROUP_1 = itemgetter(1)

#: A dump is Markdown with links from this many "](" on (prose rarely has one).
_MD_MIN_LINKS = 5

# A top-level heading flush left, "# Headline": html2text and markdownify draw a page's <h1> so.
_MD_TITLE = re.compile(r"^#[ \t]+(\S[^\n]*)", re.MULTILINE)
# Any heading flush left, "## Sub-heading": what a Markdown writer draws and a renderer that only
# spells out links ("[text](url)", as inscriptis may) does not.
_MD_ANY_HEADING = re.compile(r"^#{1,6}[ \t]+\S", re.MULTILINE)


def markdown_title(content: str) -> str | None:
    """The text of a Markdown dump's one top-level heading (its first line, where the renderer
    wrapped it), markup removed: the page's <h1>, which names the story more often than any other
    line does. None where the dump has none or several, or shows no other Markdown."""
    # (One character first: most dumps have none, and a search for "\n# " costs half as much as
    # lower-casing the dump, its line breaks and spaces being everywhere.)
    if "#" not in content or not (content.startswith("# ") or "\n# " in content):
        return None
    if not (_MD_LINK_MARK.search(content) or _MD_HEADING_MARK.search(content) or _MD_BOLD_MARK.search(content)):
        return None
    titles = _MD_TITLE.findall(content)
    if len(titles) != 1:
        return None
    title = _MD_LINK.sub(_GROUP_1, _MD_IMAGE.sub("", titles[0])).replace("**", "").rstrip("# \t")
    title = " ".join(_MD_ESCAPE.sub(_GROUP_1, title).split())
    return title if any(c.isalpha() for c in title) else None


def markdown_targets(content: str) -> tuple[dict[str, str], dict[str, str]]:
    """A Markdown dump's link targets by their text and its pictures' sources by their alt text
    (both as the dump shows them once its markup is out: one space between words), first of each."""
    def shown(text: str) -> str:
        return " ".join(_MD_ESCAPE.sub(_GROUP_1, text).replace("**", "").split())

    def target(match: re.Match) -> str:
        return "".join(match.group("target").split())  # (a wrapped target's line breaks are no part of it)

    links: dict[str, str] = {}
    images: dict[str, str] = {}
    for match in _MD_IMAGE.finditer(content):
        images.setdefault(shown(match.group("alt")), target(match))
    for match in _MD_LINK.finditer(_MD_IMAGE.sub("", content)):
        links.setdefault(shown(match.group(1)), target(match))
    return links, images


# lynx's and elinks' numbered links: "[18]Headline" in the text, "  18. https://..." under "References".
_REFERENCES_HEADING = re.compile(r"^References\s*$", re.MULTILINE)
_REFERENCE = re.compile(r"^[ \t]*(\d{1,5})\.[ \t]+(\S+)[ \t]*$", re.MULTILINE)
_NUMBERED_LINK_LINE = re.compile(r"^[ \t]*(?:[*+o•#-][ \t]+)?\[(\d{1,5})\]([^\[\n]+?)[ \t]*$", re.MULTILINE)


def reference_targets(content: str) -> dict[str, str]:
    """A lynx or elinks dump's links by their text, where a line is one link alone ("[18]Headline")
    and the references under the text give its number's target."""
    heading = None
    for heading in _REFERENCES_HEADING.finditer(content):
        pass  # (the last such heading: the page may say "References" itself)
    if heading is None:
        return {}
    targets = dict(_REFERENCE.findall(content, heading.end()))
    links: dict[str, str] = {}
    for number, text in _NUMBERED_LINK_LINE.findall(content, 0, heading.start()):
        if number in targets:
            links.setdefault(" ".join(text.split()), targets[number])
    return links


def _strip_markdown(content: str) -> str:
    """Remove Markdown markup from a dump that shows it (several headings, bold runs or links):
    what a reader of the page would not see (link targets, images, table rules, emphasis marks)."""
    # (A lone "#" also opens lynx's fourth-level list items, so only "##" and deeper count.)
    headings = content.startswith("##") + content.count("\n##", 0, 50_000)
    links = content.count("](", 0, 50_000)
    if headings < 3 and content.count("**", 0, 50_000) < 6 and links < _MD_MIN_LINKS:
        return content
    if links:
        content = _MD_LINK.sub(_GROUP_1, _MD_IMAGE.sub("", content))
    # Each pattern below runs only where a character every match of it holds occurs: on a
    # 20 KB dump each costs a tenth of a millisecond or more, and most dumps lack the character.
    if "|" in content:
        if "---" in content:
            content = _MD_TABLE_RULE.sub("", content)
        content = _MD_TABLE_ROW.sub(_table_row, content)
    if "#" in content:
        content = _MD_HEADING.sub(_GROUP_1, content)
    if ">" in content:
        content = _MD_QUOTE.sub(_GROUP_1, content)
    # Without "__" only the "**" of _MD_BOLD can match, and str.replace takes those out as it would.
    content = _MD_BOLD.sub("", content) if "__" in content else content.replace("**", "")
    if "_" in content:
        content = _MD_STRAY_UNDERSCORE.sub("", _MD_ITALIC.sub(_GROUP_1, content))
    return _MD_ESCAPE.sub(_GROUP_1, content) if "\\" in content else content


# Cheap gate in front of cues.split_inline_promo, which is slow on long paragraphs: the last word
# of a promo's lead ("ALSO READ", "Leia também") and its separator, which every promo holds.
_PROMO_HINT_WORDS = sorted({lead.split()[-1] for lead in cues.INLINE_PROMO_LEADS})
_PROMO_HINT = re.compile(rf"{cues.opening_lookahead(_PROMO_HINT_WORDS)}(?:{'|'.join(_PROMO_HINT_WORDS)})\s*[:|\-–—]")
# ... and to look through a whole dump, the leads themselves (their words perhaps wrapped onto two
# lines) with their separator, a pattern per initial: the regex engine skips fast to a pattern's
# fixed first character, but tries an alternation at nearly every position, and an initial in
# lower case (a last word's) is met at most positions of a dump.
_PROMO_LEAD_SEARCHES = tuple(
    (initial, re.compile(re.escape(initial) + "(?:" + "|".join(r"\s+".join(map(re.escape, lead[1:].split(" ")))
                                                               for lead in cues.INLINE_PROMO_LEADS if lead[0] == initial)
                         + r")\s*[:|\-–—]"))
    for initial in cues.INLINE_PROMO_INITIALS)


def _has_promo_cue(content: str) -> bool:
    """Whether a promo's lead and separator (cues.INLINE_PROMO's) stand anywhere in ``content``."""
    # (An initial beyond ASCII, most dumps lack: one "in" finds that out faster than the search.)
    return any(search.search(content) for initial, search in _PROMO_LEAD_SEARCHES
               if initial.isascii() or initial in content)


# A list item as lynx draws it: "   * " at the first level, "     * " at the second. (The marker
# goes first, the line break and the indent are looked behind it: the regex engine skips fast to
# a pattern's fixed first characters, and an indented line opens nearly every line of a dump.)
_LYNX_ITEM = re.compile(r"\* (?:(?<=\n   \* )|(?<=\n     \* ))")


def _has_lynx_lists(content: str) -> bool:
    """Whether the dump has lynx-style lists, where a lone "o" marks a list item."""
    return _LYNX_ITEM.search(content) is not None


@dataclass(slots=True)
class Block:
    #: The block's text with renderer indentation and bullets removed.
    text: str
    #: Index of the block's first line in the dump.
    line: int
    #: True when the renderer drew it as a list item.
    bullet: bool = False
    #: Leading spaces of its first line.
    indent: int = 0


# A run of wide characters. (The first is spelled out, not "+": then the regex engine skips to
# the next wide character as fast as for _WIDE.)
_WIDE_RUN = re.compile(_WIDE.pattern + _WIDE.pattern + "*")


def _columns(text: str) -> int:
    """Display width: East Asian wide characters take two terminal columns."""
    # (Counted by the run: a line of CJK text is a few runs, but a findall of _WIDE a string per
    # character.)
    return len(text) if text.isascii() else len(text) + len("".join(_WIDE_RUN.findall(text)))


def wrap_width(widths: Iterable[int]) -> int:
    """The column a hard-wrapping renderer broke lines at, or 0 when the dump is not wrapped.

    ``widths`` are the display widths of the non-blank lines. Wrapped dumps (lynx, w3m, fold)
    pile lines up just below a hard ceiling and almost none go past it; unwrapped dumps have a
    thin long tail instead. Scan down from column 160 for the first 10-column band holding
    enough lines, then require few lines beyond it.
    """
    hist = [0] * 161
    beyond = 0
    n = 0
    for x in widths:
        n += 1
        if x > 160:
            beyond += 1
        else:
            hist[x] += 1
    if n < 6:
        return 0
    need = max(3, n // 50)
    band = sum(hist[151:161])
    for top in range(160, 23, -1):
        if band >= need:
            # The ceiling is the top of the pile, not a stray longer line above it (an unbreakable
            # word, a line some renderers leave unwrapped) with empty columns below it.
            peak = max(hist[top - 9 : top + 1])
            while top > 24 and (not hist[top] or (hist[top] * 4 < peak and not hist[top - 1] and not hist[top - 2])):
                top -= 1
            band = sum(hist[top - 9 : top + 1])
            over = beyond + sum(hist[top + 3 :])
            # Nothing wraps prose narrower than ~30 columns; a dump of short lines is a menu.
            return top if over * 3 <= band and top >= 30 else 0
        band += hist[top - 10] - hist[top]
    return 0


#: Columns that nearly every renderer's prose fits within when it wraps: only a longer line is
#: asked whether it is a list item (see segment's wrap census).
_PLAIN_WIDTH = 80


def _is_list_item(raw: str) -> bool:
    left = raw.lstrip()
    return left[:1] in _BULLET_START and _BULLET.match(left) is not None


def _run_maxima(widths: list[int]) -> list[int]:
    """Per line, the widest line in its run of consecutive non-blank lines."""
    out: list[int] = []
    start = 0
    # (The blank lines are found by iterators that run in C; Python steps only from one to the next.)
    for blank in chain(compress(count(), map(not_, widths)), [len(widths)]):
        if blank > start:
            out += [max(widths[start:blank])] * (blank - start)
        out.append(0)
        start = blank + 1
    out.pop()  # (the end of the dump is no blank line)
    return out


def _emit(blocks: list[Block], text: str, line: int, bullet: bool, indent: int, promos: bool = True) -> None:
    """Append a block, splitting off an inline promo glued to the end of a paragraph (``promos``:
    whether the dump holds a promo cue anywhere)."""
    if promos and len(text) > 40 and _PROMO_HINT.search(text, len(text) - 300):
        para, promo = cues.split_inline_promo(text)
        if promo is not None:
            blocks.append(Block(para, line, bullet, indent))
            # Keep the original cue wording ("ALSO READ: ...") so the promo stays recognisable.
            blocks.append(Block(text[len(para) :].strip(), line, False, indent))
            return
    blocks.append(Block(text, line, bullet, indent))


def segment(content: str) -> list[Block]:
    """Split a dump into blocks: one per line, or per paragraph where the renderer hard-wrapped.

    Indentation and list markers are stripped (kept as ``indent``/``bullet``), whitespace is
    collapsed, wrapped lines of one paragraph are joined, and an inline "ALSO READ: ..." promo
    glued to a paragraph becomes a block of its own right after it.
    """
    # lynx and elinks number every link ("[18]Astronomy"); the numbers are no part of the text,
    # nor is the list of their URLs they append (which, left in, would also make the article
    # look halfway down a page it ends).
    # The numbers take room on the line all the same: a hard-wrapping renderer broke lines with
    # them in, so widths are measured on the dump as drawn (``drawn``), or a line full of links
    # looks too short to have wrapped and its paragraph falls apart.
    drawn: str | None = None
    # (Each marker below is looked for only where one character of it occurs: finding a single
    # character is many times faster than finding a string of several. A string is looked for by
    # a pattern, which skips to its first character: "in" took twice as long on dumps full of
    # brackets and colons.)
    if "\ufffd" in content:
        content = _drop_lines(content, _UNDECODED_LINE, "\ufffd")
    # A grid table's rows, each made one line of its cells' text: the renderer wrapped the cells,
    # not the row, so a row's length says nothing of where the renderer breaks lines.
    grid_rows: list[str] = []
    if "+" in content and _GRID_MARK.search(content):
        content = _GRID_TABLE.sub(partial(_grid_rows, rows=grid_rows), content)
    if "- -" in content and _SIMPLE_RULE_MARK.search(content):
        content = _SIMPLE_TABLE.sub(partial(_simple_rows, rows=grid_rows), content)
    table_rows = frozenset(grid_rows)
    if ("━" in content and "━━━" in content) or ("═" in content and "═══" in content) \
            or ("─" in content and "───" in content):
        # (A rule may mix the three; each line holds one of them at least, and goes in one pass.)
        for rule in "━═─":
            if rule in content:
                content = _drop_lines(content, _BOX_RULE, rule)
    # (Five link numbers in the first 20,000 characters: the search stops at the fifth.)
    if "[" in content and next(islice(_LINK_REFERENCE.finditer(content, 0, 20_000), 4, None), None):
        at = content.rfind(_REFERENCES)
        if at >= 0 and _LINK_LIST.match(content, at + len(_REFERENCES)):
            content = content[:at]
        drawn, content = content, _LINK_REFERENCE.sub("", content)
    # Each pattern runs only where its marker occurs: most dumps have none of them.
    if ("#" in content and _MD_HEADING_MARK.search(content)) or ("]" in content and _MD_LINK_MARK.search(content)) \
            or ("*" in content and _MD_BOLD_MARK.search(content)):
        stripped = _strip_markdown(content)
        if stripped is not content:
            # Markdown. Taking out link targets leaves lines of any length, so whether the
            # renderer wrapped is judged before; if it did, Markdown's own rule says where
            # paragraphs end (a blank line). So it does in a Markdown writer's
            # dump that is not wrapped (markdownify): such a writer copies the line breaks in the
            # page's source text ("* [Headline](url)" over "  NEW YORK: An Indian-origin ...",
            # both one list item, the teaser under its headline), which a reader never sees.
            raw_lines = content.splitlines()
            if _census(list(map(len, map(str.rstrip, raw_lines))), raw_lines, table_rows) \
                    or _MD_ANY_HEADING.search(content):
                return _segment_paragraphs(stripped.splitlines(), _has_promo_cue(stripped))
            drawn = None  # (taking Markdown out took lines out as well)
        content = stripped
    if "[" in content and _INS_DEL_MARK.search(content):
        content = _INS_DEL.sub("", content)
        drawn = None if drawn is None else _INS_DEL.sub("", drawn)
    if _IFRAME_MARK.search(content):
        content = _drop_lines(content, _IFRAME, "IFRAME:")
        drawn = None if drawn is None else _drop_lines(drawn, _IFRAME, "IFRAME:")
    lines = content.splitlines()
    drawn_lines = lines if drawn is None else drawn.splitlines()
    if len(drawn_lines) != len(lines):  # (the two must pair line by line)
        drawn, drawn_lines = None, lines
    # Only dumps without very long lines can be hard-wrapped; skip the width census otherwise.
    long_lines = sum(1 for raw in lines if len(raw) > 200)
    width = 0
    widths: list[int] = []
    wide = False  # whether wrapping was judged in display columns (CJK characters two wide)
    if long_lines * 40 <= len(lines):
        widths = list(map(len, map(str.rstrip, drawn_lines)))
        if _has_wide(content):
            # w3m breaks lines by display columns, lynx by characters: try the one, then the other,
            # each only where the lines at its ceiling stop mid-sentence (CJK dumps have few
            # lines, and a few whole paragraphs of a length can look like a ceiling).
            columns = [_columns(raw.rstrip()) for raw in drawn_lines]
            width = _census(columns, lines, table_rows)
            if width and _breaks_mid_sentence(columns, lines, width):
                widths, wide = columns, True
            else:
                width = _census(widths, lines, table_rows)
                if width and not _breaks_mid_sentence(widths, lines, width):
                    width = 0
        else:
            width = _census(widths, lines, table_rows)
    # An inline promo can only be split off where its cue occurs somewhere in the dump.
    promos = _has_promo_cue(content)
    images = "[" in content
    if width:
        return _segment_wrapped(lines, widths, width, _has_lynx_lists(content), promos, images,
                                wide, None if drawn is None else drawn_lines)
    return _join_inline_breaks(_segment_lines(lines, content, promos, images), lines)


def _segment_lines(lines: list[str], content: str, promos: bool, images: bool) -> list[Block]:
    """segment() for a dump that is not hard-wrapped: a block per non-blank line.

    Nearly all of segment's time goes here, so an ordinary line (prose, or a list item under a
    one-character marker) takes only string methods; a regular expression runs only on a line
    that may hold an image name or opens with a number."""
    blocks: list[Block] = []
    append = blocks.append
    # Whether the dump has lynx-style lists, where a lone "o" is a marker: asked only of a line
    # that opens with one (None: not yet asked).
    lynx_lists: bool | None = None
    # Tabs and no-break spaces need collapsing only where the dump has any.
    odd_spaces = "\t" in content or "\xa0" in content
    opener = _LINE_OPENERS.get
    for number, raw, left in zip(count(), lines, map(str.lstrip, lines)):
        if not left:
            continue
        lead = len(raw) - len(left)  # before image names go: they are no indentation
        text = left.rstrip()
        if images and "[" in text:
            text = _IMAGE_FILE.sub("", text).strip()
            if not text or _BARE_IMAGE.fullmatch(text):
                continue
        bullet = False
        opens = opener(text[0])
        if opens is None:  # (most lines)
            pass
        elif opens is _MARKER:  # (what _BULLET takes: the marker, then whitespace or the line's end)
            rest = text[1:].lstrip()
            if not rest:  # the marker alone
                continue
            if len(rest) < len(text) - 1:  # whitespace after the marker
                text = rest
                bullet = lead > 0 or raw[0] != "#"  # a "#" flush left is a Markdown heading
        elif opens is _NUMBER:
            if marker := _BULLET.match(text):
                text = text[marker.end() :]
                if not text:
                    continue
                bullet = lead > 0 or raw[0] != "#"
        elif len(text) > 1 and text[1].isspace():  # (what is left: lynx's "o", _LETTER_O)
            if lynx_lists is None:
                lynx_lists = _has_lynx_lists(content)
            if lynx_lists:
                text = text[1:].lstrip()
                bullet = True
        if "  " in text or (odd_spaces and ("\t" in text or "\xa0" in text)):
            text = " ".join(text.split())
        if promos and len(text) > 40:
            _emit(blocks, text, number, bullet, lead)
        else:
            append(Block(text, number, bullet, lead))
    return blocks


# --- lines broken at inline elements ----------------------------------------------------------
# Some renderers end a line at every element, inline ones too (BeautifulSoup's get_text("\n"),
# some innerText-like tools): a paragraph with two links arrives as five lines, "the", "link",
# "text", each of which looks like navigation. A line that plainly goes on in the next one is
# joined back to it: the next one opens with a lower-case letter or closing punctuation, or this
# one ends on a comma, an opening bracket or a word no sentence ends with. List items never
# qualify, and lines of other renderers rarely do: only a dump with several such lines is joined.

#: Words a sentence does not end with: a line that does was broken mid-sentence. (Function
#: words of English and of the commonest Romance and Germanic languages, matched in lower case
#: only: "Log In", "Sign On" are buttons. No reporting verbs: "..., council says" is a headline.)
_DANGLING_WORDS = frozenset("""
    the a an of to in on at by for from with and or but as is are was were be been has have had
    that which who whom whose this these those its his her their our your my than into onto over
    under about after before between against during without within via per according
    since while because although though unless until whether
    de da do das dos del la le les el los las der die den dem des und et en du au aux di della
""".split())
#: How many lines must go on from the line above, in all and as a share of the lines, before a
#: dump's lines are joined. (Of the 102 DEV dumps, drawn by inscriptis, 96 have two or fewer;
#: of BeautifulSoup's strip=True renderings of the same pages, 95 have three or more, 12 in the
#: median one.)
_MIN_INLINE_BREAKS = 3
_MIN_INLINE_BREAK_SHARE = 0.015
#: How much of the line above _continuation needs: its last few words (and whether it has more
#: than three).
_JOIN_CONTEXT = 200
_CONTINUES_LINE = frozenset(",.;:)]}!?’”%")  # (a next line opening with one of these)
_OPENS_BRACKET = frozenset("([{“‘")  # (a line ending with one of these)
_CLOSES_BRACKET = re.compile("[)\\]}”’]")
_SHORT_ASIDE = 30  # (characters of "(N225)", "(Image: Reuters)" on a line of their own)
_STAMP_SPACES = 12  # (a date or time line has fewer; a sentence naming a date may have more)
#: Titles a name follows, abbreviated with a full stop.
_TITLES = frozenset("Mr. Mrs. Ms. Dr. Prof. Sen. Rep. Gov. Pres. Gen. Lt. Col. Maj. Capt. Sgt. Adm. Cmdr. Det. Supt. "
                    "Rev. Hon. Sr. Sra. Mme. Mlle.".split())
#: A line opening with one of these, at an inline seam (see _inline_seam), opens with a dash.
_DASH_SEAMS = (" — ", " – ", " - ")
#: ... and on a trimmed line: a long paragraph (spaces) under a short line (spaces).
_DASH_OPENERS = ("— ", "– ")
_DASH_PARAGRAPH_SPACES = 7
_DASHED_DATELINE_SPACES = 6
_SENTENCE_FINAL = (".", "!", "?", ":", ";", "…", '"', "”", "’", ")", "»", "]", "。", "！", "？", "।", "؟", "؛")


def _continuation(previous: str, text: str) -> str | None:
    """The separator that joins ``text`` to the line before it, ``previous`` (its last
    _JOIN_CONTEXT characters are enough), where ``text`` goes on with the same sentence (""
    before punctuation, else " "); None where it starts a block of its own."""
    if text.startswith("o "):  # a list item under lynx's and inscriptis' "o" marker
        return None
    if text[0] in _CONTINUES_LINE and not text.startswith("..."):
        return ""
    last_char = previous[-1]
    # (What a bracket opens is short, or closes in the next line: "(" "Engadget" ")".)
    if last_char in _OPENS_BRACKET and (len(text) <= 80 or _CLOSES_BRACKET.search(text)):
        return ""
    if last_char == "." and text[0].isupper() and previous.rsplit(None, 1)[-1] in _TITLES:
        return " "  # "... said Sen." "Carla Whitfield": a title before a name ends no sentence
    # An aside in brackets around an inline element goes on with its sentence, and the sentence
    # goes on past it: "Nikkei 225" "(" "N225" ")" "declined 0.3%". (Only a bracket alone or a short
    # aside: a wrapped line may open with one too. Not after a sentence's end: "(Reuters)" under a headline.)
    if text[0] == "(" and (len(text) == 1 or (len(text) <= _SHORT_ASIDE and text[-1] == ")")) \
            and not previous.endswith(_SENTENCE_FINAL):
        return " "
    if last_char == ")" and text[0].islower() and not text[1:2].isupper() and text[1:2] not in (".", ")") \
            and "(" in previous[-_JOIN_CONTEXT:]:
        return " "
    if previous.endswith(_SENTENCE_FINAL):
        # A speaker's or a field's label on a line of its own: "Prof. Carlos:" "Estou aqui ..."
        if last_char == ":" and previous.count(" ") < 3 and text.count(" ") >= 4 and text.endswith(SENTENCE_ENDS):
            return " "
        return None
    if last_char == ",":
        return " "
    # (Not "iPhone", "eBay": names; nor "a." "b)": an enumeration.)
    if text[0].islower() and not text[1:2].isupper() and text[1:2] not in (".", ")"):
        # Nor a cue's line: "by Jeff Foust" under a headline, "most popular" under a stamp; nor
        # whatever follows a stamp: "... 01:38 pm" "tags #Local Markets"; nor a byline's "by"
        # alone under a headline: "Hiking the Boulder Flat Irons" "by" "Regan".
        if opens_with_cue(text) or (previous.count(" ") < _STAMP_SPACES and is_dateline(previous)) \
                or (_BYLINE_OPENING.match(text) and previous.rsplit(None, 1)[-1][:1].isupper()):
            return None
        return " "
    if not last_char.isalpha():  # (nor a dangling word)
        return None
    words = previous.rsplit(None, 2)
    last = words[-1]
    # (Running text, not a menu's "× von an" over a headline; or a capitalised word alone: "By" "Ana Ruiz".)
    if (last in _DANGLING_WORDS and previous.count(" ") >= 3) or (
            len(words) == 1 and last[0].isupper() and last.lower() in _DANGLING_WORDS):
        return " "
    # A sentence's first word ends the line: "... all season. Since"
    if len(words) > 1 and words[-2][-1:] in ".!?" and last.lower() in _DANGLING_WORDS:
        return " "
    return None


def _starts_own_line(previous: str, text: str) -> bool:
    """Whether ``text`` starts a line of its own however the break before it was drawn: a
    byline under a headline ("Hiking the Boulder Flat Irons" " " "by " "Regan"), a date stamp
    after a name or before a headline ("Regan" " " "September 15, 2014"), each its own element.
    (Where running text goes on into them, "... a study by" "Harvard", "... on" "May 3", the
    line above ends on a word no sentence ends with, and they join before this is asked.)"""
    # ("... bought out" "by a company": a sentence's "by" follows a word in lower case; a byline's
    # follows a headline's last word, capitalised, or opens with a capital itself.)
    if _BYLINE_OPENING.match(text) and (text[0].isupper() or previous.rsplit(None, 1)[-1][:1].isupper()):
        return True
    # (A stamp alone on its line: a sentence's piece with a date in it is longer. A stamp's own
    # pieces join: "Mon 18 Nov 2019" "18.54 GMT", "November 18, 2019" "|" "4:10pm".)
    stamp_above = previous.count(" ") <= _STAMP_ALONE_SPACES and is_dateline(previous)
    if text.count(" ") <= _STAMP_ALONE_SPACES and is_dateline(text):
        # (... and a line that hands on to it: "By Justine Coleman -" "11/18/19 11:04 PM EST".)
        return not stamp_above and not previous.endswith(_HANDS_ON)
    return stamp_above and text.count(" ") >= 2


_BYLINE_OPENING = re.compile(r"(?:(?:written|posted|words|reporting) )?(?:by|por|von|par)\b", re.IGNORECASE)
_STAMP_ALONE_SPACES = 7
_HANDS_ON = ("-", "–", "—", "|", "·", "•", ",", ":", "/")


def _inline_seam(above: str, raw: str) -> bool:
    """Whether the break between the dump lines ``above`` and ``raw`` (as drawn) falls between
    two words of running text: BeautifulSoup's get_text("\n") keeps the space a text node ends
    or opens with ("... hits on " "Mason Rudolph" " (well, 12 ..."), where a break at a block
    element has none, or only the indentation of the page's source ("\n    ")."""
    return (above.endswith(" ") and not above.endswith("  ")) or (raw.startswith(" ") and not raw.startswith("  "))


def _join_inline_breaks(blocks: list[Block], lines: list[str]) -> list[Block]:
    """``blocks`` (one per line of ``lines``) with each line that continues the sentence of the
    line right above it joined to that line's block; list items are never joined. Only in a
    dump with some such lines (_MIN_INLINE_BREAKS): a few lone ones are rather a menu's or a
    caption's quirks than a renderer's habit, and the dump is left as drawn.

    A line of a single space between two lines is the space between two inline elements
    ("Nikkei 225" " " "(" "N225" ")"): the lines around it count as next to each other, and the
    break as an _inline_seam, which joins any line to one that stops mid-sentence, and a line
    that opens in lower case to any line ("(KOSPI)" " fell 0.5%")."""
    joined: list[Block] = []
    # A block being built from several lines: its pieces, joined once it is complete (so that a
    # long run of lines costs linear time), and its last _JOIN_CONTEXT characters, all that
    # _continuation reads of it. Empty while the last block is a single line.
    pieces: list[str] = []
    context = ""
    last_line = -2  # the dump line the last block ends on
    for block in blocks:
        above = block.line - 1
        if above > last_line >= 0 and lines[above] == " ":
            above -= 1
        # A dash that opens a text node is no list marker: it goes on with the dateline the
        # node before it ends on ("ST. JOSEPH, Mich. (AP)" " — Michigan health authorities ...").
        # Where the renderer trimmed the lines, the dash opens a paragraph under a short line
        # ("Indianapolis" "– Several thousand teachers ..."), not a signature ("— Neil Gaiman").
        # (Not a label awaiting its value: "05/10/2018" " - Publicado por: ".)
        dash = block.bullet and block.text[-1] != ":" and (lines[block.line].startswith(_DASH_SEAMS) or (
            lines[block.line].startswith(_DASH_OPENERS) and block.text.count(" ") >= _DASH_PARAGRAPH_SPACES
            and joined and joined[-1].text.count(" ") < _DASHED_DATELINE_SPACES))
        if above == last_line and (not block.bullet or dash) and not joined[-1].bullet:
            first = pieces[0] if pieces else joined[-1].text
            previous = context if pieces else first
            if dash:
                separator, block = " ", Block(lines[block.line].strip(), block.line, False, block.indent)
            else:
                separator = _continuation(previous, block.text)
            if separator is None and _inline_seam(lines[block.line - 1], lines[block.line]) \
                    and (not previous.endswith(_SENTENCE_FINAL) or block.text[0].islower()) \
                    and not _starts_own_line(previous, block.text):
                separator = " "
            if not first.startswith("o ") and separator is not None:
                if not pieces:
                    pieces, context = [first], first[-_JOIN_CONTEXT:]
                pieces += (separator, block.text)
                context = (context + separator + block.text)[-_JOIN_CONTEXT:]
                last_line = block.line
                continue
        if pieces:
            joined[-1] = Block("".join(pieces), joined[-1].line, False, joined[-1].indent)
            pieces = []
        joined.append(block)
        last_line = block.line
    if pieces:
        joined[-1] = Block("".join(pieces), joined[-1].line, False, joined[-1].indent)
    breaks = len(blocks) - len(joined)
    return joined if breaks >= max(_MIN_INLINE_BREAKS, len(blocks) * _MIN_INLINE_BREAK_SHARE) else blocks


def _breaks_mid_sentence(widths: list[int], lines: list[str], width: int) -> bool:
    """Whether the lines at the ceiling ``width`` mostly stop mid-sentence, as a renderer's
    line breaks do; an unwrapped dump's longest lines are whole paragraphs."""
    ceiling = [raw.rstrip() for x, raw in zip(widths, lines) if width - 9 <= x <= width]
    return sum(line.endswith(SENTENCE_ENDS) for line in ceiling) * 2 < len(ceiling)


SENTENCE_ENDS = ("。", "．", "！", "？", "!", "?", ".", "」", "』", "”", '"', "।", "؟")


def _census(widths: list[int], lines: list[str], rows: frozenset[str] = frozenset()) -> int:
    """wrap_width over the lines that say where the renderer breaks lines: not a URL or a long
    word, which cannot be broken (lynx lists its links' URLs unwrapped: "  21. https://..."), nor
    a list item longer than the prose around it (html2text wraps paragraphs, not the items of a
    list of links), nor one of the grid-table ``rows`` that segment made a line each."""
    return wrap_width([x for x, raw in zip(widths, lines)
                       if x and (x <= 30 or ("://" not in raw and (not raw.isascii() or " " in raw.strip())
                                             and (x <= _PLAIN_WIDTH or not _is_list_item(raw))
                                             and not (rows and raw in rows)))])


#: Every character _CJK_CHAR takes is at or above this one: a cheap test before the regex.
_CJK_FLOOR = "\u3000"


def _join_lines(parts: list[str]) -> str:
    """The lines of one wrapped paragraph (each stripped, none empty) as one text, whitespace
    collapsed."""
    text = " ".join(parts)
    if len(parts) > 1 and not text.isascii():
        for before, part in zip(parts, parts[1:]):
            if (part[0] >= _CJK_FLOOR and _CJK_CHAR.match(part)) \
                    or (before[-1] >= _CJK_FLOOR and _CJK_CHAR.match(before[-1])):
                return _join_cjk_lines(parts)
    # (str.split and join are the identity on a text with no whitespace but single spaces:
    # every other whitespace character is unprintable.)
    if "  " in text or not text.isprintable():
        text = " ".join(text.split())
    return text


def _join_cjk_lines(parts: list[str]) -> str:
    """_join_lines where a line break sits next to CJK text."""
    text = " ".join(parts[0].split())
    for part in parts[1:]:
        part = " ".join(part.split())
        # CJK has no spaces between words, nor around the Latin words it holds ("PDFで公開");
        # a break next to CJK text must not add one.
        if _CJK_CHAR.match(part) or _CJK_CHAR.match(text[-1]):
            text += part
        else:
            text += " " + part
    return text


def _segment_paragraphs(lines: list[str], promos: bool) -> list[Block]:
    """segment() for Markdown: a paragraph runs to the next blank line, a list item to the next
    item (its wrapped lines are indented under it), and a table row is one line."""
    # Each block is (its lines, first line, bullet, indent); the lines of the open one are
    # ``parts`` (None: no block is open, as after a blank line or a table row).
    pending: list[tuple[list[str], int, bool, int]] = []
    parts: list[str] | None = None
    for number, raw, left in zip(count(), lines, map(str.lstrip, lines)):
        if not left:
            parts = None
            continue
        text = left.rstrip()
        # Markdown escapes what would read as markup ("2019\. was"), so a marker is a marker.
        marker = _BULLET.match(text) if text[0] in _BULLET_START else None
        row = ("|" in text and text.count(" | ") >= 2) or text[0] == "|"
        if parts is not None and not marker and not row:
            parts.append(text)
            continue
        parts = None
        if marker:
            text = text[marker.end() :]
            if not text:
                continue
        pending.append((parts := [text], number, bool(marker), len(raw) - len(left)))
        if row:
            parts = None
    blocks: list[Block] = []
    for parts, first, bullet, indent in pending:
        text = parts[0]
        if len(parts) > 1 or "  " in text or not text.isprintable():  # (many blocks are one plain line)
            text = _join_lines(parts)
        if promos and len(text) > 40:
            _emit(blocks, text, first, bullet, indent)
        else:
            blocks.append(Block(text, first, bullet, indent))
    return blocks


def _held_together(above: str, shown: str, above_width: int, limit: int) -> bool:
    """Whether the line ``shown`` (as drawn) goes on with the sentence of the line above it, which
    its first words did not fit on: renderers keep words joined by no-break spaces together
    ("30\xa0staff\xa0vacancies", "and\xa0compromised\xa0security") and break before the
    lot, which the dump writes with plain spaces. Only a line in lower case under one that
    stops mid-sentence and is well filled, and too long to have fitted there whole (a short list
    item under a short one would have)."""
    return shown[0].islower() and above_width * 10 >= limit * 7 and above_width + 1 + len(shown) >= limit \
        and not above.endswith(_SENTENCE_FINAL)


def _stamp_line(text: str) -> bool:
    """Whether a line is a date stamp whole ("Thu 7 May 2026 08.40 BST Last modified on Thu 7 May
    2026 13.15 BST"): where the next line's first word would have fitted on it at the page's
    width, a block of its own, which the share buttons drawn under it do not continue, however
    short the lines around make it look wrapped."""
    if not is_dateline(text):
        return False
    # (No word of prose: "On Nov. 15, 2019, former U.S. ambassador" opens a paragraph.)
    words = text.split()
    if len(words) > _STAMP_LINE_WORDS or any(word.isalpha() and word.islower() and word not in _STAMP_LINE_LOWER for word in words):
        return False
    return bool(labelled_dates(text)) or (len(words) <= _BARE_STAMP_WORDS and bool(parse_date(text)))


#: The most words a stamp line runs to, with its labels ("Published ... Last modified on ...") and without.
_STAMP_LINE_WORDS = 16
_BARE_STAMP_WORDS = 8
#: The words in small letters a stamp line holds: its labels' and the clock's.
_STAMP_LINE_LOWER = frozenset("on at am pm by published updated modified posted last first original date".split())


#: How much deeper than its first line a hanging indent sets the rest of a paragraph, at most.
_HANGING_INDENT = 8
#: What a hanging indent's continuation may open with, besides a letter or a digit (not a form
#: field's "____", a rule's "----" or a row's "|").
_OPENING_MARKS = "\"'“‘(«¿¡"


def _segment_wrapped(lines: list[str], widths: list[int], width: int, lynx_lists: bool, promos: bool = True,
                     images: bool = True, wide: bool = True, drawn: list[str] | None = None) -> list[Block]:
    """segment() for a hard-wrapped dump: join the continuation lines of each paragraph.

    A line continues the previous one when it sits at the previous text's indent (or, in a
    centred paragraph, shares the previous line's centre), is not a list item, and its first word
    would not have fitted on the previous line. The fit is judged
    against the widest line of the local run, as table cells and indented boxes wrap narrower
    than the page. ``widths`` and ``drawn`` are the lines as the renderer drew them, where
    ``lines`` lost something that took room on them (link numbers).
    """
    run_max = _run_maxima(widths)
    # Each block is (its lines, first line, bullet, indent), joined once the page is read; the
    # lines of the open one are ``parts`` (None: no block is open, as after a blank line).
    pending: list[tuple[list[str], int, bool, int]] = []
    parts: list[str] | None = None
    cont_indent = -1  # where a continuation line of the open block would start
    # ... or there: a dash that opens a paragraph is often dialogue ("— Yes, he said"), which a
    # renderer wraps flush with the dash, not under the text after it as for a list item.
    dash_indent = -1
    prev_width = prev_lead = prev_centre = 0  # the previous line's width, indent, and indent + width

    for number, raw, left, drawn_width, run_width in zip(count(), lines, map(str.lstrip, lines), widths, run_max):
        if not left:
            parts = None
            cont_indent = dash_indent = -1
            continue
        text = left.rstrip()
        lead = len(raw) - len(left)
        # A line flush with a dash item's dash continues it, unless it opens a dash item itself.
        # A table row ("DL | Myles Garrett | 57 | 77%"), which renderers never wrap, is a block of
        # its own however wide.
        row = "|" in text and text.count(" | ") >= 2
        # A centred paragraph (elinks and links draw text-align: center) has each line start
        # where its length puts it, about the middle of the page: a line continues the previous
        # one when the two share that centre and the previous one was all but full.
        centre = lead + drawn_width
        if parts is not None and not row and text[0] not in _STRONG_BULLET:
            # A paragraph whose first line alone is indented goes on flush left, as plain text
            # sets paragraphs and as fold and fmt wrap an indented line: "    The ..." "goes on".
            # (Not a list item, a quote or a row flush left: "- A large variety ...", "> it", "| 43 |".)
            hanging = lead == 0 < cont_indent and len(parts) == 1 and not (
                text[0] in _BULLET_START and _BULLET.match(text)) and text[0] != "|"
            # ... and the reverse, a hanging indent ("fmt -t"): the first line flush with the
            # block's indent, the rest a little deeper, where the first line filled the page's
            # width (a nested menu's item is short: it fills at most its run).
            deeper = len(parts) == 1 and 0 <= cont_indent < lead <= cont_indent + _HANGING_INDENT \
                and prev_width * 10 >= width * 8 and (text[0].isalnum() or text[0] in _OPENING_MARKS) \
                and not (text[0] in _BULLET_START and _BULLET.match(text))
            follows = lead == cont_indent or hanging or deeper or (lead == dash_indent and text[0] not in _DASHES)
            if follows or (abs(centre - prev_centre) <= 1 and prev_centre * 10 >= width * 9):
                limit = min(width, run_width)
                if limit * 5 >= width * 3:
                    shown = text if drawn is None else drawn[number].strip()  # "[82]Chad" took 8 columns
                    if shown[0] >= _CJK_FLOOR and _CJK_CHAR.match(shown):
                        word = shown[0]
                    else:
                        word = shown.split(None, 1)[0]
                    size = _columns(word) if wide else len(word)
                    if (((prev_width + 1 + size >= (width if deeper else limit) - 1) if follows
                            else (prev_width - prev_lead + 1 + size) * 10 >= limit * 9)
                            or (follows and _held_together(parts[-1], shown, prev_width, limit))) \
                            and not (len(parts) == 1 and prev_width + 1 + size < width - 1 and _stamp_line(parts[0])):
                        parts.append(text)
                        prev_width, prev_lead, prev_centre = drawn_width, lead, centre
                        if hanging or deeper:
                            cont_indent, dash_indent = lead, -1
                        continue
        parts = None
        marker = None
        if text[0] in _BULLET_START or (lynx_lists and text[0] == "o" and lead >= 2):
            marker = _BULLET.match(text) or (lynx_lists and _LETTER_O.match(text))
        if marker:
            text = text[marker.end() :]
            if not text:
                cont_indent = dash_indent = -1
                continue
        # A "#" flush left is a Markdown heading (lynx indents its "#" items), which wraps flush left.
        heading = marker is not None and lead == 0 and raw[0] == "#"
        pending.append((parts := [text], number, bool(marker) and not heading, lead))
        cont_indent = lead + (marker.end() if marker and not heading else 0) if not row else -1
        dash_indent = lead if marker and raw[lead] in _DASHES and not row else -1
        prev_width, prev_lead, prev_centre = drawn_width, lead, centre
    blocks: list[Block] = []
    for parts, first, bullet, indent in pending:
        text = parts[0]
        if len(parts) > 1 or "  " in text or not text.isprintable():  # (most blocks are one plain line)
            text = _join_lines(parts)
        if images and "[" in text:
            text = _IMAGE_FILE.sub("", text).strip()
            if not text or _BARE_IMAGE.fullmatch(text) or (text[-1] == "]" and _WRAPPED_SCRAP.fullmatch(text)):
                continue
        if promos and len(text) > 40:
            _emit(blocks, text, first, bullet, indent)
        else:
            blocks.append(Block(text, first, bullet, indent))
    return blocks


# --- markup a Markdown writer passed through ------------------------------------------------------

#: An HTML tag or comment, over line breaks too (a Markdown writer wraps a long tag's attributes).
_RAW_HTML = re.compile(r"</?[a-zA-Z][a-zA-Z0-9-]*(?:\s[^<>]*)?/?>|<!--.*?-->", re.DOTALL)
#: Markdown writers (pandoc's markdown, CommonMark, GFM) pass what Markdown cannot say through as
#: raw HTML: hundreds of tags a page. A rendered dump shows a few at most ("<b>" in a story about
#: markup), so from this many on, the tags go.
_RAW_HTML_MIN_TAGS = 20
#: A line of tags alone, and how many such lines make a dump's markup (fewer tags than
#: _RAW_HTML_MIN_TAGS in all).
_TAG_LINE = re.compile(r"^[ \t]*(?:</?[a-zA-Z][a-zA-Z0-9-]*(?:\s[^<>\n]*)?/?>[ \t]*)+$", re.MULTILINE)
_TAG_LINES_MIN = 3


# pandoc's own Markdown says what plain Markdown cannot in markup of its own: fenced divs
# (":::: {#header .container}" ... "::::"), attributes after a link, an image or a heading
# ("](/w){.nav-link target="_blank"}", "{#top}"), bracketed spans ("[Sign In]{.label}") and raw
# blocks ("```{=html}" ... "```"). A dump holding a few fenced divs holds them everywhere.
_PANDOC_FENCE = re.compile(r"[ \t]*(?:[-*+][ \t]+)?:{3,}")  # (matched at a line's start)
# (Patterns that open with a fixed string, not "^": the regex engine skips to the string, but
# tries "^" at every position of a multi-line pattern.)
_PANDOC_RAW_BLOCK = re.compile(r"```\{=\w+\}\n.*?\n[ \t]*```[ \t]*(?=\n|$)", re.DOTALL)
# (An identifier may hold full stops, as pandoc makes them of a heading's words: "{#trump-helps-the-u.s.}".)
_PANDOC_ATTRIBUTE = r"""(?:#[\w:.-]+|\.[\w:-]+|[\w:-]+=(?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|[^\s{}]+))"""
_PANDOC_ATTRIBUTES = re.compile(rf"\{{\s*{_PANDOC_ATTRIBUTE}(?:\s+{_PANDOC_ATTRIBUTE})*\s*\}}")
# pandoc escapes punctuation that has no Markdown meaning here either ("\$250,000", "\'coup\'"):
# unescaped at once, as _strip_markdown unescapes what Markdown marks up (not "|", which a table
# would take for a cell's edge).
_PANDOC_ESCAPE = re.compile(r"\\([$'\"%&@~^=;,?/:])")
# A span's end: its closing bracket and attribute set (spans nest, and hold links).
_PANDOC_SPAN_END = re.compile(r"\]" + _PANDOC_ATTRIBUTES.pattern)
# An unescaped bracket (pandoc escapes the page's own: "\[").
_BRACKET = re.compile(r"(?<!\\)[\[\]]")
# ... and a hard line break, a backslash closing the line.
_PANDOC_LINE_BREAK = re.compile(r"\\$", re.MULTILINE)
_PANDOC_MIN_FENCES = 5
# A fenced div's fence alone on its line, with its attributes or class: ":::", '::: {role="main"}', "::: note".
_BARE_FENCE = re.compile(r"^[ \t]*:{3,}[ \t]*(?:\{[^{}\n]*\}|[\w.-]+)?[ \t]*$", re.MULTILINE)


def _without_unclosed_brackets(content: str) -> str:
    """``content`` without the opening brackets no bracket closes: the openings of pandoc's spans
    once their ends are gone (a link's brackets pair up)."""
    unclosed: list[int] = []  # (a stack: the openings not closed so far)
    for match in _BRACKET.finditer(content):
        if match.group() == "[":
            unclosed.append(match.start())
        elif unclosed:
            unclosed.pop()
    if not unclosed:
        return content
    pieces, start = [], 0
    for at in unclosed:
        pieces.append(content[start:at])
        start = at + 1
    pieces.append(content[start:])
    return "".join(pieces)


def without_raw_markup(content: str) -> str | None:
    """``content`` without the HTML tags a Markdown writer passed through (their text stays) and
    pandoc's own Markdown markup, or None where it holds neither (fewer than _RAW_HTML_MIN_TAGS
    tags, _PANDOC_MIN_FENCES fenced divs)."""
    # (A page of a few divs has few fences, but a fence alone on its line, '::: {role="main"}', is one.)
    fences = content.count(":::")
    if fences and ((fences >= _PANDOC_MIN_FENCES and sum(1 for line in content.split("\n") if ":::" in line
                                                          and _PANDOC_FENCE.match(line)) >= _PANDOC_MIN_FENCES)
                   or _BARE_FENCE.search(content)):
        content = _PANDOC_RAW_BLOCK.sub("", content)
        content = "\n".join(line for line in content.split("\n") if ":::" not in line or not _PANDOC_FENCE.match(line))
        content = _without_unclosed_brackets(_PANDOC_ATTRIBUTES.sub("", _PANDOC_SPAN_END.sub("", content)))
        # (A dump in pandoc's Markdown passes raw HTML through as well, however little.)
        content = _PANDOC_ESCAPE.sub(_GROUP_1, content) if "\\" in content else content
        return _RAW_HTML.sub("", _PANDOC_LINE_BREAK.sub("", content))
    if "<" not in content or content.count("<") < _TAG_LINES_MIN:
        return None
    if content.count("<") < _RAW_HTML_MIN_TAGS or len(_RAW_HTML.findall(content)) < _RAW_HTML_MIN_TAGS:
        # A small page's few tags, each alone on its line ("<div class=\"cd-body\">", "</div>"):
        # a line of nothing but tags is markup wherever it stands.
        if len(_TAG_LINE.findall(content)) < _TAG_LINES_MIN:
            return None
        return _TAG_LINE.sub("", content)
    return _RAW_HTML.sub("", content)


# --- run-together dumps and glued paragraphs ------------------------------------------------------

#: A dump runs its blocks together when lines this long hold at least _RUN_ON_SHARE of its
#: text: what a scraper's ``get_text()`` without a separator, or lxml's ``text_content()``, makes
#: of a minified page (every line break in such a dump is one the page's source happened to
#: have). A renderer's dump puts a paragraph a line: its longest holds a third of the page at most.
RUN_ON_CHARS = 2_000
_RUN_ON_SHARE = 0.8
#: ... and few others: a rendered page has a line for each of its menu's items, its headline,
#: byline and footer's lines. (A dump of more lines than _RUN_ON_MAX_BREAKS, blank ones
#: included, is not counted at all: the cheap test that clears every other dump first.)
_RUN_ON_MAX_LINES = 10
_RUN_ON_MAX_BREAKS = 50
#: A sentence's end: the word before it, the mark (and a closing quote or bracket), white space,
#: and what opens a sentence. (The word's last forty characters at most: a line of 8,000 with no
#: space in it took the lazy, unbounded run half a second.)
_SENTENCE_END = re.compile(r"(\S{1,40}?)[.!?][\"”’)\]]?\s+(?=[\"“‘(\[]?[A-Z0-9])")
#: Words a full stop follows without ending the sentence ("Mr. Smith", "Jan. 5", "No. 10").
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr st jr sr prof rev gov sen rep gen lt col capt sgt cmdr adm supt insp det "
    "no nos vs inc corp co ltd bros fig vol ch pp jan feb mar apr jun jul aug sep sept oct nov dec".split())
#: Sentences run together where the page's paragraphs met without a space ("wrong."At no point"):
#: a sentence's end (and its closing quote) right before a capital or an opening quote. The
#: paragraphs part after the match. (The mark comes first: a pattern opening with a character
#: set is skipped to fast, one opening with a lookbehind is tried at every position, and this one
#: is searched for in every dump.)
_GLUED_SENTENCES = re.compile(r'[.!?:](?<=[a-z0-9)][.!?:])(?:(?=[A-Z“])|[”"’](?=[A-Z“]|"[A-Z]))')
#: ... which cut a long line (of a dump with line structure) only where it holds a few.
_GLUED_MIN_CHARS = 200
_GLUED_MIN_SEAMS = 3
#: Where two elements' texts met without a space: a lower-case word running into a capitalised
#: one ("SportsSubscribe", "dealBy Mira"), or a sentence's end into the next ("backlog.The").
_GLUED_SEAM = re.compile(r'(?<=[a-z]{3})(?=[A-Z][a-z])|' + _GLUED_SENTENCES.pattern)


def cut_glued_paragraphs(content: str) -> str | None:
    """``content`` with its long lines cut where paragraphs met without a space, or None where no
    line of it is long and glued in at least _GLUED_MIN_SEAMS places."""
    if not _GLUED_SENTENCES.search(content):
        return None
    lines = content.splitlines()
    cut = False
    for k, line in enumerate(lines):
        if len(line) >= _GLUED_MIN_CHARS and len(_GLUED_SENTENCES.findall(line)) >= _GLUED_MIN_SEAMS:
            indent = line[: len(line) - len(line.lstrip())]
            lines[k] = _GLUED_SENTENCES.sub(lambda match: f"{match.group()}\n{indent}", line)
            cut = True
    return "\n".join(lines) if cut else None


def run_together_size(content: str) -> int:
    """How many characters a run-together dump holds in its very long lines (see
    ``_RUN_ON_SHARE``), or 0 where the dump has the line structure of a rendered page."""
    if len(content) < RUN_ON_CHARS or content.count("\n") > _RUN_ON_MAX_BREAKS:
        return 0
    lines = [line for line in content.splitlines() if line.strip()]
    run_on = sum(size for size in map(len, lines) if size >= RUN_ON_CHARS)
    return run_on if run_on >= _RUN_ON_SHARE * len(content.strip()) and len(lines) <= _RUN_ON_MAX_LINES else 0


def _ends_sentence(match: re.Match) -> str:
    word = match.group(1).lstrip("\"“‘([").lower()
    # An initial ("J. Smith"), an abbreviation ("U.S.", "a.m.") or a title ("Dr.") goes on.
    if len(word) == 1 or "." in word or word in _ABBREVIATIONS:
        return match.group(0)
    return match.group(0).rstrip() + "\n"


def cut_run_together(content: str) -> str:
    """A run-together dump (see :func:`run_together_size`) with its long lines cut at sentence
    ends and where elements met unspaced: the nearest such a dump has to blocks. A seam needs
    three lower-case letters before the capital, so "McDonald", "AirPods" and "YouTube" stay
    whole; "PlayStation" does not, which only costs that word."""
    return "\n".join(_GLUED_SEAM.sub(_then_a_break, _SENTENCE_END.sub(_ends_sentence, line))
                     if len(line) > _GLUED_MIN_CHARS else line for line in content.splitlines())


def _then_a_break(match: re.Match) -> str:
    return match.group() + "\n"


# --- site templates ------------------------------------------------------------------------------

_DIGITS = re.compile(r"\d")
#: Template lines are short furniture; long lines are almost always page-specific prose, and
#: skipping them keeps the counter small over thousands of pages.
_TEMPLATE_MAX_CHARS = 160


def template_key(text: str) -> str:
    """The key under which a block is counted when learning a site's template across pages."""
    return " ".join(_DIGITS.sub("0", text.lower()).split())


def learn_template(contents: Iterable[str], min_pages: int = TEMPLATE_MIN_PAGES, min_share: float = 0.5,
                   max_pages: int | None = None) -> frozenset[str]:
    """Keys of blocks that recur on at least ``min_share`` of the pages (and ``min_pages`` pages).

    ``contents`` are dumps of one site, read lazily: only the first ``max_pages`` (by default
    TEMPLATE_SAMPLE_PAGES) are taken. Each page counts a key once, however often it repeats
    the block, and only short blocks are counted; pages that repeat another page's paragraphs
    are not counted at all.
    """
    pages: list[tuple[set[str], list[int]]] = []  # per page: its short keys, and hashes of its long blocks
    for content in islice(contents, TEMPLATE_SAMPLE_PAGES if max_pages is None else max_pages):
        blocks = segment(content)
        texts = [b.text for b in blocks if len(b.text) <= _TEMPLATE_MAX_CHARS]
        # template_key for all of them at once: one lower() and one digit pass over the page.
        joined = "\n".join(texts)
        if joined.count("\n") == len(texts) - 1:
            keys = {" ".join(key.split()) for key in _DIGITS.sub("0", joined.lower()).split("\n")} if texts else set()
        else:  # a block holding a line break of its own
            keys = {template_key(text) for text in texts}
        pages.append((keys, [hash(b.text) for b in blocks if len(b.text) > _TEMPLATE_MAX_CHARS]))
    # A page most of whose paragraphs another page holds too carries the same story (wire copy
    # republished by several outlets, saved twice): what it shares with that page is the story,
    # not the site's template, and would be dropped from every copy. Only pages with a story of
    # their own teach the template.
    shown = Counter(h for _keys, long_blocks in pages for h in set(long_blocks))
    teaching = [keys for keys, long_blocks in pages
                if sum(shown[h] > 1 for h in long_blocks) * 2 < len(long_blocks) or not long_blocks]
    if len(teaching) < min_pages:
        return frozenset()
    counts = Counter(key for keys in teaching for key in keys)
    need = max(min_pages, min_share * len(teaching))
    return frozenset(key for key, count in counts.items() if count >= need)


# --- classification ------------------------------------------------------------------------------

#: Decoding knobs, tuned by cross-validation in train_textblocks (stored with the weights).
_DEFAULT_DECODE = {"pivot": 0.5, "inside": 0.35, "outside": 0.9, "resume": 0.5}


MODEL_RESOURCE = "models/textblocks.json"


@lru_cache(maxsize=1)
def _model() -> tuple[LinearModel, LinearModel | None, dict[str, float]]:
    """The shipped models (first pass, second pass over the neighbours' first-pass scores),
    loaded once per process on first use."""
    data = json.loads(resources.files("wiretrace").joinpath(MODEL_RESOURCE).read_text(encoding="utf-8"))
    stack = LinearModel(data["stack"], FEATURE_NAMES + CONTEXT_NAMES) if "stack" in data else None
    return LinearModel(data["model"]), stack, {**_DEFAULT_DECODE, **data.get("decode", {})}


def stacked_scores(X: np.ndarray, first: LinearModel, second: LinearModel | None) -> np.ndarray:
    """Body probabilities: the first pass on the block features, then (when there is a second
    model) a second pass that also sees the first-pass scores of each block's neighbourhood."""
    first_margin = first.margin(X)
    scores = 1.0 / (1.0 + np.exp(-first_margin))  # first.predict(X), without a second product
    if second is None or not len(X):
        return scores
    # The second pass sees the features and their context side by side (built in place, not
    # stacked: a page is scored in a few dozen NumPy calls, each one counts).
    both = np.empty((len(X), X.shape[1] + len(CONTEXT_NAMES)))
    both[:, : X.shape[1]] = X
    context_features(X, scores, out=both[:, X.shape[1] :])
    # The two passes vote (mean log-odds): the second alone leans on its neighbours enough to
    # pull a headline or a lone teaser next to the article into it.
    margin = first_margin + second.margin(both)
    return 1.0 / (1.0 + np.exp(-0.5 * margin))


def body_scores(blocks: list[Block]) -> np.ndarray:
    """Per block, the model's probability that it belongs to the article body."""
    first, second, _knobs = _model()
    return stacked_scores(block_features(blocks), first, second)


def decode(
    blocks: list[Block],
    scores: np.ndarray,
    pivot: float = 0.5,
    inside: float = 0.35,
    outside: float = 0.9,
    resume: float = 0.5,
    words: np.ndarray | None = None,
    ends: np.ndarray | None = None,
    related: Sequence[bool] | np.ndarray | None = None,
) -> list[bool]:
    """Choose the body blocks of a page from their scores.

    The body is the heaviest contiguous run of likely-body blocks (see
    ``textfeatures.heaviest_run``); inside that run a block needs ``inside``, outside it
    ``outside``. After the run, the article may resume past a short interruption (an "Also
    Read" heading and a few headlines): a paragraph scoring ``resume`` within a few blocks of
    the run's end, with only short lines in between, continues it. Where the renderer sets the
    interruption in at another indent than the body's, it may be longer, and a paragraph back
    at the body's indent needs only ``inside``. So does one past a box that opens with a
    related-links heading (``related``: per block, whether it is one), which says as much where
    the renderer draws everything flush left; not the box's first line, nor a list item (the
    box's own teasers).

    Before the run, a long paragraph scoring ``resume`` within a few blocks of its start, with
    only short lines in between (a caption, a short list), starts the story there.

    A resumed paragraph ends a sentence (or introduces what follows with a colon) where
    ``ends`` says so per block: past a box, a long line that ends mid-phrase is a citation, a
    teaser or a row of links scoring like prose (a list of sources after a fact-check's
    ruling), not the story going on.

    Inside the run, under a related-links heading, a line that ends no sentence (a teaser) is
    body only once the story has gone on at ``resume``.

    ``words`` is each block's ``text.count(" ") + 1``, where the caller has it already.
    """
    n = len(blocks)
    if n == 0:
        return []
    if words is None:
        words = np.array([b.text.count(" ") + 1 for b in blocks], dtype=np.float64)
    lo, hi = heaviest_run(words, scores, pivot)
    if hi < lo:
        # Nothing on the page looks like a body in absolute terms (a table, a script the model
        # saw little of): judge the blocks against the page's best one instead, as long as that
        # one is not hopeless. A page of navigation only still comes out empty.
        top = float(scores.max())
        if top < _FALLBACK_FLOOR:
            return [False] * n
        scores = scores * (_FALLBACK_TOP / top)
        lo, hi = heaviest_run(words, scores, pivot)
    keep = scores >= outside
    if hi < lo:
        return keep.tolist()
    runs = [(lo, hi)]
    # The body's own indent, where the renderer shows one apart from the page's: a box set in
    # at another indent interrupts it however long it is, and the body resumes at its indent.
    # (Kept, or scoring ``inside``: a score of at least the lower of the two.)
    in_run = (scores[lo : hi + 1] >= min(inside, outside)).tolist()
    indents = list(map(attrgetter("indent"), compress(blocks[lo : hi + 1], in_run)))
    body_indent = max(dict.fromkeys(indents), key=indents.count)  # (the first seen of the commonest)
    while True:
        found = -1
        apart = True  # every block of the interruption so far sits at another indent
        # ... or under a heading that names it ("Related Links", "Read More"), which tells the box
        # apart where the renderer does not set it in (many draw every block flush left).
        named = related is not None and hi + 1 < n and bool(related[hi + 1])
        # (Plain lists of the blocks within reach: the search reads them one element at a time.)
        stop = min(n, hi + 1 + _INDENT_RESUME_GAP)
        for j, words_j, score_j in zip(range(hi + 1, stop), words[hi + 1 : stop].tolist(), scores[hi + 1 : stop].tolist()):
            indent_j = blocks[j].indent
            if words_j >= _RESUME_WORDS and (ends is None or ends[j]) and (
                    (j <= hi + _RESUME_GAP and score_j >= resume)
                    or (named and hi + 2 < j <= hi + _RESUME_GAP and not blocks[j].bullet and score_j >= inside
                        and (words_j >= _NAMED_RESUME_WORDS or score_j >= resume or not _title_cased(blocks[j].text)))
                    or (apart and j > hi + 1 and indent_j == body_indent and score_j >= inside)
                    # Past a line that also parts the run's own paragraphs (a live story's share
                    # button between its entries), two paragraphs in a row, the second scoring
                    # ``resume``: the next entry, whose first paragraph its place near the page's
                    # end weighs down.
                    or (j < hi + _RESUME_GAP and score_j >= inside and j + 1 < n and words[j + 1] >= _RESUME_WORDS
                        and (ends is None or ends[j + 1]) and scores[j + 1] >= resume
                        and _parted_alike(blocks, scores, lo, hi, j, inside))):
                found = j
                break
            apart = apart and indent_j != body_indent
            # In a box under a related-links heading, a long line that ends no sentence is two
            # of its headlines a renderer drew as one block ("... jibe [INSIGHT]| Lakers vs Nets:
            # ... [VIDEO]"), not a paragraph: the box goes on.
            headlines = named and ends is not None and not ends[j]
            if (words_j > _INTERRUPTION_WORDS and not headlines) or (j >= hi + _RESUME_GAP and not apart):
                break
            # The page's copyright notice is its footer: what follows it (the site's terms, its
            # legal small print, prose-like as it reads) is never the story going on.
            if cues.has_copyright_notice(blocks[j].text):
                break
        if found < 0:
            break
        hi = found
        while hi + 1 < n and scores[hi + 1] >= inside:
            hi += 1
        # The interruption itself stays out: only the resumed run is judged leniently.
        runs.append((found, hi))
    # Before the run, likewise: the story's first paragraph, cut off from the rest by a caption
    # and a short list that weigh the run down (more where a terminal renderer draws the
    # image's alt text above its caption), starts it. Only a long one: before the story sit
    # standfirsts and teasers that score as well.
    while True:
        found = -1
        for j in range(lo - 1, max(-1, lo - 1 - _RESUME_GAP), -1):
            if words[j] >= _LEAD_RESUME_WORDS and (ends is None or ends[j]) and scores[j] >= resume:
                found = j
                break
            if words[j] > _INTERRUPTION_WORDS:
                break
        if found < 0:
            break
        lo = found
        while lo > 0 and scores[lo - 1] >= inside:
            lo -= 1
        runs.append((lo, found))
    for start, stop in runs:
        keep[start : stop + 1] |= scores[start : stop + 1] >= inside
    if related is not None:
        # A related-links box inside the run (the run bridges it, as a short interruption) is no
        # story even where its teasers, drawn two to a line, score some: under its heading, the
        # story goes on at a block scoring ``resume``, as it would past the run's end.
        for h in compress(range(lo, hi), related[lo:hi]):
            if keep[h]:
                continue
            for j in range(h + 1, min(hi + 1, h + 1 + _RESUME_GAP)):
                if scores[j] >= resume:
                    break
                if ends is not None and not ends[j]:
                    keep[j] = False
    return keep.tolist()


def _parted_alike(blocks: list[Block], scores: np.ndarray, lo: int, hi: int, j: int, inside: float) -> bool:
    """Whether a line between the run's end ``hi`` and block ``j`` also parts the run's own
    paragraphs (a block of the run ``lo``..``hi`` scoring under ``inside``)."""
    parting = {block.text for block in compress(blocks[lo : hi + 1], (scores[lo : hi + 1] < inside).tolist())}
    return any(blocks[k].text in parting for k in range(hi + 1, j))


#: How far past the body's end a resumed paragraph may sit (further when the interruption is
#: set in at its own indent), how long it must be, and how long the lines of the interruption
#: may be (headlines, not paragraphs). Before the body, a paragraph starts the story only
#: when it is long (_LEAD_RESUME_WORDS).
_RESUME_GAP = 10
_INDENT_RESUME_GAP = 30
_RESUME_WORDS = 10
_NAMED_RESUME_WORDS = 15
_LEAD_RESUME_WORDS = 30
_INTERRUPTION_WORDS = 18
#: Fallback for pages without any confident body block: below this best score the page has no
#: article; above it, scores are rescaled so that the best block scores _FALLBACK_TOP.
_FALLBACK_FLOOR = 0.1
_FALLBACK_TOP = 0.8


def classify(blocks: list[Block], template: frozenset[str] = frozenset()) -> list[str]:
    """Label each block ``"body"`` or with a boilerplate category (see ``record.BOILERPLATE_CATEGORIES``).

    ``template`` holds :func:`template_key` values of blocks known to recur across pages of the
    same site; such blocks are template, never body. It is optional: without it the model
    alone decides.
    """
    return classify_page(blocks, template)[0]


def classify_page(blocks: list[Block], template: frozenset[str] = frozenset()) -> tuple[list[str], PageText]:
    """:func:`classify`, and the :class:`PageText` its features were computed from (for the
    metadata pass, which would otherwise lower-case and scan the same texts again)."""
    if not blocks:
        return [], PageText.empty()
    first, second, knobs = _model()
    X, facts = page_features(blocks)
    columns = _Columns(X)
    keep = _choose_body(blocks, columns, stacked_scores(X, first, second), knobs, facts.spaces + 1.0, template)
    return _categories(blocks, keep, columns, template), facts


class _Columns:
    """What the steps after scoring read of a page's feature matrix ``X`` block by block, as plain
    Python values, converted once per page for all of them: reading a NumPy array one element
    at a time, or a column per call, costs more than those steps' own work."""

    __slots__ = ("X", "log_words", "flagged")

    def __init__(self, X: np.ndarray) -> None:
        self.X = X
        #: The "log_words" column.
        self.log_words: list[float] = X[:, _LOG_WORDS].tolist()
        #: Per column of _FLAG_SPAN (the cue columns and the keyword columns beside them, each set
        #: for few blocks), the rows where it is > 0, ascending: one NumPy pass for them all.
        self.flagged: dict[str, list[int]] = {name: [] for name in FEATURE_NAMES[_FLAG_SPAN]}
        rows = list(self.flagged.values())
        width = len(rows)
        for at in np.flatnonzero(X[:, _FLAG_SPAN] > 0).tolist():
            i, k = divmod(at, width)
            rows[k].append(i)


def _before_comments(blocks: list[Block], X: np.ndarray, scores: np.ndarray) -> np.ndarray:
    """``scores`` with everything under a comments heading made hopeless, when the article
    before that heading is already in evidence (a thread of long comments can outweigh a
    short article; a "12 comments" link above the article has no article before it)."""
    likely = (scores >= _COMMENTS_EVIDENCE).nonzero()[0].tolist()
    if len(likely) < _COMMENTS_EVIDENCE_BLOCKS:
        return scores
    # The evidence only grows down the page: it is there past the likely blocks' third, from
    # the one that brings their words to the threshold on (counted as np.cumsum would add them).
    log_words = X[:, _LOG_WORDS]
    words_so_far = 0.0
    for i, words in zip(likely, np.expm1(log_words[likely]).tolist()):
        words_so_far += words
        if words_so_far >= _COMMENTS_EVIDENCE_WORDS:
            break
    else:
        return scores
    start = max(likely[_COMMENTS_EVIDENCE_BLOCKS - 1] + 1, i)
    # Only a short block with the article's evidence above it can be that heading.
    candidates = (log_words[start:] <= _LOG1P_6).nonzero()[0]
    if not len(candidates):
        return scores
    h = next(_headings(blocks, (candidates + start).tolist(), _COMMENTS_HEADING_WORDS, _COMMENTS_HEADING_LINE), None)
    return scores if h is None else _hopeless_from(scores, h)


def _before_recommendations(blocks: list[Block], X: np.ndarray, scores: np.ndarray) -> np.ndarray:
    """``scores`` with everything under a heading over the site's recommendations ("You may also
    like", see ``cues.RECOMMENDATIONS_HEADING``) made hopeless, when likely-body blocks above it
    hold the words of an article. The recommendations may be whole texts with the story's own
    share buttons under each (a site of quotes or poems), which read as the story going on; and
    such a heading never opens a box inside a story, so a single paragraph is evidence enough.

    Where no block is likely body in absolute terms, decode judges the blocks against the
    page's best one (see _FALLBACK_TOP), and so is the evidence here: a page drawn one element a
    line (BeautifulSoup's get_text) sets its one paragraph among lines of a word each, which
    all but hides it from the model, and the texts under the heading score as low as it does."""
    log_words = X[:, _LOG_WORDS]
    short = (log_words <= _LOG1P_6).nonzero()[0].tolist()
    if not short:
        return scores
    top = float(scores.max())
    evidence = _COMMENTS_EVIDENCE if top >= _COMMENTS_EVIDENCE else _COMMENTS_EVIDENCE * top / _FALLBACK_TOP
    for h in _headings(blocks, short, cues.RECOMMENDATIONS_WORDS, cues.RECOMMENDATIONS_HEADING):
        likely = scores[:h] >= evidence
        if float(np.expm1(log_words[:h][likely]).sum()) >= _COMMENTS_EVIDENCE_WORDS - 0.5:
            return _hopeless_from(scores, h)
    return scores


def _headings(blocks: list[Block], candidates: list[int], words: Sequence[str],
              pattern: re.Pattern) -> Iterator[int]:
    """The ``candidates`` (short blocks) whose whole text ``pattern`` (a line pattern) matches, in
    order: one search over them, a line each, after a cheap test for ``words``, of which every
    heading holds one (most pages have none)."""
    lines = "\n".join([blocks[i].text for i in candidates])
    low = lines.lower()
    if any(word in low for word in words):
        for match in pattern.finditer(lines):
            yield candidates[lines.count("\n", 0, match.start())]


def _hopeless_from(scores: np.ndarray, h: int) -> np.ndarray:
    """A copy of ``scores`` in which block ``h`` and everything under it cannot be body."""
    scores = scores.copy()
    np.minimum(scores[h:], _FALLBACK_FLOOR / 2, out=scores[h:])
    return scores


#: The article is in evidence before a comments heading with this many blocks of this score
#: (or kept), and this many words in them.
_COMMENTS_EVIDENCE = 0.5
_COMMENTS_EVIDENCE_BLOCKS = 3
_COMMENTS_EVIDENCE_WORDS = 100


def choose_body(blocks: list[Block], X: np.ndarray, scores: np.ndarray, knobs: dict[str, float],
                words: np.ndarray | None = None, template: frozenset[str] = frozenset()) -> list[bool]:
    """Which blocks are body, from their features ``X`` and body ``scores``: :func:`decode`
    with the decoding ``knobs`` (nothing under a comments heading that follows the article
    counts, see :func:`_before_comments`, nor under the site's "You may also like", see
    :func:`_before_recommendations`; under the headline where the dump names it, see
    :func:`_after_the_headline`), then the site's template, :func:`drop_furniture`,
    :func:`_drop_leading_headlines`, :func:`take_introduced_lists`, :func:`take_event_listing`,
    :func:`drop_closing_calls` and :func:`drop_repeated_paragraphs`. (Training cross-validates through this too, so it scores
    what ships.)"""
    return _choose_body(blocks, _Columns(X), scores, knobs, words, template)


def _choose_body(blocks: list[Block], columns: _Columns, scores: np.ndarray, knobs: dict[str, float],
                 words: np.ndarray | None, template: frozenset[str]) -> list[bool]:
    """:func:`choose_body`, on the page's :class:`_Columns`."""
    X, log_words = columns.X, columns.log_words
    related = [False] * len(blocks)
    for i in columns.flagged["cue_related"]:
        related[i] = log_words[i] <= _LOG1P_6
    scores = _before_recommendations(blocks, X, _before_comments(blocks, X, scores))
    ends = (X[:, _ENDS_SENTENCE] > 0) | (X[:, _ENDS_COLON] > 0)
    keep = decode(blocks, scores, **knobs, words=words, ends=ends, related=related)
    keep = _after_the_headline(blocks, keep, scores, knobs, words, ends, related)
    if template:
        for i, block in enumerate(blocks):
            if keep[i] and len(block.text) <= _TEMPLATE_MAX_CHARS and template_key(block.text) in template:
                keep[i] = False
    _drop_furniture(blocks, keep, columns)
    _drop_leading_headlines(blocks, keep, columns)
    _take_introduced_lists(blocks, keep, columns, scores)
    _take_event_listing(blocks, keep, columns)
    _take_enclosed_structure(blocks, keep, columns)
    _drop_closing_calls(blocks, keep, columns)
    drop_repeated_paragraphs(blocks, keep)
    drop_pull_quotes(blocks, keep)
    return keep


def _after_the_headline(blocks: list[Block], keep: list[bool], scores: np.ndarray, knobs: dict[str, float],
                        words: np.ndarray | None, ends: np.ndarray, related: list[bool]) -> list[bool]:
    """``keep``, or the story under the page's headline where ``keep`` chose a run above it that
    is not the story. A dump that opens with the page's <title> (BeautifulSoup, html-text) says
    which line is the headline: the first to repeat the title (less the site's name). Where the
    body chosen lies wholly above it (a box of long teasers outweighed a short story), the run
    decoded from the blocks under the headline is the story if its lede shares more of the
    title's words than the chosen body's does."""
    h = _title_line(blocks)
    if h is None or not any(keep):
        return keep
    if any(keep[h + 1 :]):
        return _below_the_last_headline(blocks, keep, ends, h)
    under = decode(blocks[h + 1 :], scores[h + 1 :], **knobs, words=None if words is None else words[h + 1 :],
                   ends=ends[h + 1 :], related=related[h + 1 :])
    if not any(under):
        return keep
    title = _content_words(blocks[h].text)
    chosen = [b.text for b, k in zip(blocks, keep) if k][:_LEDE_BLOCKS]
    story = [b.text for b, k in zip(blocks[h + 1 :], under) if k][:_LEDE_BLOCKS]
    shared_story = len(title & _content_words(" ".join(story))) / len(title)
    shared_chosen = len(title & _content_words(" ".join(chosen))) / len(title)
    if shared_story >= _TITLE_IN_LEDE and shared_story > shared_chosen:
        return [False] * (h + 1) + under
    return keep


def _below_the_last_headline(blocks: list[Block], keep: list[bool], ends: np.ndarray, h: int) -> list[bool]:
    """``keep``, or only what it keeps under the last line inside the body run that repeats the
    page's title (the first such line is block ``h``), where what it keeps above that line is a
    list of teasers (three headlines at least: short lines that end no sentence): a site's list
    of its latest stories, the story's own among them, above the story's headline."""
    first = keep.index(True)
    last = len(keep) - 1 - keep[::-1].index(True)
    inside = [j for j in range(max(h, first + 1), last) if blocks[j].text == blocks[h].text]
    if not inside:
        return keep
    h = inside[-1]
    headlines = sum(1 for i in range(first, h) if keep[i] and not ends[i]
                    and blocks[i].text.count(" ") < _TEASER_HEADLINE_SPACES)
    if headlines < _TEASER_HEADLINES:
        return keep
    return [False] * (h + 1) + keep[h + 1 :]


#: A list of teasers above the story's headline: this many headlines at least, each shorter
#: than this many spaces.
_TEASER_HEADLINES = 3
_TEASER_HEADLINE_SPACES = 20


def title_parts(title: str) -> set[str]:
    """What a page's headline may read where the dump opens with the page's <title>: the
    title's longer part beside each separator ("Site | Headline" as well as "Headline - Site"),
    and the whole title where it is headline-long (a shorter one may be the site's logo)."""
    parts = {max(title.rsplit(separator, 1), key=len) for separator in TITLE_SEPARATORS if separator in title}
    if title.count(" ") + 1 >= _TITLE_LINE_WORDS:
        parts.add(title)
    return parts


def _title_line(blocks: list[Block]) -> int | None:
    """The first block that repeats the page's <title> the dump opens with (see title_parts;
    a part of four words at least), or None."""
    if len(blocks) < 3:
        return None
    parts = {part for part in title_parts(blocks[0].text) if part.count(" ") + 1 >= _TITLE_LINE_WORDS - 1}
    if not parts:
        return None
    return next((j for j in range(1, len(blocks)) if blocks[j].text in parts), None)


def _content_words(text: str) -> set[str]:
    return set(_LONG_WORD.findall(text.lower()))


#: What sets a site's name apart from the headline in a <title>.
TITLE_SEPARATORS = (" - ", " | ", " – ", " — ", " :: ", " · ", " : ")
_TITLE_LINE_WORDS = 5
_LONG_WORD = re.compile(r"\w{4,}")
#: The lede is the story's first blocks; it holds at least this share of the title's words.
_LEDE_BLOCKS = 3
_TITLE_IN_LEDE = 0.3


def _drop_leading_headlines(blocks: list[Block], keep: list[bool], columns: _Columns) -> None:
    """Take out (in place) a run of headlines the body opens with: a video playlist or a list of
    related stories drawn without list markers right above the story (BeautifulSoup's get_text
    draws a link a line) scores as well as the story's top. Several short lines that end no
    sentence, introduce nothing and are no date or dateline ("Hong Kong (CNN Business)"), before
    the story's first paragraph, are no story: a story opens with its lede."""
    first = keep.index(True) if True in keep else -1
    if first < 0:
        return
    X, log_words = columns.X, columns.log_words
    n = len(keep)
    end = first
    while end < n and keep[end] and log_words[end] <= _LOG1P_HEADLINE_WORDS and not X[end, _ENDS_SENTENCE] \
            and not X[end, _ENDS_COLON] and not X[end, _DATELINE] and not blocks[end].text.endswith(")"):
        end += 1
    if end - first >= _LEADING_HEADLINES and end < n and keep[end]:
        keep[first:end] = [False] * (end - first)


#: A run of this many headlines at least (of at most _HEADLINE_WORDS words each).
_LEADING_HEADLINES = 4
_LOG1P_HEADLINE_WORDS = float(np.log1p(15))


#: A pull quote is a sentence or two in quotation marks, set beside the paragraph it repeats
#: (at most this many body blocks away), its words all there in order (the quote marks and the
#: attribution between them left out).
_PULL_QUOTE_WORDS = (6, 40)
_PULL_QUOTE_REACH = 4
_QUOTE_OPENERS = ('"', "“", "«", "„")
_WORD_RUN = re.compile(r"\w+")


def _said_in(words: list[str], other: list[str]) -> bool:
    """Whether ``words`` all stand in ``other``, in order (gaps allowed)."""
    remaining = iter(other)
    return all(word in remaining for word in words)


def drop_pull_quotes(blocks: list[Block], keep: list[bool]) -> None:
    """Take pull quotes out of the body (in place): a feature's layout repeats a line of a quote
    in large type beside the paragraph that holds it, and a text dump gives it a block of its
    own; every word of it is said, in the same order, in a longer paragraph nearby."""
    kept = list(compress(range(len(keep)), keep))
    # (A story's quotes come in runs, each paragraph near several: its words are read once.)
    words_of: dict[int, list[str]] = {}
    for n, i in enumerate(kept):
        text = blocks[i].text
        if text[:1] not in _QUOTE_OPENERS:
            continue
        words = _WORD_RUN.findall(text.lower())
        if not _PULL_QUOTE_WORDS[0] <= len(words) <= _PULL_QUOTE_WORDS[1]:
            continue
        # (A paragraph without the quote's longest word, as a substring, is no source of it:
        # that costs less to tell than splitting the paragraph into words.)
        longest = max(words, key=len)
        for j in kept[max(0, n - _PULL_QUOTE_REACH): n + _PULL_QUOTE_REACH + 1]:
            other = blocks[j].text
            if j == i or len(other) <= len(text) or longest not in other.lower():
                continue
            if j not in words_of:
                words_of[j] = _WORD_RUN.findall(other.lower())
            if _said_in(words, words_of[j]):
                keep[i] = False
                break


#: A paragraph this long, said twice word for word, is a second copy of the story on the page.
_REPEATED_PARAGRAPH_WORDS = 20


def drop_repeated_paragraphs(blocks: list[Block], keep: list[bool]) -> None:
    """Keep only the first of body paragraphs repeated word for word (in place): a page may
    carry a hidden second copy of the article (for another layout, or a teaser of its opening),
    and the decoder sweeps it in. Short lines may repeat in a story (an interview asks the same
    question of each guest); a paragraph of twenty words does not.

    A renderer may also draw such a copy (a hidden full-text field, a teaser box) as one long
    block that runs the story's paragraphs together: most of its stretches of words were said
    above, in several of the body's blocks (one caption repeating another is no copy). The
    story does not resume past that copy, and the copy's own labels (dates, image sizes, a
    section name: short lines, no sentence) that stand right before it go with it. So does a
    copy that draws each paragraph as a few of the story's blocks run together (a list item's
    bold lead and its sentence, two lines apart above): see _joined_copy."""
    kept = list(compress(range(len(keep)), keep))  # (the kept indices, without a Python loop)
    texts = [blocks[i].text for i in kept]
    if (n := _joined_copy(texts)) is not None:
        _drop_copy(keep, kept, texts, n)
        return
    # Only a text said twice can be a twin headline or a repeated paragraph: most pages have none.
    if len(set(texts)) < len(texts):
        seen: set[str] = set()
        previous = -2
        for i, text in zip(kept, texts):
            # A headline drawn twice in a row (a teaser's picture and its link, both with the
            # headline for text): a link to another story, not the story's sub-heading. (A table's
            # header row repeats too, but it is a few words; a date line drawn twice is left to the
            # metadata pass, which reads the article's time from it.)
            if i == previous + 1 and text == blocks[previous].text and not text.endswith(SENTENCE_ENDS) \
                    and _TWIN_HEADLINE_WORDS[0] <= text.count(" ") + 1 <= _TWIN_HEADLINE_WORDS[1] \
                    and _DIGITS.search(text) is None:
                keep[i] = keep[previous] = False
            previous = i
            if text.endswith(SENTENCE_ENDS) and text.count(" ") + 1 >= _REPEATED_PARAGRAPH_WORDS:
                if text in seen:
                    keep[i] = False
                seen.add(text)
    # (Fewer than four characters a word is no prose: the length screens blocks cheaply.)
    long = [n for n in range(_COPY_SOURCES, len(texts)) if len(texts[n]) >= 4 * _RUN_TOGETHER_WORDS
            and texts[n].count(" ") + 1 >= _RUN_TOGETHER_WORDS]
    if not long:
        return
    joined = " ".join(texts)
    ends = list(accumulate(len(text) + 1 for text in texts))
    for n in long:
        text, limit = texts[n], ends[n - 1]
        step = (len(text) - _WINDOW_CHARS) // _WINDOWS
        found: list[int] = []
        for w in range(_WINDOWS):
            # A stretch that starts at a word.
            start = text.find(" ", w * step) + 1
            at = joined.find(text[start:start + _WINDOW_CHARS], 0, limit) if start else -1
            if at >= 0:
                found.append(at)
            elif w + 1 - len(found) > _WINDOWS - _WINDOWS_SAID:
                break
        if len(found) < _WINDOWS_SAID or len({bisect_right(ends, at) for at in found}) < _COPY_SOURCES:
            continue
        _drop_copy(keep, kept, texts, n)
        return


def _drop_copy(keep: list[bool], kept: list[int], texts: list[str], n: int) -> None:
    """Drop (in ``keep``) the body from the ``n``-th kept block on, a copy of the story, and
    the copy's labels right before it (short lines, no sentence)."""
    for j in kept[n:]:
        keep[j] = False
    for m in range(n - 1, 0, -1):
        if texts[m].endswith(SENTENCE_ENDS) or texts[m].count(" ") + 1 > _COPY_LABEL_WORDS:
            break
        keep[kept[m]] = False


def _joined_copy(texts: list[str]) -> int | None:
    """Where (an index into ``texts``, the body's blocks) the story starts over as a copy that
    runs its blocks together a few at a time: _COPY_SOURCES paragraphs in a row, each of
    _REPEATED_PARAGRAPH_WORDS or more, each two or more of the blocks above joined by a space
    (a renderer that breaks a line at every element draws a list item's bold lead and its
    sentence apart in one copy, together in another). One such paragraph may be a quote
    repeated; three in a row are a copy."""
    starts: dict[str, list[int]] = {}
    run = 0
    for n, text in enumerate(texts):
        head = text[:_COPY_KEY_CHARS]
        if len(text) >= 4 * _REPEATED_PARAGRAPH_WORDS and text.count(" ") + 1 >= _REPEATED_PARAGRAPH_WORDS \
                and any(_joins_blocks_above(texts, m, text) for m in starts.get(head, ())):
            run += 1
            if run == _COPY_SOURCES:
                return n - run + 1
        else:
            run = 0
        if len(head) == _COPY_KEY_CHARS:
            starts.setdefault(head, []).append(n)
    return None


def _joins_blocks_above(texts: list[str], m: int, text: str) -> bool:
    """Whether ``text`` is ``texts[m]`` and one or more of the blocks after it, joined by spaces."""
    at, parts = 0, 0
    for part in texts[m:]:
        if not text.startswith(part, at):
            return False
        at += len(part)
        parts += 1
        if at == len(text):
            return parts > 1
        if text[at] != " ":
            return False
        at += 1
    return False


#: How many words a headline drawn twice in a row has.
_TWIN_HEADLINE_WORDS = (6, 18)
#: How many of a block's first characters find the blocks _joined_copy tries it against.
_COPY_KEY_CHARS = 24
#: A block this long (words) is a copy of the story run together when, of this many stretches of
#: this many characters sampled along it, this many were said above, in this many of the body's
#: blocks.
_RUN_TOGETHER_WORDS = 100
_WINDOWS = 8
_WINDOW_CHARS = 40
_WINDOWS_SAID = 6
_COPY_SOURCES = 3
#: A label standing before the copy has no sentence and at most this many words.
_COPY_LABEL_WORDS = 12


# What a newsletter or subscription pitch says, past the keywords that flag one (a sentence about
# the "Federal Register" or a "sign-in sheet" is no pitch).
_PITCHES = (r"sign(?:ing)? up", r"subscri\w*", r"newsletters?", r"inbox", r"e-?mail", r"register (?:now|here|today|free|for|to)",
            r"registration", r"log ?in", r"sign in", r"login", r"inscreva-se", r"suscr[ií]bete", r"abonnez-vous", r"abonnieren",
            r"iscriviti", r"подпис\w*")
_PITCH = re.compile(rf"\b{cues.opening_lookahead(_PITCHES)}(?:{'|'.join(_PITCHES)})\b", re.IGNORECASE)
#: A call to action is a line or two (cues.CALL_WORDS); a sign-off (cues.SIGN_OFF) may name the
#: address, the desks and the social accounts too.
_SIGN_OFF_WORDS = 60


# What the page stamps under a story: "First Published on Nov 20, 2019 01:38 pm", "Updated:
# 12:04 ET", "tags #Markets #Sensex", "Topics: ...". (A tweet's "Name (@name) November 19,
# 2019" is part of the story, and opens with the name.)
_CLOSING_STAMP = re.compile(
    r"^(?:(?:first |originally )?(?:published|posted)|(?:last )?updated|last modified)\b[^\n]*\d|"
    r"^(?:tags?|topics|tagged(?: with)?|keywords|filed under)\s*[:#]", re.IGNORECASE)
_STAMP_WORDS = 12


_BUTTON_MARK = "(BUTTON) "


def _closing_call(text: str, newsletter: bool) -> bool:
    """Whether ``text``, after the story's last paragraph, is the publisher's call to action or
    stamp (``newsletter``: its features name a newsletter or a subscription pitch). Emphasis
    marks a Markdown renderer left on it ("*Follow Newsbeat on* Instagram"), or the mark lynx
    prints before a button's label ("(BUTTON) Copy HTML"), do not hide it."""
    if text[:1] in "*_":
        text = text.lstrip("*_")
    elif text.startswith(_BUTTON_MARK):
        text = text[len(_BUTTON_MARK):]
    words = text.count(" ") + 1
    if words <= cues.CALL_WORDS and ((newsletter and _PITCH.search(text)) or cues.CALL_TO_ACTION.match(text)):
        return True
    if words <= _SIGN_OFF_WORDS and (cues.APPEAL.search(text) or cues.PAYWALL.search(text)):
        return True
    if words <= _STAMP_WORDS and _CLOSING_STAMP.match(text):
        return True
    return words <= _SIGN_OFF_WORDS and (cues.signs_off_or_credits(text) or cues.AUTHOR_BIO.match(text) is not None)


def drop_closing_calls(blocks: list[Block], keep: list[bool], X: np.ndarray) -> None:
    """Take the publisher's calls to action that close the body out of it (in place): after the
    story's last paragraph, "Subscribe to ...", "Follow us on ...", "Get the latest updates in
    your inbox", "Have a tip? ..." are the page's, not the story's. (Inside the story, "Sign up
    for the bundle" may be advice; only the closing run goes.)"""
    _drop_closing_calls(blocks, keep, _Columns(X))


def _drop_closing_calls(blocks: list[Block], keep: list[bool], columns: _Columns) -> None:
    """:func:`drop_closing_calls`, on the page's :class:`_Columns`."""
    kept = list(compress(range(len(keep)), keep))  # (the kept indices, without a Python loop)
    # The blocks whose features name a newsletter or a subscription pitch.
    pitches = set(columns.flagged["cue_newsletter"]).union(columns.flagged["subscribe"])
    if _drop_newsletter_boxes(blocks, keep, pitches):
        kept = list(compress(range(len(keep)), keep))
    _drop_newsletter_foot(blocks, keep, pitches, kept)
    while len(kept) > 3:
        i = kept[-1]
        if not _closing_call(blocks[i].text, i in pitches):
            break
        keep[kept.pop()] = False
    # A press release's profile of its company, closing it (see cues.company_profile).
    texts = [blocks[i].text for i in kept[-_PROFILE_REACH:]]
    for k in range(len(texts) - 1, -1, -1):
        if len(kept) <= 3 or not cues.company_profile(texts, k):
            break
        keep[kept.pop()] = False


#: A company's profile is looked for among this many last paragraphs.
_PROFILE_REACH = 4
#: How many lines a sign-up box inside the story runs to, on either side of its sign-up line.
_BOX_REACH = 4
# A box's pitch speaks to the reader ("... delivered to your inbox", "Thank you for
# subscribing!"); a story's sentence about subscribers or an email does not, unless it quotes.
_READER_ADDRESS = re.compile(r"\b(?:you|your)\b|!", re.IGNORECASE)
_QUOTE_MARKS = (*_QUOTE_OPENERS, "”")


def _box_pitch(text: str) -> bool:
    return _PITCH.search(text) is not None and _READER_ADDRESS.search(text) is not None \
        and not any(mark in text for mark in _QUOTE_MARKS)


def _story_line(text: str) -> bool:
    return (text.endswith(SENTENCE_ENDS) or text.count(" ") + 1 > cues.CALL_WORDS) and not _box_pitch(text)


def _box_heading(text: str) -> bool:
    # (A date, a handle or a bracket marks a tweet's or a picture's credit line, not a heading.)
    return text.count(" ") + 1 <= _FOOT_HEADING_WORDS and not text.endswith(SENTENCE_ENDS) \
        and _DIGITS.search(text) is None and "@" not in text and "(" not in text


def _drop_newsletter_boxes(blocks: list[Block], keep: list[bool], pitches: set[int]) -> bool:
    """Take the rest of a sign-up box inside the story out of the body (in place), around each
    sign-up line already left out ("Enter your email", "Sign up for our newsletter"): the
    box's own heading above it ("Get the Morning Brief", "NEWSLETTER") and its pitch lines on
    either side ("Our top stories, delivered to your inbox", "Thank you for subscribing!"), as
    far as the box's short lines run. The story's paragraphs bound it; a sub-heading under the
    box is the story's. Whether anything was taken out."""
    changed = False
    n = len(blocks)
    for j in sorted(pitches):
        if keep[j] or blocks[j].text.count(" ") + 1 > cues.CALL_WORDS:
            continue
        # Down: the box's pitch lines and fine print, until the story resumes.
        for k in range(j + 1, min(n, j + 1 + _BOX_REACH)):
            text = blocks[k].text
            if text.count(" ") + 1 > cues.CALL_WORDS or (keep[k] and not _box_pitch(text)):
                break
            if keep[k]:
                keep[k] = False
                changed = True
        # Up: pitch lines, then the box's heading, the topmost line of the box.
        for k in range(j - 1, max(-1, j - 1 - _BOX_REACH), -1):
            text = blocks[k].text
            if text.count(" ") + 1 > cues.CALL_WORDS:
                break
            if not keep[k]:
                continue
            above_is_story = k > 0 and keep[k - 1] and _story_line(blocks[k - 1].text)
            if _box_pitch(text) or (_box_heading(text) and above_is_story):
                keep[k] = False
                changed = True
                if not above_is_story:
                    continue
            break
    return changed


#: A newsletter box at the foot: its heading has at most this many words, and at most this many
#: kept blocks, each a line or two (cues.CALL_WORDS), follow it; this many of the body's blocks come
#: first (the story, in evidence above the box).
_FOOT_HEADING_WORDS = 8
_FOOT_BLOCKS = 4
_FOOT_EVIDENCE = 3


def _drop_newsletter_foot(blocks: list[Block], keep: list[bool], pitches: set[int], kept: list[int]) -> None:
    """Take a newsletter box at the foot of the page out of the body (``kept``, the body's
    blocks, shrinks with ``keep``): under a short heading that asks the reader to sign up or
    subscribe ("SIGN UP FOR E-MAIL NEWSLETTERS"), after the story, a few short lines (the pitch,
    its fine print "No spam ... unsubscribe at any time", the publisher's line under it) and
    nothing longer are the box's and the footer's, however prose-like each reads. A story that
    resumes under a mid-page sign-up box has paragraphs there; this one has none. (``pitches``:
    the blocks whose features name a newsletter or a subscription pitch.)"""
    n = len(kept)
    last = min(_FOOT_BLOCKS, n - _FOOT_EVIDENCE - 1)
    if last < 1:
        return
    # Sign-up cues left out among the body's last few blocks: most pages have none.
    lo, hi = kept[n - last - 1] + 1, kept[-1]
    if hi - lo < last:  # (no block left out between the body's last few)
        return
    cued = sorted(j for j in pitches if lo <= j < hi)
    if not cued:
        return
    headings = [j for j in cued if not keep[j]
                and blocks[j].text.count(" ") + 1 <= _FOOT_HEADING_WORDS and not blocks[j].text.endswith(SENTENCE_ENDS)]
    # Up from the body's last block, while what is kept below stays a few short lines.
    for below in range(1, last + 1):
        i = kept[n - below]
        if blocks[i].text.count(" ") + 1 > cues.CALL_WORDS:
            return
        if headings and headings[-1] > kept[n - below - 1]:
            for k in kept[n - below:]:
                keep[k] = False
            del kept[n - below:]
            return


#: What only a publisher's note says of its own copy ("... auto-generated from a syndicated feed").
_PUBLISHER_NOTE = re.compile(r"syndicated feed|auto-generated|has not been edited by|views expressed (?:here|in this)|"
                             r"all rights reserved|(?:published|generated) from (?:a|an|the) (?:syndicated|agency|wire)",
                             re.IGNORECASE)


# (A count of none, "0 Comments", is the comments link of an article's byline bar, not a heading:
# no thread follows it.)
_COMMENTS_HEADING = re.compile(
    r"^\W*(?:0*[1-9]\d*\s+)?(?:comments?|reader comments|leave a (?:reply|comment)|join the (?:discussion|conversation)|"
    r"post a comment|add a comment|show comments|view comments|coment[aá]rios?|commentaires?|kommentare?|commenti|"
    r"комментари\w*)\b", re.IGNORECASE)


# "About Ascom", "About the author", "Sobre Carlos Nadalim", "Über Moritz Bachmann": a heading that
# names a person or a company (capitalised words only) after "about".
_ABOUT_WORDS = ("about", "sobre", "über", "à propos de", "a propos de", "acerca de", "informazioni su", "o autorze")
_ABOUT_HEADING = re.compile(
    rf"^(?i:{'|'.join(map(re.escape, _ABOUT_WORDS))})\s+"
    r"(?:(?i:the)\s+(?i:authors?|writers?|reporters?|company)|[A-ZÀ-ÖØ-Þ][\w'’.&-]*(?:\s+[A-ZÀ-ÖØ-Þ][\w'’.&-]*){0,3})"
    r"\s*:?$")
#: What an _ABOUT_HEADING can open with: a cheap test before the pattern.
_ABOUT_INITIALS = frozenset(c for word in _ABOUT_WORDS for c in (word[0], word[0].upper()))
# _COMMENTS_HEADING for the lines of one string: no match may run on into the next line.
_COMMENTS_HEADING_LINE = re.compile(
    _COMMENTS_HEADING.pattern.replace(r"^\W*", r"^[^\w\n]*").replace(r"\s+", r"[^\S\n]+"),
    re.IGNORECASE | re.MULTILINE)
# What every _COMMENTS_HEADING holds, lower-cased: a cheap test before the pattern. (No i, k or s
# in them: re.IGNORECASE matches those to letters lower-casing leaves apart, as "ı" to "i".)
_COMMENTS_HEADING_WORDS = ("omment", "oment", "leave a", "the d", "the c", "омментари")


def drop_furniture(blocks: list[Block], keep: list[bool], X: np.ndarray) -> None:
    """Take out of the body (in place) what names itself furniture, however prose-like it reads:
    a promo, newsletter box or share bar (``cues.anywhere_category``), a publisher's note on its copy, everything under a comments heading or an "About <name>"
    box that follows the article, the headlines listed under a related-links heading inside
    it, and a phrase shown at every picture (an alt text a terminal renderer prints).

    The classifier weighs these cues with everything else; stated outright, they settle it.
    """
    _drop_furniture(blocks, keep, _Columns(X))


def _drop_furniture(blocks: list[Block], keep: list[bool], columns: _Columns) -> None:
    """:func:`drop_furniture`, on the page's :class:`_Columns`."""
    n = len(blocks)
    kept = list(compress(range(n), keep))  # (the kept indices, without a Python loop)
    if not kept:
        return  # (every step below only takes kept blocks out)
    X, log_words, flagged = columns.X, columns.log_words, columns.flagged
    ends_sentence = X[:, _ENDS_SENTENCE].tolist()
    comment_cue = [i for i in flagged["cue_comment"] if log_words[i] <= _LOG1P_6]
    related_heading = {i for i in flagged["cue_related"] if log_words[i] <= _LOG1P_6}
    disclaimer = set(flagged["disclaimer"])
    # The cue column knows a heading by its first words; one that names the site in the middle
    # ("More Great WIRED Stories") takes the whole pattern. Only short blocks left out between
    # the body's first and last are worth the search (a heading matters for what it heads).
    first, last = kept[0], kept[-1]
    for i in compress(range(first, last), map(not_, keep[first:last])):
        if log_words[i] <= _LOG1P_6 and i not in related_heading and cues.RELATED_HEADING.match(blocks[i].text):
            related_heading.add(i)
    # The same long title-like phrase (no sentence, no list) three times over is an image's alt
    # text or a teaser in every box. (A series of interviews asks the same questions, a guide
    # repeats its tips, a meal plan its dishes: sentences, short lines, list items, or rows of
    # comma-separated data.) Most repeated lines are short (navigation), and few long ones come
    # three times: the length and the count go first.
    long_repeated = ((X[:, _COLUMN["repeated"]] > 0) & (X[:, _LOG_WORDS] >= _PHRASE_LOG_WORDS)).nonzero()[0].tolist()
    if len(long_repeated) >= _FURNITURE_REPEATS \
            and max(Counter(blocks[i].text for i in long_repeated).values()) >= _FURNITURE_REPEATS:
        rows = X[long_repeated]
        phrase = (rows[:, _ENDS_SENTENCE] == 0) & (rows[:, _COLUMN["bullet"]] == 0) \
            & (rows[:, _COLUMN["comma_rate"]] * np.expm1(rows[:, _LOG_WORDS]) <= 10.5)
        repeated = list(compress(long_repeated, phrase.tolist()))
        counts = Counter(blocks[i].text for i in repeated)
        for i in repeated:
            if keep[i] and counts[blocks[i].text] >= _FURNITURE_REPEATS:
                keep[i] = False
        kept = list(compress(range(n), keep))
    # A block changes or counts here only if it is kept, under a related heading or such a
    # heading itself (most blocks are none of these): the loop visits those, and looks at the
    # others in between only for the end of a related box. Under a comments heading, or an
    # "About Jane Doe" / "Über Moritz Bachmann" box (the author's bio, the company's
    # boilerplate), nothing more is the story, once the article is in evidence above it (a share
    # bar's "12 Comments" may sit under the lede): found where the evidence is first there.
    comments_or_about = n
    started = in_related = evidence = False
    kept_blocks = kept_words = 0
    previous = -1
    visits = kept
    if comment_cue or related_heading:
        visits = sorted(set(kept).union(comment_cue, related_heading))
    for i in visits:
        if i >= comments_or_about:
            break
        # The box ends at its first line that is no headline (long, or a sentence).
        if in_related and i > previous + 1 and not all(
                log_words[j] <= _HEADLINE_LOG_WORDS and ends_sentence[j] == 0 for j in range(previous + 1, i)):
            in_related = False
        previous = i
        kept, text = keep[i], blocks[i].text
        # An "Also Read" box inside the article: the run of likely-body blocks may span it, and
        # its headlines read like sub-headings, but under that heading they are links.
        if i in related_heading and not kept:
            in_related = started
        elif kept and started and log_words[i] <= _LOG1P_6 and cues.RELATED_HEADING.match(text):
            # ... as when the heading itself ("More Great Stories", "More:") was swept in.
            in_related = True
        elif in_related and not (log_words[i] <= _HEADLINE_LOG_WORDS and (ends_sentence[i] == 0 or _asks_or_exclaims(text)
                                                                       or _headline_follows(blocks, keep, X, i))):
            in_related = False
        # A promo, a newsletter box or share buttons inside the story ("CLICK HERE TO GET THE
        # APP", "SEE MORE: <headline>", "Subscribe to ..."): what HTML mode takes out of a body,
        # wherever it sits. Each is a line or two; a related box run into one line with its
        # heading ("More headlinesRabbis vow to ...", cues.glued_related_box) may be longer.
        if kept and (in_related or (i in disclaimer and _PUBLISHER_NOTE.search(text))
                     or (_names_itself_furniture(text) or _page_notice(text) if log_words[i] <= _LOG1P_40
                         else cues.glued_related_box(text))):
            keep[i] = False
        elif kept:
            started = True
            if not evidence:
                kept_blocks += 1
                kept_words += text.count(" ") + 1
                evidence = kept_blocks >= _COMMENTS_EVIDENCE_BLOCKS and kept_words >= _COMMENTS_EVIDENCE_WORDS
                if evidence:
                    comments_or_about = _comments_or_about(blocks, keep, log_words, ends_sentence, i + 1, comment_cue)
    if comments_or_about < n:
        keep[comments_or_about:] = [False] * (n - comments_or_about)


def _headline_follows(blocks: list[Block], keep: list[bool], X: np.ndarray, i: int) -> bool:
    """Whether the kept block after ``i`` is another of a related box's headlines: short, and
    ending no sentence or capitalising most words ("'Black Lives Matter' Sends Brutal Message To
    Hillary..."). A headline may end on a full stop ("Sanders and Clinton see black votes as key
    in S.C."); the story going on after the box is followed by more of it (a question is prose
    as often as a headline)."""
    j = i + 1
    if j >= len(blocks) or not keep[j] or X[j, _LOG_WORDS] > _HEADLINE_LOG_WORDS:
        return False
    return X[j, _ENDS_SENTENCE] == 0 or X[j, _UPPER_RATIO] >= _TITLE_CASE_SHARE


def _title_cased(text: str) -> bool:
    """Whether ``text`` capitalises _TITLE_CASE_SHARE of its words at least (a headline's style)."""
    words = text.split()
    return sum(word[:1].isupper() for word in words) >= _TITLE_CASE_SHARE * len(words)


def _asks_or_exclaims(text: str) -> bool:
    """Whether ``text`` ends on a question or an exclamation ("Is violence in sports on the rise?",
    "Video shows rescue: "We got her!""): a headline may, where a full stop says sentence."""
    return text.rstrip("\"'”’»)")[-1:] in "?!"


def _comments_or_about(blocks: list[Block], keep: list[bool], log_words: list[float], ends_sentence: list[float],
                       start: int, comment_cue: list[int]) -> int:
    """The first block from ``start`` on that heads a comments thread or an "About <name>" box
    (``comment_cue``: the short blocks the cue column names comments), or ``len(blocks)``. Only
    an unambiguous heading counts ("Replies" or "Responses" may head a section of the
    article); a comments heading is left out of the body already (one kept is the story's)."""
    stop = len(blocks)
    for i in comment_cue:
        if i >= start and not keep[i] and _COMMENTS_HEADING.match(blocks[i].text):
            stop = i
            break
    # An "About ..." heading is short, has no sentence, and opens with a letter such a heading
    # can open with (the cheap tests before the pattern).
    for i in range(start, stop):
        if log_words[i] <= _LOG1P_5 and ends_sentence[i] == 0:
            text = blocks[i].text
            if text[:1] in _ABOUT_INITIALS and _ABOUT_HEADING.match(text):
                return i
    return stop


# Every pattern cues.anywhere_category tries is anchored at the block's start (past blanks) and
# opens with one of these words, in any case, but NEWSLETTER, which it tries only where the
# lower-cased text holds "newsletter" or "enter your email". Filed by their first letter.
_FURNITURE_OPENERS = """also read must watch related see more recommended click don listen download up you
    top trending most latest editor what further in popular next subscribe sign get share tweet pin email print
    copy connect follow whatsapp facebook twitter linkedin telegram reddit x instagram youtube pinterest page""".split() \
    + sorted(cues.OPENERS_ABROAD)
_FURNITURE_OPENERS_BY_LETTER = {
    letter: tuple(word for word in _FURNITURE_OPENERS if word[0] == letter) for letter in {w[0] for w in _FURNITURE_OPENERS}}


# The letters re.IGNORECASE matches to ASCII ones that lower-casing leaves apart ("ı" to "i").
_FOLDS_TO_ASCII = frozenset("İıſ\u212a")


def _names_itself_furniture(text: str) -> bool:
    """``cues.anywhere_category(text) is not None``, for most blocks without running its patterns:
    a paragraph seldom opens with any of _FURNITURE_OPENERS, or mentions a newsletter.
    (Lower-casing stands for the patterns' IGNORECASE except where the opening holds one of
    _FOLDS_TO_ASCII; there, and past blanks, the patterns decide.)"""
    head = text[:12]
    if not head[:1].isspace() and (head.isascii() or _FOLDS_TO_ASCII.isdisjoint(head)):
        head = head.lower()
        openers = _FURNITURE_OPENERS_BY_LETTER.get(head[:1])
        if openers is None or not head.startswith(openers):
            low = text.lower()
            if "newsletter" not in low and "enter your email" not in low:
                return False
    return cues.anywhere_category(text) is not None


# A teaser cut short by the page: the ellipsis right after a comma or a semicolon ("Two people
# in China have been diagnosed with the plague,..."), where no sentence trails off.
_CUT_TEASER = re.compile(r"[,;]\s?(?:\.\.\.|…)$")
# What a page shows a reader without scripts, never a story's sentence: "Please enable JavaScript
# to view the comments", "JavaScript is disabled in your browser".
_SCRIPT_NOTICE = re.compile(r"^\W*(?:please )?(?:enable|turn on|activate) javascript\b|"
                            r"^\W*(?:javascript is (?:disabled|required|not enabled)|"
                            r"(?:you need to|you must) enable javascript)\b", re.IGNORECASE)


def _page_notice(text: str) -> bool:
    """Whether ``text`` is the page's, not the story's: a teaser the page cut short
    (_CUT_TEASER) or a notice to readers without scripts (_SCRIPT_NOTICE). The marks and the
    word screen most blocks out before the patterns."""
    if text.endswith(("...", "…")) and _CUT_TEASER.search(text[-5:]):
        return True
    return "cript" in text and _SCRIPT_NOTICE.match(text) is not None


#: How often a long phrase must recur on a page to be furniture, however prose-like.
_FURNITURE_REPEATS = 3
_REPEATED_PHRASE_WORDS = 8
#: Below this score a block after an introducing colon is furniture all the same.
_LIST_FLOOR = 0.05
#: A kept block this long after an introducing colon is a paragraph, not an item of its list.
_LIST_ITEM_WORDS = 25
#: A web address alone ("http://amzn.to/2iJFhRj", "<https://example.com/deal>").
_BARE_LINK = re.compile(r"<?(?:https?://|www\.)[^\s<>]+>?")


def take_introduced_lists(blocks: list[Block], keep: list[bool], X: np.ndarray, scores: np.ndarray) -> None:
    """Add to the body (in place) what a body paragraph ending in a colon introduces: the blocks
    right after it at one indent ("Here are the deals:" and a list of products, "Features:" and
    its items), which one by one look like navigation.

    The list ends at the first block at another indent, one the body has already, one the
    model finds hopeless (``_LIST_FLOOR``), or one that names itself furniture (a "Related"
    or comments heading, share buttons, a cookie or copyright notice).
    """
    _take_introduced_lists(blocks, keep, _Columns(X), scores)


def _take_introduced_lists(blocks: list[Block], keep: list[bool], columns: _Columns, scores: np.ndarray) -> None:
    """:func:`take_introduced_lists`, on the page's :class:`_Columns`."""
    # The introducing paragraphs, found all at once ("Related coverage:" introduces no part of the
    # story). The loop below only sets keep[] between an introduction and the end of its list,
    # and resumes past that end, so no block it visits later has changed since this was computed.
    # (Few blocks end in a colon, fewer of them kept: most pages stop here.)
    colon = [i for i in (columns.X[:, _ENDS_COLON] > 0).nonzero()[0].tolist() if keep[i]]
    if not colon:
        return
    named = set().union(*(columns.flagged[name] for name in _NAMED_FURNITURE))
    n = len(blocks)
    introductions = [i for i in colon if i not in named]
    resume = 0
    for i in introductions:
        if i < resume or i >= n - 1:
            continue
        indent = blocks[i + 1].indent
        j = i + 1
        # The decoder may have kept the list's first items already (they sit next to the
        # paragraph): the list goes on through them, but a kept paragraph is the body resuming.
        # An item's own link on a line of its own (a shop's short link under each product)
        # scores as hopeless as any bare address, but the list goes on through it.
        while j < n and blocks[j].indent == indent and j not in named and (
                (keep[j] and blocks[j].text.count(" ") < _LIST_ITEM_WORDS)
                or (not keep[j] and scores[j] >= _LIST_FLOOR)
                or (j > i + 1 and _BARE_LINK.fullmatch(blocks[j].text) is not None)):
            keep[j] = True
            j += 1
        resume = max(j, i + 1)


#: A row of a listing of dated events ("June 9 – Tampa, FL @ Amphitheatre", "Sat 14 March: Leeds,
#: O2 Academy", "Oct. 3 -- Ak-Chin Pavilion, Phoenix"): a day and its month (a weekday before them
#: at most), no year (an archive's "November 2019", a stamp's "Nov 19, 2019", a dated teaser), then
#: a separator and words, not a time ("June 9 at 8:15 pm" is a comment's stamp).
_EVENT_ROW = re.compile(
    r"(?<![\w.])(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
    rf"(?:(?:{MONTH_NAME.pattern})\s+\d{{1,2}}(?:st|nd|rd|th)?|\d{{1,2}}(?:st|nd|rd|th)?\.?\s+(?:de\s+)?(?:{MONTH_NAME.pattern}))"
    r"(?!\d|,?\s*\d{4}\b)\s*[-–—:@|,]*\s*(?!at\s+\d)(?=[^\W\d_])", re.IGNORECASE)
#: So many rows at least make a listing.
_EVENT_ROWS_MIN = 3
#: The heading a story may set over such a listing ("Tour Dates") has at most this many words.
_EVENT_HEADING_WORDS = 8


def _event_rows(text: str) -> int:
    """How many rows of a listing of dated events ``text`` is (a renderer may run several rows
    into one line), 0 for any other text: it opens with one, and each has a few words."""
    if _EVENT_ROW.match(text) is None:
        return 0
    rows = len(_EVENT_ROW.findall(text))
    return rows if text.count(" ") < _LIST_ITEM_WORDS * rows else 0


def take_event_listing(blocks: list[Block], keep: list[bool], X: np.ndarray) -> None:
    """Add to the body (in place) the listing of dated events a story ends with: a tour's or a
    season's dates, one row each ("June 9 – Tampa, FL @ Amphitheatre"), right after the last
    paragraph (under one short heading of its own, "Tour Dates", at most), at one indent. Each
    row is short and names places, which reads like navigation; a listing after a colon is
    :func:`_take_introduced_lists`' already, and this takes the rows it left under its floor.
    Rows the body has already are a second copy of the story's, which the page repeats."""
    _take_event_listing(blocks, keep, _Columns(X))


def _take_event_listing(blocks: list[Block], keep: list[bool], columns: _Columns) -> None:
    """:func:`take_event_listing`, on the page's :class:`_Columns`."""
    if True not in keep:
        return
    n = len(blocks)
    last = n - 1 - keep[::-1].index(True)
    kept_rows = 0
    first_kept_row = last + 1
    while first_kept_row > 0 and keep[first_kept_row - 1] and (rows := _event_rows(blocks[first_kept_row - 1].text)):
        first_kept_row -= 1
        kept_rows += rows
    start = last + 1
    if not kept_rows and start + 1 < n and not _event_rows(blocks[start].text) and _event_rows(blocks[start + 1].text):
        heading = blocks[start].text
        if heading.count(" ") >= _EVENT_HEADING_WORDS or columns.X[start, _ENDS_SENTENCE] \
                or cues.RELATED_HEADING.match(heading) or _names_itself_furniture(heading):
            return
        start += 1
    if start >= n or not _event_rows(blocks[start].text):
        return
    named = set().union(*(columns.flagged[name] for name in _NAMED_FURNITURE))
    indent = blocks[start].indent
    end, rows = start, kept_rows
    while end < n and blocks[end].indent == indent and end not in named and (more := _event_rows(blocks[end].text)):
        rows += more
        end += 1
    if rows >= _EVENT_ROWS_MIN and blocks[start].text not in {blocks[i].text for i in range(first_kept_row) if keep[i]}:
        keep[last + 1 : end] = [True] * (end - last - 1)


# Feature columns that name a category outright, in order of precedence.
_CUE_LABELS = (
    ("cue_promo", "promo"),
    ("cue_share", "share"),
    ("cue_legal", "disclaimer"),
    ("disclaimer", "disclaimer"),
    ("cue_newsletter", "newsletter"),
    ("cue_tags", "tags"),
    ("cue_caption", "caption"),
    ("cue_advert", "advert"),
    ("cue_byline", "byline"),
)
_COLUMN = {name: k for k, name in enumerate(FEATURE_NAMES)}
_UPPER_RATIO = _COLUMN["upper_ratio"]
#: A line capitalising this share of its words at least is set in title case (a headline).
_TITLE_CASE_SHARE = 0.6
_LOG_WORDS, _ENDS_SENTENCE, _ENDS_COLON = _COLUMN["log_words"], _COLUMN["ends_sentence"], _COLUMN["ends_colon"]
_DATELINE = _COLUMN["dateline"]
# The "log_words" column of a block of 5, 6, ... words, computed once: the word counts the steps
# above compare that column with (np.log1p of a scalar costs a microsecond each time).
_LOG1P_5, _LOG1P_6, _LOG1P_8, _LOG1P_25, _LOG1P_40 = (float(np.log1p(k)) for k in (5, 6, 8, 25, 40))
_HEADLINE_LOG_WORDS, _PHRASE_LOG_WORDS = float(np.log1p(_INTERRUPTION_WORDS)), float(np.log1p(_REPEATED_PHRASE_WORDS))
_NAMED_FURNITURE = ("cue_promo", "cue_share", "cue_tags", "cue_advert", "cue_newsletter", "cue_comment", "cue_related",
                    "cue_legal", "disclaimer", "cookie")
# The columns _Columns.flagged lists rows of: the cues, and the keyword columns beside them.
_FLAG_NAMES = ("cookie", "subscribe", "dateline", "reading_time", "disclaimer",
               *(name for name in FEATURE_NAMES if name.startswith("cue_")))
_FLAG_SPAN = slice(min(_COLUMN[name] for name in _FLAG_NAMES), max(_COLUMN[name] for name in _FLAG_NAMES) + 1)


#: How many blocks a stretch of the story's own list items, table rows, code lines and
#: sub-headings may run to between two of its paragraphs, and how many words each has at most.
_ENCLOSED_BLOCKS = 20
_ENCLOSED_WORDS = _LIST_ITEM_WORDS
#: The paragraph that closes such a stretch has this many words at least.
_ENCLOSED_CLOSING_WORDS = 8
# Columns that name a block as no part of the story's structure (captions, bylines, dates, credits).
_NOT_STRUCTURE = (*_NAMED_FURNITURE, "cue_caption", "cue_byline", "dateline", "reading_time")


def take_enclosed_structure(blocks: list[Block], keep: list[bool], X: np.ndarray) -> None:
    """Add to the body (in place) a stretch of short blocks left out between two of its
    paragraphs that a colon introduces (the paragraph before it, or a line of its own: "Here is
    how the budget is divided:", "What we liked:"): the story's table rows, list items, code lines
    and the sub-headings among them, which one by one read like navigation, and which a terminal
    renderer sets flush left or apart from the paragraphs, so that the decoder's run does not
    span them. The story resumes right after the stretch with a paragraph that ends a sentence;
    a block in between that is long (a teaser or a caption read as prose), names itself
    furniture, or heads related links keeps the whole stretch out."""
    _take_enclosed_structure(blocks, keep, _Columns(X))


def _take_enclosed_structure(blocks: list[Block], keep: list[bool], columns: _Columns) -> None:
    """:func:`take_enclosed_structure`, on the page's :class:`_Columns`."""
    X = columns.X
    # (Few blocks end in a colon: most pages stop here.)
    colons = (X[:, _ENDS_COLON] > 0).nonzero()[0].tolist()
    if not colons:
        return
    kept = list(compress(range(len(keep)), keep))
    named: set[int] | None = None
    for before, after in zip(kept, kept[1:]):
        if after - before < 2 or after - before - 1 > _ENCLOSED_BLOCKS:
            continue
        # A colon in the kept block before the stretch, in the stretch but its last block, or
        # in the kept block after it (the story introducing what follows under a sub-heading).
        first_colon = colons[bisect_left(colons, before)] if colons[-1] >= before else after + 1
        if first_colon > after or (first_colon == after - 1 and not X[after, _ENDS_COLON]):
            continue
        if not X[after, _ENDS_COLON] and (
                not X[after, _ENDS_SENTENCE] or blocks[after].text.count(" ") + 1 < _ENCLOSED_CLOSING_WORDS):
            continue
        if named is None:
            named = set().union(*(columns.flagged[name] for name in _NOT_STRUCTURE))
            named.update((X[:, _COLUMN["photo_credit"]] > 0).nonzero()[0].tolist())
        stretch = [blocks[j].text for j in range(before + 1, after)]
        if any(j in named for j in range(before + 1, after)) \
                or any(text.count(" ") + 1 > _ENCLOSED_WORDS or cues.RELATED_HEADING.match(text)
                       or _names_itself_furniture(text) or _page_notice(text) or cues.has_copyright_notice(text)
                       for text in stretch):
            continue
        keep[before + 1 : after] = [True] * len(stretch)


def categories(blocks: list[Block], keep: list[bool], X: np.ndarray, template: frozenset[str]) -> list[str]:
    """Name what each non-body block is ("body" for the kept ones), from the cue columns of
    the feature matrix, so no pattern runs twice."""
    return _categories(blocks, keep, _Columns(X), template)


def _categories(blocks: list[Block], keep: list[bool], columns: _Columns, template: frozenset[str]) -> list[str]:
    """:func:`categories`, on the page's :class:`_Columns`."""
    n = len(blocks)
    first_body = keep.index(True) if True in keep else n
    flagged, log_words = columns.flagged, columns.log_words
    tiny = (columns.X[:, _COLUMN["tiny"]] > 0).tolist()
    # By its place and its size alone, a block left out is navigation before the body (a list
    # item or a tiny line) and the footer after it (a tiny line). What it says of itself, and
    # the heading it sits under, override that below.
    labels = ["navigation" if block.bullet or small else "other" for block, small in zip(blocks[:first_body], tiny)]
    labels += ["body" if kept else "footer" if small else "other" for kept, small in zip(keep[first_body:], tiny[first_body:])]
    # What the block's cues name it (the first listed wins); else a related-links or a comments
    # heading (a short line), a date or a stamp, or a line of the site's template.
    named: dict[int, str] = {}
    for column, name in _CUE_LABELS:
        for i in flagged[column]:
            named.setdefault(i, name)
    headings: dict[str, list[int]] = {"related": [], "comment": []}
    for name, found in headings.items():
        for i in flagged[f"cue_{name}"]:
            if i not in named and log_words[i] <= _LOG1P_8:
                named[i] = name
                found.append(i)
    for column in ("cue_footer", "dateline", "reading_time"):
        for i in flagged[column]:
            named.setdefault(i, "dateline" if i < first_body else "footer")
    if template:
        for i, block in enumerate(blocks):
            if not keep[i] and i not in named and len(block.text) <= _TEMPLATE_MAX_CHARS \
                    and template_key(block.text) in template:
                named[i] = "navigation"
    for i, name in named.items():
        if not keep[i]:
            labels[i] = name
    # A sign-up box inside the story: its heading and pitch lines, left out with its sign-up
    # line, are the box's too.
    last_body = n - 1 - keep[::-1].index(True) if first_body < n else -1
    for i in flagged["cue_newsletter"]:
        if labels[i] == "newsletter" and first_body < i < last_body:
            for step in (-1, 1):
                j = i + step
                while 0 <= j < n and not keep[j] and labels[j] in ("other", "newsletter"):
                    labels[j] = "newsletter"
                    j += step
    # Past the first comments heading after the body's start, every other block left out is the
    # thread's. Before it, under a related-links heading, every short line up to the next body
    # block is one of its links.
    thread = next((i for i in headings["comment"] if i > first_body and not keep[i]), n)
    for i in range(thread + 1, n):
        if not keep[i] and i not in named:
            labels[i] = "comment"
    walked = 0
    for heading in headings["related"]:
        if heading >= thread:
            break
        if keep[heading]:
            continue
        i = max(heading + 1, walked)
        while i < thread and not keep[i]:
            if i not in named and log_words[i] <= _LOG1P_25:
                labels[i] = "related"
            i += 1
        walked = i
    return labels
