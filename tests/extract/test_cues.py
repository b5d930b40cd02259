import re

import pytest

from wiretrace.extract.cues import (
    DISCLAIMER,
    INLINE_PROMO_LEADS,
    PAYWALL,
    RELATED_HEADING,
    anywhere_category,
    glued_related_box,
    literal_alternation,
    opening_lookahead,
    split_inline_promo,
)


def test_opening_lookahead_changes_no_match_of_the_alternation() -> None:
    words = ("staff", "desk", "news", "published(?: on| at)?")
    fast = re.compile(rf"\b{opening_lookahead(words)}(?:{'|'.join(words)})\b", re.IGNORECASE)
    plain = re.compile(rf"\b(?:{'|'.join(words)})\b", re.IGNORECASE)
    text = "Staff desk, NEWS wire: Published on May 8; published at noon; stafford, 'desk'"
    assert fast.findall(text) == plain.findall(text) == ["Staff", "desk", "NEWS", "Published on", "published at", "desk"]


def test_opening_lookahead_escapes_what_is_special_in_a_class() -> None:
    lookahead = re.compile(opening_lookahead(("-a", "]b", "^c")))
    assert all(lookahead.match(ch) for ch in "-]^") and not lookahead.match("a")


@pytest.mark.parametrize("text", ["Page 1 of 3", "Pages: 1 2 3", "Page 2 of 5 »", "pages 1, 2, 3"])
def test_a_pager_is_navigation_wherever_it_sits(text: str) -> None:
    assert anywhere_category(text) == "navigation"


@pytest.mark.parametrize("text", ["Page 3 of the report says the plant closed in 2019.", "Page 1", "Pages"])
def test_a_sentence_about_a_page_is_no_pager(text: str) -> None:
    assert anywhere_category(text) is None


@pytest.mark.parametrize("text", ["Subscribe to continue reading.", "This article is reserved for subscribers.",
                                  "You have reached your free article limit.", "Already a subscriber? Sign in",
                                  "Il vous reste 60% de cet article à lire.", "Je m'abonne", "Ya soy suscriptor"])
def test_paywall_notices(text: str) -> None:
    assert PAYWALL.search(text)


@pytest.mark.parametrize("text", ["The streaming service added 9 million subscribers in the quarter.",
                                  "Members of the club continued reading the statement aloud."])
def test_sentences_about_subscribers_are_no_paywall(text: str) -> None:
    assert PAYWALL.search(text) is None


def test_opening_lookahead_reads_a_word_boundary_and_an_opening_group() -> None:
    words = (r"\b(?:can|may) be reached", r"\bcontributed", r"(?:this|the rest of this) story")
    assert opening_lookahead(words) == "(?=[cmt])"
    for unsure in (r"(?:this|that)? story", r"(?:a|(?:b|c))d", r"\d+ comments", "e?mail"):
        with pytest.raises(ValueError):
            opening_lookahead((unsure,))


@pytest.mark.parametrize("lead", ["LEIA TAMBÉM", "Leia também", "Leggi anche", "BACA JUGA", "À lire aussi",
                                  "Lesen Sie auch", "Читайте также", "Lee también"])
def test_an_inline_promo_in_another_language_is_split_off(lead: str) -> None:
    text = f"O governo anunciou o plano nesta terça-feira. {lead}: Prefeitura adia obras do metrô"
    assert split_inline_promo(text) == ("O governo anunciou o plano nesta terça-feira.", "Prefeitura adia obras do metrô")
    assert anywhere_category(f"{lead}: Prefeitura adia obras do metrô") == "promo"


@pytest.mark.parametrize("heading", ["Notícias relacionadas", "Artigos relacionados:", "LEIA TAMBÉM", "Articoli correlati",
                                     "Berita terkait", "Похожие статьи"])
def test_a_related_heading_in_another_language_is_one(heading: str) -> None:
    assert RELATED_HEADING.match(heading)


def test_a_promo_lead_in_sentence_case_is_split_off_too() -> None:
    text = "Four passengers were treated for smoke inhalation. Read more: Islanders demand new ferries"
    assert split_inline_promo(text) == ("Four passengers were treated for smoke inhalation.", "Islanders demand new ferries")
    assert split_inline_promo("You can read more about it in the report.")[1] is None


