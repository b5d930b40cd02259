"""The analysis pipeline: an extracted article in, the same record with entities, attributions
and claims filled in.

Components run in order over one spaCy parse of the body, each a function of the doc and the
results before it: entities -> attributions -> coreference (whom each source stands for) and
sourcing (its type, basis, anonymity) -> claim status -> claims.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from wiretrace.analyze import claims as claim_status
from wiretrace.analyze import coreference, sourcing
from wiretrace.analyze.attribution import REPORT_LEMMAS
from wiretrace.analyze.attribution_layout import dateline_end, unbalanced_quotations
from wiretrace.analyze.coreference import span_text
from wiretrace.analyze.entities import _GAZETTEER, entities_from_doc
from wiretrace.analyze.nlp import load_nlp
from wiretrace.extract.wire import canonical_agency
from wiretrace.record import Article, Attribution, Claim, ClaimResponse, Entity

#: Longer bodies are analysed up to this many characters (a warning says so): the parser's time
#: grows with sentence length, and a megabyte without punctuation is one "sentence".
MAX_ANALYSIS_CHARS = 100_000
#: Cues that introduce a basis ("citing unnamed sources") rather than an attribution of their own.
_BASIS_CUES = {"citing", "quoting", "according", "cited", "quoted"}
_CITING = {"citing", "quoting"}
_FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}
SUPPORTED_LANGUAGES = {"en"}
_MAX_SENTENCE_TOKENS = 150


def _extra_names(article: Article) -> list[tuple[str, str]]:
    """Entities the metadata names: the wire agency, the publisher, photo credits, places in tags."""
    names = []
    for name in (article.wire, article.publisher):
        if name:
            names.append((name, "ORG"))
    for image in article.images:
        if image.credit and canonical_agency(image.credit):
            names.append((image.credit, "ORG"))
    for tag in article.tags:
        names.extend((m.group(0), "PLACE") for m in _GAZETTEER.finditer(tag))
    return names


def analyze_doc(doc, article: Article | None = None) -> tuple[list[Entity], list[Attribution], list[Claim]]:
    """Entities, attributions and claims of a parsed text (``article`` adds metadata context)."""
    from wiretrace.analyze.attribution import extract_attributions

    text = doc.text
    entities = entities_from_doc(doc, _extra_names(article) if article else [])
    if not _is_prose(doc):
        if article is not None:
            article.warnings.append("analysis: text has no sentence structure (no punctuation); attributions skipped")
        return entities, [], _reviewed_claims(article, _carried_by(article)) if article is not None else []
    found = extract_attributions(doc)
    attributions: list[Attribution] = []
    bases: dict[int, str] = {}

    def sentence_of(raw) -> int | None:
        return doc.char_span(raw.cue[0][0], raw.cue[0][1], alignment_mode="expand").sent.start if raw.cue else None

    def first_cue_word(raw) -> str:
        words = span_text(text, raw.cue).lower().split()
        return words[0] if words else ""

    reporting = {sentence_of(raw) for raw in found if raw.cue and first_cue_word(raw) not in _BASIS_CUES}
    found = [_outer_report(doc, raw, found) or raw for raw in found]
    for raw in found:
        if first_cue_word(raw) in _CITING and (report := _report_behind_citing(doc, text, raw)):
            raw, basis = report
            bases[sentence_of(raw)] = basis
        # "Citing unnamed sources ..." is the basis of its sentence's report, not a claim of its own:
        # whether the model gave it no source or the reporter's ("..., the daily reported, citing ...").
        # So is "cited X" said of the report's source ("according to Kommersant, [which] [cited] [X]").
        # ("According to X" with a source is X's own attribution: PolNeAR's annotators agree.)
        cue = first_cue_word(raw)
        sentence = sentence_of(raw)
        if cue in _BASIS_CUES and (not raw.source or (cue in _CITING and sentence in reporting)
                                   or _relative_to_a_source(text, raw, found)):
            bases[sentence] = sourcing.basis_phrase(span_text(text, raw.content))
            continue
        if sourcing.is_anonymity_request(span_text(text, raw.cue), span_text(text, raw.content)):
            continue  # its sentence's own relation is marked anonymous below
        source, content = _without_dateline(doc, text, raw.source), _without_dateline(doc, text, raw.content)
        # "according to a report by the Financial Times, which cited people briefed on the matter" and
        # "The newspaper said, citing three people close to the company, that ...": the citing is the
        # basis, no part of the source or of what was said.
        if len(source) == 1 and (cited := sourcing.cited_clause(text[source[0][0]:source[0][1]])):
            bases.setdefault(sentence, cited.group("basis"))
            source = [[source[0][0], source[0][0] + cited.start()]]
        content, cited_by = _past_cue_modifiers(doc, raw.cue, content)
        if cited_by:
            bases.setdefault(sentence, cited_by)
        if content and (citing := sourcing.opening_basis(text[content[0][0]:content[0][1]])):
            bases.setdefault(sentence, citing.group("basis"))
            content = [[content[0][0] + citing.end(), content[0][1]], *content[1:]]
        content = _within_its_paragraphs(text, raw.cue, content)
        if len(source) == 1 and span_text(text, source) in sourcing.RELATIVE_PRONOUNS:
            # ("The finance ministry, which has called for lower rates": what comes before the
            # pronoun is whom it stands for, not what was said.)
            content = [span for span in content if span[0] >= source[0][1]]
            if not content:
                continue
        if any(a.cue == raw.cue and _spans_within(content, a.content) for a in attributions):
            # ("X said, citing Y, that Z": the report behind the citing is the relation of "said",
            # whole, or the part of it the model gave "citing": "that")
            continue
        attributions.append(Attribution(source=source, cue=raw.cue, content=content, kind=raw.kind))

    events = claim_status.status_events(doc)
    _statuses_keep_their_subject(doc, attributions, events)
    _participles_take_their_clause_source(doc, attributions)
    quoted: list[Attribution] = []  # the person relations so far, for "he" and "she"
    # A bare "the commission" after "The regional health commission said": the body described
    # before (shown by that description; it is no named entity).
    described: dict[int, str] = {}  # id(attribution) -> the earlier description
    genders = coreference.honorific_genders(text, entities)
    last: Attribution | None = None  # the attribution before, of whatever source
    outlet: Entity | None = None  # the news outlet last cited: "the newspaper" further down
    report_basis: dict[str, str] = {}
    media = sourcing.media_names(text, entities)
    # What a relation says of the reporting itself ("the newspaper said it stood by its report")
    # rests on no report's sources.
    about_reporting = [bool(claim_status.content_words(doc, a.content) & claim_status.REPORTING_WORDS)
                       for a in attributions]
    for k, attribution in enumerate(attributions):
        # (The span keeps the comma that closes an appositive, as PolNeAR marks it; the name shown does not.)
        source_text = span_text(text, attribution.source).rstrip(" ,") or None
        attribution.source_text = source_text
        cue_text = span_text(text, attribution.cue)
        entity = coreference.resolve_source(source_text, entities, quoted, doc, attribution.source[0][0], genders) \
            if source_text else None
        # (In small letters: "says WHO" is the World Health Organization.)
        relative = bool(source_text) and source_text in sourcing.RELATIVE_PRONOUNS
        anaphor = bool(source_text) and (source_text.lower() in sourcing.PRONOUNS or relative
                                         or sourcing.refers_to_outlet(source_text))
        if entity is None and source_text and sourcing.refers_to_outlet(source_text):
            entity = outlet
        if entity is None and relative:
            entity = coreference.antecedent(doc, attribution.source, entities)
        if entity is None and source_text and source_text.lower() == "it" and last is not None \
                and last.source_type in ("media", "organisation"):
            # "The newspaper said ... New contracts would fall under the cap, it said.": the
            # organisation just quoted.
            entity = next((e for e in entities if e.name == last.source_entity), None)
        if (entity is None or entity.type != "PERSON") and source_text and not anaphor:
            entity = coreference.titled_person(text, attribution.source, entities) or entity
        if entity is None and source_text and not anaphor:
            entity = coreference.named_outlet(text, attribution.source, entities)
            if entity is not None:
                media = media | {entity.name}
        if entity is None and source_text \
                and (earlier := _described_before(source_text, attribution, attributions[:k])):
            described[id(attribution)] = earlier
        if entity is not None and entity.type != "PERSON" and source_text \
                and sourcing.addressed_document(source_text, entity.name):
            entity = None  # ("a filing with the SEC" is no word of the SEC's)
        if entity is not None:
            attribution.source_entity = entity.name
            if source_text and not anaphor:
                coreference.note_alias(entity, source_text)
        attribution.source_type = sourcing.source_type(source_text, entity, cue_text, media)
        sentence = doc.char_span(attribution.cue[0][0], attribution.cue[0][1], alignment_mode="expand").sent \
            if attribution.cue else None
        basis = bases.get(sentence.start) if sentence is not None else None
        if basis is None and sentence is not None:
            basis = sourcing.basis_in(sentence.text, exclude=(source_text, span_text(text, attribution.content)))
        if basis is None and attribution.source_entity in report_basis and not about_reporting[k]:
            basis = report_basis[attribution.source_entity]  # the same outlet's report, further down
        attribution.basis = basis
        # ("..., according to one of the people, who asked not to be named": the source's clause says so.)
        withheld = sentence is not None and sourcing.withholds_identity(_outside(text, sentence, attribution.content))
        attribution.anonymous = sourcing.is_anonymous(source_text) or sourcing.is_anonymous(basis) or withheld
        if withheld and entity is None and not sourcing.is_anonymous(basis) \
                and attribution.source_type in ("person", None):
            # "A former procurement officer, who asked not to be identified": an unnamed source as much
            # as "an official" is (not a named source or an outlet relying on one).
            attribution.source_type = "anonymous"
        if basis and attribution.source_entity:
            report_basis.setdefault(attribution.source_entity, basis)
        if attribution.source_type == "person" and not _plural_source(doc, attribution):
            quoted.append(attribution)  # (not "audience members", whom no "he" stands for)
        if attribution.source_type == "media" and entity is not None:
            outlet = entity
        last = attribution
    coreference.first_persons_are_their_speakers(attributions)
    coreference.bare_reports_are_their_outlets(text, attributions)
    # ... and further up: a wire lead ("Putin wants ..., Russia's Kommersant daily reported") rests on
    # the sources the outlet's report names a paragraph later ("Kommersant said, citing unnamed
    # sources who attended ..."). (Only for an outlet: its report is one report.)
    for attribution, about_it in zip(attributions, about_reporting):
        if attribution.basis is None and attribution.source_type == "media" \
                and attribution.source_entity in report_basis and not about_it:
            attribution.basis = report_basis[attribution.source_entity]
            attribution.anonymous = attribution.anonymous or sourcing.is_anonymous(attribution.basis)

    for event in events:
        subject = text[event.subject[0]:event.subject[1]] if event.subject else None
        entity = coreference.resolve_source(subject, entities, quoted, doc, event.subject[0], genders) \
            if subject else None
        if entity is not None:
            event.by = entity.name
        elif subject:
            event.by = claim_status.named_source(subject)
        if subject and subject.lower() in ("i", "we"):
            # '"I am not going to comment," Erel told reporters': whoever speaks the quotation.
            speaker = coreference.quotation_speaker(attributions, event.cue[0])
            if speaker is not None:
                event.by = speaker.source_entity or claim_status.named_source(speaker.source_text)
        own = _attribution_at(attributions, event)
        # A newsroom that could not verify something says so of what it reports, whatever the
        # object ("AFP was unable to independently verify the footage"), where another subject's
        # "did not confirm the nominees" is no claim.
        newsroom_note = event.status == "not_confirmed" and subject is not None \
            and sourcing.source_type(subject, entity, media=media) == "media"
        if own is None and event.content is not None and (event.propositional or event.about_report or newsroom_note):
            # A status sentence the attribution model missed ("Peskov did not confirm whether ...").
            own = Attribution(
                source=[list(event.subject)] if event.subject else [], cue=[list(event.cue)],
                content=_without_dateline(doc, text, [list(event.content)]), kind="indirect", source_text=subject,
                source_entity=entity.name if entity else None,
                source_type=sourcing.source_type(subject, entity, media=media),
                anonymous=sourcing.is_anonymous(subject))
            attributions.append(own)
        if own is not None:
            own.status = event.status
            if event.content is not None:
                # What "did not confirm" leaves open is its own complement, not the quote the source
                # gave before it, which the model also hands the earlier cue ("told reporters that
                # ... but did not confirm that ..."). (Content around the cue stays: "All of this,
                # he acknowledges, could be undone".)
                others_content = [list(span) for other in attributions if other is not own for span in other.content]
                own.content = [span for span in own.content if span not in others_content
                               or span[0] < event.content[1] and event.content[0] < span[1]] or own.content
    attributions.sort(key=lambda a: a.cue[0][0] if a.cue else 0)
    event_attribution = {n: attributions.index(a) for n, event in enumerate(events)
                         if (a := _attribution_at(attributions, event)) is not None}
    responses = claim_status.link_statuses(doc, attributions, events, event_attribution, entities)

    carried_by = _carried_by(article)
    claims = []
    for i, a in enumerate(attributions):
        if not a.content or _cites_without_saying(doc, text, a) or _question_put(doc, a) \
                or span_text(text, a.content).strip(_QUOTE_MARKS_AND_PUNCTUATION).lower() in _SAYS_NOTHING:
            continue
        source = a.source_entity or described.get(id(a)) or claim_status.named_source(a.source_text)
        claim = Claim(text=span_text(text, a.content), span=a.content, reported_by=source, source_type=a.source_type,
                      anonymous=a.anonymous, basis=a.basis, carried_by=list(carried_by), status=a.status,
                      status_by=a.status_by, evidence=a.evidence, attribution=i, responses=list(responses.get(i, ())))
        own = next((events[n] for n, k in event_attribution.items() if k == i), None)
        if own is not None and own.about_report and not own.topic and own.reported_at is None \
                and len(claim.text.split()) <= _BARE_REFERENCE_WORDS \
                and any(r.evidence == own.sentence for k, answers in responses.items() if k != i for r in answers):
            # "Erel did not confirm the report", "WeWork declined to comment": of "the report"
            # nothing is claimed; the answer is among the responses of the report's claims.
            # (Answering none, it stays: that it was denied is all the article tells. Nor does one
            # that says more go: "dismissed the criticism as the voice of ...".)
            continue
        if own is not None and not own.untrue and claim.status != "asserted" and claim.status_by is None:
            # "Volen confirmed that Dravik had met ...": the claim's own source gives its status.
            # (Not "An earlier version of this article incorrectly said ...": the article's own.)
            claim.status_by, claim.evidence = source, own.sentence
            _answered_first(claim, ClaimResponse(claim.status, source, own.sentence))
        event = next((events[n] for n, k in event_attribution.items() if k == i and events[n].reported_at), None)
        if event is not None:
            # "The ministry denied a newspaper report that Dravik plans ...": the claim is the
            # report's, on the report's basis; the ministry is who denied it.
            report = _report_of(text, event, attributions, entities)
            # (What the report said, not the report: "a newspaper report that ..." is "that ...".)
            claim.span = [[max(s, event.reported_at), e] for s, e in a.content if e > event.reported_at] or a.content
            claim.text = span_text(text, claim.span)
            claim.reported_by, claim.source_type = (report.source_entity or report.source_text, report.source_type) \
                if report is not None else (None, None)
            claim.anonymous, claim.basis = (report.anonymous, report.basis) if report is not None else (False, None)
            claim.status_by, claim.evidence = source, event.sentence
            _answered_first(claim, ClaimResponse(event.status, source, event.sentence))
        claims.append(claim)
    if article is not None:
        claims += _reviewed_claims(article, carried_by)
    return entities, attributions, claims


# A fact-checker's verdict (as it words it, lower-cased, without a closing "!" or ".") as a claim status.
# (With the words of the larger fact-checkers in Spanish, Portuguese, French and German: "Falso",
# "Engañoso", "Faux", "Falsch".)
_VERDICT_STATUSES = {
    "denied": ("false", "mostly false", "pants on fire", "incorrect", "fake", "fabricated", "not true",
               "wrong", "false claim", "four pinocchios", "misattributed", "scam", "hoax",
               "falso", "falsa", "faux", "fausse", "falsch", "frei erfunden"),
    "confirmed": ("true", "mostly true", "correct", "accurate", "correct attribution", "verified",
                  "verdadero", "verdadera", "verdadeiro", "verdadeira", "vrai", "richtig"),
    "disputed": ("half true", "half-true", "mixture", "mixed", "misleading", "partly false", "partly true",
                 "missing context", "lacks context", "exaggerated", "distorts the facts", "cherry-picks",
                 "two pinocchios", "three pinocchios", "engañoso", "enganoso", "impreciso", "exagerado",
                 "parcialmente falso", "trompeur", "irreführend", "teilweise falsch"),
    "not_confirmed": ("unproven", "unverified", "unsubstantiated", "no evidence", "unsupported", "research in progress",
                      "sin evidencia", "insustentable", "inverificável", "sem provas", "infondé", "unbelegt"),
}
_STATUS_OF_VERDICT = {verdict: status for status, verdicts in _VERDICT_STATUSES.items() for verdict in verdicts}


def _answered_first(claim: Claim, response: ClaimResponse) -> None:
    """Put the answer the claim's own sentence gives first among its responses (once)."""
    claim.responses = [response, *(r for r in claim.responses if r.evidence != response.evidence)]


