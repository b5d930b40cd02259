"""HTML mode's record (wiretrace.extract.html) on small pages written for these tests."""

from wiretrace.extract import ExtractConfig, extract_page
from wiretrace.record import Page

PARAGRAPHS = "".join(f"<p>{text}</p>" for text in [
    ("Two prison officers were charged on Tuesday with falsifying records on the night a detainee died in their "
     "care, federal prosecutors in Harbourton said."),
    ("The officers were supposed to check on the detainee every half hour but sat at their desks instead, the "
     "indictment says, and later signed forms saying they had made the rounds."),
    ("Lawyers for both officers said they would plead not guilty. The prison service said it was reviewing its "
     "night-shift procedures and had moved the unit's supervisors to other duties."),
])

PAGE = f"""<html><head><title>Prison officers charged over records</title>
<script type="application/ld+json">{{"@context": "http://schema.org", "@type": "NewsArticle",
 "headline": "Prison officers charged over records", "datePublished": "0001-01-01T00:00:00Z",
 "dateModified": "0001-01-01T00:00:00Z"}}</script></head>
<body><article><h1>Prison officers charged over records</h1>
<div class="publish-date">Published 7:07 PM EST Nov 19, 2019</div>
<figure><img src="/img/prison.jpg"><figcaption>This March 28, 2017, file photo shows the prison gate.</figcaption></figure>
{PARAGRAPHS}</article></body></html>"""


def test_an_unset_markup_date_gives_way_to_the_stamp_the_page_shows():
    # "0001-01-01" is a CMS's "unset"; the caption's 2017 date is a file photo's, not the story's.
    article = extract_page(Page("prison.html", PAGE), ExtractConfig(mode="html"))
    assert article.published == "2019-11-19T19:07:00-05:00"
    assert article.updated is None


def test_an_updated_stamp_in_an_element_of_its_own_before_the_published_one_is_read():
    page = PAGE.replace('<div class="publish-date">Published 7:07 PM EST Nov 19, 2019</div>',
                        '<div class="when"><span class="updated-at">Updated Nov. 19, 2019 10:38 p.m. EST</span> '
                        '<span class="publish-date">Published Nov. 19, 2019 7:07 p.m. EST</span></div>')
    article = extract_page(Page("prison.html", page), ExtractConfig(mode="html"))
    assert (article.published, article.updated) == ("2019-11-19T19:07:00-05:00", "2019-11-19T22:38:00-05:00")


def test_a_labelled_stamp_under_the_headline_dates_the_story_whatever_its_class():
    # Only the URL names the day otherwise; the stamp gives the time and the zone too.
    page = f"""<html><head><title>Prison officers charged over records</title></head><body>
<h1>Prison officers charged over records</h1>
<div class="newsinfo">Posted On: 19-Nov-2019 19:46 IST &nbsp;|&nbsp; By: Our Staff Reporter &nbsp;|&nbsp; Harbourton</div>
<div class="story">{PARAGRAPHS}</div></body></html>"""
    article = extract_page(Page("prison.html", page, "https://news.example.in/2019/11/19/prison-officers.html"),
                           ExtractConfig(mode="html"))
    assert article.published == "2019-11-19T19:46:00+05:30"


def test_a_markup_date_without_its_zone_takes_the_time_the_page_shows_that_day():
    page = f"""<html><head><title>Prison officers charged over records</title>
<meta name="pubdate" content="20191119T190700"></head><body><article>
<h1>Prison officers charged over records</h1>
<div class="publish-date">Published Nov. 19, 2019 7:07 p.m. CST</div>{PARAGRAPHS}</article></body></html>"""
    article = extract_page(Page("prison.html", page), ExtractConfig(mode="html"))
    assert article.published == "2019-11-19T19:07:00-06:00"
    # (A stamp of another day is another date: the markup's day stays.)
    other_day = page.replace("Nov. 19, 2019", "Nov. 12, 2019")
    assert extract_page(Page("prison.html", other_day), ExtractConfig(mode="html")).published == "2019-11-19"


def test_an_unlabelled_date_with_its_time_in_the_credit_line_under_the_headline_dates_the_story():
    page = f"""<html><head><title>Prison officers charged over records</title></head><body>
<h1>Prison officers charged over records</h1>
<div class="src"><span>Harbour Wire</span> | <span>Tue, 19 Nov 2019 19:46:02 +0100</span> | Filed under: Courts</div>
<div class="story">{PARAGRAPHS}</div></body></html>"""
    article = extract_page(Page("prison.html", page), ExtractConfig(mode="html"))
    assert article.published == "2019-11-19T19:46:02+01:00"


