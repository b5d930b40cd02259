"""Text mode's metadata pass (wiretrace.extract.text) on small dumps written for these tests."""

from pathlib import Path

import pytest

from wiretrace.extract import ExtractConfig, extract_page
from wiretrace.record import Page

DUMP = """Home
World
Business
Harbour workers end strike after pay deal
By Mira Kessel
May 8, 2026 11:02 AM
Cranes stand idle at the container terminal in Port Elmar on Thursday, May 7, 2026. (AP Photo/Jon Tavi)
PORT ELMAR (AP) — Dock workers in Port Elmar voted on Friday to end a nine-day strike after the port authority offered a pay rise of 6% over two years, union leaders said.
The strike had left more than 40 ships waiting at anchor and delayed grain shipments to three neighbouring countries, according to the port authority.
"Nobody wanted this to go on for another week," union secretary Dana Orel told reporters outside the terminal.
Work is expected to resume on the night shift, and the port authority said it would take about ten days to clear the backlog.
Share this article
Copyright 2026 The Associated Press. All rights reserved.
"""


def test_a_caption_the_classifier_took_for_body_goes_to_images():
    article = extract_page(Page("dump.txt", DUMP), ExtractConfig(mode="text"))
    assert article.body[0].startswith("PORT ELMAR (AP)")
    assert [(i.caption, i.credit) for i in article.images] == [
        ("Cranes stand idle at the container terminal in Port Elmar on Thursday, May 7, 2026.", "AP Photo/Jon Tavi")]
    assert any(b.category == "caption" and "Cranes stand idle" in b.text for b in article.boilerplate)


GALLERY_DUMP = """Home
Britain
Party accused of misleading voters with rebranded account
By Jill Lawless
November 20, 2019 10:14 AM
LONDON (AP) — Britain's governing party was accused on Wednesday of trying to mislead voters by renaming its press office account during a televised debate between the two main candidates.
In this photo issued by ITV, the two candidates shake hands before their debate in Salford, England, Tuesday, Nov. 19, 2019. (ITV via AP)
FILE - In this Nov. 12, 2019, file photo, the party leader speaks at a campaign event in Bristol, England.
Image caption The party's chairman defended the account on morning television
2 of 4 A campaign worker hands out leaflets outside a polling station in Leeds on Tuesday.
Rebranded to resemble a neutral fact-checking service, the account posted a series of messages supporting its candidate while the debate was on air.
Organizations that seek to combat political misinformation said the move was an attempt to deceive voters, and the party's chairman defended it on morning television.
The election commission said it had no power to regulate the content of campaign messages on social media.
Share this article
Copyright 2019 The Associated Press. All rights reserved.
"""


def test_captions_by_their_credit_opener_or_gallery_counter_leave_the_body():
    article = extract_page(Page("gallery.txt", GALLERY_DUMP), ExtractConfig(mode="text"))
    assert article.body[0].startswith("LONDON (AP)")
    assert all("photo" not in p and "leaflets" not in p for p in article.body)
    assert [(i.caption[:24], i.credit) for i in article.images] == [
        ("In this photo issued by ", "ITV via AP"),
        ("FILE - In this Nov. 12, ", None),
        ("The party's chairman def", None),
        ("A campaign worker hands ", None),
    ]


STAMP_DUMP = """Home
India
Fact check: is a Delhi oxygen bar selling fresh air for Rs 300?
The startup behind the bar says its customers can breathe purified air for fifteen minutes at a time, in seven aromas.
New Delhi, City Desk | Updated : 19 November 2019, 09:01 AM
As the air quality in the national capital stayed in the severe category for a third day, an oxygen bar in a south Delhi mall said it was seeing more customers than ever before.
The bar consists of an oxygen concentrator that purifies the ambient air, its founders said, and each session costs between Rs 299 and Rs 499 depending on the aroma.
Doctors warned that the sessions offered no lasting benefit and that people with lung conditions should stay indoors on days when pollution peaks.
Share this article
"""


def test_a_labelled_stamp_under_the_dek_leaves_the_body_and_dates_the_record():
    article = extract_page(Page("stamp.txt", STAMP_DUMP), ExtractConfig(mode="text"))
    assert not any("Updated :" in p for p in article.body)
    assert article.body[-1].startswith("Doctors warned")
    assert article.updated == "2019-11-19T09:01:00"


def test_a_sentence_mentioning_an_update_stays_in_the_body():
    from wiretrace.extract.text import _is_stamp

    text = "The company updated its forecast on March 3, 2024, citing weaker demand."
    assert not _is_stamp(text, {"updated": "2024-03-03"})


SLIDES_DUMP = """Home
Science
NASA picks five companies to build moon landers
By Mike Wall
November 18, 2019 06:00 PM
NASA has added five companies to the pool of firms that may deliver cargo to the lunar surface, the agency announced on Monday, widening a program that is meant to prepare for crewed landings.
Image 1 of 3
An artist's concept of a commercial moon lander on the lunar surface.
Image 2 of 3
This illustration shows a concept lunar rover carried by one of the new landers.
The companies will compete for task orders worth up to $2.6 billion through 2028, NASA officials said, and the first of the new deliveries could fly in 2022.
The agency said the landers would carry science instruments and technology demonstrations ahead of the crewed missions it plans later in the decade.
Share this article
"""


def test_a_gallery_slide_counter_and_its_caption_leave_the_body():
    article = extract_page(Page("slides.txt", SLIDES_DUMP), ExtractConfig(mode="text"))
    assert [i.caption for i in article.images] == [
        "An artist's concept of a commercial moon lander on the lunar surface.",
        "This illustration shows a concept lunar rover carried by one of the new landers.",
    ]
    assert not any(p.startswith(("Image ", "An artist", "This illustration")) for p in article.body)
    assert article.body[-1].startswith("The agency said")



@pytest.mark.parametrize("drawn", [
    "{caption}\n{caption}\n(Image credit: {credit})",  # alt text, caption, credit: a line each
    "{caption} {caption} (Image credit: {credit})",  # all three run into one block
])
def test_a_slides_alt_text_and_credit_under_its_caption_leave_the_body_too(drawn):
    # How lynx, elinks and w3m draw a gallery whose pictures carry alt text and a credit line.
    slides = {"An artist's concept of a commercial moon lander on the lunar surface.": "Lunar Freight Corp.",
              "This illustration shows a concept lunar rover carried by one of the new landers.": "NASA"}
    dump = SLIDES_DUMP
    for caption, credit in slides.items():
        dump = dump.replace(caption, drawn.format(caption=caption, credit=credit))
    article = extract_page(Page("slides.txt", dump), ExtractConfig(mode="text"))
    assert [(i.caption, i.credit) for i in article.images] == [
        (caption, f"Image credit: {credit}") for caption, credit in slides.items()]
    assert not any(p.startswith(("Image ", "An artist", "This illustration", "(Image")) for p in article.body)
    assert article.body[-1].startswith("The agency said")

def test_a_pictures_alt_text_in_brackets_is_its_caption():
    dump = DUMP.replace(
        "The strike had left",
        "[A tug guides a container ship past the idle cranes of the terminal at dawn]\n"
        "[[Union members gather outside the port authority offices on the ninth day of the strike]](https://example.com/gallery?id=2)\n"
        "The strike had left")
    article = extract_page(Page("dump.txt", dump), ExtractConfig(mode="text"))
    assert not any("tug guides" in p or "Union members gather" in p for p in article.body)
    assert "A tug guides a container ship past the idle cranes of the terminal at dawn" in [i.caption for i in article.images]
    assert article.body[1].startswith("The strike had left")


def test_a_paragraph_about_a_photo_is_not_a_caption():
    from wiretrace.extract.text import _body_caption

    assert _body_caption("This photo of the minister, taken in 2019, was shared widely after the vote.") is None
    assert _body_caption("The agency named its new director on Monday (AP).") is None
    assert _body_caption("The company said profits rose by 4% in the third quarter (see chart)") is None


CREDIT_LINES_DUMP = """Home
Business
Streaming service fixes sign-up fault after record first week
By Dana Orel
November 19, 2019 08:00 AM
The streaming service said on Tuesday it had fixed a fault that locked thousands of new subscribers out of their accounts during its first week, when demand ran far above the company's forecasts.
The company's engineers isolated the problem within hours, its chief executive said.
Mira Kessel, the executive who oversees the streaming service
(Elmar Media Co.)
An undisclosed number of customers signed up for the free trial, and it is not yet clear how many of them have converted to paid plans, or how many will stay once the first bills arrive next month.
Analysts said the outage was unlikely to dent the service's growth, noting that rival platforms had suffered similar faults at launch.
The company's shares closed 2% higher after the announcement.
Reuters
Share this article
"""


def test_a_caption_over_a_credit_line_goes_to_images_and_an_agency_alone_ends_nothing():
    article = extract_page(Page("credits.txt", CREDIT_LINES_DUMP), ExtractConfig(mode="text"))
    assert [(i.caption, i.credit) for i in article.images] == [
        ("Mira Kessel, the executive who oversees the streaming service", "Elmar Media Co.")]
    assert not any(p.startswith(("Mira Kessel", "(Elmar")) for p in article.body)
    # "Reuters" alone under the last paragraph may credit an uncaptioned picture: the paragraph stays.
    assert article.body[-1] == "The company's shares closed 2% higher after the announcement."


def test_a_copyright_sign_opens_a_caption_but_not_a_notice():
    from wiretrace.extract.text import _credited_caption
    from wiretrace.extract.textsegment import Block

    caption = "© Lucy Nicholson Detainees at the immigration detention center in San Diego on May 18, 2018."
    assert _credited_caption(caption, [Block(caption, 0)], 0).caption.startswith("Lucy Nicholson Detainees")
    notice = "© 2019 The Associated Press. All rights reserved."
    assert _credited_caption(notice, [Block(notice, 0)], 0) is None


def test_a_caption_drawn_twice_over_its_credit_is_a_picture():
    """A credit line in any case, with a photographer's initials ("Photo: Ringo H.W. Chiu, AP"),
    under a caption the page draws twice (in the picture's box and again in its viewer)."""
    from wiretrace.extract.text import _credit_line, _credited_caption
    from wiretrace.extract.textsegment import Block

    for credit in ("Photo: Ringo H.W. Chiu, AP", "Photo by David Dyer-Bennet", "PHOTO: J. Doe"):
        assert _credit_line(credit), credit
    assert not _credit_line("Photo: The mayor said no. Then he left")
    caption = "Westbrook's Dana Orel dunks during the first half of the team's game against Port Elmar, Tuesday, Nov. 19, 2019"
    blocks = [Block(caption, 0), Block(caption, 1), Block("Photo: Ringo H.W. Chiu, AP", 2)]
    image = _credited_caption(caption, blocks, 0)
    assert (image.caption, image.credit) == (caption, "Photo: Ringo H.W. Chiu, AP")
    # A caption naming someone by an initial is still one sentence.
    caption = "Dana Orel and John M. Kessel in 2002."
    image = _credited_caption(caption, [Block(caption, 0), Block("Photo by David Dyer-Bennet", 1)], 0)
    assert (image.caption, image.credit) == (caption, "Photo by David Dyer-Bennet")


REUTERS_CLOSING_DUMP = """Home
Markets
Grain traders brace for record harvest as prices slide
By Dana Orel
November 19, 2019 08:00 AM
CHICAGO (Reuters) - Grain traders are bracing for a record soybean harvest this autumn, with futures prices falling to their lowest level in three years on Tuesday as the weather stayed dry across the Midwest.
Analysts said export demand from Asia had held up better than expected, but not enough to absorb the extra supply that farmers are expected to bring to market by the end of the month.
Storage costs have risen sharply, according to two elevator operators in Iowa, who said some farmers were already selling grain at a loss rather than holding it through the winter.
(Reporting by Dana Orel; Editing by Mira Kessel)
Dana Orel is a commodities correspondent for the Chicago bureau.
Share this article
"""


def test_closing_credits_and_bios_leave_the_body_but_still_name_the_wire():
    article = extract_page(Page("closing.txt", REUTERS_CLOSING_DUMP), ExtractConfig(mode="text"))
    assert article.body[-1].startswith("Storage costs have risen sharply")
    assert article.wire == "Reuters"
    assert any(b.text.startswith("(Reporting by") for b in article.boilerplate)


@pytest.mark.parametrize("line, tags", [
    ("Tags: port strike, Port Elmar, unions", ["port strike", "Port Elmar", "unions"]),
    ("tags #Port Elmar #Strikes #Unions", ["Port Elmar", "Strikes", "Unions"]),
])
def test_a_tags_line_under_the_story_fills_tags(line, tags):
    dump = DUMP.replace("Share this article\n", f"First Published on May 8, 2026 11:02 am\n{line}\n")
    article = extract_page(Page("tags.txt", dump), ExtractConfig(mode="text"))
    assert article.tags == tags
    assert any(b.category == "tags" and b.text == line for b in article.boilerplate)
    assert article.body[-1].startswith("Work is expected to resume")


def test_the_metadata_gates_change_no_record(monkeypatch):
    """The gates only skip rules that cannot match: with every gate open, every record is the same."""
    from wiretrace.commands.common import SAMPLES
    from wiretrace.extract.textfeatures import PageText
    from wiretrace.sources import read_page

    seed = Path(__file__).resolve().parents[3] / "shared" / "seed"  # used when present
    files = sorted(SAMPLES.rglob("*.txt")) + sorted(seed.glob("*.txt"))
    pages = [read_page(str(p)) for p in files] + [Page("dump.txt", DUMP)]
    config = ExtractConfig(mode="text")
    gated = [extract_page(p, config).to_dict() for p in pages]
    monkeypatch.setattr(PageText, "has", lambda self, needle: True)
    monkeypatch.setattr(PageText, "containing", lambda self, needles: None)
    assert [extract_page(p, config).to_dict() for p in pages] == gated


@pytest.mark.parametrize("line_break", ["\r\n", "\r"])
def test_a_dump_saved_with_other_line_breaks_gives_the_same_record(line_break):
    """Windows' "\\r\\n" and old Macs' "\\r" break lines as "\\n" does: a wrapped dump's paragraphs
    are joined and its lines classified the same (the readers hand text mode the bytes' text as is)."""
    from wiretrace.commands.common import SAMPLES

    config = ExtractConfig(mode="text")
    for path in sorted(SAMPLES.rglob("*.txt")):
        content = path.read_text(encoding="utf-8")
        expected = extract_page(Page(path.name, content), config).to_dict()
        assert extract_page(Page(path.name, content.replace("\n", line_break)), config).to_dict() == expected, path.name

def test_the_feature_pass_finds_the_words_the_gates_ask_about():
    """The ASCII words the metadata pass's gates ask PageText about are found by the feature
    pass (asked afterwards, each would cost a search of the whole page), where str.find finds them."""
    from wiretrace.extract import text, textblocks, textfeatures, textsegment
    from wiretrace.extract.dates import DATE_LABEL_WORDS

    asked = {word for word in (*text._DISCLAIMER_HINTS, *text._CAPTION_WORDS, *text._NEWSLETTER_WORDS, *DATE_LABEL_WORDS,
                               *text._CLAIM_LABEL_STEMS)
             if word.isascii() and len(word) >= 4}
    assert asked <= set(textfeatures._QUAD_WORDS)
    dump = DUMP + "Posted on May 8, 2026. Photo credit: Jon Tavi. Image: Port Authority. Newsletter: Enter your email\n"
    _labels, facts = textblocks.classify_page(textsegment.segment(dump))
    for word in asked:
        assert facts.seen[word] == textfeatures._find_all(facts.lower, word), word


def _holds_one_of(items, needles: tuple[str, ...]) -> bool:
    """Whether every match of the parsed regex ``items`` holds one of ``needles`` (lower-cased):
    a run of literal characters holds one, a group whose content does, an alternation each of
    whose branches does, or a repeat of at least once whose body does."""
    from re import _constants as c

    run = ""
    for op, av in items:
        if op is c.LITERAL:
            run += chr(av).lower()
            if any(n in run for n in needles):
                return True
            continue
        run = ""
        if op is c.SUBPATTERN and _holds_one_of(av[-1], needles):
            return True
        if op is c.BRANCH and all(_holds_one_of(branch, needles) for branch in av[1]):
            return True
        if op in (c.MAX_REPEAT, c.MIN_REPEAT) and av[0] >= 1 and _holds_one_of(av[2], needles):
            return True
    return False


def test_each_gate_word_list_covers_its_pattern():
    """A gate skips a test only where the block lacks every word of its list: each match of the
    gated pattern must hold one of them."""
    from re import _parser

    from wiretrace.extract import cues, text
    from wiretrace.extract.dates import _DATE_LABEL, DATE_LABEL_WORDS

    for pattern, words in [(_DATE_LABEL, DATE_LABEL_WORDS), (text._CAPTION_CREDIT, text._CAPTION_WORDS),
                           (text._PHOTO_CREDIT, text._CAPTION_WORDS), (cues.NEWSLETTER, text._NEWSLETTER_WORDS),
                           (text._FOLLOWING_STAMP, text._STAMP_WORDS)]:
        assert _holds_one_of(_parser.parse(pattern.pattern, pattern.flags).data, words), pattern.pattern
    # The trailing photo credit is tested only on blocks whose last non-space character is ")".
    from wiretrace.extract import captions

    assert captions._TRAILING_PHOTO_CREDIT.pattern.endswith(r"\)\s*$")


STAMPS_DUMP = """Home
Updated: 9 May 2026 08:15 BST
Harbour workers end strike after pay deal
By Mira Kessel | PUBLISHED: May 8, 2026 11:02 AM
Cranes stand idle at the container terminal in Port Elmar | Photo credit: Jon Tavi
Dock workers in Port Elmar voted on Friday to end a nine-day strike after the port authority offered a pay rise of 6% over two years, union leaders said.
The strike had left more than 40 ships waiting at anchor and delayed grain shipments to three neighbouring countries, according to the port authority.
"Nobody wanted this to go on for another week," union secretary Dana Orel told reporters outside the terminal.
Work is expected to resume on the night shift, and the port authority said it would take about ten days to clear the backlog.
Also read
Grain prices ease as ships leave anchor
Sign up for our Harbour newsletter today
"""


def test_the_metadata_gates_change_no_record_with_stamps_and_credits(monkeypatch):
    """The same with every gated rule firing: labelled stamps, a caption credit, a related list
    that a newsletter promo ends."""
    from wiretrace.extract.textfeatures import PageText

    config = ExtractConfig(mode="text")
    gated = extract_page(Page("stamps.txt", STAMPS_DUMP), config).to_dict()
    # (The publication time takes the zone the update states, a day later: the page's clock.)
    assert (gated["published"], gated["updated"]) == ("2026-05-08T11:02:00+01:00", "2026-05-09T08:15:00+01:00")
    assert gated["images"] == [{"url": None, "caption": "Cranes stand idle at the container terminal in Port Elmar",
                                "credit": "Jon Tavi"}]
    monkeypatch.setattr(PageText, "has", lambda self, needle: True)
    monkeypatch.setattr(PageText, "containing", lambda self, needles: None)
    assert extract_page(Page("stamps.txt", STAMPS_DUMP), config).to_dict() == gated


