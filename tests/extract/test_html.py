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
