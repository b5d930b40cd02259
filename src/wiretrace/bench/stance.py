"""Claim-stance benchmark (FNC-1 DEV half): the shipped model next to the README baselines.

    python -m wiretrace.bench.stance [--data ../shared/bench/stance] [--check]

Predicts every pair of ``dev.jsonl`` with :func:`wiretrace.analyze.stance.predict_stances`,
scores with that folder's own ``score.py`` and prints its figures, pairs/s (one process, one
thread) and the baselines quoted in the benchmark README.

The shipped model is trained on all of DEV, so the DEV figures printed here are IN-SAMPLE; the
honest estimate is the grouped cross-validation (folds by body) stored in the model metadata by
``python -m wiretrace.analyze.train_stance``, printed alongside. ``--check`` exits 1 when an
in-sample figure falls below the floors in ``stance_floors.json`` (a regression guard, not a
quality claim). Without the data it prints a message and exits 0 (2 under ``--check``).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from wiretrace.bench.common import SHARED_BENCH, check_floors, load_scorer, read_jsonl

FLOORS = Path(__file__).with_name("stance_floors.json")
DEFAULT_DATA = SHARED_BENCH / "stance"

# From the benchmark README (DEV, 6,267 pairs): FNC relative score, macro-F1, per-class F1.
BASELINES = {
    "majority (unrelated)": {"fnc": 0.1854, "macro_f1": 0.1614,
                             "f1": {"agree": 0.0, "disagree": 0.0, "discuss": 0.0, "unrelated": 0.6456}},
    "TF-IDF overlap + cue words": {"fnc": 0.6990, "macro_f1": 0.5617,
                                   "f1": {"agree": 0.3437, "disagree": 0.2907, "discuss": 0.6667,
                                          "unrelated": 0.9459}},
}
LABELS = ("agree", "disagree", "discuss", "unrelated")



def _row(name: str, fnc: float, macro: float, f1: dict) -> str:
    return (f"{name:44} {100 * fnc:7.2f}% {macro:8.4f} "
            + " ".join(f"{f1[c]:9.4f}" for c in LABELS))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder with dev.jsonl and score.py")
    ap.add_argument("--check", action="store_true", help=f"exit 1 below the floors in {FLOORS.name}")
    args = ap.parse_args(argv)

    dev = args.data / "dev.jsonl"
    if not dev.exists() or not (args.data / "score.py").exists():
        print(f"stance benchmark data not found under {args.data} (dev.jsonl and score.py); nothing to do")
        return 2 if args.check else 0

    from wiretrace.analyze.stance import model_metadata, predict_stances

    pairs = read_jsonl(dev)
    model_metadata()  # load the model outside the timed region
    start = time.perf_counter()
    pred = predict_stances((p["claim"], p["body"]) for p in pairs)
    elapsed = time.perf_counter() - start
    ids = [str(p["id"]) for p in pairs]
    scorer = load_scorer(args.data)
    res = scorer.score({i: p["stance"] for i, p in zip(ids, pairs)}, dict(zip(ids, pred)))
    f1 = {c: res["per_class"][c]["f1"] for c in LABELS}
    cv = model_metadata().get("cv", {})

    print(f"FNC-1 DEV: {len(pairs)} pairs, {len({p['body_id'] for p in pairs})} bodies ({dev})")
    print(f"{'':44} {'FNC':>8} {'macro-F1':>8} " + " ".join(f"{c + ' F1':>9}" for c in LABELS))
    for name, b in BASELINES.items():
        print(_row(f"baseline: {name}", b["fnc"], b["macro_f1"], b["f1"]))
    if cv:
        print(_row(f"wiretrace, grouped CV ({cv.get('folds')} folds by body)", cv["fnc_relative"],
                   cv["macro_f1"], cv["per_class_f1"]))
    print(_row("wiretrace, IN-SAMPLE (trained on DEV)", res["fnc"]["relative"], res["macro_f1"], f1))
    if cv:
        print(f"grouped-CV FNC reweighted to the full unrelated set (as in the held-out half): "
              f"{100 * cv['fnc_relative_full_unrelated']:.2f}%")
    print(f"in-sample: accuracy {res['accuracy']:.4f}, FNC {res['fnc']['score']:.2f} / {res['fnc']['max']:.2f}")
    print(f"speed: {len(pairs) / elapsed:.0f} pairs/s ({elapsed:.1f}s, one process; bodies shared "
          f"by several pairs are analysed once)")

    if args.check:
        got = {"fnc_relative": res["fnc"]["relative"], "macro_f1": res["macro_f1"],
               "accuracy": res["accuracy"]}
        return check_floors(FLOORS, got)
    return 0


if __name__ == "__main__":
    sys.exit(main())
