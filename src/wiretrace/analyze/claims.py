"""Claim status: asserted, confirmed, denied, not confirmed, declined to comment, or disputed.

Two steps over a parsed article:

1. :func:`status_events` finds the sentences that settle a claim's status ("Peskov did not
   confirm whether ...", "the ministry denied the report", "declined to comment") from the
   dependency parse: a confirm/deny/comment verb, what says it was not done ("did not", "was
   unable to", "declined to", "would neither ... nor"), its subject and its complement.
2. :func:`link_statuses` carries each status to the claims it is about: the claims speaking of
   the topic it names ("declined to comment on the drone allegations"), the claims of a report
   it answers as a whole ("denied the report", "Asked about the Kommersant report, ..."), or a
   claim from another source whose content words the status sentence's complement shares.

The vocabulary: a confirm verb done is ``confirmed``, not done (not confirmed, unable, declined or
refused to confirm, "would neither confirm nor deny") ``not_confirmed``; a deny verb done is
``denied`` ("did not deny" settles nothing), and so is a plea of not guilty to charges and what the
article itself says was said untruly ("falsely claimed that ...", a correction's "incorrectly said
that ...", denied by no source); a comment not given ("declined to comment", "did not respond",
"would not say whether", "declined to say how many") is ``declined_to_comment``; a claim both
confirmed and denied is ``disputed``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from wiretrace.analyze import sourcing
from wiretrace.analyze.attribution import REPORT_LEMMAS
from wiretrace.analyze.entities import clean_name, resolve
from wiretrace.record import Attribution, ClaimResponse, Entity

_CONFIRM = {"confirm", "acknowledge", "verify", "corroborate", "admit"}
_DENY = {"deny", "reject", "dismiss", "refute", "rebut", "dispute", "contradict", "disown"}
_COMMENT = {"comment", "respond", "answer", "reply"}
#: Speech verbs that decline to comment when negated before a "whether": "would not say whether ...".
_TELL = {"say", "tell", "disclose", "specify"}
#: Tags of the wh-words that open an indirect question ("how", "when", "what", "which", "whose").
_WH_TAGS = {"WRB", "WP", "WDT", "WP$"}
#: Adverbs by which the article calls what a source said untrue: "falsely claimed", "incorrectly said".
_UNTRUE_ADVERBS = {"falsely", "wrongly", "incorrectly", "erroneously", "mistakenly", "inaccurately", "untruthfully"}
_CLAIM_VERBS = REPORT_LEMMAS | {"claim", "suggest", "assert", "allege", "insist", "describe", "tweet", "post"}
#: Words above "to confirm" that say it was not done: "declined to", "failed to", "was unable to".
_NOT_DONE = {"decline", "refuse", "fail", "unable"}
#: Nouns that decline to comment when "no" goes with them: "had no immediate comment", "declined comment".
_COMMENT_NOUNS = {"comment", "response"}
#: Prepositions that name what a comment would have been about: "declined to comment on the drone allegations".
_TOPIC_PREPOSITIONS = {"on", "about", "regarding", "concerning"}
_FALSE_WORDS = re.compile(
    r"\b(?:false|untrue|not true|baseless|groundless|fake|fabricat\w+|nonsense|without foundation|"
    r"speculation|inaccurate|incorrect|misleading|no basis)\b",
    re.IGNORECASE,
)
_REPORT_WORDS = {"report", "story", "article", "reports", "claim", "claims", "allegation", "allegations"}
#: A claim speaking of these is about the report, not part of it: "the newspaper said it stood by
#: its reporting" is no claim that a denial of the report settles (lemmas, as content_words gives them).
REPORTING_WORDS = frozenset({"report", "reporting", "story", "article"})
#: Words that, like report words, name what someone said as a whole: "rejected the criticism".
_ACCUSATION_WORDS = {"accusation", "accusations", "criticism", "charges", "wrongdoing"}
#: Words that name no topic of their own: "declined to comment on the matter" is on the report.
_VAGUE_WORDS = {"matter", "issue", "subject", "topic", "question", "situation", "speculation", "rumour", "rumor",
                "detail", "development", "account", "accounts", "event", "events"}
#: What one accuser said, answered just after it: "Dutton said ... Chalmers rejected the criticism".
_ANSWERED_LEMMAS = {"allegation", "accusation", "criticism", "charge", "claim"}
_CONTENT_POS = {"NOUN", "PROPN", "VERB", "NUM", "ADJ"}
#: Share of the shorter content's words the two must share to be "the same claim".
SAME_CLAIM_OVERLAP = 0.5
#: Share of a topic's words ("drone" in "the drone allegations") a claim must speak of to be about it.
SAME_TOPIC_SHARE = 0.5
#: Letters two words must start with alike to be one word in two forms ("suspension", "suspended").
_STEM_LETTERS = 6


@dataclass(slots=True)
class StatusEvent:
    status: str
    cue: tuple[int, int]
    subject: tuple[int, int] | None
    content: tuple[int, int] | None
    sentence: str
    #: True when the complement is a report or an allegation ("denied the report", "the drone
    #: allegations"), or a decline names nothing but a report ("declined to comment").
    about_report: bool
    #: True when what is confirmed or denied is a proposition ("did not confirm whether ...",
    #: "denied that ..."), not a thing ("to confirm Supreme Court justices", "deny climate change").
    propositional: bool = False
    #: What the status is about besides a report, as lemmas: "drone" in "declined to comment on the
    #: drone allegations" or "denied the drone allegations". Empty when it names only a report ("the
    #: Kommersant report"), nothing ("declined to comment"), or a proposition of its own.
    topic: frozenset[str] = frozenset()
    #: Who gives the status: the entity its subject names, else the subject's name (the pipeline fills it).
    by: str | None = None
    #: True when the article itself calls what its subject said untrue ("falsely claimed that ..."):
    #: denied, by no source (the subject is who said it).
    untrue: bool = False
    #: Where the complement is a report with what it said ("denied a newspaper report that Dravik
    #: plans ..."), the start of that clause ("that ..."): the claim is the report's.
    reported_at: int | None = None


def _subtree_span(token) -> tuple[int, int]:
    tokens = list(token.subtree)
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def _claim_span(complement) -> tuple[int, int]:
    """What a status verb confirms or denies: its complement, less a closing ", saying ..." or ",
    adding ..." (the source's next words, a relation of their own, which the parser can hang under
    the complement: "confirmed that the airline would close the base, saying the decision ...")."""
    start, end = _subtree_span(complement)
    for word in complement.subtree:
        if word.dep_ == "advcl" and word.tag_ == "VBG" and word.lemma_.lower() in REPORT_LEMMAS \
                and word.i > complement.i and word.nbor(-1).text == ",":
            return start, word.nbor(-1).idx
    return start, end


def _said_untrue(token) -> bool:
    """Whether a speech verb is said to have been used untruly: "falsely claimed", "incorrectly said",
    or by a version of this very story that a correction replaced ("An earlier version of this
    article said that ...")."""
    return token.lemma_.lower() in _CLAIM_VERBS and any(
        (c.dep_ == "advmod" and c.lower_ in _UNTRUE_ADVERBS) or (c.dep_ == "nsubj" and _superseded_version(c))
        for c in token.children)


#: What makes a "version" one the story no longer stands by: "an earlier version", "the original version".
_SUPERSEDED = {"earlier", "previous", "original", "prior", "initial", "first"}


def _superseded_version(noun) -> bool:
    """Whether ``noun`` is an earlier version of the article itself: "An earlier version of this
    story", "A previous version" (not "the original version of the report", another document)."""
    if noun.lemma_.lower() != "version" or not any(c.lower_ in _SUPERSEDED for c in noun.children):
        return False
    of = [p for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
    return not of or any(d.lower_ == "this" for d in of[0].children if d.dep_ == "det")


def _pleaded_not_guilty(token) -> bool:
    """Whether ``token`` is the "pleaded" of "pleaded not guilty" (to charges, in court)."""
    return token.lemma_.lower() == "plead" and any(
        c.lower_ == "guilty" and any(n.dep_ == "neg" for n in (*c.children, *token.children)) for c in token.children)


def _plea_charges(token):
    """The charges of "pleaded not guilty to charges that ...", or None."""
    if not _pleaded_not_guilty(token):
        return None
    return next((p for c in token.children if c.dep_ == "prep" and c.lower_ == "to"
                 for p in c.children if p.dep_ == "pobj"), None)


def _governors(token) -> list:
    """The words a status verb is the complement of, nearest first: "unable" and "was" above
    "confirm" in "Reuters was unable to confirm"."""
    chain = []
    while token.dep_ in ("xcomp", "acomp") and token.head is not token:
        token = token.head
        chain.append(token)
    return chain


def _subject(token, governors: list):
    """The subject of a status verb: its own, a governor's ("Reuters was unable to confirm"), or the
    first verb's when it is the second of two ("confirmed the meeting but denied the report")."""
    for word in (token, *governors):
        found = next((c for c in word.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if found is not None:
            return found
    top = governors[-1] if governors else token
    if top.dep_ == "conj" and top.head is not top:
        return _subject(top.head, _governors(top.head))
    return None


def _not_done(token, governors: list, subject) -> bool:
    """Whether the sentence says the status verb's act was not done: "did not confirm", "declined
    to comment", "failed to confirm", "was unable to verify", "has not been able to verify", "has yet
    to confirm", "would neither confirm nor deny", "Neither X nor Y would comment"."""
    for word in (token, *governors):
        if any(c.dep_ == "neg" or c.lower_ == "neither" for c in word.children):
            return True
    for word in governors:
        if word.lemma_.lower() in _NOT_DONE or any(c.dep_ == "advmod" and c.lower_ == "yet" for c in word.children):
            return True
    return subject is not None and any(c.lower_ == "neither" for c in subject.children)


def _alternatives(token) -> list:
    """The status verbs joined to ``token`` by "or"/"nor" ("confirm or deny"): one act, named twice."""
    if not any(c.dep_ == "cc" and c.lower_ in ("or", "nor") for c in token.children):
        return []
    return [c for c in token.children if c.dep_ == "conj" and c.lemma_.lower() in _CONFIRM | _DENY | _COMMENT]


def _second_alternative(token) -> bool:
    """Whether ``token`` is the "deny" of "confirm or deny", spoken for by the first verb."""
    return token.dep_ == "conj" and token in _alternatives(token.head) and \
        token.head.lemma_.lower() in _CONFIRM | _DENY | _COMMENT


def _complement(token):
    return next((c for c in token.children if c.dep_ in ("ccomp", "dobj", "xcomp", "advcl", "pobj", "attr")
                 and c.i > token.i), None)


def _whether_clause(token):
    """The open question a speech verb is about, or None: the "whether ..." of "would not say whether
    ...", or a clause opening with a wh-word ("declined to say how many jobs would be lost", "would
    not say when talks resume"); not a "that" clause ("did not say that he would resign")."""
    return next((c for c in token.children if c.dep_ == "ccomp"
                 and (any(m.dep_ == "mark" and m.lower_ in ("whether", "if") for m in c.children)
                      or c.left_edge.tag_ in _WH_TAGS)), None)


def _topic_phrase(token):
    """What a declined comment would have been about: the object of "comment on ...", "questions about
    ...", "no comment on ..." (a date is when, not what: "declined to comment on Wednesday"), or the
    clause of "would not say whether ..."."""
    clause = _whether_clause(token)
    if clause is not None:
        return clause
    # Down through objects and prepositions only ("respond to questions about the deal", "a request
    # for comment on the report"), not into other clauses.
    found, stack = [], [c for c in token.children if c.i > token.i]
    while stack:
        word = stack.pop()
        if word.dep_ not in ("prep", "pobj", "dobj"):
            continue
        if word.dep_ == "prep" and word.lower_ in _TOPIC_PREPOSITIONS:
            thing = next((c for c in word.children if c.dep_ == "pobj"), None)
            if thing is not None and thing.ent_type_ not in ("DATE", "TIME"):
                found.append(thing)
                continue
        stack.extend(word.children)
    return min(found, key=lambda t: t.i, default=None)


def _topic_words(doc, span: tuple[int, int]) -> frozenset[str]:
    """The words of a phrase that say what it is about besides a report: common nouns, verbs and
    adjectives, not report words and not names (the name in "the Kommersant report" is whose report)."""
    phrase = doc.char_span(span[0], span[1], alignment_mode="expand")
    if phrase is None:
        return frozenset()
    unspecific = _REPORT_WORDS | _ACCUSATION_WORDS | _VAGUE_WORDS
    return frozenset(t.lemma_.lower() for t in phrase if t.pos_ in _CONTENT_POS - {"PROPN"} and not t.is_stop
                     and len(t.text) > 1 and not {t.lower_, t.lemma_.lower()} & unspecific)


def _names_report(doc, span: tuple[int, int]) -> bool:
    """Whether a short phrase is a report or allegation ("the report", "the drone allegations")."""
    text = doc.text[span[0]:span[1]].strip(" ,.;")
    words = {w.lower() for w in re.findall(r"\w+", text)}
    return (bool(words & (_REPORT_WORDS | _ACCUSATION_WORDS)) and len(words) <= 6) or _AN_ACCOUNT.match(text) is not None


#: "did not confirm that account", "disputed the newspaper's account": what was said, as a whole.
#: (Only so: "the account had been frozen" is a bank's.)
_AN_ACCOUNT = re.compile(r"(?:that|this|the|those|these|such|his|her|their|its|[\w’'-]+(?:'s|’s))\s+accounts?"
                         r"(?:\s+of\s+(?:the\s+)?(?:events?|what happened|the meeting))?$", re.IGNORECASE)


def _report_clause(doc, span: tuple[int, int]):
    """The clause that says what a report said, where a complement is one ("a newspaper report that
    Dravik plans ...", "reports that the talks had stalled"), else None."""
    phrase = doc.char_span(span[0], span[1], alignment_mode="expand")
    if phrase is None or phrase.root.lower_ not in _REPORT_WORDS:
        return None
    return next((c for c in phrase.root.children if c.dep_ in ("acl", "ccomp", "relcl")
                 and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)


def _status_of(token, not_done: bool) -> str | None:
    """The status a status verb gives, or None when it gives none ("did not deny", "commented")."""
    lemma = token.lemma_.lower()
    if lemma in _CONFIRM or (lemma in _DENY and not_done and any(
            a.lemma_.lower() in _CONFIRM for a in _alternatives(token))):
        # "would neither deny nor confirm" confirms nothing, as "would not confirm" does not.
        return "not_confirmed" if not_done else "confirmed"
    if lemma in _DENY:
        return None if not_done else "denied"  # "did not deny" settles nothing
    if lemma in _COMMENT or (lemma in _TELL and _whether_clause(token) is not None):
        return "declined_to_comment" if not_done else None  # "commented" alone is speech, not a status
    return None


def status_events(doc) -> list[StatusEvent]:
    """The sentences in ``doc`` that confirm, deny or decline to confirm or comment on something."""
    events = []
    for token in doc:
        untrue = token.pos_ == "VERB" and _said_untrue(token)
        if untrue or _pleaded_not_guilty(token):
            # "falsely claimed that ...", "An earlier version ... incorrectly said that ...": the article
            # holds the words untrue; "pleaded not guilty to charges that ...": the accused denies them.
            subject = _subject(token, [])
            status = "denied"
        elif token.pos_ in ("VERB", "AUX"):
            if token.lemma_.lower() not in _CONFIRM | _DENY | _COMMENT | _TELL or _second_alternative(token):
                continue
            governors = _governors(token)
            subject = _subject(token, governors)
            status = _status_of(token, _not_done(token, governors, subject))
        elif token.lemma_.lower() in _COMMENT_NOUNS and token.pos_ == "NOUN" and (
                any(c.lower_ == "no" for c in token.children) or token.head.lemma_.lower() in _NOT_DONE
                or (token.dep_ == "dobj" and _not_done(token.head, _governors(token.head), None))):
            # "had no immediate comment", "There was no comment from the ministry", "declined comment",
            # "are yet to make a comment", "did not issue a response"
            status = "declined_to_comment"
            verb = token.head
            subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None) or next(
                (p for c in token.children if c.dep_ == "prep" and c.lower_ == "from"
                 for p in c.children if p.dep_ == "pobj"), None) or _subject(verb, _governors(verb))
        else:
            continue
        if status is None:
            continue
        sentence = token.sent
        complement = _complement(token) or _plea_charges(token)
        if complement is None:
            # "would neither confirm nor deny the report": the object goes with the last verb.
            complement = next((c for a in _alternatives(token) if (c := _complement(a)) is not None), None)
        topic: frozenset[str] = frozenset()
        reported_at = None
        if status == "declined_to_comment":
            content = None  # a decline states no claim of its own
            phrase = _topic_phrase(token)
            if phrase is not None:
                topic = _topic_words(doc, _subtree_span(phrase))
            about_report = not topic
        else:
            if complement is not None:
                content = _claim_span(complement)
            else:
                # "did not confirm, however, whether ..." often parses loosely: take the rest of the sentence.
                rest = [t for t in sentence if t.i > token.i and not t.is_punct]
                content = (rest[0].idx, sentence[-1].idx + len(sentence[-1].text)) if rest else None
            about_report = content is not None and _names_report(doc, content)
            if about_report:
                topic = _topic_words(doc, content)
            elif content is not None and (clause := _report_clause(doc, content)) is not None:
                # "denied a newspaper report that ...": about the report as a whole, as "denied the
                # report" is (whatever words its claim is told in elsewhere in the article).
                about_report = True
                reported_at = clause.left_edge.idx
        events.append(StatusEvent(
            status=status, cue=(token.idx, token.idx + len(token.text)),
            subject=_subtree_span(subject) if subject is not None else None,
            content=content, sentence=sentence.text.strip(), about_report=about_report,
            propositional=complement.dep_ in ("ccomp", "advcl") if complement is not None
            else any(t.lower_ in ("whether", "that", "if") for t in sentence if token.i < t.i <= token.i + 5),
            topic=topic, untrue=untrue, reported_at=reported_at,
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


def content_words(doc, spans: list[list[int]], names: bool = True) -> set[str]:
    """Lemmas of the content words inside ``spans`` (what two claims must share to be one claim);
    without proper nouns where ``names`` is false."""
    kinds = _CONTENT_POS if names else _CONTENT_POS - {"PROPN"}
    words = set()
    for start, end in spans:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            continue
        words.update(t.lemma_.lower() for t in span if t.pos_ in kinds and not t.is_stop and len(t.text) > 1)
    return words


def overlap(a: set[str], b: set[str]) -> float:
    """Share of the smaller set's words found in the other; 0 when fewer than two are shared,
    since one common word ("Tuesday") says nothing about two claims being one."""
    shared = len(a & b)
    if shared < 2:
        return 0.0
    return shared / min(len(a), len(b))


#: Source phrases that name no one by themselves ("it denied", "which confirmed").
_UNNAMING = frozenset(sourcing.PRONOUNS | sourcing.RELATIVE_PRONOUNS | {"you", "this", "these", "those"})


def named_source(phrase: str | None) -> str | None:
    """A source phrase as a name to show ("Senator Hale's" -> "Hale"); None for a pronoun, which
    names no one without its antecedent."""
    stripped = (phrase or "").strip()
    # ("WHO", in capitals, names the World Health Organization.)
    if not stripped or (stripped.lower() in _UNNAMING and not (stripped.isupper() and len(stripped) > 1)):
        return None
    # "MarGaz JSC, Marvosa's state gas producer": the name, without the appositive that describes it.
    head, comma, _ = stripped.partition(",")
    if comma and head.strip() and all(word[:1].isupper() for word in head.split()):
        phrase = head
    name = clean_name(phrase)
    if name.split(" ", 1)[0] in _AFTER_A_TITLE:
        # "The governor of South Dakota": the title is the phrase's head, what follows says whose.
        return clean_name(phrase, "ORG") or None
    return name or None


_AFTER_A_TITLE = frozenset(("of", "for", "at", "in", "from", "to", "on"))


def link_statuses(doc, attributions: list[Attribution], events: list[StatusEvent],
                  event_attribution: dict[int, int], entities: list[Entity] | tuple = ()) -> dict[int, list[ClaimResponse]]:
    """Carry each status event to the attributions it settles (in place); returns, by attribution
    index, every answer given to it (an attribution's status is the strongest of them).

    ``event_attribution`` maps an event's index to the attribution that states it, which keeps
    its own status and is never settled by itself. A status settles:

    - when it names a topic ("declined to comment on the drone allegations"), the claims that speak
      of it;
    - when it is about a report as a whole ("denied the report", "declined to comment"), the claims
      of media sources and of the unnamed sources who spoke to them (of every anonymous source,
      where the article cites no outlet), and, when it names what it answers ("Cole denied the
      allegation", "rejected the criticism"), the earlier claims about its giver or, for an
      allegation or criticism, those of the sentence just before; never another status sentence
      ("Reuters could not independently verify ...");
    - otherwise, the claims whose content words its own content shares.
    """
    words = [content_words(doc, a.content) for a in attributions]
    # Two sentences of one story share its names ("Seattle, Las Vegas, Quebec City" in a report of
    # four new teams and in the commissioner's "interest from groups in Seattle, Las Vegas ..."):
    # what one says of the other is in the rest of their words.
    said = [content_words(doc, a.content, names=False) for a in attributions]
    stating = set(event_attribution.values())
    # "The report" is a media outlet's where the article cites one: the outlet's claims, and those
    # of unnamed sources who spoke to it ("two officials ... told Gazeta Lisvar"); an unnamed
    # official's word to this newsroom is no part of it. Where no outlet is cited, the anonymous
    # claims are the report.
    outlets = {a.source_entity or a.source_text for i, a in enumerate(attributions)
               if i not in stating and a.source_type == "media"} - {None}
    in_report = [a.source_type == "media" or (a.anonymous and (not outlets or _names_one_of(doc, a, outlets)))
                 for a in attributions]
    responses: dict[int, list[ClaimResponse]] = {}
    # Claims that report a status ("her client denied any wrongdoing"): answers, not allegations.
    reporting_status = {i for i, a in enumerate(attributions)
                        if any(s <= e.cue[0] < end for e in events for s, end in a.content)}
    for n, event in enumerate(events):
        own = event_attribution.get(n)
        by = event.by
        if event.untrue:
            by = None  # the article's own judgement: its subject is who said the untrue words
        elif own is not None:
            source = attributions[own]
            by = source.source_entity or named_source(source.source_text) or by
        event_words = content_words(doc, [list(event.content)], names=False) if event.content else set()
        answered = _answered(doc, attributions, event, by, entities, reporting_status) \
            if event.about_report and event.content else set()
        # An allegation a named source made ("Rao alleged ...; the minister refuted the allegation") is
        # that source's: no unnamed sources' report is what the status answers.
        named_allegation = bool(answered) and not any(in_report[i] for i in answered)
        # "declined to comment on Cringely's report": that source's report, whoever the source is,
        # and no other outlet's.
        named_report = {i for i, a in enumerate(attributions) if _names_report_of(event.sentence, a)}
        targets = []
        for i, attribution in enumerate(attributions):
            if i == own or (by and attribution.source_entity == by):
                continue
            if event.topic:
                if i not in stating and _speaks_of(words[i], event.topic):
                    targets.append(i)
            elif event.about_report or named_report:
                in_the_report = i in named_report if named_report else in_report[i] and not named_allegation
                if i not in stating and (in_the_report or i in answered) and not words[i] & REPORTING_WORDS:
                    targets.append(i)
            elif overlap(event_words, said[i]) >= SAME_CLAIM_OVERLAP:
                targets.append(i)
        if event.about_report and not named_report and not event.topic:
            # "The Journal reported ... Reuters could not immediately verify the report. [...] State
            # media said ...": the report answered is the one told before the answer; an outlet
            # cited only after it tells another. (Unnamed sources after it are the same reporting's.)
            told = {_source_key(attributions[i]) for i in targets if attributions[i].cue and attributions[i].cue[0][0] < event.cue[0]}
            # (Where nothing was reported before it, a bare "X declined to comment" answers a
            # report told after it in its own paragraph only: "Korovin refused to comment. TMZ
            # reported that she ..."; a paragraph later, a report is news of its own. "Denied a
            # newspaper report that ..." names the report it answers, told where it may be.)
            if told:
                targets = [i for i in targets if _source_key(attributions[i]) in told or attributions[i].source_type != "media"]
            elif not event.content:
                text = doc.text  # (spaCy builds it anew at every call)
                targets = [i for i in targets if attributions[i].cue
                           and "\n\n" not in text[event.cue[0]:attributions[i].cue[0][0]]]
        for i in targets:
            _settle(attributions[i], event.status, by, event.sentence)
            responses.setdefault(i, []).append(ClaimResponse(event.status, by, event.sentence))
    # A report resting on anonymous sources that was left unconfirmed is unconfirmed as a whole.
    for j, attribution in enumerate(attributions):
        if attribution.status in ("not_confirmed", "denied") and attribution.anonymous and attribution.source_entity:
            for k, other in enumerate(attributions):
                if other is not attribution and other.source_entity == attribution.source_entity \
                        and other.anonymous and other.status == "asserted" and not words[k] & REPORTING_WORDS:
                    _settle(other, attribution.status, attribution.status_by, attribution.evidence)
                    responses[k] = list(responses.get(j, ()))
    return responses


def _source_key(attribution: Attribution) -> str | None:
    return attribution.source_entity or attribution.source_text


def _names_one_of(doc, attribution: Attribution, outlets: set[str]) -> bool:
    """Whether the sentence of ``attribution``'s cue names one of ``outlets``."""
    if not attribution.cue:
        return False
    span = doc.char_span(attribution.cue[0][0], attribution.cue[0][1], alignment_mode="expand")
    sentence = span.sent.text if span is not None else ""
    return any(outlet in sentence for outlet in outlets)


def _speaks_of(claim_words: set[str], topic: frozenset[str]) -> bool:
    """Whether a claim speaks of most of a topic's words, in any of their forms ("suspension" of "suspended")."""
    def said(word: str) -> bool:
        return any(word == w or (len(word) >= _STEM_LETTERS and w[:_STEM_LETTERS] == word[:_STEM_LETTERS])
                   for w in claim_words)
    return sum(map(said, topic)) >= SAME_TOPIC_SHARE * len(topic)


def _answered(doc, attributions: list[Attribution], event: StatusEvent, by: str | None,
              entities: list[Entity] | tuple, reporting_status: set[int]) -> set[int]:
    """The claims a status about a named allegation answers, besides media and anonymous reports:
    earlier claims that name its giver ("Hale said Cole had accepted ..." before "Cole denied the
    allegation") and, for an allegation or criticism, the claims of the sentence just before
    ("Dutton said the government had lost control ..." before "Chalmers rejected the criticism")."""
    status_sentence = doc.char_span(event.cue[0], event.cue[1], alignment_mode="expand").sent
    before = [i for i, a in enumerate(attributions) if a.cue and a.cue[0][0] < status_sentence.start_char
              and i not in reporting_status]
    found = set()
    if by:
        giver = resolve(by, entities)
        names = {by, *((giver.name, *giver.aliases) if giver is not None else ())}
        named = re.compile("|".join(rf"\b{re.escape(name)}\b" for name in sorted(names, key=len, reverse=True)),
                           re.IGNORECASE)
        text = doc.text  # (spaCy builds it anew at every call)
        found.update(i for i in before if any(named.search(text, s, e) for s, e in attributions[i].content))
    thing = doc.char_span(event.content[0], event.content[1], alignment_mode="expand")
    if thing is not None and thing.root.lemma_.lower() in _ANSWERED_LEMMAS and status_sentence.start > 0:
        previous = doc[status_sentence.start - 1].sent
        found.update(i for i in before if previous.start_char <= attributions[i].cue[0][0] < previous.end_char)
    return found


def _names_report_of(sentence: str, attribution: Attribution) -> bool:
    """"Asked about the Kommersant report, ..." names the report of the attribution's source, and
    "declined to comment on Cringely's report" that of Robert Cringely (by surname, as news copy
    names people after the first mention); "confirms Tinkle's account" a witness's."""
    name = attribution.source_entity or ""
    if not name:
        return False
    names = {name}
    if attribution.source_type == "person" and len(name.split()) > 1:
        names.add(name.split()[-1])
    pattern = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.search(rf"\b(?:{pattern})(?:'s|’s)?\s+(?:report|story|article|blog post|column|account)", sentence) \
        is not None


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
