"""Claim stance (FNC-1 style): hand-written pairs, the public API, and the DEV benchmark."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wiretrace.analyze.stance import LABELS, model_metadata, predict_stance, predict_stances

SHARED = Path(__file__).resolve().parents[2].parent / "shared"

CLAIM = "The health ministry banned the sale of energy drinks to minors"
UNRELATED = ("The city council voted on Tuesday to raise parking fees in the downtown area starting "
             "next month. Council members said the extra revenue would fund road repairs, and the "
             "mayor is expected to sign the measure this week.")
DENIAL = ("The health ministry denied the report on Wednesday, calling it false. A spokesman said no "
          "ban on the sale of energy drinks to minors had been discussed, and that the claim "
          "circulating on social media was a hoax.")
HEDGED = ("The health ministry has reportedly banned the sale of energy drinks to minors, according "
          "to a local newspaper citing unnamed sources. The report could not be independently "
          "confirmed, and the ministry did not respond to requests for comment.")
CONFIRMED = ("The health ministry on Monday banned the sale of energy drinks to minors. The minister "
             "announced the ban at a press conference and confirmed that it takes effect immediately. "
             "Shops that sell energy drinks to anyone under 18 will be fined.")


def test_unrelated_pair():
    assert predict_stance(CLAIM, UNRELATED) == "unrelated"


def test_denial_is_disagree():
    assert predict_stance(CLAIM, DENIAL) == "disagree"


def test_hedged_report_is_discuss():
    assert predict_stance(CLAIM, HEDGED) == "discuss"


def test_confirmation_is_related():
    assert predict_stance(CLAIM, CONFIRMED) != "unrelated"


@pytest.mark.xfail(strict=True, reason="known weakness: the model, trained on FNC-1 DEV where discuss is "
                   "62% of related pairs, calls this short flat confirmation 'discuss'")
def test_confirmation_is_agree():
    assert predict_stance(CLAIM, CONFIRMED) == "agree"


def test_batch_matches_single_and_is_deterministic():
    pairs = [(CLAIM, UNRELATED), (CLAIM, DENIAL), (CLAIM, HEDGED), (CLAIM, CONFIRMED), (CLAIM, DENIAL)]
    batch = predict_stances(pairs)
    assert batch == [predict_stance(c, b) for c, b in pairs]
    assert batch == predict_stances(iter(pairs))
    assert batch[1] == batch[4]
    assert set(batch) <= set(LABELS)


def test_empty_inputs():
    assert predict_stances([]) == []
    assert predict_stance("", "") in LABELS
    assert predict_stance(CLAIM, "") == "unrelated"


def test_model_small_with_cv_metadata():
    from wiretrace.analyze.stance import MODEL_PATH

    assert MODEL_PATH.stat().st_size < 10 * 1024 * 1024
    cv = model_metadata()["cv"]
    assert cv["grouped_by"] == "body_id"
    assert 0.0 < cv["fnc_relative"] <= 1.0


def test_dev_benchmark_above_floors(capsys):
    data = SHARED / "bench" / "stance"
    if not (data / "dev.jsonl").exists():
        pytest.skip(f"{data} not present (../shared is optional)")
    from wiretrace.bench.stance import FLOORS, main

    assert main(["--data", str(data), "--check"]) == 0, capsys.readouterr().out
    assert json.loads(FLOORS.read_text())["fnc_relative"] > 0.7


def test_bench_without_data(tmp_path, capsys):
    from wiretrace.bench.stance import main

    assert main(["--data", str(tmp_path)]) == 0
    assert main(["--data", str(tmp_path), "--check"]) == 2
