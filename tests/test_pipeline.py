from pathlib import Path

import pytest

from wiretrace import pipeline
from wiretrace.extract import ExtractConfig
from wiretrace.extract import textblocks
from wiretrace.extract.textblocks import template_key


def _write_dumps(folder: Path, menu: str, start: int, count: int) -> None:
    for i in range(start, start + count):
        (folder / f"page{i:03d}.txt").write_text(
            f"{menu}\nWorld\nStory {i} headline\nA paragraph of story {i} that says what happened.\n", encoding="utf-8"
        )


def test_templates_are_learned_per_directory_from_a_bounded_sample(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site = tmp_path / "site"
    site.mkdir()
    # The first six dumps (in input order) carry one menu, the ten after them another.
    _write_dumps(site, "Menu Alpha", 0, 6)
    _write_dumps(site, "Menu Beta", 6, 10)
    monkeypatch.setattr(textblocks, "TEMPLATE_SAMPLE_PAGES", 6)
    templates = pipeline.learn_templates([str(site)], ExtractConfig(mode="text"))
    template = templates[str(site)]
    assert template_key("Menu Alpha") in template and template_key("World") in template
    assert template_key("Menu Beta") not in template  # never read: past the sample

    monkeypatch.setattr(textblocks, "TEMPLATE_SAMPLE_PAGES", 300)
    template = pipeline.learn_templates([str(site)], ExtractConfig(mode="text"))[str(site)]
    assert template_key("Menu Beta") in template and template_key("Menu Alpha") not in template


def test_a_directory_with_too_few_dumps_gets_no_template(tmp_path: Path) -> None:
    _write_dumps(tmp_path, "Menu", 0, 4)
    assert pipeline.learn_templates([str(tmp_path)], ExtractConfig(mode="text")) == {}


def test_in_auto_mode_html_pages_teach_no_template(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for i in range(6):
        (tmp_path / f"page{i}.html").write_text(f"<html><body><nav>Menu</nav><p>Story {i}.</p></body></html>",
                                                encoding="utf-8")
    read = []
    monkeypatch.setattr(pipeline, "read_page", lambda source, url=None: read.append(source))
    assert pipeline.learn_templates([str(tmp_path)], ExtractConfig(mode="auto")) == {}
    assert read == []  # told from their openings, never read whole
    _write_dumps(tmp_path, "Menu", 0, 6)
    monkeypatch.undo()
    assert template_key("Menu") in pipeline.learn_templates([str(tmp_path)], ExtractConfig(mode="auto"))[str(tmp_path)]


def test_archives_feeds_and_jsonl_give_a_record_per_page_they_hold(tmp_path: Path) -> None:
    """`wiretrace extract crawl.warc.gz` extracts every HTML page of the crawl, not the archive as
    one page; a feed gives its items, a JSONL file its lines."""
    from tests.sources.test_feeds import RSS
    from tests.sources.test_warc import CRAWL, write_warc

    from wiretrace.pipeline import Failure

    write_warc(tmp_path / "crawl.warc.gz", CRAWL)
    (tmp_path / "hp.rss").write_text(RSS, encoding="utf-8")
    (tmp_path / "lines.jsonl").write_text(
        '{"id": "x1", "url": "https://baytimes.example/ferry", "title": "Ferry timetable changes", '
        '"text": "The ferry will run every half hour from April, the operator said on Tuesday."}\n', encoding="utf-8")
    results = list(pipeline.extract_inputs([str(tmp_path / n) for n in ("crawl.warc.gz", "hp.rss", "lines.jsonl")]))
    articles = [r for r in results if not isinstance(r, Failure)]
    assert [a.url for a in articles] == [
        "https://harbourpost.example/1", "https://harbourpost.example/2", "https://harbourpost.example/3",
        "https://harbourpost.example/strike", "https://harbourpost.example/comet", "https://baytimes.example/ferry"]
    assert articles[0].body[0].startswith("Dock workers at the port ended strike number 1") and articles[3].wire == "Reuters"
    assert articles[5].body == ["The ferry will run every half hour from April, the operator said on Tuesday."]
    # The feed's link-only item has no content to extract: an error naming it, the batch going on.
    (failure,) = [r for r in results if isinstance(r, Failure)]
    assert failure.source.endswith("hp.rss#3") and "https://harbourpost.example/full-story" in failure.reason
