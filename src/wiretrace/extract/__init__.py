"""Extraction: one :class:`~wiretrace.record.Page` in, one :class:`~wiretrace.record.Article` out.

:func:`extract_page` is a pure function of the page and an :class:`ExtractConfig`; it sniffs
the input kind, dispatches to HTML mode or text mode, then applies the steps both share.
"""

from __future__ import annotations

import re
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from wiretrace.extract import cues, wire
from wiretrace.extract.byline import split_names, without_publication
from wiretrace.extract.dates import is_bare_label, labelled_dates
from wiretrace.extract.settings import ExtractConfig
from wiretrace.record import Article, Boilerplate, Page, count_words, estimate_reading_time

__all__ = ["ExtractConfig", "ExtractionError", "detect_kind", "extract_page"]

_HTML_SNIFF = re.compile(
    r"<(?:!doctype\s+html|html|head|body|meta|title|div|p|article|span|table|script|link|section|main|header|nav|br|a)\b",
    re.IGNORECASE,
)


class ExtractionError(Exception):
    """A page that gave no record; the message names the page."""

    def __init__(self, source: str, reason: str):
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


# C0 control characters but whitespace, raw or as references ("&#27;"): lxml's parser keeps them,
# then refuses them in any text set later (trafilatura's clean-up sets some), which cost a page
# its whole body and crashed the feed reader. No page means them as text.
_CONTROL_CHARACTERS = tuple(chr(c) for c in range(32) if chr(c) not in "\t\n\r")
_CONTROL_REFERENCE = re.compile(r"&#(?:0*(?:[0-8]|1[124-9]|2[0-9]|3[01])|[xX]0*(?:[0-8bBcCeEfF]|1[0-9a-fA-F]));")
_CONTROL_CHARACTER = re.compile(f"[{''.join(_CONTROL_CHARACTERS)}]|{_CONTROL_REFERENCE.pattern}")


def without_control_characters(html: str) -> str:
    """``html`` with its C0 control characters (but tab and line breaks) made spaces, so lxml takes its text."""
    # (Tested first with the cheapest scans, 0.3 ms on a 180,000-character page: almost no page holds one.)
    if any(c in html for c in _CONTROL_CHARACTERS) or _CONTROL_REFERENCE.search(html):
        return _CONTROL_CHARACTER.sub(" ", html)
    return html


