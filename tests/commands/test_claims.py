"""``wiretrace claims``: a claim's timeline printed as the store holds it."""

from __future__ import annotations

from wiretrace.cli import main


def test_bracketed_claim_outlet_and_evidence_are_printed_as_written(bracketed_store, wide_terminal, capsys):
    assert main(["claims", "cap gas exports", "--db", bracketed_store]) == 0
    out = capsys.readouterr().out
    assert "Claim: Officials said [the minister] planned to cap gas exports [/bold] at 60% from January" in out
    assert "in Brackets [bold]Daily (AP)" in out
    assert "Carried by: AP, Brackets [bold]Daily" in out
