"""Tree-level clean-up before trafilatura runs (wiretrace.extract.htmlclean)."""

from __future__ import annotations

from copy import deepcopy

import lxml.html

from wiretrace.extract.htmlclean import paragraphs_from_breaks, unwrap_embedded_posts


def _paragraphs(div: lxml.html.HtmlElement) -> list[str]:
    """Each <p>'s text, a line break read as a space."""
    texts = []
    for p in div.iter("p"):
        p = deepcopy(p)
        for br in p.iter("br"):
            br.tail = " " + (br.tail or "")
        texts.append(" ".join(p.text_content().split()))
    return texts


def test_text_runs_between_double_breaks_become_paragraphs() -> None:
    page = lxml.html.fromstring(
        "<html><body><div class='wrapper'><h2>Now available</h2><div class='content'>"
        "Following the new laptop, the maker plans a smaller model in the first half of next year, according "
        "to <em><a href='https://example.com'>industry sources</a></em>.\n<br> <br>"
        "<img src='keyboard.jpg'><center><em>The new keyboard, via a repair shop</em></center> <br>"
        "The report claims the display will stay the same size.<br>A second line of the same paragraph."
        "\n<br> <br>The entry-level model was last updated in July.<br><br>"
        "<div class='linkback'>Related: <a href='/roundup'>Laptops</a></div></div></div></body></html>")
    assert paragraphs_from_breaks(page) == 1
    content = page.find_class("content")[0]
    assert _paragraphs(content) == [
        "Following the new laptop, the maker plans a smaller model in the first half of next year, according "
        "to industry sources.",
        "The report claims the display will stay the same size. A second line of the same paragraph.",
        "The entry-level model was last updated in July.",
    ]
    # Inline markup stays inside its paragraph, a single break stays a line break, and the block
    # elements between the runs stay where they were, in order.
    first, second, _ = content.iter("p")
    assert first.find(".//a").get("href") == "https://example.com"
    assert second.find("br") is not None
    assert [child.tag for child in content] == ["p", "img", "center", "p", "p", "div"]
    assert content.find_class("linkback")[0].text_content() == "Related: Laptops"


def test_divs_without_text_of_their_own_are_left_alone() -> None:
    markup = ("<html><body><div class='story'><p>The council voted on Tuesday.<br>It meets again in May.</p>"
              "<p>Residents will be consulted.</p></div><div class='address'>12 Quay St<br>Westbrook</div></body></html>")
    page = lxml.html.fromstring(markup)
    assert paragraphs_from_breaks(page) == 0
    assert lxml.html.tostring(page) == lxml.html.tostring(lxml.html.fromstring(markup))


def test_an_embedded_posts_wrapper_loses_its_name_and_a_share_bar_keeps_it() -> None:
    page = lxml.html.fromstring(
        "<html><body><article><p>The governor replied within the hour.</p>"
        "<div class='social-media-embed'><blockquote class='twitter-tweet'><p>We are on it.</p>&mdash; Governor "
        "(@governor) March 19, 2025</blockquote></div>"
        "<div class='social-share'><a href='https://twitter.com/share'>Share on Twitter</a></div>"
        "<div class='embed-wrapper'><blockquote class='twitter-tweet'><p>Not my words.</p></blockquote>"
        "<p>A paragraph of the story beside it.</p></div></article></body></html>")
    assert unwrap_embedded_posts(page) == 1
    assert page.find_class("social-media-embed") == []
    assert len(page.find_class("social-share")) == 1
    # A wrapper that holds more than the post keeps its name: its name may be about the rest.
    assert len(page.find_class("embed-wrapper")) == 1


def test_a_posts_metadata_strip_is_a_dateline_and_a_sentence_with_labels_is_not() -> None:
    from wiretrace.extract.htmlclean import is_dateline

    assert is_dateline("05/10/2018 - Publicado por: Clarissa Borba - Categoria: Saúde - Tags: sad arrombamento veiculo")
    assert is_dateline("March 3, 2025 | Posted by: Ana Ruiz | Filed under: Ports")
    # A sentence may name a date and quote two speakers; it ends as a sentence does.
    assert not is_dateline("On March 3, 2025 the mayor said: we will act. Critics: not soon enough.")
