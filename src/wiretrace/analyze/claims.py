"""Claim status: asserted, confirmed, denied, not confirmed, declined to comment, or disputed.

Two steps over a parsed article:

1. :func:`status_events` finds the sentences that settle a claim's status ("Peskov did not
   confirm whether ...", "the ministry denied the report", "declined to comment") from the
   dependency parse: a confirm/deny/comment verb, its negation, its subject and its complement.
2. :func:`link_statuses` carries each status to the claims it is about: a claim from another
   source whose content words the status sentence's complement shares, or every claim of a
   report the sentence names ("Asked about the Kommersant report, ...").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from wiretrace.analyze.entities import clean_name
from wiretrace.record import Attribution

_CONFIRM = {"confirm", "acknowledge", "verify", "corroborate", "admit"}
_DENY = {"deny", "reject", "dismiss", "refute", "rebut", "dispute", "contradict", "disown"}
_COMMENT = {"comment", "respond", "answer", "reply"}
_REFUSE = {"decline", "refuse"}
_FALSE_WORDS = re.compile(
    r"\b(?:false|untrue|not true|baseless|groundless|fake|fabricat\w+|nonsense|without foundation|"
    r"speculation|inaccurate|incorrect|misleading|no basis)\b",
    re.IGNORECASE,
)
_REPORT_WORDS = {"report", "story", "article", "reports", "claim", "claims", "allegation", "allegations"}
_CONTENT_POS = {"NOUN", "PROPN", "VERB", "NUM", "ADJ"}
#: Share of the shorter content's words the two must share to be "the same claim".
SAME_CLAIM_OVERLAP = 0.5


@dataclass(slots=True)
class StatusEvent:
    status: str
    cue: tuple[int, int]
    subject: tuple[int, int] | None
    content: tuple[int, int] | None
    sentence: str
    #: True when the complement is a report as a whole ("denied the report").
    about_report: bool
    #: True when what is confirmed or denied is a proposition ("did not confirm whether ...",
    #: "denied that ..."), not a thing ("to confirm Supreme Court justices", "deny climate change").
    propositional: bool = False


def _subtree_span(token) -> tuple[int, int]:
    tokens = list(token.subtree)
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def _negated(token) -> bool:
    return any(child.dep_ == "neg" for child in token.children)


def status_events(doc) -> list[StatusEvent]:
    """The sentences in ``doc`` that confirm, deny or decline to confirm something."""
    events = []
    for token in doc:
        lemma = token.lemma_.lower()
        if lemma not in _CONFIRM | _DENY | _COMMENT or token.pos_ not in ("VERB", "AUX"):
            continue
        governor = token.head if token.dep_ == "xcomp" and token.head.lemma_.lower() in _REFUSE else None
        negated = _negated(token) or (governor is not None) or (
            token.dep_ == "xcomp" and _negated(token.head))
        if lemma in _CONFIRM:
            status = "not_confirmed" if negated else "confirmed"
        elif lemma in _DENY:
            if negated:
                continue  # "did not deny" settles nothing
            status = "denied"
        else:
            if not negated:
                continue  # "commented" alone is speech, not a status
            status = "declined_to_comment"
        verb = governor or (token.head if token.dep_ == "xcomp" else token)
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        complement = next((c for c in token.children if c.dep_ in ("ccomp", "dobj", "xcomp", "advcl", "pobj", "attr")
                           and c.i > token.i), None)
        sentence = token.sent
        if status == "declined_to_comment":
            content = None  # "declined to comment on the report" names no claim of its own
        elif complement is not None:
            content = _subtree_span(complement)
        else:
            # "did not confirm, however, whether ..." often parses loosely: take the rest of the sentence.
            rest = [t for t in sentence if t.i > token.i and not t.is_punct]
            content = (rest[0].idx, sentence[-1].idx + len(sentence[-1].text)) if rest else None
        if content is not None:
            text = doc.text[content[0]:content[1]].strip(" ,.;")
            words = {w.lower() for w in re.findall(r"\w+", text)}
            about_report = bool(words & _REPORT_WORDS) and len(words) <= 6
        else:
            # "declined to comment" with no object: on the report the article is about.
            about_report = status == "declined_to_comment"
        events.append(StatusEvent(
            status=status, cue=(token.idx, token.idx + len(token.text)),
            subject=_subtree_span(subject) if subject is not None else None,
            content=content, sentence=sentence.text.strip(), about_report=about_report,
            propositional=complement.dep_ in ("ccomp", "advcl") if complement is not None
            else any(t.lower_ in ("whether", "that", "if") for t in sentence if token.i < t.i <= token.i + 5),
        ))
    # "X said the report was false": a denial spoken through an ordinary speech verb.
    for sentence in doc.sents:
        if _FALSE_WORDS.search(sentence.text) and any(t.lower_ in _REPORT_WORDS for t in sentence):
            if any(e.sentence == sentence.text.strip() for e in events):
                continue
            verb = sentence.root
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            events.append(StatusEvent("denied", (verb.idx, verb.idx + len(verb.text)),
                                      _subtree_span(subject) if subject is not None else None,
                                      None, sentence.text.strip(), about_report=True))
    return events


def content_words(doc, spans: list[list[int]]) -> set[str]:
    """Lemmas of the content words inside ``spans`` (what two claims must share to be one claim)."""
    words = set()
    for start, end in spans:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            continue
        words.update(t.lemma_.lower() for t in span if t.pos_ in _CONTENT_POS and not t.is_stop and len(t.text) > 1)
    return words


def overlap(a: set[str], b: set[str]) -> float:
    """Share of the smaller set's words found in the other; 0 when fewer than two are shared,
    since one common word ("Tuesday") says nothing about two claims being one."""
    shared = len(a & b)
    if shared < 2:
        return 0.0
    return shared / min(len(a), len(b))


def link_statuses(doc, attributions: list[Attribution], events: list[StatusEvent],
                  event_attribution: dict[int, int]) -> None:
    """Carry each status event to the attributions it settles (in place).

    ``event_attribution`` maps an event's index to the attribution that states it, which keeps
    its own status and is never settled by itself.
    """
    words = [content_words(doc, a.content) for a in attributions]
    for n, event in enumerate(events):
        own = event_attribution.get(n)
        by = None
        if own is not None:
            source = attributions[own]
            by = source.source_entity or (clean_name(source.source_text) if source.source_text else None)
        event_words = content_words(doc, [list(event.content)]) if event.content else set()
        targets = []
        for i, attribution in enumerate(attributions):
            if i == own or (by and attribution.source_entity == by):
                continue
            if event.about_report or _names_report_of(event.sentence, attribution):
                if attribution.source_type == "media" or attribution.anonymous:
                    targets.append(i)
            elif overlap(event_words, words[i]) >= SAME_CLAIM_OVERLAP:
                targets.append(i)
        for i in targets:
            _settle(attributions[i], event.status, by, event.sentence)
    # A report resting on anonymous sources that was left unconfirmed is unconfirmed as a whole.
    for attribution in attributions:
        if attribution.status in ("not_confirmed", "denied") and attribution.anonymous and attribution.source_entity:
            for other in attributions:
                if other is not attribution and other.source_entity == attribution.source_entity \
                        and other.anonymous and other.status == "asserted":
                    _settle(other, attribution.status, None, None)


def _names_report_of(sentence: str, attribution: Attribution) -> bool:
    """"Asked about the Kommersant report, ..." names the report of the attribution's source."""
    name = attribution.source_entity or ""
    return bool(name) and re.search(rf"\b{re.escape(name)}(?:'s)?\s+(?:report|story|article)", sentence) is not None


_STATUS_STRENGTH = {"asserted": 0, "not_confirmed": 1, "declined_to_comment": 1, "confirmed": 2, "denied": 2, "disputed": 3}


def _settle(attribution: Attribution, status: str, by: str | None, sentence: str | None) -> None:
    """Raise the attribution's status to ``status`` if that says more; the evidence follows the status."""
    current = attribution.status
    if {current, status} == {"confirmed", "denied"}:
        new = "disputed"
    elif current == "asserted" or _STATUS_STRENGTH[status] > _STATUS_STRENGTH[current]:
        new = status
    else:
        return
    attribution.status = new
    if by or sentence:
        attribution.status_by, attribution.evidence = by, sentence
