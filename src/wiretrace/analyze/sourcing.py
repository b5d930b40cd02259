"""Sourcing: what kind of source an attribution rests on, whether it is anonymous, and chains.

"Citing unnamed sources who attended a private event, Kommersant said ..." is a claim reported
by a media outlet (Kommersant) on the basis of anonymous sources: the attribution's source is
Kommersant (type ``media``), its ``basis`` the unnamed sources, and it is ``anonymous``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from wiretrace.extract.wire import canonical_agency
from wiretrace.record import Entity

# Words that withhold a source's identity whatever else its phrase says ("an official who asked not
# to be named", "people familiar with the matter").
_WITHHELD = re.compile(
    r"\b(?:unnamed|unidentified|anonymous|anonymity|not (?:authori[sz]ed|allowed|permitted) to (?:speak|talk|comment)|"
    r"(?:not (?:wanting |want |wishing |wish )?|declined |refused )to be (?:named|identified)|"
    r"familiar with (?:the|his|her|their|its)\b|with (?:direct )?knowledge of|briefed on|"
    r"close to the (?:matter|talks|negotiations))",
    re.IGNORECASE,
)
_ANONYMOUS_NOUN = r"(?:sources?|officials?|people|persons?|insiders?|diplomats?|aides?|executives?|officers?)\b(?!['’])"
# Nouns for people that the article does not name: "an official", "two senior U.S. officials", "one of
# the people", "diplomatic sources said". ("People's Daily" and "official data" are none of these.)
_UNNAMED = re.compile(
    r"\b(?:a|an|one|another|two|three|four|five|several|some|other|many|multiple)\s+"
    r"(?:(?:senior|junior|top|government|industry|diplomatic|security|military|intelligence|administration|"
    r"western|european|(?-i:[A-Z][\w.'’-]*))\s+){0,3}" + _ANONYMOUS_NOUN + "|"
    r"\bone of the (?:people|sources|officials|persons|insiders|diplomats)\b|"
    r"^(?:\S+\s+){0,3}?(?:sources\b(?!\s+of\b)|officials\b|insiders\b|diplomats\b|aides\b|people\b(?!['’]))|"
    r"\bsources?\s+(?:said|say|told)",
    re.IGNORECASE,
)
# "Two officials, Finance Minister Lan Fo'an and ...": the phrase goes on to name them.
_NAMED_APPOSITIVE = re.compile(r",\s+(?-i:[A-Z][\w'’-]+\s+[A-Z])")
# "citing X", "quoting X", "according to X" inside the attribution's sentence: X is the basis.
_BASIS = re.compile(r"\b(?:citing|quoting|according to|based on)\s+(?P<basis>[^,;.]{3,160})", re.IGNORECASE)
# "a report by the Financial Times, which cited people briefed on the matter": the clause closing a
# source phrase gives its basis.
_CITED_CLAUSE = re.compile(r",?\s+(?:which|who)\s+(?:cited|quoted)\s+(?P<basis>[^,;]{3,160}?)[\s,]*$", re.IGNORECASE)
# "The newspaper said, citing three people close to the company, that ...": a content opening so.
_OPENING_BASIS = re.compile(r"(?:citing|quoting)\s+(?P<basis>[^,;]{3,160}),\s*", re.IGNORECASE)
# Where a basis ends and what was reported begins ("people familiar with the matter, that the deal ...").
_BASIS_END = re.compile(r",\s*that\b|;", re.IGNORECASE)
#: Words that stand for the previous source when they are the whole source phrase.
RELATIVE_PRONOUNS = {"which", "who", "that"}
# "The newspaper said ...": the outlet the article named before.
_OUTLET_REFERENCE = re.compile(r"^the\s+(?:newspaper|paper|daily|weekly|broadcaster|agency|news agency|magazine|"
                               r"tabloid|outlet|network|channel|website|news site|wire service)$", re.IGNORECASE)
# (Not "agency" alone: most agencies that say things in the news are a government's, and a news
# agency is named, or "the news agency".)
_MEDIA_WORDS = re.compile(
    r"\b(?:daily|newspaper|news|times|post|journal|herald|tribune|gazette|telegraph|guardian|magazine|"
    r"television|tv|radio|broadcaster|wire|outlet|channel|network|bbc|cnn|press|media|kommersant|"
    r"izvestia|reported|report(?:s)?|website|blog|podcast)\b",
    re.IGNORECASE,
)
# (Each noun list below also matches its plural: "internal emails show", "local residents told".)
_DOCUMENT_WORDS = re.compile(
    r"\b(?:(?:report|statement|study|studie|survey|document|filing|memo|letter|poll|analys[ie]|communique|"
    r"transcript|email|e-mail|release|record|court paper|indictment|lawsuit|complaint|petition|affidavit|ruling|order|decree|law|bill|"
    r"guidance|forecast|projection|estimate|statistic)s?|data|minutes)\b",
    re.IGNORECASE,
)
_PERSON_WORDS = re.compile(
    r"\b(?:(?:spokes(?:man|woman)|chair(?:man|woman))|spokes(?:men|women|person|persons|people)|chair(?:men|women)|"
    r"(?:minister|president|official|director|chief|leader|senator|lawmaker|analyst|expert|economist|lawyer|"
    r"attorney|professor|witness(?:e)?|resident|mayor|governor|ceo|founder|secretary|ambassador|general|commander|"
    r"judge|adviser|advisor|aide|candidate|manager|officer|citizen|doctor|prosecutor|investigator|researcher|"
    r"scientist|activist|protester|worker|employee|villager|survivor|member|auditor|councill?or|inspector|"
    r"negotiator|diplomat|engineer|teacher|student|nurse|farmer|owner)s?|"
    r"he|she|him|her|i|we|you)\b",
    re.IGNORECASE,
)
_POSSESSIVE_HEAD = re.compile(r"\w(?:'s|’s|s'|s’)\s+\w+$")
_ORGANISATION_WORDS = re.compile(
    r"\b(?:(?:ministr(?:y|ie)|government|department|agenc(?:y|ie)|compan(?:y|ie)|firm|army|court|commission|"
    r"council|part(?:y|ie)|office|embass(?:y|ie)|union|bank|group|committee|parliament|congress|senate|"
    r"administration|authorit(?:y|ie)|regulator|kremlin|white house|cabinet|board|campaign|institute|"
    r"universit(?:y|ie)|hospital|air force|navy|coast guard|service|corporation|conglomerate|airline|carmaker|"
    r"automaker|insurer|lender|retailer)s?|police|military|forces|authorities"
    # a company's legal form closing its name: "MarGaz JSC", "Acme Robotics Inc."
    r"|inc\.?|ltd\.?|llc|plc|corp\.?|jsc|gmbh|ag|s\.a\.?|n\.v\.?)\b",
    re.IGNORECASE,
)
# "emails reviewed by the newspaper", "documents seen by Reuters".
_OBTAINED_BY = re.compile(r"\b(?:seen|reviewed|obtained|viewed|examined|read)\s+by\b", re.IGNORECASE)
# "the Gazeta Lisvar daily", "the newspaper De Telegraaf": an outlet noun before or after the name.
#: Nouns that call a name a news outlet (a pattern).
OUTLET_NOUNS = r"(?:daily|weekly|newspaper|broadcaster|news agency|news site|website|magazine|tabloid)"
_OUTLET_NOUN = re.compile(rf"(?:\b{OUTLET_NOUNS}$|^(?:the\s+)?(?:[a-z]+\s+)?{OUTLET_NOUNS}\s+(?-i:[A-Z]))", re.IGNORECASE)
PRONOUNS = {"he", "she", "they", "him", "her", "it", "i", "we"}
_ACRONYM = re.compile(r"[A-Z]{2,6}")


def is_anonymous(text: str | None) -> bool:
    """Whether a source phrase (or a basis) withholds who the source is."""
    if not text:
        return False
    if _WITHHELD.search(text):
        return True
    unnamed = _UNNAMED.search(text)
    return unnamed is not None and not _NAMED_APPOSITIVE.match(text, unnamed.end())


def withholds_identity(text: str | None) -> bool:
    """Whether the text says a source is not named ("..., speaking on condition of anonymity")."""
    return bool(text) and bool(_WITHHELD.search(text))


_ANONYMITY_CUE = re.compile(r"(?:asked|requested|declined|refused|spoke|speaking|insisted|demanded)\b", re.IGNORECASE)


def is_anonymity_request(cue: str, content: str) -> bool:
    """Whether a relation is a source's request not to be named ("who [asked] [not to be named because
    the talks are private]", "who [requested] [anonymity]"): a remark on the sourcing, no claim."""
    return bool(_ANONYMITY_CUE.match(cue)) and withholds_identity(" ".join(f"{cue} {content}".split()[:8]))