def test_prose_in_lower_case_after_a_foreign_lead_word_is_no_promo() -> None:
    text = "O ministro disse que vai leia também: o relatório completo sai amanhã."
    assert split_inline_promo(text) == (text, None)
    # Every lead is capitalised, or in a script without case (Hindi's "यह भी पढ़ें").
    assert all(lead[0].isupper() or lead[0].lower() == lead[0].upper() for lead in INLINE_PROMO_LEADS)


@pytest.mark.parametrize("text", ["MORE LOCAL NEWS: County fair returns after two dry summers",
                                  "Related coverage: Storm knocks out power to 40,000 homes",
                                  "More in Politics: Senate passes the farm bill"])
def test_a_related_heading_before_a_headline_is_a_promo(text: str) -> None:
    assert anywhere_category(text) == "promo"


def test_a_sentence_opening_with_in_case_you_missed_it_is_prose() -> None:
    assert anywhere_category("In case you missed it: the council voted on Tuesday to raise bus fares.") is None


def test_a_press_releases_profile_of_its_company():
    from wiretrace.extract.cues import company_profile

    profile = ["Harbourline is a global provider of port logistics software focused on container terminals.",
               "Harbourline is headquartered in Carrow (Westland), has subsidiaries in 12 countries and employs "
               "around 900 people. Its shares are listed on the Westland Stock Exchange."]
    story = ["The council voted on Tuesday to expand the tram network by twelve kilometres.",
             "Harbourline is based in Carrow and employs 900 people, a spokeswoman said."]
    assert [company_profile(profile, k) for k in range(2)] == [True, True]
    # A story's paragraph on where a company sits and its staff, after no definition of it, stays.
    assert [company_profile(story, k) for k in range(2)] == [False, False]
    # One paragraph that defines the company and states its facts is a profile alone.
    assert company_profile(["Harbourline is a leading maker of crane software, headquartered in Carrow."], 0)


def test_a_sign_up_boxs_small_print_and_a_sites_owner_line_sign_off():
    from wiretrace.extract.cues import signs_off_or_credits

    assert signs_off_or_credits("No spam, we promise. You can unsubscribe at any time and we'll never share your "
                                "details without your permission.")
    assert signs_off_or_credits("Carrow Courier is part of Westland Media Ltd, an international media group and "
                                "leading digital publisher. Visit our corporate site.")
    assert not signs_off_or_credits("The company said customers can unsubscribe at any time.")


@pytest.mark.parametrize("heading", ["Latest headlines", "TOP HEADLINES", "More headlines:"])
def test_a_headlines_heading_opens_a_related_list(heading: str) -> None:
    assert RELATED_HEADING.match(heading)
    assert not RELATED_HEADING.match("Headlines from the council meeting")


@pytest.mark.parametrize("line", ["Advertisement", "Story continues below advertisement", "Continue reading below",
                                  "Article continues after this ad", "SCROLL TO CONTINUE WITH CONTENT"])
def test_what_an_ad_slot_leaves_is_a_promo_wherever_it_sits(line: str) -> None:
    assert anywhere_category(line) == "promo"


def test_a_sentence_about_advertising_is_no_ad_slot() -> None:
    assert anywhere_category("Advertising revenue fell 12% in the third quarter, the company said.") is None
    assert anywhere_category("Continue reading the report, she told the committee.") is None


def test_a_newsrooms_call_for_stories_signs_off() -> None:
    from wiretrace.extract.cues import signs_off_or_credits

    assert signs_off_or_credits("Have a story? Email us at tips@meridian.example")
    assert not signs_off_or_credits("Have a story about your landlord? The tenants' union wants to hear it, she said.")


@pytest.mark.parametrize("line", ["READ: Full text of the indictment", "LISTEN: Our podcast on the storm",
                                  "PHOTOS: Storm damage along the coast", "SEE: How the storm moved"])
def test_a_capitalised_pointer_to_another_piece_is_a_promo(line: str) -> None:
    assert anywhere_category(line) == "promo"
    assert split_inline_promo(f"The council approved the budget. {line}")[0] == "The council approved the budget."


