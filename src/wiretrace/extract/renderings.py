"""Re-render the extraction benchmark's DEV HTML pages as other HTML-to-text tools would.

    python -m wiretrace.extract.renderings /work/shared/bench/extraction/dev build/renderings \\
        [--renderers lynx,w3m,htmltext]

Writes ``OUT/<renderer>/<id>.txt`` for every ``DEV/html/<id>.html.gz``. The DEV text dumps come
from one renderer (inscriptis); held-out dumps come from others, with their own indentation,
list markers and line wrapping. These renderings let :mod:`wiretrace.extract.train_textblocks`
score (``--eval NAME=DIR``) or train on (``--train-extra NAME=DIR``) the same pages as other
tools draw them:

- ``lynx``: ``lynx -dump -nolist -width=80`` (hard-wrapped, "*" "+" "o" bullets, image alt text),
- ``lynx_refs``: lynx as most people call it, ``lynx -dump -width=80``: every link numbered in
  the text ("[18]Astronomy") and their URLs listed at the end under "References",
- ``w3m``: ``w3m -dump -cols 80`` (hard-wrapped, "•" bullets, flush left),
- ``elinks``: ``elinks -dump -dump-width 80 -no-references -no-numbering`` (hard-wrapped, "•"
  bullets, "[IMG]" for pictures); ``elinks_refs``: plain ``elinks -dump``, links numbered in the
  text and listed under "References",
- ``links``: ``links -dump -width 80`` (hard-wrapped, indented),
- ``lynx_wide``, ``w3m_wide``, ``elinks_wide`` and ``lynx_narrow``, ``w3m_narrow``,
  ``elinks_narrow``: the same three at 132 columns (a terminal's wide mode) and at 60 (a narrow
  window): the same markup, its lines broken elsewhere,
- ``htmltext``: the ``html-text`` package (one block a line, no indentation or bullets),
- ``inscriptis_links``: the DEV dumps' own renderer, inscriptis, showing links and pictures
  ("[text](url)", "[alt]"),
- ``html2text``: the ``html2text`` package without links or images (Markdown headings,
  emphasis and quotes, wrapped at 78 columns),
- ``html2text_links``: the same with its defaults, links and images spelled out in Markdown
  (targets wrapped over lines like the rest),
- ``markdownify``: the ``markdownify`` package (Markdown with links and images, unwrapped), on
  the page without its scripts and styles,
- ``resiliparse``: ``resiliparse``'s plain-text rendering of the whole page,
- ``soup``: BeautifulSoup's ``get_text("\\n")`` after dropping scripts and styles, as many scrapers
  dump a page: a line break at every element, inline ones too, so a paragraph with links arrives
  in pieces; ``soup_strip``: the same with ``strip=True`` (each piece trimmed, no blank lines),
- ``soup_raw``: BeautifulSoup's ``get_text()`` as it comes, without a separator (the idiom of many
  scrapers): texts of adjacent elements run together, and the only line breaks are those of the
  page's source, so a minified page arrives as one line; ``lxml_text``: lxml's ``text_content()``
  of the page without its scripts and styles, the same kind of dump,
- ``chromium``: a browser's own idea of visible text, headless Chromium's ``innerText`` of the
  page's body (scripts off, every request refused, so only the page's inline styles apply),
- ``pandoc``: ``pandoc -f html -t plain`` on the page without its scripts and styles (wrapped at
  72 columns, "-" bullets, grid tables, "[alt]" for pictures); ``pandoc_wide``: the same with
  ``--wrap=none`` (a paragraph a line); ``pandoc_markdown``: ``-t markdown``, pandoc's own Markdown
  (fenced divs, attributes after links, bracketed spans: the page's markup, spelled out);
  ``pandoc_gfm``: ``-t gfm``, GitHub-flavoured Markdown, which passes what it cannot say through as
  raw HTML (hundreds of tags a page).

From html2text on, all but ``lxml_text`` need tools that are not dependencies of wiretrace: ``pip install html2text resiliparse markdownify
beautifulsoup4 playwright pypandoc-binary`` to use them (``chromium`` also needs a Chromium at
/usr/bin/chromium, or CHROMIUM=path; ``pandoc`` a pandoc on the PATH, or pypandoc-binary's).

A renderer that is not installed is skipped with a note. Nothing here runs at extraction time,
and the outputs never go into the package.
"""

from __future__ import annotations

import argparse
import gzip
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from pathlib import Path

#: Same column width for the terminal renderers: the common 80-column terminal; the ``_wide`` and
#: ``_narrow`` renderings break lines at a terminal's wide mode and at a narrow window's width.
_COLUMNS = 80
_WIDE_COLUMNS = 132
_NARROW_COLUMNS = 60


def _lynx(columns: int = _COLUMNS, numbered: bool = False) -> list[str]:
    return ["lynx", "-dump", *([] if numbered else ["-nolist"]), f"-width={columns}",
            "-assume_charset=utf-8", "-display_charset=utf-8", "-stdin"]


