"""Bylines: people's names out of "By Jane Doe and John Roe | Reuters" style lines."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from wiretrace.extract import cues, wire
from wiretrace.extract.cues import opening_lookahead

#: "By" in the languages a byline is written in besides English: French "Par", Spanish and
#: Portuguese "Por", German "Von", Italian "Di", Dutch "Door", Swedish and Norwegian "Av", Danish
#: "Af", Russian "От"/"Автор". (Lower-cased, each with the space that follows it.)
FOREIGN_BYLINE_LEADS = ("par ", "por ", "von ", "di ", "door ", "av ", "af ", "от ", "автор ")
_BYLINE = re.compile(r"^\s*(?:by|written by|reported by|words by|"
                     + "|".join(lead.strip() for lead in FOREIGN_BYLINE_LEADS)
                     + r")\s*:?\s+(?P<names>.{3,160}?)\s*$", re.IGNORECASE)
# Whatever follows a name on a byline line: "| Reuters", "- Nov 19, 2019", "• 3 min read",
# "2019-11-18T20:51:19Z Science" (a name never goes on with a digit), "on Monday, November 18th",
# a social handle ("Chris
# Pokorny @DawgsByNature", "Keris Lahiff@kerisalison"). (Each of these patterns opens with a
# look-ahead at the characters a match can start with, which spares the engine trying every
# alternative at every position.)
_TRAILER = re.compile(r"(?=[\s|•·,\dup@])"
                      r"\s*(?:[|•·]|\s[-–—]\s|,\s*(?=\d)|\s(?=\d)|\bupdated\b|\bpublished\b|\bposted\b|\d{1,2}:\d{2}"
                      r"|@\w|\s(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d"
                      r"|\son\s(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\b).*$",
                      re.IGNORECASE)
# A job title after the name: "Meg James Staff Writer", "Bruce Y. Lee Senior Contributor".
_JOB_TITLE = re.compile(
    r"(?=\s)(?:\s+(?:senior|staff|chief|national|political|business|sports?|science|technology|tech|contributing|special|"
    r"associate|deputy|managing|executive|investigative|foreign|opinion|guest|freelance|ap|auto|health|legal|"
    r"economics|white house|washington|environment|environmental|climate|energy|education|transport|crime|courts|"
    r"diplomatic|defen[cs]e|security|home affairs|social affairs|world|europe|markets|finance|money|property|arts|"
    r"culture|entertainment|music|film|media|travel|food|religion|local|city|state|metro)){0,3}\s+(?:writer|"
    r"reporter|correspondent|contributor|columnist|editor|"
    r"producer|journalist|analyst)s?\s*$", re.IGNORECASE)
# "By" before the names; in another language only before two words at least, as those words
# also open names ("Von Miller", "Di Maio", "Door" never, "Par" seldom).
_BY = re.compile(r"^\s*(?:by\s+|(?:" + "|".join(lead.strip() for lead in FOREIGN_BYLINE_LEADS)
                 + r")\s+(?=\S+\s+\S))", re.IGNORECASE)
# Between names: a comma, "and", or "and" in those languages ("Par Camille Rousseau et Paul Martin").
_SPLIT = re.compile(r"(?=[\s,;a&])\s*(?:,|;|\band\b|&|\s(?:et|y|e|und|en|och|og|и)\s)\s*")
_PERSON = re.compile(r"^[A-ZÀ-Þ][\w'’.-]*(?:\s+(?:de|da|van|von|der|la|le|del|bin|al|el)?\s*[A-ZÀ-Þ][\w'’.-]+){1,3}$")
_NOT_NAME_WORDS = ("staff", "desk", "bureau", "team", "editor", "editorial", "news", "correspondent", "agency",
                   "reporter", "online", "media", "press", "service", "agencies", "insider", "times", "journal",
                   "gazette", "herald", "tribune", "magazine", "daily", "weekly", "network", "today",
                   "newspaper", "chronicle", "courier", "telegraph", "inquirer", "examiner", "dispatch", "observer",
                   # (a paper's name in other languages: "Gazeta Wyborcza", "La Gazzetta dello Sport",
                   # "Süddeutsche Zeitung", "Diario de Sevilla", "Jornal do Brasil")
                   "gazeta", "gazzetta", "zeitung", "diario", "jornal",
                   # ... and the bodies and companies a stamp line names ("Carrow County Council - May
                   # 8, 2026", "Acme Robotics Inc." over a press release's date)
                   "council", "county", "department", "ministry", "government", "university", "police", "committee",
                   "association", "foundation", "institute", "company", "corporation", "inc", "ltd", "llc", "corp",
                   "plc", "gmbh")
_NOT_NAMES = re.compile(rf"\b{opening_lookahead(_NOT_NAME_WORDS)}(?:{'|'.join(_NOT_NAME_WORDS)})\b", re.IGNORECASE)
# A title, not a name: "The Nissan Northern Xperience", "All-new Nissan Sentra"; nor a page's
# link: "Next Post", "Read More".
_DETERMINER = re.compile(r"(?i:the|a|an|our|your|this|my)\s|.*-[a-z]|(?i:next|previous|prev|older|newer|load|read|see|view|show)\s")
# Where a writer filed from, after the name: "Leila Haddad in Lisvar", "Jane Doe in New York".
_PLACE_TAIL = re.compile(r"\s+in\s+[A-ZÀ-Þ][\w'’.-]*(?:\s+[A-ZÀ-Þ][\w'’.-]*){0,3}$")
# A masthead set in capitals after the name: "Kevin McCoy USA TODAY".
_CAPS_TAIL = re.compile(r"(?:\s+[A-Z]{2,}\b)+$")


def split_names(text: str) -> list[str]:
    """The people named in a name list; organisations and agencies are left out."""
    text = _TRAILER.sub("", _BY.sub("", text.strip()))
    names = []
    for part in _SPLIT.split(text):
        # A part that is a job title alone ("AP Auto Writer") names nobody; one after a name
        # ("Meg James Staff Writer") goes.
        name = part.strip(" .")
        if " in " in name:  # where the writer filed from: "Jane Doe in Kyiv"
            name = _PLACE_TAIL.sub("", name)
        title = _JOB_TITLE.search(name)
        if title:
            name = name[: title.start()].strip(" .")
            if len(name.split()) < 2:
                continue
        caps = _CAPS_TAIL.search(name)
        if caps and len(name[: caps.start()].split()) >= 2:
            name = name[: caps.start()]
        # ... or the agency: "Tom Davies Associated Press".
        words = name.split()
        # (Its last words, up to three that leave two before them, hold a word of an agency's
        # name, or none of them is one.)
        if wire.may_name_agency(" ".join(words[2:][-3:])):
            for k in (3, 2, 1):
                if len(words) - k >= 2 and wire.canonical_agency(" ".join(words[-k:])):
                    name = " ".join(words[:-k])
                    break
        if _PERSON.match(name) and not _DETERMINER.match(name) and not _NOT_NAMES.search(name) and not wire.canonical_agency(name) \
                and not wire.canonical_agency(name.split()[0]):
            # A byline set in capitals ("By TOM KRISHER", as AP's members print it) names the
            # same person as one that is not: one spelling, so that the copies of a story agree.
            names.append(name.title() if name.isupper() else name)
    return names


def titled_names(text: str) -> list[str]:
    """The people a line names with their job title and nothing else ("Bruce Y. Lee Senior
    Contributor", "Meg James, Staff Writer"): a byline without "By"."""
    title = _JOB_TITLE.search(text)
    if not title:
        return []
    names = split_names(text[: title.start()].rstrip(" ,"))
    return names if names and len(text[: title.start()].split()) <= _TITLED_NAME_WORDS else []


_TITLED_NAME_WORDS = 4


def bio_names(text: str) -> list[str]:
    """The writer an author's note names ("Molly Wood (@mollywood) is an Ideas contributor at
    WIRED ...", "Louise Matsakis is a staff writer at WIRED covering ...")."""
    bio = cues.AUTHOR_BIO.match(text)
    if not bio:
        return []
    verb = _BIO_VERB.search(text, 0, bio.end())
    return split_names(_HANDLE.sub("", text[: verb.start()])) if verb else []


_BIO_VERB = re.compile(r"\s(?:is|was|has been)\s")
_HANDLE = re.compile(r"\(@\w+\)")


def parse_byline(text: str) -> list[str]:
    """People named on a line that starts "By ..."; empty when the line is no byline."""
    match = _BYLINE.match(text)
    return split_names(match.group("names")) if match else []


def names_organisation(text: str) -> bool:
    """Whether a byline line credits a body and no person: a desk, a paper, an agency ("By HNN
    Staff | November 18, 2019", "Telegraph Sport 19 November 2019", "Associated Press"; not "Tom
    Davies Associated Press", a writer and the agency)."""
    match = _BYLINE.match(text)
    name = _TRAILER.sub("", match.group("names") if match else text).strip()
    words = name.split()
    return (0 < len(words) <= 4 and bool(_NOT_NAMES.search(name) or wire.canonical_agency(name))
            and not split_names(" ".join(words[:2])))


def byline_agency(text: str) -> str | None:
    """The agency a byline credits alongside or instead of people ("By Jane Roe, Associated Press")."""
    match = _BYLINE.match(text)
    names = match.group("names") if match else text
    for part in _SPLIT.split(_TRAILER.sub("", names)):
        agency = wire.canonical_agency(part) or title_agency(part) or _agency_after_name(part)
        if agency:
            return agency
    return None


def _agency_after_name(part: str) -> str | None:
    """The agency a writer's name runs on into, unseparated: "Tom Davies Associated Press"."""
    words = part.split()
    if len(words) < 3 or not wire.may_name_agency(part):
        return None
    for cut in range(2, len(words)):
        if split_names(" ".join(words[:cut])) and (agency := wire.canonical_agency(" ".join(words[cut:]))):
            return agency
    return None


def title_agency(text: str) -> str | None:
    """The agency whose staff a job title says the writer is ("AP Auto Writer", "Associated Press
    Writer", "Reuters correspondent")."""
    text = text.strip()
    title = _JOB_TITLE.search(text) if wire.may_name_agency(text) else None
    return wire.canonical_agency(text[: title.start()]) if title else None


#: A name in a script without capitals, or outside the Latin one split_names judges by them,
#: runs to a few words and characters ("佐藤 美咲", "Иван Петров").
_UNJUDGED_NAME_WORDS = 4
_UNJUDGED_NAME_CHARS = 40
_LATIN_LETTER = re.compile(r"[A-Za-zÀ-ÿ]")


def typed_person_names(name: str) -> list[str]:
    """The people a name that the page's markup types as a Person stands for: split_names' in the
    Latin script; a name in another (Japanese "佐藤 美咲", Russian "Иван Петров"), which
    capitals cannot vouch for, is taken on the markup's word unless it is long, holds a figure
    or names an agency."""
    if _LATIN_LETTER.search(name):
        return split_names(name)
    name = " ".join(name.split())
    if len(name.split()) > _UNJUDGED_NAME_WORDS or len(name) > _UNJUDGED_NAME_CHARS \
            or any(c.isdigit() for c in name) or wire.canonical_agency(name):
        return []
    return [name] if name else []


def is_person(name: str) -> bool:
    return bool(split_names(name)) and split_names(name)[0] == name.strip(" .")


def _name_key(name: str) -> str:
    return re.sub(r"\W", "", name.lower().removeprefix("the "))


def without_publication(names: list[str], publisher: str | None, url: str | None) -> list[str]:
    """``names`` less the publication a byline credits after its people ("Darnell Whitaker,
    Riverbend Courier", as chain papers sign): a last name that is the publisher's, or spells
    the page's web address ("riverbendcourier.com"). A name that stands alone stays: a blog's
    author is often its publisher too."""
    if len(names) < 2:
        return names
    keys = {_name_key(publisher)} if publisher else set()
    if url:
        keys.update(label for label in (urlsplit(url).hostname or "").split(".")
                    if len(label) > 1 and label not in _HOST_WORDS)
    last = names[-1]
    # (Or the publication and its desk: "Jill Disis, CNN Business" on cnn.com.)
    return names[:-1] if _name_key(last) in keys or _name_key(last.split()[0]) in keys else names


#: Labels of a web address that name no publication.
_HOST_WORDS = frozenset("www com org net edu gov co uk in au ca de fr it es br mx jp news amp m mobile".split())
