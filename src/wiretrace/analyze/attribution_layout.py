"""Attributions that layout marks rather than words: speaker labels and dash credits.

The attribution CRF reads words around a cue; these three conventions carry the attribution in
punctuation and line position instead, and are common in news:

- a transcript's speaker labels: ``WALLACE: Let's start with ...`` (the label in capitals);
- a headline that names its speaker: ``Sanders: Clinton needs to get tough with Trump``;
- a quotation credited after a dash: ``“He represents our greatest shame.” ― Sonya Herridge``.

Each gives a relation with the colon or dash as its cue, as PolNeAR annotates them.

:func:`continue_quotes` extends a quotation the CRF found ("“A,” said X.") over the quotation
that follows in the same paragraph ("“A,” said X. “B.”"): the speaker has not changed.
:func:`continue_paragraphs` carries a quotation left open at its paragraph's end over the quoted
paragraphs that follow (news style closes a quotation only in its last paragraph).
:func:`unbalanced_quotations` tells that convention from a closing mark missing by mistake, and
:func:`dateline_end` finds where the words begin after a dateline ("LISVAR, May 6 (Reuters) - ").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from wiretrace.analyze.attribution import Attribution
from wiretrace.extract.wire import DATELINE

_NAME_WORD = r"[A-Z][\w.'’\-]*"
#: A transcript speaker label at the start of a paragraph (after an opening quote, if any).
_SPEAKER = re.compile(r"^[\"“]?(?P<name>[A-Z][A-Z.'’\-]+(?: [A-Z][A-Z.'’\-]+){0,3})(?P<cue>:)[ \t]+(?P<content>\S[^\n]*)",
                      re.MULTILINE)
#: A paragraph that opens with a quotation mark: in a quoted transcript, the speaker goes on.
_QUOTED_PARAGRAPH = re.compile(r"\n+[ \t]*[\"“](?P<body>[^\n]+)")
#: The first line of a text naming whoever said the rest of it ("Pence: Flowers won't be at debate").
_HEADLINE = re.compile(rf"\A\s*(?P<name>{_NAME_WORD}(?: (?:{_NAME_WORD}|of|the|and|de|van|von|al)){{0,5}})"
                       r"(?P<cue>:)[ \t]+(?P<content>\S[^\n]*)")
#: A quotation closed on its line and credited after a dash.
_DASH_CREDIT = re.compile(rf"^(?P<content>[\"“”][^\n]*[\"”])[ \t\xa0]*(?P<cue>[―—–])[ \t\xa0]*"
                          rf"(?P<name>{_NAME_WORD}(?: {_NAME_WORD}){{0,4}})\.?[ \t\xa0]*$", re.MULTILINE)
#: A dateline without an agency credit: the place in capitals and a dash ("NEW YORK — ", "LONDON, May 2 - ").
_PLACE_DATELINE = re.compile(r"\s*[A-Z][A-Z.'’-]{2,}(?:[ ,]+[A-Z][A-Z.'’-]+){0,3}"
                             r"(?:,\s*[A-Z][a-z]{2,8}\.?(?:\s+\d{1,2})?)?[ \t\xa0]+[-–—][ \t\xa0]+")
#: Labels that open a line as a rubric or a field, not as a speaker ("Live: ...", "EDITOR'S NOTE: ...").
_RUBRICS = frozenset({
    "breaking", "breaking news", "live", "update", "updates", "updated", "watch", "video", "photos", "photo",
    "gallery", "opinion", "analysis", "editorial", "exclusive", "explainer", "explained", "review", "interview",
    "podcast", "poll", "factbox", "timeline", "q&a", "quiz", "listen", "read more", "read also", "also read",
    "correction", "clarification", "warning", "note", "editor's note", "editors' note", "editor’s note",
    "source", "sources", "posted", "published", "disclaimer", "related", "see also", "tags", "topics",
})


#: Quotation marks: curly, straight, or two apostrophes (''like this'', as some papers print them).
_OPEN_QUOTE = r"(?:[“\"]|'')"
_CLOSE_QUOTE = r"(?:[”\"]|'')"
_UNQUOTED = r"(?:[^\n“”\"']|'(?!'))"  # a character that is no double quotation mark
#: After a quotation's source: the rest of that sentence, then the next quotation in the paragraph
#: (closed, or running on to the paragraph's end: a quotation that goes on in the next paragraph
#: is not closed).
_NEXT_QUOTE = re.compile(rf"{_UNQUOTED}*?[.!?:][”\"’']*[ \t\xa0]+(?P<quote>{_OPEN_QUOTE}{_UNQUOTED}{{2,}}"
                         rf"(?:{_CLOSE_QUOTE}|(?=\n|$)))")
_BETWEEN_QUOTE_AND_CUE = re.compile(r"^[\s,.;:!?”\"’']*$")
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)|\n")


def dateline_end(text: str, start: int = 0) -> int:
    """Where the words begin after a dateline opening the text at ``start`` ("LISVAR, May 6 (Reuters) - ",
    "NEW YORK — "): ``start`` itself when there is none."""
    head = text[start:start + 160]
    match = DATELINE.match(head) or _PLACE_DATELINE.match(head)
    if match is None:
        return start
    return start + len(head) - len(head[match.end():].lstrip())


def continue_quotes(text: str, attributions: list[Attribution]) -> None:
    """Extend each "“A,” said X." attribution over a following "“B.”" in its paragraph (in place),
    unless another attribution's cue lies in it."""
    for attribution in attributions:
        if not (attribution.cue and attribution.content):
            continue
        cue_start = attribution.cue[0][0]
        content_end = max(e for _, e in attribution.content)
        if content_end > cue_start:
            continue
        # between the quotation and its cue: closing punctuation, and the source if it stands there
        # ("“A,” Jo Smith, who runs the shop, said.")
        between = text[content_end:cue_start]
        if attribution.source:
            s0, s1 = attribution.source[0][0], attribution.source[-1][1]
            if content_end <= s0 and s1 <= cue_start:
                between = text[content_end:s0] + text[s1:cue_start]
        if not _BETWEEN_QUOTE_AND_CUE.match(between):
            continue
        if not any(text[s:e].lstrip().startswith(("“", '"', "''")) for s, e in attribution.content):
            continue  # not a quotation
        after = max([e for _, e in attribution.source] + [attribution.cue[-1][1]])
        match = _NEXT_QUOTE.match(text, after)
        if match is None:
            continue
        start, end = match.span("quote")
        # Another speaker's: a cue inside the quotation or in the rest of its sentence
        # ("“B,” Lint replied."), or a quotation another relation already holds; but not a relation
        # wholly inside the quotation ("“We [expect] a ruling.”" is the speaker's own words, which
        # the relation taking the quotation drops as nested).
        sentence_end = _SENTENCE_END.search(text, end)
        stop = sentence_end.start() if sentence_end else len(text)
        others = [other for other in attributions if other is not attribution and not all(
            start <= s and e <= end for s, e in other.source + other.cue + other.content)]
        if any(start <= other.cue[0][0] < stop for other in others if other.cue) or any(
                s < end and start < e for other in others for s, e in other.content):
            continue
        attribution.content.append([start, end])
        attribution.kind = "direct"


