"""The pages in a real browser: Playwright driving Debian's Chromium (never a downloaded one), loopback only.

Skipped when /usr/bin/chromium or the playwright package is missing. Screenshots go to the
``artifacts`` folder (``$WIRETRACE_WEB_ARTIFACTS``, else pytest's base temp ``tmp/artifacts``).
"""

from __future__ import annotations

import os
from urllib.parse import quote, urlsplit

import pytest

from tests.web.conftest import STORY, need_web
from tests.web.payloads import PAYLOADS

need_web()

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]

pytestmark = pytest.mark.skipif(not os.access(CHROMIUM, os.X_OK), reason=f"{CHROMIUM} not installed")


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield browser
        browser.close()


def _loopback_only(route):
    host = urlsplit(route.request.url).hostname
    if host in ("127.0.0.1", "localhost"):
        route.continue_()
    else:
        route.abort()


@pytest.fixture()
def page(browser, live_server):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.route("**/*", _loopback_only)
    page = context.new_page()
    page.set_default_timeout(15_000)
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.errors = errors
    yield page
    context.close()


def test_search_then_article_with_highlighted_attributions(page, live_server, artifacts, analyzed):
    page.goto(live_server.url + "/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip"  # the skip link comes first
    page.fill("#q", "gas exports")
    page.press("#q", "Enter")
    page.wait_for_url("**/search?*")
    results = page.locator("ol.results li.result")
    assert results.count() >= 5
    assert page.locator("ol.results mark").count() > 0
    page.screenshot(path=str(artifacts / "search.png"), full_page=True)
    page.locator("ol.results li.result h2 a", has_text="Marvosa plans to cap gas exports from next year").first.click()
    page.wait_for_url("**/articles/*")
    assert page.locator("h1").inner_text().startswith("Marvosa plans to cap gas exports")
    assert page.locator("details.boilerplate").count() == 1
    assert not page.locator("details.boilerplate").evaluate("d => d.open")  # collapsed
    if analyzed:
        for role in ("source", "cue", "content"):
            assert page.locator(f".body mark.a-{role}").count() > 0, role
        assert page.locator(".body .badge", has_text="anonymous").count() > 0
        styles = {role: page.locator(f".body mark.a-{role}").first.evaluate(
            "el => getComputedStyle(el).backgroundColor") for role in ("source", "cue", "content")}
        assert len(set(styles.values())) == 3, styles  # three distinct styles
        page.locator("ol.attributions li").first.focus()  # the list lights up its spans in the text
        assert page.locator(".body mark.active").count() > 0
    page.screenshot(path=str(artifacts / "article.png"), full_page=True)
    page.set_viewport_size({"width": 375, "height": 800})
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 380, f"horizontal scroll on a phone: {width}px"
    page.screenshot(path=str(artifacts / "article-phone.png"), full_page=True)
    assert page.errors == []


def test_story_timeline_is_in_time_order(page, live_server, artifacts):
    page.goto(f"{live_server.url}/stories/{quote('s:' + STORY, safe='')}")
    events = page.locator("ol.timeline li.event")
    assert events.count() == 9
    times = [events.nth(i).get_attribute("data-published-utc") for i in range(events.count())]
    assert times == sorted(times)
    outlets = [events.nth(i).locator(".outlet").inner_text() for i in range(events.count())]
    assert outlets[0] == "Reuters" and len(set(outlets)) >= 7
    assert page.locator("#grp-h").count() == 1
    page.screenshot(path=str(artifacts / "story.png"), full_page=True)


def test_claim_chain_and_status_timeline(page, live_server, artifacts, analyzed):
    if not analyzed:
        pytest.skip("needs the analysis models")
    import httpx

    claims = httpx.get(f"{live_server.url}/api/claims", params={"limit": 100, "status": "not_confirmed"}).json()
    claim = next(c for c in claims["items"] if c["reported_by"] == "Gazeta Lisvar"
                 and c["article"]["publisher"] == "Reuters")
    page.goto(f"{live_server.url}/claims/{claim['id']}")
    steps = page.locator("ol.chain > li")
    roles = [steps.nth(i).locator(".role").inner_text().lower() for i in range(steps.count())]
    assert roles[:3] == ["original source", "reporting source", "wire"], roles
    assert page.locator("ol.chain .step-republished-by li").count() >= 4
    path = page.locator("p.path .status").all_inner_texts()
    assert path[0] == "reported" and "denied" in path and path.index("not confirmed") < path.index("denied")
    events = page.locator("ol.timeline li.event")
    statuses = [events.nth(i).get_attribute("data-status") for i in range(events.count())]
    assert "denied" in statuses and statuses.index("not_confirmed") < statuses.index("denied")
    page.screenshot(path=str(artifacts / "claim.png"), full_page=True)
    denied = events.nth(statuses.index("denied"))
    target = denied.locator("a.sentence").get_attribute("href")
    denied.locator("a.sentence").focus()  # each step links to its sentence's claim; follow it by keyboard
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith(target), (page.url, target)
    assert page.locator("h1.claim-text").count() == 1


@pytest.mark.parametrize("bypass_csp", [False, True], ids=["with-csp", "without-csp"])
def test_hostile_pages_run_no_payload(browser, live_server, hostile_store, artifacts, bypass_csp):
    """``window.__pwned`` stays undefined: with the CSP, and with the CSP bypassed (escaping alone)."""
    import httpx

    context = browser.new_context(bypass_csp=bypass_csp)
    context.route("**/*", _loopback_only)
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    paths = ["/search?q=hostile", "/claims?q=hostile", f"/search?q={quote(PAYLOADS[0])}"]
    for article_id in hostile_store["ids"]:
        record = httpx.get(f"{live_server.url}/api/articles/{article_id}").json()
        paths += [f"/articles/{article_id}", f"/stories/{quote(record['story'], safe='')}"]
        paths += [f"/claims/{c['id']}" for c in record["claims"][:5]]
        paths += [f"/entities/{quote(e['name'], safe='')}" for e in record["entities"][:5]]
    for n, path in enumerate(paths):
        page.goto(live_server.url + path)
        page.wait_for_load_state("load")
        for element in page.locator("details").all():  # open collapsed content too
            element.evaluate("d => d.open = true")
        page.mouse.move(200, 300)
        assert page.evaluate("typeof window.__pwned") == "undefined", path
        assert page.locator("a[href^='javascript:' i], [onerror], [onload], iframe, object, embed, svg").count() == 0
        if n < 2 or path.startswith("/articles/"):
            page.screenshot(path=str(artifacts / f"hostile-{'nocsp' if bypass_csp else 'csp'}-{n}.png"),
                            full_page=True)
    assert dialogs == []
    context.close()
