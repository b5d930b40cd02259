"""Entities: people, organisations and places, with their mentions clustered within an article.

spaCy finds the mentions; this module decides which mentions are the same entity ("Putin" is
"Vladimir Putin" when the article names him in full) and maps well-known variant spellings to
one name across articles through a small alias table ("Kiev" -> "Kyiv", "U.S." -> "United States").
"""

from __future__ import annotations

import re
from functools import lru_cache

from wiretrace.record import Entity

#: spaCy label -> wiretrace entity type. NORP ("Russian"), dates and numbers are not entities here.
ENTITY_TYPES = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE"}

#: Variant spellings of the same place or body, lower-cased -> canonical name.
ALIASES: dict[str, str] = {
    "kiev": "Kyiv", "kyiv": "Kyiv",
    "us": "United States", "u.s.": "United States", "u.s": "United States", "usa": "United States",
    "u.s.a.": "United States", "united states": "United States", "united states of america": "United States",
    "america": "United States",
    "uk": "United Kingdom", "u.k.": "United Kingdom", "britain": "United Kingdom", "great britain": "United Kingdom",
    "united kingdom": "United Kingdom",
    "uae": "United Arab Emirates", "u.a.e.": "United Arab Emirates",
    "un": "United Nations", "u.n.": "United Nations", "united nations": "United Nations",
    "eu": "European Union", "e.u.": "European Union", "european union": "European Union",
    "odessa": "Odesa", "odesa": "Odesa", "kharkov": "Kharkiv", "kharkiv": "Kharkiv",
    "lugansk": "Luhansk", "luhansk": "Luhansk", "zaporozhye": "Zaporizhzhia", "zaporizhzhia": "Zaporizhzhia",
    "donbass": "Donbas", "donbas": "Donbas", "nikolaev": "Mykolaiv", "mykolaiv": "Mykolaiv",
    "peking": "Beijing", "bombay": "Mumbai", "calcutta": "Kolkata", "madras": "Chennai",
    "burma": "Myanmar", "ivory coast": "Côte d'Ivoire", "czech republic": "Czechia",
    "russian federation": "Russia", "holland": "Netherlands", "krym": "Crimea", "crimea": "Crimea",
}
_KNOWN_PLACES = {name.lower() for name in ALIASES.values()} - {"united nations", "european union"}

# Places the alias table knows are found even where the statistical model misses them.
_GAZETTEER = re.compile(
    r"\b(?:" + "|".join(re.escape(n) for n in sorted({k for k in ALIASES if len(k) > 3 and "." not in k}
                                                     | {v for v in ALIASES.values()}, key=len, reverse=True))
    + r")\b",
    re.IGNORECASE,
)
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
_TITLES = re.compile(
    r"^(?:president|prime minister|minister|chancellor|senator|sen\.|rep\.|gov\.|governor|mayor|king|queen|"
    r"prince|princess|pope|dr\.|mr\.|mrs\.|ms\.|sir|lord|general|gen\.|judge|justice|spokesman|spokeswoman|"
    r"spokesperson|secretary|ambassador|chief)\s+",
    re.IGNORECASE,
)


def clean_name(text: str) -> str:
    """A mention's name without possessive, leading article or title ("President Putin's" -> "Putin")."""
    name = " ".join(text.split())
    name = _POSSESSIVE.sub("", name)
    name = _LEADING_THE.sub("", name)
    while True:
        stripped = _TITLES.sub("", name)
        if stripped == name:
            break
        name = stripped
    name = name.strip(" ,;:")
    # A final full stop is punctuation, unless it closes an abbreviation ("U.S.").
    return name if re.search(r"\b[A-Z]\.$", name) else name.rstrip(".")


def canonical(name: str, kind: str) -> str:
    return ALIASES.get(name.lower(), name) if kind in ("PLACE", "ORG") else name


def _tokens(name: str) -> list[str]:
    return re.findall(r"\w[\w'’.-]*", name.lower())