def _elinks(columns: int = _COLUMNS, numbered: bool = False) -> list[str]:
    return ["elinks", "-dump", "-dump-width", str(columns), "-dump-charset", "utf-8",
            *([] if numbered else ["-no-references", "-no-numbering"])]


def _w3m(columns: int = _COLUMNS) -> list[str]:
    return ["w3m", "-dump", "-cols", str(columns), "-T", "text/html", "-I", "utf-8", "-O", "utf-8"]


_LINKS = ["links", "-dump", "-width", str(_COLUMNS), "-codepage", "utf-8"]


def _command(argv: list[str]) -> Callable[[bytes], str]:
    def render(html: bytes) -> str:
        done = subprocess.run(argv, input=html, capture_output=True, timeout=60, check=False)
        return done.stdout.decode("utf-8", "replace")
    return render


def _file_command(argv: list[str]) -> Callable[[bytes], str]:
    """A renderer that reads the page from a file (elinks and links take no HTML on stdin)."""
    def render(html: bytes) -> str:
        with tempfile.TemporaryDirectory() as folder:
            page = Path(folder) / "page.html"
            page.write_bytes(html)
            done = subprocess.run([*argv, str(page)], capture_output=True, timeout=60, check=False)
        return done.stdout.decode("utf-8", "replace")
    return render


def _html_text(html: bytes) -> str:
    import html_text

    return html_text.extract_text(html.decode("utf-8", "replace"))


def _inscriptis_links(html: bytes) -> str:
    from inscriptis import get_text
    from inscriptis.model.config import ParserConfig

    return get_text(html.decode("utf-8", "replace"), ParserConfig(display_links=True, display_images=True))


def _html2text(html: bytes) -> str:
    import html2text

    converter = html2text.HTML2Text()
    converter.ignore_links = converter.ignore_images = True
    return converter.handle(html.decode("utf-8", "replace"))


def _html2text_links(html: bytes) -> str:
    import html2text

    return html2text.HTML2Text().handle(html.decode("utf-8", "replace"))


def _visible_markup(html: bytes) -> str:
    """The page without what a reader never sees (its head, scripts, styles), which converters
    that write every text node (markdownify, pandoc) would write too."""
    import lxml.etree
    import lxml.html

    try:
        document = lxml.html.document_fromstring(html.decode("utf-8", "replace"))
    except lxml.etree.ParserError as error:  # an empty page
        raise ValueError(f"not parseable as HTML: {error}") from None
    for element in document.xpath("//script|//style|//noscript|//template|//head"):
        if element.getparent() is not None:
            element.drop_tree()
    return lxml.html.tostring(document, encoding="unicode")


def _markdownify(html: bytes) -> str:
    from markdownify import markdownify

    return markdownify(_visible_markup(html), heading_style="ATX")


def _pandoc_binary() -> str | None:
    """A pandoc on the PATH, or the one the ``pypandoc-binary`` package ships."""
    from importlib.util import find_spec

    found = shutil.which("pandoc")
    if found is None and (spec := find_spec("pypandoc")) is not None and spec.origin:
        bundled = Path(spec.origin).parent / "files" / "pandoc"
        found = str(bundled) if bundled.exists() else None
    return found


def _pandoc(pandoc: str, html: bytes, wrap: bool = True, writer: str = "plain") -> str:
    argv = [pandoc, "-f", "html", "-t", writer, *([] if wrap else ["--wrap=none"])]
    done = subprocess.run(argv, input=_visible_markup(html).encode("utf-8"), capture_output=True, timeout=120, check=False)
    return done.stdout.decode("utf-8", "replace")


def _resiliparse(html: bytes) -> str:
    from resiliparse.extract.html2text import extract_plain_text
    from resiliparse.parse.html import HTMLTree

    return extract_plain_text(HTMLTree.parse(html.decode("utf-8", "replace")), main_content=False)


def _soup(html: bytes, strip: bool = False, separator: str = "\n") -> str:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html.decode("utf-8", "replace"), "lxml")
    for element in soup(["script", "style", "noscript", "template"]):
        element.decompose()
    return soup.get_text(separator, strip=strip)


def _lxml_text(html: bytes) -> str:
    import lxml.html

    return lxml.html.document_fromstring(_visible_markup(html)).text_content()


_CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")


def _chromium_pages(paths: list[Path]) -> Iterator[tuple[Path, str]]:
    """(path, innerText) per page, from one headless Chromium (a browser per page is slow)."""
    from playwright.sync_api import Error, sync_playwright

    with sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=_CHROMIUM,
                                         args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        context = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900})
        # The pages are offline copies: nothing they link to may be fetched.
        context.route("**/*", lambda route: route.abort())
        tab = context.new_page()
        for path in paths:
            try:
                tab.set_content(gzip.decompress(path.read_bytes()).decode("utf-8", "replace"),
                                wait_until="domcontentloaded", timeout=20_000)
                yield path, tab.evaluate("document.body ? document.body.innerText : ''")
            except Error as error:
                print(f"chromium: {path.name}: {error}", file=sys.stderr)
                yield path, ""
        browser.close()


