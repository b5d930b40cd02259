import gzip
import io
import sys

import pytest

from wiretrace.sources import InputError, iter_pages, iter_paths, read_page


def test_directories_are_walked_recursively_in_order(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.html").write_text("<p>2</p>")
    (tmp_path / "a.txt").write_text("one")
    (tmp_path / ".hidden").write_text("x")
    (tmp_path / "notes.json").write_text("{}")
    assert [p.removeprefix(str(tmp_path)) for p in iter_paths([str(tmp_path)])] == ["/a.txt", "/b/two.html"]


def test_gzip_input_is_decompressed(tmp_path):
    path = tmp_path / "page.html.gz"
    path.write_bytes(gzip.compress("<p>Hello wire</p>".encode()))
    assert read_page(str(path)).content == "<p>Hello wire</p>"


def test_corrupt_gzip_names_the_file(tmp_path):
    path = tmp_path / "bad.html.gz"
    path.write_bytes(b"\x1f\x8b\x08\x00garbage")
    with pytest.raises(InputError, match="bad.html.gz: corrupt gzip"):
        read_page(str(path))


@pytest.mark.parametrize("data, reason", [(b"", "empty input"), (b"  \n\t", "empty input"),
                                          (bytes(range(256)) * 40, "binary data")])
def test_unusable_inputs_raise_errors_naming_the_input(tmp_path, data, reason):
    path = tmp_path / "x.html"
    path.write_bytes(data)
    with pytest.raises(InputError, match=reason) as info:
        read_page(str(path))
    assert str(path) in str(info.value)


def test_missing_file_yields_error_and_batch_continues(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("A line of text")
    results = list(iter_pages([str(tmp_path / "missing.txt"), str(good)]))
    assert isinstance(results[0], InputError) and "no such file" in str(results[0])
    assert results[1].content == "A line of text"


def test_stdin_is_one_page(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("<p>from stdin</p>".encode())))
    (page,) = list(iter_pages(["-"]))
    assert page.source == "-" and page.content == "<p>from stdin</p>"


def test_a_file_name_that_is_no_utf8_is_named_with_escapes_that_any_output_takes(tmp_path):
    import json
    import os

    from wiretrace.cli import main

    name = os.fsdecode(b"caf\xe9-report.html")  # a Latin-1 name from an old server's crawl
    (tmp_path / name).write_text("<html><body><article><h1>Harbour strike ends</h1><p>" + "Dock workers went back "
                                 "to work on Friday after a pay deal, the port authority said. " * 3
                                 + "</p></article></body></html>", encoding="utf-8")
    page = read_page(str(tmp_path / name))
    assert page.source == f"{tmp_path}/caf\\xe9-report.html"
    with pytest.raises(InputError) as missing:
        read_page(str(tmp_path / os.fsdecode(b"gone-\xe9.html")))
    assert missing.value.source == f"{tmp_path}/gone-\\xe9.html"
    out = tmp_path / "records.jsonl"
    assert main(["extract", str(tmp_path / name), "-o", str(out), "--no-progress"]) == 0
    (record,) = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert record["source"] == f"{tmp_path}/caf\\xe9-report.html" and record["headline"] == "Harbour strike ends"


def test_a_directory_the_walk_cannot_list_is_named_not_skipped(tmp_path, monkeypatch):
    import os

    (tmp_path / "a.html").write_text("<p>one</p>")
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "b.html").write_text("<p>two</p>")
    real_scandir, real_listdir = os.scandir, os.listdir

    def deny(opener):
        def open_(path="."):
            if os.fspath(path) == str(locked):
                raise PermissionError(13, "Permission denied", os.fspath(path))
            return opener(path)
        return open_

    monkeypatch.setattr(os, "scandir", deny(real_scandir))  # (as chmod 000 does, but for root too)
    monkeypatch.setattr(os, "listdir", deny(real_listdir))
    items = list(iter_pages([str(tmp_path)]))
    assert [type(i).__name__ for i in items] == ["Page", "InputError"]
    assert str(items[1]) == f"{locked}: cannot read directory: Permission denied"


def test_symbolic_links_that_lead_nowhere_say_so(tmp_path):
    (tmp_path / "loop1").symlink_to(tmp_path / "loop2")
    (tmp_path / "loop2").symlink_to(tmp_path / "loop1")
    (tmp_path / "dangling.html").symlink_to(tmp_path / "gone.html")
    for name in ("loop1", "dangling.html"):
        with pytest.raises(InputError, match=f"{name}: broken or looping symbolic link"):
            read_page(str(tmp_path / name))
