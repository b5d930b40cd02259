"""``wiretrace ingest`` on a store that cannot take more: one line naming it, no traceback."""

from __future__ import annotations

import json

from wiretrace.cli import main
from wiretrace.store import db


def test_a_full_disk_mid_ingest_is_one_line_naming_the_store_and_a_rerun_resumes(tmp_path, monkeypatch, capsys):
    lines = [json.dumps({"id": f"p{n}", "title": f"Port strike day {n}", "outlet": "Harbour Post",
                         "text": f"Dock workers stayed out for a {n}th day on Friday. " * 60}) for n in range(30)]
    (tmp_path / "pages.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    store = str(tmp_path / "corpus.db")
    opened = db.Store.__init__

    def filling_up(self, *args, **kwargs):  # the disk fills up a little way into the run
        opened(self, *args, **kwargs)
        self.conn.execute(f"PRAGMA max_page_count = {self.conn.execute('PRAGMA page_count').fetchone()[0] + 12}")

    monkeypatch.setattr(db.Store, "__init__", filling_up)
    assert main(["ingest", str(tmp_path / "pages.jsonl"), "--db", store, "--batch-size", "5", "--no-progress"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith(f"wiretrace: error: {store}: cannot write: database or disk is full")
    monkeypatch.undo()  # room again: the re-run stores the rest
    assert main(["ingest", str(tmp_path / "pages.jsonl"), "--db", store, "--no-progress"]) == 0
    with db.Store(store) as done:
        assert done.counts()["articles"] == 30 and done.integrity_check() == []
