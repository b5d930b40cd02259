"""The extraction benchmark's wiring, on a tiny data folder written here (no ../shared needed)."""

from __future__ import annotations

import json
from pathlib import Path

from wiretrace.bench import extraction

# A stand-in for the data folder's score.py: the same interface, a crude metric (shared words).
SCORER = '''
def score(truth, predictions):
    precisions, recalls, empty = [], [], 0
    for key, gold in truth.items():
        g, p = set(gold["articleBody"].split()), set(predictions.get(key, "").split())
        empty += not p
        precisions.append(len(g & p) / len(p) if p else 0.0)
        recalls.append(len(g & p) / len(g) if g else 0.0)
    P, R = sum(precisions) / len(precisions), sum(recalls) / len(recalls)
    return {"f1": 2 * P * R / (P + R) if P + R else 0.0, "precision": P, "recall": R, "empty_predictions": empty}
'''

BODY = [
    "The port authority said on Friday that dock workers had voted to end a nine-day strike after it offered a pay rise of six per cent over two years.",
    "The strike had left more than forty ships waiting at anchor and delayed grain shipments to three neighbouring countries, the authority said.",
    "Work is expected to resume on the night shift, and clearing the backlog should take about ten days, according to the union.",
]


def _data(root: Path) -> Path:
    data = root / "extraction"
    (data / "dev" / "text").mkdir(parents=True)
    (data / "score.py").write_text(SCORER, encoding="utf-8")
    (data / "dev" / "ground-truth.json").write_text(json.dumps({"p1": {"articleBody": "\n".join(BODY)}}))
    (data / "dev" / "text" / "p1.txt").write_text("Home\nWorld\nDock strike ends\n" + "\n".join(BODY) + "\nShare this\n")
    return data


def test_renderings_scores_each_renderer_next_to_the_dev_dumps(tmp_path: Path, capsys) -> None:
    data = _data(tmp_path)
    lynx = tmp_path / "renderings" / "lynx"
    lynx.mkdir(parents=True)
    wrapped = "\n\n".join("   " + p for p in BODY)
    (lynx / "p1.txt").write_text("   * Home\n   * World\n\nDock strike ends\n\n" + wrapped + "\n\n   Share this\n")
    assert extraction.main(["--data", str(data), "--renderings", str(tmp_path / "renderings")]) == 0
    rows = {line.split()[0]: line.split() for line in capsys.readouterr().out.splitlines()[1:]}
    assert set(rows) == {"DEV", "lynx"}
    assert float(rows["lynx"][2]) > 0.9  # F1 column


def test_renderings_without_any_rendering_says_so(tmp_path: Path, capsys) -> None:
    data = _data(tmp_path)
    assert extraction.main(["--data", str(data), "--renderings", str(tmp_path / "missing")]) == 2
    assert "no renderings" in capsys.readouterr().err