def test_a_person_the_markup_names_in_another_script_is_an_author():
    page = f"""<html><head><title>Prison officers charged over records</title>
<script type="application/ld+json">{{"@type": "NewsArticle", "headline": "Prison officers charged over records",
 "datePublished": "2019-11-19T19:07:00+09:00", "author": [{{"@type": "Person", "name": "佐藤 美咲"}},
 {{"@type": "Person", "name": "Иван Петров"}}, {{"@type": "Organization", "name": "東海日報"}}]}}</script></head>
<body><article><h1>Prison officers charged over records</h1>{PARAGRAPHS}</article></body></html>"""
    article = extract_page(Page("prison.html", page), ExtractConfig(mode="html"))
    assert article.authors == ["佐藤 美咲", "Иван Петров"]


def _page(lead: str, description: str = "Two prison officers face charges.", first: str = "") -> str:
    return f"""<html><head><title>Prison officers charged over records</title>
<meta property="og:description" content="{description}"></head>
<body><article><h1>Prison officers charged over records</h1>
{lead}<div class="byline">By Ana Ruiz</div>{first}{PARAGRAPHS}</article></body></html>"""


STANDFIRST = "Indictment says the pair sat at their desks instead of checking on a detainee who later died"


def test_a_standfirst_under_the_headline_is_the_dek_not_the_first_paragraph():
    for lead in (f'<p class="standfirst">{STANDFIRST}</p>', f'<div data-gu-name="standfirst"><p>{STANDFIRST}</p></div>',
                 f"<h2>{STANDFIRST}</h2>", f'<p class="article__chapo">{STANDFIRST}</p>'):
        article = extract_page(Page("prison.html", _page(lead)), ExtractConfig(mode="html"))
        assert article.dek == STANDFIRST, lead
        assert article.body[0].startswith("Two prison officers were charged"), lead


def test_a_lede_restating_the_description_stays_in_the_body():
    lede = "Two prison officers were charged on Tuesday with falsifying records on the night a detainee died."
    article = extract_page(Page("prison.html", _page("", description=lede, first=f"<p>{lede}</p>")),
                           ExtractConfig(mode="html"))
    assert article.body[0] == lede and article.dek is None


TEASERS = [("Sterling slips against dollar after weak retail sales data",
            "The pound fell 0.3% against the dollar on Tuesday after retail sales dropped for a second month, "
            "adding to bets that the central bank will cut rates in August."),
           ("Gilt yields fall to three-month low on rate-cut bets",
            "Ten-year gilt yields fell to their lowest since March as traders priced in two rate cuts before the "
            "end of the year, after weaker-than-expected jobs figures."),
           ("Oil falls as producers signal more supply from August",
            "Brent crude futures fell 0.7% after the producers' group said it would raise output from August, "
            "easing worries about tight supply during the summer driving season."),
           ("Asian stocks mixed as investors await US inflation data",
            "Japan's main index rose 0.6% while Hong Kong shares slipped, as investors waited for US inflation "
            "figures due later in the week that could shape the path of interest rates.")]
TEASER_LIST = "".join(f'<div class="teaser"><h3><a href="/markets/story-{k}/">{title}</a></h3><p>{summary}</p></div>'
                      for k, (title, summary) in enumerate(TEASERS))


def test_a_section_front_of_teasers_is_no_article():
    page = f"""<html><head><title>Markets - Harbourline</title><meta property="og:type" content="website"></head>
<body><div class="section-front"><h1>Markets</h1>{TEASER_LIST}</div></body></html>"""
    article = extract_page(Page("front.html", page), ExtractConfig(mode="html"))
    assert article.is_article is False and article.body == []
    assert any("front page" in w for w in article.warnings)


def test_a_home_page_of_links_over_summaries_is_no_article():
    items = "".join(f'<li><a href="/markets/story-{k}/">{title}</a><p>{summary}</p></li>'
                    for k, (title, summary) in enumerate(TEASERS))
    page = f"""<html><head><title>Harbourline - Latest news</title><meta property="og:type" content="website"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav><h1>Latest news</h1><ul>{items}</ul></body></html>"""
    article = extract_page(Page("index.html", page), ExtractConfig(mode="html"))
    assert article.is_article is False
    assert any("front page" in w for w in article.warnings)


