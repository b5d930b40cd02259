"""The web app's read queries on small stores built for each test."""

from __future__ import annotations

import sqlite3

import pytest

from wiretrace.record import Article
from wiretrace.store import NewPage, Store
from wiretrace.web import queries


@pytest.fixture
def minister_store(tmp_path) -> str:
    """Thirty current articles that all mention "minister" (some more often), a third from the Herald."""
    path = tmp_path / "minister.db"
    with Store(path) as store, store.transaction():
        for n in range(30):
            body = [f"The finance minister spoke in parliament on day {n}. " + "The minister said so. " * (n % 4),
                    "Opposition members walked out before the vote."]
            article = Article(source=f"pages/{n}.html", input_kind="html", headline=f"Budget debate, day {n}",
                              body=body, publisher="Herald" if n % 3 == 0 else "Courier")
            store.put(NewPage(f"url:https://courier.example/budget-{n}", f"h{n}", article))
    return str(path)


def test_paging_through_search_results_shows_every_match_once(minister_store, monkeypatch):
    # More matches than the ranking window, as a common word has in a real store.
    monkeypatch.setattr(queries, "RANK_WINDOW", 7)
    conn = sqlite3.connect(minister_store)
    conn.row_factory = sqlite3.Row
    for outlet, matches in ((None, 30), ("Herald", 10)):
        paged, offset, more = [], 0, True
        while more:
            items, more = queries.search(conn, "minister", 4, offset, outlet=outlet)
            paged += [item["id"] for item in items]
            offset += 4
        assert len(paged) == len(set(paged)) == matches, outlet
        whole, more = queries.search(conn, "minister", queries.MAX_LIMIT, outlet=outlet)
        assert [item["id"] for item in whole] == paged and not more
