"""Wire-agency credits: which agency a story comes from, and the text that proves it.

An agency here is a news agency or a press-release service (PR Newswire, Business Wire, ...):
a company's release that outlets run as it came over the service is syndicated copy as much as
an agency's story, and whose it is matters as much to a reader (see RELEASE_SERVICES).

Evidence, strongest first: an explicit syndication disclaimer, a dateline credit
("MOSCOW (Reuters) -", "New Delhi, Mar 19 (PTI)"), markup (JSON-LD ``sourceOrganization``,
``syndication-source``/``original-source`` meta tags), an agency byline ("By Reuters Staff"),
and end credits ("(Reporting by ...; Editing by ...)", "(With inputs from PTI)").
A mention in running prose ("according to the Associated Press") or a photo credit is not a
credit: those say where a fact or a picture came from, not who wrote the story.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from urllib.parse import urlsplit

from wiretrace.extract.dates import YEAR, parse_date
from wiretrace.record import Article

#: Canonical agency name -> the spellings pages use for it.
AGENCIES: dict[str, tuple[str, ...]] = {
    "Reuters": ("Reuters", "Thomson Reuters", "REUTERS"),
    "AP": ("AP", "Associated Press", "The Associated Press"),
    "AFP": ("AFP", "Agence France-Presse", "Agence France Presse"),
    "PTI": ("PTI", "Press Trust of India"),
    "UPI": ("UPI", "United Press International"),
    "IANS": ("IANS", "Indo-Asian News Service"),
    "ANI": ("ANI", "Asian News International"),
    "Bloomberg": ("Bloomberg", "Bloomberg News"),
    "dpa": ("dpa", "DPA", "Deutsche Presse-Agentur"),
    "EFE": ("EFE", "Agencia EFE"),
    "Xinhua": ("Xinhua",),
    "Kyodo": ("Kyodo", "Kyodo News"),
    "Yonhap": ("Yonhap",),
    "ANSA": ("ANSA",),
    "TASS": ("TASS",),
    "RIA Novosti": ("RIA Novosti", "RIA"),
    "Interfax": ("Interfax",),
    "AAP": ("AAP", "Australian Associated Press"),
    "CP": ("The Canadian Press", "Canadian Press"),
    "PA": ("PA Media", "Press Association"),
    "Bernama": ("Bernama",),
    "Anadolu": ("Anadolu", "Anadolu Agency", "Anadolu Ajansı", "AA"),
    "PAP": ("PAP", "Polska Agencja Prasowa"),
    "Ukrinform": ("Ukrinform",),
    "UNIAN": ("UNIAN",),
    "DHA": ("DHA", "Demirören Haber Ajansı"),
    "İHA": ("İHA", "İhlas Haber Ajansı"),
}
#: Press-release services: what they carry is a company's or an organisation's own statement.
RELEASE_SERVICES: dict[str, tuple[str, ...]] = {
    "PR Newswire": ("PR Newswire", "PRNewswire"),
    "Business Wire": ("Business Wire", "BUSINESS WIRE"),
    "GlobeNewswire": ("GlobeNewswire", "GLOBE NEWSWIRE", "Globe Newswire"),
    "ACCESSWIRE": ("ACCESSWIRE", "Accesswire"),
    "EIN Presswire": ("EIN Presswire", "EINPresswire"),
}
AGENCIES.update(RELEASE_SERVICES)  # (every table of names below reads AGENCIES)

_CORPORATE_SUFFIX = re.compile(r",?\s+(?:(?:private|pvt\.?)\s+)?(?:inc|ltd|llc|corp|corporation|plc|gmbh|s\.?a|limited)\.?$",
                               re.IGNORECASE)
_AMBIGUOUS_LOWER = {"ap", "ani", "pa", "cp", "upi", "aap", "efe", "afp", "pti", "ians", "ansa", "tass", "ria", "aa", "dha",
                    "pap"}
_ALIAS_TO_AGENCY = {alias.lower(): name for name, aliases in AGENCIES.items() for alias in aliases}
#: What canonical_agency trims off a name's ends.
_NAME_TRIM = " .,;:-–—()"
# One word of each alias, lower-cased: a name that is an alias once trimmed holds each of that
# alias's words as a whitespace-delimited word of its own, give or take trimmed characters at
# its ends. (The word the fewest aliases share is taken, the longer on a tie: "associated" for
# "Associated Press", not "press", which many names hold.)
_WORD_SHARES = Counter(word for alias in _ALIAS_TO_AGENCY for word in alias.split())
_ALIAS_WORDS = frozenset(min((w for w in alias.split() if w != "the"), key=lambda w: (_WORD_SHARES[w], -len(w)))
                         for alias in _ALIAS_TO_AGENCY)
# Longest first, so "Associated Press" wins over "AP" inside one alternation.
_ALIASES = sorted({a for aliases in AGENCIES.values() for a in aliases}, key=len, reverse=True)
_ALIAS_RE = "|".join(re.escape(a) for a in _ALIASES)

# Host fragments of the agencies' own sites, for syndication-source / canonical URLs.
_AGENCY_HOSTS = {
    "reuters.": "Reuters", "apnews.": "AP", "afp.": "AFP", "ptinews.": "PTI", "upi.": "UPI",
    "ians.": "IANS", "aninews.": "ANI", "bloomberg.": "Bloomberg", "xinhua": "Xinhua",
    "kyodonews.": "Kyodo", "yna.co.kr": "Yonhap", "ansa.it": "ANSA", "tass.": "TASS", "ria.ru": "RIA Novosti",
    "interfax.": "Interfax", "aap.com.au": "AAP", "thecanadianpress.": "CP", "bernama.": "Bernama",
    "aa.com.tr": "Anadolu", "prnewswire.": "PR Newswire", "businesswire.": "Business Wire",
    "globenewswire.": "GlobeNewswire", "accesswire.": "ACCESSWIRE", "einpresswire.": "EIN Presswire",
}

# "MOSCOW (Reuters) -", "WASHINGTON (AP) —", "New Delhi, Mar 19 (PTI)", "PARIS, May 6 (AFP) -",
# "WASHINGTON, Nov. 19, 2019 (UPI) --"; the release services' "NEW YORK, Nov. 19, 2019
# /PRNewswire/ --", "SAN FRANCISCO--(BUSINESS WIRE)--", "NEW YORK, NY / ACCESSWIRE / November 19,
# 2019 /"; and in the Spanish, Portuguese and Italian agencies' style, the month in small letters
# and a full stop before the dash: "Madrid, 10 jun (EFE).-", "Roma, 10 giu (ANSA) -". A place's
# name may hold a small particle ("Santiago de Chile, 26 nov (EFE).-", "RIO DE JANEIRO (Reuters)
# -") and open with any Latin capital ("İSTANBUL (DHA) -", "ÉVRY (AFP) -").
#
# The Hindi services write theirs in Devanagari: "नयी दिल्ली, 19 मार्च (भाषा)", "मुंबई, 5 जून
# (आईएएनएस)": a place, a day and the agency's Hindi name (Bhasha is PTI's Hindi service), the
# story running on after it. The Russian agencies in Cyrillic, each in its own style: "МОСКВА, 7
# мая. /ТАСС/.", "МОСКВА, 7 мая - РИА Новости.", "Москва. 7 мая. INTERFAX.RU -", "МОСКВА, 7 мая
# (Рейтер) -"; a place's words apart by a space or a hyphen ("САНКТ-ПЕТЕРБУРГ", "Ростов-на-Дону"),
# a hyphen in no word's class, which would let a long hyphenated line backtrack for minutes; and the
# Ukrainian agencies in Ukrainian letters ("КИЇВ, 19 листопада. /Укрінформ/.", "Київ, 19 листопада -
# УНІАН."). Those names are matched here only, inside a dateline: "भाषा" is also the Hindi word
# for "language".
INDIC_AGENCIES = {"भाषा": "PTI", "पीटीआई": "PTI", "आईएएनएस": "IANS", "एएनआई": "ANI", "रॉयटर्स": "Reuters",
                  "रायटर": "Reuters", "एएफपी": "AFP", "एपी": "AP"}
CYRILLIC_AGENCIES = {"ТАСС": "TASS", "РИА Новости": "RIA Novosti", "Интерфакс": "Interfax", "INTERFAX.RU": "Interfax",
                     "Рейтер": "Reuters", "Укрінформ": "Ukrinform", "УНІАН": "UNIAN", "Інтерфакс-Україна": "Interfax"}
# ... and the East Asian agencies': Xinhua's "新华社北京5月6日电", Yonhap's "(서울=연합뉴스)", Kyodo's
# "【ワシントン共同】".
CJK_AGENCIES = {"新华社": "Xinhua", "연합뉴스": "Yonhap", "共同": "Kyodo"}
# ... and the Arabic services': "القاهرة (رويترز) -" (Reuters), "بيروت (أ ف ب) -" (AFP).
ARABIC_AGENCIES = {"رويترز": "Reuters", "أ ف ب": "AFP", "ا ف ب": "AFP", "أ.ف.ب": "AFP", "فرانس برس": "AFP",
                   "أ ب": "AP", "أسوشيتد برس": "AP", "د ب أ": "dpa", "الأناضول": "Anadolu", "شينخوا": "Xinhua"}
# A capital that opens a place's name: "PARIS", "ÉVRY", "İSTANBUL", "ŁÓDŹ".
_CAPITAL = "[A-ZÀ-ÖØ-ÞĀĂĄĆČĎĐĒĘĚĞİŁŃŇŐŒŘŚŞŠŢŤŰŽŹŻ]"
DATELINE = re.compile(
    rf"^(?:\s*(?:(?:{_CAPITAL}[\w.'’-]*(?:[ ,]+(?:(?:de|del|da|do|dos|das|di|du|des|la|el|al|am|an|upon|on)\s+)?"
    rf"{_CAPITAL}[\w.'’-]*){{0,4}}"
    r"(?:,\s*(?P<day>(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[^\W\d_]{3,9}\.?)(?:,?\s+\d{4})?))?"
    r"|(?P<day_alone>[A-Z][a-z]{2,8}\.?\s+\d{1,2}))\s*)?"
    rf"(?:\((?P<agency>{_ALIAS_RE})(?:/[^)]*)?\)|/(?P<agency_release>PRNewswire|EINPresswire)\b[^/\n]{{0,40}}/)"
    r"\s*(?:\.?(?:--|[-–—:])|(?=[A-Z\"“‘'])|$)"
    r"|\s*[A-Z][\w.'’ ,-]{0,60}?/\s*(?P<agency_accesswire>ACCESSWIRE)\s*/\s*"
    r"(?:(?P<day_after>[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s*\d{4})\s*/)?"
    r"|\s*[\u0900-\u097f][\u0900-\u097f .]{0,40}?,\s*\d{1,2}\s+[\u0900-\u097f]+\s*"
    rf"\((?P<agency_indic>{'|'.join(INDIC_AGENCIES)})\)\s*[-–—:]?"
    r"|\s*[А-ЯЁЄІЇҐ][А-ЯЁЄІЇҐа-яёєіїґ']*(?:[ -][А-ЯЁЄІЇҐа-яёєіїґ']+){0,3}[,.]\s*\d{1,2}\s+[а-яёєіїґ]+\.?\s*"
    r"(?:[-–—]\s*)?[/(]?\s*"
    rf"(?P<agency_cyrillic>{'|'.join(map(re.escape, CYRILLIC_AGENCIES))})\s*[/)]?\s*\.?\s*(?:[-–—]\s*)?"
    r"|\s*(?P<agency_xinhua>新华社)[\u4e00-\u9fff]{1,12}\d{1,2}月\d{1,2}日电"
    r"|\s*[(（][\uac00-\ud7af]{1,10}\s*=\s*(?P<agency_yonhap>연합뉴스)[)）]"
    r"|\s*【[\u3040-\u30ff\u4e00-\u9fff]{1,12}(?P<agency_kyodo>共同)】"
    r"|\s*[\u0600-\u06ff][\u0600-\u06ff ]{0,30}?\s*(?:[-–—]\s*)?\(\s*"
    rf"(?P<agency_arabic>{'|'.join(sorted(map(re.escape, ARABIC_AGENCIES), key=len, reverse=True))})\s*\)\s*(?:[-–—:]\s*)?)"
)
#: The dateline's group for each script's agency names, and what those names stand for.
_NAMES_BY_GROUP = {"agency_release": {"PRNewswire": "PR Newswire", "EINPresswire": "EIN Presswire"},
                   "agency_accesswire": {"ACCESSWIRE": "ACCESSWIRE"}, "agency_indic": INDIC_AGENCIES,
                   "agency_cyrillic": CYRILLIC_AGENCIES, "agency_xinhua": CJK_AGENCIES, "agency_yonhap": CJK_AGENCIES,
                   "agency_kyodo": CJK_AGENCIES, "agency_arabic": ARABIC_AGENCIES}
# "By Reuters Staff", "By The Associated Press", "By AFP", "Reuters" on its own line, or first
# among a line's parts: "Press Trust of India | New Delhi | Updated: ...".
AGENCY_BYLINE = re.compile(
    rf"^\s*(?:by\s+)?(?:the\s+)?(?P<agency>{_ALIAS_RE})(?:\s+(?:staff|news|reporters?|wire))?\s*(?:$|(?=[|•·]\s))",
    re.IGNORECASE,
)
# "(Reporting by X; Editing by Y)" is Reuters' house end credit; "(With inputs from PTI)",
# "(Additional reporting by AFP)", "— Reuters" and "(AP)" close syndicated copy elsewhere.
END_CREDIT = re.compile(
    rf"(?:\((?:with )?(?:inputs?|additional reporting|reporting) (?:from|by) (?:the )?(?P<agency>{_ALIAS_RE})\b[^)]*\)"
    rf"|^\s*(?:--|[-–—])\s*(?P<agency2>{_ALIAS_RE})\s*$"
    rf"|^\s*\((?P<agency3>{_ALIAS_RE})\)\s*$"
    rf"|^\s*\(?(?:source|sources|via)\s*:\s*(?P<agency4>{_ALIAS_RE})(?:\s*(?:,|/|&|and)\s*(?:{_ALIAS_RE}))*\s*\)?\.?\s*$)",
    re.IGNORECASE,
)
# How papers that rewrite agency copy credit it, the line alone: "(With inputs from PTI)", "— With
# inputs from Reuters", "With PTI inputs", "(With Reuters, AFP inputs)", and with no agency named,
# "With agency inputs", "(With inputs from agencies)".
_INPUTS_CREDIT = re.compile(
    rf"\s*(?:(?:--|[-–—])\s*)?\(?\s*(?:with\s+)?(?:"
    rf"(?:inputs?|additional reporting|reporting)\s+(?:from|by)\s+(?:the\s+)?"
    rf"(?:(?P<agency>{_ALIAS_RE})(?:\s*(?:,|/|&|and)\s*(?:{_ALIAS_RE}))*|(?:news\s+)?agencies|wire services|wires)"
    rf"|(?:the\s+)?(?:(?P<agency_b>{_ALIAS_RE})(?:\s*(?:,|/|&|and)\s*(?:{_ALIAS_RE}))*|agency|agencies|wire)"
    rf"\s+inputs?)\s*\)?\.?\s*",
    re.IGNORECASE)
# The slugs a wire's desk puts before a headline, which outlets that carry the story print or
# drop: "UPDATE 2-", "EXCLUSIVE-", "CORRECTED-UPDATE 1-", "RPT-FACTBOX-" (capitals, then the
# headline right after the hyphen).
_SLUG_WORDS = (r"UPDATE \d{1,2}|WRAPUP \d{1,2}|CORRECTED|REFILE|RPT|EXCLUSIVE|FACTBOX|ANALYSIS|INSIGHT|BREAKINGVIEWS|"
               r"BRIEF|COLUMN|GRAPHIC|TIMELINE|EXPLAINER|FOCUS|PREVIEW|INTERVIEW|NEWSMAKER|SPECIAL REPORT")
HEADLINE_SLUG = re.compile(rf"(?:(?:{_SLUG_WORDS})-){{1,3}}(?=[\w\"“‘'$])")
# Reuters' sign-off, in parentheses where other papers carry the copy and bare on its own site:
# "(Reporting by Jane Doe; Editing by Tom Hale)", "Reporting by Jane Doe; Editing by Tom Hale",
# "(Additional reporting by Ann Lee in Singapore; Editing by Tom Hale)".
REUTERS_END_CREDIT = re.compile(r"^\s*(?:\(\s*(?:(?:Additional )?[Rr]eporting|Writing) by [^)]*(?:Editing by)[^)]*\)"
                                r"|(?:(?:Additional )?[Rr]eporting|Writing) by [^()]{2,200}?Editing by [^()]{2,100})\s*$")
# AP's sign-off naming the staff who helped with the story: "Associated Press writer Jane Doe in
# Port Elmar contributed to this report." (Not "The Associated Press contributed to this report",
# which a paper's own story says of agency material it used.)
AP_CONTRIBUTORS = re.compile(r"^\s*(?:The\s+)?Associated Press (?:staff )?(?:writers?|reporters?|correspondents?|"
                             r"photographers?|video journalists?|researchers?)\b[^.]{2,250}?\bcontributed"
                             r"(?: to this (?:report|story))?\.?\s*$")
# Statements that the copy came from a feed: these prove syndication even without an agency.
SYNDICATION_DISCLAIMER = re.compile(
    r"(?:auto-generated from a syndicated (?:[\w.&'’-]+ ){0,5}?feed|published from a syndicated (?:news )?feed|"
    r"has not been edited by [\w\s.&'’]+ staff|(?:reworked|edited) by (?:the )?[\w\s.&'’]+ staff|"
    r"this (?:story|article|report) (?:is|was|has been) (?:published|generated|auto-generated) from (?:a |an )?(?:wire|agency|syndicated))",
    re.IGNORECASE,
)
# "reworked by the Business Standard staff" names the publisher that republished the copy.
_DISCLAIMER_PUBLISHER = re.compile(r"(?:reworked|edited) by (?:the )?(?P<publisher>[A-Z][\w.&'’]*(?: [A-Z][\w.&'’]*){0,4}) staff")


@dataclass(slots=True)
class WireCredit:
    agency: str | None
    evidence: str
    kind: str  # disclaimer | dateline | markup | byline | end_credit | agencies


def canonical_agency(name: str | None) -> str | None:
    """The canonical agency for an alias ("Associated Press" -> "AP"), or None if not an agency."""
    # (Most names asked about hold no word of any alias; telling costs less than trimming them.)
    if not name or not may_name_agency(name):
        return None
    name = " ".join(name.split()).strip(_NAME_TRIM)
    name = re.sub(r"^(?:by\s+)?(?:the\s+)?", "", name, flags=re.IGNORECASE)
    # Lower-case "ap", "ani", "pa" are words or fragments, not agencies ("dpa" is the agency's own spelling).
    if name in _AMBIGUOUS_LOWER:
        return None
    # An alias as written first ("Business Wire" is the service, not "Business"), then without a
    # desk's suffix or a legal form ("Reuters Staff", "Thomson Reuters Corp").
    if agency := _ALIAS_TO_AGENCY.get(name.lower()):
        return agency
    name = re.sub(r"\s+(?:staff|news|reporters?|wire)$", "", name, flags=re.IGNORECASE) or name
    name = _CORPORATE_SUFFIX.sub("", name) or name
    if name in _AMBIGUOUS_LOWER:
        return None
    return _ALIAS_TO_AGENCY.get(name.lower())


def may_name_agency(name: str) -> bool:
    """Whether ``name`` holds a word of an agency's name (one of _ALIAS_WORDS, give or take the
    characters canonical_agency trims): where it does not, canonical_agency finds no agency in it."""
    return any(word.strip(_NAME_TRIM) in _ALIAS_WORDS for word in name.lower().split())


def agency_from_url(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url if "//" in url else "//" + url).netloc.lower()
    for fragment, agency in _AGENCY_HOSTS.items():
        if fragment in host:
            return agency
    return None


def _strip_brackets(text: str) -> str:
    return text.strip().strip("()").strip()


def credit_from_paragraph(text: str, position: str) -> WireCredit | None:
    """A credit in one body-area paragraph; ``position`` is "first", "last" or "other"."""
    if position == "first":
        match = DATELINE.match(text)
        if match:
            agency = canonical_agency(match.group("agency")) or next(
                (names[match.group(group)] for group, names in _NAMES_BY_GROUP.items() if match.group(group)), None)
            if agency:
                return WireCredit(agency, match.group(0).strip(), "dateline")
    match = END_CREDIT.search(text)
    if match and position != "first":
        agency = canonical_agency(match.group("agency") or match.group("agency2") or match.group("agency3")
                                  or match.group("agency4"))
        if agency:
            return WireCredit(agency, match.group(0).strip(), "end_credit")
    if position != "first" and (credit := credit_line(text)):
        return credit
    if position == "last" and REUTERS_END_CREDIT.match(text):
        return WireCredit("Reuters", text.strip(), "end_credit")
    if position == "last" and text[:1] in "AT" and AP_CONTRIBUTORS.match(text):
        return WireCredit("AP", text.strip(), "end_credit")
    if position == "last" and text[:1] >= "\u0900" and (sign_off := _INDIC_SIGN_OFF.fullmatch(text)):
        return WireCredit(INDIC_AGENCIES[sign_off["agency"]], text.strip(), "end_credit")
    return None


def dateline_day(paragraph: str) -> str | None:
    """The day a wire dateline opening ``paragraph`` states with its year ("WASHINGTON, Nov. 19,
    2019 (UPI) --", "NEW YORK, Nov. 19, 2019 /PRNewswire/ --"), as an ISO date; None without one
    (most datelines give the day without the year, "New Delhi, Mar 19 (PTI)": which year is a guess)."""
    if not (match := DATELINE.match(paragraph)) or not (day := match.group("day") or match.group("day_after")):
        return None
    parsed = parse_date(day) if YEAR.search(day) else None
    return parsed[:10] if parsed else None


# How a Hindi service's copy signs off: its name and its desk's initials or names, "भाषा अजय अजय".
_INDIC_SIGN_OFF = re.compile(rf"\s*(?P<agency>{'|'.join(INDIC_AGENCIES)})(?:\s+[\u0900-\u097f]+){{0,4}}\s*")
# ... and PTI's English copy: "PTI CUH WYG", "PTI SKU RT" (the desk's initials, in capitals).
_PTI_SIGN_OFF = re.compile(r"\s*PTI(?:\s+[A-Z]{2,4}){1,4}\s*")


#: The longest line that can be an agency's credit alone ("— Reuters", "Source: Agence France-Presse").
CREDIT_LINE_CHARS = 40


def inputs_credit(text: str) -> WireCredit | None:
    """The credit of a line that credits agency inputs alone ("(With inputs from PTI)", "With
    agency inputs", "SOURCE: Al Jazeera and news agencies"): the agency's, or agencies unnamed."""
    if len(text) < _INPUTS_CREDIT_CHARS and ("GENCIES" in text or "gencies" in text) and _AGENCIES_SOURCE.fullmatch(text):
        return WireCredit(None, text.strip(), "agencies")
    if len(text) < _INPUTS_CREDIT_CHARS and ("ith" in text or "ITH" in text) and (match := _WITH_AGENCIES.fullmatch(text)):
        if not match.group("agency"):
            return WireCredit(None, text.strip(), "agencies")
        agency = canonical_agency(match.group("agency"))
        return WireCredit(agency, text.strip(), "end_credit") if agency else None
    # (Most lines are too long or say no "input": telling costs less than matching.)
    if len(text) >= _INPUTS_CREDIT_CHARS or not ("nput" in text or "NPUT" in text) \
            or not (match := _INPUTS_CREDIT.fullmatch(text)):
        return None
    if named := match.group("agency") or match.group("agency_b"):
        agency = canonical_agency(named)
        return WireCredit(agency, text.strip(), "end_credit") if agency else None
    return WireCredit(None, text.strip(), "agencies")


# ... and the shorter line some papers close rewritten agency copy with: "With agencies", "(With
# Reuters)", "— With AFP and AP".
_WITH_AGENCIES = re.compile(
    rf"\s*(?:(?:--|[-–—])\s*)?\(?\s*with\s+(?:(?P<agency>{_ALIAS_RE})(?:\s*(?:,|/|&|and)\s*(?:{_ALIAS_RE}))*"
    rf"|(?:news\s+)?agencies|wire services)\s*\)?\.?\s*",
    re.IGNORECASE)
#: The longest line that credits agency inputs alone.
_INPUTS_CREDIT_CHARS = 80
# A source line naming agencies but none of them: "SOURCE: News agencies", "Source: Al Jazeera
# and news agencies".
_AGENCIES_SOURCE = re.compile(r"\s*\(?\s*sources?\s*:\s*(?:[\w.'’ -]{1,40}?\s+(?:and|&)\s+)?(?:news\s+|wire\s+)?"
                              r"(?:agencies|wire services)\s*\)?\.?\s*", re.IGNORECASE)


def credit_line(text: str) -> WireCredit | None:
    """The credit of a line that is a credit alone: an agency's ("— Reuters", "(AP)", "Source:
    AFP", "(With inputs from PTI)") or agencies' unnamed ("With agency inputs")."""
    if len(text) < CREDIT_LINE_CHARS and (agency := agency_line(text)):
        return WireCredit(agency, text.strip(), "end_credit")
    if len(text) < CREDIT_LINE_CHARS and "/" in text[:12] and (desk := _DESK_SOURCES.fullmatch(text)) \
            and (agency := canonical_agency(desk["agency"])):
        return WireCredit(agency, text.strip(), "end_credit")
    return inputs_credit(text)


# The editors' initials and the agencies a story was written from, as Deutsche Welle closes its
# copy: "kb/msh (AFP, dpa)", "dj/rc (AP, Reuters)".
_DESK_SOURCES = re.compile(rf"\s*[a-z]{{1,4}}(?:/[a-z]{{1,4}}){{1,3}}\s*\(\s*(?P<agency>{_ALIAS_RE})"
                           rf"(?:\s*,\s*(?:{_ALIAS_RE}))*\s*\)\s*", re.IGNORECASE)


def agency_line(text: str) -> str | None:
    """The agency of a line that is its credit alone ("— Reuters", "-- AFP", "(AP)", a Hindi
    service's sign-off "भाषा अजय अजय", PTI's "PTI CUH WYG"), else None."""
    match = END_CREDIT.match(text)
    if match is None:
        if "PTI " in text[:6] and _PTI_SIGN_OFF.fullmatch(text):
            return "PTI"
        sign_off = _INDIC_SIGN_OFF.fullmatch(text) if text[:1] >= "\u0900" else None
        return INDIC_AGENCIES[sign_off["agency"]] if sign_off else None
    return canonical_agency(match.group("agency2") or match.group("agency3") or match.group("agency4"))


# A byline crediting agencies it does not name: "By Jane Doe and agencies", "Staff and agencies",
# "With wire services", "Agencies".
_AGENCIES = re.compile(r"(?:^|\b(?:and|with|&)\s+)(?:news\s+|wire\s+)?(?:agencies|wire services|wires)\s*$", re.IGNORECASE)


def agencies_credit(text: str) -> WireCredit | None:
    """A byline that credits news agencies without naming one: syndicated copy of no known wire."""
    return WireCredit(None, text.strip(), "agencies") if len(text) < 120 and _AGENCIES.search(text.strip(" .")) else None


#: How many " | "-separated parts of a byline line are looked at for an agency's name.
_BYLINE_PARTS = 4
# A part of such a line that is an agency's name and nothing else ("Press Trust of India", "By AFP").
_AGENCY_PART = re.compile(rf"\s*(?:by\s+)?(?:the\s+)?(?P<agency>{_ALIAS_RE})\s*", re.IGNORECASE)


def credit_from_byline(text: str) -> WireCredit | None:
    """A byline or a credit line that consists of an agency name alone ("Reuters", "By AP"), or that
    opens with one before a separator ("PTI | New Delhi"), or holds one as a part of its own
    between separators ("India News | Press Trust of India | Updated: May 07, 2026")."""
    match = AGENCY_BYLINE.match(text)
    if not match and " | " in text:
        match = next(filter(None, map(_AGENCY_PART.fullmatch, text.split(" | ")[1:_BYLINE_PARTS])), None)
    if not match:
        return None
    agency = canonical_agency(match.group("agency"))
    if agency is None:
        return None
    return WireCredit(agency, match.group(0).strip(), "byline")


def disclaimer(text: str) -> WireCredit | None:
    """A syndication disclaimer, with the agency when it names one."""
    if not SYNDICATION_DISCLAIMER.search(text):
        return None
    agency = None
    for alias in _ALIASES:
        if re.search(rf"\b{re.escape(alias)}\b", text):
            agency = canonical_agency(alias)
            if agency:
                break
    return WireCredit(agency, _strip_brackets(text), "disclaimer")


# The holder's name ends at a full stop, at a separator (a footer runs the notice into its links:
# "© 2025 Tomas Reyes · Privacy · Terms"), or at "All rights reserved" in any of the languages
# the dates are read in ("© Le Courrier du Rhône 2025 - Tous droits réservés").
_RIGHTS_RESERVED = ("all rights", "tous droits", "todos los derechos", "todos os direitos", "alle rechte",
                    "tutti i diritti", "alle rechten", "все права")
_COPYRIGHT = re.compile(r"(?:copyright|©|\(c\))\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*,?\s*(?P<holder>[^.|·•]{2,60}?)"
                        rf"(?:\.|[|·•]|$|\s+(?:[-–—]\s+)?(?:{'|'.join(_RIGHTS_RESERVED)}))", re.IGNORECASE)


# A company's initials ("S.L.", "S.A."), whose full stops would otherwise end the holder's name.
_INITIALS = re.compile(r"\b(?:[A-Z]\.){2,}")
# What may come between the notice's mark and the holder ("© Copyright 2019, Los Angeles Times",
# "© 2019 by Cruz Bay Publishing"), and after the holder ("© Daily Clarion 2026", "... Limited or
# its affiliated companies").
_HOLDER_HEAD = re.compile(r"^(?:(?:copyright|©|\(c\)|\d{4}|by)\b(?:\s*[-–](?:\s*\d{4}\b)?)?[\s,]*|[©\-–][\s,]*)+", re.IGNORECASE)
_HOLDER_TAIL = re.compile(r"\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?|\s+or its (?:affiliates?|affiliated companies|licensors)\b.*)$",
                          re.IGNORECASE)


def copyright_holder(text: str) -> str | None:
    """Who a copyright notice names ("© 2026 The Associated Press. All rights reserved.")."""
    if "." in text:
        text = _INITIALS.sub(lambda initials: initials.group(0).replace(".", ""), text)
    match = _COPYRIGHT.search(text)
    if not match:
        return None
    # "Westbrook Courier, a Hallam Valley Media company": the holder is the name before the apposition.
    holder = _HOLDER_HEAD.sub("", match.group("holder")).split(",")[0].strip(" ,")
    holder = _HOLDER_TAIL.sub("", holder)
    # ("Coastal Herald Ltd": the paper is the Coastal Herald.)
    holder = _CORPORATE_SUFFIX.sub("", holder) or holder
    return holder if any(c.isalpha() for c in holder) else None


def credit_from_copyright(text: str) -> WireCredit | None:
    """A copyright notice held by an agency: on a non-agency site, that is a wire credit. (Also
    an agency's service: "© dpa-infocom".)"""
    holder = copyright_holder(text) or ""
    agency = canonical_agency(holder) or ("-" in holder and canonical_agency(holder.split("-")[0])) or None
    return WireCredit(agency, text.strip(), "end_credit") if agency else None


def publisher_from_disclaimer(text: str) -> str | None:
    match = _DISCLAIMER_PUBLISHER.search(text)
    return match.group("publisher") if match else None


def decide(credits: list[WireCredit], publisher: str | None) -> tuple[str | None, bool, str | None]:
    """Combine credits into (wire, syndicated, evidence).

    The agency comes from the strongest credit that names one; the evidence shown is the
    strongest proof of syndication (a disclaimer beats a dateline). A page published by the
    agency itself is its original, not syndicated copy.
    """
    if not credits:
        return None, False, None
    order = {"disclaimer": 0, "dateline": 1, "markup": 2, "byline": 3, "end_credit": 4, "agencies": 5}
    ranked = sorted(credits, key=lambda c: order.get(c.kind, 9))
    agency = next((c.agency for c in ranked if c.agency), None)
    evidence = ranked[0].evidence
    own = publisher is not None and agency is not None and canonical_agency(publisher) == agency
    syndicated = not own and (agency is not None or any(c.kind in ("disclaimer", "agencies") for c in credits))
    return agency, syndicated, evidence


def opening_dateline(body: list[str]) -> tuple[int, WireCredit] | None:
    """The paragraph that opens a wire story with its dateline ("SAN FRANCISCO (AP) — ..."), and
    its credit: the first, or one of the next _DATELINE_REACH under short lines only (a site's
    notice, a kicker the body kept above the story, which are then no part of it)."""
    for k, paragraph in enumerate(body[: _DATELINE_REACH + 1]):
        if credit := credit_from_paragraph(paragraph, "first"):
            return k, credit
        if len(paragraph.split()) > _ABOVE_DATELINE_WORDS:
            return None
    return None


_DATELINE_REACH = 3
_ABOVE_DATELINE_WORDS = 25


def body_credits(body: list[str]) -> list[WireCredit]:
    """The credits a body states itself: a dateline opening it, an end credit closing it."""
    credits = []
    if opening := opening_dateline(body):
        credits.append(opening[1])
    if len(body) > 1 and (last := credit_from_paragraph(body[-1], "last")):
        credits.append(last)
    return credits


def credit_from_body(article: Article) -> None:
    """Fill ``wire``/``syndicated`` from the body's dateline and end credits, as text mode does."""
    if not article.body or article.wire:
        return
    article.wire, article.syndicated, article.syndication_evidence = decide(body_credits(article.body),
                                                                            article.publisher)