def test_an_error_page_saying_so_in_its_heading_is_no_article_even_with_teasers():
    page = f"""<html><head><title>Cedar Valley Courier</title></head><body>
<h1>Oops! We couldn't find that page.</h1>
<p>The story you were looking for may have been moved, renamed or removed from our archive. If you followed a link
from another site, please let them know it is broken.</p><h2>Popular right now</h2>{TEASER_LIST}</body></html>"""
    article = extract_page(Page("404.html", page), ExtractConfig(mode="html"))
    assert article.is_article is False
    assert any("error page" in w for w in article.warnings)


def test_a_story_with_a_related_box_stays_an_article():
    page = f"""<html><head><title>Prison officers charged over records</title></head><body><article>
<h1>Prison officers charged over records</h1>{PARAGRAPHS}</article><aside><h2>Related</h2>{TEASER_LIST}</aside></body></html>"""
    article = extract_page(Page("story.html", page), ExtractConfig(mode="html"))
    assert article.is_article is True and article.body[0].startswith("Two prison officers")


def test_a_figcaption_closing_on_a_credit_gives_the_credit_apart():
    captions = {
        "Flooding in Tewkesbury in January. Photograph: Ben Stansall/AFP/Getty Images":
            ("Flooding in Tewkesbury in January.", "Ben Stansall/AFP/Getty Images"),
        "A delivery drone lands at a test site in Frisco, Texas. File Photo by Ian Halperin/UPI":
            ("A delivery drone lands at a test site in Frisco, Texas.", "Ian Halperin/UPI"),
        "Sen. Carla Whitfield speaks on Capitol Hill, Wednesday, June 10, 2026. (AP Photo/Mariam Zuhaib)":
            ("Sen. Carla Whitfield speaks on Capitol Hill, Wednesday, June 10, 2026.", "AP Photo/Mariam Zuhaib"),
    }
    for caption, expected in captions.items():
        page = f"""<html><head><title>Prison officers charged over records</title></head><body><article>
<h1>Prison officers charged over records</h1><figure><img src="/a.jpg"><figcaption>{caption}</figcaption></figure>
{PARAGRAPHS}</article></body></html>"""
        article = extract_page(Page("credit.html", page), ExtractConfig(mode="html"))
        assert [(i.caption, i.credit) for i in article.images] == [expected], caption

XHTML_PAGE = f"""<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en" lang="en">
<head><title>Prison officers charged over records</title></head>
<body><div id="content"><h1>Prison officers charged over records</h1>
{PARAGRAPHS}</div></body></html>"""


def test_an_xhtml_page_with_an_xml_declaration_is_extracted():
    # The page is text by now; lxml refuses text that opens with a declaration naming an encoding.
    for page in (XHTML_PAGE, "\ufeff" + XHTML_PAGE):
        article = extract_page(Page("prison.xhtml", page), ExtractConfig(mode="auto"))
        assert article.input_kind == "html"
        assert article.headline == "Prison officers charged over records"
        assert len(article.body) == 3 and article.body[0].startswith("Two prison officers were charged")


def test_a_caption_beside_its_picture_without_a_figure_is_read():
    page = f"""<html><head><title>Prison officers charged over records</title></head><body><article>
<h1>Prison officers charged over records</h1>
<div class="photo"><img src="https://img.example/prison.jpg" alt="The prison gate">
<span class="newsCaption">The prison gate in Harbourton on Tuesday morning <span class="photo-credit">(Image: Jon Tavi)</span></span></div>
<div class="gallery-teaser"><img src="https://img.example/teaser.jpg"><span class="teaser-caption">ITV, ASSOCIATED PRESS</span></div>
{PARAGRAPHS}</article></body></html>"""
    article = extract_page(Page("loose.html", page), ExtractConfig(mode="html"))
    assert [(i.url, i.caption, i.credit) for i in article.images] == [
        ("https://img.example/prison.jpg", "The prison gate in Harbourton on Tuesday morning", "Jon Tavi")]


