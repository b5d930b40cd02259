"""Markup metadata (wiretrace.extract.metadata) on small pages written for these tests."""

import lxml.html
import pytest

from wiretrace.extract.metadata import read_metadata

STORY = "https://harbourpost.example/news/2025/03/port-strike-ends"


def _page_url(head: str, url: str | None = None) -> str | None:
    tree = lxml.html.document_fromstring(f"<html><head>{head}</head><body><p>Dock workers went back.</p></body></html>")
    return read_metadata(tree, url).url


@pytest.mark.parametrize("href", ["javascript:void(0)", "#", "about:blank", "", "mailto:desk@harbourpost.example"])
def test_a_canonical_link_that_names_no_page_gives_way_to_the_page_url(href):
    head = f'<link rel="canonical" href="{href}"><meta property="og:url" content="{STORY}">'
    assert _page_url(head) == STORY
    assert _page_url(f'<link rel="canonical" href="{href}">', STORY) == STORY
    assert _page_url(f'<link rel="canonical" href="{href}">') is None


def test_a_relative_canonical_link_is_resolved_against_what_the_page_says_it_is_else_dropped():
    relative = '<link rel="canonical" href="/news/2025/03/port-strike-ends">'
    assert _page_url(relative, "https://harbourpost.example/amp/port-strike") == STORY
    assert _page_url(relative + '<meta property="og:url" content="https://harbourpost.example/p/123">') == STORY
    assert _page_url(relative) is None
    assert _page_url('<meta property="og:url" content="#top">') is None


def test_a_canonical_link_to_the_home_page_names_no_article():
    home = '<link rel="canonical" href="https://harbourpost.example/">'
    assert _page_url(home + f'<meta property="og:url" content="{STORY}">') == STORY
    assert _page_url(home, STORY) == STORY
    # ... unless the page is the home page, or nothing else names it.
    assert _page_url(home, "https://harbourpost.example/index.html") == "https://harbourpost.example/"
    assert _page_url(home) == "https://harbourpost.example/"


def test_the_article_markup_url_is_held_to_the_same_rules():
    ld = '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Port strike ends", "url": "%s"}</script>'
    assert _page_url(ld % "javascript:void(0)", STORY) == STORY
    assert _page_url(ld % "/news/2025/03/port-strike-ends", "https://harbourpost.example/amp/1") == STORY
    assert _page_url(ld % STORY, "https://harbourpost.example/amp/1") == STORY


def _stated_body(body: object) -> list[str]:
    import json

    ld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Port strike ends",
                     "articleBody": body})
    tree = lxml.html.document_fromstring(f'<html><head><script type="application/ld+json">{ld}</script></head>'
                                         "<body><p>Dock workers went back.</p></body></html>")
    return read_metadata(tree, STORY).article_body


def test_the_stated_article_body_is_read_in_paragraphs():
    assert _stated_body("Dock workers went back.\n\nThe port said ships  would berth tonight.") == [
        "Dock workers went back.", "The port said ships would berth tonight."]
    # Written as HTML by the CMS: the text of its block elements, entities decoded.
    assert _stated_body("<p>Dock workers went back.</p><p>Ships &amp; barges<br>berth tonight.</p>") == [
        "Dock workers went back.", "Ships & barges", "berth tonight."]
    assert _stated_body(None) == [] and _stated_body(" ") == []


def _meta_of(ld: str):
    tree = lxml.html.document_fromstring(f'<html><head><script type="application/ld+json">{ld}</script></head>'
                                         "<body><h1>Fact check</h1><p>Dock workers went back.</p></body></html>")
    return read_metadata(tree)


def test_a_fact_checks_claim_review_markup():
    from wiretrace.record import ClaimReview

    # Snopes' form: the review alone, its verdict named, the claimant inside the item reviewed.
    snopes = ('{"@context":"http://schema.org","@type":"ClaimReview","datePublished":"2019-11-18T10:15:00+00:00",'
              '"url":"https://www.snopes.example/fact-check/net-worth/","author":{"@type":"Organization","name":"Snopes"},'
              '"claimReviewed":"The ambassador has a net worth of $17 million. ","reviewRating":{"@type":"Rating",'
              '"ratingValue":-1,"worstRating":-1,"bestRating":-1,"alternateName":"Unproven"},'
              '"itemReviewed":{"@type":"CreativeWork","author":{"type":"Organization","name":"Multiple Sources"}}}')
    assert _meta_of(snopes).claim_reviews == [ClaimReview(
        claim="The ambassador has a net worth of $17 million.", rating="Unproven", rated_by="Snopes",
        claimant="Multiple Sources", date="2019-11-18T10:15:00+00:00", url="https://www.snopes.example/fact-check/net-worth/")]
    # In an @graph beside the article, the verdict only a number on a stated scale.
    graph = ('{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle","headline":"Fact check"},'
             '{"@type":"ClaimReview","claimReviewed":"Ferries are free on Sundays.","author":{"@type":"Organization",'
             '"name":"Harbour Check"},"reviewRating":{"@type":"Rating","ratingValue":1,"worstRating":1,"bestRating":5}}]}')
    assert _meta_of(graph).claim_reviews == [ClaimReview(claim="Ferries are free on Sundays.", rating="1 (from 1 to 5)",
                                                         rated_by="Harbour Check")]
    # The claim stated on the reviewed Claim, not in claimReviewed.
    on_claim = ('{"@type":"ClaimReview","itemReviewed":{"@type":"Claim","text":"Ferries are free on Sundays.",'
                '"author":{"@type":"Person","name":"Ed Marr"}},"reviewRating":{"@type":"Rating","alternateName":"False"}}')
    assert _meta_of(on_claim).claim_reviews == [ClaimReview(claim="Ferries are free on Sundays.", rating="False",
                                                            claimant="Ed Marr")]
    # A review that states neither a claim nor a verdict is none.
    assert _meta_of('{"@type":"ClaimReview","url":"https://x.example/"}').claim_reviews == []
