"""The Dask engine on a real LocalCluster with 2 workers gives exactly the local engine's records, and
the local engine's analysis processes give exactly what analysis in the calling process gives."""

from __future__ import annotations

import pytest

import wiretrace.engine as engine
from wiretrace.commands.common import SAMPLES
from wiretrace.engine import run_pages
from wiretrace.extract import ExtractConfig


def _dicts(results):
    return [r.to_dict() if hasattr(r, "to_dict") else str(r) for r in results]


@pytest.fixture
def pooled(monkeypatch):
    """The worker counts of the analysis pools that analysed something."""
    used: list[int] = []
    analyze = engine.AnalysisPool.analyze

    def spy(self, articles):
        used.append(self.workers)
        yield from analyze(self, articles)

    monkeypatch.setattr(engine.AnalysisPool, "analyze", spy)
    return used


def test_local_analysis_on_worker_processes_equals_analysis_in_this_process(monkeypatch, pooled):
    monkeypatch.setattr(engine, "POOL_MIN_ARTICLES", 4)  # (the 13 samples are below the real threshold)
    inputs = [str(SAMPLES)]
    here = _dicts(run_pages(inputs, ExtractConfig(), analyze=True, workers=1))
    assert pooled == []
    on_workers = _dicts(run_pages(inputs, ExtractConfig(), analyze=True, workers=2))
    assert pooled == [2]
    assert sum(bool(r["attributions"]) for r in here) >= 10 and any(r["claims"] for r in here)
    assert on_workers == here


def test_a_handful_of_articles_is_analysed_in_this_process(pooled):
    records = _dicts(run_pages([str(SAMPLES)], ExtractConfig(), analyze=True, workers=2))
    assert pooled == [] and len(records) == sum(1 for _ in SAMPLES.iterdir())
    assert any(r["attributions"] for r in records)


def test_ingest_analysing_on_worker_processes_stores_what_analysis_here_stores(tmp_path, monkeypatch, pooled):
    import wiretrace.ingest
    from wiretrace.ingest import Ingester
    from wiretrace.store import Store

    monkeypatch.setattr(wiretrace.ingest, "POOL_MIN_ARTICLES", 4)
    volatile = {"ingested_at", "store_id"}
    stored = {}
    for workers in (1, 2):
        with Store(tmp_path / f"{workers}.db") as store:
            # (batches of 5: the pool, once started, serves every later batch, the last one of 3 too)
            summary = Ingester(store, analyze=True, workers=workers, batch_size=5).ingest([str(SAMPLES)])
            assert summary.errors == 0 and summary.new == sum(1 for _ in SAMPLES.iterdir())
            stored[workers] = sorted(({k: v for k, v in r.items() if k not in volatile} for r in store.iter_records()),
                                     key=lambda r: r["source"])
    assert pooled == [2, 2, 2]
    assert any(r["attributions"] for r in stored[1])
    assert stored[2] == stored[1]


def test_where_no_worker_process_can_start_analysis_runs_here_and_says_so(monkeypatch, caplog, tmp_path):
    import wiretrace.ingest
    from wiretrace.ingest import Ingester
    from wiretrace.store import Store

    def no_processes(self):
        raise OSError(38, "Function not implemented")

    monkeypatch.setattr(engine.AnalysisPool, "start", no_processes)
    monkeypatch.setattr(engine, "POOL_MIN_ARTICLES", 4)
    monkeypatch.setattr(wiretrace.ingest, "POOL_MIN_ARTICLES", 4)
    inputs = [str(SAMPLES)]
    here = _dicts(run_pages(inputs, ExtractConfig(), analyze=True, workers=1))
    with caplog.at_level("WARNING", logger="wiretrace.engine"):
        assert _dicts(run_pages(inputs, ExtractConfig(), analyze=True, workers=2)) == here
        with Store(tmp_path / "c.db") as store:
            summary = Ingester(store, analyze=True, workers=2, batch_size=5).ingest(inputs)
            assert summary.errors == 0 and sum(bool(r["attributions"]) for r in store.iter_records()) >= 10
    said = [r.getMessage() for r in caplog.records]
    assert len(said) == 2  # once per run: ingest does not try again for each batch
    assert all("analysis runs in this process" in m and "Function not implemented" in m for m in said)


def test_a_worker_killed_mid_run_loses_no_article_and_the_pool_starts_afresh(caplog):
    import os
    import signal

    from wiretrace.analyze.pipeline import analyze_articles
    from wiretrace.pipeline import extract_inputs

    def samples():
        return [a for a in extract_inputs([str(SAMPLES)], ExtractConfig(), learn_template=False)]

    expected = [a.to_dict() for a in analyze_articles(samples())]
    with caplog.at_level("WARNING", logger="wiretrace.engine"), engine.AnalysisPool(2, batch_size=1) as pool:
        victim = pool.warm_up()[0]
        stream = pool.analyze(samples())
        got = [next(stream).to_dict()]
        os.kill(victim, signal.SIGKILL)  # (as the kernel's out-of-memory killer would)
        got += [a.to_dict() for a in stream]
        assert got == expected
        # The pool was started afresh: it analyses on its workers again.
        assert [a.to_dict() for a in pool.analyze(samples()[:2])] == expected[:2]
        assert victim not in pool.warm_up()
    (said,) = [r.getMessage() for r in caplog.records]
    assert "an analysis worker process stopped" in said and "in this process" in said


@pytest.mark.parametrize("analyze", [False, True])
def test_dask_local_cluster_equals_local_engine(analyze):
    pytest.importorskip("distributed")
    inputs = [str(SAMPLES)]
    local = _dicts(run_pages(inputs, ExtractConfig(), learn_template=False, analyze=analyze))
    on_dask = _dicts(run_pages(inputs, ExtractConfig(), engine="dask", workers=2, analyze=analyze))
    assert len(local) == sum(1 for _ in SAMPLES.iterdir())
    assert on_dask == local


def test_unknown_engine_is_an_error():
    with pytest.raises(ValueError, match="unknown engine"):
        list(run_pages([str(SAMPLES)], engine="spark"))


def test_ingest_on_dask_stores_what_local_ingest_stores(tmp_path):
    pytest.importorskip("distributed")
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
    pytest.importorskip("distributed")
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
    pytest.importorskip("distributed")
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"")))
    assert _dicts(run_pages(["-"], ExtractConfig(), engine="dask", workers=1)) == ["-: empty input"]