def test_control_characters_in_a_page_cost_it_nothing():
    """lxml keeps an "&#27;" or a raw ESC it parses, then refuses it in any text set later: the
    body extractor's clean-up failed and the page lost its whole body."""
    page = PAGE.replace("federal prosecutors", "federal &#27;[31mprosecutors\x1b[0m").replace("the prison gate", "the\x0cgate")
    article = extract_page(Page("prison.html", page), ExtractConfig(mode="html"))
    assert article.is_article
    assert article.body[0].endswith("in their care, federal [31mprosecutors [0m in Harbourton said.")
    assert not any(c in "".join(article.body) for c in "\x1b\x0c")


def test_an_amp_pages_pictures_have_their_address():
    page = f"""<html amp><head><title>Prison officers charged over records</title></head><body><article>
<h1>Prison officers charged over records</h1>
<figure><amp-img src="/img/prison.jpg" width="1200" height="675" layout="responsive" alt="The prison gate">
<noscript><img src="/img/prison.jpg"></noscript></amp-img>
<figcaption>The prison gate in Harbourton on Tuesday morning. <span class="credit">Jon Tavi</span></figcaption></figure>
{PARAGRAPHS}
<div class="photo"><amp-img src="/img/court.jpg" width="800" height="450" alt=""></amp-img>
<span class="caption">The courthouse where the officers will appear next month</span></div>
</article></body></html>"""
    article = extract_page(Page("prison.amp.html", page, "https://news.example.com/prison.amp.html"),
                           ExtractConfig(mode="html"))
    assert [(i.url, i.caption, i.credit) for i in article.images] == [
        ("https://news.example.com/img/prison.jpg", "The prison gate in Harbourton on Tuesday morning.", "Jon Tavi"),
        ("https://news.example.com/img/court.jpg", "The courthouse where the officers will appear next month", None)]


def test_a_paywall_the_page_shows_or_the_markup_declares_is_a_warning():
    shown = PAGE.replace("</article>", "<p>Subscribe to continue reading. Already a subscriber? "
                         "Log in.</p></article>")
    article = extract_page(Page("prison.html", shown), ExtractConfig(mode="html"))
    assert not any("Subscribe" in p for p in article.body)
    assert article.warnings == ["a paywall: the page shows only the opening of the story"]

    declared = PAGE.replace('"dateModified"', '"isAccessibleForFree": "False", "dateModified"')
    article = extract_page(Page("prison.html", declared), ExtractConfig(mode="html"))
    assert article.warnings == ["the publisher marks the story as not free to read: the page may show only its opening"]
    assert extract_page(Page("prison.html", PAGE), ExtractConfig(mode="html")).warnings == []


def _scripted_page(article_body: str, shown: str = "") -> str:
    import json

    ld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle",
                     "headline": "Prison officers charged over records", "articleBody": article_body})
    return (f'<html><head><title>Prison officers charged over records</title><script type="application/ld+json">{ld}'
            f'</script></head><body><div id="app"><nav><a href="/">Home</a> <a href="/news">News</a></nav>'
            f'<div class="loading">Loading…</div>{shown}</div><script src="/static/app.js"></script></body></html>')


STORY_PARAGRAPHS = [
    "HARBOURTON (AP) — Two prison officers were charged on Tuesday with falsifying records on the night a detainee "
    "died in their care, federal prosecutors said.",
    "The officers were supposed to check on the detainee every half hour but sat at their desks instead, the "
    "indictment says, and later signed forms saying they had made the rounds.",
    "Lawyers for both officers said they would plead not guilty. The prison service said it was reviewing its "
    "night-shift procedures.",
]


def test_a_page_its_scripts_fill_in_gets_the_body_its_json_ld_states():
    article = extract_page(Page("scripted.html", _scripted_page("\n\n".join(STORY_PARAGRAPHS))), ExtractConfig(mode="html"))
    assert article.body == STORY_PARAGRAPHS
    assert article.is_article and article.headline == "Prison officers charged over records"
    assert article.wire == "AP"
    assert any("JSON-LD articleBody" in w for w in article.warnings)


def test_the_body_the_page_shows_wins_over_the_one_it_states():
    # The stated body is a teaser (CMSs often cut it), or the page shows the whole story anyway.
    shown = "".join(f"<p>{p}</p>" for p in STORY_PARAGRAPHS)
    for stated in (STORY_PARAGRAPHS[0], " ".join(STORY_PARAGRAPHS)):
        article = extract_page(Page("story.html", _scripted_page(stated, f"<article>{shown}</article>")),
                               ExtractConfig(mode="html"))
        assert article.body == STORY_PARAGRAPHS
        assert not any("JSON-LD articleBody" in w for w in article.warnings)


