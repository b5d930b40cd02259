"""Dates as pages state them ("Mar 19 2025 | 8:03 PM IST") to ISO 8601 with a UTC offset.

A time given with a zone abbreviation keeps that zone's offset: "8:03 PM IST" is
``20:03:00+05:30``, not converted to UTC, because the reader wants the page's own clock.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo

from dateutil import parser as dateutil_parser

from wiretrace.extract.cues import READING_TIME_STRICT, literal_alternation, opening_lookahead

# Abbreviations as news sites use them. Where one is ambiguous the newsroom reading wins:
# IST is India (not Irish or Israel Standard Time), CST is US Central (not China).
_FIXED_OFFSETS = {
    "UTC": 0, "GMT": 0, "Z": 0, "WET": 0,
    "BST": 60, "CET": 60, "WAT": 60, "WEST": 60, "IST": 330, "PKT": 300, "NPT": 345,
    "CEST": 120, "EET": 120, "CAT": 120, "SAST": 120,
    "EEST": 180, "MSK": 180, "EAT": 180, "AST": 180, "TRT": 180,
    "GST": 240, "ICT": 420, "WIB": 420, "HKT": 480, "SGT": 480, "PHT": 480, "AWST": 480, "MYT": 480,
    "JST": 540, "KST": 540, "ACST": 570, "AEST": 600, "AEDT": 660, "NZST": 720, "NZDT": 780,
    "EST": -300, "EDT": -240, "CST": -360, "CDT": -300, "MST": -420, "MDT": -360,
    "PST": -480, "PDT": -420, "AKST": -540, "AKDT": -480, "HST": -600, "BRT": -180, "ART": -180,
}
# Zone names that change with daylight saving: resolved against the date itself.
_REGIONAL = {
    "ET": "America/New_York", "CT": "America/Chicago", "MT": "America/Denver", "PT": "America/Los_Angeles",
}

TZINFOS: dict[str, tzinfo] = {
    name: timezone(timedelta(minutes=minutes)) for name, minutes in _FIXED_OFFSETS.items()
}

def _zone(name: str | None, offset: int | None) -> tzinfo | None:
    # A callable (not the dict) so unknown words ("CBS") leave the time naive instead of warning.
    # dateutil hands a numeric zone ("+0530", RFC 822 dates in feeds and headers) as an offset alone.
    if name:
        return TZINFOS.get(name)
    return timezone(timedelta(seconds=offset)) if offset is not None else None


_ZONE_WORD = re.compile(r"\b([A-Z]{1,5})\b")
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$")
# (These patterns open with a look-ahead at the characters a match can start with, which spares
# the engine trying every alternative at every position.)
_HAS_TIME = re.compile(r"(?=\d)(?:\d{1,2}:\d{2}|\d{1,2}\.\d{2}(?![.\d])|\d\s*[ap]\.?m\b|\d{1,2}h\d{2}\b)", re.IGNORECASE)
_NOISE = re.compile(r"(?=[\s|•·,])(?:\s*[|•·,]\s*|\s+at\s+|\s+on\s+)", re.IGNORECASE)
def _month_key(name: str) -> str:
    """A month's name as _FOREIGN_MONTHS is keyed: lower case, Turkish dotted and dotless i as
    "i" (a case-blind match of "kasım" finds "KASIM", which lower-cases to "kasim")."""
    return name.lower().replace("ı", "i").replace("\u0307", "")


# Month names dateutil does not know, as pages in Portuguese, Spanish, French, German, Italian,
# Dutch, Indonesian, Turkish, Polish, Russian and Ukrainian (genitive: "24 сентября 2018", "19
# listopada 2025"), Hindi ("19 मार्च 2025", in the spellings Hindi papers use) and Arabic write
# them, to their English name. Arabic has two sets: the names Egypt and the Gulf use ("19 نوفمبر
# 2025") and the Levant's ("19 تشرين الثاني 2025").
_FOREIGN_MONTHS = {
    _month_key(name.replace("_", " ")): english
    for english, names in {
        "January": "janeiro enero janvier januar gennaio januari ocak stycznia"
                   " января जनवरी يناير كانون_الثاني січня",
        "February": "fevereiro febrero février februar febbraio februari şubat lutego"
                    " февраля फरवरी फ़रवरी فبراير شباط лютого",
        "March": "março marzo mars märz maart maret mart marca"
                 " марта मार्च مارس آذار березня",
        "April": "abril avril aprile nisan kwietnia"
                 " апреля अप्रैल أبريل إبريل ابريل نيسان квітня",
        "May": "maio mayo mai maggio mei mayıs maja"
               " мая मई مايو أيار травня",
        "June": "junho junio juin juni giugno haziran czerwca"
                " июня जून يونيو يونيه حزيران червня",
        "July": "julho julio juillet juli luglio temmuz lipca"
                " июля जुलाई يوليو يوليه تموز липня",
        "August": "agosto août augustus agustus ağustos sierpnia"
                  " августа अगस्त أغسطس اغسطس آب серпня",
        "September": "setembro septiembre setiembre septembre settembre eylül września"
                     " сентября सितंबर सितम्बर سبتمبر أيلول вересня",
        "October": "outubro octubre octobre oktober ottobre ekim października"
                   " октября अक्टूबर अक्तूबर أكتوبر اكتوبر تشرين_الأول жовтня",
        "November": "novembro noviembre novembre kasım listopada"
                    " ноября नवंबर नवम्बर نوفمبر تشرين_الثاني листопада",
        "December": "dezembro diciembre décembre dezember dicembre desember aralık grudnia"
                    " декабря दिसंबर दिसम्बर ديسمبر كانون_الأول грудня",
    }.items()
    for name in names.split()  # ("_" joins a name's words: "تشرين_الثاني")
}
# (The look-ahead at the first letter spares the engine trying all the names at every word.)
# (A name may end in a vowel sign, "जनवरी", which is no word character to a regex: the name ends
# where neither a word character nor a sign of an Indic script follows.)
_FOREIGN_MONTH = re.compile(
    r"\b" + opening_lookahead(_FOREIGN_MONTHS)
    + r"(?:" + literal_alternation(_FOREIGN_MONTHS) + r")(?![\w\u0900-\u0dff])", re.IGNORECASE)
# Words around a date in those languages: "22 de outubro de 2010 às 20:13", "le 3 mars 2019 à 10h".
_FOREIGN_FILLER = re.compile(r"\b(?:de|del|às|à|a las|le|am|um|pukul|в)\b", re.IGNORECASE)
#: A month's name in any of the languages parse_date reads (a cheap test before parsing).
_MONTH_STEMS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
MONTH_NAME = re.compile(rf"\b{opening_lookahead(_MONTH_STEMS)}(?:{'|'.join(_MONTH_STEMS)})[a-z]*\.?(?!\w)|"
                        + _FOREIGN_MONTH.pattern,
                        re.IGNORECASE)
# "18.54 GMT", "9.41pm": a time written with a dot, which dateutil reads as a decimal.
_DOTTED_TIME = re.compile(r"\b(\d{1,2})\.(\d{2})(?=\s*(?:[ap]\.?m\b|[A-Z]{2,5}\b|$))", re.IGNORECASE)
# "14h05", as French pages write a time.
_H_TIME = re.compile(r"\b(\d{1,2})h(\d{2})\b")
_DEFAULT = datetime(1900, 1, 1)
_ANY_DIGIT = re.compile(r"\d")
#: Years a web page can have been published in.
_YEARS = (1990, 2100)


#: A clock time as stamps end on it, for patterns to build on: "12:35", "21:04:18", "10.30",
#: "4:15 p.m.", "9:15AM".
CLOCK_TIME = r"\d[:.]\d{2}(?::\d{2})?(?:\s?(?i:[ap]\.?\s?m\.?))?"

# The shapes most stamps take once cleaned ("November 19 2019", "Tue 19 Nov 2019 9:02 AM EST",
# "7:07 PM EST Nov 19 2019", "Associated Press Nov. 18th 2019 8:54 am", "13.11.2019 23:06 by Jane
# Roe"): a day, its month and a four-digit year (or no year), a time before or after them, and
# words dateutil skips. parse_date reads these itself, as dateutil does, at a fraction of its
# cost; any other text, and any field out of range, still goes to dateutil.
_CLOCK = (r"(?P<hour{0}>[0-9]{{1,2}}):(?P<minute{0}>[0-9]{{2}})(?::(?P<second{0}>[0-9]{{2}}))?"
          r"(?: ?(?P<ampm{0}>[AaPp][Mm]|[ap]\.m\.))?(?: (?P<zone{0}>[A-Z]{{1,5}}))?")
_PLAIN_DATE = re.compile(
    r"(?P<prefix>(?:(?:[A-Za-z]+|[-–—]) )*?)"
    rf"(?:{_CLOCK.format(1)} (?:(?P<weekday>[A-Za-z]+) )?)?"
    r"(?:(?:(?P<month>[A-Za-z]+)\.? (?P<day>[0-9]{1,2})(?:st|nd|rd|th)?"
    r"|(?P<day_first>[0-9]{1,2})(?:st|nd|rd|th)? (?P<month_second>[A-Za-z]+)\.?)(?: (?P<year>[0-9]{4}))?"
    r"|(?P<first>[0-9]{1,2})(?P<sep>[./-])(?P<second>[0-9]{1,2})(?P=sep)(?P<numeric_year>[0-9]{4}))"
    rf"(?: {_CLOCK.format(2)})?(?P<suffix>(?: [A-Za-z]+)*)")
# dateutil's English month and weekday names (its parserinfo), lower-cased.
_MONTH_NUMBERS = {
    name: number
    for number, names in enumerate(("jan january", "feb february", "mar march", "apr april", "may", "jun june",
                                    "jul july", "aug august", "sep sept september", "oct october",
                                    "nov november", "dec december"), 1)
    for name in names.split()
}
WEEKDAYS = frozenset("mon monday tue tuesday wed wednesday thu thursday fri friday sat saturday sun sunday".split())
# Words dateutil may do something with besides skipping them (a weekday it reads, and ignores
# beside a day of the month; "at", "on", "and" it skips): months, AM/PM, hour/minute/second
# labels, "of" after a month, the letters and suffixes it skips only beside a number, UTC.
_READ_WORDS = frozenset(_MONTH_NUMBERS) | frozenset(
    "am pm a p h hour hours m minute minutes s second seconds of ad t st nd rd th utc gmt z".split())


def _plain_date(text: str, dayfirst: bool = False) -> datetime | None:
    """What ``dateutil_parser.parse(text, default=_DEFAULT, tzinfos=_zone, fuzzy=True, dayfirst=dayfirst)``
    gives for a text of one of the plain shapes (_PLAIN_DATE); None for any other text, which
    dateutil must read."""
    match = _PLAIN_DATE.fullmatch(text)
    if match is None:
        return None
    prefix, weekday, suffix, sep, year = match.group("prefix", "weekday", "suffix", "sep", "year")
    # Words before the date are skipped unless dateutil reads them; so are those after it, unless
    # capitals after a time make them a zone's name.
    if (prefix or suffix) and (any(word.lower() in _READ_WORDS for word in (prefix + suffix).split())
                               or any(word.isupper() for word in suffix.split())):
        return None
    if weekday and weekday.lower() not in WEEKDAYS:
        return None
    if sep:
        # Two numbers: month first (day first with ``dayfirst``), unless that one is no month
        # ("13.11.2019", "11/14/2019").
        first, second = int(match["first"]), int(match["second"])
        if dayfirst:
            first, second = second, first
        month, day = (first, second) if first <= 12 else (second, first)
        year = match["numeric_year"]
    else:
        month = _MONTH_NUMBERS.get((match["month"] or match["month_second"]).lower())
        if month is None:
            return None
        day = int(match["day"] or match["day_first"])
        # Without a year the default's stands ("Nov 19 9:41 AM"), unless the "day" is no day of a
        # month, which dateutil takes for a year ("Nov 45").
        if year is None:
            if day > 31:
                return None
            year = _DEFAULT.year
    if match["hour1"]:
        if match["hour2"]:
            return None
        hour, minute, second, ampm, zone = match.group("hour1", "minute1", "second1", "ampm1", "zone1")
    elif match["hour2"]:
        hour, minute, second, ampm, zone = match.group("hour2", "minute2", "second2", "ampm2", "zone2")
    else:
        hour = minute = second = "0"
        ampm = zone = None
    hour = int(hour)
    if ampm and hour <= 12:
        # dateutil's 12-hour clock: "12 AM" is midnight; an "AM"/"PM" after an hour past 12 is ignored.
        if ampm[0] in "Pp":
            hour = hour + 12 if hour < 12 else hour
        elif hour == 12:
            hour = 0
    if zone is not None and zone not in TZINFOS:
        return None
    try:
        return datetime(int(year), month, day, hour, int(minute), int(second or 0),
                        tzinfo=TZINFOS[zone] if zone else None)
    except ValueError:
        return None


# A text whose one number has two digits at most ("4 Things to Do in October", "May 56") or is a
# count in brackets ("January (170)", in a blog's archive) names no year: dateutil would take
# such a number for the day, skip it, or make a two-digit one a year ("May 56" as 2056), so
# parse_date says None without asking it. (Unless "of" follows a month, "Nov of 19", or an
# apostrophe marks a year, "May '19": 2019.)
_ONE_SMALL_NUMBER = re.compile(r"\D*?(?P<apostrophe>['’])?(?:(?P<day>[0-9]{1,2})|\((?P<count>[0-9]{1,3})\))\D*")


def _yearless(text: str) -> bool:
    """Whether ``text`` surely names no year (see _ONE_SMALL_NUMBER)."""
    match = _ONE_SMALL_NUMBER.fullmatch(text)
    return match is not None and match["apostrophe"] is None and "of" not in text.lower()


# Which of two numbers is the day ("10.06.2026", "12/06/2026")? Dotted dates are day first
# wherever they are written; so are other numeric dates beside a zone outside North America or a
# 24-hour clock ("12/06/2026 - 14:05", "20/11/2019 01:38 PM IST"). Otherwise month first, as in
# the US ("11/05/2019 10:31 PM EST"), and as dateutil reads them.
NUMERIC_DAY = re.compile(r"\b[0-9]{1,2}([./-])[0-9]{1,2}\1[0-9]{2,4}\b")
#: A year a stamp states ("2019", not "12019" or a page number's digits).
YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
#: What sets a stamp line's parts apart: "October 15, 2018 / 0 Comments / in News / by admin",
#: "United Press International | Fri, 20 Nov 2015 21:04:18 +0100 | Filed under: Americas".
STAMP_PARTS = re.compile(r"\s+[/|•·]\s+|\s*[|•·]\s*")
_AMERICAN_ZONES = frozenset("EST EDT CST CDT MST MDT PST PDT AKST AKDT HST".split()) | frozenset(_REGIONAL)
_AM_PM = re.compile(r"[0-9]\s*[ap]\.?m\b", re.IGNORECASE)


def _day_first(text: str) -> bool:
    """Whether the numeric date in ``text``, if it has one, puts the day first (see NUMERIC_DAY)."""
    numeric = NUMERIC_DAY.search(text)
    if numeric is None:
        return False
    if numeric.group(1) == ".":
        return True
    zones = {word for word in _ZONE_WORD.findall(text) if word in TZINFOS or word in _REGIONAL}
    if zones:
        return not zones & _AMERICAN_ZONES
    return bool(_HAS_TIME.search(text)) and not _AM_PM.search(text)


def format_datetime(value: datetime, has_time: bool = True) -> str:
    """ISO 8601: with seconds and offset when a time is known, else the bare date."""
    if not has_time:
        return value.date().isoformat()
    if value.tzinfo is None:
        return value.replace(microsecond=0).isoformat()
    return value.replace(microsecond=0).isoformat()


#: Length of an ISO stamp with a time and no offset ("2019-11-18T16:07:00").
_NAIVE_STAMP = 19
#: How far apart (in days) a naive stamp and a zoned one of the same page may be for one to lend
#: the other its offset: a clock change between them would make it wrong by an hour.
_SAME_CLOCK_DAYS = 1


def in_page_zone(stamp: str | None, page_stamps: list[str]) -> str | None:
    """``stamp`` with the UTC offset the page's other stamps state, where it has a time but no
    zone: a page writes its times by one clock ("Published Nov 18, 2019 at 4:07 PM | Updated at
    5:36 PM CST"). Only where every zoned stamp of the page has the same offset and one of them
    falls within a day of ``stamp``; else ``stamp`` as it is."""
    if stamp is None or len(stamp) != _NAIVE_STAMP:
        return stamp
    zoned = [other for other in page_stamps if len(other) > _NAIVE_STAMP]
    offsets = {other[_NAIVE_STAMP:] for other in zoned}
    if len(offsets) != 1:
        return stamp
    day = datetime.fromisoformat(stamp[:10])
    if not any(abs((datetime.fromisoformat(other[:10]) - day).days) <= _SAME_CLOCK_DAYS for other in zoned):
        return stamp
    return stamp + offsets.pop()


# "GMT+2", "UTC+05:30", "GMT-4": a zone written as its offset from UTC.
_UTC_OFFSET = re.compile(r"\b(?:GMT|UTC)\s*([+\-−])\s*([0-9]{1,2})(?::?([0-9]{2}))?(?![0-9])")


def _offset_zone(text: str) -> tuple[str, tzinfo | None]:
    """``text`` without a "GMT+2" style zone, and that zone."""
    match = _UTC_OFFSET.search(text)
    if match is None or int(match[2]) > 14:
        return text, None
    minutes = int(match[2]) * 60 + int(match[3] or 0)
    zone = timezone(timedelta(minutes=-minutes if match[1] in "-−" else minutes))
    return text[: match.start()] + text[match.end():], zone


# Arabic pages name the clock by its place: "10:35 بتوقيت القاهرة" (Cairo time), "بتوقيت مكة المكرمة".
_ARABIC_CLOCKS = {
    "غرينتش": "UTC", "جرينتش": "UTC", "غرينيتش": "UTC",
    "مكة": "Asia/Riyadh", "السعودية": "Asia/Riyadh", "الرياض": "Asia/Riyadh", "الدوحة": "Asia/Qatar",
    "الكويت": "Asia/Kuwait", "بغداد": "Asia/Baghdad", "الإمارات": "Asia/Dubai", "أبوظبي": "Asia/Dubai",
    "أبو ظبي": "Asia/Dubai", "دبي": "Asia/Dubai", "القاهرة": "Africa/Cairo", "مصر": "Africa/Cairo",
    "بيروت": "Asia/Beirut", "القدس": "Asia/Jerusalem", "دمشق": "Asia/Damascus", "الجزائر": "Africa/Algiers",
    "تونس": "Africa/Tunis", "الرباط": "Africa/Casablanca", "المغرب": "Africa/Casablanca",
}
_ARABIC_CLOCK = re.compile(rf"\(?\s*ب?توقيت\s+(?P<place>{'|'.join(sorted(_ARABIC_CLOCKS, key=len, reverse=True))})[^\d)]*\)?")
_ARABIC_LETTER = re.compile(r"[\u0600-\u06ff]")
# Arabic-Indic and Persian digits, which dateutil does not read.
_EASTERN_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
# A date of the Islamic calendar beside the Gregorian one ("28 جمادى الأولى 1447 هـ - 19 نوفمبر 2025 م"):
# its year is 13xx or 14xx, and its months no parser reads; and the eras' marks after a year.
_HIJRI_DATE = re.compile(r"\d{1,2}\s+[^\d\s]+(?:\s+[^\d\s]+)?\s+1[34]\d\d\s*هـ?")
_ERA_MARK = re.compile(r"(?<=\d{4})\s*(?:م|هـ)(?!\w)")
# A clock's half of the day in Arabic, after its minutes: "10:35 ص" (morning), "7:40 مساءً" (evening).
# (Not "م" after a year: "2025م" is the Christian era.)
_ARABIC_HALF = re.compile(r"(?<=:\d\d)\s*(?:(?P<am>صباحاً|صباحا|ص)|(?P<pm>مساءً|مساء|م))(?!\w)")


def _arabic_zone(text: str) -> tuple[str, ZoneInfo | None]:
    """``text`` without an Arabic "بتوقيت <place>" (the clock of a place), and that place's zone."""
    if not (match := _ARABIC_CLOCK.search(text)):
        return text, None
    return text[: match.start()] + text[match.end():], ZoneInfo(_ARABIC_CLOCKS[match["place"]])


def _regional_zone(text: str) -> tuple[str, ZoneInfo | None]:
    for word in _ZONE_WORD.findall(text):
        if word in _REGIONAL:
            return re.sub(rf"\b{word}\b", "", text), ZoneInfo(_REGIONAL[word])
    return text, None


#: A day as Japanese, Chinese and Korean pages write it: "2025年3月18日", "2025년 3월 18일".
CJK_DAY = r"\d{4}\s*[年년]\s*\d{1,2}\s*[月월]\s*\d{1,2}\s*[日일]"
# ... with the weekday and the time that may follow it: "2025年3月18日 19時40分", "2025年3月18日（火）
# 午後7時40分", "2025年3月18日 19:40", "2025년 3월 18일 오후 7:40".
_CJK_DATE = re.compile(
    r"(?P<year>\d{4})\s*[年년]\s*(?P<month>\d{1,2})\s*[月월]\s*(?P<day>\d{1,2})\s*[日일]"
    r"(?:\s*[(（][^)）]{1,3}[)）])?"  # the weekday
    r"(?:\s*(?P<half>午前|午後|上午|下午|오전|오후)?\s*(?P<hour>\d{1,2})\s*(?:[:：]|[時时点點시])\s*(?:(?P<minute>\d{1,2})\s*[分분]?)?)?"
    r"(?:\s*(?P<zone>[A-Z]{2,5})\b)?")
_AFTERNOON = ("午後", "下午", "오후")


def _cjk_date(match: re.Match[str]) -> str | None:
    """The date (and time) ``match`` of _CJK_DATE names."""
    hour = int(match["hour"]) if match["hour"] else 0
    if match["half"] in _AFTERNOON and hour < 12:
        hour += 12
    zone = TZINFOS.get(match["zone"] or "")
    try:
        value = datetime(int(match["year"]), int(match["month"]), int(match["day"]), hour, int(match["minute"] or 0),
                         tzinfo=zone)
    except ValueError:
        return None
    if not _YEARS[0] <= value.year <= _YEARS[1]:
        return None
    return format_datetime(value, has_time=match["hour"] is not None)


def parse_date(text: str | None, dayfirst: bool | None = None) -> str | None:
    """Parse one date string as found on a page; ``None`` when it holds no usable date.

    Accepts ISO 8601 (meta tags, JSON-LD), and human forms such as "Mar 19 2025 | 8:03 PM IST",
    "Nov 19, 2019, 10:31 pm CST", "19 March 2025 08:03 ET", "2025-03-19". Whether a numeric date
    puts the day first is judged from the text (see _day_first) unless ``dayfirst`` says.
    """
    # (A year is read only from a number, so a text without a digit is no date: dateutil would give
    # it the default's year, refused below.)
    if not text or not _ANY_DIGIT.search(text):
        return None
    if "min" in text:  # "Jun 9, 2026, 05:32 GMT 3 min read": the reading time is no part of the date
        text = READING_TIME_STRICT.sub(" ", text)
    if "ago" in text:  # "Nov 19, 2019 at 9:08 GMT1 day ago": the age shown beside it, run in
        text = _AGE_AFTER.sub(" ", text)
    text = " ".join(text.split())
    if len(text) > 80:
        return None
    if not text.isascii():
        text = text.translate(_EASTERN_DIGITS)
    if " " in text and (military := _MILITARY_TIME.search(text)) and not 1900 <= int(military[0][:4]) <= 2099:
        # "Updated 0339 GMT (1139 HKT) November 19, 2019": the time as four digits, and the same
        # moment on a second clock in brackets, which is no part of the first.
        text = _SECOND_CLOCK.sub(" ", text[: military.start()] + f"{military[1]}:{military[2]}" + text[military.end(2):])
    if ("年" in text or "년" in text) and (cjk := _CJK_DATE.search(text)):
        return _cjk_date(cjk)
    if _ISO.match(text):
        try:
            value = datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            return None
        # A CMS writes "0001-01-01T00:00:00Z" for a date it never set.
        if not _YEARS[0] <= value.year <= _YEARS[1]:
            return None
        return format_datetime(value, has_time=len(text) > 10)
    cleaned, zone = _offset_zone(text) if ("GMT" in text or "UTC" in text) else (text, None)
    if zone is None:
        cleaned, zone = _regional_zone(cleaned)
    if zone is None and "توقيت" in cleaned:
        cleaned, zone = _arabic_zone(cleaned)
    if not cleaned.isascii() and _ARABIC_LETTER.search(cleaned):
        cleaned = _ERA_MARK.sub("", _HIJRI_DATE.sub(" ", cleaned))
        if ":" in cleaned:
            cleaned = _ARABIC_HALF.sub(lambda m: " AM" if m["am"] else " PM", cleaned)
    if not cleaned.isascii() or _FOREIGN_MONTH.search(cleaned):
        translated = _FOREIGN_MONTH.sub(lambda m: _FOREIGN_MONTHS[_month_key(m.group(0))], cleaned)
        if translated != cleaned:
            cleaned = _FOREIGN_FILLER.sub(" ", translated)
    cleaned = _DOTTED_TIME.sub(r"\1:\2", _NOISE.sub(" ", cleaned)).strip()
    if "h" in cleaned:
        cleaned = _H_TIME.sub(r"\1:\2", cleaned)
    if dayfirst is None:
        dayfirst = _day_first(text)
    elif dayfirst and _YEAR_FIRST.search(cleaned):
        dayfirst = False  # "2018/05/10" is year, month, day wherever the day goes first
    value = _plain_date(cleaned, dayfirst)
    if value is None:
        if _yearless(cleaned):
            return None
        try:
            value = dateutil_parser.parse(cleaned, default=_DEFAULT, tzinfos=_zone, fuzzy=True, dayfirst=dayfirst)
        except (ValueError, OverflowError, TypeError):
            return None
    if value.year == _DEFAULT.year or not _YEARS[0] <= value.year <= _YEARS[1]:
        return None
    if zone is not None and value.tzinfo is None:
        value = value.replace(tzinfo=zone)
    return format_datetime(value, has_time=bool(_HAS_TIME.search(text)))


_AGE_AFTER = re.compile(r"\d+\s*(?:second|sec|minute|min|hour|hr|day|week|month|year)s?\s+ago\s*$", re.IGNORECASE)
_YEAR_FIRST = re.compile(r"\b(?:19|20)\d\d[/.-]\d{1,2}[/.-]\d{1,2}\b")
# A time written as four digits before its zone ("0339 GMT"), and a second clock in brackets.
_MILITARY_TIME = re.compile(r"(?<![\d:.,/])([01]\d|2[0-3])([0-5]\d)(?= ?(?:GMT|UTC|[ECMP][SD]?T|BST|CES?T|IST|HKT|JST|SGT|AE[SD]T)\b)")
_SECOND_CLOCK = re.compile(r"\(\s*\d{1,2}:?\d{2}\s*[A-Z]{2,5}\s*\)")


# "Last Updated : Mar 19 2025 | 8:03 PM IST", "First Published: ...", "Published 11:02 AM EDT, May 8, 2026",
# "Updated Nov. 19, 2019 8:21 am ET / Original Nov. 19, 2019 7:05 am ET" (the first version's);
# and in the languages whose month names parse_date reads: "Actualizado: 10 jun 2026 - 13:45 CEST",
# "Aktualisiert am 10.06.2026", "Publié le 12 juin 2026".
_ENGLISH_DATE_LABELS = ("first published", "published(?: on| at)?", "posted(?: on| at)?", "original",
                        "last updated",
                        "updated(?: on| at)?", "last modified", "modified", "date")
#: The labels in the other languages whose dates are read (regexes, lower case).
FOREIGN_DATE_LABELS = ("publicado(?: el| em)?", "actualizado(?: el)?", "atualizado(?: em)?", "veröffentlicht(?: am)?",
                "aktualisiert(?: am)?", "publié(?: le)?", "mis à jour(?: le)?", "pubblicato(?: il)?",
                "aggiornato(?: il)?", "опубликовано", "обновлено", "опубліковано", "оновлено", "opublikowano",
                "aktualizacja", "zaktualizowano", "प्रकाशित", "अपडेटेड", "अपडेट", "अद्यतन",
                "آخر تحديث", "تاريخ التحديث", "تم التحديث", "تحديث", "تاريخ النشر", "تم النشر", "نشر بتاريخ",
                "نشر في", "نُشر في", "yayınlanma(?: tarihi)?", "yayın tarihi", "son güncelleme", "güncelleme(?: tarihi)?",
                "güncellenme(?: tarihi)?")
_DATE_LABELS = (*_ENGLISH_DATE_LABELS, *FOREIGN_DATE_LABELS)
#: Words every date label holds, lower-cased (a cheap test before _DATE_LABEL).
DATE_LABEL_WORDS = ("publish", "posted", "original", "date", "modified", "publica", "actualiz", "atualiz", "veröffentl", "aktualis",
                    "publié", "mis à jour", "pubblica", "aggiorn", "опублик", "обновл", "опублік", "оновл", "opublik",
                    "aktualiz", "प्रकाशित", "अपडेट", "अद्यतन", "تحديث", "نشر", "نُشر", "yayın", "güncelle")
# (Those languages write numeric dates day first: "Aktualisiert am 05.10.2018", "05/10/2018 - Publicado por".)
_ENGLISH_DATE_LABEL = re.compile("|".join(_ENGLISH_DATE_LABELS))
# What the labels of a later version hold (the others label the first).
_UPDATE_STEMS = ("updated", "modified", "actualiz", "atualiz", "aktualis", "mis à jour", "aggiorn", "обновл", "оновл",
                 "aktualiz", "अपडेट", "अद्यतन", "تحديث", "güncelle")
_DATE_LABEL = re.compile(rf"\b{opening_lookahead(_DATE_LABELS)}(?P<label>{'|'.join(_DATE_LABELS)})\b\s*:?\s*", re.IGNORECASE)


def opens_with_date_label(text: str) -> bool:
    """Whether ``text`` opens with a stamp's label ("Updated", "Posted on", "Publié le")."""
    return _DATE_LABEL.match(text) is not None


# A year run into the next word, as a second date glued to the first leaves it ("2024September"),
# or into the time or label after it, as a dump runs two spans together ("Nov 19 20197:05 AM EST",
# "Nov. 20, 2019Updated: ...", "7:05 AM ESTUpdated ...").
# (Each alternative consumes what it follows, from its first character on: a look-behind would
# be tried at every position of every line asked.)
_GLUED_YEAR_OR_TIME = re.compile(r"(?<!\w)(\d{4}(?=[A-Za-z])|(?:19|20)\d\d(?=\d{1,2}:\d\d)"
                                 r"|[AP]M [A-Z]{2,3}(?=(?:Updated|Published|Posted|Modified)\b))")


def unglue_years(text: str) -> str:
    """``text`` with a space after each year run into a word or a clock time (see _GLUED_YEAR_OR_TIME)."""
    return _GLUED_YEAR_OR_TIME.sub(r"\1 ", text)
_CHUNK_END = re.compile(r"\s+[|•·]\s+|\s{3,}")
_NAMES_A_DAY = re.compile(
    r"\d{4}-\d{1,2}-\d{1,2}|" + CJK_DAY + r"|\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|"
    rf"(?:{MONTH_NAME.pattern}),?\s+\d{{1,2}}\b|\b\d{{1,2}}(?:st|nd|rd|th)?(?:\.?\s+|-)(?:of\s+|de\s+)?(?:{MONTH_NAME.pattern})",
    re.IGNORECASE)


# A label's value that is a time of day alone ("à 16h30", "at 2:30 p.m. EDT"), a zone perhaps after it.
_CLOCK_ALONE = re.compile(r"\s*(?:(?:at|à|às|a las|um|alle)\s+)?(?P<time>\d{1,2}(?:[:h.]\d{2})(?:\s*[ap]\.?m\.?)?"
                          r"(?:\s+[A-Z]{2,5}\b)?)\s*(?:uhr)?[\s,;|]*$", re.IGNORECASE)


def is_bare_label(text: str) -> bool:
    """Whether ``text`` is a date label alone ("Updated", "Published:"): its date was markup the
    body extractor left out."""
    return len(text) < 30 and _DATE_LABEL.fullmatch(text) is not None


#: The longest line that can end with a label awaiting its date (see ends_with_bare_label).
_LABEL_LINE_CHARS = 60


def ends_with_bare_label(text: str) -> bool:
    """Whether ``text`` ends with a date label whose date is on the next line: the label alone
    ("Last Updated :"), or, capitalised as a label is, run into what stood before it by a renderer
    that joins inline text ("2 min read Last Updated :"; not "The council updated")."""
    if is_bare_label(text):
        return True
    if len(text) >= _LABEL_LINE_CHARS:
        return False
    last = None
    for last in _DATE_LABEL.finditer(text):
        pass
    return last is not None and last.end() == len(text) and last["label"][:1].isupper()


def labelled_dates(text: str) -> dict[str, str]:
    """Find "Published:"/"Updated:" style stamps in a line; returns {"published"|"updated": iso}.

    The value is what follows a label up to the next label or separator, in whatever order the
    page writes date and time.
    """
    found: dict[str, str] = {}
    text = unglue_years(text)
    labels = list(_DATE_LABEL.finditer(text))
    dayfirst = True if any(not _ENGLISH_DATE_LABEL.fullmatch(m.group("label").lower()) for m in labels) else None
    # A date before the first label is the publication's: "Mon 18 Nov 2019 18.54 GMT Last
    # modified on Mon 18 Nov 2019 18.56 GMT", "Nov 18, 2019 @17:19 PM · Updated: ...".
    if labels and labels[0].start() > 0:
        lead = text[: labels[0].start()].strip(" ,;|·•@")
        if len(lead) <= 60 and _NAMES_A_DAY.search(lead) and (parsed := parse_date(lead.replace("@", " "), dayfirst)):
            found["published"] = parsed
    for n, match in enumerate(labels):
        end = labels[n + 1].start() if n + 1 < len(labels) else len(text)
        chunk = text[match.end():end]
        # A separator ends the value unless the time follows it ("Mar 19 2025 | 8:03 PM IST").
        parts = _CHUNK_END.split(chunk)
        value = parts[0]
        if len(parts) > 1 and re.match(r"\s*\d{1,2}[:.]\d{2}", parts[1]):
            value += " " + parts[1]
        # "Date:" labels a stamp; "to date, ..." in a sentence does not. And a stamp's value
        # names a day ("Nov 18, 2019", "18/11/2019"), not just any number ("a model called TNG50").
        if match.group("label").lower() == "date" and ":" not in match.group(0):
            continue
        label = match.group("label").lower()
        # "Original" labels a stamp only capitalised and right before its date ("Original Nov.
        # 19, 2019"), not "original content, 19 November".
        if label == "original" and not (match.group("label")[0] == "O" and _NAMES_A_DAY.match(value.lstrip())):
            continue
        key = "updated" if any(stem in label for stem in _UPDATE_STEMS) else "published"
        if not (day := _NAMES_A_DAY.search(value[:40])):
            # An update stated as a time alone falls on the day of the publication the line has
            # just stated, by the same clock: "Publié le 12 juin 2026 à 14h05, mis à jour à 16h30".
            # (An earlier time than the publication's is the next day's, or a mistake.)
            if key == "updated" and "published" in found and (clock := _CLOCK_ALONE.match(value)) \
                    and (parsed := parse_date(f"{found['published'][:10]} {clock['time']}")):
                parsed = parsed + found["published"][19:] if len(parsed) == 19 else parsed
                if parsed[:19] >= found["published"][:19]:
                    found.setdefault(key, parsed)
            continue
        # Two dates after one label are the first version's and the latest's: a WordPress theme
        # prints both <time>s, hides one with its style sheet, and a text dump shows them run
        # together ("Posted on September 14, 2024September 16, 2024 by ...", unglued above). The
        # first counts.
        if second := _NAMES_A_DAY.search(value, day.end()):
            value = value[: second.start()]
        parsed = parse_date(value[:60].strip(" ,;|"), dayfirst)
        if not parsed:
            continue
        found.setdefault(key, parsed)
    return found
