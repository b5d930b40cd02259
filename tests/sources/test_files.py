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