def _credited(byline: str = "", closing: str = "") -> str:
    return f"""<html><head><title>Prison officers charged over records</title></head><body><article>
<h1>Prison officers charged over records</h1>{byline}{PARAGRAPHS}{closing}</article></body></html>"""


def test_an_agency_beside_the_writer_unnamed_agencies_and_a_source_line_credit_the_wire():
    def record(**parts):
        return extract_page(Page("prison.html", _credited(**parts)), ExtractConfig(mode="html"))

    bloomberg = record(byline='<p class="byline">By Jane Doe, Bloomberg</p>')
    assert (bloomberg.wire, bloomberg.syndicated, bloomberg.authors) == ("Bloomberg", True, ["Jane Doe"])
    agencies = record(byline='<div class="byline">By <a href="/staff/jd">Jane Doe</a> and agencies</div>')
    assert (agencies.wire, agencies.syndicated, agencies.syndication_evidence) == (None, True, "By Jane Doe and agencies")
    source = record(closing="<p>Source: AFP</p>")
    assert (source.wire, source.syndicated) == ("AFP", True)
    assert source.body[-1].startswith("Lawyers for both officers")
    # A writer of the paper's own is no wire.
    own = record(byline='<p class="byline">By Jane Doe, Senior Reporter</p>')
    assert (own.wire, own.syndicated) == (None, False)


def test_a_teasers_byline_is_not_the_writer_of_a_story_its_desk_signed():
    cards = """<ul class="related">
<li><a href="/news/red-hill-fuel">Navy says fuel plan will take time</a><div class="card-author-name">Lisa Kubota</div></li>
<li><a href="/news/surf">Big surf closes beaches</a><div class="card-byline">By Ben Gutierrez</div></li></ul>"""
    for desk in ('<div class="byline">By HNN Staff | November 18, 2019 at 2:26 PM HST</div>',
                 '<div class="article-author"><span class="byline__author-name">Telegraph Sport</span></div>'):
        page = _credited(byline=desk).replace("</article>", "</article>" + cards)
        article = extract_page(Page("prison.html", page), ExtractConfig(mode="html"))
        assert article.authors == [], desk
    # A writer named beside the agency is the writer.
    page = _credited(byline='<div class="byline">Tom Davies Associated Press Published 11:34 PM EST Nov 19, 2019</div>'
                            '<div class="byline">Tom Davies</div>').replace("</article>", "</article>" + cards)
    article = extract_page(Page("prison.html", page), ExtractConfig(mode="html"))
    assert (article.authors, article.wire) == (["Tom Davies"], "AP")


def test_what_ad_slots_and_a_call_for_tips_leave_in_the_story_leaves_it():
    page = _credited().replace(PARAGRAPHS, PARAGRAPHS.replace("</p><p>", "</p><p>Continue reading below</p><p>", 1)
                               + "<p><em>Have a story? Email us at tips@harbourton.example</em></p>")
    article = extract_page(Page("prison.html", page), ExtractConfig(mode="html"))
    assert len(article.body) == 3 and article.body[-1].startswith("Lawyers for both officers")


HINDI_PAGE = """<!DOCTYPE html><html lang="hi"><head><meta charset="utf-8"><title>महंगाई पर आरबीआई की नज़र, ब्याज दरें स्थिर रहने की संभावना | आर्थिक समाचार</title>
<meta property="og:title" content="महंगाई पर आरबीआई की नज़र, ब्याज दरें स्थिर रहने की संभावना">
<meta property="article:published_time" content="2025-03-19T20:03:00+05:30">
</head><body><nav><a href="/">होम</a> <a href="/desh">देश</a> <a href="/videsh">विदेश</a></nav>
<article><h1>महंगाई पर आरबीआई की नज़र, ब्याज दरें स्थिर रहने की संभावना</h1>
<div class="date">अपडेटेड: 19 मार्च 2025, 08:03 PM IST</div>
<p>नयी दिल्ली, 19 मार्च (भाषा) भारतीय रिज़र्व बैंक (आरबीआई) अगले महीने होने वाली मौद्रिक नीति समीक्षा बैठक में नीतिगत दरों को स्थिर रख सकता है। यह बात सूत्रों ने बुधवार को कही।</p>
<p>सूत्रों के अनुसार, खुदरा महंगाई दर के लक्ष्य से ऊपर बने रहने के कारण केंद्रीय बैंक सतर्क रुख अपनाएगा। वित्त मंत्रालय ने इस पर कोई टिप्पणी करने से इनकार कर दिया।</p>
<p><strong>यह भी पढ़ें: <a href="/share-bazaar">शेयर बाजार में तेजी, सेंसेक्स 500 अंक चढ़ा</a></strong></p>
<p>विशेषज्ञों का मानना है कि खाद्य कीमतों में नरमी आने पर ही दरों में कटौती की गुंजाइश बनेगी। एक निजी बैंक के मुख्य अर्थशास्त्री ने कहा कि जून से पहले कटौती की संभावना कम है।</p>
<p>भाषा अजय अजय</p>
</article><footer>© 2025 आर्थिक समाचार</footer></body></html>
"""


