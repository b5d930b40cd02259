"""Sourcing: what kind of source an attribution rests on, whether it is anonymous, and chains.

"Citing unnamed sources who attended a private event, Kommersant said ..." is a claim reported
by a media outlet (Kommersant) on the basis of anonymous sources: the attribution's source is
Kommersant (type ``media``), its ``basis`` the unnamed sources, and it is ``anonymous``.
"""

from __future__ import annotations

import re

from wiretrace.extract.wire import canonical_agency
from wiretrace.record import Entity

# Sources whose identity the article withholds.
ANONYMOUS = re.compile(
    r"\b(?:unnamed|unidentified|anonymous|anonymity|not (?:authori[sz]ed|allowed|permitted) to (?:speak|talk|comment)|"
    r"familiar with (?:the|his|her|their|its)\b|with (?:direct )?knowledge of|briefed on|close to the (?:matter|talks|negotiations)|"
    r"(?:a|one|two|three|four|several|some|other|many|multiple)\s+(?:senior\s+|government\s+|u\.s\.\s+|western\s+|"
    r"industry\s+|diplomatic\s+|security\s+|military\s+|administration\s+)*(?:sources?|officials?|people|persons?|"
    r"insiders?|diplomats?|aides?|executives?|officers?)\b|"
    r"^(?:sources?|insiders?|officials?|diplomats?|aides?|people)\b|\bsources?\s+(?:said|say|told)|a source\b)",
    re.IGNORECASE,
)
# "citing X", "quoting X", "according to X" inside the attribution's sentence: X is the basis.
_BASIS = re.compile(r"\b(?:citing|quoting|according to|based on)\s+(?P<basis>[^,;.]{3,160})", re.IGNORECASE)
_MEDIA_WORDS = re.compile(
    r"\b(?:daily|newspaper|news|times|post|journal|herald|tribune|gazette|telegraph|guardian|magazine|"
    r"television|tv|radio|broadcaster|agency|wire|outlet|channel|network|bbc|cnn|press|media|kommersant|"
    r"izvestia|reported|report(?:s)?|website|blog|podcast)\b",
    re.IGNORECASE,
)
_DOCUMENT_WORDS = re.compile(
    r"\b(?:report|statement|study|survey|document|documents|filing|memo|letter|data|poll|analysis|"
    r"communique|transcript|email|e-mail|release|records?|court papers|indictment|ruling|order|decree|law|bill)\b",
    re.IGNORECASE,
)
_PERSON_WORDS = re.compile(
    r"\b(?:he|she|him|her|spokes(?:man|woman|person)|minister|president|official|director|chief|leader|"
    r"senator|lawmaker|analyst|expert|economist|lawyer|attorney|professor|witness|resident|mayor|governor|"
    r"chairman|chairwoman|ceo|founder|secretary|ambassador|general|commander|judge|adviser|advisor|aide|"
    r"candidate|manager|officer|citizen|doctor|i|we|you)\b",
    re.IGNORECASE,
)
_ORGANISATION_WORDS = re.compile(
    r"\b(?:ministry|government|department|agency|company|firm|police|army|military|court|commission|council|"
    r"party|office|embassy|union|bank|group|committee|parliament|congress|senate|administration|authority|"
    r"authorities|regulator|kremlin|white house|cabinet|board|campaign|institute|university|hospital)\b",
    re.IGNORECASE,
)
_OUTLET_NOUN_END = re.compile(r"\b(?:daily|weekly|newspaper|broadcaster|news agency|news site|website|magazine|tabloid)$",
                              re.IGNORECASE)
PRONOUNS = {"he", "she", "they", "him", "her", "it", "i", "we"}


def is_anonymous(text: str | None) -> bool:
    return bool(text) and bool(ANONYMOUS.search(text))


def source_type(text: str | None, entity: Entity | None, cue: str = "", media: frozenset[str] = frozenset()) -> str | None:
    """person, organisation, media, document or anonymous, for a source phrase."""
    if not text:
        return None
    if is_anonymous(text):
        return "anonymous"
    if canonical_agency(text) or (entity is not None and canonical_agency(entity.name)):
        return "media"
    # "the Gazeta Lisvar daily": the phrase names an outlet, whatever type NER gave the name.
    if (entity is not None and entity.name in media) or _OUTLET_NOUN_END.search(text):
        return "media"
    if entity is not None and entity.type == "PERSON":
        return "person"
    lowered = text.lower()
    if entity is not None and entity.type == "ORG":
        # An organisation that "reported" something, or whose "report" the article cites, is a news outlet.
        if _MEDIA_WORDS.search(text) or cue.lower().startswith("report") or entity.name in media:
            return "media"
        return "organisation"
    if _DOCUMENT_WORDS.search(lowered) and not _PERSON_WORDS.search(lowered):
        return "document"
    if _PERSON_WORDS.search(lowered):
        return "person"
    if _MEDIA_WORDS.search(lowered):
        return "media"
    if entity is not None or _ORGANISATION_WORDS.search(lowered):
        return "organisation"
    return None


def basis_in(sentence: str, exclude: str | None = None) -> str | None:
    """What the sentence says the source relied on ("citing unnamed sources who ..."), if anything."""
    for match in _BASIS.finditer(sentence):
        basis = match.group("basis").strip()
        if exclude and basis in exclude:
            continue
        return basis
    return None


def media_names(text: str, entities: list[Entity]) -> frozenset[str]:
    """Organisations the text treats as news outlets ("the Gazeta Lisvar report", "Kommersant daily")."""
    names = set()
    for entity in entities:
        if entity.type != "ORG":
            continue
        for start, end in entity.mentions:
            if _OUTLET_AFTER.match(text, end):
                names.add(entity.name)
                break
    return frozenset(names)


_OUTLET_AFTER = re.compile(r"(?:'s|’s)?\s+(?:daily|newspaper|report|reported|reports|story|news agency|broadcaster|website)\b",
                           re.IGNORECASE)