HEADLINE_DUMP = """Skip to content
Home
News
Politics
Business
Sport
Culture
Opinion
Facebook Twitter LinkedIn
Continue reading the main story
Regional news
Ferry service to the islands will resume in June, council says
Repairs to the pier at Carrow Point are nearly finished, and a new timetable doubles the summer crossings.
By Tomas Reyne
May 8, 2026
Facebook Twitter LinkedIn
Continue reading the main story
The council said on Friday that ferry service to the islands will resume in June, after repairs to the storm-damaged pier at Carrow Point ran two months late.
Island residents have relied on a weekly supply boat since the ferry stopped running in January, and shops on the larger island had begun to ration fuel.
“We promised the islanders a ferry by summer and we will keep that promise,” the council leader, Anna Morrow, told a meeting on Thursday evening.
The new timetable, published by the council, doubles the number of summer crossings and adds a late sailing on Fridays for commuters returning from the mainland.
Councillors said the repairs had cost 1.2 million, about a third more than planned, because of the delay.
More from Regional news
Bus lanes to open on the coast road
Harbour festival returns after two years
Library opening hours cut over winter
About us
Contact
Privacy policy
"""


def test_the_dates_under_a_related_lists_headlines_are_no_headlines_and_do_not_end_the_list():
    teasers = ["Bus lanes to open on the coast road", "20 May 2026", "Harbour festival returns after two years",
               "Wednesday, 13th May 2026", "Library opening hours cut over winter", "1 May 2026"]
    dump = HEADLINE_DUMP.replace("Bus lanes to open on the coast road\nHarbour festival returns after two years\n"
                                 "Library opening hours cut over winter", "\n".join(teasers))
    assert dump != HEADLINE_DUMP
    article = extract_page(Page("ferry.txt", dump), ExtractConfig(mode="text"))
    assert [r.headline for r in article.related] == teasers[::2]
    assert {b.category for b in article.boilerplate if b.text in teasers[1::2]} == {"timestamp"}
    assert article.published == "2026-05-08"



def test_a_link_address_under_a_related_heading_is_no_headline():
    dump = HEADLINE_DUMP.replace("Bus lanes to open on the coast road\n",
                                 "Bus lanes to open on the coast road\nhttps://carrow.example/news/2026/05/bus lanes coast road\n")
    assert dump != HEADLINE_DUMP
    article = extract_page(Page("ferry.txt", dump), ExtractConfig(mode="text"))
    assert [r.headline for r in article.related] == ["Bus lanes to open on the coast road", "Harbour festival returns after two years",
                                                     "Library opening hours cut over winter"]


def test_a_headline_may_end_on_an_initialisms_full_stop():
    headline = "Ferry service to the islands to resume in the U.K."
    dump = HEADLINE_DUMP.replace("Ferry service to the islands will resume in June, council says", headline)
    assert dump != HEADLINE_DUMP
    assert extract_page(Page("ferry.txt", dump), ExtractConfig(mode="text")).headline == headline


def test_the_headline_is_the_phrase_the_story_is_about_not_a_repeated_share_bar():
    article = extract_page(Page("ferry.txt", HEADLINE_DUMP), ExtractConfig(mode="text"))
    # The share bar and the call to read on repeat, the section name sits right above; the
    # headline is the phrase sharing the opening paragraphs' words, and the dek follows it.
    assert article.headline == "Ferry service to the islands will resume in June, council says"
    assert article.dek == ("Repairs to the pier at Carrow Point are nearly finished, and a new timetable doubles "
                           "the summer crossings.")
    assert article.body[0].startswith("The council said on Friday")


SHARE_PANEL_DUMP = """Home
News
Sport
Weather
Pop star wins the right to play her old songs at the awards show
19 November 2019
Share this with Facebook
Share this with Twitter
Share this with Email
Share
Share this with
These are external links and will open in a new window
Email
Share this with Email
Facebook
Share this with Facebook
Messenger
Share this with Messenger
Twitter
Share this with Twitter
Pinterest
Share this with Pinterest
WhatsApp
Share this with WhatsApp
LinkedIn
Share this with LinkedIn
Copy this link
https://news.example.com/entertainment-50470672
Read more about sharing.
These are external links and will open in a new window
Close share panel
Image copyright Example Images
A row between a pop star, her former record label and two politicians over her old songs looks like it is coming to an end.
The label said on Monday that it would let the star play her old songs at the awards show on Sunday, after she said it had blocked her from doing so.
The star had asked fans to tell the label's owners how they felt, and thousands wrote to them within a day.
Both sides said they hoped to settle the wider dispute over the rights to her first six albums before the end of the year.
Related Topics
Music
"""


def test_a_screen_reader_note_drawn_twice_in_a_share_panel_is_no_headline():
    # Blocks drawn twice above a story are share bars and screen-reader notes; the headline
    # shares the lede's words, however many share buttons stand between them.
    article = extract_page(Page("awards.txt", SHARE_PANEL_DUMP), ExtractConfig(mode="text"))
    assert article.headline == "Pop star wins the right to play her old songs at the awards show"
    assert article.body[0].startswith("A row between a pop star")


def test_a_headline_in_title_case_may_end_with_a_full_stop():
    dump = HEADLINE_DUMP.replace("Ferry service to the islands will resume in June, council says",
                                 "Ferry Service To The Islands Will Resume In June. Here Is The New Timetable.")
    article = extract_page(Page("ferry.txt", dump), ExtractConfig(mode="text"))
    assert article.headline == "Ferry Service To The Islands Will Resume In June. Here Is The New Timetable."


BYLINE_BODY = "\n".join([
    "The council said on Friday that ferry service to the islands will resume in June, after repairs to the "
    "storm-damaged pier at Carrow Point ran two months late.",
    "Island residents have relied on a weekly supply boat since the ferry stopped running in January, and shops "
    "on the larger island had begun to ration fuel.",
    "The new timetable doubles the number of summer crossings and adds a late sailing on Fridays for commuters "
    "returning from the mainland, the council said.",
])


@pytest.mark.parametrize("byline", [
    "By\nTomas Reyne\nMay 8, 2026 11:02 AM",  # "By" drawn on a line of its own
    "Friday May 8, 2026 11:02 am BST by Tomas Reyne",  # the stamp ends with the byline
    "Tomas Reyne, Staff Writer\nPublished 11:02 AM BST May 8, 2026",  # no "By", right above the stamp
    "Par Tomas Reyne\nMay 8, 2026 11:02 AM",  # "By" in another language
    "Par Tomas Reyne\nPartager\nMay 8, 2026 11:02 AM",  # ... and no stamp right under it
    "Tomas Reyne, Carrow Courier\nPublished 11:02 AM BST May 8, 2026",  # the publication signs too
])
def test_bylines_in_the_forms_dumps_draw_them(byline):
    dump = f"Home\nNews\nFerry service to the islands will resume in June\n{byline}\n{BYLINE_BODY}\n" \
           "© 2026 Carrow Courier · Privacy · Terms\n"
    article = extract_page(Page("ferry.txt", dump, "https://www.carrowcourier.example.com/news/ferry"),
                           ExtractConfig(mode="text"))
    assert article.authors == ["Tomas Reyne"]
    assert article.published.startswith("2026-05-08T11:02")
    assert article.publisher == "Carrow Courier"


@pytest.mark.parametrize("line", [
    "Reuters November 18, 2019 11:03 PM", "Updated 2 hours ago", "Tom Davies Associated Press",
    "Bruce Y. Lee Senior Contributor", "You are at:", "Facebook Twitter LinkedIn",
    "Updated Nov 19, 9:41 AM; Posted Nov 18, 8:19 PM",  # two labelled stamps, no year to read
    "[Dock workers leave the terminal at Port Elmar after the vote]",  # a picture's alt text
    "Carrow Courier Editorial Staff", "Link: RSD (EditURI)",  # a desk's credit; elinks' <link> list
])
def test_dates_bylines_and_labels_are_never_the_headline(line):
    from wiretrace.extract.text import _title_score
    from wiretrace.extract.textsegment import segment

    blocks = segment(f"Ferry service to the islands will resume in June\n{line}\n{BYLINE_BODY}")
    n = len(blocks)
    digit = [any(c.isdigit() for c in b.text) for b in blocks]
    lead = [True] * n
    scores = [_title_score(blocks, i, 2, digit, lead, [False] * n, lambda i: {}) for i in range(2)]
    assert scores[0] > 0 and scores[1] == 0


def test_a_dek_and_a_bare_date_line_the_run_swept_in_leave_the_body():
    """A renderer that draws the dek, the byline and the date line flush with the story lets the
    run sweep in the dek and the date line ("Nov. 19, 2019 8:03 am ET"): both leave the body."""
    dump = """Home
Tech
Trams, buses, bikes: so many ways to cross the city and pay for it
There are more ways to get across town than ever before. Here is how to work out which one suits your commute and your budget.
By Tomas Reyne
Nov. 19, 2019 8:03 am ET
Getting to work used to be simple. We bought a monthly pass, stood at the stop and waited for the tram, then did it all again the next morning.
Now we tap phones at the gate, rent bikes by the minute and share rides with strangers, and the fares change from one day to the next.
The city transport office says the number of tickets sold on phones doubled in a year, while paper passes fell by a third.
Share this article
"""
    article = extract_page(Page("dek.txt", dump), ExtractConfig(mode="text"))
    assert article.body[0].startswith("Getting to work")
    assert not any(p.startswith(("There are more", "Nov. 19")) for p in article.body)


# A lynx-style dump: the screen reader's "Image copyright" label on a line alone, or run into
# the "Image caption" label; a picture's alt text drawn above its credited caption.
LABELLED_PICTURES_DUMP = """Home
Music
Singer says label blocked her from performing her old songs
   A dispute between a pop singer and her former record label spilled into public view on Thursday, when she said she had been barred from performing her older songs at an awards show next month.
   Image Copyright @harbourlights @harbourlights
   The singer said the label's new owners had told her she could not use the recordings, which she does not own, in a televised performance or in a documentary about her career.
   Image copyright Getty Images Image caption The label's new owner has managed several other artists over the past decade
   The label said in a statement that it had never tried to stop her from performing and that it had offered to meet her team to settle the matter privately.
   Fans of the singer had the show's name trending worldwide within hours of her post, and several other musicians wrote in her support.
   The singer's fans gathered outside the label's offices on Thursday evening.
   The singer's fans gathered outside the label's offices on Thursday evening. (Photo Credit : Harbour Press File Photo )
   The awards show's producers said they hoped the two sides would reach an agreement before the ceremony.
   The singer has re-recorded two of her older albums so far, and says she will release the rest over the next two years.
Share this article
"""


def test_screen_reader_labels_and_a_captions_alt_text_twin_leave_the_body():
    article = extract_page(Page("pictures.txt", LABELLED_PICTURES_DUMP), ExtractConfig(mode="text"))
    assert article.body[0].startswith("A dispute between")
    assert not any("Image" in p or "gathered outside" in p for p in article.body)
    assert [(i.caption, i.credit) for i in article.images] == [
        (None, "@harbourlights @harbourlights"),
        ("The label's new owner has managed several other artists over the past decade", "Getty Images"),
        ("The singer's fans gathered outside the label's offices on Thursday evening.", "Photo Credit : Harbour Press File Photo"),
    ]
    assert sum(b.category == "caption" and "gathered outside" in b.text for b in article.boilerplate) == 2


# Alt text, credit and caption of one picture drawn on one line, as lynx and w3m draw a figure
# whose parts are inline.
ALT_CREDIT_DUMP = """Home
Health
Clinics brace for a late flu season as vaccine deliveries slip
   Health clinics across the region are preparing for a late and possibly severe flu season after deliveries of this year's vaccine slipped by several weeks, officials said on Monday.
   a nurse holding a syringe: A nurse prepares a flu shot at a community clinic in Port Elmar. © Dana Orel A nurse prepares a flu shot at a community clinic in Port Elmar.
   The regional health authority said about two thirds of the expected doses had arrived so far, and that the rest should reach pharmacies and clinics by the middle of next month.
   Doctors urged older people and those with chronic illnesses to get vaccinated as soon as doses became available at their local clinic.
   The authority said it would publish weekly figures on the number of doses delivered to each district until the shortfall was closed.
Share this article
"""


def test_alt_text_credit_and_caption_run_together_leave_the_body():
    article = extract_page(Page("alt.txt", ALT_CREDIT_DUMP), ExtractConfig(mode="text"))
    assert article.body[0].startswith("Health clinics across")
    assert len(article.body) == 4 and not any("©" in p for p in article.body)
    assert [(i.caption, i.credit) for i in article.images] == [
        ("A nurse prepares a flu shot at a community clinic in Port Elmar.", "Dana Orel")]


# A renderer that gives the screen reader's "Image caption" label a line of its own (markdownify)
# puts the caption on the next one.
LABEL_LINE_DUMP = """Home

News

Singer's label sold to investor group

The record label that owns the singer's first six albums has been sold to an investor group, the company said on Tuesday, ending months of speculation about its future.

The singer has said she was never given the chance to buy the recordings herself, and has accused the new owners of trying to stop her performing the songs on television.

Image copyright
Getty Images


Image caption

The label's new owner has managed several other artists over the past decade

The company said the sale would not change the way it works with its artists, and that it hoped to reach an agreement with the singer before the end of the year.

The singer's seventh album, released in August, is the only one whose recordings she owns, and she has said she plans to record the earlier albums again next year.

Share this article
"""


def test_a_caption_under_a_caption_label_on_its_own_line_leaves_the_body():
    article = extract_page(Page("label.txt", LABEL_LINE_DUMP), ExtractConfig(mode="text"))
    caption = "The label's new owner has managed several other artists over the past decade"
    assert caption in [i.caption for i in article.images]
    assert caption not in article.body
    assert article.body[-1].startswith("The singer's seventh album")


def test_a_screen_reader_s_labels_broken_at_every_element_read_as_one_picture():
    # BeautifulSoup's get_text("\n", strip=True): label, credit, label and caption a line each.
    lines = [line for line in LABEL_LINE_DUMP.splitlines() if line]
    article = extract_page(Page("label.txt", "\n".join(lines)), ExtractConfig(mode="text"))
    caption = "The label's new owner has managed several other artists over the past decade"
    assert [(i.caption, i.credit) for i in article.images] == [(caption, "Getty Images")]
    assert caption not in article.body and "Getty Images" not in article.body
    assert article.body[0].startswith("The record label that owns") and article.body[-1].startswith("The singer's seventh")
    assert len(article.body) == 4


# A caption drawn at the body's indent between two paragraphs, its credit closing it without
# parentheses, as lynx and chromium draw a figure.
BARE_CREDIT_DUMP = """Home
Space
Agency adds three companies to its lunar lander program
   The space agency said on Monday that it had added three companies to the program, which pays them to deliver instruments and experiments to the surface of the moon.
   Harbour Robotics plans to use its experience with small satellites for its small lunar landers. Credit: Harbour Robotics
   The three companies, chosen from seven that applied, join the nine already in the program and may now bid for the missions the agency plans over the next decade.
   The agency said it expected to award the first of those missions early next year, with a landing on the moon's south pole planned for the year after.
Share this article
"""


def test_a_caption_closed_by_a_bare_credit_leaves_the_body():
    article = extract_page(Page("credit.txt", BARE_CREDIT_DUMP), ExtractConfig(mode="text"))
    assert article.body[0].startswith("The space agency said")
    assert not any("Credit:" in p for p in article.body)
    assert len(article.body) == 3
    assert [(i.caption, i.credit) for i in article.images] == [
        ("Harbour Robotics plans to use its experience with small satellites for its small lunar landers.",
         "Harbour Robotics")]


# A Markdown dump (html2text's) of a wire story: the "# Heading" is the page's <h1>.
MARKDOWN_DUMP = """[Home](/) [Markets](/markets) [Economy](/economy) [Companies](/companies)
[Politics](/politics) [Portfolio](/portfolio)

[Home](/) / [Economy](/economy) / [News](/economy/news)

# Ports to add shore power at 12 berths by 2028

## The plan covers the three busiest container terminals and will be funded partly
by a green bond

Press Trust of India Mumbai

Last Updated : Mar 19 2026 | 8:03 PM IST 2 min read

Share WhatsApp X Facebook LinkedIn

![Container
ship](https://img.ledger.example/images/2026/03/19/ship.jpg)Representative image Photo: Shutterstock

Mumbai, Mar 19 (PTI) The shipping ministry will install shore power at 12 container
berths by March 2028, letting ships switch off their engines while in port, a senior
official said on Thursday.

The berths are at the three busiest container terminals, and the work will be funded
partly by a green bond to be issued this year, the official said.

Ships at berth burn fuel to run their generators, and port cities have long complained
about the fumes, the official added.

### More From This Section

[Grain prices ease as ships leave anchor](/economy/news/grain-prices-ease)
"""


def test_a_markdown_dumps_top_heading_is_the_headline():
    from wiretrace.extract.textsegment import markdown_title

    assert markdown_title(MARKDOWN_DUMP) == "Ports to add shore power at 12 berths by 2028"
    article = extract_page(Page("markdown.txt", MARKDOWN_DUMP), ExtractConfig(mode="text"))
    assert article.headline == "Ports to add shore power at 12 berths by 2028"
    assert article.body[0].startswith("Mumbai, Mar 19 (PTI)")


@pytest.mark.parametrize("dump", [
    "# Kabar Dunia\n\n# Second title\n\n[a](/a) [b](/b)\n",  # two top headings: no title
    "# Kabar Dunia\n\nplain text, no other Markdown\n",  # a lone "#" line in a plain dump
    "Text\n# [\n\n[a](/a)\n",  # a heading with no words
])
def test_markdown_title_needs_one_heading_with_words_in_a_markdown_dump(dump):
    from wiretrace.extract.textsegment import markdown_title

    assert markdown_title(dump) is None


ERROR_PAGE_DUMP = """68°F Cedar Falls
Subscribe
Log In
Cedar Valley Courier
News
Local
Sports
Oops! We couldn't find that page.
The story you were looking for may have been moved, renamed or removed from our archive. Articles older than 30 days may be available only to subscribers through our archive search.
Try searching our site instead, or head back to the home page to see the latest news from Cedar Falls and the rest of the valley.
Popular right now
Sterling slips against dollar after weak retail sales data
The pound fell 0.3% against the dollar on Tuesday after retail sales dropped for a second month, adding to bets on a rate cut.
Gilt yields fall to three-month low on rate-cut bets
Ten-year gilt yields fell to their lowest since March as traders priced in two rate cuts before the end of the year.
© 2026 Cedar Valley Courier
"""


def test_an_error_page_with_an_apology_and_teasers_is_no_article():
    article = extract_page(Page("404.txt", ERROR_PAGE_DUMP), ExtractConfig(mode="text"))
    assert article.is_article is False and article.body == []
    assert any("error page" in w for w in article.warnings)