def _carried_by(article: Article | None) -> list[str]:
    """Who carried the article's claims onward: its wire agency and its publisher."""
    carried_by: list[str] = []
    if article is not None:
        for name in (article.wire, article.publisher):
            if name and name not in carried_by:
                carried_by.append(name)
    return carried_by


def _reviewed_claims(article: Article, carried_by: list[str]) -> list[Claim]:
    """The claims the article's fact-checks rate (its claim_reviews), each with the status its
    verdict gives it, so that a claim's timeline across articles holds the fact-checkers'
    verdicts too. A verdict in words this does not know gives none."""
    claims = []
    for review in article.claim_reviews:
        status = _STATUS_OF_VERDICT.get(" ".join((review.rating or "").lower().split()).strip(" .!"))
        if review.claim and status is not None:
            by, evidence = review.rated_by or article.publisher, f"Fact-check verdict: {review.rating}"
            claims.append(Claim(text=review.claim, reported_by=review.claimant, carried_by=list(carried_by),
                                status=status, status_by=by, evidence=evidence,
                                responses=[ClaimResponse(status, by, evidence)]))
    return claims


def _plural_source(doc, attribution: Attribution) -> bool:
    """Whether the source phrase is headed by a plural noun ("Several cast members", "Teachers")."""
    if not attribution.source:
        return False
    phrase = doc.char_span(attribution.source[0][0], attribution.source[0][1], alignment_mode="expand")
    return phrase is not None and phrase.root.tag_ in ("NNS", "NNPS")


