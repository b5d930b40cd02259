"""Coreference for sources: whom a source phrase stands for.

The attribution model gives spans ("she", "the newspaper", "who", "Government spokesperson Tomas
Erel"); these functions find the entity behind each: a name in the phrase, the antecedent of a
pronoun or relative pronoun, the outlet a bare "report" or "the newspaper" belongs to, the speaker
of a quotation's "I", and the people and outlets the statistical model missed, added as entities.
``pipeline.analyze_doc`` calls them in order; each reads the parse and the relations so far.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from wiretrace.analyze import sourcing
from wiretrace.analyze.entities import clean_name, resolve
from wiretrace.record import Attribution, Entity


def span_text(doc_text: str, spans: list[list[int]]) -> str:
    """The text of a relation's role: its fragments, trimmed, joined by " ... "."""
    return " ... ".join(doc_text[s:e].strip() for s, e in spans if e > s)


#: Lower-case words a name may hold ("Ursula von der Leyen", "Bank of England").
_NAME_PARTICLES = frozenset("de da do dos das del della di du la le van von der den ter al bin bint ibn of the and y".split())


def note_alias(entity: Entity, source_text: str) -> None:
    """Record how a source phrase named ``entity`` when it is another spelling of the name
    ("Putin" for "Vladimir Putin") or a phrase holding the name ("Russia's Kommersant daily"),
    not a description that never names it ("the minister's spokesman"; "the ministry" for the
    "energy ministry": a common noun of the name is no name), and without the title or
    dateline around it ("LONDON — British Prime Minister Keir Starmer" is the name itself)."""
    alias = clean_name(source_text, entity.type)
    words = alias.split()
    if alias == entity.name or alias in entity.aliases or not words or len(words) > 6 or len(alias) >= 60:
        return
    named = set(entity.name.split())
    if all(word[0].isupper() or word.lower() in _NAME_PARTICLES for word in words) \
            or any(word[0].isupper() and word.removesuffix("'s").removesuffix("’s") in named for word in words):
        entity.aliases.append(alias)  # (a spelling, or a phrase naming it: "Russia's Kommersant daily")


def resolve_name(text: str, entities: list[Entity]) -> Entity | None:
    """The entity a source phrase names ("Kremlin spokesman Dmitry Peskov", "Peskov")."""
    whole = resolve(text, entities)
    # "People's Daily, the Communist Party's newspaper": the name before an appositive is the
    # source, not a name inside the appositive; but "A spokesman for the ministry, Igor Petrov,"
    # names its person in the appositive.
    head = resolve(text.split(",", 1)[0], entities) if "," in text else None
    if head is not None and (whole is None or whole.type != "PERSON" or head.type == "PERSON"):
        return head
    return whole