def source_type(text: str | None, entity: Entity | None, cue: str = "", media: frozenset[str] = frozenset()) -> str | None:
    """person, organisation, media, document or anonymous, for a source phrase."""
    if not text:
        return None
    if is_anonymous(text):
        return "anonymous"
    lowered = text.lower()
    obtained = _OBTAINED_BY.search(lowered)
    if obtained and _DOCUMENT_WORDS.fullmatch(_head_word(lowered[:obtained.start()])):
        return "document"  # "documents seen by Reuters": the papers, which the outlet only read
    if canonical_agency(text) or (entity is not None and canonical_agency(entity.name)):
        return "media"
    if entity is None and cue.lower().startswith("report") and _ACRONYM.fullmatch(text):
        return "media"  # "TMZ reported": a newsroom's initials the model knows no name for
    # The phrase names an outlet, whatever type NER gave the name.
    if (entity is not None and entity.name in media) or _OUTLET_NOUN.search(text):
        return "media"
    if entity is not None and entity.type == "PERSON":
        # ("Giorgia Meloni's office", "the senator's campaign": the body, not the person)
        if _POSSESSIVE_HEAD.search(text) and _ORGANISATION_WORDS.fullmatch(_head_word(lowered)):
            return "organisation"
        return "person"
    if entity is not None and entity.type == "ORG" and "," in lowered:
        # "the auditor, Marcus Bell": a person described before the name, whatever type NER gave it.
        described, _, named = lowered.partition(",")
        if entity.name.lower() in named and _PERSON_WORDS.fullmatch(_head_word(described.strip())):
            return "person"
    if entity is not None and entity.type == "ORG":
        # An organisation that "reported" something, or whose "report" the article cites, is a news outlet.
        if _MEDIA_WORDS.search(text) or cue.lower().startswith("report") or entity.name in media:
            return "media"
        return "organisation"
    if _DOCUMENT_WORDS.search(lowered) and (_DOCUMENT_WORDS.fullmatch(_head_word(lowered))
                                            or not _PERSON_WORDS.search(lowered)):
        return "document"  # ("official data": the data, not an official)
    if _ORGANISATION_WORDS.fullmatch(_head_word(lowered)):
        return "organisation"  # ("the state attorney general's office": the office, whoever heads it)
    if _PERSON_WORDS.search(lowered):
        return "person"
    if _MEDIA_WORDS.search(lowered):
        return "media"
    if entity is not None or _ORGANISATION_WORDS.search(lowered):
        return "organisation"
    return None