@pytest.mark.parametrize("line", [
    "By Lucia Ferreira and Ben Okoye – Reporters, Gulf Coast Business Journal",
    "by Marisol Haney, Heartland Health Report | January 15, 2025",
    "Kayla Brennan • May 19, 2025 3:22 PM",
    "Posted on September 14, 2024September 16, 2024 by Hannah Whitcombe",
    "Chris Davies - Nov 19, 2019, 10:31 pm CST",
    "October 15, 2018 / 0 Comments / in Regional News / by admin",
    "Published Tue, Nov 19 20197:05 AM ESTUpdated Tue, Nov 19 20197:16 AM EST",
    # ... nor the caption of the picture under the headline
    "In this March 3, 2025, file photo, passengers queue for the last sailing at Carrow Point pier.",
    "Workers repair the landing stage at Carrow Point on Monday. Photograph by Ann Lee/Ledger Pictures",
])
def test_a_long_byline_or_stamp_under_the_headline_is_no_dek(line):
    dump = HEADLINE_DUMP.replace(
        "Repairs to the pier at Carrow Point are nearly finished, and a new timetable doubles the summer crossings.",
        line)
    article = extract_page(Page("ferry.txt", dump), ExtractConfig(mode="text"))
    assert article.headline == "Ferry service to the islands will resume in June, council says"
    assert article.dek is None


def test_a_dek_naming_a_date_is_still_the_dek():
    dek = "Crossings resume on June 2, and a new timetable doubles the number of summer sailings"
    dump = HEADLINE_DUMP.replace(
        "Repairs to the pier at Carrow Point are nearly finished, and a new timetable doubles the summer crossings.",
        dek)
    assert extract_page(Page("ferry.txt", dump), ExtractConfig(mode="text")).dek == dek


@pytest.mark.parametrize("line, dek", [
    # A short standfirst in sentence case is the dek ...
    ("Repairs to the pier are nearly finished", True),
    ("Council votes to reopen the pier", True),
    # ... a title-case kicker, a byline without "By" or a menu under the headline is not.
    ("Ferry Services Across The Islands", False),
    ("Jane Doe and John Roe, Staff Reporters", False),
    ("News | Local | Transport | Weather", False),
    ("Local news, traffic and weather:", False),
])
def test_a_short_dek_is_a_sentence_under_the_headline(line, dek):
    dump = HEADLINE_DUMP.replace(
        "Repairs to the pier at Carrow Point are nearly finished, and a new timetable doubles the summer crossings.",
        line)
    article = extract_page(Page("ferry.txt", dump), ExtractConfig(mode="text"))
    assert article.headline == "Ferry service to the islands will resume in June, council says"
    assert article.dek == (line if dek else None)


PORTUGUESE_CAPTION_DUMP = """Início
Notícias
Polícia
Polícia prende suspeitos de fraude em licitações de merenda escolar em três cidades
Por Redação Vale Diário
18/11/2025 09h40
Agentes cumprem mandados em uma das cidades investigadas — Foto: Polícia Civil/Divulgação
A Polícia Civil cumpriu nesta terça-feira mandados de prisão contra suspeitos de fraudar licitações de merenda escolar em três cidades do interior.
Segundo a investigação, empresas combinavam preços antes das concorrências e dividiam entre si os contratos de fornecimento de alimentos para as escolas.
O prejuízo aos cofres públicos é estimado em 4 milhões de reais, de acordo com o delegado responsável pelo caso.
As prefeituras informaram que colaboram com as investigações e que os contratos suspeitos foram suspensos.
Compartilhe
© 2025 Vale Diário
"""


def test_a_caption_credited_foto_is_no_headline():
    article = extract_page(Page("merenda.txt", PORTUGUESE_CAPTION_DUMP), ExtractConfig(mode="text"))
    assert article.headline == ("Polícia prende suspeitos de fraude em licitações de merenda escolar em três cidades")
    assert article.body[0].startswith("A Polícia Civil cumpriu")


MATCH_DUMP = """Westbrook Ledger
Sport
Football
Carrow United edge Westbrook Rovers to reach county cup final
Carrow United 2-1 Westbrook Rovers
Owen Price
Sat 9 May 2026 17:05 BST
Carrow United reached the county cup final for the first time in nine years after a late goal from substitute Luke Ferris settled a tense semi-final against Westbrook Rovers at Mill Lane on Saturday.
Rovers had taken the lead in the 23rd minute when captain Sam Doyle headed in a corner, but United levelled just after half-time through a low shot from winger Kai Bennett.
Ferris, on the pitch for only six minutes, turned in a cross from the right with four minutes left to send the home crowd into celebration.
United will play Harbour Town in the county cup final on May 23.
"""


def test_a_shorter_line_of_the_storys_facts_under_the_headline_is_no_headline():
    # (The score shares all its words with the lede, and sits nearer the body.)
    article = extract_page(Page("cup.txt", MATCH_DUMP), ExtractConfig(mode="text"))
    assert article.headline == "Carrow United edge Westbrook Rovers to reach county cup final"
    assert article.authors == ["Owen Price"]


@pytest.mark.parametrize("stamp", ["Atualizado há 2 horas", "Updated 2 hours ago"])
def test_a_time_since_publication_is_no_headline(stamp):
    # (It shares "horas" with the lede, and it sits nearer the body than the headline.)
    dump = PORTUGUESE_CAPTION_DUMP.replace("18/11/2025 09h40\n", f"18/11/2025 09h40\n{stamp}\n").replace(
        "três cidades do interior.", "três cidades do interior, em operação que durou 12 horas.")
    article = extract_page(Page("merenda.txt", dump), ExtractConfig(mode="text"))
    assert article.headline == "Polícia prende suspeitos de fraude em licitações de merenda escolar em três cidades"


@pytest.mark.parametrize("stamp, published", [
    ("2026-05-08", "2026-05-08"),  # an ISO date under the byline
    ("May 8, 2026 / 0 Comments / in Regional News", "2026-05-08"),  # a stamp line of several parts
    ("Fri, May 8 20269:15 AM BST", "2026-05-08T09:15:00+01:00"),  # the year run into the time
    ("By Tomas Reyne 2026-05-08T09:15:00Z Regional News", "2026-05-08T09:15:00+00:00"),  # an ISO time in the byline
    ("May May 8, 2026 9:15 AM", "2026-05-08T09:15:00"),  # a renderer's doubled abbreviation
    ("Published May 8, 2026 4:15\np.m. BST", "2026-05-08T16:15:00+01:00"),  # the time's end wrapped onto the next line
    ("Published May 8, 2026 4:15 p.m.\nBST", "2026-05-08T16:15:00+01:00"),  # ... or its zone alone
    ("Fri, 8 May 2026 16:15:00\n+0100 | Filed under: Regional News", "2026-05-08T16:15:00+01:00"),  # an offset, the bar going on
    ("The ferry festival is May 8-10", None),  # no year: no stamp
    ("Timetable (https://carrow.example/files/2026-04-28-ferry.pdf)\nMay 8, 2026", "2026-05-08"),  # a link's date
    ("The pier, April 30, 2026 (AP Photo/Jon Tavi)\nMay 8, 2026", "2026-05-08"),  # a caption's date
])
def test_an_unlabelled_stamp_under_the_headline_gives_the_publication_date(stamp, published):
    dump = HEADLINE_DUMP.replace("By Tomas Reyne\nMay 8, 2026", f"By Tomas Reyne\n{stamp}")
    assert dump != HEADLINE_DUMP
    assert extract_page(Page("ferry.txt", dump), ExtractConfig(mode="text")).published == published


def test_a_stamps_label_run_into_the_reading_time_on_the_line_above_labels_it():
    # (BeautifulSoup's get_text("\\n") joins the reading time and the label, both inline, and
    # breaks before the date.)
    dump = HEADLINE_DUMP.replace("By Tomas Reyne\nMay 8, 2026", "By Tomas Reyne\n2 min read Last Updated :\nMay 8, 2026 | 9:15 AM BST")
    assert dump != HEADLINE_DUMP
    article = extract_page(Page("ferry.txt", dump), ExtractConfig(mode="text"))
    assert article.updated == "2026-05-08T09:15:00+01:00" and article.reading_time_minutes == 2


def test_a_date_among_the_parts_of_a_byline_bar_is_a_stamp():
    from wiretrace.extract.text import _is_stamp

    assert _is_stamp("Reuters | Thu, 12 May 2016 14:21:11 +0200 | Filed under: Americas", {})
    assert not _is_stamp("Reuters | Markets | Filed under: Americas", {})
    assert not _is_stamp("Ferry fares | The council met on May 8, 2026 and voted them down.", {})
    assert not _is_stamp("| Filed under:", {}) and not _is_stamp("|", {})


def test_a_summary_over_a_stamp_left_out_of_the_body_is_the_dek_and_the_stamp_dates_the_story():
    """The masthead's day over the headline, then a summary the classifier took for body, the
    agency and the stamp (left out), share buttons, and the story: the summary is the dek, not
    the story's first paragraph, and the stamp under the headline gives the day's time."""
    from wiretrace.extract import textblocks, textsegment
    from wiretrace.extract.text import article_from_blocks

    summary = "Repairs to the pier at Carrow Point are nearly finished, and a new timetable doubles the summer crossings."
    story = ["The council said on Friday that ferry service to the islands will resume in June, after repairs to "
             "the storm-damaged pier at Carrow Point ran two months late.",
             "Island residents have relied on a weekly supply boat since the ferry stopped running in January, and "
             "shops on the larger island had begun to ration fuel."]
    lines = ["Wednesday, May 6, 2026 Subscribe Sign in", "Home", "Regional news",
             "Ferry service to the islands will resume in June, council says", summary, "Reuters",
             "Friday 8 May 2026 16.15 BST", "Facebook", "Twitter", *story]
    labels = ["other", "navigation", "navigation", "other", "body", "footer", "footer", "share", "share", "body", "body"]
    page = Page("ferry.txt", "\n".join(lines))
    blocks = textsegment.segment(page.content)
    assert [b.text for b in blocks] == lines
    facts = textblocks.classify_page(blocks)[1]
    article = article_from_blocks(page, blocks, labels, facts)
    assert article.body == story
    assert article.dek == summary
    assert article.published == "2026-05-08T16:15:00+01:00"


def test_a_stamp_under_its_label_drawn_on_a_line_of_its_own_is_labelled():
    """As BeautifulSoup's get_text("\\n") draws "<span>Last Updated :</span> <span>May 8 ...</span>"."""
    for label, published, updated in (("Last Updated :", None, "2026-05-08T16:15:00+01:00"),
                                      ("Published:", "2026-05-08T16:15:00+01:00", None)):
        dump = HEADLINE_DUMP.replace("By Tomas Reyne\nMay 8, 2026", f"By Tomas Reyne\n{label}\nMay 8, 2026 | 4:15 PM BST")
        article = extract_page(Page("ferry.txt", dump), ExtractConfig(mode="text"))
        assert (article.published, article.updated) == (published, updated), label


def test_a_bare_midnight_makes_no_day_more_precise():
    from wiretrace.extract.text import _most_precise

    assert _most_precise(["2019-11-18", "2019-11-18T00:00:00"]) == "2019-11-18"
    assert _most_precise(["2019-11-18", "2019-11-18T09:15:00+01:00"]) == "2019-11-18T09:15:00+01:00"


def test_a_dateline_over_opening_lines_too_short_for_the_body_names_the_wire():
    """A story that opens with a run of short lines ("CARROW POINT (Reuters) - Ferries and
    buses.", "Piers and quays.") still carries its dateline between the headline and the body."""
    dump = HEADLINE_DUMP.replace("May 8, 2026\n", "May 8, 2026\nCARROW POINT (Reuters) - Ferries and buses.\n"
                                 "Piers and quays.\nTolls and fares.\n")
    article = extract_page(Page("ferry.txt", dump), ExtractConfig(mode="text"))
    assert article.wire == "Reuters"
    assert not any("(Reuters)" in paragraph for paragraph in article.body)


def test_a_caption_of_a_file_photo_is_no_headline():
    for caption in ("The pier at Carrow Point in a file photo. AP", "File photo of the pier at Carrow Point. Reuters",
                    "File photo of the pier at Carrow Point. The Carrow Herald photo"):
        dump = HEADLINE_DUMP.replace("Continue reading the main story\nThe council said",
                                     f"Continue reading the main story\n{caption}\nThe council said")
        article = extract_page(Page("ferry.txt", dump), ExtractConfig(mode="text"))
        assert article.headline == "Ferry service to the islands will resume in June, council says", caption


@pytest.mark.parametrize("above, stamp, published", [
    ("Sunday, May 10, 2026\nToday's Paper", "May 8, 2026 4:15 PM BST", "2026-05-08T16:15:00+01:00"),  # the masthead's day
    ("Most Read\nHarbour toll rises\nMay 2, 2026\nPier reopens to anglers\nApril 30, 2026",
     "May 8, 2026 4:15 PM BST", "2026-05-08T16:15:00+01:00"),  # teasers' stamps over the headline
    ("Latest\nHarbour toll rises\nMay 2, 2026\nPier reopens to anglers\nApril 30, 2026", "2 hours ago", None),
    ("May 8, 2026", "By the newsroom", "2026-05-08"),  # the story's own stamp set over its headline
])
def test_stamps_above_the_headline_are_the_pages_or_teasers_not_the_storys(above, stamp, published):
    dump = HEADLINE_DUMP.replace("Opinion\n", f"Opinion\n{above}\n").replace("By Tomas Reyne\nMay 8, 2026", stamp)
    assert extract_page(Page("ferry.txt", dump), ExtractConfig(mode="text")).published == published


@pytest.mark.parametrize("lines, authors", [
    ("Tomas Reyne - May 8, 2026, 10:31 am BST", ["Tomas Reyne"]),  # the stamp on the name's line
    ("Tomas Reyne\n1 day ago", ["Tomas Reyne"]),  # over the time since publication
    ("Tomas Reyne\nUpdated 2 hours ago", ["Tomas Reyne"]),  # ... after its label
    ("May 8, 2026 10:31 am BST\nTomas Reyne@tomasreyne", ["Tomas Reyne"]),  # under the stamp, with a handle
    ("May 8, 2026 10:31 am BST\nOrder Reprints", []),  # ... without one, a button's label
    ("Carrow Point, May 8, 2026", []),  # a place before a comma is the dateline's
])
def test_a_name_next_to_the_stamp_is_the_byline(lines, authors):
    dump = HEADLINE_DUMP.replace("By Tomas Reyne\nMay 8, 2026", lines)
    assert dump != HEADLINE_DUMP
    assert extract_page(Page("ferry.txt", dump), ExtractConfig(mode="text")).authors == authors


@pytest.mark.parametrize("lines, agency", [
    ("Associated Press May 8, 2026, 9:02 AM", "AP"),  # the agency alone before the stamp
    ("Reuters, Carrow Point,\nMay 8, 2026 11:06am BST", "Reuters"),  # ... before the dateline's place
    ("Tomas Reyne Associated Press\nPublished 11:34 AM BST May 8, 2026", "AP"),  # ... after the writer's name
    ("Tomas Reyne, AP\nMay 8, 2026", None),  # a name, a comma and an agency: as often a photo credit
    ("Tomas Reyne, AP Transport Writer\nMay 8, 2026", "AP"),  # ... unless a job title follows the agency
])
def test_an_agency_credited_between_the_headline_and_the_story_is_the_wire(lines, agency):
    dump = HEADLINE_DUMP.replace("By Tomas Reyne\nMay 8, 2026", lines)
    assert dump != HEADLINE_DUMP
    assert extract_page(Page("ferry.txt", dump), ExtractConfig(mode="text")).wire == agency


JAPANESE_DUMP = """東海日報デジタル
ニュース
地域
地方鉄道、存続へ上下分離方式を導入　県と沿線5市町が合意
2025年3月18日 19時40分 佐藤 美咲
ポスト シェア LINEで送る
山あいを走る1両編成の列車＝2月、本社ヘリから
経営難が続く山間部のローカル線について、県と沿線5市町は18日、線路や駅などの施設を自治体が保有し、鉄道会社は運行に専念する「上下分離方式」を2027年度から導入することで合意した。施設の維持管理費として、県と市町が年間約9億円を負担する。
同線は全長約62キロ。利用者は1990年代のピーク時から7割以上減り、2023年度の赤字は約14億円に上った。運行する第三セクターの鉄道会社は昨年、自治体の支援がなければ数年以内に運行の継続が困難になるとの見通しを示していた。
県庁で開かれた協議会の会合後、知事は「地域の暮らしと観光を支える大切な足を次の世代に残す」と述べた。沿線の市長の一人は「負担は重いが、廃線になれば高校生の通学手段がなくなる」と話した。
会社概要
プライバシーポリシー
"""


def test_a_japanese_headline_is_found_and_its_body_is_no_short_one():
    article = extract_page(Page("rail.txt", JAPANESE_DUMP), ExtractConfig(mode="text"))
    # Written without spaces, the headline is two "words" and the body a dozen: counted in
    # characters, they are a headline and a story of some 170 words.
    assert article.headline == "地方鉄道、存続へ上下分離方式を導入　県と沿線5市町が合意"
    assert any(paragraph.startswith("経営難が続く") for paragraph in article.body)
    assert not any("short body" in warning for warning in article.warnings)
    assert article.published == "2025-03-18T19:40:00"  # the stamp under the headline


FRENCH_DUMP = """Avec votre accord, nos partenaires et nous utilisons des cookies pour mesurer l'audience de ce site.
Accepter & FermerContinuer sans accepter
Le Journal des Alpes
Actualité
Sport
Accueil > Société > Transports
Le téléphérique d'Annecy ouvrira finalement au printemps
Par Élise Marchand
Publié le 4 mars 2025 à 08h15
« Sans ces essais, nous n'aurions jamais pu transporter un seul passager », explique le directeur du chantier, qui reconnaît trois mois de retard.
Les cabines, livrées en décembre, ont dû être renvoyées chez le fabricant après un défaut détecté sur les freins lors des premiers tests à vide.
La métropole assure que le budget de 62 millions d'euros ne sera pas dépassé et que les abonnements vendus cet hiver resteront valables.
© Le Journal des Alpes 2025 - Tous droits réservés
"""


def test_a_cookie_banner_sharing_a_function_word_with_the_lede_is_no_headline():
    article = extract_page(Page("annecy.txt", FRENCH_DUMP), ExtractConfig(mode="text"))
    assert article.headline == "Le téléphérique d'Annecy ouvrira finalement au printemps"
    assert article.breadcrumb == ["Accueil", "Société", "Transports"]  # a trail opening with "Home" in French
    assert article.section == "Transports"