#: A paragraph that opens with a quotation mark (after any blank lines).
_QUOTE_OPENS_PARAGRAPH = re.compile(r"\n[ \t\xa0\n]*(?P<body>(?:[“\"]|'')[^\n]*)")


def _quote_left_open(paragraph: str) -> bool:
    """Whether a quotation opened in ``paragraph`` is still open at its end: news style leaves the
    closing mark off when the quotation goes on in the next paragraph."""
    doubled = paragraph.count("''")
    straight = paragraph.count('"')
    return (paragraph.count("“") > paragraph.count("”") or straight % 2 == 1
            or (doubled % 2 == 1 and not straight))


def _opens_with_quote(paragraph: str) -> bool:
    return paragraph.lstrip().startswith(("“", '"', "''"))


def unclosed_quotation(text: str, at: int) -> bool:
    """Whether the paragraph holding offset ``at`` leaves a quotation open by mistake: news style leaves
    a quotation open at a paragraph's end only when the next paragraph goes on with it (and opens
    with a quotation mark again)."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    end = len(text) if end < 0 else end
    if not _quote_left_open(text[start:end]):
        return False
    following = text[end:].lstrip()
    return not following or not _opens_with_quote(following.split("\n", 1)[0])


def unbalanced_quotations(text: str) -> bool:
    """Whether some quotation in the text is left open by mistake (:func:`unclosed_quotation`) or
    closed without being opened ("” before any “" in a paragraph)."""
    at = 0
    for paragraph in text.split("\n"):
        if paragraph.strip() and (unclosed_quotation(text, at) or paragraph.count("”") > paragraph.count("“")):
            return True
        at += len(paragraph) + 1
    return False


def continue_paragraphs(text: str, attributions: list[Attribution]) -> None:
    """Extend each content that runs to the end of its paragraph inside a quotation left open over the
    following paragraphs that open with a quotation mark (in place), while the quotation stays open,
    unless another attribution's cue or content lies in them."""
    cues = [a.cue[0][0] for a in attributions if a.cue]
    for attribution in attributions:
        if not (attribution.cue and attribution.content):
            continue
        end = max(e for _, e in attribution.content)
        if end < attribution.cue[-1][1]:
            continue  # the content is before its cue: the quotation was closed for the cue
        start = text.rfind("\n", 0, end) + 1
        stop = text.find("\n", end)
        stop = len(text) if stop < 0 else stop
        if text[end:stop].strip(" \t\xa0.,;:!?") or not _quote_left_open(text[start:stop]):
            continue
        while (match := _QUOTE_OPENS_PARAGRAPH.match(text, stop)) is not None:
            a, b = _trimmed(text, *match.span("body"))
            body = text[a:b].lstrip("“\"'")
            if body.startswith("(") or _SPEAKER.match(body) or any(a <= c < b for c in cues) or any(
                    s < b and a < e for other in attributions if other is not attribution for s, e in other.content):
                break
            attribution.content.append([a, b])
            attribution.kind = "direct"
            stop = match.end()
            if not _quote_left_open(text[a:b]):
                break