def resolve_source(text: str, entities: list[Entity], quoted: Sequence[Attribution] = (),
                   doc=None, at: int | None = None, genders: dict[str, str] | None = None) -> Entity | None:
    """The entity a source phrase (``text``, at offset ``at`` of ``doc``) stands for: the name it
    holds, or for a personal pronoun its antecedent: the subject of the clause before or of the
    previous sentence, else the last person ``quoted`` (person relations so far, in order); one
    whose gender (``genders``, from :func:`honorific_genders`) the pronoun's contradicts is passed over.
    "They" stands for an organisation named as that subject ("Big Machine ... they said"), never
    for one person: a person's name there is one of several people ("Mr. Grassley and Mr. Leahy"),
    or the people are not named at all ("show insiders ... They said")."""
    if text.lower() not in sourcing.PRONOUNS:
        return resolve_name(text, entities)
    # "he confirmed": whoever is the subject of the previous sentence's main clause (the
    # person the article was just quoting), else the last person quoted. ("It" is no person;
    # the caller looks for its organisation.)
    if text.lower() == "it":
        return None
    plural = text.lower() in _PLURAL_PRONOUNS
    wanted = _PRONOUN_GENDER.get(text.lower())
    genders = genders or {}

    def same_gender(entity: Entity) -> bool:
        return wanted is None or genders.get(entity.name, wanted) == wanted

    def agrees(entity: Entity | None) -> bool:
        if entity is None:
            return False
        return entity.type == "ORG" if plural else entity.type == "PERSON" and same_gender(entity)

    if doc is not None and at is not None:
        sentence = doc.char_span(at, at + len(text), alignment_mode="expand")
        if sentence is not None and not plural and agrees(person := _coordinated_subject(sentence.root, entities)):
            return person
        if sentence is not None and plural:
            # ("Beijing and the Hong Kong government will not step back; they continue ...": the
            # subject before it in its own sentence, if any, outside what it says.)
            pronoun = sentence.root
            doc_text = doc.text  # (spaCy builds it anew at every call)
            earlier = [t for t in pronoun.sent if t.dep_ in ("nsubj", "nsubjpass") and t.i < pronoun.i
                       and not _CLOSING_QUOTE.search(doc_text, t.idx, pronoun.idx)]
            if earlier:
                subject = earlier[-1]
                if any(c.dep_ == "conj" for c in subject.children) or subject.lower_ in sourcing.PRONOUNS:
                    return None
                entity = resolve_name(doc[subject.left_edge.i: subject.i + 1].text, entities)
                return entity if agrees(entity) and _plural(subject) else None
        if sentence is not None:
            start = sentence.sent.start
            if start > 0:
                root = doc[start - 1].sent.root
                subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                if subject is not None:
                    # (The subject's own name: "Lena Voss, a trader at a Lisvar brokerage" is not Lisvar.)
                    words = doc[subject.left_edge.i: subject.right_edge.i + 1].text
                    if agrees(entity := resolve_name(words, entities)) and (not plural or _plural(subject)):
                        return entity
                    # A body's report on what a person will do: "Prime Minister Anton Vell will
                    # travel to Dessa, his office said. He has called ...": the person reported on.
                    reported = next((c for c in root.children if c.dep_ == "ccomp" and c.i < root.i), None)
                    inner = next((c for c in reported.children if c.dep_ in ("nsubj", "nsubjpass")), None) \
                        if reported is not None and not plural and (entity is None or entity.type != "PERSON") else None
                    if inner is not None and agrees(entity := resolve_name(
                            doc[inner.left_edge.i: inner.right_edge.i + 1].text, entities)):
                        return entity
    if plural:
        return None
    for attribution in reversed(quoted):
        entity = next((e for e in entities if e.name == attribution.source_entity), None)
        if entity is not None and not same_gender(entity):
            continue  # ("she" after Mr. Trump was quoted: the woman quoted before him)
        return entity
    return None


#: The gender a personal pronoun says its antecedent has (None: any).
_PRONOUN_GENDER = {"he": "m", "him": "m", "she": "f", "her": "f"}
_PLURAL_PRONOUNS = frozenset({"they", "them"})
_CLOSING_QUOTE = re.compile("[\"”]")
#: Honorifics that say a surname's gender, as the papers that use them write them ("Mr. Trump",
#: "Mrs. Clinton", "Ms. LaBelle", "Mr. Lee Park").
_HONORIFIC = r"\b(Mr|Mrs|Ms|Miss)\.?\s+(?:[A-Z][\w'’.-]*\s+){{0,2}}{surname}\b"


def _plural(subject) -> bool:
    """Whether a subject is grammatically plural: a plural noun, or a name its verb treats as one
    ("Big Machine have denied": an organisation is "they" in British usage; "The Associated Press
    interviewed 20 crew members. They said ..." are the crew members)."""
    if subject.tag_ in ("NNS", "NNPS"):
        return True
    verb = subject.head
    return any(t.tag_ == "VBP" or t.lower_ == "were"
               for t in (verb, *(c for c in verb.children if c.dep_ in ("aux", "auxpass"))))


_ANY_HONORIFIC = re.compile(r"\b(?:Mr|Mrs|Ms|Miss)\b")


@lru_cache(maxsize=4096)
def _honorific_before(surname: str) -> re.Pattern:
    """_HONORIFIC for one surname, compiled once (the regex module's own cache is soon outgrown)."""
    return re.compile(_HONORIFIC.format(surname=re.escape(surname)))


