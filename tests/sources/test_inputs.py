"""Input kinds and the one entry point that reads every kind (wiretrace.sources.inputs)."""

from __future__ import annotations

from wiretrace.record import SourcedPage
from wiretrace.sources import InputError
from wiretrace.sources import feeds
from wiretrace.sources.inputs import read_input

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
