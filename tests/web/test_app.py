"""The web app through FastAPI's TestClient: JSON API, pages, limits, errors, auth, headers, static files."""

from __future__ import annotations

import json

import pytest

from tests.web.conftest import GROUP, STORY, TOKEN, need_web

need_web()

from fastapi.testclient import TestClient  # noqa: E402

from wiretrace.commands.common import SAMPLES  # noqa: E402
from wiretrace.web.app import create_app  # noqa: E402
from wiretrace.store.queries import MAX_LIMIT  # noqa: E402


# --- API ------------------------------------------------------------------------------------------------------

def test_articles_are_paginated_with_a_max_page_size(client):
    first = client.get("/api/articles", params={"limit": 5}).json()
    assert len(first["items"]) == 5 and first["limit"] == 5 and first["offset"] == 0
    assert first["next"] == "/api/articles?limit=5&offset=5"
    second = client.get(first["next"]).json()
    assert {a["id"] for a in first["items"]}.isdisjoint(a["id"] for a in second["items"])
    everything = client.get("/api/articles", params={"limit": MAX_LIMIT}).json()
    assert len(everything["items"]) == sum(1 for _ in SAMPLES.iterdir()) and everything["next"] is None
    for bad in ({"limit": MAX_LIMIT + 1}, {"limit": 0}, {"offset": -1}, {"limit": "many"}):
        response = client.get("/api/articles", params=bad)
        assert response.status_code == 422, bad
        assert response.json()["detail"]
    for path in ("/api/search?q=gas", "/api/stories", "/api/claims", "/api/entities/Reuters"):
        assert client.get(path, params={"limit": MAX_LIMIT + 1}).status_code == 422, path


def test_article_record_is_complete(client, store_info, analyzed):
    article_id = store_info["ids"]["01"]
    a = client.get(f"/api/articles/{article_id}").json()
    assert a["id"] == article_id and a["is_current"] and a["version"] == 1
    assert a["headline"] == "Marvosa plans to cap gas exports from next year, newspaper reports"
    assert a["wire"] == "Reuters" and a["body"] and a["boilerplate"]
    assert a["story"] == f"s:{STORY}" and a["syndication_group"] == GROUP
    assert a["origin"]["file"].endswith("01_reuters_marvosa-gas-export-cap.html")
    for key in ("attributions", "claims", "entities"):
        assert isinstance(a[key], list)
    if analyzed:
        assert a["attributions"] and a["claims"] and a["entities"]
        assert all(isinstance(c["id"], int) for c in a["claims"])


def test_search_marks_matches_as_offsets_and_filters(client):
    page = client.get("/api/search", params={"q": "gas exports", "limit": 3}).json()
    assert len(page["items"]) == 3 and page["next"]
    for item in page["items"]:
        assert item["snippet_matches"], item
        for start, end in item["snippet_matches"]:
            assert item["snippet"][start:end].lower() in ("gas", "exports")
        assert "\ue000" not in item["snippet"]
    rest = client.get(page["next"]).json()
    assert {i["id"] for i in page["items"]}.isdisjoint(i["id"] for i in rest["items"])
    reuters = client.get("/api/search", params={"q": "gas", "outlet": "AFP"}).json()["items"]
    assert reuters and all("AFP" in (i["publisher"], i["wire"]) for i in reuters)
    dated = client.get("/api/search", params={"q": "gas", "since": "2026-05-08", "until": "2026-05-08"}).json()
    assert dated["items"] and all(i["published"].startswith("2026-05-08") for i in dated["items"])
    assert client.get("/api/search", params={"q": "gas", "since": "May 8"}).status_code == 422
    # Not valid FTS5 syntax: searched word by word instead of failing.
    assert client.get("/api/search", params={"q": 'U.S.-China "unbalanced'}).status_code == 200
    assert client.get("/api/search", params={"q": ""}).status_code == 422


def test_search_by_entity(client, analyzed):
    if not analyzed:
        pytest.skip("needs the analysis models")
    items = client.get("/api/search", params={"q": "gas", "entity": "Elena Dravik", "limit": 100}).json()["items"]
    assert items
    for item in items:
        names = [e["name"] for e in client.get(f"/api/articles/{item['id']}").json()["entities"]]
        assert "Elena Dravik" in names


