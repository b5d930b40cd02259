"""The Dask engine on a real LocalCluster with 2 workers gives exactly the local engine's records."""

from __future__ import annotations

import pytest

from wiretrace.commands.common import SAMPLES
from wiretrace.engine import run_pages
from wiretrace.extract import ExtractConfig

distributed = pytest.importorskip("distributed")


def _dicts(results):
    return [r.to_dict() if hasattr(r, "to_dict") else str(r) for r in results]


@pytest.mark.parametrize("analyze", [False, True])
def test_dask_local_cluster_equals_local_engine(analyze):
    inputs = [str(SAMPLES)]
    local = _dicts(run_pages(inputs, ExtractConfig(), learn_template=False, analyze=analyze))
    on_dask = _dicts(run_pages(inputs, ExtractConfig(), engine="dask", workers=2, analyze=analyze))
    assert len(local) == sum(1 for _ in SAMPLES.iterdir())
    assert on_dask == local


def test_unknown_engine_is_an_error():
    with pytest.raises(ValueError, match="unknown engine"):
        list(run_pages([str(SAMPLES)], engine="spark"))


def test_ingest_on_dask_stores_what_local_ingest_stores(tmp_path):
    from wiretrace.ingest import Ingester
    from wiretrace.store import Store

    volatile = {"ingested_at", "store_id"}
    stored = {}
    for engine in ("local", "dask"):
        with Store(tmp_path / f"{engine}.db") as store:
            summary = Ingester(store, analyze=True, engine=engine, workers=2).ingest([str(SAMPLES)])
            assert summary.errors == 0 and summary.new == sum(1 for _ in SAMPLES.iterdir())
            stored[engine] = sorted(({k: v for k, v in r.items() if k not in volatile} for r in store.iter_records()),
                                    key=lambda r: r["source"])
    assert stored["dask"] == stored["local"]


def test_dask_reads_stdin_here_and_gives_every_page_the_url(tmp_path, monkeypatch):
    import io
    import sys

    page = SAMPLES / "04_arthiktimes_marvosa-gas-export-cap.txt"
    url = "https://arthiktimes.example/marvosa-gas"
    results = {}
    for engine in ("local", "dask"):
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(page.read_bytes())))
        results[engine] = _dicts(run_pages(["-", str(page)], ExtractConfig(), engine=engine, workers=1,
                                           learn_template=False, url=url))
    stdin_record, file_record = results["dask"]
    assert stdin_record["source"] == "-" and stdin_record["url"] == url
    assert stdin_record["headline"] == file_record["headline"] and stdin_record["headline"]
    assert file_record["url"] == url
    assert results["dask"] == results["local"]


def test_dask_names_empty_stdin_as_local_does(monkeypatch):
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"")))
    assert _dicts(run_pages(["-"], ExtractConfig(), engine="dask", workers=1)) == ["-: empty input"]
