"""Text mode, part one: segment a plain-text page dump into blocks.

A dump is visible text only, one block per line, from some HTML-to-text renderer. Renderers
differ (indentation, list bullets, hard line wrapping, lynx's link numbers, w3m's image names,
Markdown markup with or without its links, images and tables, a line break at every inline
element, or none at all), so :func:`segment` normalises those away: a :class:`Block` is a
paragraph, a heading or a line of furniture as the page showed it, whatever the renderer made of
it. :mod:`wiretrace.extract.textblocks` classifies the blocks.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import partial
from itertools import chain, compress, count, islice
from operator import itemgetter, not_

import numpy as np

from wiretrace.extract import cues, wire
from wiretrace.extract.dates import CLOCK_TIME, YEAR, labelled_dates, parse_date
from wiretrace.extract.textfeatures import is_dateline, opens_with_cue

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
# Bold ("**", "__", not a blank's "___"), then italics: the two nest ("_**Title**_"). (Both
# alternatives open with their mark, "__" then looks behind itself: the regex engine skips to
# the next "*" or "_", where a look-behind first is tried at every position of the dump.)
_MD_BOLD = re.compile(r"\*\*|__(?<!___)(?!_)")
# (The pattern opens with the "_" itself, the look-behind after it: the regex engine then skips to
# the next "_" as a string search does, where a look-ahead "(?=_)" in front of the look-behind
# made it try each position in turn, ten times slower on a dump of long lines.)
_MD_ITALIC = re.compile(r"_(?<![\w\\]_)(?=[^_\s])([^_\n]*?[^_\s\\])_(?![\w_])")
# What is left of italics that span lines, or nest ("___Out There__ _"): underscores glued to
# one side of a word only ("_Her book ... on Twitter_"). One inside a word (snake_case) or a
# blank ("___") stays, and so does one the writer escaped ("@Site\\_News", a rule "\\_\\_\\_"): it is text,
# which _MD_ESCAPE unescapes after.
# (Opening with the "_", as _MD_ITALIC does.)
_MD_STRAY_UNDERSCORE = re.compile(r"_(?:(?<![\w\\]_)_{0,2}(?=[^\s_])|(?<=[^\s_\\]_)_{0,2}(?!\w))")
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

#: A dump is Markdown with links from this many "](" on (prose rarely has one) ...
_MD_MIN_LINKS = 5
#: ... or with this many italics in underscores, as html2text writes them without links
#: ("_The New York Times_ reported ..."): plain text seldom sets a word between underscores. An
#: italic run that marks a dump so runs to a hundred characters ...
_MD_MIN_ITALICS = 3


# ... of a line at most (this marks a dump, it does not strip one: _MD_ITALIC's unbounded span
# costs a scan to the line's end for each underscore that opens none, and a dump's lines run long).
_MD_ITALIC_MARK = re.compile(r"_(?<![\w\\]_)(?=[^_\s])[^_\n]{0,100}?[^_\s\\]_(?![\w_])")


def _has_italics(content: str) -> bool:
    """Whether ``content`` sets _MD_MIN_ITALICS italics between underscores (in its first 50,000 characters)."""
    return content.count("_", 0, 50_000) >= 2 * _MD_MIN_ITALICS \
        and next(islice(_MD_ITALIC_MARK.finditer(content, 0, 50_000), _MD_MIN_ITALICS - 1, None), None) is not None

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
    """Remove Markdown markup from a dump that shows it (several headings, bold runs, links or italics):
    what a reader of the page would not see (link targets, images, table rules, emphasis marks)."""
    # (A lone "#" also opens lynx's fourth-level list items, so only "##" and deeper count.)
    headings = content.startswith("##") + content.count("\n##", 0, 50_000)
    links = content.count("](", 0, 50_000)
    if headings < 3 and content.count("**", 0, 50_000) < 6 and links < _MD_MIN_LINKS and not _has_italics(content):
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


def unix_line_breaks(content: str) -> str:
    """``content`` with its lines broken by "\\n" alone: a dump saved on Windows breaks them with
    "\\r\\n", one saved on an old Mac with "\\r", and the readers hand its text over as it is."""
    return content.replace("\r\n", "\n").replace("\r", "\n") if "\r" in content else content


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
    markdown = False
    if ("#" in content and _MD_HEADING_MARK.search(content)) or ("]" in content and _MD_LINK_MARK.search(content)) \
            or ("*" in content and _MD_BOLD_MARK.search(content)) or _has_italics(content):
        stripped = _strip_markdown(content)
        if markdown := stripped is not content:
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
    if not markdown and "_" in content and _MD_ITALIC_MARK.search(content):
        # A Markdown writer's dump of a page with an italic or two and too little other markup to
        # tell it by ("(_Reuters_) — The New York State Attorney General ..."): the underscores
        # go. Lines keep their widths as drawn, for the census of a wrapping writer's (html2text's).
        drawn, content = content if drawn is None else drawn, _MD_ITALIC.sub(_GROUP_1, content)
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
    if labelled_dates(text):
        return True
    # (A byline may close the stamp: "Monday November 18, 2019 7:45 am PST by Joe Rossignol".)
    if (byline := _TRAILING_BYLINE.search(text)) is not None:
        text = text[: byline.start()]
        words = text.split()
    return len(words) <= _BARE_STAMP_WORDS and bool(parse_date(text))


# A stamp line that holds its year and ends on its time's zone ("Published: 12th December 2015
# 04:32 PM IST") is whole: a block of its own even where the next line's first word would not
# have fitted on it. (Not "Published 5:14 PM ET" over "Tue, February 2, 2016": the date goes on.)
_ZONED_END = re.compile(CLOCK_TIME + r"\s*(?:(?!(?:AM|PM)$)[A-Z]{2,5}|[+-]\d{2}:?\d{2})$")


def _whole_stamp(text: str) -> bool:
    # (Asked of the first line of every wrapped paragraph: the last character, a zone's capital or
    # an offset's digit, rules out nearly all of them before a search.)
    last = text[-1:]
    # (... or a byline closing it: "Monday November 18, 2019 7:45 am PST by Joe Rossignol".)
    if "a" <= last <= "z" and " by " in text and (byline := _TRAILING_BYLINE.search(text)) is not None:
        text = text[: byline.start()]
        last = text[-1:]
    return ("A" <= last <= "Z" or last.isdigit()) and bool(_ZONED_END.search(text)) \
        and bool(YEAR.search(text))


#: The most words a stamp line runs to, with its labels ("Published ... Last modified on ...") and without.
_STAMP_LINE_WORDS = 16
_BARE_STAMP_WORDS = 8
#: The words in small letters a stamp line holds: its labels' and the clock's.
_STAMP_LINE_LOWER = frozenset("on at am pm by published updated modified posted last first original date".split())
#: A byline closing a stamp line: "by" and a name of two to four words (one alone may be the
#: first of a name the renderer wrapped: "... 7:45 am PST by Joe" over "Rossignol").
_TRAILING_BYLINE = re.compile(r"\s+by\s+(?:[A-Z][\w.'’-]*\s*){2,4}$")


#: How much deeper than its first line a hanging indent sets the rest of a paragraph, at most.
_HANGING_INDENT = 8
#: What a hanging indent's continuation may open with, besides a letter or a digit (not a form
#: field's "____", a rule's "----" or a row's "|").
_OPENING_MARKS = "\"'“‘(«¿¡"


# A wire agency's name alone on its line ("AP", "Reuters") is the credit line a page sets under a
# picture or a headline, never the end of a wrapped sentence (which has its full stop): a renderer
# that filled the line above ("... | File Photo: AP") did not wrap into it. Nor is it a wrapped
# paragraph's first line: what comes under it (AP's slug "BC-EU--Britain-Brexit-Election, 1st
# Ld-Writethru" under the byline's "Associated Press") is the next element.
_AGENCY_LINES = frozenset(alias for aliases in wire.AGENCIES.values() for alias in aliases)


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
        if parts is not None and not row and text[0] not in _STRONG_BULLET and text not in _AGENCY_LINES \
                and not (len(parts) == 1 and parts[0] in _AGENCY_LINES):
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
                            and not (len(parts) == 1 and (prev_width + 1 + size < width - 1 or _whole_stamp(parts[0]))
                                     and (_stamp_line(parts[0]) or _stamp_line(text))):
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
# Brackets, and the backslash by which pandoc escapes the page's own ("\["), as code points.
_OPENING_BRACKET, _CLOSING_BRACKET, _BACKSLASH = ord("["), ord("]"), ord("\\")
# ... and a hard line break, a backslash closing the line.
_PANDOC_LINE_BREAK = re.compile(r"\\$", re.MULTILINE)
_PANDOC_MIN_FENCES = 5
# A fenced div's fence alone on its line, with its attributes or class: ":::", '::: {role="main"}', "::: note".
_BARE_FENCE = re.compile(r"^[ \t]*:{3,}[ \t]*(?:\{[^{}\n]*\}|[\w.-]+)?[ \t]*$", re.MULTILINE)


def _without_unclosed_brackets(content: str) -> str:
    """``content`` without the opening brackets no bracket closes: the openings of pandoc's spans
    once their ends are gone (a link's brackets pair up). Brackets pandoc escaped ("\\[", the
    page's own) are text, not counted.

    Counted with NumPy over the dump's code points (a dump in pandoc's Markdown holds thousands
    of brackets): the depth after each bracket, a closing one with none open counting for
    nothing, and an opening one is closed where the depth later falls below it."""
    if "[" not in content:
        return content
    codes = np.frombuffer(content.encode("utf-32-le"), dtype=np.uint32)
    bracket = (codes == _OPENING_BRACKET) | (codes == _CLOSING_BRACKET)
    bracket[1:] &= codes[:-1] != _BACKSLASH
    at = bracket.nonzero()[0]
    step = np.where(codes[at] == _OPENING_BRACKET, 1, -1)
    depth = np.cumsum(step)
    depth -= np.minimum(np.minimum.accumulate(depth), 0)  # (a walk that stops at 0 instead of going below)
    lowest_after = np.append(np.minimum.accumulate(depth[::-1])[::-1][1:], np.iinfo(depth.dtype).max)
    unclosed = at[(step == 1) & (lowest_after >= depth)].tolist()
    if not unclosed:
        return content
    pieces, start = [], 0
    for at_bracket in unclosed:
        pieces.append(content[start:at_bracket])
        start = at_bracket + 1
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
#: How the record's warning for such a dump opens.
RUN_TOGETHER_WARNING = "the dump runs the page's blocks together"
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
#: The word after such a seam, where elements met ("Menu|Home"), not sentences. (Opening with
#: its capital, the pattern is tried only at capitals: three to four times faster than at lower-case
#: letters.)
_GLUED_WORDS = re.compile(r"[A-Z](?<=[a-z]{3}[A-Z])[a-z]+")
#: ... which a dump that runs its elements together holds this many of per 1,000 characters
#: (different ones; DEV's dumps hold 2.3 at most, those of renderers that draw elements apart 2.5).
_GLUED_PAGE_RATE = 3.0
#: ... and glues some lines into one of this many characters at least (those that BeautifulSoup
#: and lxml glued on the DEV pages run to 600 and more).
_GLUED_LINE_CHARS = 500


def cut_glued_paragraphs(content: str) -> str | None:
    """``content`` with its long lines cut where paragraphs met without a space, or None where no
    line of it is long and glued in at least _GLUED_MIN_SEAMS places. In a dump that runs
    elements together (see _glued_elements), long lines are cut where elements met, too."""
    # (Splitting the page and measuring its lines costs less than searching it for a seam.)
    lines = content.splitlines()
    long = [k for k, size in enumerate(map(len, lines)) if size >= _GLUED_MIN_CHARS]
    if not long:
        return None
    elements = _glued_elements(content, lines, long)
    sentences = _GLUED_SENTENCES.search(content) is not None
    if not sentences and not elements:
        return None
    cut = False
    for k in long:
        line = lines[k]
        if k in elements:
            seam = _GLUED_SEAM
        elif sentences:
            seam = _GLUED_SENTENCES
        else:
            continue
        if len(seam.findall(line)) >= _GLUED_MIN_SEAMS:
            indent = line[: len(line) - len(line.lstrip())]
            lines[k] = seam.sub(lambda match: f"{match.group()}\n{indent}", line)
            cut = True
    return "\n".join(lines) if cut else None


def _glued_elements(content: str, lines: list[str], long: list[int]) -> set[int]:
    """The ``long`` lines of ``lines`` (``content``'s) where elements met without a space, in a dump
    that runs its elements together (BeautifulSoup's get_text() without a separator, lxml's
    text_content()): three different words at least meet unspaced in the line ("Skip to
    ArticleMenuHomeNews"; a brand's name, "GiveWell", is one however often it recurs), and
    the page holds _GLUED_PAGE_RATE such words per 1,000 characters (a dump that draws its
    elements apart holds a menu run together now and then: a <select>'s options). Not lines
    that spell out links, whose addresses are no prose."""
    def glued(k: int) -> bool:
        line = lines[k]
        return "://" not in line and "](" not in line and len(_glued_words(line)) >= _GLUED_MIN_SEAMS

    # (Such a dump glues some of its lines into thousands of characters; only on a page with
    # one of _GLUED_LINE_CHARS at least are shorter ones read, and the page measured.)
    longest = [k for k in long if len(lines[k]) >= _GLUED_LINE_CHARS]
    found = set(filter(glued, longest))
    if not found or len(_glued_words(content)) * 1000 < _GLUED_PAGE_RATE * len(content):
        return set()
    return found.union(filter(glued, set(long).difference(longest)))


def _glued_words(text: str) -> set[str]:
    """The different seams in ``text`` where a lower-case word ran into a capitalised one, each
    as the three letters before it and the word after ("cleMenu"); a seam's letters are not
    read again as the next one's ("ArticleMenuHomeNews": "cleMenu", "omeNews")."""
    words: set[str] = set()
    end = 0
    for match in _GLUED_WORDS.finditer(text):
        if (start := match.start() - 3) >= end:
            words.add(text[start : match.end()])
            end = match.end()
    return words


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
    ends, where elements met unspaced, after what closes a picture's caption or a teaser's
    headline ("... Hong Kong (Image: GETTY )", "... jibe [INSIGHT]"), before a dateline ("... PM
    HONOLULU, Hawaii (HawaiiNewsNow) - ...") and before a lede's first word in capitals: the
    nearest such a dump has to blocks. A seam needs three lower-case letters before the capital,
    so "McDonald", "AirPods" and "YouTube" stay whole; "PlayStation" does not, which only costs
    that word."""
    return "\n".join(_cut_run_together_line(line) if len(line) > _GLUED_MIN_CHARS else line
                     for line in content.splitlines())


def _cut_run_together_line(line: str) -> str:
    """One long line of a run-together dump, cut (see :func:`cut_run_together`)."""
    pieces = _INLINE_DATELINE.sub("\n", _SENTENCE_END.sub(_ends_sentence, line)).split("\n")
    for k, piece in enumerate(pieces):
        # (A dateline's outlet is no seam: "HONOLULU, Hawaii (HawaiiNewsNow) -".)
        head = dateline.end() if (dateline := _DATELINE_HEAD.match(piece)) else 0
        rest = _CAPS_OPENING.sub("\n", _GLUED_SEAM.sub(_then_a_break, piece[head:]))
        pieces[k] = piece[:head] + _CLOSING_TAG.sub(_then_a_break, rest)
    return "\n".join(pieces)


#: A picture's credit in brackets that closes its caption ("(Image: GETTY )", "(Photo: AP)"), or a
#: teaser headline's tag ("[INSIGHT]", "[VIDEO]"), with the space after it.
_CLOSING_TAG = re.compile(r"(?:\((?i:image|photo|picture|pic|credit)s?\s*:[^()\n]{1,60}\)|\[[A-Z]{3,12}\]) ?(?=\S)")
#: A headline run into a lede that opens with its first word in capitals ("... warns SURRENDER is
#: only optionCHINA has sent troops ..."), as British papers set their ledes.
_CAPS_OPENING = re.compile(r"(?<=[a-z]{3})(?=[A-Z]{3,} [a-z])")
#: A story's dateline run into the byline and stamp above it ("... 4:46 PM HONOLULU, Hawaii
#: (HawaiiNewsNow) - NASA scientists ..."), and the space before it: the story starts there.
_DATELINE_HEAD = re.compile(r"[A-Z]{3,}(?:[ -][A-Z]{2,})*(?:, (?:[A-Z][\w.]*\s?){1,3})? \([^()\n]{2,30}\) [-–—] ")
_INLINE_DATELINE = re.compile(rf"(?<=\S)\s+(?={_DATELINE_HEAD.pattern})")


def _then_a_break(match: re.Match) -> str:
    return match.group() + "\n"
