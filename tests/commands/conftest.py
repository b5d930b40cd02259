"""A store holding a page whose every field is full of square brackets, as real pages are.

Editors bracket words into quotes ("[the minister]"), and ids, outlets and headlines from feeds
and JSONL carry whatever their producers wrote; rich would read such text as markup.
"""

from __future__ import annotations

import json

import pytest

from wiretrace.cli import main

BRACKETED = {
    "id": "[/]",
    "url": "https://brackets.example/gas-cap",
    "title": "Kyiv [red]weighs[/red] gas export cap :fire:",
    "outlet": "Brackets [bold]Daily",
    "published": "2026-03-19T09:30:00+01:00",
    "text": "KYIV (AP) — Officials said [the minister] planned to cap gas exports [/bold] at 60% from January, "
            "according to people familiar with the matter.\n\nThe ministry denied the report on Friday.",
}


@pytest.fixture(scope="session")
def bracketed_store(tmp_path_factory) -> str:
    """The path of a store with :data:`BRACKETED` ingested and analysed."""
    folder = tmp_path_factory.mktemp("brackets")
    (folder / "items.jsonl").write_text(json.dumps(BRACKETED) + "\n", encoding="utf-8")
    db = str(folder / "brackets.db")
    assert main(["ingest", str(folder / "items.jsonl"), "--db", db, "--analyze", "--no-progress"]) == 0
    return db


@pytest.fixture
def wide_terminal(monkeypatch) -> None:
    """Tables wide enough that no cell wraps, so printed values can be found whole."""
    monkeypatch.setenv("COLUMNS", "400")
