"""``wiretrace search``: results as a table, page text shown as written."""

from __future__ import annotations

from wiretrace.cli import main


def test_bracketed_id_outlet_and_headline_are_printed_as_written(bracketed_store, wide_terminal, capsys):
    assert main(["search", "gas", "--db", bracketed_store]) == 0
    out = capsys.readouterr().out
    assert "│ [/] │" in out
    assert "Kyiv [red]weighs[/red] gas export cap :fire:" in out
    assert "Brackets [bold]Daily / AP" in out
    assert "[the minister] planned to cap gas exports [/bold]" in out


def test_a_query_in_brackets_is_printed_as_written(bracketed_store, wide_terminal, capsys):
    assert main(["search", "gas [/]", "--db", bracketed_store]) == 0
    assert "1 match for 'gas [/]'" in capsys.readouterr().out
