"""``wiretrace claims``: a claim's timeline printed as the store holds it."""

from __future__ import annotations

from wiretrace.cli import main


def test_bracketed_claim_outlet_and_evidence_are_printed_as_written(bracketed_store, wide_terminal, capsys):
    assert main(["claims", "cap gas exports", "--db", bracketed_store]) == 0
    out = capsys.readouterr().out
    assert "Claim: Officials said [the minister] planned to cap gas exports [/bold] at 60% from January" in out
    assert "in Brackets [bold]Daily (AP)" in out
    assert "Carried by: AP, Brackets [bold]Daily" in out


def test_a_store_ingested_without_analysis_gets_it_from_a_run_with_analyze(tmp_path, wide_terminal, capsys):
    import json

    from tests.commands.conftest import BRACKETED

    (tmp_path / "items.jsonl").write_text(json.dumps(BRACKETED) + "\n", encoding="utf-8")
    db = str(tmp_path / "later.db")
    assert main(["ingest", str(tmp_path / "items.jsonl"), "--db", db, "--no-progress"]) == 0
    capsys.readouterr()
    # No claims yet: the message says how to get them.
    assert main(["claims", "cap gas exports", "--db", db]) == 1
    assert "ingest --analyze" in capsys.readouterr().err
    # The same page again, with --analyze: unchanged, but analysed now; a third run has nothing to do.
    assert main(["ingest", str(tmp_path / "items.jsonl"), "--db", db, "--analyze", "--no-progress"]) == 0
    assert "1 unchanged, 0 errors, 1 stored pages analysed" in capsys.readouterr().out
    assert main(["ingest", str(tmp_path / "items.jsonl"), "--db", db, "--analyze", "--no-progress"]) == 0
    assert "stored pages analysed" not in capsys.readouterr().out
    assert main(["claims", "cap gas exports", "--db", db]) == 0
    out = capsys.readouterr().out
    assert "Status over time: reported -> denied" in out
    # An anonymous source named by no basis shows as such, without a dangling colon.
    assert "anonymous:  " not in out
