"""Syndication benchmark: wire-copy grouping and agency on the DEV crawl, and LSH at scale.

    python -m wiretrace.bench syndication [--data ../shared/bench/syndication] [--check]
    python -m wiretrace.bench syndication --scale 100000 --scale 1000000 [--workers 2]

DEV mode extracts every page of ``dev/pages`` with :func:`wiretrace.extract.extract_page`, links
them with :func:`wiretrace.link.syndication.link_syndication`, scores with that folder's own
``score.py`` and prints the figures next to the README baselines. It then scores the records
themselves on these pages, whose templates the extraction DEV set never showed: each page's time
against truth.json's ``published_utc``, and its body against the PolNeAR paragraphs it carries
(where the attribution bench's ``train.jsonl``, the crawl's source texts, sits beside this
folder). ``--check`` exits 1 when a figure falls below the floors in ``syndication_floors.json``. Without the data it prints a
message and exits 0 (2 under ``--check``).

Scale mode times the LSH stage (shingling, datasketch MinHash signatures of the body and of its
lead, band keys spilled to disk, candidate pairs band by band) on N synthetic documents, each N in
a fresh subprocess so its peak RSS is its own. One document in ten is a planted copy (truncated,
with a paragraph added) of a recent original; the report gives how many of those pairs came out
as candidates. Documents are generated inside the workers from (seed, index), so no text is ever
held for more than one batch.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import ModuleType

import numpy as np
from wiretrace.bench.common import SHARED_BENCH, check_floors, load_scorer

FLOORS = Path(__file__).with_name("syndication_floors.json")
DEFAULT_DATA = SHARED_BENCH / "syndication"

# From the benchmark README (DEV, 296 pages).
BASELINES = {
    "every page alone": {"pair_p": 1.0, "pair_r": 0.0, "pair_f1": 0.0, "b3_f1": 0.577, "exact": 0,
                         "wire_acc": None, "syn_p": None},
    "exact body hash + credit regex": {"pair_p": 1.0, "pair_r": 0.061, "pair_f1": 0.115, "b3_f1": 0.609, "exact": 0,
                                       "wire_acc": 0.572, "syn_p": 1.0},
    "5-gram Jaccard >= 0.5 + credit regex": {"pair_p": 1.0, "pair_r": 0.871, "pair_f1": 0.931, "b3_f1": 0.959,
                                             "exact": 46, "wire_acc": 0.572, "syn_p": 1.0},
}



def _fmt(value, width=7, digits=3) -> str:
    return f"{'-':>{width}}" if value is None else f"{value:{width}.{digits}f}"


def run_dev(data: Path, check: bool) -> int:
    truth_path = data / "dev" / "truth.json"
    if not truth_path.exists() or not (data / "score.py").exists():
        print(f"syndication benchmark data not found under {data} (dev/truth.json and score.py); nothing to do")
        return 2 if check else 0

    from wiretrace.extract import ExtractionError, extract_page
    from wiretrace.link.syndication import link_syndication
    from wiretrace.sources import read_page

    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    start = time.perf_counter()
    records, failed = {}, []
    for rec in truth:
        try:
            records[rec["path"]] = extract_page(read_page(str(data / "dev" / rec["path"])))
        except ExtractionError as err:
            failed.append(str(err))
    extract_s = time.perf_counter() - start
    start = time.perf_counter()
    result = link_syndication(records)
    link_s = time.perf_counter() - start
    pred = {path: {"story": v.group, "wire": v.wire} for path, v in result.pages.items()}
    scorer = load_scorer(data)
    res = scorer.score(scorer.load_truth(str(truth_path)), pred)
    grouping, wire = res["grouping"], res["wire"]
    pw, b3 = grouping["pairwise"], grouping["bcubed"]
    exact = grouping["exact_stories"]

    n_html = sum(r.input_kind == "html" for r in records.values())
    print(f"syndication DEV: {len(truth)} pages ({n_html} HTML, {len(records) - n_html} text dumps), "
          f"{exact['of']} wire stories ({truth_path})")
    print(f"{'':44} {'pair P':>7} {'pair R':>7} {'pair F1':>7} {'B3 F1':>7} {'exact':>6} {'wireAcc':>7} {'isWireP':>7}")
    for name, b in BASELINES.items():
        print(f"{'baseline: ' + name:44} {_fmt(b['pair_p'])} {_fmt(b['pair_r'])} {_fmt(b['pair_f1'])} "
              f"{_fmt(b['b3_f1'])} {b['exact']:>6} {_fmt(b['wire_acc'])} {_fmt(b['syn_p'])}")
    print(f"{'wiretrace link_syndication':44} {_fmt(pw['precision'])} {_fmt(pw['recall'])} {_fmt(pw['f1'])} "
          f"{_fmt(b3['f1'])} {exact['recovered']:>6} {_fmt(wire['accuracy_on_wire_pages'])} "
          f"{_fmt(wire['syndicated']['precision'])}")
    syn = wire["syndicated"]
    print(f"wire: accuracy {wire['accuracy']:.3f} over all pages, {wire['accuracy_on_wire_pages']:.3f} over wire pages; "
          f"is-wire P {syn['precision']:.3f} R {syn['recall']:.3f} F1 {syn['f1']:.3f} "
          f"(credit regex baseline: 0.659 / 0.572; P 1.000 R 0.572)")
    own = sum(v.wire_from == "credit" for v in result.pages.values())
    filled = sum(v.wire_from == "group" for v in result.pages.values())
    print(f"agency from the page's own credit on {own} pages, filled from its group on {filled}")
    print("per agency: " + ", ".join(f"{a} F1 {s['f1']:.3f}" for a, s in sorted(wire["per_agency"].items())))
    print(f"LSH: {result.stats['candidates']} candidate pairs, {result.stats['verified']} verified, "
          f"{result.stats['multi_page_groups']} multi-page groups")
    print(f"time: extraction {extract_s:.1f}s, linking {link_s:.2f}s; {len(failed)} pages gave no record")
    for line in failed[:5]:
        print(f"  extraction failed: {line}")

    records_figures = _record_figures(data, truth, records)
    if check:
        got = {"pairwise_f1": pw["f1"], "bcubed_f1": b3["f1"], "wire_accuracy_on_wire_pages": wire["accuracy_on_wire_pages"],
               "is_wire_precision": syn["precision"], "is_wire_recall": syn["recall"], **records_figures}
        return check_floors(FLOORS, got)
    return 0


# ---------------------------------------------------------------------------------------------
# The records themselves, on pages of templates DEV extraction never saw

def _record_figures(data: Path, truth: list[dict], records: dict) -> dict[str, float]:
    """Print and return what the crawl says of each record beyond its story and agency: its time
    (the page's last-updated or published time, to the minute in UTC, against truth.json's
    ``published_utc``) and, where the attribution bench's PolNeAR train texts sit next to this
    folder (the crawl's article texts come from them), its body's F1 by the extraction bench's
    scorer against the PolNeAR paragraphs the page carries."""
    figures: dict[str, float] = {}
    kinds = (("html", "HTML pages"), ("text", "text dumps"))
    for kind, label in kinds:
        pages = [(records[rec["path"]], rec) for rec in truth
                 if rec["path"] in records and records[rec["path"]].input_kind == kind]
        if pages:
            right = sum(_utc_minute(record.updated or record.published) == _utc_minute(rec["published_utc"])
                        for record, rec in pages)
            figures[f"time_accuracy_{kind}"] = right / len(pages)
            print(f"page time (updated, else published) right to the minute on {right} of {len(pages)} {label}")
    polnear, scorer_dir = data.parent / "attribution" / "train.jsonl", data.parent / "extraction"
    if not polnear.exists() or not (scorer_dir / "score.py").exists():
        print(f"body F1: {polnear} or {scorer_dir / 'score.py'} not found; not measured")
        return figures
    scorer = load_scorer(scorer_dir)
    gold = _polnear_bodies(data, truth, polnear, scorer)
    for kind, label in kinds:
        paths = [p for p in gold if p in records and records[p].input_kind == kind]
        if paths:
            score = scorer.score({p: {"articleBody": gold[p]} for p in paths},
                                 {p: "\n".join(records[p].body) for p in paths})
            figures[f"body_f1_{kind}"] = score["f1"]
            print(f"body against the PolNeAR paragraphs each page carries, {len(paths)} {label}: "
                  f"F1 {score['f1']:.4f} P {score['precision']:.4f} R {score['recall']:.4f}")
    return figures


def _utc_minute(stamp: str | None) -> str | None:
    from datetime import datetime, timezone

    if not stamp:
        return None
    moment = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M") if moment.tzinfo else None


#: A paragraph is the page's when this share of its word 4-grams is in the page's visible text
#: (one of _SHORT_WORDS words or fewer: when it stands there whole).
_CARRIED_SHARE = 0.6
_SHORT_WORDS = 8


def _polnear_bodies(data: Path, truth: list[dict], polnear: Path, scorer: ModuleType) -> dict[str, str]:
    """Per page of the crawl, the paragraphs of the PolNeAR train text it carries (the text
    whose paragraphs share most word 4-grams with the page's visible text; its first line, the
    title, left out), the words and 4-grams being the extraction ``scorer``'s. Pages that carry
    none are left out."""
    import lxml.html

    def shingles(text: str) -> set[tuple[str, ...]]:
        return set(scorer.shingles(scorer.tokens(text)))

    texts = [[p.strip() for p in json.loads(line)["text"].split("\n") if p.strip()][1:]
             for line in polnear.read_text(encoding="utf-8").splitlines() if line.strip()]
    index: dict[tuple[str, ...], set[int]] = {}
    for d, paragraphs in enumerate(texts):
        for paragraph in paragraphs:
            for shingle in sorted(shingles(paragraph))[:50]:
                index.setdefault(shingle, set()).add(d)
    gold = {}
    for rec in truth:
        raw = (data / "dev" / rec["path"]).read_text(encoding="utf-8", errors="replace")
        if rec["path"].endswith(".txt"):
            visible = raw
        else:
            tree = lxml.html.fromstring(raw)
            for element in tree.xpath("//script | //style"):
                element.drop_tree()
            visible = tree.text_content()
        seen = shingles(visible)
        votes: dict[int, int] = {}
        for shingle in seen:
            for d in index.get(shingle, ()):
                votes[d] = votes.get(d, 0) + 1
        if not votes:
            continue
        words = f" {' '.join(scorer.tokens(visible))} "
        carried = []
        for paragraph in texts[max(votes, key=votes.get)]:
            toks, own = scorer.tokens(paragraph), shingles(paragraph)
            if (f" {' '.join(toks)} " in words) if len(toks) <= _SHORT_WORDS else len(own & seen) >= _CARRIED_SHARE * len(own):
                carried.append(paragraph)
        if carried:
            gold[rec["path"]] = "\n".join(carried)
    return gold


# ---------------------------------------------------------------------------------------------
# Scale mode

VOCAB = 50_000
COPY_EVERY = 10


_WORDS = np.array([f"w{i}" for i in range(VOCAB)], dtype=object)


def _cdf() -> np.ndarray:
    weights = 1.0 / np.arange(1, VOCAB + 1) ** 1.05
    return np.cumsum(weights) / weights.sum()


def synthetic_body(index: int, seed: int, cdf: np.ndarray) -> list[str]:
    """A synthetic article body (Zipfian words in ~40-word paragraphs); every tenth is a planted copy."""
    if index % COPY_EVERY == COPY_EVERY - 1:
        rng = np.random.default_rng([seed, index, 1])
        source = index - int(rng.integers(1, COPY_EVERY))
        body = synthetic_body(source, seed, cdf)
        keep = max(2, int(len(body) * rng.uniform(0.3, 1.0)))
        extra = np.searchsorted(cdf, rng.random(40))
        return body[:keep] + [" ".join(_WORDS[extra]) + "."]
    rng = np.random.default_rng([seed, index])
    n_words = int(rng.integers(150, 800))
    words = _WORDS[np.searchsorted(cdf, rng.random(n_words))].tolist()
    return [" ".join(words[start:start + 40]) + "." for start in range(0, n_words, 40)]


def _planted_source(index: int, seed: int) -> int | None:
    if index % COPY_EVERY != COPY_EVERY - 1:
        return None
    rng = np.random.default_rng([seed, index, 1])
    return index - int(rng.integers(1, COPY_EVERY))


def _sign_chunk(args):
    start, stop, seed, lead_tokens, num_perm = args
    from wiretrace.link.shingles import signature
    from wiretrace.link.syndication import page_hashes

    cdf = _cdf()
    sigs = np.empty((stop - start, num_perm), dtype=np.uint32)
    leads = np.empty((stop - start, num_perm), dtype=np.uint32)
    t_gen = t_sig = 0.0
    for k, index in enumerate(range(start, stop)):
        t0 = time.perf_counter()
        article = {"body": synthetic_body(index, seed, cdf)}
        t1 = time.perf_counter()
        body, lead = page_hashes(article, lead_tokens)
        sigs[k] = signature(body, num_perm)
        leads[k] = signature(lead, num_perm)
        t2 = time.perf_counter()
        t_gen += t1 - t0
        t_sig += t2 - t1
    return start, sigs, leads, t_gen, t_sig


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def scale_once(n: int, workers: int, seed: int = 7, chunk: int = 5_000) -> dict:
    """Time the LSH stage on ``n`` synthetic documents in this process; returns the figures."""
    from multiprocessing import get_context

    from wiretrace.link.lsh import BandBuckets, decode_pairs, lsh_params
    from wiretrace.link.syndication import SyndicationConfig

    config = SyndicationConfig()
    bands, rows = lsh_params(config.lsh_threshold, config.num_perm)
    tasks = [(s, min(n, s + chunk), seed, config.lead_tokens, config.num_perm) for s in range(0, n, chunk)]
    t_gen = t_sig = 0.0
    wall0 = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="wiretrace-scale-") as tmp:
        body_b = BandBuckets(bands, rows, spill_rows=config.spill_rows, workdir=Path(tmp) / "body")
        lead_b = BandBuckets(bands, rows, spill_rows=config.spill_rows, workdir=Path(tmp) / "lead")
        if workers > 1:
            pool = get_context("fork").Pool(workers)
            results = pool.imap_unordered(_sign_chunk, tasks)
        else:
            pool, results = None, map(_sign_chunk, tasks)
        for start, sigs, leads, g, s in results:
            docs = np.arange(start, start + len(sigs))
            body_b.add(docs, sigs)
            lead_b.add(docs, leads)
            t_gen += g
            t_sig += s
        if pool is not None:
            pool.close()
            pool.join()
        wall_sig = time.perf_counter() - wall0
        t0 = time.perf_counter()
        codes = np.empty(0, dtype=np.uint64)
        for buckets in (body_b, lead_b):
            for band_codes in buckets.iter_band_pairs():
                codes = np.union1d(codes, band_codes)
        pairs = decode_pairs(codes)
        t_pairs = time.perf_counter() - t0
        disk = sum(f.stat().st_size for f in Path(tmp).rglob("*") if f.is_file())
        large = body_b.large_buckets + lead_b.large_buckets
        body_b.close()
        lead_b.close()
    planted = {(src, i) for i in range(n) if (src := _planted_source(i, seed)) is not None}
    found = {(int(a), int(b)) for a, b in pairs.tolist()}
    wall = time.perf_counter() - wall0
    return {
        "n": n, "workers": workers, "bands": bands, "rows": rows,
        "wall_s": round(wall, 1),
        "signature_wall_s": round(wall_sig, 1),
        "generate_cpu_s": round(t_gen, 1), "shingle_minhash_cpu_s": round(t_sig, 1),
        "candidate_pairs_s": round(t_pairs, 1),
        "lsh_stage_s": round(wall - t_gen / max(1, workers), 1),
        "candidates": len(found), "planted_pairs": len(planted),
        "planted_found": len(planted & found), "other_candidates": len(found - planted),
        "large_buckets": large, "spill_disk_mb": round(disk / 2**20, 1),
        "peak_rss_mb": round(_rss_mb(), 1),
        "worker_peak_rss_mb": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024.0, 1),
    }


def run_scale(sizes: list[int], workers: int, timeout: int) -> int:
    print(f"LSH stage at scale: synthetic documents (150-800 Zipfian words; 1 in {COPY_EVERY} a truncated copy "
          f"of a recent one), body + lead MinHash (datasketch, 128 perms), {workers} worker(s); "
          "each size in a fresh subprocess")
    rows = []
    for n in sizes:
        cmd = [sys.executable, "-m", "wiretrace.bench.syndication", "--scale-once", str(n), "--workers", str(workers)]
        try:
            out = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=True).stdout
        except subprocess.TimeoutExpired:
            print(f"N={n:,}: did not finish within {timeout}s")
            continue
        except subprocess.CalledProcessError as err:
            print(f"N={n:,}: failed\n{err.stderr[-2000:]}")
            return 1
        row = json.loads(out.strip().splitlines()[-1])
        rows.append(row)
        print(f"N={n:>9,}: wall {row['wall_s']:7.1f}s (signatures {row['signature_wall_s']:.1f}s wall; cpu: generate "
              f"{row['generate_cpu_s']:.1f}s, shingle+minhash {row['shingle_minhash_cpu_s']:.1f}s; candidate pairs "
              f"{row['candidate_pairs_s']:.1f}s), LSH stage without generation ~{row['lsh_stage_s']:.1f}s, "
              f"peak RSS {row['peak_rss_mb']:.0f} MB (largest worker {row.get('worker_peak_rss_mb', 0):.0f} MB), spill {row['spill_disk_mb']:.0f} MB on disk, "
              f"b={row['bands']} r={row['rows']}")
        print(f"             candidates {row['candidates']:,}: planted copies found {row['planted_found']:,}/"
              f"{row['planted_pairs']:,}, other pairs {row['other_candidates']:,}, oversized buckets {row['large_buckets']}")
    if len(rows) >= 2:
        a, b = rows[0], rows[-1]
        factor = b["n"] / a["n"]
        print(f"growth x{factor:g} documents: time x{b['lsh_stage_s'] / max(a['lsh_stage_s'], 1e-9):.2f}, "
              f"peak RSS x{b['peak_rss_mb'] / a['peak_rss_mb']:.2f}")
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder with dev/, score.py")
    ap.add_argument("--check", action="store_true", help=f"exit 1 below the floors in {FLOORS.name}")
    ap.add_argument("--scale", type=int, action="append", metavar="N",
                    help="time the LSH stage on N synthetic documents (repeatable) instead of DEV")
    ap.add_argument("--workers", type=int, default=min(2, os.cpu_count() or 1), help="processes for signatures")
    ap.add_argument("--timeout", type=int, default=900, help="seconds allowed per scale size")
    ap.add_argument("--scale-once", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.scale_once:
        print(json.dumps(scale_once(args.scale_once, args.workers)))
        return 0
    if args.scale:
        return run_scale(args.scale, args.workers, args.timeout)
    return run_dev(args.data, args.check)


if __name__ == "__main__":
    sys.exit(main())
