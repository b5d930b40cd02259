import pytest

from wiretrace.extract.dates import in_page_zone, labelled_dates, parse_date


@pytest.mark.parametrize("text, expected", [
    ("Mar 19 2025 | 8:03 PM IST", "2025-03-19T20:03:00+05:30"),
    ("Nov 19, 2019, 10:31 pm CST", "2019-11-19T22:31:00-06:00"),
    ("2025-03-19T14:33:00Z", "2025-03-19T14:33:00+00:00"),
    ("2025-03-19T20:03:00+05:30", "2025-03-19T20:03:00+05:30"),
    ("2025-03-19", "2025-03-19"),
    ("19 January 2025 08:03 ET", "2025-01-19T08:03:00-05:00"),  # EST in winter
    ("19 July 2025 08:03 ET", "2025-07-19T08:03:00-04:00"),  # EDT in summer
    ("May 6, 2026 9:41 pm BST", "2026-05-06T21:41:00+01:00"),
    ("September 9, 2025 4:45 PM GMT+2", "2025-09-09T16:45:00+02:00"),  # a zone written as its offset
    ("Sep 9 2025 16:45 UTC+05:30", "2025-09-09T16:45:00+05:30"),
    ("9 Sep 2025 10:00 GMT-4", "2025-09-09T10:00:00-04:00"),
    # RFC 822, as feeds and HTTP headers write dates: the zone is a number alone.
    ("Tue, 18 Mar 2025 19:40:00 +0530", "2025-03-18T19:40:00+05:30"),
    ("Tue, 18 Mar 2025 19:40:00 -0700", "2025-03-18T19:40:00-07:00"),
])
def test_parse_date_keeps_the_pages_own_offset(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["", "no date here", "Topics: Putin, Trump", "x" * 200,
                                  "0001-01-01T00:00:00Z", "1900-01-01"])  # what a CMS writes for "unset"
def test_parse_date_rejects_non_dates(text):
    assert parse_date(text) is None


def test_labelled_dates_in_a_stamp_line():
    assert labelled_dates("2 min read Last Updated : Mar 19 2025 | 8:03 PM IST") == {
        "updated": "2025-03-19T20:03:00+05:30"}
    assert labelled_dates("First Published: Mar 19 2025 | 8:03 PM IST") == {
        "published": "2025-03-19T20:03:00+05:30"}
    stamps = labelled_dates("Published: May 6, 2026 at 9:41 pm IST | Updated: May 7, 2026")
    assert stamps == {"published": "2026-05-06T21:41:00+05:30", "updated": "2026-05-07"}


@pytest.mark.parametrize("line, updated", [
    ("Publié le 12 juin 2026 à 14h05, mis à jour à 16h30", "2026-06-12T16:30:00"),
    ("Published 9:00 AM EDT May 8, 2026 | Updated 2:30 PM", "2026-05-08T14:30:00-04:00"),  # by the same clock
    ("Published 11:50 PM EDT May 8, 2026 | Updated 1:10 AM", None),  # the next day's, or a slip
    ("Updated 2:30 PM", None),  # no day stated
])
def test_an_update_stated_as_a_time_alone_is_on_the_day_published(line, updated):
    assert labelled_dates(line).get("updated") == updated


def test_labelled_dates_need_a_stamp_not_a_sentence():
    # "to date" is no label, and a value must name a day: "TNG50" is no year 2050.
    assert labelled_dates("the most detailed model of the universe to date, a simulation they call TNG50") == {}
    assert labelled_dates("Published in 2019 by the council, the plan has 12 stages") == {}
    assert labelled_dates("Date: 19/11/2019") == {"published": "2019-11-19"}
    assert labelled_dates("Published 7:07 PM EST Nov 19, 2019") == {"published": "2019-11-19T19:07:00-05:00"}