@pytest.mark.parametrize("heading", ["İlgili Haberler", "Ayrıca okuyun:", "Benzer haberler"])
def test_turkish_related_headings(heading):
    assert RELATED_HEADING.match(heading)


@pytest.mark.parametrize("heading", ["Czytaj też:", "Zobacz także", "Powiązane artykuły", "Читайте також", "Схожі новини"])
def test_polish_and_ukrainian_related_headings(heading):
    assert RELATED_HEADING.match(heading)


def test_literal_alternation_matches_what_the_plain_alternation_matches() -> None:
    words = ("mar", "marzo", "mars", "março", "mai", "maio", "agosto", "août", "kasim", "Ekim", "a.m.")
    grouped = re.compile(rf"\b(?:{literal_alternation(words)})(?!\w)", re.IGNORECASE)
    plain = re.compile(rf"\b(?:{'|'.join(map(re.escape, sorted(words, key=len, reverse=True)))})(?!\w)", re.IGNORECASE)
    text = "19 MARZO, 3 mars, 1 Março, mai, maio 2024, 5 Agosto, 7 août, Kasım, EKIM, marzipan, a.m. am"
    assert grouped.findall(text) == plain.findall(text) == ["MARZO", "mars", "Março", "mai", "maio", "Agosto", "août",
                                                            "Kasım", "EKIM", "a.m."]


@pytest.mark.parametrize("text, category", [
    ("Advert", "promo"), ("ADVERTISEMENT", "promo"), ("Advertisement - Continue Reading Below", "promo"),
    ("Sharing is caring!", "share"), ("Adverts for the new line run on every tram.", None),
    ("Print Article", "share"), ("Order Reprints", "share"), ("Printing presses ran all night.", None),
    ("Anzeige", "promo"), ("Publicité", "promo"), ("Реклама", "promo"), ("Werbung ist überall.", None),
])
def test_an_ad_label_or_a_share_bars_motto_is_boilerplate_wherever_it_sits(text: str, category: str | None) -> None:
    assert anywhere_category(text) == category


@pytest.mark.parametrize("agency", ["", "Agence France-Presse ", "The Associated Press ", "Press Trust of India "])
def test_a_note_that_the_copy_came_from_a_syndicated_feed_is_a_disclaimer(agency: str) -> None:
    """Sites that republish a feed often name its agency in the note ("... from a syndicated
    Agence France-Presse feed")."""
    assert DISCLAIMER.search(f"This article is auto-generated from a syndicated {agency}feed; "
                             "The Daily Clarion has not edited the text.")


def test_a_sentence_about_feeds_is_no_disclaimer() -> None:
    assert not DISCLAIMER.search("The agency said its syndicated news service would feed 40 papers.")


@pytest.mark.parametrize("line", ["Share this: Facebook Twitter WhatsApp Email Print", "Facebook Twitter WhatsApp Email",
                                  "Facebook | Twitter | Email", "Share: Facebook, X, Email"])
def test_a_share_bar_drawn_as_one_line_is_share(line: str) -> None:
    assert anywhere_category(line) == "share"


@pytest.mark.parametrize("line", ["Facebook and Twitter ban the ads.", "Email the mayor with your views",
                                  "Print editions fell by a third"])
def test_a_sentence_naming_share_services_is_no_share_bar(line: str) -> None:
    assert anywhere_category(line) is None


def test_a_related_box_run_into_one_line_with_its_heading_is_related() -> None:
    """A renderer that adds no break between elements runs a box's heading and headlines into
    one line; a link run into a paragraph, or a word in capitals, is none."""
    box = ("More headlinesRabbis vow to boycott council speech to pro-tram groupBakery rolls out "
           "layoffs in the northern districtRevealed: Here Are The Councillors The Mayor Wants Out")
    assert glued_related_box(box) and anywhere_category(box) == "related"
    assert glued_related_box("Most readCouncil’s shell-shocked look stirs mockeryTram fares rise againBridge opens")
    assert not glued_related_box("Read MoreUS stock futures were last trading slightly positive during Asian trading.")
    assert not glued_related_box("MOREHOUSE COLLEGE PRESIDENT SaID the Board Met On Tuesday")
    assert not glued_related_box("More than 200 people came to the meeting on Tuesday.")