def _mentions(doc) -> list[list]:
    """[name, type, start, end, surface] per named-entity mention, with types made consistent.

    The small English model often mistypes one mention ("Zaporizhzhia" as a person in "Luhansk,
    Donetsk, Zaporizhzhia and Kherson"), so coordinated mentions share their majority type and
    every spelling of a name takes the type most of its mentions have.
    """
    found = []
    by_root = {}
    for ent in doc.ents:
        kind = ENTITY_TYPES.get(ent.label_)
        if kind is None:
            continue
        name = clean_name(ent.text)
        if not name or not re.search(r"[^\W\d_]", name):
            continue
        if name.lower() in _KNOWN_PLACES or ALIASES.get(name.lower(), "").lower() in _KNOWN_PLACES:
            kind = "PLACE"
        mention = [canonical(name, kind), kind, ent.start_char, ent.end_char, ent.text]
        found.append(mention)
        by_root[ent.root.i] = mention
    seen_spans = {(m[2], m[3]) for m in found}
    for match in _GAZETTEER.finditer(doc.text):
        if not any(s <= match.start() < e for s, e in seen_spans):
            found.append([canonical(match.group(0), "PLACE"), "PLACE", match.start(), match.end(), match.group(0)])
    # Coordinated mentions ("A, B and C") are almost always of one type.
    for i, mention in list(by_root.items()):
        token = doc[i]
        group = [by_root[t.i] for t in [token, *token.conjuncts] if t.i in by_root]
        if len(group) > 2:
            kinds = [m[1] for m in group]
            majority = max(set(kinds), key=kinds.count)
            if kinds.count(majority) > len(kinds) / 2:
                for m in group:
                    m[1] = majority
    votes: dict[str, list[str]] = {}
    for mention in found:
        votes.setdefault(mention[0].lower(), []).append(mention[1])
    for mention in found:
        kinds = votes[mention[0].lower()]
        mention[1] = max(sorted(set(kinds)), key=kinds.count)
        mention[0] = canonical(mention[0], mention[1])
    return found


def entities_from_doc(doc, extra_names: list[tuple[str, str]] = ()) -> list[Entity]:
    """Cluster ``doc``'s named-entity mentions into entities.

    ``extra_names`` are ``(name, type)`` pairs known from metadata (the wire agency, the
    publisher, photo credits, tags): they join matching clusters or become mention-less entities.
    """
    clusters: dict[tuple[str, str], Entity] = {}
    # Longest names first, so that a surname can join the full name it abbreviates.
    for name, kind, start, end, surface in sorted(_mentions(doc), key=lambda m: (-len(_tokens(m[0])), m[2])):
        entity = _find_cluster(clusters, name, kind)
        if entity is None:
            entity = Entity(name=name, type=kind)
            clusters[(name, kind)] = entity
        entity.mentions.append([start, end])
        for variant in (name, clean_name(surface)):
            if variant != entity.name and variant not in entity.aliases:
                entity.aliases.append(variant)
    for raw, kind in extra_names:
        name = canonical(clean_name(raw), kind)
        if not name:
            continue
        entity = _find_cluster(clusters, name, kind) or next(
            (e for (n, _), e in clusters.items() if n.lower() == name.lower()), None)
        if entity is None:
            clusters[(name, kind)] = entity = Entity(name=name, type=kind)
        if clean_name(raw) != entity.name and clean_name(raw) not in entity.aliases:
            entity.aliases.append(clean_name(raw))
    for entity in clusters.values():
        entity.mentions.sort()
    return sorted(clusters.values(), key=lambda e: (e.mentions[0][0] if e.mentions else 10**9, e.name))


def _find_cluster(clusters: dict[tuple[str, str], Entity], name: str, kind: str) -> Entity | None:
    """The existing entity ``name`` refers to: same name, or (people) a full name that ends with it."""
    if (name, kind) in clusters:
        return clusters[(name, kind)]
    tokens = _tokens(name)
    if not tokens:
        return None
    for (other, other_kind), entity in clusters.items():
        if other_kind != kind and not (kind == "PERSON" or other_kind == "PERSON"):
            continue
        other_tokens = _tokens(other)
        # "Putin" -> "Vladimir Putin"; "Peskov" -> "Dmitry Peskov" (surname match, people only).
        if other_kind == "PERSON" and len(tokens) < len(other_tokens) and other_tokens[-len(tokens):] == tokens:
            return entity
        if kind == other_kind and name.lower() in (a.lower() for a in entity.aliases):
            return entity
    return None


@lru_cache(maxsize=4096)
def _whole_words(name: str) -> re.Pattern:
    # Compiled once per name: resolve() tries every entity name for every source phrase.
    return re.compile(rf"\b{re.escape(name)}\b")


def resolve(name: str, entities: list[Entity]) -> Entity | None:
    """The entity a source phrase names ("Kremlin spokesman Dmitry Peskov" -> Dmitry Peskov)."""
    cleaned = clean_name(name)
    lowered = cleaned.lower()
    best = None
    for entity in entities:
        names = [entity.name, *entity.aliases]
        if any(n.lower() == lowered for n in names):
            return entity
        # The phrase contains the entity's name (longest such wins: "Russia's Kommersant daily").
        # Case matters inside a phrase: "Energy" (a mistagged entity) is not in "the energy ministry".
        if any(_whole_words(n).search(cleaned) for n in names if len(n) > 2):
            if best is None or (entity.type == "PERSON" and best.type != "PERSON") or len(entity.name) > len(best.name):
                best = entity
    return best