@pytest.mark.parametrize("text, expected", [
    ("sexta-feira, 22 de outubro de 2010 às 20:13", "2010-10-22T20:13:00"),
    ("24 сентября 2018", "2018-09-24"),
    ("Maret 30, 2015", "2015-03-30"),
    ("le 3 mars 2019", "2019-03-03"),
    ("19. November 2019", "2019-11-19"),
    ("Mon 18 Nov 2019 18.54 GMT", "2019-11-18T18:54:00+00:00"),  # a time written with a dot
    ("19.11.2019", "2019-11-19"),  # ... which a dotted date is not
    ("2025年3月18日 19時40分", "2025-03-18T19:40:00"),  # Japanese and Chinese: year, month, day, hour, minute
    ("2025年3月18日 19:40", "2025-03-18T19:40:00"),
    ("2025年3月18日（火）午後7時40分 JST", "2025-03-18T19:40:00+09:00"),  # a weekday, "afternoon", a zone
    ("2025年3月18日 19時40分 （3月18日 21時02分更新） 佐藤 美咲", "2025-03-18T19:40:00"),  # a whole stamp line
    ("2025년 3월 18일 오후 7:40", "2025-03-18T19:40:00"),  # Korean
    ("2025年3月18日", "2025-03-18"),
])
def test_parse_date_reads_other_languages_and_dotted_times(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Actualizado: 10 jun 2026 - 13:45 CEST", {"updated": "2026-06-10T13:45:00+02:00"}),
    ("Aktualisiert am 10.06.2026, 15:10 Uhr", {"updated": "2026-06-10T15:10:00"}),
    ("Publié le 12 juin 2026 à 14h05, mis à jour le 12 juin 2026 à 16h40",
     {"published": "2026-06-12T14:05:00", "updated": "2026-06-12T16:40:00"}),
    ("Pubblicato il 3 marzo 2025", {"published": "2025-03-03"}),
    ("Publicado em 22 de outubro de 2010 às 20:13", {"published": "2010-10-22T20:13:00"}),
    ("Опубликовано 24 сентября 2018", {"published": "2018-09-24"}),
])
def test_labelled_dates_in_other_languages(text, expected):
    assert labelled_dates(text) == expected


def test_a_label_in_another_language_puts_the_day_first():
    assert labelled_dates("05/10/2018 - Publicado por: Clarissa Borba") == {"published": "2018-10-05"}
    assert labelled_dates("Published: 05/10/2018") == {"published": "2018-05-10"}


def test_a_date_before_the_first_label_is_the_publication_date():
    assert labelled_dates("Mon 18 Nov 2019 18.54 GMT Last modified on Mon 18 Nov 2019 18.56 GMT") == {
        "published": "2019-11-18T18:54:00+00:00", "updated": "2019-11-18T18:56:00+00:00"}
    assert labelled_dates("Nov 18, 2019 @17:19 PM · Updated: Nov 18, 2019 @17:26 PM") == {
        "published": "2019-11-18T17:19:00", "updated": "2019-11-18T17:26:00"}


def test_plain_stamps_are_read_as_dateutil_reads_them():
    # parse_date reads the commonest shapes without dateutil; what it reads must be dateutil's reading.
    from itertools import product

    from dateutil import parser

    from wiretrace.extract.dates import _DEFAULT, _plain_date, _zone

    days = ["Nov 19 2019", "19 November 2019", "Tue Nov. 19th 2019", "13.11.2019", "11/14/2019", "10.06.2026",
            "12/06/2026", "Feb 29 2019",
            "Nov 19", "Nov 45", "31 Apr 2020"]
    clocks = ["", "9:08", "12:30 AM", "12:05 pm EST", "17:26 PM", "8:03 a.m. GMT", "23:59:59 Z", "24:00", "9:61"]
    prefixes = ["", "Associated Press", "By Jane Roe -", "on", "Sun"]
    suffixes = ["", "by Jane Roe", "Eastern", "of", "AP"]
    read = 0
    for day, clock, prefix, suffix, dayfirst in product(days, clocks, prefixes, suffixes, (False, True)):
        for text in (f"{prefix} {day} {clock} {suffix}", f"{prefix} {clock} {day} {suffix}"):
            text = " ".join(text.split())
            plain = _plain_date(text, dayfirst)
            if plain is None:
                continue
            read += 1
            expected = parser.parse(text, default=_DEFAULT, tzinfos=_zone, fuzzy=True, dayfirst=dayfirst)
            assert (plain, plain.tzinfo) == (expected, expected.tzinfo), text
    assert read > 1000