def _report_of(text: str, event, attributions: list[Attribution], entities: list[Entity]) -> Attribution | None:
    """The relation through which the article reports what a status answers, where the status names
    a report with what it said ("denied a Reuters report that ..."): the outlet the phrase names
    ("a Reuters report"), else the first outlet the article cites ("a newspaper report")."""
    named = coreference.resolve_name(text[event.content[0]:event.reported_at], entities)
    outlets = [a for a in attributions if a.source_type == "media"
               and (named is None or a.source_entity == named.name)]
    return outlets[0] if outlets else None


#: "<basis>, that <what was reported>": a "citing" content run on past its cited phrase.
_BASIS_THEN_REPORT = re.compile(r"(?P<basis>[^,;]{3,160}),\s*(?=that\b)")


def _spans_within(inner: list[list[int]], outer: list[list[int]]) -> bool:
    """Whether every span of ``inner`` lies inside some span of ``outer`` (equal spans too)."""
    return all(any(s <= start and end <= e for s, e in outer) for start, end in inner)


def _outer_report(doc, raw: Attribution, found: list[Attribution]) -> Attribution | None:
    """"The Globe and Mail reported last week that the government had asked for a new assessment",
    where the model took the reported clause's own verb for the cue ("had asked for") and left the
    report out: the report's relation, its subject the source and its "that" clause the content
    (relations do not nest: what the outlet reported is one claim, the outlet's). None where no
    finite reporting verb with a subject governs the cue through its complement clause, or where
    that verb is already some relation's cue."""
    if not raw.cue:
        return None
    cue = doc.char_span(raw.cue[0][0], raw.cue[0][1], alignment_mode="expand")
    if cue is None:
        return None
    token = cue.root
    verb = None
    while token.head is not token:
        if token.dep_ == "ccomp":
            verb = token.head
            break
        if token.dep_ not in ("aux", "auxpass", "prt", "xcomp", "advcl") and token is not cue.root:
            break
        token = token.head
    if verb is None:
        # The parse may hang the report on what it reports ("[reported] last week, citing ..., that
        # the government had [asked]": "reported" a clause of "asked"): a reporting verb before the
        # cue's verb, below it, with the "that" opening the reported clause between the two.
        that = next((c for c in token.children if c.dep_ == "mark" and c.lower_ == "that"), None)
        verb = next((c for c in token.children if c.dep_ in ("ccomp", "advcl") and c.i < (that.i if that else -1)), None)
        if verb is None:
            return None
        content_start = that
    else:
        content_start = token.left_edge
    if not (verb.tag_ in ("VBD", "VBZ", "VBP") and verb.lemma_.lower() in REPORT_LEMMAS):
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ == "PRON" and subject.lower_ in ("it", "this", "that"):
        return None
    # (Only within one sentence as written, the report before what it reports: the parser may run
    # a headline or a quotation into the next sentence.)
    if not 0 < cue.start - verb.i <= _OUTER_REPORT_REACH or any(
            t.text in _SENTENCE_BREAKS for t in doc[verb.i + 1 : cue.start]):
        return None
    # (Nor a verb the relation itself reports: "he said, '...'," Mitchell recalled.)
    if any(a.cue and a.cue[0][0] <= verb.idx < a.cue[-1][1] for a in found) \
            or any(start <= verb.idx < end for start, end in raw.content):
        return None
    end = token.right_edge
    while end.is_punct and end.i > content_start.i:
        end = doc[end.i - 1]
    source = [[subject.left_edge.idx, subject.right_edge.idx + len(subject.right_edge)]]
    content = [[content_start.idx, end.idx + len(end)]]
    return Attribution(source=source, cue=[[verb.idx, verb.idx + len(verb)]], content=content, kind=raw.kind)


