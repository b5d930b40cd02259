"""Input kinds and the one entry point that reads every kind (wiretrace.sources.inputs)."""

from __future__ import annotations

import gzip

from wiretrace.record import SourcedPage
from wiretrace.sources import InputError
from wiretrace.sources import feeds
from wiretrace.sources.inputs import head_bytes, read_input

from tests.sources.test_feeds import RSS


def test_a_reader_failing_on_a_file_ends_that_file_with_an_error_naming_it(tmp_path, monkeypatch):
    real_body_and_images = feeds._body_and_images

    def fail_on_the_second_item(content, link):
        if "bright" in content:
            raise ValueError("a bug the hostile item found")
        return real_body_and_images(content, link)

    monkeypatch.setattr(feeds, "_body_and_images", fail_on_the_second_item)
    path = tmp_path / "hp.rss"
    path.write_text(RSS, encoding="utf-8")
    first, error = read_input(str(path))
    assert isinstance(first, SourcedPage) and first.article.headline == "Port workers end strike after pay deal"
    assert isinstance(error, InputError)
    assert str(error) == f"{path}: internal error: ValueError: a bug the hostile item found"


def test_a_page_s_head_is_read_through_gzip_and_never_raises(tmp_path):
    page = "<!DOCTYPE html><html><head><title>Wire</title></head><body>" + "<p>Hello wire</p>" * 500
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    (tmp_path / "page.html.gz").write_bytes(gzip.compress(page.encode()))
    for name in ("page.html", "page.html.gz"):
        assert head_bytes(str(tmp_path / name), 64) == page[:64].encode()
    (tmp_path / "bad.gz").write_bytes(b"\x1f\x8b\x08\x00garbage")
    assert head_bytes(str(tmp_path / "bad.gz")) == b""  # (reading it whole says why)
    assert head_bytes(str(tmp_path / "missing.html")) == b""
