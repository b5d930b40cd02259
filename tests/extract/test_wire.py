import pytest

from wiretrace.extract import wire


@pytest.mark.parametrize("paragraph, agency", [
    ("MOSCOW (Reuters) - President Vladimir Putin wants ...", "Reuters"),
    ("WASHINGTON (AP) — The Senate voted on Tuesday ...", "AP"),
    ("New Delhi, Mar 19 (PTI) The government on Wednesday said ...", "PTI"),
    ("PARIS, May 6 (AFP) - French unions called ...", "AFP"),
    ("KYIV, Ukraine (AP) — Drones struck ...", "AP"),
    # the Spanish, Portuguese and Italian agencies' style: the month in small letters, ".-" after
    ("Madrid, 10 jun (EFE).- El Gobierno aprobó este martes ...", "EFE"),
    ("Roma, 10 giu (ANSA) - Il governo ha approvato ...", "ANSA"),
    ("São Paulo, 10 jun (Reuters) - O governo aprovou ...", "Reuters"),
    # a place's name with a small particle
    ("Santiago de Chile, 26 nov (EFE).- El regulador minero de Chile anunció ...", "EFE"),
    ("RIO DE JANEIRO (Reuters) - Brazil's central bank ...", "Reuters"),
    # a day and no place, as Reuters dates its business copy
    ("Nov 19 (Reuters) - Shares of Home Depot fell 5% on Tuesday ...", "Reuters"),
    ("Sept. 4 (AFP) - The central bank held rates ...", "AFP"),
    # the Hindi services' datelines, in Devanagari (Bhasha is PTI's Hindi service)
    ("नयी दिल्ली, 19 मार्च (भाषा) भारतीय रिज़र्व बैंक अगले महीने ...", "PTI"),
    ("मुंबई, 5 जून (आईएएनएस) शेयर बाजार में बुधवार को ...", "IANS"),
    # the Russian agencies' own, in Cyrillic
    ("МОСКВА, 7 мая. /ТАСС/. Министерство энергетики опровергло ...", "TASS"),
    ("САНКТ-ПЕТЕРБУРГ, 12 июня - РИА Новости. Губернатор заявил ...", "RIA Novosti"),
    ("Ростов-на-Дону, 3 марта. /ТАСС/. Власти области ...", "TASS"),
    ("Москва. 7 мая. INTERFAX.RU - Министерство энергетики ...", "Interfax"),
    ("МОСКВА, 7 мая (Рейтер) - Министерство энергетики ...", "Reuters"),
    # and the East Asian agencies'
    ("新华社北京5月6日电（记者张明）国家能源局6日表示 ...", "Xinhua"),
    ("(서울=연합뉴스) 김민수 기자 = 정부는 6일 ...", "Yonhap"),
    ("【ワシントン共同】米政府は6日 ...", "Kyodo"),
])
def test_dateline_credits(paragraph, agency):
    credit = wire.credit_from_paragraph(paragraph, "first")
    assert credit is not None and credit.agency == agency and credit.kind == "dateline"


@pytest.mark.parametrize("paragraph", [
    "The minister said, according to the Associated Press, that talks would resume.",
    "Reuters reported on Tuesday that the deal was close.",
    "(Photo: AP) A crowd gathers in the square.",
    "Chapter 19 (Reuters) said the fund would close.",
    "Министерство заявило ТАСС, что переговоры продолжатся.",  # told TASS: a mention
    "国家能源局6日对新华社表示，电力供应有保障。",  # told Xinhua: a mention
])
def test_mentions_are_not_credits(paragraph):
    assert wire.credit_from_paragraph(paragraph, "first") is None


def test_end_credits():
    assert wire.credit_from_paragraph("(Reporting by Jane Doe; Editing by John Roe)", "last").agency == "Reuters"
    assert wire.credit_from_paragraph("(With inputs from PTI)", "last").agency == "PTI"

@pytest.mark.parametrize("paragraph, agency", [
    # Reuters' sign-off bare, as on its own site, and one naming only additional reporters
    ("Reporting by Jane Doe in Port Elmar; Writing by Ann Lee; Editing by John Roe", "Reuters"),
    ("(Additional reporting by Ann Lee in Singapore; Editing by John Roe and Tom Hale.)", "Reuters"),
    # AP's naming the staff who helped
    ("Associated Press writer Jane Doe in Port Elmar contributed to this report.", "AP"),
    ("Associated Press writers Jane Doe and Ann Lee contributed.", "AP"),
    # a paper's own story that used agency material, and a newsroom's own habits: no agency's copy
    ("(With Reuters)", "Reuters"),
    ("kb/msh (AFP, dpa)", "AFP"),  # the editors' initials and the agencies, as Deutsche Welle closes
    ("and/or (see above)", None),
    ("— With AFP and AP", "AFP"),
    ("With that, the meeting ended.", None),
    ("The Associated Press contributed to this report.", None),
    ("Reporting by our staff. Editing is done in house.", None),
])
def test_an_agencys_sign_off_closing_the_story_credits_it(paragraph, agency):
    credit = wire.credit_from_paragraph(paragraph, "last")
    assert (credit.agency if credit else None) == agency


