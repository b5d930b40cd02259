"""The seed page (../shared/seed): every `must` field of expected.json, through the real CLI."""

from __future__ import annotations

import json

import pytest

from tests.conftest import need_shared
from wiretrace.cli import main


@pytest.fixture(scope="module")
def seed():
    folder = need_shared("seed")
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))["must"]
    return folder / "000_226eb23f7ba8aff9.txt", expected


@pytest.fixture(scope="module")
def record(seed):
    import io
    from contextlib import redirect_stdout

    buffer = io.StringIO()
    with redirect_stdout(buffer):
        assert main(["extract", str(seed[0]), "--no-progress"]) == 0
    return json.loads(buffer.getvalue())


@pytest.mark.parametrize("field, key", [
    ("headline", "headline"), ("dek", "dek"), ("section", "section"), ("breadcrumb", "breadcrumb"),
    ("published", "published"), ("updated", "updated"), ("publisher", "publisher"), ("wire_agency", "wire"),
    ("syndicated", "syndicated"), ("syndication_evidence", "syndication_evidence"), ("tags", "tags"),
    ("reading_time_minutes", "reading_time_minutes"), ("body_paragraphs", "body"),
])
def test_seed_field(seed, record, field, key):
    assert record[key] == seed[1][field]


def test_seed_input_kind(record):
    assert record["input_kind"] == "text" and record["is_article"] is True


def test_seed_image(seed, record):
    want = seed[1]["image"]
    assert any(i["caption"] == want["caption"] and i["credit"] == want["credit"] for i in record["images"])


def test_seed_body_excludes_boilerplate(seed, record):
    body = "\n".join(record["body"])
    for phrase in seed[1]["body_must_not_contain"]:
        assert phrase not in body


def test_seed_related_headlines(seed, record):
    assert [r["headline"] for r in record["related"]] == seed[1]["related_headlines"]


def test_seed_removed_blocks_are_kept_with_categories(record):
    categories = {b["category"] for b in record["boilerplate"]}
    assert {"share", "related", "disclaimer", "tags"} <= categories
