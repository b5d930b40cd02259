"""Train (and cross-validate) the text-mode block classifier.

    python -m wiretrace.extract.train_textblocks /work/shared/bench/extraction/dev \\
        [--eval lynx=/tmp/render/lynx ...] [--folds 5] [--no-write] [--styles original,flat,terminal]

Reads ``DEV/text/<id>.txt`` dumps and ``DEV/ground-truth.json``; never copies either into the
package. Block labels come from aligning each block to the gold body (:func:`align_labels`).

Held-out dumps come from several renderers, so every training dump is also re-rendered in two
synthetic styles (:func:`restyle`): flat (no indentation, no bullets, like html-text) and
terminal (lynx-like indentation, bullets and hard wrapping at 76 columns). A third, narrow
(w3m-like: flush left, wrapped at 80, no blank lines), can be added with ``--styles``; it did
not help the real lynx/w3m renderings in cross-validation, so it is off by default. Extra real
renderings of the same pages can be scored with ``--eval NAME=DIR``; they never train.
``--train-extra NAME=DIR`` trains on them as well (a page's renderings share its fold);
``python -m wiretrace.extract.renderings DEV OUT`` makes them (lynx, w3m, html-text). On the
DEV pages, training on lynx/w3m/html-text renderings did not raise their cross-validated F1 and
lowered the original dumps' slightly, so the shipped model is trained on the styles only.

The classifier has two passes (see ``textfeatures.context_features``): a logistic regression
over the block features, then a second one that also sees the first pass's scores around each
block. The second pass is trained on first-pass scores of pages the first pass did not see: a
nested k-fold split inside the training pages (``inner_fold_of``).

Everything is reported as k-fold cross-validation grouped by page (a page's renderings always
share a fold), never in-sample. The bodies scored are the ones text mode ships: decoded and
cleaned by ``textblocks.choose_body``, then the metadata pass (``text.article_from_blocks``: a
caption or a date stamp the decoder kept leaves the body) and ``finalize``. Then the model is fitted on all pages and written to
``src/wiretrace/models/textblocks.json``. Deterministic: fixed folds, a deterministic solver.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import textwrap
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np

from wiretrace.extract import finalize
from wiretrace.extract.text import article_from_blocks, dump_blocks
from wiretrace.extract.textblocks import categories, choose_body, stacked_scores
from wiretrace.extract.textfeatures import CONTEXT_NAMES, FEATURE_NAMES, LinearModel, context_features, page_features
from wiretrace.record import Page

WORD = re.compile(r"\w+")
MODEL_PATH = Path(__file__).resolve().parents[1] / "models" / "textblocks.json"
#: Training styles by default; restyle() also knows "narrow" (see --styles).
STYLES = ("original", "flat", "terminal")
#: Decoding knobs searched on out-of-fold scores. The CV optimum is flat, so the grid stays where
#: the behaviour the tests pin down holds: a block inside the run needs some evidence (inside
#: >= 0.2), and a paragraph past a related-links box resumes the article at a middling score.
DECODE_GRID = [
    {"pivot": pivot, "inside": inside, "outside": outside, "resume": resume}
    for pivot in (0.4, 0.5)
    for inside in (0.2, 0.3)
    for outside in (0.9, 1.01)
    for resume in (0.4, 0.5)
]
#: How much better than the grid's earlier settings a later one must score to be chosen.
_KNOB_MARGIN = 0.001


# --- labels ---------------------------------------------------------------------------------------


def align_labels(texts: list[str], gold: str) -> list[bool]:
    """Which blocks belong to the gold body.

    A block of 4+ tokens is body when most of its token 4-grams occur in the gold text. Shorter
    blocks (sub-headings, list items, table rows) are ambiguous on their own ("Reuters" may
    well occur in the body), so they count only where their tokens appear in the stretch of the
    gold text between the body blocks around them, located by walking the gold in order.
    """
    tokens = WORD.findall(gold)
    starts: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i in range(len(tokens) - 3):
        starts[tuple(tokens[i : i + 4])].append(i)
    labels = [False] * len(texts)
    cursor = 0
    pending: list[tuple[int, list[str]]] = []

    def settle(lo: int, hi: int) -> None:
        region = " " + " ".join(tokens[max(lo, 0) : hi]) + " "
        for j, toks in pending:
            if toks and " " + " ".join(toks) + " " in region:
                labels[j] = True
        pending.clear()

    for j, text in enumerate(texts):
        toks = WORD.findall(text)
        if len(toks) < 4:
            pending.append((j, toks))
            continue
        grams = [tuple(toks[i : i + 4]) for i in range(len(toks) - 3)]
        if sum(1 for g in grams if g in starts) * 2 < len(grams):
            continue
        labels[j] = True
        start = None
        for k, gram in enumerate(grams):
            later = [p for p in starts.get(gram, ()) if p >= cursor - 2]
            if later:
                start = max(0, later[0] - k)
                break
        if start is None:  # a repeat of text already consumed
            pending.clear()
            continue
        settle(cursor, start)
        cursor = max(cursor, start + len(toks))
    settle(cursor, len(tokens))
    return labels


# --- scoring (the benchmark's metric: token 4-gram shingles, macro over pages) --------------------


def _shingles(text: str) -> Counter:
    toks = WORD.findall(text)
    if len(toks) < 4:
        return Counter([tuple(toks)]) if toks else Counter()
    return Counter(tuple(toks[i : i + 4]) for i in range(len(toks) - 3))


def score(gold: dict[str, str], pred: dict[str, str]) -> dict[str, float]:
    """Macro precision/recall over pages and their harmonic mean, as the benchmark's score.py."""
    precisions, recalls = [], []
    for key, truth in gold.items():
        t, p = _shingles(truth), _shingles(pred.get(key, ""))
        tp = sum((t & p).values())
        fp = sum((p - t).values())
        fn = sum((t - p).values())
        if fp == 0 and fn == 0:
            precisions.append(1.0)
            recalls.append(1.0)
            continue
        if tp + fp > 0:
            precisions.append(tp / (tp + fp))
        recalls.append(tp / (tp + fn) if tp + fn else 0.0)
    precision = sum(precisions) / len(precisions) if precisions else 0.0
    recall = sum(recalls) / len(recalls) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"f1": f1, "precision": precision, "recall": recall}