def _installed(module: str) -> bool:
    from importlib.util import find_spec

    return find_spec(module) is not None


def renderers() -> dict[str, Callable | None]:
    """Each known renderer, or None where its tool is not installed here."""
    pandoc = _pandoc_binary()
    return {
        "lynx": _command(_lynx()) if shutil.which("lynx") else None,
        "lynx_refs": _command(_lynx(numbered=True)) if shutil.which("lynx") else None,
        "lynx_wide": _command(_lynx(_WIDE_COLUMNS)) if shutil.which("lynx") else None,
        "lynx_narrow": _command(_lynx(_NARROW_COLUMNS)) if shutil.which("lynx") else None,
        "w3m": _command(_w3m()) if shutil.which("w3m") else None,
        "w3m_wide": _command(_w3m(_WIDE_COLUMNS)) if shutil.which("w3m") else None,
        "w3m_narrow": _command(_w3m(_NARROW_COLUMNS)) if shutil.which("w3m") else None,
        "elinks": _file_command(_elinks()) if shutil.which("elinks") else None,
        "elinks_refs": _file_command(_elinks(numbered=True)) if shutil.which("elinks") else None,
        "elinks_wide": _file_command(_elinks(_WIDE_COLUMNS)) if shutil.which("elinks") else None,
        "elinks_narrow": _file_command(_elinks(_NARROW_COLUMNS)) if shutil.which("elinks") else None,
        "links": _file_command(_LINKS) if shutil.which("links") else None,
        "htmltext": _html_text if _installed("html_text") else None,
        "inscriptis_links": _inscriptis_links if _installed("inscriptis") else None,
        "html2text": _html2text if _installed("html2text") else None,
        "html2text_links": _html2text_links if _installed("html2text") else None,
        "markdownify": _markdownify if _installed("markdownify") else None,
        "resiliparse": _resiliparse if _installed("resiliparse") else None,
        "soup": _soup if _installed("bs4") else None,
        "soup_strip": partial(_soup, strip=True) if _installed("bs4") else None,
        "soup_raw": partial(_soup, separator="") if _installed("bs4") else None,
        "lxml_text": _lxml_text,
        "pandoc": partial(_pandoc, pandoc) if pandoc else None,
        "pandoc_wide": partial(_pandoc, pandoc, wrap=False) if pandoc else None,
        "pandoc_markdown": partial(_pandoc, pandoc, writer="markdown") if pandoc else None,
        "pandoc_gfm": partial(_pandoc, pandoc, writer="gfm") if pandoc else None,
        # Not a per-page function: render_dev drives one browser through all pages.
        "chromium": _chromium_pages if _installed("playwright") and Path(_CHROMIUM).exists() else None,
    }


def render_dev(dev: Path, out: Path, names: list[str], workers: int = 2) -> dict[str, int]:
    """Render every DEV page with each of ``names``; returns pages written per renderer."""
    pages = sorted(dev.joinpath("html").glob("*.html.gz"))
    available = renderers()
    written: dict[str, int] = {}
    for name in names:
        if name not in available:
            raise ValueError(f"unknown renderer {name!r} (known: {', '.join(available)})")
        render = available[name]
        if render is None:
            print(f"{name}: not installed, skipped", file=sys.stderr)
            continue
        folder = out / name
        folder.mkdir(parents=True, exist_ok=True)
        if name == "chromium":
            for path, text in render(pages):
                folder.joinpath(path.name.removesuffix(".html.gz") + ".txt").write_text(text, encoding="utf-8")
            written[name] = len(pages)
            continue

        def job(path: Path, render: Callable[[bytes], str] = render, folder: Path = folder, name: str = name) -> None:
            try:
                text = render(gzip.decompress(path.read_bytes()))
            except (subprocess.SubprocessError, OSError, ValueError) as error:
                # An empty dump still scores (as a miss), so one bad page cannot shift the rest.
                print(f"{name}: {path.name}: {error}", file=sys.stderr)
                text = ""
            folder.joinpath(path.name.removesuffix(".html.gz") + ".txt").write_text(text, encoding="utf-8")

        with ThreadPoolExecutor(workers) as pool:
            list(pool.map(job, pages))
        written[name] = len(pages)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("dev", type=Path, help="benchmark DEV folder (html/<id>.html.gz)")
    parser.add_argument("out", type=Path, help="output folder: OUT/<renderer>/<id>.txt")
    parser.add_argument("--renderers", default=",".join(renderers()), help="comma-separated (default: %(default)s)")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args(argv)
    for name, count in render_dev(args.dev, args.out, args.renderers.split(","), args.workers).items():
        print(f"{name}: {count} pages -> {args.out / name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