#: How many tokens a report may stand before the cue of what it reports, and what may not part them.
_OUTER_REPORT_REACH = 30
_SENTENCE_BREAKS = frozenset(('.', '!', '?', '"', '“', '”', '‘', '’', "'", ':', ';'))


def _report_behind_citing(doc, text: str, raw: Attribution) -> tuple[Attribution, str] | None:
    """"The daily reported on Wednesday, citing unnamed sources, that Dravik would ...", where the
    model made "citing" the cue and ran its content on into what was reported: the relation of the
    reporting verb between source and "citing" (with the "that" clause as content), and its basis
    ("unnamed sources"). None where the content does not go on so or no such verb precedes. (The
    source is the model's, else the verb's subject.)"""
    first = raw.content[0]
    found = _BASIS_THEN_REPORT.match(text[first[0]:first[1]])
    cue = doc.char_span(raw.cue[0][0], raw.cue[0][1], alignment_mode="expand")
    if found is not None:
        basis, reported = found.group("basis"), [[first[0] + found.end(), first[1]], *raw.content[1:]]
    elif len(raw.content) > 1 and text[first[1]:raw.content[1][0]].strip() == "," \
            and text.startswith("that", raw.content[1][0]) and 3 <= first[1] - first[0] <= 160:
        # (The model cut the content at the comma: "[unnamed officials], [that the ministry ...]".)
        basis, reported = text[first[0]:first[1]], raw.content[1:]
    else:
        return None
    if cue is None:
        return None
    after = raw.source[-1][1] if raw.source else cue.sent.start_char
    verbs = [t for t in cue.sent if after <= t.idx and t.i < cue.start
             and t.tag_.startswith("VB") and t.lemma_.lower() in REPORT_LEMMAS]
    source = raw.source
    if not verbs and len(source) == 1 and (last := doc.char_span(*source[0], alignment_mode="expand")) is not None \
            and len(last) > 1 and last[-1].tag_.startswith("VB") and last[-1].lemma_.lower() in REPORT_LEMMAS:
        # The model ran the source on into the verb: "[The Gazeta Lisvar daily reported] on Wednesday, [citing]".
        verbs = [last[-1]]
        source = [[source[0][0], last[-2].idx + len(last[-2])]]
    if not verbs:
        return None
    verb = verbs[-1]
    if not source:
        # The model left the report's source out: the verb's subject, or the words that open the
        # sentence up to the verb where the parse found none ("The Kowal Courier daily", "daily"
        # read as an adverb).
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        opening = doc[cue.sent.start:verb.i]
        if subject is not None:
            source = [[subject.left_edge.idx, subject.right_edge.idx + len(subject.right_edge)]]
        elif 0 < len(opening) <= 8 and not any(t.is_punct or t.pos_ in ("VERB", "AUX") for t in opening):
            source = [[opening.start_char, opening.end_char]]
        else:
            return None
    report = Attribution(source=source, cue=[[verb.idx, verb.idx + len(verb)]], content=reported, kind=raw.kind)
    return report, basis.strip()


