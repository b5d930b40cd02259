"""``wiretrace extract``'s own options (the records themselves: tests/test_cli.py)."""

from __future__ import annotations

from wiretrace.cli import main


def test_url_names_one_page_so_a_directory_with_it_is_a_usage_error(tmp_path, capsys):
    """One URL stamped on every page of a folder would give them all one false provenance."""
    for name in ("a.html", "b.html"):
        (tmp_path / name).write_text("<html><body><article><p>Dock workers went back to work.</p></article></body></html>")
    assert main(["extract", str(tmp_path), "--url", "https://harbourpost.example/strike", "--no-progress"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == f"wiretrace: --url applies to a single page; got the directory {tmp_path}\n"