@pytest.mark.parametrize("menu", [
    "Home | State | National | Business | Sports | E-Paper  Wednesday, February 12, 2025",
    "Home | State | National | Business | Sports | E-Paper Wednesday,\nFebruary 12, 2025",  # broken by the renderer
])
def test_a_menu_bar_with_the_days_date_is_no_breadcrumb(menu):
    dump = HEADLINE_DUMP.replace("Home\nNews\n", f"{menu}\n")
    assert menu in dump
    article = extract_page(Page("ferry.txt", dump), ExtractConfig(mode="text"))
    assert article.headline == "Ferry service to the islands will resume in June, council says"
    assert article.breadcrumb == [] and article.section is None


@pytest.mark.parametrize("trail, crumbs", [
    ("* Home\n* News\n* Regional news", ["Home", "News", "Regional news"]),  # inscriptis, lynx, w3m: bullets
    ("1. Home\n2. News\n3. Regional news", ["Home", "News", "Regional news"]),  # an ordered list
    ("1. HOME >\n2. Regional news >", ["HOME", "Regional news"]),  # the separators the page drew
    # ... the page itself as the last crumb, whole or cut short, is no crumb
    ("* Home\n* Regional news\n* Ferry service to the islands will resume in June, council says",
     ["Home", "Regional news"]),
    ("* Home\n* Regional news\n* Ferry service to the islands will resume...", ["Home", "Regional news"]),
    # A menu: no "Home" in the run, or more entries past it than a trail has.
    ("* Politics\n* Business\n* Regional news", []),
    ("* Home\n* News\n* Politics\n* Business\n* Sport\n* Regional news", []),
    # Plain lines, as a browser's innerText draws a list: a shorter trail, of shorter crumbs.
    ("Home\nNews\nRegional news", ["Home", "News", "Regional news"]),
    ("Home\n›\nRegional news ›", ["Home", "Regional news"]),  # a separator on a line of its own
    ("Home\nRegional news\nRegional news 08.05.26", ["Home", "Regional news"]),  # the page's own, dated
    ("Home\nNews\nPolitics\nBusiness\nRegional news", []),  # a menu bar
])
def test_a_trail_drawn_as_list_items_above_the_headline_is_the_breadcrumb(trail, crumbs):
    dump = HEADLINE_DUMP.replace("Regional news\nFerry", f"{trail}\nFerry")
    assert trail in dump
    article = extract_page(Page("ferry.txt", dump), ExtractConfig(mode="text"))
    assert article.headline == "Ferry service to the islands will resume in June, council says"
    assert article.breadcrumb == crumbs
    assert article.section == (crumbs[-1] if crumbs else None)


def test_a_time_without_its_zone_takes_the_one_the_page_states_for_another():
    stamp = "Published Nov 18, 2019 at 4:07 PM | Updated at 5:36 PM CST on Nov 18, 2019"
    dump = HEADLINE_DUMP.replace("May 8, 2026\n", f"{stamp}\n")
    assert stamp in dump
    article = extract_page(Page("ferry.txt", dump), ExtractConfig(mode="text"))
    assert article.published == "2019-11-18T16:07:00-06:00"
    assert article.updated == "2019-11-18T17:36:00-06:00"


RELEASE_DUMP = """Markets Daily
Home
Business
Acme Robotics opens plant in Ohio, adding 400 jobs
New plant to employ 400 people by the end of next year
NEW YORK, Nov. 19, 2019 /PRNewswire/ -- Acme Robotics Inc. (NASDAQ: ACME) today announced the opening of a new manufacturing plant in Dayton, Ohio, which will employ 400 people by the end of next year.
"Dayton gives us the workforce and the logistics we need," said Jane Roe, chief executive of Acme Robotics.
The plant will build warehouse robots for customers in North America and Europe, the company said in a statement.
About Acme Robotics
Acme Robotics is a leading developer of autonomous warehouse systems, headquartered in Dayton, Ohio. For more information, visit www.acme.example.
SOURCE Acme Robotics Inc.
"""


def test_a_release_a_site_ran_off_a_release_service_is_that_services_copy():
    article = extract_page(Page("release.txt", RELEASE_DUMP), ExtractConfig(mode="text"))
    assert (article.wire, article.syndicated) == ("PR Newswire", True)
    assert article.syndication_evidence == "NEW YORK, Nov. 19, 2019 /PRNewswire/ --"
    assert article.published == "2019-11-19"  # the dateline's day: the dump states no other
    # (A release's subhead stays above its dateline: a news agency's dateline opens its story.)
    assert article.body[0] == "New plant to employ 400 people by the end of next year"
    # The issuer's profile under its heading, and the service's "SOURCE ..." line, close the
    # release, not the story it tells.
    assert article.body[-1].endswith("the company said in a statement.")
    assert {"About Acme Robotics", "SOURCE Acme Robotics Inc."} <= {b.text for b in article.boilerplate}


ARABIC_DUMP = """الرئيسية
أخبار
اقتصاد
تسجيل الدخول
مصر ترفع أسعار الوقود للمرة الثانية هذا العام
آخر تحديث: 19 نوفمبر 2025 - 10:35 بتوقيت القاهرة
القاهرة (رويترز) - رفعت مصر أسعار البنزين والسولار بنسبة تصل إلى 13 بالمئة يوم الأربعاء، في ثاني زيادة هذا العام، وفقا لبيان صادر عن وزارة البترول.
وقالت الوزارة إن لجنة التسعير قررت تثبيت الأسعار الجديدة لمدة ستة أشهر على الأقل، مشيرة إلى ارتفاع تكلفة الاستيراد.
هل تؤثر الزيادة على أسعار النقل العام؟
ولم يتسن لرويترز الحصول على تعليق فوري من وزارة المالية بشأن أثر القرار على عجز الموازنة.
اقرأ أيضا:
الذهب يتراجع مع صعود الدولار
البنك المركزي يبقي أسعار الفائدة دون تغيير
شارك
جميع الحقوق محفوظة © 2025
"""


def test_an_arabic_wire_story():
    article = extract_page(Page("fuel.txt", ARABIC_DUMP), ExtractConfig(mode="text"))
    assert article.headline == "مصر ترفع أسعار الوقود للمرة الثانية هذا العام"
    assert (article.wire, article.syndication_evidence) == ("Reuters", "القاهرة (رويترز) -")
    assert article.updated == "2025-11-19T10:35:00+02:00"  # "last updated ... Cairo time"
    assert article.body[0].startswith("القاهرة (رويترز)") and article.body[-1].startswith("ولم يتسن")
    assert len(article.body) == 4  # the question is a paragraph; the stamp and the "read also" list are not
    assert [r.headline for r in article.related] == ["الذهب يتراجع مع صعود الدولار", "البنك المركزي يبقي أسعار الفائدة دون تغيير"]


TURKISH_DUMP = """Ana Sayfa
Gündem
Ekonomi
Spor
Ana Sayfa
Ekonomi
Merkez Bankası faizi sabit tuttu
Yayınlanma: 19 Kasım 2025 14:05 | Son Güncelleme: 19 Kasım 2025 15:20
ANKARA (AA) - Türkiye Cumhuriyet Merkez Bankası, politika faizini yüzde 39,5 seviyesinde sabit tuttu ve enflasyondaki düşüşün süreceğini öngördüğünü açıkladı.
Banka, Para Politikası Kurulu toplantısının ardından yaptığı açıklamada, sıkı para politikası duruşunun enflasyon hedefine ulaşılana kadar korunacağını belirtti.
Ekonomistler kararın beklentilerle uyumlu olduğunu, ancak yılın son toplantısında bir indirim yapılabileceğini söyledi.
İlgili Haberler
Dolar güne yükselişle başladı
Borsa İstanbul rekor kırdı
Paylaş
Tüm hakları saklıdır © 2025
"""


def test_a_turkish_agency_story():
    article = extract_page(Page("faiz.txt", TURKISH_DUMP), ExtractConfig(mode="text"))
    assert article.headline == "Merkez Bankası faizi sabit tuttu"
    assert (article.wire, article.syndication_evidence) == ("Anadolu", "ANKARA (AA) -")
    assert (article.published, article.updated) == ("2025-11-19T14:05:00", "2025-11-19T15:20:00")
    assert (article.breadcrumb, article.section) == (["Ana Sayfa", "Ekonomi"], "Ekonomi")
    assert len(article.body) == 3 and article.body[0].startswith("ANKARA (AA) -")
    assert [r.headline for r in article.related] == ["Dolar güne yükselişle başladı", "Borsa İstanbul rekor kırdı"]


def test_a_summary_over_a_dateline_on_a_line_of_its_own_is_the_standfirst():
    dump = HEADLINE_DUMP.replace(
        "Repairs to the pier at Carrow Point are nearly finished, and a new timetable doubles the summer crossings.\n"
        "By Tomas Reyne\nMay 8, 2026\nFacebook Twitter LinkedIn\nContinue reading the main story\n",
        "May 8, 2026\nThe council and Isles Ferries agree a new timetable that doubles the summer crossings to the islands.\n"
        "CARROW POINT, WESTERN ISLES\n")
    assert "CARROW POINT, WESTERN ISLES\nThe council said" in dump
    article = extract_page(Page("ferry.txt", dump), ExtractConfig(mode="text"))
    assert article.dek == "The council and Isles Ferries agree a new timetable that doubles the summer crossings to the islands."
    # (The dateline stays with the story, as the page draws it.)
    assert article.body[0] == "CARROW POINT, WESTERN ISLES" and article.body[1].startswith("The council said on Friday")


@pytest.mark.parametrize("box", [
    "Claim\nFerries to the islands are free on Sundays.\nRating\nFalse",  # Snopes' box: each label on a line
    "CLAIM: Ferries to the islands are free on Sundays.\nOUR RATING: False",
    "Claim: Ferries to the islands are free on Sundays.\nWhat we found\nThe fares are the same every day.\nVerdict: False",
    "Afirmación\nFerries to the islands are free on Sundays.\nCalificación\nFalse",  # (a Spanish fact-checker's labels)
])
def test_a_fact_checks_box_in_a_dump_is_its_claim_review(box):
    dump = HEADLINE_DUMP.replace("Regional news\n", f"Regional news\n{box}\n", 1)
    article = extract_page(Page("ferry.txt", dump), ExtractConfig(mode="text"))
    assert [(r.claim, r.rating) for r in article.claim_reviews] == [("Ferries to the islands are free on Sundays.", "False")]


def test_a_claim_in_prose_is_no_claim_review():
    dump = HEADLINE_DUMP.replace("Councillors said the repairs had cost", "Claim: the repairs had cost", 1)
    assert "Claim: the repairs" in dump
    assert extract_page(Page("ferry.txt", dump), ExtractConfig(mode="text")).claim_reviews == []


def test_a_caption_drawn_twice_around_a_slide_counter_is_said_once():
    """lynx draws a gallery picture's alt text, then its counter run into the caption ("1of4"),
    and a narrow dump's wrapping joins the two into one block: one caption."""
    from wiretrace.extract.text import _body_caption, _said_once

    caption = ("A shopper looks at extension cords at the hardware store in Westbrook on Tuesday, in "
               "preparation for the planned power shutdown. (Jon Tavi/The Ledger via AP)")
    assert _said_once(f"{caption} 1of4{caption}") == caption
    assert _said_once(f"{caption} 2 of 4 {caption}") == caption
    assert _body_caption(f"{caption} 1of4{caption}").credit == "Jon Tavi/The Ledger via AP"
    assert _said_once(f"{caption} {caption}") == caption


TEASER_OVER_HEADLINE_DUMP = """Home
Latest
Council Plans New Tram Depot, Work Expected to Start in Spring Budget Talks
Westbrook Tram Network to Grow by Twelve Kilometres in First Half of 2026
Monday November 18, 2025 7:45 am PST by Jane Roe
Following the new depot, the council plans to extend the tram network by twelve kilometres in the first half of 2026, according to planning papers seen by the Ledger.
The extension would add nine stops and link the harbour with the university campus, the papers show.
Work is expected to start in the spring, once the council has approved the budget for the depot.
"""


def test_the_line_on_the_date_stamp_is_the_headline_not_a_teaser_above_it():
    """A teaser above the headline that shares the lede as fully (a renderer drew two teasers as
    one block) does not take the headline from the line right on the story's stamp."""
    article = extract_page(Page("teaser.txt", TEASER_OVER_HEADLINE_DUMP), ExtractConfig(mode="text"))
    assert article.headline == "Westbrook Tram Network to Grow by Twelve Kilometres in First Half of 2026"
    assert article.body[0].startswith("Following the new depot")


PRESS_RELEASE_DUMP = """PR Newsdesk
News provided by
Harrowgate Robotics
Jun 03, 2025, 08:00 ET
Harrowgate Robotics Raises $30 Million to Expand Its Warehouse Picking Platform
Round led by Millpond Ventures will fund a European office and a gripper
Share this article
BOSTON, June 3, 2025 /PRNewswire/ -- Harrowgate Robotics, which makes robotic picking systems for warehouses, today announced a $30 million funding round led by Millpond Ventures.
Harrowgate will use the funding to open a European office in Rotterdam and bring its new gripper to market next year, the company said.
"Warehouses have waited a decade for robots that pick any item," said chief executive Dana Orel.
"""


def test_a_press_releases_headline_is_not_its_subtitle():
    article = extract_page(Page("release.txt", PRESS_RELEASE_DUMP), ExtractConfig(mode="text"))
    assert article.headline == "Harrowgate Robotics Raises $30 Million to Expand Its Warehouse Picking Platform"
    assert article.dek == "Round led by Millpond Ventures will fund a European office and a gripper"


def test_a_paywall_notice_under_the_opening_leaves_the_body_and_warns() -> None:
    dump = DUMP.replace("Share this article\n", "Il vous reste 60% de cet article à lire. La suite est réservée aux "
                        "abonnés.\nJe m'abonne - 1€ le premier mois\nDéjà abonné ? Se connecter\n")
    article = extract_page(Page("dump.txt", dump), ExtractConfig(mode="text"))
    assert article.body[-1].startswith("Work is expected to resume")
    assert article.warnings == ["a paywall: the page shows only the opening of the story"]
    assert extract_page(Page("dump.txt", DUMP), ExtractConfig(mode="text")).warnings == []


FRONT_DUMP = """Harbourline Markets
Markets | Commodities | Companies | Economy
Markets
FTSE 100 closes at record high as miners and banks rally
London's blue-chip index rose 0.4% to close above 8,400 points for the first time, led by mining shares.
By Helen Marsh · Jun 9, 2026, 17:05 BST
Sterling slips against dollar after weak retail sales data
The pound fell 0.3% to $1.2710 after figures showed retail sales volumes dropped unexpectedly in May.
Jun 9, 2026, 15:40 BST
Gilt yields fall to three-month low on rate-cut bets
Ten-year gilt yields fell eight basis points as traders added to bets on a rate cut in August.
Jun 9, 2026, 14:12 BST
European shares edge higher, luxury stocks lag
The pan-European index rose 0.2%, but luxury goods makers fell after a profit warning from a fashion house.
Jun 9, 2026, 12:30 BST
Oil falls as producers signal more supply from August
Brent crude futures fell 0.7% after delegates said the producers' group would raise output from August.
Jun 9, 2026, 11:02 BST
© 2026 Harbourline
"""


def test_a_section_front_of_dated_teasers_is_no_article() -> None:
    article = extract_page(Page("front.txt", FRONT_DUMP), ExtractConfig(mode="text"))
    assert article.is_article is False and article.body == []
    assert "a front page: its text is teasers for other stories" in article.warnings


def test_a_story_with_sub_headings_stays_an_article() -> None:
    paragraphs = DUMP.split("\n")[7:11]
    sections = ["Pay rise over two years", "Ships waiting at anchor", "Union leaders cautious", "Backlog to clear"]
    dump = "\n".join(["Harbour workers end strike after pay deal", "By Mira Kessel", "May 8, 2026 11:02 AM"]
                     + [line for pair in zip(sections, paragraphs) for line in pair]) + "\n"
    article = extract_page(Page("story.txt", dump), ExtractConfig(mode="text"))
    assert article.is_article is True and len(article.body) >= 4


HOW_TO_DUMP = """Notes from the terminal

Running a script every night with systemd user timers

Oct 3, 2019 · 3 minute read

Every few months someone on my team asks how to run a Python script on a schedule on a server where they do not have root. The answer is almost always a systemd user timer, so here it is written down.
Create the directory for user units if it does not exist yet.
mkdir -p ~/.config/systemd/user
Write a service unit that runs your script and a timer unit with the same name that says when to run it, then reload systemd and enable the timer with one command.
By default, user services stop when you log out. To keep your timer running, ask an administrator to enable lingering for your account once, and the timer runs whether or not you are logged in.
"""


def test_a_story_saying_something_does_not_exist_is_no_error_page():
    # (NOT_FOUND took any "does not exist" in the opening lines for an error page's message.)
    article = extract_page(Page("howto.txt", HOW_TO_DUMP), ExtractConfig(mode="text"))
    assert article.is_article is not False
    assert not any("error page" in w for w in article.warnings)
    assert any("does not exist yet" in p for p in article.body)


# A local station's page: cards of its latest headlines, each run into its summary, stand above
# the story's own headline and date stamp; the run of likely-body blocks may sweep them in.
TEASERS_ABOVE_STORY_DUMP = """Home
News
Weather
Sports
Latest Headlines
County Opens Two New Cooling Centers Ahead Of HeatwaveThe county will keep two libraries open until midnight through Sunday as temperatures are expected to pass 100 degrees.
Police: Driver Arrested After Chase Ends On Interstate 94A 31-year-old man was taken into custody after a chase that began in the suburbs and ended near the airport exit on Tuesday night.
School Board Approves Later Start Times For High SchoolsHigh school classes will begin at 8:30 a.m. next fall after the board voted 5-2 on a plan parents had asked for over three years.
Five Of The Best Brunch Spots Downtown, RankedLooking for eggs benedict and a good coffee on a Sunday? We crunched the numbers to find the spots locals rate most highly this year.
State Officials Confirm Third Case Of Measles In Harlan County
November 19, 2019 at 9:45 am
Filed Under: Harlan County, measles, public health
HARLAN, Ky. (AP) — State health officials on Monday confirmed a third case of measles in Harlan County, the first outbreak in the state in six years.
The county health department said the latest case involves a child who had not been vaccinated and who attended a day care centre where the first two cases were found.
Officials said measles spreads easily through the air and urged families in Harlan County to check that their children's vaccinations are up to date before the holidays.
The state has opened a hotline for parents and will hold a free vaccination clinic at the county health department on Saturday.
© 2019 Associated Press. All Rights Reserved. This material may not be published, broadcast, rewritten, or redistributed.
Comments
"""


def test_teasers_above_the_story_s_own_headline_and_stamp_leave_the_body():
    article = extract_page(Page("teasers.txt", TEASERS_ABOVE_STORY_DUMP), ExtractConfig(mode="text"))
    assert article.body[0].startswith("HARLAN, Ky. (AP)")
    assert len(article.body) == 4
    assert article.headline == "State Officials Confirm Third Case Of Measles In Harlan County"
    assert article.published == "2019-11-19T09:45:00"
    related = [b.text for b in article.boilerplate if b.category == "related"]
    assert any(text.startswith("County Opens Two New Cooling Centers") for text in related)