def test_stories_group_by_story_then_group_then_article(client, store_info):
    stories = client.get("/api/stories", params={"limit": 100}).json()["items"]
    keys = {s["story"]: s for s in stories}
    assert keys[f"s:{STORY}"]["articles"] == 9
    assert f"a:{store_info['ids']['10']}" in keys  # the comet piece: a story of its own
    assert not any(k == f"a:{store_info['ids']['11']}" for k in keys)  # a home page is not a story
    story = client.get(f"/api/stories/s:{STORY}").json()
    times = [a["published_utc"] for a in story["articles"]]
    assert times == sorted(times) and len(story["outlets"]) >= 7
    assert story["syndication_groups"] == [{"group": GROUP, "articles": story["syndication_groups"][0]["articles"]}]
    assert len(story["syndication_groups"][0]["articles"]) == 5
    single = client.get(f"/api/stories/a:{store_info['ids']['10']}").json()
    assert [a["id"] for a in single["articles"]] == [store_info["ids"]["10"]]


def test_claims_list_search_and_detail(client, analyzed):
    if not analyzed:
        assert client.get("/api/claims").json()["items"] == []
        pytest.skip("needs the analysis models")
    page = client.get("/api/claims", params={"limit": 7}).json()
    assert len(page["items"]) == 7 and page["next"]
    found = client.get("/api/claims", params={"q": "Dravik cabinet"}).json()["items"]
    assert found and all("dravik" in c["text"].lower() and "cabinet" in c["text"].lower() for c in found)
    denied = client.get("/api/claims", params={"status": "denied"}).json()["items"]
    assert denied and all(c["status"] == "denied" for c in denied)
    claim = _gazeta_claim(client)
    detail = client.get(f"/api/claims/{claim['id']}").json()
    roles = [step["role"] for step in detail["chain"]]
    assert roles[:3] == ["original source", "reporting source", "wire"], roles
    assert detail["chain"][1]["name"] == "Gazeta Lisvar" and detail["chain"][2]["name"] == "Reuters"
    assert roles[-1] == "republished by"
    times = [t["published_utc"] for t in detail["timeline"]]
    assert times == sorted(times) and len(times) >= 5
    assert detail["status_path"][0] == "reported" and "denied" in detail["status_path"]
    assert detail["status_path"].index("not_confirmed") < detail["status_path"].index("denied")


def _gazeta_claim(client) -> dict:
    for claim in client.get("/api/claims", params={"limit": 100}).json()["items"]:
        if claim["reported_by"] == "Gazeta Lisvar" and claim["article"]["publisher"] == "Reuters" \
                and claim["status"] == "not_confirmed":
            return claim
    pytest.fail("no Gazeta Lisvar claim in the Reuters article")


def test_entity(client, analyzed):
    if not analyzed:
        assert client.get("/api/entities/Elena Dravik").status_code == 404
        pytest.skip("needs the analysis models")
    e = client.get("/api/entities/Elena Dravik", params={"limit": 3}).json()
    assert e["name"] == "Elena Dravik" and len(e["articles"]) == 3 and e["next"]
    assert e["stories"] and e["claims"]
    assert all(c["article"] for c in e["claims"])


def test_404s(client):
    for path in ("/api/articles/999999", "/api/claims/999999", "/api/stories/s:nope", "/api/stories/x:1",
                 "/api/stories/a:999999", "/api/entities/Nobody At All", "/api/nope", "/articles/999999",
                 "/claims/999999", "/stories/s:nope", "/entities/Nobody", "/nope"):
        response = client.get(path)
        assert response.status_code == 404, path
        if path.startswith("/api/"):
            assert response.headers["content-type"].startswith("application/json")
        else:
            assert response.headers["content-type"].startswith("text/html")
    assert client.get("/api/articles/abc").status_code == 422


def test_story_keys_that_name_no_article_are_404s(client):
    # "²" and "٣" are digits to str.isdigit but not to int or SQLite; the others are past a 64-bit row id.
    for key in ("a:99999999999999999999999", "a:%C2%B2", "a:%D9%A3", "a:0", "a:-1", "a:" + "9" * 5000):
        for path in (f"/api/stories/{key}", f"/stories/{key}"):
            response = client.get(path)
            assert response.status_code == 404, path
            assert "default-src 'none'" in response.headers["content-security-policy"], path


