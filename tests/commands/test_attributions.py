"""``wiretrace attributions``: JSONL in, attributions out; bad input named on stderr, never a traceback."""

from __future__ import annotations

import json

from wiretrace.cli import main


def test_bad_lines_are_named_and_the_good_ones_still_analysed(tmp_path, capsys):
    path = tmp_path / "texts.jsonl"
    path.write_bytes(b'{"id": "a", "text": "The minister said on Monday that the plan was off."}\n'
                     b'{"id": "b", "text": "caf\xe9 owners said they would close."}\n'
                     b'{"id": "e", "text": 5}\n')
    code = main(["attributions", str(path), "--no-progress"])
    out, err = capsys.readouterr()
    assert code == 1
    assert [json.loads(line)["id"] for line in out.splitlines()] == ["a"]
    assert err.splitlines() == [f"wiretrace: error: {path}:2: not UTF-8 text (byte 25 of the line)",
                                f"wiretrace: error: {path}:3: text must be a string, not a number"]


def test_missing_input_and_unwritable_output_are_one_line_errors(tmp_path, capsys):
    missing = tmp_path / "missing.jsonl"
    assert main(["attributions", str(missing)]) == 1
    assert capsys.readouterr().err == f"wiretrace: error: {missing}: cannot read: No such file or directory\n"

    good = tmp_path / "texts.jsonl"
    good.write_text('{"id": "a", "text": "The port said so."}\n', encoding="utf-8")
    unwritable = tmp_path / "no-such-dir" / "out.jsonl"
    assert main(["attributions", str(good), "-o", str(unwritable)]) == 1
    assert capsys.readouterr().err == f"wiretrace: error: {unwritable}: cannot write: No such file or directory\n"