def test_a_byline_line_the_body_run_swept_in_ends_the_head_not_the_story():
    # A fact-check's head as w3m draws it: the classifier took the headline and the dated byline
    # under it for the story's first paragraphs.
    from wiretrace.extract import text, textsegment
    from wiretrace.extract.textfeatures import page_features

    lines = ["Fact-checks", "Does the port handle a third of the country's grain exports?",
             "By Jane Roe , John Doe on Monday, November 18th, 2019 at 11:08 a.m.",
             "Rep. Dana Orel told a town hall in October that the port handled a third of the country's grain exports.",
             "Port authority figures for 2018 show grain made up 31 percent of the tonnage it handled, close to her figure.",
             "The ministry's own export data put the port's share of grain exports at 29 percent in the same year."]
    dump = "\n\n".join(lines)
    blocks = textsegment.segment(dump)
    labels = ["navigation"] + ["body"] * (len(blocks) - 1)
    article = text.article_from_blocks(Page("factcheck.txt", dump), blocks, labels, page_features(blocks)[1])
    assert article.body == lines[3:]
    assert article.headline == lines[1]
    assert article.authors == ["Jane Roe", "John Doe"]

def test_a_byline_drawn_in_pieces_above_the_stamp_ends_the_head_not_the_story():
    # BeautifulSoup's get_text() breaks a line at every element of the byline: the run swept in
    # the dek, "By", the name, the handle and the address, then the stamp, over the story.
    from wiretrace.extract import text, textsegment
    from wiretrace.extract.textfeatures import page_features

    head = ["So Many Ways to Play, and Pay",
            "There are more devices and services to choose from than ever. Here is how to pick what suits you.",
            "By", "Jane E. Roe", "@janeroe", "Jane.Roe@example.com", "Nov. 19, 2019 8:03 am ET"]
    story = ["Gaming used to be simple. We bought a game, sat down in front of a console and played it to the end.",
             "Now we spend money over and over on virtual perks, and play on phones, tablets and televisions.",
             "Subscription services promise hundreds of games for a monthly fee, and more arrive every season."]
    dump = "\n\n".join(head + story)
    blocks = textsegment.segment(dump)
    labels = ["other"] + ["body"] * (len(blocks) - 1)
    article = text.article_from_blocks(Page("pieces.txt", dump), blocks, labels, page_features(blocks)[1])
    assert article.body == story
    assert article.dek == head[1]
    assert article.authors == ["Jane E. Roe"]
    assert article.published == "2019-11-19T08:03:00-05:00"


def _restart_in(dump: str, body: list[int]) -> tuple[int, int] | None:
    from wiretrace.extract import text, textsegment
    from wiretrace.extract.dates import labelled_dates

    blocks = textsegment.segment(dump)
    digit = [any(c.isdigit() for c in b.text) for b in blocks]
    return text._story_restart(blocks, body, digit, lambda i: labelled_dates(blocks[i].text))


def test_the_story_restarts_at_a_stamp_under_a_headline_naming_the_paragraphs_below_only():
    # Blocks 5-8 are the teasers, 9 the headline, 10 its stamp, 12-15 the story.
    assert _restart_in(TEASERS_ABOVE_STORY_DUMP, [5, 6, 7, 8, 12, 13, 14, 15]) == (9, 10)
    # Two paragraphs above a headline are no teaser cards: the story's own top.
    assert _restart_in(TEASERS_ABOVE_STORY_DUMP, [7, 8, 12, 13, 14, 15]) is None



def test_a_stamp_glued_to_the_element_after_it_still_restarts_the_story():
    # BeautifulSoup's get_text() and lxml's text_content() run elements together: the stamp and
    # the tags line under it arrive as one line.
    glued = TEASERS_ABOVE_STORY_DUMP.replace("9:45 am\nFiled Under: ", "9:45 amFiled Under:")
    assert "amFiled Under:Harlan" in glued
    assert _restart_in(glued, [5, 6, 7, 8, 11, 12, 13, 14]) == (9, 10)
    article = extract_page(Page("glued.txt", glued), ExtractConfig(mode="text"))
    assert article.headline == "State Officials Confirm Third Case Of Measles In Harlan County"
    assert article.body[0].startswith("HARLAN, Ky. (AP)") and len(article.body) == 4


def test_a_teaser_naming_a_day_is_no_glued_stamp():
    from wiretrace.extract import text

    assert text._is_stamp("November 19, 2019 at 9:45 amFiled Under:Harlan County, measles", {})
    assert not text._is_stamp("First Forecast Weather November 20, 2019 (This Morning)Some sunshine by noon", {})


def _after_cards_in(dump: str, body: list[int]) -> tuple[int, int, list[int]] | None:
    from wiretrace.extract import text, textsegment
    from wiretrace.extract.dates import labelled_dates

    blocks = textsegment.segment(dump)
    digit = [any(c.isdigit() for c in b.text) for b in blocks]
    return text._story_after_cards(blocks, body, digit, lambda i: labelled_dates(blocks[i].text))


def test_the_story_starts_under_a_run_of_teaser_cards_at_its_headline_and_stamp():
    # lynx, elinks and links drew the DEV page this dump imitates with the story's paragraphs
    # scoring under its dozen cards: the body run was the cards alone (blocks 5-8 here).
    assert _after_cards_in(TEASERS_ABOVE_STORY_DUMP, [5, 6, 7, 8]) == (9, 10, [12, 13, 14, 15, 16])
    # Paragraphs of a story are no cards: a headline, a stamp and paragraphs under them (here
    # the story drawn again, as a page that scrolls on into the next article draws that one)
    # are not where it starts.
    story_then_next = TEASERS_ABOVE_STORY_DUMP.replace("Latest Headlines\n", "").split("\n")
    story_then_next = "\n".join(story_then_next[:4] + story_then_next[8:15] + story_then_next[8:15])
    from wiretrace.extract import textsegment

    blocks = textsegment.segment(story_then_next)
    assert [b.text[:6] for b in blocks[4:7]] == ["State ", "Novemb", "Filed "]
    assert _after_cards_in(story_then_next, [7, 8, 9, 10]) is None


def test_cards_drawn_as_a_headline_line_and_a_summary_line_count_as_cards():
    # A renderer that cut the glued cards apart draws each as its headline in title case, then
    # its summary: the run of them is still cards, and the story starts under it.
    import re

    split = re.sub(r"^([^\n]*?[a-z0-9?])(?=[A-Z][a-z][^\n]{40,}$)", r"\1\n", TEASERS_ABOVE_STORY_DUMP, flags=re.M)
    from wiretrace.extract import textsegment

    blocks = textsegment.segment(split)
    assert [b.text for b in blocks[5:7]] == ["County Opens Two New Cooling Centers Ahead Of Heatwave",
                                             "The county will keep two libraries open until midnight through "
                                             "Sunday as temperatures are expected to pass 100 degrees."]
    assert _after_cards_in(split, list(range(5, 12))) == (12, 13, [15, 16, 17, 18, 19])
    # Sub-headings of a story and their paragraphs are no cards when most of the run is prose.
    assert _after_cards_in(split, list(range(5, 12)) + [15, 16, 17, 18]) is None


def test_a_body_run_of_teaser_cards_gives_way_to_the_story_under_them():
    from wiretrace.extract import text, textsegment
    from wiretrace.extract.textfeatures import page_features

    blocks = textsegment.segment(TEASERS_ABOVE_STORY_DUMP)
    labels = ["body" if 5 <= i <= 8 else "navigation" if i < 5 else "other" for i in range(len(blocks))]
    article = text.article_from_blocks(Page("cards.txt", TEASERS_ABOVE_STORY_DUMP), blocks, labels,
                                       page_features(blocks)[1])
    assert article.body[0].startswith("HARLAN, Ky. (AP)")
    assert article.headline == "State Officials Confirm Third Case Of Measles In Harlan County"
    assert article.published == "2019-11-19T09:45:00"
    assert {b.text[:20] for b in article.boilerplate if b.category == "related"} >= {
        "County Opens Two New", "Police: Driver Arres"}

def test_a_live_blogs_entries_and_a_same_story_sub_heading_do_not_restart_it():
    live = "\n\n".join("""Measles outbreak: live updates
State health officials confirm a third measles case in Harlan County as families queue at clinics.
Parents in Harlan County queued outside the health department from early morning for vaccinations.
Harlan County officials say the day care centre at the centre of the outbreak will stay shut all week.
The state hotline for parents of Harlan County children took more than 400 calls in its first hour.
Clinic in Harlan County extends its hours as measles queue grows
November 19, 2019 at 11:20 am
The clinic will stay open until 9 p.m. after the line of parents in Harlan County stretched around the block, officials said.
Nurses from two neighbouring counties have been sent to help with the measles vaccinations.""".splitlines())
    # The headline shares the words of the entries above it: one story, no teasers.
    assert _restart_in(live, [1, 2, 3, 4, 7, 8]) is None


def test_a_ticker_holding_the_story_s_own_teaser_and_a_stamp_on_two_lines_still_restart_it():
    ticker = "\n\n".join("""Latest News
Port strike ends after pay deal DOCKS: Dock workers voted on Friday to end a nine-day strike after a pay offer.
Ferry fares to rise in spring ISLANDS: The ferry company said fares would rise by six percent from April.
Stranded travellers return home after airport closure AIRPORT: Hundreds of travellers stuck abroad for a week flew home.
Council approves new cycle lanes CITY: The council voted to build six kilometres of protected cycle lanes.
Museum reopens after two-year refit ARTS: The city museum reopened its doors on Saturday after a long refit.
Stranded travellers return home after airport closure
November 20
15:23 2019
AIRPORT: Hundreds of stranded travellers returned home on Wednesday after the airport closure that kept them abroad for a week.
Airlines said they had added twelve flights to bring home the travellers stranded by the closure.""".splitlines())
    assert _restart_in(ticker, [1, 2, 3, 4, 5, 9, 10]) == (6, 7)
    assert _restart_in(ticker, [1, 2, 3, 4, 5, 8, 9, 10]) == (6, 7)
    # End to end: the rest of the stamp, a line without a word, is no paragraph either.
    article = extract_page(Page("ticker.txt", ticker), ExtractConfig(mode="text"))
    assert article.headline == "Stranded travellers return home after airport closure"
    assert [p[:9] for p in article.body] == ["AIRPORT: ", "Airlines "]
    # A terminal renderer may run the date into the headline: the time alone then marks the stamp,
    # and the headline with its date is no dek.
    glued = ticker.replace("closure\n\nNovember 20", "closure November 20")
    assert _restart_in(glued, [1, 2, 3, 4, 5, 8, 9]) == (6, 7)
    article = extract_page(Page("glued.txt", glued), ExtractConfig(mode="text"))
    assert [p[:9] for p in article.body] == ["AIRPORT: ", "Airlines "]
    assert article.dek is None


def test_a_story_drawn_twice_is_no_restart():
    # Some pages repeat their article (a print or app copy under it), headline and stamp too:
    # the paragraphs above the second headline are the story itself, no teasers.
    story = """Port strike ends after pay deal
November 20, 2019 15:23
Dock workers voted on Friday to end a nine-day port strike after a better pay deal.
More than forty ships had waited off the coast, and shelves in island shops were empty.
Union leaders said wages would rise by eight percent over two years.
The first ships would be unloaded on Saturday morning, the operator said.""".splitlines()
    twice = "\n\n".join(story + story)
    assert _restart_in(twice, [2, 3, 4, 5, 8, 9, 10, 11]) is None


def test_a_ticker_drawn_on_one_line_holding_the_story_s_own_card_restarts_it():
    # A browser draws a marquee's items on one line: one teaser block, which holds the story's
    # own card (its headline, then its first words).
    ticker = "\n\n".join("""Latest News
Port strike ends after pay deal DOCKS: Dock workers voted on Friday to end a nine-day strike after a pay offer. Stranded travellers return home after airport closure AIRPORT: Hundreds of stranded travellers returned home on Wednesday after... Council approves new cycle lanes CITY: The council voted to build six kilometres of protected cycle lanes.
Stranded travellers return home after airport closure
November 20, 2019 15:23
AIRPORT: Hundreds of stranded travellers returned home on Wednesday after the airport closure that kept them abroad for a week.
Airlines said they had added twelve flights to bring home the travellers stranded by the closure.""".splitlines())
    assert _restart_in(ticker, [1, 2, 4, 5]) == (2, 3)
    # Without the story's card, one block above the headline is the story's own top.
    other = ticker.replace("Stranded travellers return home after airport closure AIRPORT", "Museum reopens ARTS", 1)
    assert _restart_in(other, [1, 2, 4, 5]) is None


def test_an_embedded_posts_signature_is_no_restart():
    article = "\n\n".join("""The state's new anti-drug campaign drew mockery online within hours of its launch on Monday.
Officials said the campaign, which cost the state about $450,000, was meant to get people talking about drug use.
The governor defended the slogan at a news conference, saying the campaign had already reached millions of people.
It seems the rest of the state's anti-drug campaigns are just as bad as this one, the governor's critics said https://t.co/x1
— Jane Roe (@janeroe) November 18, 2019
Officials said the state's campaign would run on television and billboards through the end of the year.""".splitlines())
    assert _restart_in(article, [0, 1, 2, 5]) is None


def test_a_table_of_figures_inside_the_story_is_no_restart():
    # Rows of figures: no headline, and a decimal ("$0.62") is no clock time.
    story = "\n\n".join("""Shares of the trucking company fell 11% in after-hours trading on Wednesday after its profit dropped.
The carrier earned $41.2 million, or 62 cents a share, in the three months ended in September.
Revenue slipped 6% to $1.12 billion as the company hauled fewer loads for industrial customers.
Here is how the quarter compared with a year ago:
Operating income $61.4M $97.8M -37%
EPS $0.62 $1.03 -40%
Operating ratio 94.5% 91.8% +2.7 pts
The chief executive said the operating income fell as the freight market softened faster than expected.""".splitlines())
    assert _restart_in(story, [0, 1, 2, 3, 7]) is None


def test_the_headline_drawn_again_with_its_date_is_no_dek():
    # A terminal renderer draws the page title, then the <h1> with the date run into it.
    dump = "\n\n".join("""Home
News
Stranded travellers return home after airport closure
Stranded travellers return home after airport closure November 20
15:23 2019
AIRPORT: Hundreds of stranded travellers returned home on Wednesday after the airport closure that kept them abroad for a week.
Airlines said they had added twelve flights to bring home the travellers stranded by the closure.
The airport authority said it expected all flights to run on time again by the end of the week.""".splitlines())
    article = extract_page(Page("title.txt", dump), ExtractConfig(mode="text"))
    assert article.headline == "Stranded travellers return home after airport closure"
    assert article.dek is None
    assert article.body[0].startswith("AIRPORT: Hundreds")


def test_the_h1_that_repeats_the_title_a_dump_opens_with_is_the_headline():
    """html-text and BeautifulSoup draw the page's <title> first: the <h1> that repeats it (less
    the site's name) is the headline, two sentences and a final full stop notwithstanding."""
    headline = "Ferry service to resume in June. Islanders may not believe it."
    dump = (f"{headline} - Carrow Courier\nHome\nNews\nEnter City and State or Zip Code\n{headline}\n"
            f"By Tomas Reyne\n{BYLINE_BODY}\n© 2026 Carrow Courier · Privacy · Terms\n")
    article = extract_page(Page("ferry.txt", dump), ExtractConfig(mode="text"))
    assert article.headline == headline
    assert article.authors == ["Tomas Reyne"]
    # A dump that opens with the site's name, repeated in its logo, has no title to go by.
    dump = f"Carrow Courier\nHome\nNews\nCarrow Courier\n{headline}\nBy Tomas Reyne\n{BYLINE_BODY}\n"
    assert extract_page(Page("ferry.txt", dump), ExtractConfig(mode="text")).headline != "Carrow Courier"


def test_a_pages_links_are_no_authors():
    from wiretrace.extract.byline import split_names

    assert split_names("Next Post") == split_names("Read More") == []
    assert split_names("Jane Roe and Tom Shown") == ["Jane Roe", "Tom Shown"]


def test_the_writers_note_under_the_story_names_the_writer_where_no_byline_does():
    story = BYLINE_BODY.replace("\n", "\n\n")  # (blank lines between paragraphs: not a hard-wrapped dump)
    dump = (f"Home\n\nNews\n\nFerry service to the islands will resume in June\n\n{story}\n\n"
            "Tomas Reyne is a staff writer at the Carrow Courier covering transport and the islands.\n\n"
            "© 2026 Carrow Courier · Privacy · Terms\n")
    article = extract_page(Page("ferry.txt", dump), ExtractConfig(mode="text"))
    assert article.authors == ["Tomas Reyne"]
    assert not any("staff writer" in p for p in article.body)


@pytest.mark.parametrize("credit", [
    "Associated Press November 19, 2019, 9:02 AM",
    "[Associated] Associated Press November 19, 2019, 9:02 AM",  # the logo's alt text (w3m)
    "[] Associated Press November 19, 2019, 9:02 AM",  # a logo without alt text (pandoc)
    "The Associated Press Published Monday, November 18, 2019 8:22AM EST",  # the stamp run in (html2text)
    "Source: AP 03.12.2015 – 14:09 CET",  # behind a source label
    "Quelle: The Associated Press",
])
def test_an_agency_credit_under_the_headline_names_the_wire(credit):
    from wiretrace.extract.text import _head_credit

    assert _head_credit(credit).agency == "AP"


def test_a_source_label_credit_names_the_wire_of_the_story_under_it():
    story = BYLINE_BODY.replace("\n", "\n\n")
    dump = (f"Home\n\nWorld\n\nFerry service to the islands will resume in June\n\n"
            f"Source: Reuters 04.06.2026 – 17:13 CEST\n\n{story}\n\n© 2026 Carrow Courier\n")
    article = extract_page(Page("ferry.txt", dump), ExtractConfig(mode="text"))
    assert (article.wire, article.syndicated) == ("Reuters", True)
    assert article.published == "2026-06-04T17:13:00+02:00"


def test_a_press_releases_profile_of_its_company_leaves_the_body():
    story = BYLINE_BODY.replace("\n", "\n\n")
    profile = ("Harbourline is a global provider of port logistics software focused on container terminals.\n\n"
               "Harbourline is headquartered in Carrow (Westland), has subsidiaries in 12 countries and employs "
               "around 900 people. Its shares are listed on the Westland Stock Exchange.\n\n")
    dump = f"Home\n\nNews\n\nFerry service to the islands will resume in June\n\n{story}\n\n{profile}© 2026 Carrow Courier\n"
    body = extract_page(Page("ferry.txt", dump), ExtractConfig(mode="text")).body
    assert body[-1].startswith("The new timetable doubles")
    assert not any("Harbourline" in p for p in body)