def test_an_article_key_of_an_article_in_a_story_leads_to_the_story(client, store_info):
    article_id = store_info["ids"]["01"]
    for prefix in ("/api", ""):
        response = client.get(f"{prefix}/stories/a:{article_id}", follow_redirects=False)
        assert response.status_code == 307 and response.headers["location"] == f"{prefix}/stories/s%3A{STORY}"
    assert client.get(f"/api/stories/a:{article_id}").json()["story"] == f"s:{STORY}"


def test_openapi_spec(client):
    response = client.get("/openapi.json")
    assert response.status_code == 200
    spec = response.json()
    for path in ("/api/articles", "/api/articles/{article_id}", "/api/search", "/api/stories", "/api/stories/{key}",
                 "/api/claims", "/api/claims/{claim_id}", "/api/entities/{name}"):
        assert path in spec["paths"], path
    assert "/api/ingest" not in spec["paths"]  # read-only server
    assert not any(p.startswith("/articles") for p in spec["paths"])  # pages are not API
    params = {p["name"]: p for p in spec["paths"]["/api/articles"]["get"]["parameters"]}
    assert params["limit"]["schema"]["maximum"] == MAX_LIMIT
    try:
        from openapi_spec_validator import validate
    except ImportError:
        pytest.skip("openapi-spec-validator not installed")
    validate(spec)


def test_no_swagger_ui_from_a_cdn(client):
    assert client.get("/docs").status_code == 404
    assert client.get("/redoc").status_code == 404


# --- writing ----------------------------------------------------------------------------------------------------

@pytest.fixture()
def writable(tmp_path):
    from wiretrace.store import Store

    path = tmp_path / "w.db"
    Store(path).close()
    with TestClient(create_app(path, token=TOKEN)) as c:
        yield c


def test_ingest_needs_the_token(writable, client):
    page = {"id": "p1", "title": "Harbour strike ends", "outlet": "Harbour Post", "published": "2026-05-01",
            "text": "Dock workers ended a strike on Friday.\n\nShips waited at anchor, the port said."}
    assert client.post("/api/ingest", json=page).status_code in (404, 405)  # read-only server: no such route
    for headers in ({}, {"Authorization": "Bearer wrong-token"}, {"Authorization": TOKEN},
                    {"Authorization": f"Basic {TOKEN}"}, {"Authorization": f"Bearer {TOKEN}x"}):
        response = writable.post("/api/ingest", json=page, headers=headers, params={"analyze": "false"})
        assert response.status_code == 401, headers
        assert response.headers["www-authenticate"] == "Bearer"
    assert writable.get("/api/articles").json()["items"] == []
    auth = {"Authorization": f"Bearer {TOKEN}"}
    response = writable.post("/api/ingest", json=page, headers=auth, params={"analyze": "false"})
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["summary"]["new"] == 1 and len(body["articles"]) == 1
    article = writable.get(f"/api/articles/{body['articles'][0]['id']}").json()
    assert article["headline"] == "Harbour strike ends" and article["publisher"] == "Harbour Post"
    assert article["body"] == ["Dock workers ended a strike on Friday.", "Ships waited at anchor, the port said."]
    # The same page again changes nothing; a changed one is a new version of the same id.
    again = writable.post("/api/ingest", json=page, headers=auth, params={"analyze": "false"}).json()
    assert again["summary"]["unchanged"] == 1
    changed = writable.post("/api/ingest", json={**page, "title": "Harbour strike is over"}, headers=auth,
                            params={"analyze": "false"}).json()
    assert changed["summary"]["versions"] == 1
    # JSONL batches, with a bad line reported and the rest stored.
    batch = "\n".join(json.dumps(x) for x in ({"url": "https://x.example/a", "text": "One. Two."},
                                              {"title": "no text"},
                                              {"text": "A page with neither id nor url."}))
    response = writable.post("/api/ingest", content=batch, headers=auth, params={"analyze": "false"})
    assert response.status_code == 201
    assert response.json()["summary"]["new"] == 2 and len(response.json()["errors"]) == 1
    assert writable.post("/api/ingest", content=b"{not json", headers=auth).status_code == 400
    assert writable.post("/api/ingest", json={"title": "nothing"}, headers=auth).status_code == 422
    spec = writable.get("/openapi.json").json()
    assert "post" in spec["paths"]["/api/ingest"]


