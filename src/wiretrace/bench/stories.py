"""Story-clustering benchmark (BASIL DEV half): incremental linking in date order.

    python -m wiretrace.bench stories [--data ../shared/bench/stories] [--check]

Feeds ``dev.jsonl`` to :class:`wiretrace.link.stories.StoryLinker` one article at a time in date
order (each joins an open story or starts one; nothing is revisited), scores with that folder's
own ``score.py`` and prints the figures next to the README baselines.

The threshold was set on DEV, so the DEV figure is in-sample. The split check puts each story in
one of two folds (by a hash of its label), picks the threshold on one fold from a grid, and
scores the other fold with it, both ways round: that is the honest estimate of the tuned
threshold. ``--check`` exits 1 below the floors in ``stories_floors.json``. Without the data it
prints a message and exits 0 (2 under ``--check``).
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import time
from dataclasses import replace
from pathlib import Path
from wiretrace.bench.common import SHARED_BENCH, check_floors, load_scorer, read_jsonl

FLOORS = Path(__file__).with_name("stories_floors.json")
DEFAULT_DATA = SHARED_BENCH / "stories"
THRESHOLDS = (0.1, 0.125, 0.15, 0.175, 0.2, 0.25, 0.3)
ENTITY_WEIGHTS = (0.0, 0.2, 0.5)
HALF_LIVES = (1.0, 2.0, 4.0)

# From the benchmark README (DEV, 180 articles, 60 stories).
BASELINES = {
    "all singletons": (180, 1.0, 0.3333, 0.5000, 0.0),
    "TF-IDF cosine, single link, t = 0.25 (batch)": (68, 0.9700, 0.9296, 0.9494, 0.9045),
}



def to_record(row: dict) -> dict:
    """A BASIL line as an article record (headline, body paragraphs, published)."""
    return {"headline": row.get("title") or "", "body": [p for p in (row.get("text") or "").split("\n\n") if p.strip()],
            "published": row.get("date")}


def fold_of(story: str) -> int:
    return int(hashlib.sha256(f"fold:{story}".encode()).hexdigest(), 16) % 2


def evaluate(rows: list[dict], scorer, config) -> dict:
    from wiretrace.link.stories import cluster_stories

    pred = cluster_stories({r["id"]: to_record(r) for r in rows}, config)
    return scorer.score({r["id"]: r["story"] for r in rows}, {i: str(s) for i, s in pred.items()})


def split_check(rows: list[dict], scorer, config) -> list[dict]:
    """Tune threshold, entity weight and half-life on one fold, score the other, both ways."""
    folds = [[r for r in rows if fold_of(r["story"]) == k] for k in (0, 1)]
    out = []
    for tune, test in ((0, 1), (1, 0)):
        grid = {}
        for w in ENTITY_WEIGHTS:
            for h in HALF_LIVES:
                for t in THRESHOLDS:
                    cfg = replace(config, threshold=t, entity_weight=w, half_life_days=h)
                    grid[(w, h, t)] = evaluate(folds[tune], scorer, cfg)["bcubed"]["f1"]
        best = max(grid.values())
        # Among equally good settings take the middle threshold of the first best (w, h): ties are
        # common on a small fold.
        w, h, _ = next(k for k in grid if grid[k] >= best - 1e-9)
        ties = [t for t in THRESHOLDS if grid[(w, h, t)] >= best - 1e-9]
        chosen = replace(config, threshold=ties[len(ties) // 2], entity_weight=w, half_life_days=h)
        held = evaluate(folds[test], scorer, chosen)
        at_default = evaluate(folds[test], scorer, config)
        out.append({"tune_fold": tune, "tune_articles": len(folds[tune]), "test_articles": len(folds[test]),
                    "chosen": chosen, "tune_f1": best, "test_f1": held["bcubed"]["f1"],
                    "test_f1_default": at_default["bcubed"]["f1"]})
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder with dev.jsonl and score.py")
    ap.add_argument("--check", action="store_true", help=f"exit 1 below the floors in {FLOORS.name}")
    args = ap.parse_args(argv)

    dev = args.data / "dev.jsonl"
    if not dev.exists() or not (args.data / "score.py").exists():
        print(f"stories benchmark data not found under {args.data} (dev.jsonl and score.py); nothing to do")
        return 2 if args.check else 0

    from wiretrace.link.stories import StoriesConfig

    rows = read_jsonl(dev)
    scorer = load_scorer(args.data)
    config = StoriesConfig()
    start = time.perf_counter()
    res = evaluate(rows, scorer, config)
    elapsed = time.perf_counter() - start
    b3, pw = res["bcubed"], res["pairwise"]

    print(f"BASIL DEV: {len(rows)} articles, {len({r['story'] for r in rows})} stories ({dev}); "
          f"incremental, date order, pile of {len(rows)}")
    print(f"{'':48} {'clusters':>8} {'B3 P':>7} {'B3 R':>7} {'B3 F1':>7} {'pair F1':>7}")
    for name, (k, p, r, f, pf) in BASELINES.items():
        print(f"{'baseline: ' + name:48} {k:>8} {p:7.4f} {r:7.4f} {f:7.4f} {pf:7.4f}")
    print(f"{'wiretrace StoryLinker (threshold set on DEV)':48} {res['pred_clusters']:>8} {b3['precision']:7.4f} "
          f"{b3['recall']:7.4f} {b3['f1']:7.4f} {pw['f1']:7.4f}")
    print(f"config: {config}")
    sweep = {t: evaluate(rows, scorer, replace(config, threshold=t))["bcubed"]["f1"] for t in THRESHOLDS}
    print("DEV B3 F1 by threshold (other settings as shipped): "
          + ", ".join(f"{t}: {f:.4f}" for t, f in sweep.items()))
    print(f"speed: {len(rows) / elapsed:.0f} articles/s ({elapsed:.2f}s)")
    print("2-fold split check (folds by story; threshold x entity weight x half-life picked on one fold "
          f"from {len(THRESHOLDS)}x{len(ENTITY_WEIGHTS)}x{len(HALF_LIVES)} settings, scored on the other):")
    checks = split_check(rows, scorer, config)
    for c in checks:
        ch = c["chosen"]
        print(f"  tune on fold {c['tune_fold']} ({c['tune_articles']} articles): threshold {ch.threshold}, "
              f"entity weight {ch.entity_weight}, half-life {ch.half_life_days} d "
              f"(B3 F1 {c['tune_f1']:.4f} there) -> held-out fold B3 F1 {c['test_f1']:.4f} "
              f"(with the shipped settings: {c['test_f1_default']:.4f})")
    mean_test = sum(c["test_f1"] for c in checks) / len(checks)
    print(f"  mean held-out-fold B3 F1 {mean_test:.4f} (folds are half-size piles, so easier than the full pile)")

    if args.check:
        got = {"bcubed_f1": b3["f1"], "bcubed_precision": b3["precision"], "pairwise_f1": pw["f1"],
               "split_check_mean_f1": mean_test}
        return check_floors(FLOORS, got)
    return 0


if __name__ == "__main__":
    sys.exit(main())
