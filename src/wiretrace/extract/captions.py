"""Photo credits that close a caption ("... in Washington. (AP Photo/Mariam Zuhaib)", "... have not
been built. Photograph: Ben Stansall/AFP/Getty Images"), as both modes find them: text mode in
blocks the classifier took for body, HTML mode in a <figcaption> that marks no credit of its own.
"""

from __future__ import annotations

import re

# The agencies and picture services a credit names (_TRAILING_BRACKET_CREDIT, _AGENCY_IN_CREDIT).
_CREDIT_AGENCIES = "AP|AFP|Reuters|REUTERS|EPA|Getty Images|Shutterstock"

# "(AP Photo/Tomas Brenner)", "(Photo: Jon Tavi)", "(Photo Credit : PTI)", "(File photo by ...)": a credit's shape, not any
# parenthesis that mentions a photo ("(see the photo above)").
_TRAILING_PHOTO_CREDIT = re.compile(
    r"\s*\((?P<credit>(?:[A-Z][\w.&' -]*?\s)?(?i:file\s+)?(?i:photo|image|picture|pic)s?\s*(?i:credit\s*)?(?:/|:|by\b)[^()]*)\)\s*$")
# A credit closing a caption without parentheses, after the caption's last sentence or a dash:
# "... small lunar landers. Credit: Tyvak", "... happy to help. Photograph: Jeenah Moon/Bloomberg/
# Getty Images", "... in Frisco, Texas. File Photo by Ian Halperin/UPI", "Agentes cumprem mandados
# em Belo Horizonte — Foto: Polícia Federal/Divulgação".
_TRAILING_BARE_CREDIT = re.compile(
    r"(?:(?<=[.!?\"”’])|\s[—–|-])\s+(?i:file\s+)?(?i:photo(?:graph)?|foto|image|picture|credit)s?(?i:\s+credit)?\s*"
    r"(?::|\s(?i:by)\b)\s*"
    r"(?P<credit>[^.!?:;()]{1,50}?)\s*$")
# Wire photo credits as agencies write them, closing a caption: "(ITV via AP)", "(Getty Images)",
# "(AP Photo/Matt Rourke)", "(REUTERS/Kevin Lamarque)", "(EPA-EFE/...)", "(Manu Fernandez/AP)". A
# paragraph never ends on one of these; "(Reuters)" alone is a dateline, which opens a paragraph instead.
_TRAILING_AGENCY_CREDIT = re.compile(
    r"\s*\((?P<credit>[^()]{0,80}?(?:\bvia (?:AP|AFP|Reuters|Getty Images)\b|\bGetty Images\b|\bShutterstock\b"
    r"|\b(?:AP|AFP) Photo\b|\b(?i:reuters)/|\bEPA(?:-EFE)?/|/(?:AP|AFP|Reuters|EPA)\b)[^()]{0,80})\)\s*$")
# ... and after the caption's last sentence, unlabelled: "Exxon Mobil in a file photo. AP file photo".
_TRAILING_AGENCY_PHOTO = re.compile(
    r"(?<=[.!?\"”’])\s+(?P<credit>(?:AP|AFP|Reuters|REUTERS|EPA|UPI|PTI|Getty Images)(?:\s+(?i:file))?"
    r"\s+(?i:photo(?:graph)?|picture|image)s?)\s*$")
# ... or the publisher's own, or its staff's: "File photo of Hillary Clinton. The Harbour Gazette
# photo", "... in 2019. Staff file photo" (a name in title case, then the word).
_TRAILING_OWN_PHOTO = re.compile(
    r"(?<=[.!?\"”’])\s+(?P<credit>(?:[A-Z][\w&'’.-]*\s+){1,4}(?i:(?:file|staff)\s+)?(?i:photo(?:graph)?|picture)s?)\s*$")
# ... or as the agency's photographers sign a caption: "... in Washington, U.S., May 3, 2023.
# REUTERS/Kevin Lamarque", "... in Kyiv. REUTERS/Gleb Garanich/File Photo", "... EPA-EFE/Oliver Weiken".
_TRAILING_AGENCY_SIGNATURE = re.compile(
    r"(?<=[.!?\"”’])\s+(?P<credit>(?:REUTERS|Reuters|AFP|AP|EPA(?:-EFE)?|ANSA|ANP|Xinhua)\s?/\s?"
    r"[^/.!?:;()\d]{2,40}(?:/[^/.!?:;()\d]{2,30}){0,2})\s*$")
# ... or in square brackets, as some sites set it: "... invaded the country in 2001 [File: Reuters]",
# "[Photo: Jane Doe/Al Jazeera]", "[AP Photo/Rahmat Gul]", "[Getty Images]". (A label or an agency
# opens it: a paragraph may end on "[sic]" or a footnote's "[3]", a teaser on "[VIDEO]".)
_TRAILING_BRACKET_CREDIT = re.compile(
    r"\s*\[(?P<credit>(?:(?i:file\s+)?(?i:photo(?:graph)?|image|picture|pic|file)s?\s*(?i:credit\s*)?(?::|/|\s(?i:by)\b)[^\[\]]{1,60}"
    rf"|(?:{_CREDIT_AGENCIES})\b[^\[\]]{{0,40}}))\]\s*$")
# An agency named in a labelled credit: "(AP Photo/Jon Tavi)", "(Photo: Getty Images)".
_AGENCY_IN_CREDIT = re.compile(rf"\b(?:{_CREDIT_AGENCIES})\b")
#: How near its end a bare credit's label sits in a caption.
_BARE_REACH = 80


def trailing_credit(text: str) -> re.Match | None:
    """The photo credit closing ``text``, if one does: a match whose group "credit" is the credit
    and whose start is where the caption before it ends."""
    # (Each shape is looked for only where its closing character, or its label's, sits near the
    # end: most paragraphs have neither.)
    if text.rstrip().endswith(")"):
        return _TRAILING_PHOTO_CREDIT.search(text) or _TRAILING_AGENCY_CREDIT.search(text)
    if text.rstrip().endswith("]"):
        return _TRAILING_BRACKET_CREDIT.search(text)
    tail = text[-60:]
    if ":" in tail or " by " in tail or " By " in tail:
        return _TRAILING_BARE_CREDIT.search(text, max(0, len(text) - _BARE_REACH))
    if tail.rstrip().lower().endswith(("photo", "photos", "photograph", "picture", "image")) \
            and (credit := _TRAILING_AGENCY_PHOTO.search(text, max(0, len(text) - _BARE_REACH))
                 or _TRAILING_OWN_PHOTO.search(text, max(0, len(text) - _BARE_REACH))):
        return credit
    if "/" in tail:
        return _TRAILING_AGENCY_SIGNATURE.search(text, max(0, len(text) - _BARE_REACH))
    return None


def names_an_agency(credit: re.Match) -> bool:
    """Whether a :func:`trailing_credit` is a wire agency's photo credit ("(AP Photo/...)"), which
    no paragraph ends with, however long."""
    return credit.re in (_TRAILING_AGENCY_CREDIT, _TRAILING_AGENCY_PHOTO, _TRAILING_AGENCY_SIGNATURE) \
        or _AGENCY_IN_CREDIT.search(credit.group("credit")) is not None