#: Dependencies of what modifies the reporting itself, not what was reported: "said [Wednesday]",
#: "reported [on Tuesday], [citing people familiar with the matter], that ...".
_CUE_MODIFIER_DEPS = frozenset(("npadvmod", "tmod", "prep", "advcl", "advmod"))
#: ... and of what it reports (a quotation opens with its mark).
_REPORTED_DEPS = frozenset(("ccomp", "xcomp", "punct"))
#: Words for the day a cue's verb may be followed by, dating the saying.
_WHEN_SAID = frozenset("monday tuesday wednesday thursday friday saturday sunday today yesterday tonight".split())


def _past_cue_modifiers(doc, cue: list[list[int]], content: list[list[int]]) -> tuple[list[list[int]], str | None]:
    """The content less the words opening it that modify the cue's verb ("said [Wednesday] it had
    opened", "reported [on Tuesday, citing people familiar with the matter,] that"), and the basis a
    "citing"/"quoting" among them names. The model takes them in with the clause they precede; the
    parse hangs them on the verb, and the clause reported as its complement."""
    if not cue or not content or content[0][0] < cue[-1][1]:
        return content, None
    verbs = doc.char_span(cue[0][0], cue[-1][1], alignment_mode="expand")
    span = doc.char_span(content[0][0], content[0][1], alignment_mode="expand")
    if verbs is None or span is None:
        return content, None
    verb = verbs.root
    basis = None
    at = span.start
    # "said Wednesday it had opened": the parse may hang the day on the reported verb, but right
    # after the cue, and not the subject of what follows ("said Wednesday's vote", "said Monday
    # was the deadline"), it dates the saying.
    day = at + 1 if doc[at].lower_ == "on" else at
    if at == verbs.end and day + 1 < span.end and doc[day].lower_ in _WHEN_SAID \
            and doc[day + 1].tag_ != "POS" and doc[day + 1].pos_ not in ("VERB", "AUX"):
        at = day + 1
    while at < span.end:
        token = doc[at]
        if token.is_space or (token.is_punct and token.text in ",;:—–-"):
            at += 1
            continue
        # The word of the content hanging from the cue's verb: a modifier of the reporting, or the
        # complement that is what was reported.
        branch = token
        while branch.head.i != branch.i and branch.head.i != verb.i:
            branch = branch.head
        if branch.head.i != verb.i or branch.dep_ not in _CUE_MODIFIER_DEPS \
                or branch.left_edge.i < at or branch.right_edge.i >= span.end - 1:
            # What is left must be what the verb reports: its complement clause or a quotation,
            # or a "citing X," before it, which the caller takes for the basis.
            if at > span.start and not (branch.head.i == verb.i and branch.dep_ in _REPORTED_DEPS) \
                    and token.lower_ not in _CITING:
                return content, None
            break
        if branch.lower_ in _CITING:
            cited = [c for c in branch.children if c.dep_ == "dobj"]
            if cited:
                basis = doc[cited[0].left_edge.i : cited[0].right_edge.i + 1].text
        at = branch.right_edge.i + 1
    if at == span.start or at >= span.end or not any(t.is_alpha for t in doc[at : span.end]):
        return content, None
    return [[doc[at].idx, content[0][1]], *content[1:]], basis


