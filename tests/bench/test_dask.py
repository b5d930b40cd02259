"""The Dask speed-up benchmark runs end to end (a small run: the figure itself is the benchmark's)."""

from __future__ import annotations

import re

import pytest

pytest.importorskip("distributed")

from wiretrace.bench import dask as dask_bench  # noqa: E402


def test_the_dask_benchmark_runs_on_the_bundled_samples(tmp_path, capsys):
    # An empty data folder: the benchmark falls back to the bundled sample pages.
    assert dask_bench.main(["--pages", "8", "--data", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert re.search(r"workers 1: [\d.]+ pages/s over 8 pages", out)
    assert re.search(r"workers 2: [\d.]+ pages/s over 8 pages", out)
    assert re.search(r"speed-up 1 -> 2 workers: [\d.]+x", out)
