"""Output formats (wiretrace.formats): ninjs items that keep to the standard, text a person reads."""

from __future__ import annotations

from wiretrace.formats import to_ninjs, to_text
from wiretrace.record import Article, Image

BODY = ["ROTTERDAM (Reuters) - Dock workers ended a three-day strike on Friday.", "Ships had waited at anchor."]


def test_ninjs_dates_are_date_times_with_their_offset_or_absent():
    """ninjs dates are RFC 3339 date-times: a bare date, or a time whose zone the page never gave,
    has no place there (and no offset is made up for it)."""
    zoned = to_ninjs(Article(source="a.html", input_kind="html", published="2026-03-20T08:03:00+05:30", updated="2026-03-20"))
    assert zoned["firstcreated"] == zoned["contentcreated"] == zoned["versioncreated"] == "2026-03-20T08:03:00+05:30"
    for published in ("2026-03-20", "2026-03-20T08:03:00"):
        item = to_ninjs(Article(source="a.html", input_kind="html", published=published))
        assert not {"firstcreated", "contentcreated", "versioncreated"} & item.keys()


def test_ninjs_uris_are_absolute_uris():
    item = to_ninjs(Article(source="a.html", input_kind="html", url="https://пример.рф/новости/port strike?q=я", images=[
        Image("/img/dock.jpg", "Dockers at work.", "Ann Lee"), Image("javascript:void(0)")]))
    assert item["uri"] == ("https://xn--e1afmkfd.xn--p1ai/%D0%BD%D0%BE%D0%B2%D0%BE%D1%81%D1%82%D0%B8/port%20strike"
                           "?q=%D1%8F")
    assert item["altids"] == [{"role": "url", "value": "https://пример.рф/новости/port strike?q=я"}]
    assert item["associations"] == [{"name": "image1", "type": "picture", "uri": "https://xn--e1afmkfd.xn--p1ai/img/dock.jpg",
                                     "descriptions": [{"role": "caption", "value": "Dockers at work."}],
                                     "copyrightholder": "Ann Lee"}]
    # A page's URL that is no web address (a canonical link to "/news/x" read with no base) is no
    # ninjs uri: the item gets its own URN, and pictures with relative links have no address at all.
    relative = to_ninjs(Article(source="a.html", input_kind="html", url="/news/strike", images=[Image("/img/dock.jpg")]))
    assert relative["uri"].startswith("urn:wiretrace:") and "associations" not in relative


def test_text_shows_who_when_and_where_then_the_paragraphs_a_blank_line_apart():
    article = Article(source="strike.html", input_kind="html", url="https://harbourpost.example/strike", headline="Port strike ends",
                      dek="Ships can sail again", body=BODY, authors=["Anna Visser", "Tom Berg"],
                      publisher="Harbour Post", wire="Reuters", published="2026-03-20T08:03:00+01:00")
    assert to_text(article) == (
        "# strike.html\nPort strike ends\nShips can sail again\n"
        "By Anna Visser, Tom Berg | Harbour Post | Reuters | published 2026-03-20T08:03:00+01:00\n"
        "https://harbourpost.example/strike\n\n" + "\n\n".join(BODY) + "\n")
    assert to_text(Article(source="home.html", input_kind="html", publisher="Harbour Post", is_article=False)) == (
        "# home.html\nHarbour Post\n(not an article)\n")


def test_text_never_hands_a_terminal_the_control_characters_a_page_holds():
    article = Article(source="new\nline.html", input_kind="html", headline="Evil \x1b[2J headline", body=["Red \x1b[31mtext\x07 \x9b here."])
    text = to_text(article)
    assert text == "# new\ufffdline.html\nEvil \ufffd[2J headline\n\nRed \ufffd[31mtext\ufffd \ufffd here.\n"


def test_a_release_services_copy_is_a_press_release_in_ninjs():
    item = to_ninjs(Article(source="r.html", input_kind="html", headline="Acme opens plant", body=BODY,
                            publisher="Markets Daily", wire="PR Newswire", syndicated=True, section="Business"))
    assert {"name": "PR Newswire", "role": "distributor"} in item["infosources"]
    assert item["genres"] == [{"name": "Business"},
                              {"name": "Press release", "uri": "http://cv.iptc.org/newscodes/genre/PressRelease"}]
    agency = to_ninjs(Article(source="a.html", input_kind="html", body=BODY, wire="Reuters"))
    assert agency["infosources"] == [{"name": "Reuters", "role": "originating agency"}] and "genres" not in agency


def test_text_shows_a_fact_checks_verdict_and_a_correction_above_the_story():
    from wiretrace.record import ClaimReview

    article = Article(source="check.html", input_kind="html", headline="Are ferries free on Sundays?", body=BODY,
                      claim_reviews=[ClaimReview(claim="Ferries are free on Sundays.", rating="False", rated_by="Harbour Check")],
                      corrections=["Correction: An earlier version misnamed the operator."])
    assert to_text(article) == (
        "# check.html\nAre ferries free on Sundays?\n"
        "Fact-check: Ferries are free on Sundays. -> False (Harbour Check)\n"
        "Correction: An earlier version misnamed the operator.\n\n" + "\n\n".join(BODY) + "\n")