def test_initials_over_a_lower_case_word_are_no_credit():
    # "ap" is no agency's name (canonical_agency), so the line credits nothing, not an unnamed agency.
    assert wire.credit_line("km/h (ap)") is None


def test_byline_credit_and_aliases():
    assert wire.credit_from_byline("By Reuters Staff").agency == "Reuters"
    assert wire.credit_from_byline("Reuters").agency == "Reuters"
    assert wire.credit_from_byline("The Associated Press").agency == "AP"
    assert wire.credit_from_byline("Jane Doe") is None
    # The agency first among a line's parts, the evidence that part.
    credit = wire.credit_from_byline("Press Trust of India | New Delhi Updated On : November 26, 2026 21:14 IST")
    assert (credit.agency, credit.evidence) == ("PTI", "Press Trust of India")
    assert wire.credit_from_byline("Reuters Institute | Oxford") is None
    # ... or a part of its own between separators, after a section's name
    credit = wire.credit_from_byline("India News | Press Trust of India | Updated: May 07, 2026 9:41 pm IST")
    assert (credit.agency, credit.evidence) == ("PTI", "Press Trust of India")
    assert wire.credit_from_byline("World | Business | Reuters TV | Sports") is None
    assert wire.canonical_agency("ap") is None


def test_disclaimer_names_publisher_and_beats_other_evidence():
    text = ("(Only the headline and picture of this report may have been reworked by the Business Standard "
            "staff; the rest of the content is auto-generated from a syndicated feed.)")
    credit = wire.disclaimer(text)
    assert credit is not None and credit.evidence.startswith("Only the headline")
    assert wire.publisher_from_disclaimer(text) == "Business Standard"
    agency, syndicated, evidence = wire.decide([wire.WireCredit("Reuters", "Reuters", "byline"), credit],
                                               "Business Standard")
    assert (agency, syndicated) == ("Reuters", True)
    assert evidence == credit.evidence


def test_a_disclaimer_naming_the_feed_s_agency_credits_it():
    credit = wire.disclaimer("Disclaimer: content auto-generated from a syndicated Reuters feed.")
    assert credit is not None and (credit.agency, credit.kind) == ("Reuters", "disclaimer")


def test_agency_publishing_its_own_story_is_not_syndicated():
    credit = wire.credit_from_paragraph("LONDON (Reuters) - Shares fell.", "first")
    assert wire.decide([credit], "Reuters") == ("Reuters", False, credit.evidence)


def test_agency_from_url():
    assert wire.agency_from_url("https://www.reuters.com/world/x") == "Reuters"
    assert wire.agency_from_url("https://apnews.com/article/y") == "AP"
    assert wire.agency_from_url("https://example.com/z") is None


@pytest.mark.parametrize("notice, holder", [
    ("© 2026 The Associated Press. All rights reserved.", "The Associated Press"),
    ("© Northshore Evening News 2026", "Northshore Evening News"),
    # (without the company's legal form: the paper is named so)
    ("© 2026 Sentinel News & Media Limited or its affiliated companies.", "Sentinel News & Media"),
    ("(c) 2026 Coastal Herald Ltd", "Coastal Herald"),
    ("Copyright © 2019 The Printers (Mysore) Private Ltd.", "The Printers (Mysore)"),
    ("© Ediciones del Sur S.L. 2026", "Ediciones del Sur SL"),
    ("Copyright © 2019, Los Angeles Times | Terms of Service", "Los Angeles Times"),
    ("© 2019 by Cruz Bay Publishing, Inc., an Active Interest Media company", "Cruz Bay Publishing"),
    ("© 2000- MacRumors", "MacRumors"),
    ("Copyright 2011-2019", None),
    ("© 2025 Tomas Reyes · Privacy · Terms · Collection notice", "Tomas Reyes"),  # a footer's links follow
    ("© Le Courrier du Rhône 2025 - Tous droits réservés", "Le Courrier du Rhône"),
])
def test_copyright_holder_is_the_name_without_marks_years_or_legal_tails(notice, holder):
    assert wire.copyright_holder(notice) == holder


def test_an_agencys_service_holding_the_copyright_credits_the_agency():
    assert wire.credit_from_copyright("© dpa-infocom, dpa:260610-930-441872/2").agency == "dpa"