# What only a whole HTML document has (a fragment or a Markdown dump with raw HTML has none).
_HTML_DOCUMENT = re.compile(r"<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE)
# A fragment that opens with a tag is markup, unless its first 64 KB hold this many Markdown links
# ("](" and an address: minified scripts have "](" too, "a[0](b)", but not before a URL or path).
_MARKDOWN_LINK = re.compile(r"\]\((?:https?:|/|#)")
_MARKDOWN_LINKS = 2


def detect_kind(content: str) -> str:
    """``"html"`` when ``content`` is markup, else ``"text"`` (a plain-text page dump).

    Markup opens with a tag, or (past an XML declaration, a comment or a stray line) shows tags
    early and is a whole document. A Markdown dump that passes raw HTML through ("[Home](/)"
    under "<span class=...>") shows tags early too, may open with one, but is no document and
    holds Markdown links."""
    head = content[:4096].lstrip("\ufeff \t\r\n")
    document = _HTML_DOCUMENT.search(content, 0, 65_536) is not None
    if head.startswith("<") and _HTML_SNIFF.match(head) \
            and (document or len(_MARKDOWN_LINK.findall(content, 0, 65_536)) < _MARKDOWN_LINKS):
        return "html"
    return "html" if document and (head.startswith("<") or len(_HTML_SNIFF.findall(head)) >= 5) else "text"


class _PageTimeout(BaseException):
    # (Not an Exception: the broad handlers that keep a hostile page from ending the run, ours
    # and trafilatura's, would swallow it, and the page would go on with its timer spent.)
    pass


@contextmanager
def _time_budget(seconds: float) -> Iterator[None]:
    """Abort the enclosed block after ``seconds`` (main thread only; elsewhere it is a no-op)."""
    if seconds <= 0 or threading.current_thread() is not threading.main_thread():
        yield
        return

    def _expire(signum, frame):
        raise _PageTimeout()

    previous = signal.signal(signal.SIGALRM, _expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def extract_page(page: Page, config: ExtractConfig = ExtractConfig(), template: frozenset[str] = frozenset()) -> Article:
    """Extract one page. Raises :class:`ExtractionError` (naming the page) when no record can be made.

    ``template`` holds template keys learned across pages of the same site (text mode only; see
    :func:`wiretrace.extract.textblocks.learn_template`).
    """
    kind = config.mode if config.mode != "auto" else detect_kind(page.content)
    try:
        with _time_budget(config.time_budget_s):
            article = _extract(page, kind, config, template)
    except _PageTimeout:
        raise ExtractionError(page.source, f"time budget of {config.time_budget_s:g}s exceeded") from None
    except RecursionError:
        raise ExtractionError(page.source, "document nested too deeply to process") from None
    return finalize(article)


def _extract(page: Page, kind: str, config: ExtractConfig, template: frozenset[str]) -> Article:
    # Imported here so that text-mode runs never pay for importing trafilatura.
    if kind == "html":
        from wiretrace.extract.html import HtmlParseError, extract_html

        if len(page.content) > config.max_html_chars:
            page = Page(page.source, page.content[: config.max_html_chars], page.url,
                        page.warnings + [f"page cut to its first {config.max_html_chars:,} characters"])
        try:
            return extract_html(page)
        except HtmlParseError as err:
            raise ExtractionError(page.source, f"not parseable as HTML: {err}") from None
    from wiretrace.extract.text import extract_text

    if len(page.content) > config.max_text_chars:
        page = Page(page.source, page.content[: config.max_text_chars], page.url,
                    page.warnings + [f"dump cut to its first {config.max_text_chars:,} characters"])
    return extract_text(page, template)


# Characters that show nothing: a "paragraph" of them alone is a spacer a renderer kept.
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad "


def _tidy(paragraph: str) -> str:
    """``paragraph`` with each whitespace run made one space and none at its ends.

    Most paragraphs are tidy already, and telling costs less than the split: every whitespace
    character but " " is unprintable, so a printable paragraph without a double or an edge
    space has nothing to change."""
    if paragraph.isprintable() and "  " not in paragraph and paragraph[:1] != " " and paragraph[-1:] != " ":
        return paragraph
    return " ".join(paragraph.split())


#: A copyright line closing the body is furniture up to this many words (a paragraph about a
#: copyright case is longer).
_CLOSING_NOTICE_WORDS = 25
#: ... and a date stamp ("First Published: Mar 19 2026 | 6:41 PM IST") up to this many.
_CLOSING_STAMP_WORDS = 15


def _drop_bare_labels(article: Article) -> None:
    """A date label alone ("Updated") is what is left of a stamp whose date was markup; a
    paragraph of no word character ("* * *", "-----", a rule a Markdown writer drew) is a
    separator. (AP's "___" between a story's parts is printed as part of the story: it stays.)"""
    kept = []
    for paragraph in article.body:
        if len(paragraph) < _SHORT_PARAGRAPH and is_bare_label(paragraph):
            article.boilerplate.append(Boilerplate(text=paragraph, category="dateline"))
        elif len(paragraph) < _SHORT_PARAGRAPH and not _WORD_CHAR.search(paragraph):
            article.boilerplate.append(Boilerplate(text=paragraph, category="other"))
        else:
            kept.append(paragraph)
    article.body = kept


#: Paragraphs shorter than this may be a bare label or a separator.
_SHORT_PARAGRAPH = 30
_WORD_CHAR = re.compile(r"\w")


# The editor a Chinese page names under the story: "责任编辑：李华", "编辑：张明".
_EDITOR_SIGN_OFF = re.compile(r"[（(]?(?:责任编辑|編輯|编辑|責任編輯)\s*[:：]\s*\S{1,12}\s*[)）]?$")


# A newsroom's pointer to its standards or ethics policy ("Our Standards: The ... Trust Principles.").
_STANDARDS_NOTICE = re.compile(r"(?:our|editorial) (?:standards|principles|ethics)\b", re.IGNORECASE)


# One part of a wire's closing credit line: "(Reporting by ...; Additional reporting by ...; Editing by ...)".
_CREDIT_PART = re.compile(r"\s*((?:additional )?reporting|writing|editing|compiled) by\s+(.+)", re.IGNORECASE)
_REPORTING_CREDIT_CHARS = 400
# "Anna Petrova in Kyiv and Tom Balmforth in London": where each reported from.
_REPORTED_FROM = re.compile(r"\s+in\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*")


def _reporting_credits(line: str) -> list[tuple[str, list[str]]]:
    """(role, people) per part of a closing credit line in brackets, every part naming people; else
    empty ("(Reporting by the newspaper was later disputed ...)" is the story's)."""
    line = line.strip()
    if not (line.startswith("(") and line.endswith(")")):
        return []
    credits = []
    for part in line[1:-1].split(";"):
        match = _CREDIT_PART.fullmatch(part.strip())
        names = split_names(_REPORTED_FROM.sub("", match.group(2))) if match else []
        if not names:
            return []
        credits.append((match.group(1).lower(), names))
    return credits


def _drop_closing_furniture(article: Article) -> None:
    """Move what closes some bodies but belongs to no story into the boilerplate: an agency's desk
    codes ("mla-cb/ach/jj", "SKU SKU TRB"), a short copyright line ("© dpa-infocom, dpa:..."), a
    date stamp ("First Published: Mar 19 2026 | 6:41 PM IST"), a pointer to the newsroom's
    standards ("Our Standards: ..."), the notice that the copy came from a feed ("This article
    is auto-generated from a syndicated Reuters feed; ...") or an agency's credit alone ("— Reuters",
    "(AP)"), whose credit the wire already took, a tags line ("Topics White House") and a rule
    of no words (AP's "___" over its contributors' line)."""
    body = article.body
    while len(body) > 1:
        last = body[-1]
        if cues.WIRE_SLUG.fullmatch(last):
            article.boilerplate.append(Boilerplate(text=body.pop(), category="footer"))
        elif not any(map(str.isalnum, last)):
            article.boilerplate.append(Boilerplate(text=body.pop(), category="other"))
        elif last.count(" ") < _CLOSING_NOTICE_WORDS and (last.startswith("©") or cues.has_copyright_notice(last)):
            article.boilerplate.append(Boilerplate(text=body.pop(), category="disclaimer"))
        elif last.count(" ") < _CLOSING_STAMP_WORDS and labelled_dates(last):
            article.boilerplate.append(Boilerplate(text=body.pop(), category="dateline"))
        elif last.count(" ") < _CLOSING_STAMP_WORDS and _STANDARDS_NOTICE.match(last):
            article.boilerplate.append(Boilerplate(text=body.pop(), category="disclaimer"))
        elif last.count(" ") < _CLOSING_NOTICE_WORDS and wire.SYNDICATION_DISCLAIMER.search(last):
            article.boilerplate.append(Boilerplate(text=body.pop(), category="disclaimer"))
        elif wire.credit_line(last) or (len(last) < _SHORT_PARAGRAPH and _EDITOR_SIGN_OFF.match(last)):
            article.boilerplate.append(Boilerplate(text=body.pop(), category="byline"))
        elif len(last) < _REPORTING_CREDIT_CHARS and (credits := _reporting_credits(last)):
            # "(Reporting by Anna Petrova in Kyiv; Editing by Mark Heinrich)": who reported the
            # story, where no byline said so, and no part of it.
            if not article.authors:
                article.authors = [name for role, names in credits if role in ("reporting", "writing") for name in names]
            article.boilerplate.append(Boilerplate(text=body.pop(), category="byline"))
        elif not article.tags and (tags := cues.tags_line(last)):
            article.tags = tags
            article.boilerplate.append(Boilerplate(text=body.pop(), category="tags"))
        else:
            break


def _start_at_dateline(article: Article) -> str | None:
    """A wire story opens with its dateline: short lines kept above it (a site's notice,
    "Something's different, right?", a kicker) leave the body (in place; see wire.opening_dateline).
    Returns the paragraph that opens with the dateline, if any."""
    if not (opening := wire.opening_dateline(article.body)):
        return None
    dateline = article.body[opening[0]]
    # (Not a release's: the lines above its dateline are its subheads, "New plant to employ 400".)
    if opening[0] > 0 and opening[1].agency not in wire.RELEASE_SERVICES:
        # (Save the publisher's notes on the story: "Editor's note: This story has been updated ...".)
        notes = []
        for paragraph in article.body[: opening[0]]:
            if cues.is_story_note(paragraph):
                notes.append(paragraph)
            else:
                article.boilerplate.append(Boilerplate(text=paragraph, category="promo"))
        article.body[: opening[0]] = notes
    return dateline


# Boilerplate categories whose blocks are links or furniture, never a note on the story.
_NO_NOTES = frozenset({"navigation", "related", "share", "promo", "newsletter", "tags", "byline", "dateline"})


def _corrections(article: Article) -> list[str]:
    """The page's notes that the story was corrected or updated: in the body, or in what was
    removed around it (a site may set its correction box apart from the story)."""
    found = [p for p in article.body if cues.CORRECTION_NOTE.match(p)]
    found += [b.text for b in article.boilerplate
              if b.category not in _NO_NOTES and cues.CORRECTION_NOTE.match(b.text) and b.text not in found]
    return found


def finalize(article: Article) -> Article:
    """Steps both modes share: tidy the body, fill language and reading time, judge is_article."""
    article.body = [p for p in map(_tidy, article.body) if p.strip(_INVISIBLE)]
    if any(len(p) < _SHORT_PARAGRAPH for p in article.body):
        _drop_bare_labels(article)
    _drop_closing_furniture(article)
    dateline = _start_at_dateline(article)
    # (A release's dateline often is all a republished copy says of its date.)
    if article.published is None and dateline is not None and (day := wire.dateline_day(dateline)):
        article.published = day
        article.warnings = [w for w in article.warnings if w != cues.NO_DATE_WARNING]
    article.corrections = _corrections(article)
    if article.headline and "-" in article.headline[:40] and (slug := wire.HEADLINE_SLUG.match(article.headline)):
        article.headline = article.headline[slug.end():]  # "UPDATE 2-Oil rises ...": the copies agree without it
    article.authors = without_publication(article.authors, article.publisher, article.url)
    if article.language is None or len(article.language) != 2:
        sample = " ".join(article.body[:3])[:400] or (article.headline or "")
        if sample:
            from wiretrace.extract.language import detect_language

            article.language = detect_language(sample)
    # (A tidied paragraph is words joined by single spaces: count_words counts the spaces.)
    words = sum(map(count_words, article.body))
    if article.reading_time_minutes is None and article.body:
        article.reading_time_minutes = estimate_reading_time(article.body, words=words)
    if not article.body:
        article.is_article = False
        article.warnings.append("no article body found")
    elif words < 40 and article.is_article:
        article.warnings.append(f"very short body ({words} words)")
    if not article.is_article:
        # A home page's or an error page's "headline", "dates" and "body" describe no article;
        # keep the text auditable as boilerplate instead of presenting it as one.
        article.boilerplate.extend(Boilerplate(text=p, category="other") for p in article.body)
        article.body = []
        article.headline = article.dek = article.published = article.updated = None
        article.authors = []
        article.corrections = []
        article.reading_time_minutes = None
        article.boilerplate.extend(Boilerplate(text=r.headline, category="related") for r in article.related)
        article.related = []
    return article
