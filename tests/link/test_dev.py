"""DEV checks on ../shared (skipped when that folder is absent)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2].parent / "shared"


def _need(*parts: str) -> Path:
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} not present (../shared is optional)")
    return path


def test_syndication_dev_figures():
    from wiretrace.bench.common import load_scorer
    from wiretrace.extract import extract_page
    from wiretrace.link.syndication import link_syndication
    from wiretrace.sources import read_page

    data = _need("bench", "syndication")
    truth_path = data / "dev" / "truth.json"
    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    records = {t["path"]: extract_page(read_page(str(data / "dev" / t["path"]))) for t in truth}
    result = link_syndication(records)
    scorer = load_scorer(data)
    res = scorer.score(scorer.load_truth(str(truth_path)), {p: {"story": v.group, "wire": v.wire}
                                                            for p, v in result.pages.items()})
    assert res["grouping"]["pairwise"]["f1"] >= 0.97
    assert res["wire"]["accuracy_on_wire_pages"] >= 0.95
    assert res["wire"]["syndicated"]["precision"] >= 0.98
    # Every multi-page group has an earliest appearance when any member is dated.
    for group in result.groups:
        if any(records[m].published for m in group.members):
            assert group.earliest is not None


def test_stories_dev_figures():
    from wiretrace.bench.common import load_scorer
    from wiretrace.bench.stories import evaluate
    from wiretrace.link.stories import StoriesConfig

    data = _need("bench", "stories")
    rows = [json.loads(line) for line in (data / "dev.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    res = evaluate(rows, load_scorer(data), StoriesConfig())
    assert res["bcubed"]["f1"] >= 0.975
    assert res["bcubed"]["precision"] >= 0.98


def test_benches_without_data(tmp_path, capsys):
    from wiretrace.bench import stories, syndication

    assert syndication.main(["--data", str(tmp_path)]) == 0
    assert syndication.main(["--data", str(tmp_path), "--check"]) == 2
    assert stories.main(["--data", str(tmp_path)]) == 0
    assert stories.main(["--data", str(tmp_path), "--check"]) == 2
    assert "not found" in capsys.readouterr().out