def _statuses_keep_their_subject(doc, attributions: list[Attribution], events: list) -> None:
    """"The ministry denied a report that Minister Anna Veld plans ...": where the model gives a
    status verb's relation a source after the verb, inside what it denies, the verb's active
    subject in the parse, before it, is the source (in place). (Not a passive one: "When the
    diagnosis was confirmed, Clinton did not want to ...".)"""
    for event in events:
        own = _attribution_at(attributions, event)
        if own is None or not own.source or event.subject is None or event.subject[1] > event.cue[0] \
                or not any(s <= event.cue[0] < e for s, e in own.cue) \
                or not all(start >= event.cue[1] for start, _ in own.source):
            continue
        subject = doc.char_span(event.subject[0], event.subject[1], alignment_mode="expand")
        if subject is not None and subject.root.dep_ == "nsubj":
            own.source = [list(event.subject)]


def _participles_take_their_clause_source(doc, attributions: list[Attribution]) -> None:
    """"The ministry denied a report that Dravik plans a cap, calling it 'speculation'": a cue that
    is a participle after a comma has the subject of the clause it hangs on. The model, seeing a
    name inside that clause's content, may give it that name: the source of the relation before
    it in the sentence, whose content holds the name, replaces it (in place)."""
    for attribution in attributions:
        if not attribution.cue or not attribution.source:
            continue
        cue = doc.char_span(attribution.cue[0][0], attribution.cue[0][1], alignment_mode="expand")
        if cue is None or cue[0].tag_ != "VBG" or cue.start == 0 or doc[cue.start - 1].text != ",":
            continue
        sentence = cue.sent
        for other in attributions:
            if other is attribution or not other.cue or not other.source \
                    or not sentence.start_char <= other.cue[0][0] < attribution.cue[0][0]:
                continue
            if all(any(s <= start and end <= e for s, e in other.content) for start, end in attribution.source):
                attribution.source = other.source
                break


def _question_put(doc, attribution: Attribution) -> bool:
    """Whether a relation is the question put to its source ("Asked about the Kommersant report,
    Peskov said ...", "Asked whether the minister had met them, a press officer said ..."): what
    the source was asked is no claim of theirs; their answer is the sentence's other relation."""
    if not attribution.cue:
        return False
    cue = doc.char_span(attribution.cue[0][0], attribution.cue[0][1], alignment_mode="expand")
    return cue is not None and cue[0].lower_ == "asked" and cue[0].tag_ == "VBN" \
        and all(t.is_punct or t.is_space for t in doc[cue.sent.start:cue.start])


def _cites_without_saying(doc, text: str, attribution: Attribution) -> bool:
    """Whether a "citing"/"cited" relation names what its source relied on, or its reasons, rather
    than anything said ("cut its rate, citing easing inflation"): a content with no verb of its own
    ("quoted the minister as saying ..." has one). No claim, though PolNeAR counts the relation."""
    cue = span_text(text, attribution.cue).lower().split()
    if not cue or cue[0] not in _BASIS_CUES - {"according"}:
        return False
    for start, end in attribution.content:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None and any(t.tag_ in _FINITE_TAGS or t.lower_ == "saying" for t in span):
            return False
    return True