# What BeautifulSoup's get_text() (no separator) makes of a minified page: one line, the
# navigation glued together, the story's paragraphs run into each other.
RUN_TOGETHER_DUMP = (
    "HomeWorldBusinessSportsSubscribeSign In"
    "Harbour workers end strike after pay deal"
    "By Mira KesselMay 8, 2026 11:02 AM"
    "PORT ELMAR (AP) — Dock workers in Port Elmar voted on Friday to end a nine-day strike after the port "
    "authority offered a pay rise of 6% over two years, union leaders said. "
    "The strike had left more than 40 ships waiting at anchor and delayed grain shipments to three "
    "neighbouring countries, according to the port authority. "
    "\"Nobody wanted this to go on for another week,\" union secretary Dana Orel told reporters outside the "
    "terminal on Friday evening, standing beside Mr. Ilan Voss of the port authority. "
    "Mr. Voss said the authority had offered the rise after talks that ran past midnight, and that the "
    "U.S. shipping lines calling at the port had been told to expect delays until Jan. 5 at the latest. "
    "Work is expected to resume on the night shift, and the port authority said it would take about ten "
    "days to clear the backlog of ships waiting at anchor outside the harbour. "
    "Grain traders in the region said prices had risen by almost a tenth during the strike, as buyers "
    "looked for other ports to ship through and freight rates on the route climbed for the first time "
    "in a year. "
    "The union said it would put the deal to a second vote of its members in the spring, when the "
    "current contract runs out, and warned that it would not rule out further action if the port "
    "authority went back on any part of the agreement it signed on Friday. "
    "A spokesperson for the port authority declined to comment on the union's warning but said the "
    "authority was committed to the terms it had agreed. "
    "The port handles about a third of the country's container traffic and employs some 3,000 dock "
    "workers, most of them members of the union, according to figures published by the authority last "
    "year. "
    "Shipping agents at the port said the first vessels to berth after the strike would be those "
    "carrying perishable cargo, followed by grain and then containers, in the order the port authority "
    "set out in a notice to shipping lines on Friday night. "
    "Share this articleFacebookTwitterEmail"
    "Copyright 2026 The Associated Press. All rights reserved.About usContactPrivacy policy\n"
)


def test_a_dump_without_line_structure_is_cut_at_sentence_ends():
    article = extract_page(Page("glued.txt", RUN_TOGETHER_DUMP), ExtractConfig(mode="text"))
    assert any("runs the page's blocks together" in w for w in article.warnings)
    text = " ".join(article.body)
    assert "Dock workers in Port Elmar voted on Friday" in text
    assert "according to figures published by the authority last year." in text
    # A title's or an abbreviation's full stop ends no sentence: no paragraph opens after one.
    assert "beside Mr. Ilan Voss" in text and "the U.S. shipping lines" in text and "Jan. 5" in text
    assert not any(p.startswith(("Ilan Voss", "Voss said", "shipping lines")) for p in article.body)
    assert "HomeWorldBusiness" not in text and "All rights reserved" not in text


def test_a_menu_or_related_box_run_into_a_sentence_of_a_run_together_dump_leaves_the_body():
    # Spaced menu entries, no full stop among them, run into the caption's sentence under them.
    menu = ("Live Sunrise Sunrise Open House Healthier Harbour Sunrise On The Road What's Trending Money Monday "
            "Harbour Word Of The Day Talk Story Ferry Awards Keiki Regatta Cheap Eats Pacific Pulse Athlete Of The "
            "Week Teen Talk Traffic Getting Out ")
    caption = "Cranes stand idle at the container terminal in Port Elmar on Thursday after the vote. "
    dump = RUN_TOGETHER_DUMP.replace("The strike had left", menu + caption + "The strike had left")
    article = extract_page(Page("glued.txt", dump), ExtractConfig(mode="text"))
    assert not any("Healthier Harbour" in p or "Cranes stand idle" in p for p in article.body)
    assert "Dock workers in Port Elmar voted on Friday" in " ".join(article.body)
    # ... and so is a related-stories heading run on into its box's headlines.
    box = ("Related articles Harbour strike: dockers send defiant warning to port Ferry fares: "
           "commuters face third rise this year in Port Elmar ")
    article = extract_page(Page("glued.txt", RUN_TOGETHER_DUMP.replace("The strike had left", box + "The strike had left")),
                           ExtractConfig(mode="text"))
    assert not any(p.startswith("Related articles") for p in article.body)
    assert any(p.startswith("Dock workers in Port Elmar voted") or "Dock workers in Port Elmar voted" in p
               for p in article.body)


def test_a_rendered_dump_is_not_cut():
    article = extract_page(Page("dump.txt", DUMP), ExtractConfig(mode="text"))
    assert not any("runs the page's blocks together" in w for w in article.warnings)


@pytest.mark.parametrize("drawn", [
    "Rep. Dana OrelDana OrelPort strike ends after pay deal | Grain prices climb Orel asks for calm MORE",
    "Rep. Dana Orel Dana Orel Port strike ends after pay deal | Grain prices climb Orel asks for calm MORE",
    "Rep. Dana Orel[orel_01]Dana Maria OrelPort strike ends after pay deal | Grain prices climb MORE",
])
def test_a_hover_card_drawn_inline_leaves_the_paragraph(drawn):
    from wiretrace.extract.text import without_hover_cards

    text, cards = without_hover_cards(f"The bill was written by {drawn} (D-Elmar), who chairs the port committee.")
    assert text == "The bill was written by Rep. Dana Orel (D-Elmar), who chairs the port committee."
    assert len(cards) == 1 and "Port strike ends after pay deal" in cards[0]
    plain = "Union leader Dana Orel said the strike would end, and MORE talks were planned with the port authority."
    assert without_hover_cards(plain) == (plain, [])

    # A heading's "MORE" under an author's card is no card's end.
    author = "Written by Dana Orel Dana OrelView all her articles Port strike ends after pay deal MORE STORIES LIKE THIS"
    assert without_hover_cards(author) == (author, [])


# The paragraph of the test above as lynx, w3m or a get_text("\n") of the page draws it: the
# card's " | "-joined headlines take lines of their own, and the sentence goes on under them.
@pytest.mark.parametrize("lines", [
    ["   The bill was written by Rep. Dana Orel Dana OrelPort strike ends after pay",
     "   deal | Grain prices climb for a third week | Ferry fares to rise in spring |",
     "   Council approves six kilometres of new cycle lanes | Museum reopens its doors MORE (D-Elmar),",
     "   who chairs the port committee."],
    ["The bill was written by Rep. Dana Orel", "Dana Orel", "Port strike ends after pay deal",
     "Grain prices climb for a third week", "Orel asks for calm", "MORE", "(D-Elmar), who chairs the port committee."],
])
def test_a_hover_card_broken_over_lines_leaves_the_paragraph_whole(lines):
    story = ["The port reopened on Monday after a nine-day strike that left dozens of ships waiting offshore and "
             "cost exporters millions, officials said.",
             "Union members voted by a wide margin to accept a pay offer that raises wages by six percent over two years, "
             "the union said in a statement on Sunday evening."]
    dump = "\n\n".join([story[0], "\n".join(lines), story[1]])
    article = extract_page(Page("hover.txt", dump), ExtractConfig(mode="text"))
    assert "The bill was written by Rep. Dana Orel (D-Elmar), who chairs the port committee." in article.body
    assert not any("Port strike ends" in paragraph for paragraph in article.body)
    assert any("Port strike ends" in b.text for b in article.boilerplate if b.category == "related")


def test_a_headline_in_capitals_between_paragraphs_is_a_link_to_another_story():
    # A site that sets its links to other stories in capitals between the paragraphs; a
    # sub-heading in capitals (a song's title, a section's name) is a few words and stays.
    paragraphs = [
        "The port authority said on Monday that the terminal would reopen to container ships by the end of the week.",
        "Union leaders told members in a letter that the pay offer was the best they could expect this year.",
        "Shipping lines said dozens of vessels were still waiting offshore and that delays would last into June.",
        "The harbour master said pilots would work extra shifts to bring the waiting ships in as quickly as possible.",
    ]
    promo = "DOCK WORKERS VOTE TO END NINE-DAY STRIKE AFTER PAY DEAL: REPORT"
    heading = "THE LONG ROAD BACK"
    dump = "\n\n".join(["Business", "Port to reopen by Friday, authority says", paragraphs[0], promo, paragraphs[1],
                        heading, *paragraphs[2:], "Share this article"])
    article = extract_page(Page("caps.txt", dump), ExtractConfig(mode="text"))
    assert promo not in article.body
    assert all(paragraph in article.body for paragraph in paragraphs)
    assert promo in [r.headline for r in article.related] + [b.text for b in article.boilerplate]
    assert heading in article.body

def test_a_hundred_words_without_a_sentence_end_are_glued_teasers_not_a_paragraph():
    # As BeautifulSoup's get_text() draws a "Related articles" box inside the story: its headlines
    # run into one line, long enough to pass for prose.
    teasers = " ".join([
        "Related articles", "Harbour cranes to be replaced after storm damage costs port millions",
        "Council votes to close two libraries despite protest outside town hall", "Grain ship stuck at anchor for"
        " nine days as strike bites", "Teacher who saved pupils from flood honoured at palace ceremony",
        "Fishermen warn of empty nets as cold water lingers in the bay", "New ferry route to islands delayed"
        " again over safety checks", "Rail strike called off at last minute after overnight talks",
        "Hospital car park fees to rise for the third time in a year", "Heatwave warning issued for the"
        " weekend as temperatures climb", "Police appeal for witnesses after lorry overturns on coast road",
        "Mayor says new bridge will open on time despite cost overruns", "Storm leaves hundreds without power"
        " in northern villages", "Local band wins national prize for debut album recorded in garage"])
    assert teasers.count(" ") >= 99 and not any(mark in teasers for mark in ".!?")
    dump = DUMP.replace('"Nobody wanted', teasers + '\n"Nobody wanted')
    article = extract_page(Page("dump.txt", dump), ExtractConfig(mode="text"))
    assert [p[:12] for p in article.body] == ["PORT ELMAR (", "The strike h", '"Nobody want', "Work is expe"]
    assert any(b.category == "navigation" and b.text == teasers for b in article.boilerplate)


def test_a_file_photo_caption_the_classifier_kept_is_a_caption():
    from wiretrace.extract.text import _body_caption

    assert _body_caption("File photo of the Carrow ferry terminal. Reuters").caption.startswith("File photo of")
    image = _body_caption("The Carrow ferry terminal in a file photo. AP file photo")
    assert (image.caption, image.credit) == ("The Carrow ferry terminal in a file photo.", "AP file photo")
    assert _body_caption("File photos were shown to the court on Monday, the prosecutor said.") is None


def test_an_iso_stamp_with_a_spaced_time_and_zone_keeps_its_time():
    from wiretrace.extract.text import _unlabelled_stamp

    assert _unlabelled_stamp("Source: United Press International · 2015-12-14 01:41 UTC") == "2015-12-14T01:41:00+00:00"
    assert _unlabelled_stamp("By Mike Wall 2019-11-18T20:51:19Z Science & Astronomy") == "2019-11-18T20:51:19+00:00"


AGENCY_LINE_DUMP = """HOME  NATION  WORLD  BUSINESS
Trending: Budget 2026 | Monsoon | Elections
Nation
Centre denies report on fuel price hike, says no decision taken
Press Trust of India  |  New Delhi  Updated On : November 26, 2026 21:14 IST
2 min read
The government on Wednesday denied a media report that said petrol and diesel prices would be raised by Rs 3 a litre from next month, calling it "baseless and speculative".
The Lisvar Times had reported, citing unnamed officials, that the petroleum ministry had sent a proposal for the increase to the finance ministry.
"No such proposal is under consideration. The report is factually incorrect," a petroleum ministry spokesperson said.
Finance ministry officials declined to comment on the report when contacted by reporters on Wednesday evening.
Related News
Oil marketing companies post record quarterly profit
Crude steady ahead of OPEC meeting
"""


def test_an_agency_line_under_the_headline_names_the_wire_and_the_headline_links_nowhere():
    article = extract_page(Page("dump.txt", AGENCY_LINE_DUMP), ExtractConfig(mode="text"))
    assert article.headline == "Centre denies report on fuel price hike, says no decision taken"
    assert (article.wire, article.syndicated) == ("PTI", True)
    assert article.updated == "2026-11-26T21:14:00+05:30"
    assert [r.headline for r in article.related] == [
        "Oil marketing companies post record quarterly profit", "Crude steady ahead of OPEC meeting"]


def test_alt_text_drawn_over_the_same_caption_is_one_caption():
    dump = DUMP.replace(
        "Cranes stand idle at the container terminal in Port Elmar on Thursday, May 7, 2026. (AP Photo/Jon Tavi)",
        "Cranes stand idle at the container terminal on Thursday. (AP Photo/Jon Tavi)\n"
        "Cranes stand idle at the container terminal on Thursday. (AP Photo/Jon Tavi)")
    article = extract_page(Page("dump.txt", dump), ExtractConfig(mode="text"))
    assert [(i.caption, i.credit) for i in article.images] == [
        ("Cranes stand idle at the container terminal on Thursday.", "AP Photo/Jon Tavi")]


def test_a_copyright_line_written_with_c_in_brackets_names_the_publisher():
    dump = DUMP.replace("Copyright 2026 The Associated Press. All rights reserved.\n",
                        "Copyright 2026 The Associated Press. All rights reserved.\n(c) 2026 The Harbour Gazette\n")
    article = extract_page(Page("dump.txt", dump), ExtractConfig(mode="text"))
    assert (article.publisher, article.wire) == ("The Harbour Gazette", "AP")
    # ... but not "(c)" opening the third item of a list.
    listed = DUMP.replace("Share this article\n", "Share this article\n(c) the terms of use apply to all readers\n")
    assert extract_page(Page("dump.txt", listed), ExtractConfig(mode="text")).publisher is None


def test_a_copyright_policy_link_above_the_notice_names_no_publisher():
    # A footer's "Copyright Policy" link comes before its notice: the notice names the publisher.
    dump = DUMP.replace("Copyright 2026 The Associated Press. All rights reserved.\n",
                        "Copyright Policy\nCopyright 2026 The Associated Press. All rights reserved.\n"
                        "© 2026 The Harbour Gazette\n")
    article = extract_page(Page("dump.txt", dump), ExtractConfig(mode="text"))
    assert (article.publisher, article.wire) == ("The Harbour Gazette", "AP")


SPANISH_DUMP = """Portada   Nacional   Internacional   Economía
Internacional
El Gobierno chileno abre una investigación por el vertido en una mina de cobre
Publicado: 26/11/2026 19:40 h. | Actualizado: 27/11/2026 08:15 h.
Santiago de Chile, 26 nov (EFE).- El regulador minero de Chile anunció este miércoles la apertura de una investigación por un vertido de relaves en la mina de cobre Andes, un día después de que vecinos denunciaran la aparición de peces muertos en el río Maipo.
Según el organismo, los inspectores detectaron una rotura en un muro de contención y ordenaron a la empresa operadora suspender las descargas hasta nuevo aviso.
La compañía negó en un comunicado haber retrasado la notificación del incidente a las autoridades regionales y nacionales.
Te puede interesar
El precio del cobre sube por la caída de la producción chilena
Vecinos exigen respuestas tras el vertido en el río Maipo
Etiquetas: Chile, Minería, Medio ambiente
© 2026 Diario del Sur. Todos los derechos reservados.
"""


def test_a_spanish_dump_gives_its_wire_tags_and_related_links_as_an_english_one_would():
    article = extract_page(Page("es.txt", SPANISH_DUMP), ExtractConfig(mode="text"))
    assert (article.wire, article.syndicated, article.publisher) == ("EFE", True, "Diario del Sur")
    assert article.tags == ["Chile", "Minería", "Medio ambiente"]
    # The recommendations' heading is no link.
    assert "Te puede interesar" not in [r.headline for r in article.related]
    assert article.body[0].startswith("Santiago de Chile, 26 nov (EFE).-")


def test_a_closing_source_line_names_the_wire_and_unnamed_agencies_prove_syndication():
    dump = DUMP.replace("PORT ELMAR (AP) — ", "").replace("By Mira Kessel", "By Mira Kessel and agencies").replace(
        "Copyright 2026 The Associated Press. All rights reserved.\n", "")
    article = extract_page(Page("dump.txt", dump), ExtractConfig(mode="text"))
    assert (article.wire, article.syndicated, article.authors) == (None, True, ["Mira Kessel"])
    sourced = extract_page(Page("dump.txt", dump.replace("Share this article\n", "Source: AFP\nShare this article\n")),
                           ExtractConfig(mode="text"))
    assert (sourced.wire, sourced.syndicated) == ("AFP", True)
    assert "Source: AFP" not in sourced.body


FERRY_MARKDOWN_DUMP = """  * [Home](https://www.coastalherald.example/)
  * [News](https://www.coastalherald.example/news)

# Ferry operator suspends night crossings after engine fire

By [Tom Ashby](/author/tom-ashby)

Published: 26 November 2026, 07:30 GMT

![The ferry Island Star at its berth on Wednesday](/img/ferry.jpg)

The ferry Island Star at its berth on Wednesday. Photo: Coastal Herald

A ferry operator has suspended all night crossings to the islands after a fire broke out in the engine room of one of its vessels late on Tuesday, forcing 212 passengers into lifeboats.

The coastguard said the fire aboard the Island Star was put out by the crew within 40 minutes and that no one was seriously hurt. Four passengers were treated for smoke inhalation.

Island Lines said in a statement that the suspension would remain in place "until we are fully satisfied the fleet is safe". The company did not say how long the inspections would take.

## More from News

  * [Harbour dredging to begin in spring](/news/dredging)
  * [Council approves new lifeboat station](https://www.coastalherald.example/news/lifeboat)

(c) 2026 Coastal Herald Ltd
"""


def test_a_markdown_dump_keeps_its_related_links_and_pictures_addresses():
    page = Page("md.txt", FERRY_MARKDOWN_DUMP, "https://www.coastalherald.example/news/ferry")
    article = extract_page(page, ExtractConfig(mode="text"))
    assert [(r.headline, r.url) for r in article.related] == [
        ("Harbour dredging to begin in spring", "https://www.coastalherald.example/news/dredging"),
        ("Council approves new lifeboat station", "https://www.coastalherald.example/news/lifeboat")]
    assert [(i.url, i.credit) for i in article.images] == [("https://www.coastalherald.example/img/ferry.jpg", "Coastal Herald")]
    assert article.publisher == "Coastal Herald"


def test_a_lynx_dump_with_numbered_links_keeps_its_related_links_targets():
    story = "\n\n".join(f"   {p}" for p in DUMP.splitlines()[3:11])
    dump = (f"   [1]Home [2]World [3]Sport\n\n{story}\n\n   Related\n     * [4]Port authority names new chief executive\n"
            "     * [5]Grain exports resume after storm\n\nReferences\n\n   Visible links:\n"
            "   1. https://harbour.example/\n   2. https://harbour.example/world\n   3. https://harbour.example/sport\n"
            "   4. https://harbour.example/news/chief\n   5. /news/grain\n")
    article = extract_page(Page("lynx.txt", dump, "https://harbour.example/news/strike"), ExtractConfig(mode="text"))
    assert [(r.headline, r.url) for r in article.related] == [
        ("Port authority names new chief executive", "https://harbour.example/news/chief"),
        ("Grain exports resume after storm", "https://harbour.example/news/grain")]


