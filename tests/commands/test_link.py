"""``wiretrace link``, and the exit code every command that reads a store gives for a missing one."""

from __future__ import annotations

from wiretrace.cli import main


def test_a_missing_store_exits_1_as_every_store_command_does(tmp_path, capsys):
    missing = tmp_path / "none.db"
    for command in (["claims", "gas"], ["link"], ["search", "gas"], ["export"]):
        assert main([*command, "--db", str(missing)]) == 1, command
        assert capsys.readouterr().err == f"wiretrace: error: {missing}: no such database\n"


def test_a_store_that_cannot_take_the_links_is_one_line_naming_it(tmp_path, monkeypatch, capsys):
    import json

    from wiretrace.store import db

    lines = [json.dumps({"id": f"p{n}", "title": f"Port strike day {n}", "published": f"2026-03-0{n + 1}",
                         "text": f"Dock workers stayed out for day {n} of the strike at the harbour. " * 30})
             for n in range(3)]
    (tmp_path / "pages.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    store = str(tmp_path / "corpus.db")
    assert main(["ingest", str(tmp_path / "pages.jsonl"), "--db", store, "--no-progress"]) == 0
    capsys.readouterr()
    opened = db.Store.__init__

    def read_only(self, *args, **kwargs):  # as a store on a read-only share behaves once open
        opened(self, *args, **kwargs)
        self.conn.execute("PRAGMA query_only = ON")

    monkeypatch.setattr(db.Store, "__init__", read_only)
    assert main(["link", "--db", store]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"wiretrace: error: {store}: cannot write: attempt to write a readonly database (the store")
    assert err.count("\n") == 1
