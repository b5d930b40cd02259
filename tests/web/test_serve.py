"""``wiretrace serve`` itself, and the query time limit."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time

import pytest

from tests.web.conftest import free_port, need_web

need_web()

import httpx  # noqa: E402
from fastapi.testclient import TestClient  # noqa: E402

from wiretrace.cli import main  # noqa: E402
from wiretrace.store import queries  # noqa: E402
from wiretrace.web.app import create_app  # noqa: E402


def test_serve_refuses_a_missing_store(tmp_path, capsys):
    assert main(["serve", "--db", str(tmp_path / "none.db")]) == 1
    assert "no such database" in capsys.readouterr().err
    assert main(["serve", "--db", str(tmp_path / "none.db"), "--token", "short"]) == 2


def test_serve_command_serves_the_store(store_info):
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "wiretrace", "serve", "--db", store_info["path"],
                             "--host", "127.0.0.1", "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                response = httpx.get(f"http://127.0.0.1:{port}/api/articles", params={"limit": 2}, timeout=5)
                break
            except httpx.TransportError:
                assert proc.poll() is None, proc.stderr.read().decode()
                assert time.monotonic() < deadline, "server did not start"
                time.sleep(0.2)
        assert response.status_code == 200 and len(response.json()["items"]) == 2
        assert httpx.post(f"http://127.0.0.1:{port}/api/ingest", json={}, timeout=5).status_code in (404, 405)
    finally:
        proc.terminate()
        proc.wait(10)


def test_queries_past_the_time_limit_are_interrupted(store_info, monkeypatch):
    db = queries.Database(store_info["path"], time_limit_ms=1)
    conn = db.conn()
    time.sleep(0.01)
    with pytest.raises(sqlite3.OperationalError, match="interrupted"):
        conn.execute("WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM r WHERE i < 50000000) "
                     "SELECT count(*) FROM r").fetchone()
    assert db.conn().execute("SELECT 1").fetchone()[0] == 1  # the next request gets a fresh budget

    def slow(*args, **kwargs):
        raise sqlite3.OperationalError("interrupted")

    monkeypatch.setattr(queries, "get_article", slow)
    with TestClient(create_app(store_info["path"])) as client:
        assert client.get("/api/articles/1").status_code == 503
        page = client.get("/articles/1")
        assert page.status_code == 503 and "took longer than" in page.text
