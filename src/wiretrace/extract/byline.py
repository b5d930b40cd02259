"""Bylines: people's names out of "By Jane Doe and John Roe | Reuters" style lines."""

from __future__ import annotations

import re

from wiretrace.extract import wire

_BYLINE = re.compile(r"^\s*(?:by|written by|reported by|words by)\s*:?\s+(?P<names>.{3,160}?)\s*$", re.IGNORECASE)
# Whatever follows a name on a byline line: "| Reuters", "- Nov 19, 2019", "• 3 min read".
_TRAILER = re.compile(r"\s*(?:[|•·]|\s[-–—]\s|,\s*(?=\d)|\bupdated\b|\bpublished\b|\bposted\b|\d{1,2}:\d{2}).*$", re.IGNORECASE)
_SPLIT = re.compile(r"\s*(?:,|;|\band\b|&)\s*")
_PERSON = re.compile(r"^[A-ZÀ-Þ][\w'’.-]*(?:\s+(?:de|da|van|von|der|la|le|del|bin|al|el)?\s*[A-ZÀ-Þ][\w'’.-]+){1,3}$")
_NOT_NAMES = re.compile(r"\b(?:staff|desk|bureau|team|editor|editorial|news|correspondent|agency|reporter|online|media|press|service|agencies)\b", re.IGNORECASE)


def split_names(text: str) -> list[str]:
    """The people named in a name list; organisations and agencies are left out."""
    text = _TRAILER.sub("", text.strip())
    names = []
    for part in _SPLIT.split(text):
        name = part.strip(" .")
        if _PERSON.match(name) and not _NOT_NAMES.search(name) and not wire.canonical_agency(name):
            names.append(name)
    return names


def parse_byline(text: str) -> list[str]:
    """People named on a line that starts "By ..."; empty when the line is no byline."""
    match = _BYLINE.match(text)
    return split_names(match.group("names")) if match else []


def byline_agency(text: str) -> str | None:
    """The agency a byline credits alongside or instead of people ("By Jane Roe, Associated Press")."""
    match = _BYLINE.match(text)
    names = match.group("names") if match else text
    for part in _SPLIT.split(_TRAILER.sub("", names)):
        agency = wire.canonical_agency(part)
        if agency:
            return agency
    return None


def is_person(name: str) -> bool:
    return bool(split_names(name)) and split_names(name)[0] == name.strip(" .")