@pytest.mark.parametrize("text, expected", [
    ("10.06.2026, 14:32 Uhr", "2026-06-10T14:32:00"),  # dotted: day first wherever written
    ("Issued on: 12/06/2026 - 14:05", "2026-06-12T14:05:00"),  # beside a 24-hour clock
    ("20/11/2019 01:38 PM IST", "2019-11-20T13:38:00+05:30"),  # unambiguous anyway
    ("05/11/2019 1:38 PM IST", "2019-11-05T13:38:00+05:30"),  # beside a zone outside North America
    ("05/11/2019 10:31 PM EST", "2019-05-11T22:31:00-05:00"),  # ... inside it: month first
    ("05/11/2019", "2019-05-11"),  # nothing to tell: month first, as dateutil reads it
])
def test_numeric_dates_put_the_day_first_where_the_page_does(text, expected):
    assert parse_date(text) == expected


def test_a_reading_time_on_the_stamp_line_is_no_part_of_the_date():
    assert parse_date("By Reuters | Jun 9, 2026, 05:32 GMT 3 min read") == "2026-06-09T05:32:00+00:00"
    assert labelled_dates("Last Updated : Jun 9 2026 | 8:03 PM IST 2 min read") == {"updated": "2026-06-09T20:03:00+05:30"}


@pytest.mark.parametrize("text", ["4 Things to Do in October", "o January (170)", "Does Marie Have $17 Million?",
                                  "May (2)", "May 56", "56 comments May"])
def test_texts_with_one_small_number_are_no_dates(text):
    from wiretrace.extract.dates import _yearless

    assert _yearless(text) and parse_date(text) is None


@pytest.mark.parametrize("text", ["Nov of 19", "May ’19", "(2019) May", "3 May 4"])
def test_other_numbers_still_go_to_dateutil(text):
    from wiretrace.extract.dates import _yearless

    assert not _yearless(text)


@pytest.mark.parametrize("text", [
    # a WordPress theme prints the first and the latest version's <time>; a dump runs them together
    "Posted on September 14, 2024September 16, 2024 by Hannah Whitcombe",
    "Posted on September 14, 2024 September 16, 2024",
])
def test_two_dates_after_one_label_give_the_first(text):
    assert labelled_dates(text) == {"published": "2024-09-14"}


def test_a_label_before_a_japanese_date_reads_it():
    assert labelled_dates("Published: 2025年3月18日 19:40") == {"published": "2025-03-18T19:40:00"}


def test_a_day_joined_to_its_month_by_a_hyphen_is_a_stamp():
    assert labelled_dates("Posted On: 12-Feb-2025 19:46 IST | By: Our Staff Reporter") == {
        "published": "2025-02-12T19:46:00+05:30"}


@pytest.mark.parametrize("text, expected", [
    # a dump runs the year into the time, and the zone into the next label
    ("Published Tue, Nov 19 20197:05 AM ESTUpdated Tue, Nov 19 20197:16 AM EST",
     {"published": "2019-11-19T07:05:00-05:00", "updated": "2019-11-19T07:16:00-05:00"}),
    # ... or the first date into the next label
    ("Nov. 20, 2019Updated: Nov. 20, 2019 1:35 a.m.", {"published": "2019-11-20", "updated": "2019-11-20T01:35:00"}),
])
def test_spans_a_dump_ran_together_still_give_their_dates(text, expected):
    assert labelled_dates(text) == expected


