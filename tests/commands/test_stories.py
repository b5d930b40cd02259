"""``wiretrace stories``: a store's stories, and one story's articles across outlets and days."""

from __future__ import annotations

import json
from datetime import datetime

import pytest

from wiretrace.cli import main
from wiretrace.commands.common import SAMPLES


@pytest.fixture(scope="module")
def linked_store(tmp_path_factory) -> str:
    """The bundled samples, ingested (unanalysed) and linked."""
    db = str(tmp_path_factory.mktemp("stories") / "samples.db")
    assert main(["ingest", str(SAMPLES), "--db", db, "--no-progress"]) == 0
    assert main(["link", "--db", db]) == 0
    return db


def test_the_list_names_each_story_with_its_articles_and_outlets(linked_store, wide_terminal, capsys):
    capsys.readouterr()
    assert main(["stories", "--db", linked_store]) == 0
    rows = {line.split("│")[1].strip(): [cell.strip() for cell in line.split("│")[2:5]]
            for line in capsys.readouterr().out.splitlines() if line.startswith("│")}
    # The gas-cap story: the wire copies, the denial, the follow-ups; the comet story alone.
    assert rows["s:story-1"][:2] == ["10", "8"]
    assert rows["s:story-2"] == ["1", "1", "Greyford astronomers capture rare comet before it fades from view"]


@pytest.mark.parametrize("story", ["gas export cap", "story-1", "s:story-1"])
def test_a_story_asked_for_by_words_or_key_is_its_articles_in_time_order(linked_store, story, capsys):
    capsys.readouterr()
    assert main(["stories", story, "--db", linked_store, "--json"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert found["story"] == "s:story-1"
    articles = found["articles"]
    assert len(articles) == 10 and articles[0]["publisher"] == "Reuters"
    times = [datetime.fromisoformat(a["published"]) for a in articles]
    assert times == sorted(times)  # in time, whatever offset each page gave
    # The Reuters copies are one copy group; the denial and the follow-ups are in none.
    copies = {a["publisher"] for a in articles if a["in_group"]}
    assert copies == {"Reuters", "Capital Ledger", "Arthik Times", "Daily Meridian", "Northgate Times"}


def test_an_article_id_shows_its_story_and_the_table_shows_the_copy_group(linked_store, wide_terminal, capsys):
    capsys.readouterr()
    assert main(["search", "Marvosa cap", "--db", linked_store, "--json", "--limit", "1"]) == 0
    shown_id = json.loads(capsys.readouterr().out)["id"]  # the id search shows
    assert main(["stories", shown_id, "--db", linked_store]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Story: Marvosa plans to cap gas exports from next year, newspaper reports  (s:story-1)")
    assert "10 articles; outlets: Reuters, Capital Ledger" in out
    reuters = next(line for line in out.splitlines() if "│ Reuters " in line)
    assert "2026-05-06T15:52:00+00:00" in reuters and "syn-1" in reuters


def test_no_matching_story_is_an_error_and_an_unlinked_store_says_how_to_link_it(tmp_path, capsys):
    db = str(tmp_path / "unlinked.db")
    assert main(["ingest", str(SAMPLES / "10_dailymeridian_greyford-comet.txt"), "--db", db, "--no-progress"]) == 0
    capsys.readouterr()
    assert main(["stories", "pipeline explosion", "--db", db]) == 1
    assert capsys.readouterr().err == f"wiretrace: no story in {db} matches 'pipeline explosion'\n"
    assert main(["stories", "--db", db]) == 0
    out, err = capsys.readouterr()
    assert "a:1" in out and f"run 'wiretrace link --db {db}'" in err
    assert main(["stories", "   ", "--db", db]) == 2
    assert main(["stories", "--db", str(tmp_path / "missing.db")]) == 1


def test_bracketed_headlines_and_outlets_are_printed_as_written(bracketed_store, wide_terminal, capsys):
    assert main(["stories", "--db", bracketed_store]) == 0
    assert "Kyiv [red]weighs[/red] gas export cap :fire:" in capsys.readouterr().out
    # An article is named by its id as search and claims show it: here the input's own, "[/]".
    assert main(["stories", "[/]", "--db", bracketed_store]) == 0
    out = capsys.readouterr().out
    assert "Brackets [bold]Daily" in out and "Kyiv [red]weighs[/red] gas export cap :fire:" in out
    assert "│ [/] │" in out