def _trimmed(text: str, start: int, end: int) -> list[int]:
    while end > start and text[end - 1] in " \t\xa0":
        end -= 1
    return [start, end]


def _speaker_goes_on(text: str, end: int) -> list[list[int]]:
    """The paragraphs after a speaker's first that are still theirs: quoted ones, up to the next
    speaker label or a stage direction ("(CROSSTALK.)")."""
    spans = []
    while (match := _QUOTED_PARAGRAPH.match(text, end)) is not None:
        body = match.group("body")
        if body.startswith("(") or _SPEAKER.match(body):
            break
        spans.append(_trimmed(text, *match.span("body")))
        end = match.end()
    return spans


def layout_attributions(text: str, places: Iterable[tuple[int, int]] = ()) -> list[Attribution]:
    """Speaker-label, speaker-headline and dash-credit attributions in ``text``.

    ``places`` are the character spans of place names (NER's GPE/LOC): "New Delhi: The government
    said ..." is a dateline, not a speaker. For the same reason a lone capitals label opening the
    text ("NEW DELHI: ...") is not taken for a transcript: a transcript has several speakers.
    """
    places = list(places)

    def a_place(start: int, end: int) -> bool:
        return any(s < end and start < e for s, e in places)

    found = []
    labels = [m for m in _SPEAKER.finditer(text) if m.group("name").lower().rstrip(".") not in _RUBRICS
              and not a_place(*m.span("name"))]
    if len(labels) == 1 and not text[:labels[0].start()].strip():
        labels = []
    for match in labels:
        content = [_trimmed(text, *match.span("content"))]
        if match.group(0).startswith(("\"", "“")):
            content += _speaker_goes_on(text, match.end())
        found.append(Attribution(source=[list(match.span("name"))], cue=[list(match.span("cue"))],
                                 content=content, kind="direct"))
    headline = _HEADLINE.match(text)
    # ("The Latest: ...", "The Ninth Circle: ...": a headline opening with "The" names a rubric or a show.)
    if headline and headline.group("name").lower() not in _RUBRICS and not headline.group("name").startswith("The ") \
            and not headline.group("name").isupper() and not a_place(*headline.span("name")) \
            and not any(a.cue[0][0] == headline.start("cue") for a in found):
        found.append(Attribution(source=[list(headline.span("name"))], cue=[list(headline.span("cue"))],
                                 content=[_trimmed(text, *headline.span("content"))], kind="indirect"))
    for match in _DASH_CREDIT.finditer(text):
        start, end = match.span("name")
        if text[end - 1] == "." and end - start > 2 and text[end - 3] != " ":  # a full stop, not an initial
            end -= 1
        found.append(Attribution(source=[[start, end]], cue=[list(match.span("cue"))],
                                 content=[list(match.span("content"))], kind="direct"))
    return found