def _relative_to_a_source(text: str, raw, found: list) -> bool:
    """Whether the relation's source is a relative pronoun right after another relation's source
    ("according to Kommersant, [which] cited ..."), not after some other noun ("95 retired generals
    ..., [who] cited her years as secretary of State")."""
    if len(raw.source) != 1 or text[raw.source[0][0]:raw.source[0][1]] not in sourcing.RELATIVE_PRONOUNS:
        return False
    start = raw.source[0][0]
    return any(other is not raw and other.source and not text[other.source[-1][1]:start].strip(" ,")
               and other.source[-1][1] <= start for other in found)


# A content that is one pronoun ("The Real Deal reported [which]", "Trump said [it]", "asked [what]")
# states no claim: what it stands for is elsewhere in the article, as a claim of its own. Nor
# does a question word alone ("did not say [when]", "would not say [why]").
#: A claim of at most this many words that a status names ("the report", "to comment on the
#: report") is that status's object, not a claim.
_BARE_REFERENCE_WORDS = 6
_SAYS_NOTHING = frozenset(sourcing.PRONOUNS | sourcing.RELATIVE_PRONOUNS | {
    "what", "whom", "them", "you", "us", "me", "this", "these", "those", "so", "itself", "himself", "herself",
    "themselves", "when", "why", "how", "where", "whether", "how much", "how many", "how long"})
_QUOTE_MARKS_AND_PUNCTUATION = " \n\"“”‘’'.,;:!?"
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_OPENING_QUOTE = ("“", '"', "‘", "«")
_CLOSING_QUOTE = ("”", '"', "’", "»")


def _within_its_paragraphs(text: str, cue: list[list[int]], content: list[list[int]]) -> list[list[int]]:
    """Content less what it runs into across paragraph breaks: a quotation that closed a paragraph
    before a cue at the end of the next ("“... has the money.” / Nearly 300 districts closed, according
    to the unions"), a heading after it. A quotation that goes on over paragraphs (each opening with
    a quotation mark, the one before not closed) and a list a colon opens stay; content wholly in
    another paragraph (after "said:") is left as it is."""
    if not cue or not content or not any(_PARAGRAPH_BREAK.search(text, s, e) for s, e in content):
        return content
    pieces = []
    for s, e in content:
        at = s
        for brk in _PARAGRAPH_BREAK.finditer(text, s, e):
            pieces.append([at, brk.start()])
            at = brk.end()
        pieces.append([at, e])
    pieces = [[s, e] for s, e in pieces if text[s:e].strip()]
    start = cue[0][0]
    first = max((m.end() for m in _PARAGRAPH_BREAK.finditer(text, 0, start)), default=0)
    last = m.start() if (m := _PARAGRAPH_BREAK.search(text, start)) else len(text)
    inside = [k for k, (s, e) in enumerate(pieces) if first <= s and e <= last]
    if not inside:
        return content
    keep = set(inside)
    for k in range(inside[-1] + 1, len(pieces)):  # later paragraphs
        before, piece = text[slice(*pieces[k - 1])].rstrip(), text[slice(*pieces[k])].lstrip()
        if not (before.endswith(":") or piece.startswith(_OPENING_QUOTE) and not before.endswith(_CLOSING_QUOTE)):
            break
        keep.add(k)
    for k in range(inside[0] - 1, -1, -1):  # earlier paragraphs
        piece, after = text[slice(*pieces[k])].rstrip(), text[slice(*pieces[k + 1])].lstrip()
        if piece.endswith(_CLOSING_QUOTE) or not (piece.lstrip().startswith(_OPENING_QUOTE)
                                                   and after.startswith(_OPENING_QUOTE)):
            break
        keep.add(k)
    return content if len(keep) == len(pieces) else [pieces[k] for k in sorted(keep)]


_BARE_DESCRIPTION = re.compile(r"[Tt]he\s+([a-z]+)")
#: How far back (characters) the description may stand: a live blog's "the campaign" an hour
#: later is another candidate's.
_DESCRIBED_WITHIN = 2000
# What can describe it: a short phrase with its modifiers before the noun ("regional health
# commission", "A New York judge"), not another noun's ("a group of physicians", "a letter signed
# by seven physicians") nor one only a possessive pronoun tells apart ("His doctor").
_DESCRIPTION = re.compile(r"(?!.*\s(?:of|by|for|with|from|in|at)\s)(?![Hh]is\s|[Hh]er\s|[Tt]heir\s|[Ii]ts\s|[Oo]ur\s)"
                          r"(?:[\w'’.-]+\s+){1,3}[a-z]+")


def _described_before(source_text: str, attribution: Attribution, before: list[Attribution]) -> str | None:
    """For a bare "the commission", the nearest earlier description of the body (see _DESCRIPTION)
    within _DESCRIBED_WITHIN characters: a source phrase that named no entity, or a basis an outlet
    cited ("Xinhua reported, citing the regional health commission")."""
    bare = _BARE_DESCRIPTION.fullmatch(source_text)
    if bare is None:
        return None
    noun = bare.group(1).lower()
    for other in reversed(before):
        if not other.source or not 0 < attribution.source[0][0] - other.source[0][0] < _DESCRIBED_WITHIN:
            continue
        for phrase in (other.basis, None if other.source_entity else other.source_text):
            name = claim_status.named_source(phrase) if phrase else None
            if name and _DESCRIPTION.fullmatch(name) and name.lower().split()[-1] == noun:
                return name
    return None