def honorific_genders(text: str, entities: list[Entity]) -> dict[str, str]:
    """Person entity name -> "m" or "f", where the text puts Mr. or Mrs./Ms./Miss before its surname
    (and never both)."""
    genders: dict[str, str] = {}
    if not _ANY_HONORIFIC.search(text):
        return genders
    for entity in entities:
        if entity.type != "PERSON":
            continue
        titles = {match.group(1) for match in _honorific_before(entity.name.split()[-1]).finditer(text)}
        said = {"m" if title == "Mr" else "f" for title in titles}
        if len(said) == 1:
            genders[entity.name] = said.pop()
    return genders


def _coordinated_subject(pronoun, entities: list[Entity]) -> Entity | None:
    """"Rendell agreed that the rules should change, but he said ...": a pronoun subject of a verb
    coordinated with an earlier one stands for that verb's subject, where it names a person."""
    verb = pronoun.head
    if pronoun.dep_ != "nsubj" or verb.dep_ != "conj":
        return None
    while verb.dep_ == "conj" and verb.head.i < verb.i:
        verb = verb.head
    subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < pronoun.i), None)
    if subject is None or subject.lower_ in sourcing.PRONOUNS:
        return None
    entity = resolve_name(subject.doc[subject.left_edge.i: subject.i + 1].text, entities)
    return entity if entity is not None and entity.type == "PERSON" else None


def antecedent(doc, source: list[list[int]], entities: list[Entity]) -> Entity | None:
    """The entity a relative pronoun stands for: the name right before it ("... Patti LaBelle and
    Stevie Wonder, who joked ...": the parse may hang the clause on another name of the list), else
    the noun its clause hangs on ("the ministry, which confirmed ...")."""
    phrase = doc.char_span(source[0][0], source[0][1], alignment_mode="expand")
    if phrase is None or phrase.root.i < 2:
        return None
    before = doc[phrase.root.i - 2] if doc[phrase.root.i - 1].text == "," else doc[phrase.root.i - 1]
    if before.pos_ == "PROPN" and before.dep_ != "pobj":  # (not "Democrats on Capitol Hill, who ...")
        start = before.i
        while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].dep_ == "compound":
            start -= 1
        name = doc[start: before.i + 1]
        entity = resolve_name(name.text, entities)
        if entity is None or entity.type != "PERSON":  # ("Senate Majority Leader Mitch McConnell, who ...")
            entity = titled_person(doc.text, [[name.start_char, name.end_char]], entities) or entity
        return entity
    clause = phrase.root.head
    if clause.dep_ != "relcl" or clause.head.i >= phrase.root.i:
        return None
    noun = clause.head
    while noun.dep_ == "appos" and noun.head.i < noun.i:  # ("McConnell, now the Senate majority leader, who ...")
        noun = noun.head
    return resolve_name(doc[noun.left_edge.i: noun.i + 1].text, entities)


def first_persons_are_their_speakers(attributions: list[Attribution]) -> None:
    """'"... I believe the cap is coming," Hale said': a relation whose source is "I" or "we"
    inside another relation's content is that relation's speaker's (in place)."""
    for attribution in attributions:
        if attribution.source_entity is None and attribution.cue \
                and (attribution.source_text or "").lower() in ("i", "we"):
            speaker = quotation_speaker(attributions, attribution.cue[0][0], besides=attribution, named=True)
            if speaker is not None:
                attribution.source_entity, attribution.source_type = speaker.source_entity, speaker.source_type


def quotation_speaker(attributions: list[Attribution], at: int, besides: Attribution | None = None,
                      named: bool = False) -> Attribution | None:
    """The first relation (but ``besides``; with a resolved source where ``named``) whose content
    holds offset ``at``: an "I" or "we" there is its speaker."""
    return next((a for a in attributions if a is not besides and (a.source_entity or not named)
                 and any(s <= at < e for s, e in a.content)), None)


#: A report that names no one: "according to a new report", "the report said".
_BARE_REPORT = re.compile(r"(?:a|an|the)(?:\s+(?:new|recent|latest|separate|earlier|published))?\s+(?:report|story|article)",
                          re.IGNORECASE)
