"""Attribution benchmark: the wiretrace attribution tagger on PolNeAR DEV, next to the README's anchors.

    python -m wiretrace.bench.attribution [--data ../shared/bench/attribution] [--check] [--pin]

Parses every dev article with the shared spaCy pipeline, runs ``extract_attributions`` on it, scores
the predictions with the data folder's own ``score.py`` and prints its P/R/F1 per metric beside
Citron-A, Citron-B and textacy (anchor figures copied from the folder's README). Speed is printed
three ways: the spaCy parse alone, the attribution step alone (model load excluded), and both.
``--check`` exits 1 when an F1 is below the floors pinned in ``attribution_floors.json``.
Without the data it exits 0 (2 under ``--check``).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path
from wiretrace.bench.common import SHARED_BENCH, load_scorer, read_jsonl

FLOORS = Path(__file__).with_name("attribution_floors.json")
DEFAULT_DATA = SHARED_BENCH / "attribution"

# DEV anchors from bench/attribution/README.md: (P, R, F1) in percent.
ANCHORS = {
    "Citron-A": {
        "cue_exact": (73.3, 34.9, 47.3), "cue_overlap": (84.2, 26.5, 40.3),
        "source_exact": (68.9, 34.8, 46.2), "source_overlap": (83.7, 29.6, 43.7),
        "content_exact": (45.4, 21.6, 29.3), "content_overlap": (86.9, 49.3, 62.9),
        "attribution": (80.9, 38.5, 52.2), "attribution_exact": (34.7, 16.5, 22.4),
    },
    "Citron-B": {
        "cue_exact": (68.5, 45.2, 54.4), "cue_overlap": (81.9, 36.6, 50.6),
        "source_exact": (73.7, 51.5, 60.6), "source_overlap": (82.2, 57.7, 67.8),
        "content_exact": (50.3, 33.2, 40.0), "content_overlap": (89.3, 62.8, 73.7),
        "attribution": (79.5, 52.4, 63.2), "attribution_exact": (41.6, 27.5, 33.1),
    },
    "textacy": {
        "cue_exact": (61.3, 12.2, 20.4), "cue_overlap": (89.2, 7.6, 14.1),
        "source_exact": (46.0, 9.7, 16.1), "source_overlap": (91.6, 7.0, 13.0),
        "content_exact": (22.4, 4.5, 7.5), "content_overlap": (97.0, 24.7, 39.4),
        "attribution": (62.2, 12.4, 20.7), "attribution_exact": (14.4, 2.9, 4.8),
    },
}
METRICS = ("cue_exact", "cue_overlap", "source_exact", "source_overlap", "content_exact", "content_overlap",
           "attribution", "attribution_exact")



def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m wiretrace.bench.attribution", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the bench/attribution folder")
    parser.add_argument("--check", action="store_true", help="exit 1 when an F1 is below the pinned floors")
    parser.add_argument("--pin", action="store_true", help="pin to one CPU core, as the anchors were measured")
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    parser.add_argument("--pred", type=Path, help="also write the predictions (scorer format) to this JSONL")
    args = parser.parse_args(argv)

    dev = args.data / "dev.jsonl"
    if not dev.exists() or not (args.data / "score.py").exists():
        print(f"benchmark data not found under {args.data}; nothing to run", file=sys.stderr)
        return 2 if args.check else 0
    if args.pin and hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})

    from wiretrace.analyze.attribution import _taggers
    from wiretrace.analyze.pipeline import analyze_doc
    from wiretrace.analyze.nlp import load_nlp

    scorer = load_scorer(args.data)
    articles = read_jsonl(dev)
    nlp = load_nlp()
    _taggers()  # model load outside the timed region
    nlp("Warm-up sentence, the minister said.")

    t0 = time.perf_counter()
    docs = [nlp(a["text"]) for a in articles]
    parse_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    # What `wiretrace attributions` outputs: the model's relations after the analysis pipeline
    # (a "citing X" relation folded into its report's basis, status sentences the model missed added).
    found = [analyze_doc(doc)[1] for doc in docs]
    attr_s = time.perf_counter() - t0
    words = sum(sum(1 for t in doc if not (t.is_punct or t.is_space)) for doc in docs)
    n = len(articles)

    pred = {a["id"]: {"id": a["id"], "attributions": [{"source": x.source, "cue": x.cue, "content": x.content}
                                                       for x in f]} for a, f in zip(articles, found)}
    summary = scorer.score({a["id"]: a for a in articles}, pred)
    if args.pred:
        with open(args.pred, "w", encoding="utf-8") as handle:
            for record in pred.values():
                handle.write(json.dumps(record) + "\n")

    names = ["wiretrace", *ANCHORS]
    print(f"PolNeAR dev: {n} articles, {words} words; P / R / F1 in %")
    print(f"{'metric':<18}" + "".join(f"{name:>22}" for name in names))
    for metric in METRICS:
        e = summary[metric]
        ours = (100 * e["precision"], 100 * e["recall"], 100 * e["f1"])
        cells = [ours] + [ANCHORS[a][metric] for a in ANCHORS]
        print(f"{metric:<18}" + "".join(f"{p:6.1f} /{r:5.1f} /{f:5.1f}".rjust(22) for p, r, f in cells))
    print(f"predicted / gold: {summary['attribution']['pred']} / {summary['attribution']['gold']}")
    total_s = parse_s + attr_s
    print(f"speed (one process, model load excluded): parse {n / parse_s:.1f} articles/s; "
          f"attribution step {1000 * attr_s / n:.1f} ms/article ({words / attr_s:,.0f} words/s); "
          f"parse + attribution {n / total_s:.1f} articles/s, {words / total_s:,.0f} words/s, "
          f"{1000 * total_s / n:.1f} ms/article")

    results = {m: {k: summary[m][k] for k in ("precision", "recall", "f1")} for m in METRICS}
    results["_speed"] = {"articles": n, "words": words, "parse_s": parse_s, "attribution_s": attr_s,
                         "articles_per_s": n / total_s, "words_per_s": words / total_s,
                         "attribution_ms_per_article": 1000 * attr_s / n}
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))

    floors = json.loads(FLOORS.read_text())
    failed = [f"{metric}: F1 {results[metric]['f1']:.3f} < floor {floor:.3f}"
              for metric, floor in floors.items() if metric in results and results[metric]["f1"] < floor]
    for line in failed:
        print(f"FLOOR BROKEN: {line}", file=sys.stderr)
    if args.check:
        print("floors:", ", ".join(f"{k} {v:.3f}" for k, v in floors.items()), "->", "FAIL" if failed else "ok")
    return 1 if (args.check and failed) else 0


if __name__ == "__main__":
    sys.exit(main())