def _without_dateline(doc, text: str, spans: list[list[int]]) -> list[list[int]]:
    """Spans less a leading dateline ("LISVAR, May 6 (Reuters) - ", "LISVAR — ", "Indianapolis – "): the
    model can take the dateline into the first sentence's source or content, but it is no part of
    either (and a source "LONDON (Reuters) - British police" would resolve to the agency).
    (``text`` is ``doc.text``, which spaCy builds anew at every call.)"""
    if not spans:
        return spans
    start, end = spans[0]
    body = dateline_end(text, start)
    if body == start:
        body = _place_dateline_end(doc, text, start)
    if body == start or not text[body:end].strip():
        return spans
    return [[body, end], *spans[1:]]


# After a place opening a paragraph: a dash between spaces, then a sentence.
_DATELINE_DASH = re.compile(r"[ \t\xa0]+[-–—][ \t\xa0]+(?=[A-Z\"“‘])")
#: How far into its paragraph a place dateline's dash may stand (longer than any place's name).
_PLACE_DATELINE_CHARS = 100


def _place_dateline_end(doc, text: str, start: int) -> int:
    """Where the words begin after a dateline of a place in title case opening a paragraph at
    ``start``, as outlets restyle wire copy ("Indianapolis – Several thousand teachers ..."; a
    name there is a person: "Mehmet Oz — Ivy League-trained surgeon ..."); ``start`` if none."""
    if start > 0 and text[start - 1] != "\n":
        return start
    # (doc.ents builds every entity span anew: asked only where a spaced dash follows closely.)
    if not _DATELINE_DASH.search(text, start, start + _PLACE_DATELINE_CHARS):
        return start
    place = next((e for e in doc.ents if e.start_char == start and e.label_ in ("GPE", "LOC")), None)
    dash = _DATELINE_DASH.match(text, place.end_char) if place is not None else None
    return dash.end() if dash is not None else start


def _outside(text: str, sentence, spans: list[list[int]]) -> str:
    """The sentence's text less the given spans (a relation's content)."""
    pieces, at = [], sentence.start_char
    for start, end in sorted(spans):
        if end > at and start < sentence.end_char:
            pieces.append(text[at:max(at, start)])
            at = max(at, end)
    pieces.append(text[at:sentence.end_char])
    return " ".join(pieces)


def _is_prose(doc) -> bool:
    """Whether most of the text sits in sentences of readable length (a run of thousands of words
    without punctuation is one "sentence" that attribution would crawl through for minutes)."""
    long_tokens = sum(len(sent) for sent in doc.sents if len(sent) > _MAX_SENTENCE_TOKENS)
    return long_tokens <= len(doc) / 2


def _attribution_at(attributions: list[Attribution], event) -> Attribution | None:
    """The attribution that states a status event: its cue is the event's verb, or (for "declined
    to comment") its short content is, or its content opens with the verb ("refused" + "to comment
    when cameras approached her")."""
    for attribution in attributions:
        if any(s <= event.cue[0] < e for s, e in attribution.cue):
            return attribution
        if any(s <= event.cue[0] < e and (e - s < 40 or event.cue[0] - s <= len("to ")) for s, e in attribution.content):
            return attribution
    return None


def analyze_article(article: Article, nlp=None) -> Article:
    """Fill ``article.entities``, ``.attributions`` and ``.claims`` (in place; also returned)."""
    if _check(article):
        doc = (nlp or load_nlp())(article.text[:MAX_ANALYSIS_CHARS])
        article.entities, article.attributions, article.claims = analyze_doc(doc, article)
    else:  # (a fact-check's verdict needs no parse: a Spanish page's "Falso" still rates its claim)
        article.claims = _reviewed_claims(article, _carried_by(article))
    return article


def analyze_articles(articles: Iterable[Article], batch_size: int = 16) -> Iterator[Article]:
    """Analyse a stream of articles, parsing them in batches (spaCy's ``pipe`` is faster per doc)."""
    nlp = load_nlp()
    batch: list[Article] = []
    for article in articles:
        batch.append(article)
        if len(batch) >= batch_size:
            yield from _analyze_batch(batch, nlp)
            batch = []
    if batch:
        yield from _analyze_batch(batch, nlp)


def _analyze_batch(batch: list[Article], nlp) -> Iterator[Article]:
    ready = [a for a in batch if _check(a)]
    docs = dict(zip(map(id, ready), nlp.pipe(a.text[:MAX_ANALYSIS_CHARS] for a in ready)))
    for article in batch:
        if id(article) in docs:
            article.entities, article.attributions, article.claims = analyze_doc(docs[id(article)], article)
        else:
            article.claims = _reviewed_claims(article, _carried_by(article))
        yield article


def _check(article: Article) -> bool:
    """Warnings for articles analysis cannot or should not run on; True when it can run."""
    text = article.text
    if not text.strip():
        article.warnings.append("analysis: empty body, nothing to analyse")
        return False
    if article.language and article.language not in SUPPORTED_LANGUAGES:
        article.warnings.append(f"analysis: language {article.language!r} is not supported (English only); skipped")
        return False
    if unbalanced_quotations(text):
        article.warnings.append("analysis: unbalanced quotation marks; direct quotes may be cut short")
    if len(text) > MAX_ANALYSIS_CHARS:
        article.warnings.append(f"analysis: body cut to its first {MAX_ANALYSIS_CHARS:,} characters")
    return True
