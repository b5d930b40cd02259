"""Fixtures for the web app: a store built from the bundled samples, the app, a live server on loopback."""

from __future__ import annotations

import os
import socket
import threading
import time
from pathlib import Path

import pytest

from wiretrace.commands.common import SAMPLES

#: What every test module here needs; each skips itself (``need_web()``) when one is missing.
WEB_MODULES = ("fastapi", "jinja2", "httpx", "uvicorn")


def need_web() -> None:
    for name in WEB_MODULES:
        pytest.importorskip(name)

TOKEN = "test-token-0123456789"
#: The story and syndication group the fixture assigns (the clustering stage is not run here).
STORY, GROUP = "marvosa-gas", "reuters-marvosa-cap"


def _analysis_available() -> bool:
    try:
        import wiretrace.analyze.attribution  # noqa: F401
        from wiretrace.analyze.pipeline import analyze_articles  # noqa: F401
    except Exception:
        return False
    return True


@pytest.fixture(scope="session")
def store_info(tmp_path_factory) -> dict:
    """The samples ingested (and analysed when the models are there) into a fresh store, with one story set."""
    from wiretrace.ingest import Ingester
    from wiretrace.store import Store

    path = tmp_path_factory.mktemp("web") / "samples.db"
    analyzed = _analysis_available()
    with Store(path) as store:
        try:
            Ingester(store, analyze=analyzed).ingest([str(SAMPLES)])
        except Exception:
            if not analyzed:
                raise
            analyzed = False
            Ingester(store, analyze=False).ingest([str(SAMPLES)])
        if analyzed and not store.counts()["attributions"]:
            analyzed = False
        rows = store.conn.execute("SELECT id, source FROM articles ORDER BY id").fetchall()
        by_file = {Path(r["source"]).name[:2]: r["id"] for r in rows}
        with store.transaction():
            for prefix in ("01", "02", "03", "04", "05", "06", "07", "08", "09"):
                store.set_story(by_file[prefix], story_id=STORY,
                                syndication_group=GROUP if prefix <= "05" else None)
    return {"path": str(path), "analyzed": analyzed, "ids": by_file}


@pytest.fixture(scope="session")
def analyzed(store_info) -> bool:
    return store_info["analyzed"]


@pytest.fixture(scope="session")
def client(store_info):
    from fastapi.testclient import TestClient

    from wiretrace.web.app import create_app

    with TestClient(create_app(store_info["path"])) as c:
        yield c


@pytest.fixture(scope="session")
def hostile_store(tmp_path_factory, store_info) -> dict:
    """A copy of the sample store with the hostile pages ingested through POST /api/ingest."""
    import shutil

    from fastapi.testclient import TestClient

    from tests.web.payloads import as_jsonl, hostile_batch
    from wiretrace.store import Store
    from wiretrace.web.app import create_app

    path = tmp_path_factory.mktemp("hostile") / "hostile.db"
    with Store(store_info["path"], create=False) as store:
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copy(store_info["path"], path)
    with TestClient(create_app(path, token=TOKEN)) as c:
        response = c.post("/api/ingest", content=as_jsonl(hostile_batch()),
                          headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/x-ndjson"})
    assert response.status_code == 201, response.text
    ids = [a["id"] for a in response.json()["articles"]]
    assert len(ids) == 2, response.json()
    return {"path": str(path), "ids": ids}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LiveServer:
    """uvicorn on 127.0.0.1 and a free port, in a background thread."""

    def __init__(self, app):
        import uvicorn

        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning",
                                                    access_log=False))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> "LiveServer":
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        self.thread.join(10)


@pytest.fixture(scope="session")
def live_server(hostile_store):
    from wiretrace.web.app import create_app

    with LiveServer(create_app(hostile_store["path"])) as server:
        yield server


@pytest.fixture(scope="session")
def artifacts(tmp_path_factory) -> Path:
    """Where browser screenshots go: $WIRETRACE_WEB_ARTIFACTS, else tmp/artifacts under pytest's base temp."""
    folder = Path(os.environ.get("WIRETRACE_WEB_ARTIFACTS") or tmp_path_factory.getbasetemp() / "tmp" / "artifacts")
    folder.mkdir(parents=True, exist_ok=True)
    return folder