def test_ingest_into_a_store_that_cannot_be_written_is_a_503_saying_so(writable, monkeypatch):
    from wiretrace.store import db

    opened = db.Store.__init__

    def read_only(self, *args, **kwargs):  # a read-only share, or a full disk, under the server
        opened(self, *args, **kwargs)
        self.conn.execute("PRAGMA query_only = ON")

    monkeypatch.setattr(db.Store, "__init__", read_only)
    page = {"id": "p1", "title": "Harbour strike ends", "text": "Dock workers ended a strike on Friday."}
    response = writable.post("/api/ingest", json=page, headers={"Authorization": f"Bearer {TOKEN}"},
                             params={"analyze": "false"})
    assert response.status_code == 503
    assert response.json()["detail"].startswith("the store cannot take pages now: cannot write: attempt to write a "
                                                "readonly database")


def test_search_results_are_remembered_only_while_the_store_is_unchanged(writable):
    auth = {"Authorization": f"Bearer {TOKEN}"}
    page = {"id": "h1", "title": "Harbour strike ends", "text": "Dock workers ended a strike on Friday."}
    writable.post("/api/ingest", json=page, headers=auth, params={"analyze": "false"})
    first = writable.get("/api/search", params={"q": "strike"}).json()["items"]
    assert writable.get("/api/search", params={"q": "strike"}).json()["items"] == first and len(first) == 1
    writable.post("/api/ingest", json={**page, "id": "h2", "title": "Second harbour strike"}, headers=auth,
                  params={"analyze": "false"})
    after = writable.get("/api/search", params={"q": "strike"}).json()["items"]
    assert len(after) == 2  # the write emptied the cache: the new article is found at once
    assert "<mark>" in writable.get("/search", params={"q": "strike"}).text


# --- pages ------------------------------------------------------------------------------------------------------

def test_pages_render(client, store_info, analyzed):
    article_id = store_info["ids"]["01"]
    for path in ("/", "/search?q=gas+exports", "/search?q=gas&outlet=Reuters&since=2026-05-06&until=2026-05-07",
                 "/stories", f"/stories/s:{STORY}", f"/stories/a:{store_info['ids']['10']}", "/claims",
                 "/claims?q=Dravik", f"/articles/{article_id}", f"/articles/{store_info['ids']['11']}"):
        response = client.get(path)
        assert response.status_code == 200, path
        assert response.headers["content-type"].startswith("text/html")
        assert '<a class="skip" href="#main">' in response.text
    for claim in client.get("/api/claims", params={"limit": 100}).json()["items"]:
        assert client.get(f"/claims/{claim['id']}").status_code == 200
    if analyzed:  # a claim's timeline lists both answers the Reuters story reports
        (cap,) = [c for c in client.get(f"/api/articles/{article_id}").json()["claims"]
                  if c["text"].startswith("Marvosa's energy minister plans to cap")]
        page = client.get(f"/claims/{cap['id']}").text
        assert '<ul class="responses">' in page and "MarGaz: <q>MarGaz did not respond" in page
    for entity in client.get(f"/api/articles/{article_id}").json()["entities"]:
        assert client.get(f"/entities/{entity['name']}").status_code == 200
    html = client.get(f"/articles/{article_id}").text
    assert "<details class=\"boilerplate\">" in html and "Wire credit" in html
    assert "(Reporting by Nadia Kerimova; Editing by Peter Hale)" in html
    if analyzed:
        for cls in ('class="a-source', 'class="a-cue', 'class="a-content', 'class="badge"'):
            assert cls in html, cls
        # A claim answered twice lists both answers: the spokesperson's and the company's.
        assert '<ul class="responses">' in html
        assert "Tomas Erel: <q>Government spokesperson Tomas Erel did not confirm the report.</q>" in html
        assert "MarGaz: <q>" in html
    # A story the publisher corrected says so above its text, and in lists; one it did not, nothing.
    corrected = client.get(f"/articles/{store_info['ids']['06']}").text
    assert 'aria-label="Corrections and updates"' in corrected
    assert "Correction, May 7, 2026: An earlier version of this article said" in corrected
    assert 'aria-label="Corrections and updates"' not in html
    listed = {item["id"]: item["corrected"] for item in client.get("/api/articles", params={"limit": 100}).json()["items"]}
    assert listed[store_info["ids"]["06"]] is True and listed[article_id] is False
    assert '<span class="badge corrected">corrected</span>' in client.get("/search", params={"q": "earlier version"}).text
    assert 'class="badge corrected"' not in client.get("/search", params={"q": "comet"}).text
    # An article that belongs to a story has no story of its own: redirected.
    response = client.get(f"/stories/a:{article_id}", follow_redirects=False)
    assert response.status_code == 307 and response.headers["location"] == f"/stories/s%3A{STORY}"
    assert client.get("/?limit=1000").status_code == 422


