"""Entities: people, organisations and places, with their mentions clustered within an article.

spaCy finds the mentions; this module decides which mentions are the same entity and maps
well-known variant spellings to one name across articles through a small alias table ("Kiev" ->
"Kyiv", "U.S." -> "United States"). Within an article, a person named in full is also the later
"Putin", "Mr. Putin" or "Senator Putin" (news copy names people by surname after the first
mention), "Xi" for "Xi Jinping" (a family name written first) and "Zelensky" for "Volodymyr
Zelenskiy" (a transliteration one letter apart); an organisation is also its acronym ("IRH" for
"International Resources Holding") and its name without a company word ("Vedanta" for "Vedanta
Resources"). Each of these holds only where exactly one entity of the article fits, but for a
surname that several people share, which goes to the one the article introduced first.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Span

from wiretrace.analyze.sourcing import OUTLET_NOUNS
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
    # Official names of states that the news calls by their short name.
    "people's republic of china": "China", "prc": "China", "islamic republic of iran": "Iran",
    "republic of korea": "South Korea", "democratic people's republic of korea": "North Korea",
    "dprk": "North Korea", "north korea": "North Korea", "n. korea": "North Korea",
    "south korea": "South Korea", "s. korea": "South Korea",
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
# A wire dateline in front of a source phrase ("LONDON — British Prime Minister Keir Starmer",
# "WASHINGTON (AP) - ..."): capitals, an optional date and agency, then a dash.
_DATELINE = re.compile(r"^[A-Z][A-Z.'’-]+(?:[ ,]+[A-Z][A-Z.'’-]+)*(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?"
                       r"(?:\s*\([^()]{1,40}\))?\s*[—–-]+\s+")
# A name the model ran on into the next words ("the Ministry of Mines nor IRH", "Chamber of Mines of
# Zambia", "Obama Says" in a headline): no name ends in a function word or a finite verb.
_FUNCTION_WORDS = frozenset("of and or nor the for to in at on by with from a an".split())
_FINITE_VERB_TAGS = frozenset({"VBZ", "VBD", "VBP"})
_TRAILING_FUNCTION_WORDS = re.compile(rf"(?:\s+(?:{'|'.join(sorted(_FUNCTION_WORDS))}))+$")
# When the subject said it, which the parse may hang on the subject ("Marvosa's port operator on
# Saturday denied ..."): no part of the name.
_TRAILING_DAY = re.compile(r"\s+(?:(?:late|early)\s+)?on\s+(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
                           r"(?:\s+(?:morning|afternoon|evening|night))?$", re.IGNORECASE)
_TITLE_WORDS = (
    r"(?:vice\s+)?president(?:-elect)?|prime\s+minister|minister|premier|chancellor|senator|sen\.|rep\.|"
    r"representative|congressman|congresswoman|gov\.|governor|mayor|king|queen|prince|princess|pope|"
    r"dr\.?|mr\.?|mrs\.?|ms\.?|sir|dame|lord|general|gen\.|col\.|colonel|lt\.|lieutenant|capt\.|captain|sgt\.|"
    r"sergeant|adm\.|admiral|commander|judge|justice|spokesman|spokeswoman|spokesperson|secretary|"
    r"ambassador|envoy|chief|treasurer|councilman|councilwoman|councillor|councilor|commissioner|chairman|"
    r"chairwoman|chairperson|director|executive|officer|leader|speaker|attorney|prosecutor|sheriff|"
    r"inspector|detective|superintendent|coach|manager|rev\.|reverend|bishop|archbishop|cardinal|rabbi|"
    r"imam|sheikh|emir|ayatollah|professor|prof\.|economist|analyst|lawyer|founder|ceo|cfo"
)
# Titles in front of a name: one or more, stripped one at a time ("President Putin", "Mr. Cole").
_TITLES = re.compile(rf"^(?:{_TITLE_WORDS})\s+", re.IGNORECASE)
# A title with its qualifiers in front of a full name ("British Prime Minister Keir Starmer", "U.S.
# Secretary of State Antony Blinken", "IRH chief executive Mohammed Ghulam"). Only before a name of
# two words or more, so that a surname which is also a title word keeps its name ("Martin Luther King Jr.").
_NAME_WORD = r"(?:[A-Z]|(?:al|el|bin|ibn|de|d)[-'’][A-Z])[\w'’.-]*"
_QUALIFIED_TITLE = re.compile(
    rf"^(?:(?!(?i:and|or|with|by|said|says)\s)[\w.'’-]+\s+){{1,3}}(?i:{_TITLE_WORDS})"
    rf"(?:\s+(?:of|for)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*?)?\s+"
    rf"(?={_NAME_WORD}(?:\s+(?:(?:von|van|der|den|de|da|di|du|del|la|le|bin|ibn|al|el)\s+)*{_NAME_WORD})+$)"
)


def clean_name(text: str, kind: str | None = None) -> str:
    """A mention's name without dateline, possessive, leading article or title ("President Putin's" -> "Putin").

    Titles are stripped unless ``kind`` says the name is an organisation or a place ("General
    Motors", "Justice Department" keep their first word).
    """
    name = " ".join(text.split())
    name = _DATELINE.sub("", name)
    name = _POSSESSIVE.sub("", name)
    name = _LEADING_THE.sub("", name)
    if kind not in ("ORG", "PLACE"):
        while True:
            stripped = _TITLES.sub("", name)
            if stripped == name:
                break
            name = stripped
        name = _QUALIFIED_TITLE.sub("", name)
    name = _TRAILING_FUNCTION_WORDS.sub("", _TRAILING_DAY.sub("", name.strip(" ,;:")).lstrip("—–―- "))
    # A final full stop is punctuation, unless it closes an abbreviation ("U.S.").
    return name if re.search(r"\b[A-Z]\.$", name) else name.rstrip(".")


def canonical(name: str, kind: str) -> str:
    return ALIASES.get(name.lower(), name) if kind in ("PLACE", "ORG") else name


def _tokens(name: str) -> list[str]:
    return re.findall(r"\w[\w'’.-]*", name.lower())


# A lone word the model took for a person while the text calls it a company or a site ("gas
# producer Novatek", "Acme Ltd", "the Kansanshi mine"). People in news copy are introduced by
# their full name, so a one-word "person" with such a noun beside it is what the noun says.
_COMPANY_BEFORE = re.compile(
    r"\b(?:company|firm|group|conglomerate|producer|maker|manufacturer|miner|retailer|lender|bank|insurer|"
    r"carrier|airline|operator|utility|giant|startup|newspaper|daily|tabloid|broadcaster|agency)\s+$")
_COMPANY_AFTER = re.compile(r"^(?:,?\s+(?:Inc|Ltd|Plc|PLC|plc|LLC|Corp|AG|SA|NV|GmbH|PJSC|JSC)\b|\s+(?:newspaper|daily)\b)")
_SITE_AFTER = re.compile(r"^\s+(?:mine|smelter|refinery|plant|oilfield|field|project|dam|port|airport|terminal)\b")


# A "person" of several words only where the text calls it a news outlet ("the Gazeta Lisvar daily",
# "the newspaper Gazeta Lisvar"): a full name may well follow "company" ("the company Ruth Cole
# founded"), but no one's name is called a newspaper.
_OUTLET_BEFORE = re.compile(r"\b(?:newspaper|daily|weekly|tabloid|broadcaster|magazine)\s+$")
_OUTLET_AFTER = re.compile(r"^\s+(?:newspaper|daily|weekly|tabloid|magazine)\b")


def _retyped(text: str, start: int, end: int, one_word: bool = True) -> str | None:
    """ORG or PLACE where the words around a "person" mention say it is one, else None."""
    if not one_word:
        outlet = _OUTLET_BEFORE.search(text, max(0, start - 40), start) or _OUTLET_AFTER.match(text[end:end + 12])
        return "ORG" if outlet else None
    if _COMPANY_BEFORE.search(text, max(0, start - 40), start) or _COMPANY_AFTER.match(text[end:end + 12]):
        return "ORG"
    if _SITE_AFTER.match(text[end:end + 12]):
        return "PLACE"
    return None


def _within_paragraphs(ent) -> list:
    """The entity span, cut at the line breaks inside it: the model now and then runs one name on
    into the next paragraph's first words ("... in a post on X.\n\nFinance ministry officials")."""
    breaks = [t.i for t in ent if t.is_space and "\n" in t.text]
    if not breaks:
        return [ent]
    pieces, start = [], ent.start
    for at in [*breaks, ent.end]:
        if at > start:
            pieces.append(Span(ent.doc, start, at, label=ent.label))
        start = at + 1
    return pieces


def _in_dateline(text: str, ent) -> bool:
    """Whether a mention is the place of the dateline opening its paragraph ("HARBOURTON — ",
    "LISVAR, May 6 (Reuters) - "); ``text`` is the mention's ``doc.text``."""
    from wiretrace.analyze.attribution_layout import dateline_end  # (it imports the attribution model)

    paragraph = text.rfind("\n", 0, ent.start_char) + 1
    return ent.end_char <= dateline_end(text, paragraph) and not text[paragraph:ent.start_char].strip(" ,")


def _mentions(doc) -> list[list]:
    """[name, type, start, end, surface] per named-entity mention, with types made consistent.

    The small English model often mistypes one mention ("Zaporizhzhia" as a person in "Luhansk,
    Donetsk, Zaporizhzhia and Kherson"), so coordinated mentions share their majority type and
    every spelling of a name takes the type most of its mentions have.
    """
    text = doc.text  # (spaCy builds it anew at every call)
    found = []
    by_root = {}
    for ent in (piece for whole in doc.ents for piece in _within_paragraphs(whole)):
        kind = ENTITY_TYPES.get(ent.label_)
        if kind is None:
            continue
        while len(ent) > 1 and (ent[-1].lower_ in _FUNCTION_WORDS or ent[-1].tag_ in _FINITE_VERB_TAGS):
            ent = ent[:-1]
        name = clean_name(ent.text, kind)
        if not name or not re.search(r"[^\W\d_]", name):
            continue
        if " " not in name and name == name.lower() != name.upper():
            continue  # one common noun ("the state"), not a name; ("energy ministry" is the ministry's)
        if name.lower() in _KNOWN_PLACES or ALIASES.get(name.lower(), "").lower() in _KNOWN_PLACES \
                or (name.isupper() and _in_dateline(text, ent)):
            kind = "PLACE"
        mention = [canonical(name, kind), kind, ent.start_char, ent.end_char, ent.text]
        found.append(mention)
        by_root[ent.root.i] = mention
    seen_spans = {(m[2], m[3]) for m in found}
    for match in _GAZETTEER.finditer(text):
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
    retyped = {}
    for mention in found:
        if mention[1] == "PERSON":
            kind = _retyped(text, mention[2], mention[3], one_word=len(_tokens(mention[0])) == 1)
            if kind:
                retyped[mention[0].lower()] = kind
    for mention in found:
        kinds = votes[mention[0].lower()]
        mention[1] = retyped.get(mention[0].lower()) or max(sorted(set(kinds)), key=kinds.count)
        mention[0] = canonical(mention[0], mention[1])
    return found


def entities_from_doc(doc, extra_names: list[tuple[str, str]] = ()) -> list[Entity]:
    """Cluster ``doc``'s named-entity mentions into entities.

    ``extra_names`` are ``(name, type)`` pairs known from metadata (the wire agency, the
    publisher, photo credits, tags): they join matching clusters or become mention-less entities.
    """
    clusters: dict[tuple[str, str], Entity] = {}
    # Longest names first, so that a surname, an acronym or a short form can join the full name.
    for name, kind, start, end, surface in sorted(_mentions(doc), key=lambda m: (-len(_tokens(m[0])), m[2])):
        entity = _find_cluster(clusters, name, kind)
        if entity is None:
            entity = Entity(name=name, type=kind)
            clusters[(name, kind)] = entity
        entity.mentions.append([start, end])
        for variant in (name, clean_name(surface, kind)):
            if variant != entity.name and variant not in entity.aliases:
                entity.aliases.append(variant)
    for raw, kind in extra_names:
        name = canonical(clean_name(raw, kind), kind)
        if not name:
            continue
        entity = _find_cluster(clusters, name, kind) or next(
            (e for (n, _), e in clusters.items() if n.lower() == name.lower()), None)
        if entity is None:
            clusters[(name, kind)] = entity = Entity(name=name, type=kind)
        if clean_name(raw, kind) != entity.name and clean_name(raw, kind) not in entity.aliases:
            entity.aliases.append(clean_name(raw, kind))
    for entity in clusters.values():
        entity.mentions.sort()
    return sorted(clusters.values(), key=lambda e: (e.mentions[0][0] if e.mentions else 10**9, e.name))


def _find_cluster(clusters: dict[tuple[str, str], Entity], name: str, kind: str) -> Entity | None:
    """The existing entity ``name`` refers to, if any (see the module's docstring)."""
    if (name, kind) in clusters:
        return clusters[(name, kind)]
    tokens = _tokens(name)
    if not tokens:
        return None
    for (other, other_kind), entity in clusters.items():
        if kind == other_kind and name.lower() in (a.lower() for a in entity.aliases):
            return entity
    people = [e for e in clusters.values() if e.type == "PERSON"]
    # A surname alone joins its person whatever type the model gave it ("Peskov" as an ORG); the
    # other short forms of a person's name only a mention the model also took for a person.
    person = _person_named(tokens, people, by_surname_only=kind != "PERSON")
    if person is not None:
        return person
    others = [e for e in clusters.values() if e.type != "PERSON"]
    if re.fullmatch(r"[A-Z]{2,6}", name):
        return _only([e for e in others if any(_initials(n) == name for n in (e.name, *e.aliases))])
    # Not for places: "China" is not "China Resources".
    if kind != "PLACE":
        core = _without_company_words(tokens)
        return _only([e for e in others if e.type == "ORG" and _without_company_words(_tokens(e.name)) == core])
    return None


def _only(candidates: list[Entity]) -> Entity | None:
    unique = {id(e): e for e in candidates}
    return next(iter(unique.values())) if len(unique) == 1 else None


def _person_named(tokens: list[str], people: list[Entity], by_surname_only: bool = False) -> Entity | None:
    """The person a short form of a name refers to, or None.

    By surname ("Cole" -> Ruth Cole, "Peskov" -> Dmitry Peskov): where several people share it,
    the one the article introduced first, as news copy names the others (a spouse, a namesake) in
    full or by first name ("Clinton" beside Hillary and Bill Clinton is whoever came first).
    Failing that, and only where exactly one person fits: by a single name that opens the full one,
    as family names do in Chinese, Korean or Hungarian order ("Xi" -> Xi Jinping), or by a surname
    one letter off, a transliteration variant ("Zelensky" -> Volodymyr Zelenskiy).
    """
    rules = [_same_name, _surname_of]
    if not by_surname_only:
        rules += [_first_name_of, _variant_of]
    words = _without_initials(tokens)
    for fits in rules:
        found = [p for p in people if fits(words, _without_initials(_tokens(p.name)))]
        if found and fits is _surname_of:
            return min(found, key=lambda p: min((start for start, _ in p.mentions), default=10**9))
        if found:
            return _only(found)
    return None


def _without_initials(tokens: list[str]) -> list[str]:
    # "Donald J. Trump" is "Donald Trump": a middle initial is written or left out at will.
    words = [t for i, t in enumerate(tokens) if not (0 < i < len(tokens) - 1 and re.fullmatch(r"\w\.?", t))]
    return words or tokens


def _same_name(short: list[str], full: list[str]) -> bool:
    return short == full


def _surname_of(short: list[str], full: list[str]) -> bool:
    return len(short) < len(full) and full[-len(short):] == short


def _first_name_of(short: list[str], full: list[str]) -> bool:
    return len(short) == 1 < len(full) and full[0] == short[0]


def _variant_of(short: list[str], full: list[str]) -> bool:
    # Conservative: long surnames only (short ones one letter apart are different names: Cole, Cale),
    # the same first letter, and any given names written the same.
    if len(short) > len(full) or short == full[-len(short):]:
        return False
    a, b = short[-1], full[-1]
    return (short[:-1] == full[len(full) - len(short):-1] and min(len(a), len(b)) >= 6 and a[0] == b[0]
            and _one_edit_apart(a, b))


def _one_edit_apart(a: str, b: str) -> bool:
    """Whether one inserted, deleted or changed letter turns ``a`` into ``b``."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i:] == b[i + 1:] if len(a) < len(b) else a[i + 1:] == b[i + 1:]


def _initials(name: str) -> str:
    """The acronym of a name of two words or more ("International Resources Holding" -> "IRH",
    "Press Trust of India" -> "PTI"); "" for a name with other lower-case words ("Apollo Project-type")."""
    words = [w for w in re.findall(r"[^\W_]+", name.replace("'s", "").replace("’s", ""))
             if w not in ("of", "the", "and", "for", "on", "de")]
    if len(words) < 2 or not all(w[0].isupper() for w in words):
        return ""
    return "".join(w[0] for w in words)


#: Words that say "a company" after its name: "Bloomberg News" is Bloomberg, "Vedanta Resources" Vedanta.
_COMPANY_WORDS = frozenset("""
news group holding holdings resources inc inc. incorporated ltd ltd. limited corp corp. corporation co co.
company plc llc lp ag sa nv se bv gmbh pjsc jsc spa
""".split())


def _without_company_words(tokens: list[str]) -> tuple[str, ...]:
    core = list(tokens)
    while len(core) > 1 and core[-1] in _COMPANY_WORDS:
        core.pop()
    return tuple(core)


@lru_cache(maxsize=4096)
def _whole_words(name: str) -> re.Pattern:
    # Compiled once per name: resolve() tries every entity name for every source phrase. A name
    # joined by a hyphen to a word only modifies the head ("the Kremlin-backed governor", "the
    # Hamas-run health ministry", "pro-Kremlin bloggers"): someone else speaks.
    return re.compile(rf"(?<!\w-)\b{re.escape(name)}\b(?!-\w)")


# The possessive that makes the rest of a noun phrase its head ("Iran's foreign ministry").
_POSSESSIVE_MARK = re.compile(r"(?:'s|’s|(?<=s)'|(?<=s)’)\s+(?=\w)")


def _head_part(phrase: str) -> str:
    """The part of a source phrase that can name the source: a name before a possessive modifies
    the head, which is someone else ("Iran's foreign ministry" is not Iran, "Putin's spokesman
    Dmitry Peskov" is Peskov), in the phrase and in each appositive after a comma ("MarGaz JSC,
    Marvosa's state gas producer" is not Marvosa). An appositive stays ("Trump's running mate,
    Indiana Gov. Mike Pence"; "Anna Nowak, a lawyer for the farmers' union")."""
    return ",".join(part[marks[-1].end():] if (marks := list(_POSSESSIVE_MARK.finditer(part))) else part
                    for part in phrase.split(","))


# A place after one of these in a source phrase says where the source is, not who it is: "Analysts at
# Corvel Securities in Lisvar", "officials in Kyiv", "recent polls in Pennsylvania and Virginia",
# "Democrats on Capitol Hill".
# (Not "of": "the city of Phoenix" is the city.)
_LOCATIVE = re.compile(r"\b(?:in|at|on|from|near|outside|across|around)\b", re.IGNORECASE)


# A place's name before a common noun modifies it: "some Indiana protesters", "the New York
# businessman" are people of the place, not the place speaking (as "Indiana said" is its
# government). (Not before a function word: "the Western District of New York", "Britain and France";
# nor before the noun that says what the name is, when NER took an outlet for a place: "Russia's
# Kommersant daily".)
_MODIFIED_NOUN = re.compile(r"\s+(?!(?:of|and|or|in|at|on|for|to|from|by|with|as|the|a|an|which|who|whose|that|"
                            rf"{OUTLET_NOUNS})\b)[a-z]")


def _without_modifying_places(phrase: str, entities: list[Entity]) -> str:
    """``phrase`` with the places that modify a common noun blanked out (blanked, so that no shorter
    name inside one is taken for the source either: "one West Virginia official" is not "West")."""
    for entity in entities:
        if entity.type != "PLACE":
            continue
        for name in (entity.name, *entity.aliases):
            if len(name) <= 2:
                continue
            for match in _whole_words(name).finditer(phrase):
                if _MODIFIED_NOUN.match(phrase, match.end()):
                    phrase = phrase[:match.start()] + " " * len(match.group()) + phrase[match.end():]
    return phrase


# A place after "of" is the place where the noun before says what kind of place it is ("the city
# of Phoenix", "the Republic of Korea"); after any other noun, it only says whose that is: "the
# central bank of Lisvar", "the foreign ministry of Iran" (as "Iran's foreign ministry" is not Iran).
_OF_BEFORE = re.compile(r"(\w+)\s+of\s+(?:the\s+)?$", re.IGNORECASE)
_PLACE_NOUNS = frozenset("""city town village state republic kingdom province region county municipality island islands
    capital territory emirate commonwealth district prefecture principality federation union people""".split())


def _named_in(phrase: str, names: list[str], place: bool) -> bool:
    """Whether ``phrase`` holds one of ``names`` as whole words (a place: not as a locative, nor
    after "of" and a noun that is no kind of place)."""
    for name in names:
        if len(name) > 2:
            for match in _whole_words(name).finditer(phrase):
                if place and (_LOCATIVE.search(phrase, 0, match.start())
                              or ((of := _OF_BEFORE.search(phrase, 0, match.start())) and of[1].lower() not in _PLACE_NOUNS)):
                    continue
                return True
    return False


def resolve(name: str, entities: list[Entity]) -> Entity | None:
    """The entity a source phrase names ("Kremlin spokesman Dmitry Peskov", "Mr. Peskov" -> Dmitry Peskov)."""
    as_person = clean_name(name)  # without titles: "Senator Hale" -> "Hale"
    as_phrase = clean_name(name, "ORG")  # with them: "General Motors", "Justice Department"
    wanted = {as_person.lower(), as_phrase.lower()}
    head = _without_modifying_places(_head_part(as_phrase), entities)
    best = None
    for entity in entities:
        names = [entity.name, *entity.aliases]
        if any(n.lower() in wanted for n in names):
            return entity
        # The phrase contains the entity's name: a person before anything else, then the longest
        # name ("Richard Revesz, director of the Institute for Policy Integrity" is Revesz, "Russia's
        # Kommersant daily" Kommersant). Case matters inside a phrase: "Energy" (a mistagged entity)
        # is not in "the energy ministry".
        if _named_in(head, names, entity.type == "PLACE"):
            if best is None or (entity.type == "PERSON", len(entity.name)) > (best.type == "PERSON", len(best.name)):
                best = entity
    if as_phrase[:1].isupper() and " " in as_phrase:
        # A company's name cut short ("Andes Copper" after "Andes Copper Holdings"): the one
        # organisation whose name opens with all of the phrase's words, before any shorter name
        # inside the phrase ("Andes", a place).
        if (longer := _only([e for e in entities if e.type == "ORG" and e.name.startswith(as_phrase + " ")])) is not None:
            return longer
    if best is not None:
        return best
    if re.fullmatch(r"[a-z]+", as_phrase):
        # "the ministry" after "Marvosa's energy ministry": the one organisation named so.
        return _only([e for e in entities if e.type == "ORG" and e.name.lower().split()[-1] == as_phrase])
    if as_person[:1].isupper() and not _POSSESSIVE_MARK.search(as_person):
        # A later mention by surname alone, or title and surname ("Cole", "Mr. Cole", "Senator Hale").
        return _person_named(_tokens(as_person), [e for e in entities if e.type == "PERSON"])
    return None