@pytest.mark.parametrize("text", ["Flight 2019 10:05 departs", "Order 12345:67 shipped", "In 1999BC the city fell"])
def test_ungluing_touches_only_years_run_into_a_time_or_a_word(text):
    from wiretrace.extract.dates import unglue_years

    assert unglue_years("Nov 19 20197:05 AM") == "Nov 19 2019 7:05 AM"
    assert unglue_years(text) == text.replace("1999BC", "1999 BC")


def test_a_time_in_four_digits_and_a_second_clock_in_brackets():
    # CNN's stamp: the time as four digits before its zone, the same moment on the local clock.
    assert labelled_dates("Updated 0339 GMT (1139 HKT) November 19, 2019") == {"updated": "2019-11-19T03:39:00+00:00"}
    assert parse_date("Nov 19 2025 1845 ET") == "2025-11-19T18:45:00-05:00"
    # A year before a zone stays a year.
    assert parse_date("November 19, 2019 2019 GMT") == "2019-11-19"


def test_the_age_shown_beside_a_stamp_is_no_part_of_it():
    assert parse_date("Nov 19, 2019 at 9:08 GMT1 day ago") == "2019-11-19T09:08:00+00:00"
    assert parse_date("Nov 19, 2019 at 9:08 GMT 3 hours ago") == "2019-11-19T09:08:00+00:00"
    assert parse_date("3 days ago") is None


def test_a_year_first_date_reads_year_month_day_where_days_go_first():
    # A label in a language that puts the day first says so of "05/10/2018", not of "2018/05/10".
    assert labelled_dates("Publicado em 05/10/2018") == {"published": "2018-10-05"}
    assert labelled_dates("Publicado em 2018/05/10 10:00") == {"published": "2018-05-10T10:00:00"}
    assert parse_date("2018/05/10", dayfirst=True) == "2018-05-10"


def test_an_original_stamp_is_the_first_version_s():
    assert labelled_dates("Updated Nov. 19, 2019 8:21 am ET / Original Nov. 19, 2019 8:02 am ET") == {
        "updated": "2019-11-19T08:21:00-05:00", "published": "2019-11-19T08:02:00-05:00"}
    assert labelled_dates("Original: 19 November 2019") == {"published": "2019-11-19"}
    assert labelled_dates("original content, 19 November 2019") == {}


def test_hindi_dates_and_labels():
    assert parse_date("19 मार्च 2025, 08:03 PM IST") == "2025-03-19T20:03:00+05:30"
    assert parse_date("5 जनवरी 2026") == "2026-01-05"  # a name ending in a vowel sign
    assert labelled_dates("प्रकाशित: 18 मार्च 2025 10:15 AM IST | अपडेटेड: 19 मार्च 2025, 08:03 PM IST") == {
        "published": "2025-03-18T10:15:00+05:30", "updated": "2025-03-19T20:03:00+05:30"}


@pytest.mark.parametrize("stamp, page_stamps, expected", [
    # The page's other stamp names the zone: the same clock.
    ("2019-11-18T16:07:00", ["2019-11-18T17:36:00-06:00"], "2019-11-18T16:07:00-06:00"),
    ("2019-11-20T23:38:00", ["2019-11-21T00:41:00+05:30"], "2019-11-20T23:38:00+05:30"),  # the next day
    # No zone to lend: none stated, two different ones, or only on a stamp days away (a clock
    # change may lie between).
    ("2019-11-18T16:07:00", ["2019-11-18T17:36:00"], "2019-11-18T16:07:00"),
    ("2019-11-18T16:07:00", ["2019-11-18T17:36:00-06:00", "2019-11-18T18:36:00-05:00"], "2019-11-18T16:07:00"),
    ("2019-11-18T16:07:00", ["2019-11-05T17:36:00-05:00"], "2019-11-18T16:07:00"),
    # A stamp with its own zone, or a date alone, is left as it is.
    ("2019-11-18T16:07:00+00:00", ["2019-11-18T17:36:00-06:00"], "2019-11-18T16:07:00+00:00"),
    ("2019-11-18", ["2019-11-18T17:36:00-06:00"], "2019-11-18"),
    (None, ["2019-11-18T17:36:00-06:00"], None),
])
def test_a_naive_stamp_takes_the_zone_its_page_states(stamp, page_stamps, expected):
    assert in_page_zone(stamp, page_stamps) == expected


