"""``wiretrace stance``: JSONL in, stances out; bad input named on stderr, never a traceback."""

from __future__ import annotations

import json

from wiretrace.cli import main


def test_a_body_that_is_not_text_is_named_and_the_others_still_scored(tmp_path, capsys):
    path = tmp_path / "pairs.jsonl"
    path.write_text('{"id": "e", "claim": "The port will close", "body": 5}\n'
                    '{"id": "f", "claim": "The port will close", "body": "The port authority denied it will."}\n',
                    encoding="utf-8")
    code = main(["stance", str(path)])
    out, err = capsys.readouterr()
    assert code == 1
    assert [json.loads(line)["id"] for line in out.splitlines()] == ["f"]
    assert err == f"wiretrace: error: {path}:1: body must be a string, not a number\n"


def test_missing_input_non_utf8_and_unwritable_output_are_one_line_errors(tmp_path, capsys):
    missing = tmp_path / "missing.jsonl"
    assert main(["stance", str(missing)]) == 1
    assert capsys.readouterr().err == f"wiretrace: error: {missing}: cannot read: No such file or directory\n"

    latin1 = tmp_path / "latin1.jsonl"
    latin1.write_bytes(b'{"id": "a", "claim": "caf\xe9s close", "body": "Cafes stay open."}\n')
    assert main(["stance", str(latin1)]) == 1
    assert capsys.readouterr().err == f"wiretrace: error: {latin1}:1: not UTF-8 text (byte 26 of the line)\n"

    unwritable = tmp_path / "no-such-dir" / "out.jsonl"
    assert main(["stance", str(latin1), "-o", str(unwritable)]) == 1
    assert capsys.readouterr().err == f"wiretrace: error: {unwritable}: cannot write: No such file or directory\n"