HINDI_DUMP = """होम
देश
विदेश
व्यापार
खेल
महंगाई पर आरबीआई की नज़र, ब्याज दरें स्थिर रहने की संभावना
अपडेटेड: 19 मार्च 2025, 08:03 PM IST
नयी दिल्ली, 19 मार्च (भाषा) भारतीय रिज़र्व बैंक (आरबीआई) अगले महीने होने वाली मौद्रिक नीति समीक्षा बैठक में नीतिगत दरों को स्थिर रख सकता है। यह बात सूत्रों ने बुधवार को कही।
सूत्रों के अनुसार, खुदरा महंगाई दर के लक्ष्य से ऊपर बने रहने के कारण केंद्रीय बैंक सतर्क रुख अपनाएगा। वित्त मंत्रालय ने इस पर कोई टिप्पणी करने से इनकार कर दिया।
विशेषज्ञों का मानना है कि खाद्य कीमतों में नरमी आने पर ही दरों में कटौती की गुंजाइश बनेगी। एक निजी बैंक के मुख्य अर्थशास्त्री ने कहा कि जून से पहले कटौती की संभावना कम है।
यह भी पढ़ें: शेयर बाजार में तेजी, सेंसेक्स 500 अंक चढ़ा
भाषा अजय अजय
शेयर करें
"""


def test_a_hindi_dump_gives_its_headline_stamp_wire_credit_and_promo():
    """A Hindi paper carrying PTI's Hindi service (Bhasha): sentences end with a danda, the
    stamp's label and month are Hindi, the dateline names the service in Devanagari, and the
    copy signs off with the service's desk ("भाषा अजय अजय")."""
    article = extract_page(Page("hindi.txt", HINDI_DUMP), ExtractConfig(mode="text"))
    assert article.headline == "महंगाई पर आरबीआई की नज़र, ब्याज दरें स्थिर रहने की संभावना"
    assert article.updated == "2025-03-19T20:03:00+05:30"
    assert (article.wire, article.syndicated, article.syndication_evidence) == ("PTI", True, "नयी दिल्ली, 19 मार्च (भाषा)")
    assert [p.split()[0] for p in article.body] == ["नयी", "सूत्रों", "विशेषज्ञों"]
    assert [r.headline for r in article.related] == ["शेयर बाजार में तेजी, सेंसेक्स 500 अंक चढ़ा"]
    assert article.language == "hi"


LIVE_DUMP = """Skip to content
The Northgate Times
World | Politics | Business | Climate
LIVE
Earthquake off Marvosa coast: tsunami warning lifted, rescuers reach coastal towns – live updates
Key events
2h ago Tsunami warning lifted
4h ago Death toll rises to 14, officials say
5h ago Prime minister to visit Dessa
Updated 12.41 BST
Mon 11 May 2026 12.41 BST
By Leila Haddad in Lisvar and agencies
12.41 BST
Tsunami warning lifted
The national seismic institute has lifted the tsunami warning for the western coast, three hours after the magnitude 7.1 earthquake struck 40km offshore.
Residents of Port Sellick who had moved to higher ground were told they could return home, but the coastguard asked people to stay away from the harbour until inspections are finished.
Share
11.58 BST
The interior ministry said 14 people had died and more than 200 were injured, most of them in Dessa, where several older buildings collapsed. A ministry spokesperson said the figure was likely to rise.
The Red Crescent said it had sent 30 teams to the region. "Roads are blocked in places and our teams are walking in," its regional director, Omar Saleh, told Reuters.
Share
10.49 BST
Prime Minister Anton Vell will travel to Dessa this afternoon, his office said. He has called an emergency cabinet meeting for 6pm.
The opposition leader, Ruta Marek, said the government's building inspection programme had been "years behind schedule" and called for an inquiry. The housing ministry declined to comment.
Share
Most viewed
Marvosa gas cap: what we know
Fishery quotas cut for third year
"""


def test_a_live_storys_entries_headline_and_byline():
    """A live story: a list of its key events (each line opening with its age) above the headline's
    stamp and byline, then entries under their time stamps, each closed by a share button."""
    article = extract_page(Page("live.txt", LIVE_DUMP), ExtractConfig(mode="text"))
    assert article.headline.startswith("Earthquake off Marvosa coast: tsunami warning lifted")
    assert article.authors == ["Leila Haddad"]
    assert (article.wire, article.syndicated) == (None, True)  # "... and agencies"
    # Every entry, the last one too (its place at the page's end weighs it down).
    assert [p.split()[0] for p in article.body] == ["The", "Residents", "The", "The", "Prime", "The"]
    assert article.body[-1].startswith("The opposition leader, Ruta Marek")
    assert all("Most viewed" not in p and "Share" != p for p in article.body)


# The bundled sample 06 as w3m draws it (w3m -dump -cols 80), cut after its seventieth line.
W3M_DUMP = """Your privacy

We and our partners use cookies to store and access information on your device.
Click "Accept" to agree, or "Options" to choose which cookies we may use.

Accept Options
The Harbour Post
Independent since 1894

  • News
  • World
  • Business
  • Environment
  • Comment
  • Sport
  • Lifestyle

Support our journalism
World

Marvosa denies newspaper report of plan to cap gas exports

Energy ministry calls Gazeta Lisvar story 'speculation without foundation' as
MarGaz shares extend losses

By Sofia Lindqvist and Mateo Arrau
Thu 7 May 2026 08.40 BST Last modified on Thu 7 May 2026 13.15 BST
Share on Facebook Share on X Share via Email 14 comments

The energy ministry building in Lisvar
The energy ministry in Lisvar said it was not preparing any proposal to limit
export volumes. Photograph: Mateo Arrau/The Harbour Post

Marvosa's energy ministry on Thursday denied a newspaper report that Energy
Minister Elena Dravik plans to cap natural gas exports, calling it "speculation
without foundation".

The Gazeta Lisvar daily reported on Wednesday, citing unnamed sources, that
Dravik would ask cabinet to limit exports to 60% of national output from
January. The report was carried by Reuters and republished widely, and shares
in state-controlled producer MarGaz fell 4.2% on the day.

In a two-line statement issued shortly after 9am local time, the ministry said
it "has not prepared, and is not preparing, any proposal to limit export
volumes" and that all existing supply contracts would be honoured.

Asked whether the minister had discussed export limits with MarGaz executives
at a meeting on Monday, a ministry press officer, who declined to be named,
said the meeting had covered "winter preparedness and nothing else".

Related

Marvosa plans to cap gas exports from next year, newspaper reports

Gazeta Lisvar said in a short note on its website that it stood by its
reporting.

Opposition MP Ruta Marek, who chairs parliament's energy committee, said she
would ask the minister to appear before the committee. "If there is no plan,
the minister can tell us so herself," Marek told The Harbour Post.

MarGaz shares fell a further 1.8% in early trading in Lisvar before paring
losses after the denial.

Buyers in neighbouring countries, which take most of Marvosa's exports through
the Dessa pipeline, were watching closely, said Lena Voss, a gas trader at a
Lisvar brokerage. "Nobody is changing orders on the strength of one article,
but everybody has read it," she said.

Correction, May 7, 2026: An earlier version of this article said Gazeta Lisvar"""


def test_a_wrapped_dump_keeps_its_stamp_line_apart_and_its_alt_text_out():
    """w3m wraps at 80 columns: the stamp line under the byline is short beside the dek's lines,
    but the share row under it does not continue it; the picture's alt text over its credited
    caption is neither the headline nor a paragraph."""
    article = extract_page(Page("06.txt", W3M_DUMP), ExtractConfig(mode="text"))
    assert article.headline == "Marvosa denies newspaper report of plan to cap gas exports"
    assert (article.published, article.updated) == ("2026-05-07T08:40:00+01:00", "2026-05-07T13:15:00+01:00")
    assert article.authors == ["Sofia Lindqvist", "Mateo Arrau"]
    assert article.body[0].startswith("Marvosa's energy ministry on Thursday denied a newspaper report")
    assert "The energy ministry building in Lisvar" not in article.body


# A page of ours (Dessa walls) as resiliparse draws it, and as pandoc writes it in its own Markdown.
RESILIPARSE_DUMP = """Lisvar Courier
News Business Sport

Dessa rebuild: engineers say old town walls can be saved

A survey of the 16th-century walls found most sections structurally sound after the quake

By Irena Kovac and Tomas Brenner

14 May 2026, 07:30
The north gate of Dessa's walls
Engineers inspect the north gate of Dessa's old town walls on Wednesday. Photo: Jane Roe/Reuters

Most of the old town walls in Dessa survived last week's earthquake with damage that can be repaired, a team of structural engineers said on Thursday, easing fears that the 16th-century fortifications would have to be pulled down.

The survey, commissioned by the culture ministry, found cracks in four of the eleven towers but no sign that the foundations had shifted. Only the stretch beside the harbour gate, where a section of parapet fell into the street, would need to be taken down and rebuilt stone by stone, it said.

Related: Dessa earthquake death toll rises to 17

"We expected much worse," said Ana Petrescu, who led the survey. "The masons who built these walls knew what they were doing."

The north gate is standing. Thank you to everyone who helped clear the rubble this week. pic.twitter.com/abc

— Dessa Town Hall (@DessaTownHall) May 13, 2026

The ministry said it would publish the full report next week and that repairs could begin before the end of the summer. The mayor of Dessa, Viktor Lenz, said residents would be consulted on the work.

Residents who were evacuated from houses built into the walls have not yet been allowed to return, and the ministry did not say when they might.

Most read

  1. Fishery quotas cut for third year
  2. Marvosa gas cap: what we know
© 2026 Lisvar Courier Ltd"""
PANDOC_MARKDOWN_DUMP = """<div>

[Lisvar Courier](/)

[News](/news) [Business](/business) [Sport](/sport)

</div>

::: {role="main"}
# Dessa rebuild: engineers say old town walls can be saved

A survey of the 16th-century walls found most sections structurally
sound after the quake

By [Irena Kovac](/authors/irena-kovac){rel="author"} and Tomas Brenner

14 May 2026, 07:30

![Engineers inspect the north gate of Dessa\\'s old town walls on
Wednesday. Photo: Jane
Roe/Reuters](https://img.lisvarcourier.example/2026/05/dessa-walls.jpg)

Most of the old town walls in Dessa survived last week\\'s earthquake
with damage that can be repaired, a team of structural engineers said on
Thursday, easing fears that the 16th-century fortifications would have
to be pulled down.

The survey, commissioned by the culture ministry, found cracks in four
of the eleven towers but no sign that the foundations had shifted. Only
the stretch beside the harbour gate, where a section of parapet fell
into the street, would need to be taken down and rebuilt stone by stone,
it said.

**Related:** [Dessa earthquake death toll rises to
17](/news/regions/dessa-quake-death-toll)

\\"We expected much worse,\\" said Ana Petrescu, who led the survey. \\"The
masons who built these walls knew what they were doing.\\"

> The north gate is standing. Thank you to everyone who helped clear the
> rubble this week. [pic.twitter.com/abc](https://t.co/abc)
>
> --- Dessa Town Hall (@DessaTownHall) [May 13,
> 2026](https://twitter.com/DessaTownHall/status/1)

The ministry said it would publish the full report next week and that
repairs could begin before the end of the summer. The mayor of Dessa,
Viktor Lenz, said residents would be consulted on the work.

Residents who were evacuated from houses built into the walls have not
yet been allowed to return, and the ministry did not say when they
might.

## Most read

1.  [Fishery quotas cut for third year](/a)
2.  [Marvosa gas cap: what we know](/b)
:::

© 2026 Lisvar Courier Ltd
"""


def test_alt_text_over_its_caption_is_no_headline_and_a_lone_pandoc_fence_goes():
    for dump in (RESILIPARSE_DUMP, PANDOC_MARKDOWN_DUMP):
        article = extract_page(Page("dessa.txt", dump), ExtractConfig(mode="text"))
        assert article.headline == "Dessa rebuild: engineers say old town walls can be saved"
        assert article.authors == ["Irena Kovac", "Tomas Brenner"]
        assert article.body[0].startswith("Most of the old town walls in Dessa survived last week's earthquake")
        assert not any(":::" in p or "\\'" in p for p in article.body)


@pytest.mark.parametrize("byline", [["By", "Irena Kovac", "and Tomas Brenner"], ["By Irena Kovac", "and Tomas Brenner"],
                                    ["By", "Irena Kovac", "and", "Tomas Brenner"]])
def test_a_byline_broken_at_every_element_names_every_writer(byline):
    """BeautifulSoup's get_text("\\n") and lxml draw a byline of links a line per element."""
    dump = RESILIPARSE_DUMP.replace("By Irena Kovac and Tomas Brenner", "\n".join(byline))
    assert extract_page(Page("dessa.txt", dump), ExtractConfig(mode="text")).authors == ["Irena Kovac", "Tomas Brenner"]


@pytest.mark.parametrize("credit, wire, syndicated", [("(With inputs from PTI)", "PTI", True),
                                                      ("With agency inputs", None, True)])
def test_a_line_crediting_agency_inputs_under_the_story_credits_the_wire(credit, wire, syndicated):
    dump = HEADLINE_DUMP.replace("because of the delay.\n", f"because of the delay.\n{credit}\n")
    article = extract_page(Page("ferry.txt", dump), ExtractConfig(mode="text"))
    assert (article.wire, article.syndicated, article.syndication_evidence) == (wire, syndicated, credit)
    assert article.body[-1].startswith("Councillors said the repairs had cost")


RUSSIAN_DUMP = """Главная
Новости
Экономика
Минэнерго Марвосы опровергло сообщения о планах ограничить экспорт газа
МОСКВА, 7 мая. /ТАСС/. Министерство энергетики Марвосы опровергло сообщения газеты Gazeta Lisvar о планах ограничить экспорт природного газа. Об этом говорится в заявлении ведомства, распространенном в четверг.
"Министерство не готовило и не готовит никаких предложений об ограничении объемов экспорта", - отмечается в документе.
Ранее газета со ссылкой на источники сообщила, что министр энергетики Елена Дравик предложит ограничить экспорт 60% добычи с января.
Читайте также: Цены на газ в Европе выросли на 4%
Теги: Марвоса, газ, экспорт
"""


def test_a_russian_dump_of_tass_copy_credits_tass():
    article = extract_page(Page("tass.txt", RUSSIAN_DUMP), ExtractConfig(mode="text"))
    assert article.headline == "Минэнерго Марвосы опровергло сообщения о планах ограничить экспорт газа"
    assert (article.wire, article.syndicated, article.syndication_evidence) == ("TASS", True, "МОСКВА, 7 мая. /ТАСС/.")
    assert len(article.body) == 3 and article.body[0].startswith("МОСКВА, 7 мая. /ТАСС/. Министерство")
    assert article.tags == ["Марвоса", "газ", "экспорт"] and article.language == "ru"


@pytest.mark.parametrize("title, publisher", [
    ("Ferry service to the islands will resume in June, council says | The Island Courier", "The Island Courier"),
    ("The Island Courier - Ferry service to the islands will resume in June, council says", "The Island Courier"),
    # no site beside the headline: a date, or a part as long as a sentence
    ("Ferry service to the islands will resume in June, council says - May 8, 2026", None),
    ("Ferry service to the islands will resume in June, council says | what the islanders told us at the pier", None),
])
def test_the_site_beside_the_headline_in_the_title_a_dump_opens_with_is_the_publisher(title, publisher):
    article = extract_page(Page("ferry.txt", title + "\n" + HEADLINE_DUMP), ExtractConfig(mode="text"))
    assert article.headline == "Ferry service to the islands will resume in June, council says"
    assert article.publisher == publisher


QUOTED_DEK_DUMP = """Home
News
Politics
Right After This Councillor Backed The Tram, The Opposition Did Something ODD
Anna Morrow announced that she would support the tram plan
By Tomas Reyne
Posted 3/1/2026 7:48 PM PST
Councillor Jeff Dunn caused quite a stir when he went on the record backing the tram extension.
Dunn is a well respected member of the opposition. On Sunday, he appeared at a council meeting where he officially pledged his support to the plan.
An article written by the Courier's Ian Tate accused him of selling out, and said the opposition had lost its way.
Dunn is not the only well-known councillor to back the plan. Last week, council leader Anna Morrow announced that she would support the tram plan, after months of silence.
Tate added that there were worse bargains struck in the history of the city.
Share this article
"""


def test_a_line_the_body_says_word_for_word_is_no_headline():
    """A dek under the headline that quotes the story ("Anna Morrow announced that she would
    support the tram plan") may share more words with its opening than the headline does; it is
    no headline. A paragraph that is the line itself says nothing (the body may have swept the
    headline in)."""
    from wiretrace.extract.text import _quoted_in

    article = extract_page(Page("tram.txt", QUOTED_DEK_DUMP), ExtractConfig(mode="text"))
    assert article.headline == "Right After This Councillor Backed The Tram, The Opposition Did Something ODD"
    assert article.dek == "Anna Morrow announced that she would support the tram plan"
    teaser = "Island residents have relied on a weekly supply boat since the ferry stopped running in January"
    assert _quoted_in(teaser, [f"{teaser}, and shops on the larger island had begun to ration fuel."])
    assert not _quoted_in(teaser, [teaser + "."]) and not _quoted_in("Ferry service resumes", ["Ferry service resumes in June."])


def test_a_headline_lynx_wrapped_and_centred_is_read_whole():
    """lynx wraps a long <h1> at the page's width and centres what it wrapped."""
    import textwrap

    story = ["The council said on Friday that ferry service to the islands will resume in June, after repairs to "
             "the storm-damaged pier at Carrow Point ran two months late, and that the summer timetable would "
             "double the number of crossings.",
             "Island residents have relied on a weekly supply boat since the ferry stopped running in January, and "
             "shops on the larger island had begun to ration fuel, the council leader, Anna Morrow, told a meeting.",
             "Councillors said the repairs had cost 1.2 million, about a third more than planned, because of the "
             "delay, and that the contractor would pay part of the overrun under the terms of its contract."]
    head = "Ferry Service To The Islands Will Resume In June After Pier Repairs, Council"
    lines = ["   Home | News | Regional", "", head, " " * 34 + "Says", "", "   By Tomas Reyne", "   May 8, 2026", ""]
    for paragraph in story:
        lines += ["   " + line for line in textwrap.wrap(paragraph, 73)] + [""]
    article = extract_page(Page("ferry.txt", "\n".join(lines)), ExtractConfig(mode="text"))
    assert article.headline == head + " Says"


