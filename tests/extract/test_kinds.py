"""Which mode a page goes to (wiretrace.extract.detect_kind): markup to HTML mode, anything
else, Markdown that passes raw HTML through included, to text mode."""

import pytest

from wiretrace.extract import ExtractConfig, detect_kind, extract_page
from wiretrace.record import Page


# pandoc's Markdown of a page: what Markdown cannot say passes through as raw HTML.
MARKDOWN_WITH_HTML = """<a href="#main" class="skip-link"
style="position:absolute;">Skip to main content</a>

-   [Home](/) <span class="icon"></span>
-   [World](/world/) <span class="icon"></span>
-   <span tabindex="0">Sign In</span>

# Harbour workers end strike after pay deal

<div class="byline">

By [Mira Kessel](/authors/mira-kessel/)

</div>

PORT ELMAR (AP) --- Dock workers in Port Elmar voted on Friday to end a
nine-day strike after the port authority offered a pay rise of 6% over
two years, <a href="/topics/unions" class="topic-link">union leaders</a> said.
"""


@pytest.mark.parametrize("content, kind", [
    (MARKDOWN_WITH_HTML, "text"),
    ("<p>Dock workers voted on Friday to end the strike.</p><p>Ships will berth tonight.</p>", "html"),
    # HTML5 lets a page leave out <html>, <head> and <body>; a minified script's "](" is no link.
    ('<meta charset="utf-8"><title>Strike ends</title><script>a[0](b);c[1](d)</script><p>Dock workers.</p>', "html"),
    ('<!-- saved page -->\n<!DOCTYPE html><html><body><p>Dock workers.</p>[a](/b) [c](/d)</body></html>', "html"),
    ("Home\nWorld\nHarbour workers end strike\nDock workers voted on Friday to end the strike.", "text"),
])
def test_markup_is_told_from_dumps_markdown_with_raw_html_included(content, kind):
    assert detect_kind(content) == kind


def test_raw_html_a_markdown_writer_passed_through_leaves_the_dump():
    article = extract_page(Page("page.md.txt", MARKDOWN_WITH_HTML * 3), ExtractConfig(mode="auto"))
    assert article.input_kind == "text"
    text = " ".join(article.body)
    assert "union leaders said." in text and "<" not in text and "class=" not in text
