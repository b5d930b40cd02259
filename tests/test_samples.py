"""The bundled sample corpus against its hand labels (src/wiretrace/samples/expected.json).

Metadata fields must match exactly on every page. Bodies and related lists are compared by
overlap, since they are what the extractors estimate; the figures they must reach are pinned here.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wiretrace.commands.common import SAMPLES
from wiretrace.extract import ExtractConfig
from wiretrace.pipeline import extract_inputs

LABELS = json.loads((SAMPLES.parent / "expected.json").read_text(encoding="utf-8"))
EXACT_FIELDS = ("headline", "dek", "published", "updated", "corrections", "authors", "wire", "syndicated", "section", "tags",
                "is_article")


@pytest.fixture(scope="module")
def records():
    return {Path(r.source).name: r.to_dict() for r in extract_inputs([str(SAMPLES)], ExtractConfig())}


def test_every_sample_gives_a_record(records):
    assert set(records) == {name for name in LABELS if not name.startswith("_")}


@pytest.mark.parametrize("name", sorted(n for n in LABELS if not n.startswith("_")))
def test_metadata_matches_the_labels(records, name):
    record, label = records[name], LABELS[name]
    for field in EXACT_FIELDS:
        assert record[field] == label[field], field


def _words(paragraphs):
    return " ".join(paragraphs).split()


def test_bodies_overlap_the_labels(records):
    """Word-level F1 of each body against its label; the mean must stay high and no page may collapse."""
    scores = []
    for name, label in LABELS.items():
        if name.startswith("_") or not label.get("body"):
            continue
        got, want = _words(records[name]["body"]), _words(label["body"])
        common = sum(min(got.count(w), want.count(w)) for w in set(got))
        precision, recall = common / max(len(got), 1), common / max(len(want), 1)
        scores.append(2 * precision * recall / (precision + recall) if common else 0.0)
    assert min(scores) > 0.8
    assert sum(scores) / len(scores) > 0.95


def test_related_headlines_are_found(records):
    found = wanted = 0
    for name, label in LABELS.items():
        if name.startswith("_"):
            continue
        got = {r["headline"] for r in records[name]["related"]}
        wanted += len(label["related_headlines"])
        found += len(got & set(label["related_headlines"]))
    assert found / wanted > 0.9


def test_copies_of_the_wire_story_name_their_agency(records):
    group = [n for n, l in LABELS.items() if not n.startswith("_") and (l.get("syndication_group") or "").startswith("reuters")]
    assert len(group) >= 4
    assert all(records[n]["wire"] == "Reuters" for n in group)