def test_security_headers(client):
    for path in ("/", "/api/articles", "/static/style.css", "/nope", "/openapi.json"):
        headers = client.get(path).headers
        csp = headers["content-security-policy"]
        assert "script-src 'self'" in csp and "default-src 'none'" in csp and "unsafe-inline" not in csp
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["x-frame-options"] == "DENY"


def test_static_files_and_path_traversal(client):
    assert client.get("/static/style.css").status_code == 200
    script = client.get("/static/app.js")
    assert script.headers["content-type"].startswith(("text/javascript", "application/javascript"))
    for path in ("/static/../app.py", "/static/%2e%2e/app.py", "/static/..%2fapp.py", "/static/%2e%2e%2fapp.py",
                 "/static/..%5capp.py", "/static/....//app.py", "/static//etc/passwd", "/static/%2fetc%2fpasswd",
                 "/static/../../../../etc/passwd", "/static/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/static/",
                 "/static/nope.css"):
        response = client.get(path)
        assert response.status_code == 404, path
        assert "root:" not in response.text and "create_app" not in response.text


def test_path_traversal_on_the_wire(live_server):
    """Raw request targets, as a client that does not normalise them would send them."""
    import http.client

    for target in ("/static/../app.py", "/static/../../../../../../etc/passwd", "/static/%2e%2e/app.py",
                   "/static/..%2f..%2f..%2fetc%2fpasswd", "/static/..\\app.py"):
        conn = http.client.HTTPConnection("127.0.0.1", live_server.port, timeout=10)
        conn.request("GET", target)
        response = conn.getresponse()
        body = response.read()
        conn.close()
        assert response.status in (400, 404), (target, response.status)
        assert b"root:" not in body and b"create_app" not in body


def test_no_remote_images_and_safe_links(client, store_info):
    html = client.get(f"/articles/{store_info['ids']['01']}").text
    assert "<img" not in html
    assert "MARVOSA-GAS-PIPELINE.jpg" in html  # shown as a link, never loaded
    assert 'rel="noopener noreferrer nofollow"' in html


def test_stories_from_the_linker(store_info, tmp_path):
    """With ``wiretrace link`` (when present) filling story ids and groups, as it does for real stores."""
    import shutil
    import sqlite3

    from wiretrace.cli import main
    from wiretrace.commands import COMMANDS

    if "link" not in COMMANDS:
        pytest.skip("no link command")
    path = tmp_path / "linked.db"
    conn = sqlite3.connect(store_info["path"])
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    shutil.copy(store_info["path"], path)
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("UPDATE articles SET story_id = NULL, syndication_group = NULL")
    conn.close()
    assert main(["link", "--db", str(path)]) == 0
    with TestClient(create_app(path)) as client:
        key = client.get(f"/api/articles/{store_info['ids']['01']}").json()["story"]
        assert key.startswith("s:")
        story = client.get(f"/api/stories/{key}").json()
        times = [a["published_utc"] for a in story["articles"]]
        assert len(times) >= 5 and times == sorted(times)
        assert story["syndication_groups"] and all(len(g["articles"]) > 1 for g in story["syndication_groups"])
        assert client.get(f"/stories/{key}").status_code == 200


def test_a_story_merged_by_relinking_leads_to_the_story_it_joined(store_info, tmp_path):
    import shutil
    import sqlite3

    from wiretrace.corpus import link_corpus
    from wiretrace.store import Store

    path = tmp_path / "linked.db"
    conn = sqlite3.connect(store_info["path"])
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    shutil.copy(store_info["path"], path)
    with Store(path) as store:
        link_corpus(store)
        story = store.conn.execute("SELECT story_id FROM articles WHERE id = ?", (store_info["ids"]["01"],)).fetchone()[0]
        with store.transaction():  # as if an earlier linking had given this article a story of its own
            store.set_story(store_info["ids"]["01"], story_id="story-90")
            store.record_story_ids(["story-90"], {})
        link_corpus(store)
    with TestClient(create_app(path)) as client:
        response = client.get("/stories/s:story-90", follow_redirects=False)
        assert response.status_code == 307 and response.headers["location"] == f"/stories/s%3A{story}"
        response = client.get("/api/stories/s:story-90", follow_redirects=False)
        assert response.status_code == 307 and response.headers["location"] == f"/api/stories/s%3A{story}"
        assert client.get("/stories/s:story-91").status_code == 404  # never given out


