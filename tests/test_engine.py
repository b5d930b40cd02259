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
    assert len(local) == 12
    assert on_dask == local


def test_unknown_engine_is_an_error():
    with pytest.raises(ValueError, match="unknown engine"):
        list(run_pages([str(SAMPLES)], engine="spark"))
