"""``wiretrace link``, and the exit code every command that reads a store gives for a missing one."""

from __future__ import annotations

from wiretrace.cli import main


def test_a_missing_store_exits_1_as_every_store_command_does(tmp_path, capsys):
    missing = tmp_path / "none.db"
    for command in (["claims", "gas"], ["link"], ["search", "gas"], ["export"]):
        assert main([*command, "--db", str(missing)]) == 1, command
        assert capsys.readouterr().err == f"wiretrace: error: {missing}: no such database\n"