def addressed_document(text: str, name: str) -> bool:
    """Whether a source phrase is a document sent to ``name`` rather than by it ("a filing with the
    Securities and Exchange Commission", "a letter to the committee"): its author is not ``name``."""
    lowered = text.lower()
    return bool(_DOCUMENT_WORDS.fullmatch(_head_word(lowered))) and re.search(
        rf"\b(?:with|to|before)\s+(?:the\s+)?{re.escape(name.lower())}\b", lowered) is not None


def _head_word(phrase: str) -> str:
    """The last word of a noun phrase before what follows its head ("data" in "official data from the
    ministry")."""
    words = _AFTER_HEAD.split(phrase, maxsplit=1)[0].split()
    return words[-1] if words else ""


_AFTER_HEAD = re.compile(r",|\s(?:of|by|from|for|in|on|at|to|with|who|which|that)\s", re.IGNORECASE)


def basis_in(sentence: str, exclude: Iterable[str | None] = ()) -> str | None:
    """What the sentence says the source relied on ("citing unnamed sources who ..."), if anything;
    not a phrase that overlaps ``exclude`` (the relation's own source and content: "according to a
    Bloomberg News report carried by Reuters on Tuesday" names the source, not its basis)."""
    excluded = [phrase for phrase in exclude if phrase]
    for match in _BASIS.finditer(sentence):
        basis = match.group("basis").strip()
        if any(_has_phrase(phrase, basis) or _has_phrase(basis, phrase) for phrase in excluded):
            continue
        return basis
    return None


def _has_phrase(text: str, phrase: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", text) is not None


def basis_phrase(text: str) -> str:
    """A basis less what a too long span ran on into ("people familiar with the matter, that the deal
    could value ..." is "people familiar with the matter")."""
    return _BASIS_END.split(text, maxsplit=1)[0].strip(" ,")


def cited_clause(source: str) -> re.Match | None:
    """The ", which cited X" clause closing a source phrase (group ``basis``: X), if there is one."""
    return _CITED_CLAUSE.search(source)


def opening_basis(content: str) -> re.Match | None:
    """The "citing X, " phrase opening a content (group ``basis``: X), if there is one."""
    return _OPENING_BASIS.match(content)


def refers_to_outlet(source: str) -> bool:
    """Whether the source phrase is "the newspaper", "the daily" ...: the outlet named before."""
    return _OUTLET_REFERENCE.match(source) is not None


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