def test_a_dateline_under_a_short_notice_still_opens_the_story():
    body = ["Something’s different, right?",
            "SAN FRANCISCO (AP) — The utility began shutting off power on Wednesday to 375,000 people.",
            "A virtually rainless fall has left brush bone-dry, forecasters said."]
    k, credit = wire.opening_dateline(body)
    assert (k, credit.agency) == (1, "AP")
    assert [c.agency for c in wire.body_credits(body)] == ["AP"]
    # Not past a paragraph of prose: a dateline further down quotes another story.
    prose = " ".join(["The council met on Tuesday."] * 10)
    assert wire.opening_dateline([prose] + body[1:]) is None


def test_a_source_line_and_unnamed_agencies_are_credits():
    assert wire.agency_line("Source: AFP") == "AFP"
    assert wire.agency_line("(Source: Reuters/AP)") == "Reuters"
    assert wire.agency_line("Source: the ministry of health") is None
    assert wire.agencies_credit("By Jane Doe and agencies").kind == "agencies"
    assert wire.agencies_credit("Staff and agencies") is not None
    assert wire.agencies_credit("By Jane Doe, travel agencies correspondent") is None
    assert wire.decide([wire.agencies_credit("Agencies")], "The Daily Clarion") == (None, True, "Agencies")


def test_a_hindi_services_name_credits_only_in_a_dateline_or_its_sign_off():
    # "भाषा" is also the Hindi word for "language": alone, as a menu or a byline, it credits no one.
    assert wire.credit_from_byline("भाषा") is None and wire.canonical_agency("भाषा") is None
    assert wire.credit_from_paragraph("भाषा के आधार पर राज्यों का गठन हुआ था।", "first") is None
    # The copy's sign-off, the service and its desk's names, closes the story and credits it.
    assert wire.credit_from_paragraph("भाषा अजय अजय", "last").agency == "PTI"
    assert wire.agency_line("भाषा अजय अजय") == "PTI"
    assert wire.agency_line("भाषा के आधार पर राज्यों का गठन हुआ था।") is None


def test_ptis_sign_off_with_its_desks_initials_credits_the_story():
    """PTI's English copy closes with the agency and the desk's initials in capitals."""
    assert wire.agency_line("PTI CUH WYG") == "PTI" and wire.agency_line("PTI SKU RT") == "PTI"
    assert wire.credit_from_paragraph("PTI CUH WYG", "last").agency == "PTI"
    # Not a sentence that opens with the name, nor a picture's credit.
    assert wire.agency_line("PTI said the toll rose") is None
    assert wire.agency_line("PTI Photo") is None and wire.agency_line("PTI file photo") is None


@pytest.mark.parametrize("line, agency, kind", [
    ("(With inputs from PTI)", "PTI", "end_credit"),
    ("— With inputs from Reuters", "Reuters", "end_credit"),
    ("With PTI inputs", "PTI", "end_credit"),
    ("(With Reuters, AFP inputs)", "Reuters", "end_credit"),
    ("Inputs from IANS", "IANS", "end_credit"),
    # agencies credited unnamed: syndicated copy of no known wire
    ("With agency inputs", None, "agencies"),
    ("(With inputs from agencies)", None, "agencies"),
])
def test_a_line_crediting_agency_inputs(line, agency, kind):
    credit = wire.credit_line(line)
    assert (credit.agency, credit.kind) == (agency, kind)
    assert wire.credit_from_paragraph(line, "last") == credit


def test_inputs_in_prose_credit_no_one():
    assert wire.credit_line("The minister took inputs from PTI reporters on Monday and said so.") is None
    assert wire.credit_from_paragraph("Officials said they had sought inputs from agencies across the state.", "last") is None


@pytest.mark.parametrize("paragraph, service, evidence", [
    ("NEW YORK, Nov. 19, 2019 /PRNewswire/ -- Acme Robotics Inc. today announced ...", "PR Newswire",
     "NEW YORK, Nov. 19, 2019 /PRNewswire/ --"),
    ("WASHINGTON, Nov. 19, 2019 /PRNewswire-HISPANIC PR WIRE/ -- The group ...", "PR Newswire",
     "WASHINGTON, Nov. 19, 2019 /PRNewswire-HISPANIC PR WIRE/ --"),
    ("SAN FRANCISCO--(BUSINESS WIRE)--Acme Corp. (NYSE: ACME) today said ...", "Business Wire",
     "SAN FRANCISCO--(BUSINESS WIRE)--"),
    ("TORONTO, Nov. 19, 2019 (GLOBE NEWSWIRE) -- Acme Mining Ltd. reports ...", "GlobeNewswire",
     "TORONTO, Nov. 19, 2019 (GLOBE NEWSWIRE) --"),
    ("NEW YORK, NY / ACCESSWIRE / November 19, 2019 / Acme Corp. (OTC: ACME) today ...", "ACCESSWIRE",
     "NEW YORK, NY / ACCESSWIRE / November 19, 2019 /"),
    ("AUSTIN, Texas, Nov. 19, 2019 /EINPresswire.com/ -- Acme ...", "EIN Presswire",
     "AUSTIN, Texas, Nov. 19, 2019 /EINPresswire.com/ --"),
])
def test_a_release_services_dateline_credits_the_service(paragraph, service, evidence):
    credit = wire.credit_from_paragraph(paragraph, "first")
    assert (credit.agency, credit.evidence, credit.kind) == (service, evidence, "dateline")
    assert service in wire.RELEASE_SERVICES


