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