def test_a_hindi_page_credits_the_hindi_service_and_keeps_stamp_and_sign_off_out():
    article = extract_page(Page("hindi.html", HINDI_PAGE), ExtractConfig(mode="html"))
    assert (article.wire, article.syndicated) == ("PTI", True)
    assert article.body[0].startswith("नयी दिल्ली, 19 मार्च (भाषा) भारतीय रिज़र्व बैंक")
    assert article.body[-1].startswith("विशेषज्ञों का मानना है") and len(article.body) == 3
    assert {(b.text, b.category) for b in article.boilerplate} >= {
        ("अपडेटेड: 19 मार्च 2025, 08:03 PM IST", "dateline"), ("भाषा अजय अजय", "byline")}


AP_PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Floodwaters recede in Carrow Valley as residents begin cleanup | AP News</title>
<meta property="og:title" content="Floodwaters recede in Carrow Valley as residents begin cleanup">
<meta property="og:site_name" content="AP News">
<meta property="article:published_time" content="2026-04-21T14:12:00Z">
<meta name="author" content="Maria Delgado, Tom Reyes">
</head><body>
<header><nav><a href="/">AP News</a> <a href="/us-news">U.S. News</a> <a href="/world-news">World News</a> <a href="/politics">Politics</a> <a href="/sports">Sports</a> <a href="/entertainment">Entertainment</a> <a href="/business">Business</a> <a href="/science">Science</a></nav>
<div class="menu"><a href="/live">LIVE</a> <a href="/quizzes">Quizzes</a> <a href="/newsletters">Newsletters</a></div></header>
<main><div class="Page-breadcrumbs"><a href="/us-news">U.S. News</a></div>
<h1 class="Page-headline">Floodwaters recede in Carrow Valley as residents begin cleanup</h1>
<div class="Page-authors">By <a href="/author/maria-delgado">MARIA DELGADO</a> and <a href="/author/tom-reyes">TOM REYES</a></div>
<div class="Page-dateModified">Updated 2:12 PM UTC, April 21, 2026</div>
<div class="Page-actions"><a href="#">Share</a> <a href="#">Copy</a> <a href="#">Link copied</a> <a href="#">Email</a> <a href="#">Facebook</a> <a href="#">X</a> <a href="#">Reddit</a> <a href="#">LinkedIn</a> <a href="#">Pinterest</a> <a href="#">Flipboard</a> <a href="#">Print</a></div>
<figure><img src="https://apnews.example/img/flood.jpg" alt="Residents clear mud from a house in Carrow"><figcaption>Residents clear mud from a house in Carrow, Ore., Monday, April 20, 2026. (AP Photo/Lena Hart)</figcaption></figure>
<div class="RichTextStoryBody">
<p>CARROW, Ore. (AP) — Floodwaters that swamped hundreds of homes in Oregon's Carrow Valley began to recede on Tuesday, and residents returned to shovel mud out of living rooms and haul ruined furniture to the curb.</p>
<p>The Carrow River crested Sunday night at nearly 6 feet above flood stage, the National Weather Service said, after four days of heavy rain. No deaths were reported, but at least 40 people were rescued from flooded homes and cars.</p>
<p>"We lost everything on the ground floor," said Janet Osei, who has lived on River Road for 22 years. "But we're alive, and the neighbors have been incredible."</p>
<div class="Advertisement">Advertisement</div>
<p>Gov. Marta Lindholm declared a state of emergency for Carrow County on Monday and asked the federal government for disaster aid. A spokesperson for the Federal Emergency Management Agency said the request was being reviewed.</p>
<p>County officials said the sewage treatment plant had been damaged and asked residents to boil tap water until further notice. The county did not say when the plant would be repaired.</p>
<p>___</p>
<p>Associated Press writer Sam Okafor in Portland, Oregon, contributed to this report.</p>
</div>
<div class="Page-tags"><a href="/hub/floods">Floods</a> <a href="/hub/oregon">Oregon</a> <a href="/hub/weather">Weather</a></div>
<section class="related"><h2>More from AP News</h2><ul><li><a href="/a">Wildfire smoke drifts into Idaho</a></li><li><a href="/b">Storm knocks out power to 40,000 homes</a></li></ul></section>
</main><footer><p>Copyright 2026 The Associated Press. All Rights Reserved.</p><a href="/about">About</a> <a href="/contact">Contact Us</a></footer>
</body></html>
"""


def test_the_tags_a_page_shows_are_its_tags_where_its_markup_states_none():
    article = extract_page(Page("ap.html", AP_PAGE), ExtractConfig(mode="html"))
    assert article.tags == ["Floods", "Oregon", "Weather"]
    assert (article.wire, article.authors) == ("AP", ["Maria Delgado", "Tom Reyes"])
    assert (article.breadcrumb, article.section) == (["U.S. News"], "U.S. News")  # a trail of one: the section
    # A share box named with them is none; tags the markup states win.
    shared = AP_PAGE.replace('class="Page-tags"', 'class="tags-share-box"')
    assert extract_page(Page("ap.html", shared), ExtractConfig(mode="html")).tags == []
    stated = AP_PAGE.replace("</head>", '<meta name="keywords" content="Carrow River, flooding"></head>')
    assert extract_page(Page("ap.html", stated), ExtractConfig(mode="html")).tags == ["Carrow River", "flooding"]


RELEASE_PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Acme Robotics opens plant in Ohio, adding 400 jobs - Markets Daily</title>
<meta property="og:site_name" content="Markets Daily"></head><body>
<nav><a href="/">Home</a> <a href="/business">Business</a></nav>
<article><h1>Acme Robotics opens plant in Ohio, adding 400 jobs</h1>
<p>NEW YORK, Nov. 19, 2019 /PRNewswire/ -- Acme Robotics Inc. (NASDAQ: ACME) today announced the opening of a new
manufacturing plant in Dayton, Ohio, which will employ 400 people by the end of next year.</p>
<p>"Dayton gives us the workforce and the logistics we need," said Jane Roe, chief executive of Acme Robotics, at the
opening ceremony on Tuesday.</p>
<p>The plant will build warehouse robots for customers in North America and Europe, the company said in a statement
released with its quarterly results.</p>
<h3>About Acme Robotics</h3>
<p>Acme Robotics is a leading developer of autonomous warehouse systems, headquartered in Dayton, Ohio. For more
information, visit www.acme.example.</p>
<p>SOURCE Acme Robotics Inc.</p>
</article><footer>© 2019 Markets Daily</footer></body></html>"""


def test_a_release_run_off_a_release_service():
    article = extract_page(Page("release.html", RELEASE_PAGE), ExtractConfig(mode="html"))
    assert (article.wire, article.syndicated, article.publisher) == ("PR Newswire", True, "Markets Daily")
    assert article.published == "2019-11-19"  # the dateline's day: the page states no other
    assert article.body[-1].startswith("The plant will build warehouse robots")  # no profile, no "SOURCE"
    assert {"About Acme Robotics", "SOURCE Acme Robotics Inc."} <= {b.text for b in article.boilerplate}


def test_a_publisher_the_markup_gives_as_its_address_is_its_host():
    page = ('<html><head><script type="application/ld+json">{"@type": "NewsArticle", "headline": "Telescope spots water",'
            ' "publisher": "https://www.hawaiinewsnow.example"}</script></head><body><article><h1>Telescope spots water</h1>'
            "<p>Scientists using a Hawaii telescope said on Monday they had found water vapour on a distant moon.</p>"
            "<p>The finding, published in a journal, rests on observations made over three nights last spring.</p>"
            "</article></body></html>")
    assert extract_page(Page("moon.html", page), ExtractConfig(mode="html")).publisher == "hawaiinewsnow.example"
