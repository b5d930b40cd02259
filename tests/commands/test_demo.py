"""``wiretrace demo``: the sample corpus ingested, analysed, linked and summed up."""

from __future__ import annotations

import shutil

from wiretrace.cli import main


def test_demo_shows_bracketed_pages_already_in_the_store_as_written(bracketed_store, wide_terminal, tmp_path, capsys):
    db = tmp_path / "demo.db"
    shutil.copy(bracketed_store, db)
    assert main(["demo", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "Kyiv [red]weighs[/red] gas export cap :fire:" in out
    assert "Officials said [the minister] planned to cap gas exports [/bold] at 60% from January" in out


def test_a_store_that_cannot_be_created_is_a_one_line_error(tmp_path, capsys):
    db = tmp_path / "no-such-dir" / "demo.db"
    assert main(["demo", "--db", str(db)]) == 1
    out, err = capsys.readouterr()
    assert out == "" and err == f"wiretrace: error: {db}: cannot open: unable to open database file\n"