@pytest.mark.parametrize("text, expected", [
    ("19 نوفمبر 2025 - 10:35 بتوقيت القاهرة", "2025-11-19T10:35:00+02:00"),  # the clock of a place
    ("19 نوفمبر 2025 10:35 بتوقيت مكة المكرمة", "2025-11-19T10:35:00+03:00"),
    ("19 تشرين الثاني 2025", "2025-11-19"),  # the Levant's month names
    ("3 أيار 2025 - 09:15 صباحا", "2025-05-03T09:15:00"),
    ("الأربعاء 19 نوفمبر 2025 7:40 م", "2025-11-19T19:40:00"),  # "م" after a clock: evening ...
    ("19 نوفمبر 2025م", "2025-11-19"),  # ... after a year: the Christian era
    ("١٩ نوفمبر ٢٠٢٥ ١٠:٣٥", "2025-11-19T10:35:00"),  # Arabic-Indic digits
    ("الأربعاء 28 جمادى الأولى 1447 هـ - 19 نوفمبر 2025 م", "2025-11-19"),  # beside the Islamic date
])
def test_arabic_dates(text, expected):
    assert parse_date(text) == expected


def test_arabic_date_labels():
    assert labelled_dates("نشر في: 18 نوفمبر 2025 - 22:10 | آخر تحديث: 19 نوفمبر 2025 - 10:35") == {
        "published": "2025-11-18T22:10:00", "updated": "2025-11-19T10:35:00"}
    assert labelled_dates("تاريخ النشر: 19/11/2025") == {"published": "2025-11-19"}


@pytest.mark.parametrize("text, expected", [
    ("19 Kasım 2025 10:35", "2025-11-19T10:35:00"),
    ("19 KASIM 2025", "2025-11-19"),  # (its capitals lower-case to "kasim", without the dotless i)
    ("NİSAN 5, 2024", "2024-04-05"),  # (and "İ" to "i" and a combining dot)
    ("1 Ağustos 2024", "2024-08-01"),
])
def test_turkish_dates(text, expected):
    assert parse_date(text) == expected


def test_turkish_date_labels():
    assert labelled_dates("Yayınlanma: 19 Kasım 2025 10:35 | Son Güncelleme: 19 Kasım 2025 12:10") == {
        "published": "2025-11-19T10:35:00", "updated": "2025-11-19T12:10:00"}


@pytest.mark.parametrize("text, expected", [
    ("19 listopada 2025 10:35", "2025-11-19T10:35:00"),  # Polish, the genitive
    ("3 września 2024", "2024-09-03"),
    ("19 листопада 2025, 10:35", "2025-11-19T10:35:00"),  # Ukrainian
])
def test_polish_and_ukrainian_dates(text, expected):
    assert parse_date(text) == expected


def test_polish_and_ukrainian_date_labels():
    assert labelled_dates("Opublikowano: 19 listopada 2025 10:35 | Aktualizacja: 19 listopada 2025 12:10") == {
        "published": "2025-11-19T10:35:00", "updated": "2025-11-19T12:10:00"}
    assert labelled_dates("Опубліковано: 19 листопада 2025, 10:35. Оновлено: 19 листопада 2025, 12:10") == {
        "published": "2025-11-19T10:35:00", "updated": "2025-11-19T12:10:00"}