#: How far (characters, either way) the outlet of a bare report is looked for.
_REPORT_REACH = 600


def bare_reports_are_their_outlets(text: str, attributions: list[Attribution]) -> None:
    """"Beats Music will disappear as a brand, according to a new report. TechCrunch reports that
    ...": a report that names no one is the nearest outlet's the article cites, before it or just
    after (in place: its source becomes that outlet, of the media type)."""
    outlets = [a for a in attributions if a.source_type == "media" and a.source_entity and a.cue]
    for attribution in attributions:
        if attribution.source_entity or not attribution.cue or not attribution.source_text \
                or not _BARE_REPORT.fullmatch(attribution.source_text):
            continue
        at = attribution.cue[0][0]
        near = [(abs(o.cue[0][0] - at), o) for o in outlets if abs(o.cue[0][0] - at) <= _REPORT_REACH]
        if near:
            outlet = min(near, key=lambda pair: pair[0])[1]
            attribution.source_entity, attribution.source_type = outlet.source_entity, "media"
            attribution.anonymous = attribution.anonymous or outlet.anonymous
            attribution.basis = attribution.basis or outlet.basis


#: Two to four capitalised words, the last of them not an initial: a person's name as news copy writes it.
_FULL_NAME = re.compile(r"(?:[A-Z][\w'’-]*\.?\s+){1,3}[A-Z][\w'’-]*[a-z][\w'’-]*")
#: An outlet named with its outlet noun: "The Kowal Courier daily", "the newspaper Kowal Courier".
_CAPITALISED = r"[A-Z][\w'’&.-]*(?:\s+[A-Z][\w'’&.-]*){0,3}"
_OUTLET_PHRASE = re.compile(rf"(?:[Tt]he\s+)?(?:(?P<before>{_CAPITALISED})\s+{sourcing.OUTLET_NOUNS}|"
                            rf"{sourcing.OUTLET_NOUNS}\s+(?P<after>{_CAPITALISED}))")


def titled_person(text: str, source: list[list[int]], entities: list[Entity]) -> Entity | None:
    """A person the statistical model missed or mistyped, named in full behind a title in a source
    phrase ("Government spokesperson Tomas Erel"): added to ``entities`` (with the mentions of an
    organisation or place the model made of the same name), so that a later "Erel" finds them.
    Only behind a title: "White House" and "Gazeta Lisvar" are capitalised too."""
    phrase = span_text(text, source).split(",", 1)[0].strip()  # (not its appositive: ", a lecturer at ...")
    name = clean_name(phrase)
    if name == clean_name(phrase, "ORG") or not _FULL_NAME.fullmatch(name):
        return None
    mistyped = [e for e in entities if e.type != "PERSON" and e.name in (name, name.split()[-1])]
    for other in mistyped:
        entities.remove(other)
    return _add_entity(text, source, name, "PERSON", entities, [m for other in mistyped for m in other.mentions])


def named_outlet(text: str, source: list[list[int]], entities: list[Entity]) -> Entity | None:
    """A news outlet the statistical model missed, named in a source phrase with its outlet noun
    ("The Kowal Courier daily", "the newspaper Kowal Courier"): added to ``entities``, so that
    "the newspaper" and "it" further down find it."""
    found = _OUTLET_PHRASE.fullmatch(span_text(text, source).rstrip(" ,"))
    if found is None:
        return None
    name = found.group("before") or found.group("after")
    existing = next((e for e in entities if e.name == name), None)
    if existing is not None:
        return existing
    return _add_entity(text, source, name, "ORG", entities)


def _add_entity(text: str, source: list[list[int]], name: str, kind: str, entities: list[Entity],
                mentions: Sequence[list[int]] = ()) -> Entity:
    """A new entity ``name`` appended to ``entities``, with its mention in the source span and
    ``mentions`` (those of the entities it replaces)."""
    at = text.find(name, source[0][0], source[-1][1])
    found = [[at, at + len(name)]] if at >= 0 else []
    entity = Entity(name=name, type=kind, mentions=sorted(found + [m for m in mentions if m not in found]))
    entities.append(entity)
    return entity