ARABIC_PAGE = {
    "id": "arabic-fuel", "url": "https://nile.example/economy/fuel", "outlet": "النيل اليوم",
    "title": "مصر ترفع أسعار الوقود للمرة الثانية هذا العام",
    "text": "\n".join([
        "مصر ترفع أسعار الوقود للمرة الثانية هذا العام",
        "القاهرة (رويترز) - رفعت مصر أسعار البنزين والسولار بنسبة تصل إلى 13 بالمئة يوم الأربعاء، في ثاني زيادة هذا"
        " العام، وفقا لبيان صادر عن وزارة البترول.",
        "وقالت الوزارة إن لجنة التسعير قررت تثبيت الأسعار الجديدة لمدة ستة أشهر على الأقل، مشيرة إلى ارتفاع تكلفة"
        " الاستيراد.",
    ]),
}


def _posted(client, item: dict) -> int:
    """The store id of the one page ``item`` (a JSONL page object) posted through POST /api/ingest."""
    response = client.post("/api/ingest", content=json.dumps(item) + "\n",
                           headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/x-ndjson"})
    assert response.status_code == 201, response.text
    return response.json()["articles"][0]["id"]


def test_right_to_left_text_is_shown_in_its_own_direction(writable):
    """An Arabic story's headline and paragraphs take their direction from their own text (dir="auto"),
    in a page whose own words run left to right."""
    article_id = _posted(writable, ARABIC_PAGE)
    page = writable.get(f"/articles/{article_id}").text
    assert '<h1 dir="auto">مصر ترفع أسعار الوقود' in page
    assert '<p dir="auto">القاهرة (رويترز) -' in page
    results = writable.get("/search", params={"q": "الوقود"}).text
    assert f'<a href="/articles/{article_id}" dir="auto">' in results


def test_a_press_release_is_called_one_on_its_article_page(writable):
    from tests.extract.test_html import RELEASE_PAGE

    article_id = _posted(writable, {"id": "acme-plant", "url": "https://marketsdaily.example/acme", "html": RELEASE_PAGE})
    page = writable.get(f"/articles/{article_id}").text
    assert "A press release, distributed by <strong>PR Newswire</strong> and carried by Markets Daily" in page
    assert "Written by <strong>PR Newswire</strong>" not in page


FACT_CHECK_PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Are ferries free on Sundays?</title>
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "ClaimReview",
 "claimReviewed": "Ferries to the islands are free on Sundays.", "datePublished": "2026-05-09T10:00:00+01:00",
 "author": {"@type": "Organization", "name": "Harbour Check"},
 "itemReviewed": {"@type": "Claim", "author": {"@type": "Person", "name": "Councillor Ed Marr"}},
 "reviewRating": {"@type": "Rating", "ratingValue": 1, "worstRating": 1, "bestRating": 5, "alternateName": "False"}}
</script></head><body><article><h1>Are ferries free on Sundays?</h1>
<p>A post shared thousands of times says ferries to the islands cost nothing on Sundays, quoting a councillor.</p>
<p>The ferry operator's published fares show the same prices on every day of the week, and the council said no change was planned.</p>
<p>The councillor told us he had been misquoted and had spoken about a trial of free crossings for pensioners only.</p>
</article></body></html>"""


def test_a_fact_checks_verdict_is_shown_on_its_article_page(writable, analyzed):
    article_id = _posted(writable, {"id": "ferry-check", "url": "https://harbourcheck.example/ferries", "html": FACT_CHECK_PAGE})
    assert writable.get(f"/api/articles/{article_id}").json()["claim_reviews"][0]["rating"] == "False"
    page = writable.get(f"/articles/{article_id}").text
    assert ('<q dir="auto">Ferries to the islands are free on Sundays.</q> (Councillor Ed Marr): <strong>False</strong>, '
            'rated by Harbour Check') in page
    if analyzed:  # (the verdict is the status of the claim it rates, among the article's claims)
        claims = writable.get(f"/api/articles/{article_id}").json()["claims"]
        rated = [cl for cl in claims if cl["text"] == "Ferries to the islands are free on Sundays."]
        assert [(cl["status"], cl["status_by"]) for cl in rated] == [("denied", "Harbour Check")]
        assert writable.get(f"/claims/{rated[0]['id']}").status_code == 200
