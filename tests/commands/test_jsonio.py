"""Reading the JSONL the record commands take: every line usable or named with its reason."""

from __future__ import annotations

from wiretrace.commands.jsonio import open_jsonl


def _read(tmp_path, data: bytes, texts=("text",)):
    path = tmp_path / "in.jsonl"
    path.write_bytes(data)
    with open_jsonl(str(path), texts) as lines:
        return list(lines)


def test_usable_lines_come_back_as_objects_and_others_with_their_reason(tmp_path):
    lines = _read(tmp_path, "\ufeff".encode() + b'{"id": "a", "text": "The mayor said so."}\n'
                  b'\n'
                  b'{"id": 7, "text": "Caf\xc3\xa9 owners said they would close."}\n'
                  b'{"id": "b", "text": "caf\xe9 said"}\n'
                  b'{"id": "c", "text": 5}\n'
                  b'{"id": true, "text": "The port said so."}\n'
                  b'{"id": "d", "text": ""}\n'
                  b'{"text": "No id here."}\n'
                  b'[1]\n'
                  b'not json\n')
    assert lines[0] == (1, {"id": "a", "text": "The mayor said so."})  # a byte order mark is not content
    assert lines[1] == (3, {"id": 7, "text": "Café owners said they would close."})
    assert lines[2:] == [(4, "not UTF-8 text (byte 25 of the line)"),
                         (5, "text must be a string, not a number"),
                         (6, "id must be a string or a number, not true/false"),
                         (7, "missing or empty text"),
                         (8, "missing or empty id"),
                         (9, "not a JSON object"),
                         (10, "not JSON: Expecting value: line 1 column 1 (char 0)")]


def test_every_named_field_must_be_a_string(tmp_path):
    lines = _read(tmp_path, b'{"id": "s", "claim": "Gas exports will be capped", "body": 5}\n', ("claim", "body"))
    assert lines == [(1, "body must be a string, not a number")]


def test_an_unreadable_file_is_said_once_and_gives_none(tmp_path, capsys):
    missing = tmp_path / "missing.jsonl"
    with open_jsonl(str(missing), ("text",)) as lines:
        assert lines is None
    assert capsys.readouterr().err == f"wiretrace: error: {missing}: cannot read: No such file or directory\n"
