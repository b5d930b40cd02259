"""Hostile page content (and hostile query strings) must come out of every page as inert text."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import quote, urlsplit

import pytest

from tests.web.conftest import need_web
from tests.web.payloads import PAYLOADS, PWN

need_web()

from fastapi.testclient import TestClient  # noqa: E402

from wiretrace.web.app import create_app  # noqa: E402

#: Every element the templates emit; anything else in a page came from content.
ALLOWED_TAGS = {"html", "head", "meta", "title", "link", "script", "body", "a", "header", "nav", "ul", "ol", "li",
                "main", "footer", "h1", "h2", "h3", "p", "form", "div", "label", "input", "datalist", "option",
                "button", "mark", "span", "time", "article", "section", "strong", "q", "dl", "dt", "dd", "details",
                "summary", "br", "select", "aside"}
SAFE_URL_PREFIXES = ("/", "#", "http://", "https://")


class Tags(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    handle_startendtag = handle_starttag


def assert_inert(html: str, where: str) -> None:
    parser = Tags()
    parser.feed(html)
    parser.close()
    for tag, attrs in parser.tags:
        assert tag in ALLOWED_TAGS, f"{where}: unexpected <{tag}> {attrs}"
        for name, value in attrs.items():
            assert not name.startswith("on"), f"{where}: event handler {name}={value!r} on <{tag}>"
            assert name not in ("style", "srcdoc", "formaction", "background", "xlink:href"), f"{where}: {name}"
            if name in ("href", "src", "action"):
                assert value and value.startswith(SAFE_URL_PREFIXES), f"{where}: <{tag} {name}={value!r}>"
                assert urlsplit(value).scheme in ("", "http", "https") and not value.startswith("//"), \
                    f"{where}: {value!r}"
        if tag == "script":
            assert attrs == {"src": "/static/app.js", "defer": None}, f"{where}: {attrs}"
        if tag == "meta":
            assert "http-equiv" not in attrs, where
        if tag == "link":
            assert attrs.get("rel") in ("stylesheet", "icon"), where
    lowered = html.lower()
    assert lowered.count("<script") == 1, f"{where}: more than our one script tag"
    for needle in ("<svg", "<img", "<iframe", "<object", "<embed", "<style", "<base", "<math", "<body onload",
                   "href=\"javascript:", "src=\"javascript:"):
        assert needle not in lowered, f"{where}: found {needle!r}"
    # Text is escaped, so every raw "<" opens one of our tags: none may carry an event handler
    # (outside its attribute values, which are double-quoted with any quote inside escaped).
    handler = re.search(r"<[^>]*[\s/\"']on[a-z]+\s*=", re.sub(r'="[^"]*"', '=""', lowered))
    assert handler is None, f"{where}: event handler in {handler.group(0)[:200]!r}"
    for payload in PAYLOADS:
        if any(c in payload for c in "<>\"'"):
            assert payload not in html, f"{where}: payload came out raw: {payload!r}"


@pytest.fixture(scope="module")
def hostile(hostile_store):
    with TestClient(create_app(hostile_store["path"])) as c:
        yield c, hostile_store["ids"]


def hostile_pages(client, ids: list[int]) -> list[str]:
    """Every page that shows something of the hostile articles."""
    paths = ["/", "/search?q=hostile", "/search?q=payload", "/search?q=script", "/search?q=onerror",
             "/search?q=pwned", "/search?q=Hostile+Erel", "/stories", "/claims", "/claims?q=hostile",
             "/claims?q=said", "/stories?limit=100"]
    for article_id in ids:
        record = client.get(f"/api/articles/{article_id}").json()
        paths += [f"/articles/{article_id}", f"/stories/{quote(record['story'], safe='')}"]
        paths += [f"/claims/{c['id']}" for c in record["claims"]]
        paths += [f"/entities/{quote(e['name'], safe='')}" for e in record["entities"]]
        if record.get("publisher"):
            paths.append(f"/search?q=hostile&outlet={quote(record['publisher'], safe='')}")
            paths.append(f"/?outlet={quote(record['publisher'], safe='')}")
    return paths


def test_enough_payloads():
    assert len(PAYLOADS) >= 50 and all(PWN in p for p in PAYLOADS)


def test_hostile_articles_were_stored_with_their_payloads(hostile):
    client, ids = hostile
    text = client.get(f"/api/articles/{ids[0]}").json()
    assert "<script>window.__pwned=1</script>" in text["headline"]
    assert sum(p in "\n".join(text["body"]) for p in PAYLOADS) >= 50  # the payloads really are in the record
    html_page = client.get(f"/api/articles/{ids[1]}").json()
    assert any("<script>" in p for p in html_page["body"])
    assert any(PAYLOADS[20] in note for note in html_page["corrections"])  # shown in the article's notice
    assert html_page["claim_reviews"][0]["claim"] == PAYLOADS[3]  # and in its fact-check box
    assert html_page["claim_reviews"][0]["rating"] == PAYLOADS[9]


def test_every_page_escapes_hostile_content(hostile, analyzed):
    client, ids = hostile
    paths = hostile_pages(client, ids)
    if analyzed:
        assert any(p.startswith("/claims/") for p in paths)
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        assert_inert(response.text, path)
    article = client.get(f"/articles/{ids[0]}").text
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in article  # shown, as text


def test_hostile_query_strings_are_escaped(hostile):
    client, _ = hostile
    for payload in PAYLOADS:
        for path in ("/search", "/claims"):
            response = client.get(path, params={"q": payload, "outlet": payload, "entity": payload,
                                                "status": payload})
            assert response.status_code == 200, (path, payload)
            assert_inert(response.text, f"{path}?q={payload}")
        for path in (f"/entities/{quote(payload, safe='')}", f"/stories/{quote(payload, safe='')}",
                     f"/articles/{quote(payload, safe='')}", f"/{quote(payload, safe='')}",
                     f"/search?since={quote(payload, safe='')}"):
            response = client.get(path)
            assert response.status_code in (404, 422), path
            assert_inert(response.text, path)


def test_api_returns_json_never_html(hostile):
    client, ids = hostile
    for article_id in ids:
        response = client.get(f"/api/articles/{article_id}")
        assert response.headers["content-type"] == "application/json"
        assert response.headers["x-content-type-options"] == "nosniff"
