"""The renderers that re-draw DEV pages for text-mode evaluation (tools, not dependencies)."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from wiretrace.extract import renderings

PAGE = b"""<html><head><title>Port strike</title><style>.ad{display:none}</style></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<h1>Dockers walk out at three ports</h1>
<p>Dock workers at three ports walked out on Monday, the union said.</p>
<div class="ad">Hidden advert</div>
<script>document.write("scripted text")</script>
</body></html>"""


def _dev(tmp_path: Path) -> Path:
    html = tmp_path / "dev" / "html"
    html.mkdir(parents=True)
    (html / "p1.html.gz").write_bytes(gzip.compress(PAGE))
    return tmp_path / "dev"


def test_unknown_renderer_is_named(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown renderer 'nope'"):
        renderings.render_dev(_dev(tmp_path), tmp_path / "out", ["nope"])


@pytest.mark.skipif(renderings.renderers()["chromium"] is None, reason="playwright or Chromium not installed")
def test_chromium_draws_the_visible_text_only(tmp_path: Path) -> None:
    written = renderings.render_dev(_dev(tmp_path), tmp_path / "out", ["chromium"])
    text = (tmp_path / "out" / "chromium" / "p1.txt").read_text(encoding="utf-8")
    assert written == {"chromium": 1}
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    assert "Dockers walk out at three ports" in lines
    assert "Dock workers at three ports walked out on Monday, the union said." in lines
    # Styles apply (the hidden advert is not visible text) and scripts never run.
    assert "Hidden advert" not in text
    assert "scripted text" not in text


@pytest.mark.skipif(renderings.renderers()["htmltext"] is None, reason="html-text not installed")
def test_html_text_draws_one_block_a_line(tmp_path: Path) -> None:
    renderings.render_dev(_dev(tmp_path), tmp_path / "out", ["htmltext"])
    lines = (tmp_path / "out" / "htmltext" / "p1.txt").read_text(encoding="utf-8").splitlines()
    assert "Dock workers at three ports walked out on Monday, the union said." in [line.strip() for line in lines]


@pytest.mark.skipif(renderings.renderers()["markdownify"] is None, reason="markdownify not installed")
def test_markdownify_writes_markdown_without_scripts(tmp_path: Path) -> None:
    renderings.render_dev(_dev(tmp_path), tmp_path / "out", ["markdownify"])
    text = (tmp_path / "out" / "markdownify" / "p1.txt").read_text(encoding="utf-8")
    assert "[Home](/)" in text and "# Dockers walk out at three ports" in text
    assert "scripted text" not in text and "display:none" not in text


def test_a_page_no_renderer_can_parse_is_written_empty_and_named(tmp_path: Path, capsys) -> None:
    if renderings.renderers()["markdownify"] is None:
        pytest.skip("markdownify not installed")
    dev = _dev(tmp_path)
    (dev / "html" / "p2.html.gz").write_bytes(gzip.compress(b""))
    renderings.render_dev(dev, tmp_path / "out", ["markdownify"])
    assert (tmp_path / "out" / "markdownify" / "p2.txt").read_text(encoding="utf-8") == ""
    assert "p2.html.gz" in capsys.readouterr().err


@pytest.mark.skipif(renderings.renderers()["soup"] is None, reason="beautifulsoup4 not installed")
def test_soup_breaks_lines_at_links_and_segment_joins_the_paragraph_back(tmp_path: Path) -> None:
    from wiretrace.extract.textsegment import segment

    dev = _dev(tmp_path)
    page = PAGE.replace(b"walked out on Monday, the union", b'walked out on <a href="/m">Monday</a>, the <b>union</b>')
    (dev / "html" / "p1.html.gz").write_bytes(gzip.compress(page))
    renderings.render_dev(dev, tmp_path / "out", ["soup", "soup_strip"])
    paragraph = "Dock workers at three ports walked out on Monday, the union said."
    for name in ("soup", "soup_strip"):
        text = (tmp_path / "out" / name / "p1.txt").read_text(encoding="utf-8")
        assert "Monday" in [line.strip() for line in text.splitlines()]  # the link drawn on a line of its own
        assert "scripted text" not in text
        assert paragraph in [block.text for block in segment(text)]


@pytest.mark.skipif(renderings.renderers()["pandoc"] is None, reason="pandoc not installed")
def test_pandoc_draws_plain_text_without_scripts(tmp_path: Path) -> None:
    renderings.render_dev(_dev(tmp_path), tmp_path / "out", ["pandoc", "pandoc_wide"])
    for name in ("pandoc", "pandoc_wide"):
        text = (tmp_path / "out" / name / "p1.txt").read_text(encoding="utf-8")
        assert "Dockers walk out at three ports" in text and "union said." in text
        assert "scripted text" not in text and "display:none" not in text


def test_lxml_text_is_the_source_s_text_with_its_own_line_breaks_only(tmp_path: Path) -> None:
    dev = _dev(tmp_path)
    (dev / "html" / "p2.html.gz").write_bytes(gzip.compress(PAGE.replace(b"\n", b"")))  # minified
    renderings.render_dev(dev, tmp_path / "out", ["lxml_text"])
    text = (tmp_path / "out" / "lxml_text" / "p2.txt").read_text(encoding="utf-8")
    assert "\n" not in text.strip() and "Dockers walk out at three portsDock workers" in text
    assert "scripted text" not in text and "display:none" not in text


LONG_PARAGRAPH = (b"<html><body><p>" + b" ".join([b"The harbour authority said the strike would delay"
                                                 b" container traffic for days."] * 6) + b"</p></body></html>")


@pytest.mark.parametrize("tool", ["lynx", "w3m", "elinks"])
def test_terminal_renderers_break_lines_at_their_widths(tmp_path: Path, tool: str) -> None:
    if renderings.renderers()[tool] is None:
        pytest.skip(f"{tool} not installed")
    html = tmp_path / "dev" / "html"
    html.mkdir(parents=True)
    (html / "p1.html.gz").write_bytes(gzip.compress(LONG_PARAGRAPH))
    names = [tool, f"{tool}_wide", f"{tool}_narrow"]
    renderings.render_dev(tmp_path / "dev", tmp_path / "out", names)
    widest = {name: max(map(len, (tmp_path / "out" / name / "p1.txt").read_text().splitlines()))
              for name in names}
    assert 60 < widest[tool] <= 80
    assert 80 < widest[f"{tool}_wide"] <= 132
    assert widest[f"{tool}_narrow"] <= 60