# --- synthetic renderer styles ------------------------------------------------------------------------


def restyle(content: str, style: str) -> str:
    """Re-render an inscriptis dump the way another renderer might lay it out."""
    if style == "original":
        return content
    out: list[str] = []
    for raw in content.splitlines():
        text = raw.strip()
        if not text:
            continue
        indent = len(raw) - len(raw.lstrip())
        bullet = text.startswith("* ")
        if bullet:
            text = text[2:].strip()
            if not text:
                continue
        if style == "flat":
            out.append(text)
            out.append("")
        elif style == "narrow":  # w3m-like: wrapped at 80, flush left, "•" items, no blank lines
            if bullet:
                out.extend(textwrap.wrap(text, 80, initial_indent="  • ", subsequent_indent="    ",
                                         break_long_words=False, break_on_hyphens=False))
            else:
                out.extend(textwrap.wrap(text, 80, break_long_words=False, break_on_hyphens=False))
        else:  # terminal: lynx-like nesting, markers and wrapping, blank lines between paragraphs
            lead = 3 + min(indent // 4, 6) * 2
            if bullet:
                out.extend(textwrap.wrap(text, 76, initial_indent=" " * lead + "* ", subsequent_indent=" " * (lead + 2),
                                         break_long_words=False, break_on_hyphens=False))
            else:
                out.extend(textwrap.wrap(text, 76, initial_indent=" " * lead, subsequent_indent=" " * lead,
                                         break_long_words=False, break_on_hyphens=False))
                out.append("")
    return "\n".join(out) + "\n"


# --- data -----------------------------------------------------------------------------------------


def fold_of(page_id: str, folds: int) -> int:
    return int(hashlib.sha1(page_id.encode()).hexdigest(), 16) % folds


def load_pages(dev: Path, extra: dict[str, Path]) -> tuple[dict[str, str], dict[str, dict[str, list]]]:
    """Gold bodies, and per rendering per page: [blocks, labels, features, PageText, content]."""
    truth = json.loads((dev / "ground-truth.json").read_text(encoding="utf-8"))
    gold = {key: value["articleBody"] or "" for key, value in truth.items()}
    renderings: dict[str, dict[str, list]] = {}
    sources = {style: dev / "text" for style in STYLES} | extra
    for name, folder in sources.items():
        pages = {}
        for key in sorted(gold):
            path = folder / f"{key}.txt"
            if not path.exists():
                continue
            content = path.read_text(encoding="utf-8", errors="replace")
            if name in STYLES:
                content = restyle(content, name)
            page, blocks = dump_blocks(Page(key, content))
            content = page.content
            labels = align_labels([b.text for b in blocks], gold[key])
            X, facts = page_features(blocks)
            pages[key] = [blocks, labels, X, facts, content]
        renderings[name] = pages
    return gold, renderings


def fit(matrices: list[np.ndarray], labels: list[list[bool]], c: float, names: tuple[str, ...] = FEATURE_NAMES) -> dict:
    """Logistic regression; returns the exported spec with the standardisation folded in."""
    from sklearn.linear_model import LogisticRegression

    X = np.vstack([m for m in matrices if len(m)])
    y = np.concatenate([np.array(lab, dtype=bool) for lab in labels if len(lab)])
    mean = X.mean(axis=0)
    std = X.std(axis=0)
    std[std < 1e-9] = 1.0
    model = LogisticRegression(C=c, max_iter=5000, solver="lbfgs")
    model.fit((X - mean) / std, y)
    weights = model.coef_[0] / std
    bias = float(model.intercept_[0] - (weights * mean).sum())
    return {"features": list(names), "weights": [round(float(w), 6) for w in weights], "bias": round(bias, 6)}


def inner_fold_of(page_id: str, folds: int) -> int:
    """The nested split used to score training pages out-of-fold for the second pass."""
    return int(hashlib.sha1(f"inner:{page_id}".encode()).hexdigest(), 16) % folds


def fit_stacked(renderings: dict[str, dict[str, list]], names: tuple[str, ...], keys: list[str], folds: int,
                c: float, c2: float) -> tuple[dict, dict]:
    """Both passes on the training pages ``keys``, in the renderings ``names``.

    The second pass must learn from first-pass scores of pages the first pass did not see (as
    at inference time), so the training pages are scored by an inner k-fold split first (all
    renderings of a page on the same side of it).
    """
    def pages(subset: list[str]) -> list[list]:
        return [renderings[s][k] for s in names for k in subset if k in renderings[s]]

    inner: dict[tuple[str, str], np.ndarray] = {}
    for fold in range(folds):
        held = [k for k in keys if inner_fold_of(k, folds) == fold]
        if not held:
            continue
        train = pages([k for k in keys if inner_fold_of(k, folds) != fold])
        model = LinearModel(fit([p[2] for p in train], [p[1] for p in train], c))
        for s in names:
            for k in held:
                if k in renderings[s]:
                    X = renderings[s][k][2]
                    inner[s, k] = model.predict(X) if len(X) else np.zeros(0)
    stacked = [np.hstack((renderings[s][k][2], context_features(renderings[s][k][2], inner[s, k])))
               for s in names for k in keys if k in renderings[s]]
    everything = pages(keys)
    first = fit([p[2] for p in everything], [p[1] for p in everything], c)
    second = fit(stacked, [p[1] for p in everything], c2, FEATURE_NAMES + CONTEXT_NAMES)
    return first, second


def bodies(pages: dict[str, list], scores: dict[str, np.ndarray], knobs: dict[str, float]) -> dict[str, str]:
    """Each page's body as text mode ships it for these scores: decoded (choose_body), then the
    metadata pass (captions, stamps out of the body) and finalize (tidied; none on a non-article)."""
    out = {}
    for key, (blocks, _labels, X, facts, content) in pages.items():
        keep = choose_body(blocks, X, scores[key], knobs)
        article = article_from_blocks(Page(key, content), blocks, categories(blocks, keep, X, frozenset()), facts)
        out[key] = "\n".join(finalize(article).body)
    return out


def main(argv: list[str] | None = None) -> int:
    global STYLES
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("dev", type=Path, help="benchmark DEV folder (text/, ground-truth.json)")
    parser.add_argument("--train-extra", action="append", default=[], metavar="NAME=DIR",
                        help="real renderings <DIR>/<id>.txt of the DEV pages to train on as well "
                             "(see wiretrace.extract.renderings); cross-validated like the styles")
    parser.add_argument("--eval", action="append", default=[], metavar="NAME=DIR",
                        help="extra renderings <DIR>/<id>.txt to score by cross-validation (never trained on)")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--c", type=float, default=0.003,
                        help="inverse L2 strength of the first pass (strong: it generalises to unseen renderers)")
    parser.add_argument("--c2", type=float, default=0.1, help="inverse L2 strength of the second pass")
    parser.add_argument("--no-write", action="store_true", help="cross-validate only")
    parser.add_argument("--styles", default=",".join(STYLES),
                        help="synthetic training styles, comma-separated (default: all of %(default)s)")
    parser.add_argument("--predictions", type=Path, metavar="DIR",
                        help="also write the out-of-fold bodies as DIR/<rendering>.json for score.py")
    args = parser.parse_args(argv)
    STYLES = tuple(args.styles.split(","))
    train_extra = dict(item.split("=", 1) for item in args.train_extra)
    extra = train_extra | dict(item.split("=", 1) for item in args.eval)
    gold, renderings = load_pages(args.dev, {k: Path(v) for k, v in extra.items()})
    trained = STYLES + tuple(train_extra)
    keys = sorted(gold)

    # Out-of-fold scores for every rendering: each page scored by models that never saw it (the
    # second pass's own training scores come from a nested split inside the training folds).
    oof: dict[str, dict[str, np.ndarray]] = {name: {} for name in renderings}
    for fold in range(args.folds):
        train_keys = [k for k in keys if fold_of(k, args.folds) != fold]
        first, second = fit_stacked(renderings, trained, train_keys, args.folds, args.c, args.c2)
        first_model = LinearModel(first)
        second_model = LinearModel(second, FEATURE_NAMES + CONTEXT_NAMES)
        for name, pages in renderings.items():
            for key, (_blocks, _labels, X, _facts, _content) in pages.items():
                if fold_of(key, args.folds) == fold:
                    oof[name][key] = stacked_scores(X, first_model, second_model) if len(X) else np.zeros(0)

    # Decoding knobs: the best mean cross-validated F1 over the training renderings.
    def mean_f1(knobs: dict[str, float]) -> float:
        return sum(score(gold, bodies(renderings[s], oof[s], knobs))["f1"] for s in trained) / len(trained)

    # The first setting in the grid's order within _KNOB_MARGIN of the best: the optimum is flat,
    # and a setting that wins on the training renderings by less than that can lose a point or
    # more on others (pivot 0.5 over 0.4 by 0.0001 cost the lynx, elinks and soup_strip renderings
    # 1.3 to 1.5 points of cross-validated F1).
    means = [mean_f1(knobs) for knobs in DECODE_GRID]
    knobs = next(k for k, f in zip(DECODE_GRID, means) if f >= max(means) - _KNOB_MARGIN)
    print(f"decode knobs (chosen on out-of-fold scores): {knobs}")
    print(f"{'rendering':14s} {'F1':>6s} {'P':>6s} {'R':>6s}   ({args.folds}-fold CV grouped by page)")
    for name, pages in renderings.items():
        predicted = bodies(pages, oof[name], knobs)
        result = score({k: gold[k] for k in pages}, predicted)
        role = "trained" if name in trained else "eval only"
        print(f"{name:14s} {result['f1']:.4f} {result['precision']:.4f} {result['recall']:.4f}   {role}")
        if args.predictions:
            args.predictions.mkdir(parents=True, exist_ok=True)
            out = {k: {"articleBody": v} for k, v in predicted.items()}
            (args.predictions / f"{name}.json").write_text(json.dumps(out, ensure_ascii=False), encoding="utf-8")

    if not args.no_write:
        first, second = fit_stacked(renderings, trained, keys, args.folds, args.c, args.c2)
        MODEL_PATH.parent.mkdir(parents=True, exist_ok=True)
        command = " ".join(["python -m wiretrace.extract.train_textblocks <DEV folder>"]
                           + [f"--train-extra {name}=<{name} renderings>" for name in train_extra])
        payload = {
            "about": "Text-mode block classifier: logistic regression over textfeatures.FEATURE_NAMES "
                     "(model), then a second one over FEATURE_NAMES + CONTEXT_NAMES fed the first's "
                     f"scores (stack). Trained on the renderings {', '.join(trained)}. Retrain with: {command}",
            "model": first,
            "stack": second,
            "decode": knobs,
        }
        MODEL_PATH.write_text(json.dumps(payload, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {MODEL_PATH}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