def test_a_section_run_into_the_headline_is_left_out_of_it():
    """A renderer that adds no breaks between elements (BeautifulSoup's get_text()) runs the
    section's name into the <h1>: the <title> the dump opens with says where the headline starts."""
    headline = "Ferry service to the islands will resume in June, council says"
    dump = f"{headline} · The Island Courier\n" + HEADLINE_DUMP.replace(f"Regional news\n{headline}",
                                                                         f"Regional news\nRegional{headline}")
    article = extract_page(Page("ferry.txt", dump), ExtractConfig(mode="text"))
    assert article.headline == headline


def test_marks_that_show_nothing_part_no_words_and_end_no_paragraph():
    # A page's zero-width spaces (after sentences, or alone as a spacer line), word joiners, byte
    # order marks and soft hyphens: the record is the story as its reader saw it.
    clean = extract_page(Page("dump.txt", DUMP), ExtractConfig(mode="text"))
    marked = DUMP.replace("union leaders said.", "union leaders said.\u200b").replace(
        "neighbouring", "neigh\u00adbouring").replace("Work is expected", "\u200b\nWork\u2060 is expected")
    article = extract_page(Page("dump.txt", marked), ExtractConfig(mode="text"))
    assert article.body == clean.body and len(article.body) == 4
    assert not any(mark in "".join(article.body) for mark in "\u200b\u2060\u00ad")


def test_a_stamp_right_under_a_line_speaks_for_it_more_than_for_the_label_above():
    # The label above a headline has the stamp two lines down as well ("Blog - Latest News" over
    # "[The Palace: ...] ..." over "October 15, 2018 / 0 Comments / ..."); the stamp is the headline's.
    from wiretrace.extract import text, textsegment

    lines = ["Blog - Latest News", "A Night Shift on the Quay", "October 15, 2018 / 0 Comments / in Harbour News / by admin",
             "The night was cold and clear, and the cranes worked on until the morning tide came in."]
    blocks = [textsegment.Block(line, n, False, 0) for n, line in enumerate(lines)]
    digit = [any(c.isdigit() for c in line) for line in lines]

    def finish(i: int) -> float:
        return text._title_finish(blocks, i, 3, digit, lambda i: {}, 1.0) - 1.0 + (3 - i) / 100

    assert finish(1) == pytest.approx(0.5) and 0 < finish(0) < 0.45
def test_the_headline_is_the_line_right_above_its_stamp_not_a_label_above_it():
    # (A long headline that shares few words with the opening paragraphs, under a blog's label.)
    headline = "[Our Week on the Water] Nine Days, Forty Ships and One Long Night! Notes From the Quay"
    dump = DUMP.replace("Harbour workers end strike after pay deal\nBy Mira Kessel\n", f"Blog - Latest News\n{headline}\n")
    article = extract_page(Page("dump.txt", dump), ExtractConfig(mode="text"))
    assert article.headline == headline
    assert article.published == "2026-05-08T11:02:00"


#: A wire story's paragraphs (its dateline left to each test), for the tests of what a page sets
#: between them.
STRIKE = [
    "Dock workers in Port Elmar voted on Friday to end a nine-day strike after the port authority offered a pay "
    "rise of 6% over two years, union leaders said.",
    "The strike had left more than 40 ships waiting at anchor and delayed grain shipments to three neighbouring "
    "countries, according to the port authority.",
    "Union secretary Dana Orel told reporters outside the terminal that nobody had wanted the dispute to go on for "
    "another week, and thanked the crews for their patience.",
    "Work is expected to resume on the night shift, and the port authority said it would take about ten days to "
    "clear the backlog of ships and containers.",
    "The authority will publish a new schedule for the grain terminal on Monday, a spokesman said, once the first "
    "ships have been loaded and sent on their way.",
]


def test_ad_slots_and_bare_picture_credits_between_paragraphs_do_not_part_the_story():
    # A page may set an ad slot's label between every two paragraphs: the story runs on past each.
    paragraphs = [f"PORT ELMAR (AP) — {STRIKE[0]}", *STRIKE[1:]]
    # ... and so may a picture's bare credit.
    slots = ["Advertisement", "Photo: Getty Images", "Advertisement", "Image credit: Port Elmar Authority"]
    story = "".join(f"{paragraph}\n{slot}\n" for paragraph, slot in zip(paragraphs, slots)) + paragraphs[-1]
    dump = ("Home\nWorld\nBusiness\nHarbour workers end strike after pay deal\nBy Mira Kessel\nMay 8, 2026 11:02 AM\n"
            + story + "\nStory continues below advertisement\n"
            "More from Business\nFerry fares to rise in June\nNew cranes for the north quay\n")
    article = extract_page(Page("dump.txt", dump), ExtractConfig(mode="text"))
    assert article.body == paragraphs
    assert [b.text for b in article.boilerplate if b.category == "advert"].count("Advertisement") == 2
    credits = {b.text for b in article.boilerplate if b.category == "caption"}
    assert {"Photo: Getty Images", "Image credit: Port Elmar Authority"} <= credits


def test_promos_between_paragraphs_do_not_part_the_story_and_are_related_links_in_page_order():
    # "READ MORE: <headline>" after a story's first and third paragraphs, two promos in a row
    # after its fourth: the story runs on past each, and their headlines are the first related
    # links, in page order, ahead of the list under the story.
    paragraphs = [
        "PORT ELMAR (AP) — Health officials in Port Elmar are reporting a sixth death linked to a "
        "mosquito-borne virus this summer",
        "County health department officials said Monday the victim was one of two people who caught the virus "
        "in August. The death occurred Saturday.",
        "Cases of the virus have been confirmed in four counties this year, the state health department said.",
        "Officials urged residents to use insect repellent.",
        "The department will spray the marshes north of the harbour twice a week until the first frost, "
        "a spokesman said.",
    ]
    promos = ["Ferry fares to rise in June as fuel costs climb", "Dock workers end nine-day strike after pay deal",
              "City to mail 250,000 flu vaccine reminders", "Harbour clinic opens a night ward"]
    dump = ("Home\nNews\nHealth\nSixth death linked to mosquito-borne virus\nAssociated Press\nSeptember 3, 2026\n"
            f"{paragraphs[0]}\nREAD MORE: {promos[0]}\n{paragraphs[1]}\n{paragraphs[2]}\nRELATED: {promos[1]}\n"
            f"{paragraphs[3]}\nALSO READ | {promos[2]}\nALSO READ | {promos[3]}\n{paragraphs[4]}\n"
            "More from Health\nWhy the north quay floods every spring\nHarbour clinic opens a night ward\n"
            "New cranes for the north quay\n")
    article = extract_page(Page("dump.txt", dump), ExtractConfig(mode="text"))
    assert article.body == paragraphs
    assert [link.headline for link in article.related] == promos + ["Why the north quay floods every spring",
                                                                   "New cranes for the north quay"]
    assert {b.text for b in article.boilerplate if b.category == "promo"} >= {
        f"READ MORE: {promos[0]}", f"RELATED: {promos[1]}", f"ALSO READ | {promos[3]}"}


def test_captions_between_paragraphs_do_not_part_the_story_and_are_its_pictures_in_page_order():
    # Pictures inside a story, each caption closed by its credit: the agency's photographer
    # signing it ("REUTERS/..."), or a credit after a bar. The story runs on past each.
    paragraphs = [f"PORT ELMAR (Reuters) - {STRIKE[0]}", *STRIKE[1:]]
    first = "Cranes stand idle at the container terminal in Port Elmar, May 7, 2026."
    second = "Union secretary Dana Orel speaks to reporters outside the terminal."
    dump = ("Home\nWorld\nBusiness\nPort Elmar dock workers end strike after pay deal\nBy Mira Kessel\n"
            "May 8, 2026 11:02 AM\n" + "\n".join(paragraphs[:2]) + f"\n{first} REUTERS/Tomas Brenner/File Photo\n"
            + "\n".join(paragraphs[2:4]) + f"\n{second} | Photo Credit: Jon Tavi\n" + paragraphs[4]
            + "\nMore from Business\nFerry fares to rise in June\nNew cranes for the north quay\n")
    article = extract_page(Page("dump.txt", dump), ExtractConfig(mode="text"))
    assert article.body == paragraphs
    assert [(image.caption, image.credit) for image in article.images] == [
        (first, "REUTERS/Tomas Brenner/File Photo"), (second, "Jon Tavi")]


def test_an_ad_slot_or_a_promo_between_short_lines_of_the_story_is_taken_out_but_a_credit_is_not():
    # An ad's label or a promo's lead says what it is, so the story's lines around it need not be
    # long: a sentence of seven words above, a line that lost its full stop below. A bare credit
    # there may close a caption (a short sentence too), and stays for the body pass to read.
    from wiretrace.extract import text, textsegment

    above = ["PORT ELMAR (AP) — Health officials in Port Elmar are reporting a sixth death linked to a "
             "mosquito-borne virus this summer.", "Officials urged residents to use insect repellent."]
    below = ("The department will spray the marshes north of the harbour twice a week until the first frost, "
             "a spokesman said")
    for middle, kind in [("Continue reading the main story", "advert"), ("READ MORE: Ferry fares to rise in June", "promo"),
                         ("Photo: Getty Images", None)]:
        blocks = [textsegment.Block(line, n, False, 0) for n, line in enumerate([*above, middle, below])]
        kept, slots = text._without_slots(blocks)
        assert slots == ({2: kind} if kind else {})
        assert [b.text for b in kept] == [*above, below] if kind else kept == blocks


def test_an_ad_slot_under_a_short_sentence_of_the_story_does_not_part_it():
    # The ad's label says what it is, so the paragraphs around it need not be long: one sentence
    # of seven words above it, a line that lost its full stop below.
    paragraphs = [
        "PORT ELMAR (AP) — Health officials in Port Elmar are reporting a sixth death linked to a "
        "mosquito-borne virus this summer.",
        "County health department officials said Monday the victim was one of two people who caught the virus "
        "in August. The death occurred Saturday.",
        "Officials urged residents to use insect repellent.",
        "The department will spray the marshes north of the harbour twice a week until the first frost, "
        "a spokesman said",
        "Cases of the virus have been confirmed in four counties this year, the state health department said.",
    ]
    dump = ("Home\nNews\nHealth\nSixth death linked to mosquito-borne virus\nAssociated Press\nSeptember 3, 2026\n"
            + "\n".join(paragraphs[:3]) + "\nContinue reading the main story\n" + "\n".join(paragraphs[3:])
            + "\nMore from Health\nWhy the north quay floods every spring\nNew cranes for the north quay\n")
    article = extract_page(Page("dump.txt", dump), ExtractConfig(mode="text"))
    assert article.body == paragraphs
    assert "Continue reading the main story" in {b.text for b in article.boilerplate}


@pytest.mark.parametrize("line, kind", [
    ("Advertisement - Continue Reading Below", "advert"),
    ("Advert", "advert"),
    ("Anzeige", "advert"),
    ("Foto: Jon Tavi/dpa", "caption"),
    ("Story continues below advertisement", "advert"),
    ("RELATED COVERAGE: Ferry fares to rise in June as fuel costs climb", "promo"),
    ("MORE: Ferry fares to rise in June", "promo"),
    ("Don't miss: Ferry fares to rise in June", "promo"),
    ("ALSO READ | Ferry fares to rise in June", "promo"),
    ("Photo: Getty Images", "caption"),
    ("Cranes stand idle at the terminal on Friday. REUTERS/Jon Tavi", "picture"),
    ("(AP Photo/Jon Tavi)", "picture"),
    ("(Photo by Jon Tavi/Getty Images)", "picture"),
    ("AFP via Getty Images", "caption"),
    ("Credit: Jon Tavi/Reuters", "caption"),
    ("(Reuters)", None),
    ("(AP)", None),
    ("Image copyright Getty Images", "picture"),
    ("Image caption Protesters gather outside parliament", "picture"),
    ("Media playback is unsupported on your device", "video"),
    ("Video", "video"),
    ("Now Playing", "video"),
    ("Video shows the rescue", None),
    ("Click here to get the app", None),
    ("Officials urged residents to use insect repellent.", None),
    ("Ferry fares to rise in June", None),
])
def test_what_a_line_between_two_paragraphs_of_the_story_is(line, kind):
    from wiretrace.extract import text

    assert text._slot(line) == kind


def test_a_related_list_whose_headlines_ask_or_exclaim_stays_out_of_the_story_and_the_bio_under_it_names_the_writer():
    # A headline may end on "?" or "!" (a quote's, too); under a related heading it is still a
    # link, not the story's next paragraph. The writer's note under the list names the writer.
    paragraphs = [
        "Neo-banks promise friendly design, accessible features and no overdraft fees, and millions of "
        "customers have signed up for them in the past two years.",
        "That will almost certainly also be the case with these start-ups: banks will not lie down and let "
        "the disruption happen without a fight.",
        "A second problem is more serious. No amount of friendly design can make up for the lack of a "
        "banking licence when regulators come knocking.",
    ]
    dump = ("Home\nIdeas\nThe trouble with neo-banks\n\n" + "\n\n".join(paragraphs) + "\n\n"
            "More Great Stories\n"
            "  * Could an astronaut lost in space use gravity to get around?\n"
            "  * Video shows dramatic rescue of kidnapped girl: \"We got her!\"\n"
            "  * The plan to boost drone batteries with a tiny jet engine\n"
            "Mira Kessel (@mirakessel) is an Ideas contributor at Port Elmar Ledger and the host of a daily "
            "radio show about money.\n"
            "Topics banks money\n")
    article = extract_page(Page("dump.txt", dump), ExtractConfig(mode="text"))
    assert article.body == paragraphs
    assert article.authors == ["Mira Kessel"]
    assert "Could an astronaut lost in space use gravity to get around?" in [link.headline for link in article.related]


def test_a_drop_cap_set_apart_from_its_word_is_joined_to_it_where_the_page_uses_the_word():
    from wiretrace.extract import text

    body = ["T he council voted on Tuesday to extend the tram line to the harbour.",
            "T cells are part of the immune system, the study said.",
            "W domu nie było nikogo, powiedział sąsiad.",
            "A dam Kessel, the union's secretary, signed the deal.",
            "I t was the third strike this year.",
            "A spokesperson for the port said the deal would hold.",
            "I ran the numbers again, the union's treasurer said."]
    content = "Home\nAdam Kessel: the tram line and what it means\nBanks in Iran\nA spokesperson\n" + "\n".join(body)
    assert text._without_split_drop_caps(body, content) == [
        "The council voted on Tuesday to extend the tram line to the harbour.", body[1], body[2],
        "Adam Kessel, the union's secretary, signed the deal.", "It was the third strike this year.",
        body[5], body[6]]


def test_a_screen_readers_picture_labels_between_paragraphs_are_one_picture_not_part_of_the_story():
    # BBC-style: "Image copyright <credit>" over "Image caption <caption>" between two paragraphs.
    paragraphs = STRIKE[:4]
    dump = ("Home\nBusiness\n\nPort Elmar dock workers end strike after pay deal\n\n8 May 2026\n\n"
            + "\n\n".join(paragraphs[:2]) + "\n\nImage copyright Getty Images\n\n"
            "Image caption Cranes stand idle at the container terminal\n\n" + "\n\n".join(paragraphs[2:])
            + "\n\nMore from Business\n\nFerry fares to rise in June\n")
    article = extract_page(Page("dump.txt", dump), ExtractConfig(mode="text"))
    assert article.body == paragraphs
    assert [(image.caption, image.credit) for image in article.images] == [
        ("Cranes stand idle at the container terminal", "Getty Images")]


def test_a_credit_under_a_caption_drawn_twice_is_no_slot_between_paragraphs():
    # lynx and w3m draw a picture's alt text and its caption, the same words, over its credit:
    # the two lines are no paragraphs of the story, and the credit stays for the body pass.
    from wiretrace.extract import text, textsegment

    lead = ("Dock workers in Port Elmar voted on Friday to end a nine-day strike after the port authority offered "
            "a pay rise of 6% over two years.")
    caption = "Cranes stand idle at the container terminal in Port Elmar on Thursday, a day before the vote."
    lines = [lead, caption, caption, "(Image: © Jon Tavi/Port Elmar Ledger)",
             "The strike had left more than 40 ships waiting at anchor and delayed grain shipments, the authority said."]
    blocks = [textsegment.Block(line, n, False, 0) for n, line in enumerate(lines)]
    assert text._without_slots(blocks) == (blocks, {})


def test_a_tags_list_drawn_a_line_each_without_bullets_fills_tags_but_a_menu_does_not():
    story = ("Home\nWorld\nFrance to ban short-haul flights where trains run\nJon Tavi in Paris\n"
             "Tue 19 Nov 2019 14.05 GMT\n"
             "France will ban domestic flights on routes that can be covered by train in under two and a half "
             "hours, the transport minister said on Tuesday.\n"
             "The measure, part of a climate law, will take effect next year, Jean Dupont told reporters in Paris.\n"
             "Airlines said the ban would cost jobs and do little for the climate, since the routes carry few "
             "passengers.\n")
    tagged = extract_page(Page("dump.txt", story + "Topics\nFrance\nEurope\nAir transport\nShow more\n"),
                          ExtractConfig(mode="text"))
    assert tagged.tags == ["France", "Europe", "Air transport"]
    menu = extract_page(Page("dump.txt", story + "Topics\no Festivals\no Pride\no Podcasts\nMore from World\n"),
                        ExtractConfig(mode="text"))
    assert menu.tags == []


def test_an_agency_named_between_a_section_and_a_stamp_credits_the_copy():
    dump = ("Home\nIndia News\nIndia Monitoring Marvosa Gas Situation, Says Petroleum Ministry\n"
            "India News | Press Trust of India | Updated: May 07, 2026 9:41 pm IST\n"
            "The government is closely monitoring the situation after reports that Marvosa may cap natural gas "
            "exports, the petroleum ministry said on Thursday.\n"
            "Supplies under existing long-term contracts are not expected to be affected, officials said.\n"
            "Promoted\nListen to the latest songs\n")
    article = extract_page(Page("dump.txt", dump), ExtractConfig(mode="text"))
    assert (article.wire, article.updated) == ("PTI", "2026-05-07T21:41:00+05:30")


def test_a_writers_name_over_the_agencys_name_over_the_stamp_is_the_byline():
    # As Yahoo sets AP copy: the writer's name, the agency's on the next line, then the stamp.
    dump = ("Yahoo News\nHome\nStorm knocks out power to thousands across Maine\nJANE DOE\nAssociated Press\n"
            "November 19, 2019, 4:12 PM EST\n"
            "PORT ELMAR, Maine (AP) — A storm packing winds of up to 60 mph knocked out power to more than "
            "40,000 homes across the region on Tuesday, utilities said.\n"
            "Crews worked through the night to restore power, and the utility said most customers should have "
            "electricity back by Wednesday evening.\n")
    article = extract_page(Page("dump.txt", dump), ExtractConfig(mode="text"))
    assert (article.authors, article.wire) == (["Jane Doe"], "AP")