@pytest.mark.parametrize("name, service", [
    ("Business Wire", "Business Wire"), ("By Business Wire", "Business Wire"), ("PRNewswire", "PR Newswire"),
    ("GLOBE NEWSWIRE", "GlobeNewswire"), ("Reuters Wire", "Reuters"), ("Business", None)])
def test_a_release_service_is_named_whole(name, service):
    # (" Wire" ends "Reuters Wire" as a desk's suffix, but is the service's own name in "Business Wire".)
    assert wire.canonical_agency(name) == service


@pytest.mark.parametrize("paragraph, day", [
    ("WASHINGTON, Nov. 19, 2019 (UPI) -- Senate leaders ...", "2019-11-19"),
    ("NEW YORK, Nov. 19, 2019 /PRNewswire/ -- Acme ...", "2019-11-19"),
    ("NEW YORK, NY / ACCESSWIRE / November 19, 2019 / Acme ...", "2019-11-19"),
    ("New Delhi, Mar 19 (PTI) The government ...", None),  # no year: which one is a guess
    ("MOSCOW (Reuters) - Russia said ...", None),
    ("Nov. 19, 2019 was a Tuesday.", None),  # no dateline
])
def test_a_datelines_day_with_its_year(paragraph, day):
    assert wire.dateline_day(paragraph) == day


@pytest.mark.parametrize("paragraph, agency, evidence", [
    # Arabic
    ("القاهرة (رويترز) - رفعت مصر أسعار البنزين ...", "Reuters", "القاهرة (رويترز) -"),
    ("بيروت (أ ف ب) - قال الجيش ...", "AFP", "بيروت (أ ف ب) -"),
    ("واشنطن - (أ ب) - قال مسؤولون ...", "AP", "واشنطن - (أ ب) -"),
    # Turkish, and places whose capital is past A-Z
    ("ANKARA (AA) - Dışişleri Bakanlığı açıklama yaptı ...", "Anadolu", "ANKARA (AA) -"),
    ("Ankara, 19 Kasım (AA) - Bakan ...", "Anadolu", "Ankara, 19 Kasım (AA) -"),
    ("İstanbul (DHA) - Kentte sağanak ...", "DHA", "İstanbul (DHA) -"),
    ("İZMİR (İHA) - Olay yerine ...", "İHA", "İZMİR (İHA) -"),
    ("ÉVRY (AFP) - Le maire ...", "AFP", "ÉVRY (AFP) -"),
    # Polish and Ukrainian
    ("WARSZAWA, 19 listopada (PAP) - Sejm przyjął ...", "PAP", "WARSZAWA, 19 listopada (PAP) -"),
    ("КИЇВ, 19 листопада. /Укрінформ/. Президент ...", "Ukrinform", "КИЇВ, 19 листопада. /Укрінформ/."),
    ("Київ, 19 листопада - УНІАН. Уряд ...", "UNIAN", "Київ, 19 листопада - УНІАН."),
])
def test_the_agencies_datelines_in_other_languages(paragraph, agency, evidence):
    credit = wire.credit_from_paragraph(paragraph, "first")
    assert (credit.agency, credit.evidence) == (agency, evidence)


def test_a_dateline_without_an_agency_and_an_agencys_letters_as_a_word_are_no_credit():
    assert wire.credit_from_paragraph("القاهرة - رفعت مصر أسعار البنزين", "first") is None  # no agency
    assert wire.canonical_agency("aa") is None  # the letters, not the agency
    assert wire.canonical_agency("pap") is None  # the word, not the agency
@pytest.mark.parametrize("line", ["SOURCE: News agencies", "Source: Al Jazeera and news agencies", "(Sources: agencies)"])
def test_a_source_line_naming_agencies_but_none_of_them(line):
    assert wire.credit_line(line) == wire.WireCredit(None, line, "agencies")  # syndicated, no agency named


def test_a_source_line_in_prose_or_a_releases_issuer_is_no_credit():
    assert wire.credit_line("Source: the agencies said the deal was near") is None
    assert wire.credit_line("SOURCE Acme Robotics Inc.") is None
