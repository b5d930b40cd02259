"""Batch extraction: inputs in, one record (or one error naming the input) out per page: a page
file is one page; a WARC archive, an RSS/Atom feed or a JSONL file holds several.

Streams: pages are read, extracted and handed on one at a time. The only corpus-wide state
is the learned text-mode template, a set of short line keys per directory.
"""

from __future__ import annotations

import os
from itertools import chain
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from wiretrace.extract import (
    ExtractConfig,
    ExtractionError,
    detect_kind,
    extract_page,
    finalize,
)
from wiretrace.extract.settings import TEMPLATE_MIN_PAGES
from wiretrace.record import Article, FeedLink, Page, SourcedPage
from wiretrace.sources import InputError, iter_paths, read_page
from wiretrace.sources.inputs import PAGE, head_bytes, input_kind, read_input


@dataclass(slots=True)
class Failure:
    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


def learn_templates(inputs: Iterable[str], config: ExtractConfig) -> dict[str, frozenset[str]]:
    """Per directory, the template lines shared by its text dumps (see ``textblocks.learn_template``).

    A first pass over the inputs, reading each directory's dumps until learn_template has its
    sample; pages of one site usually arrive in one directory.
    """
    by_dir: dict[str, list[str]] = {}
    for source in iter_paths(inputs):
        if source != "-" and input_kind(source) == PAGE:
            by_dir.setdefault(os.path.dirname(source), []).append(source)
    templates: dict[str, frozenset[str]] = {}

    def texts(sources: list[str]) -> Iterator[str]:
        for source in sources:
            # In auto mode, a page whose opening is markup is HTML whatever follows: it is passed
            # over without reading and decoding it all (most corpora are HTML).
            if config.mode == "auto" and detect_kind(head_bytes(source, 4096).decode("utf-8", "replace")) == "html":
                continue
            try:
                page = read_page(source)
            except InputError:
                continue
            if config.mode == "text" or (config.mode == "auto" and detect_kind(page.content) == "text"):
                yield page.content

    for directory, sources in by_dir.items():
        if len(sources) < TEMPLATE_MIN_PAGES:
            continue
        dumps = texts(sources)
        first = next(dumps, None)
        if first is None:  # (no dumps here: text mode's classifier need not even be loaded)
            continue
        from wiretrace.extract.textblocks import learn_template

        template = learn_template(chain([first], dumps))
        if template:
            templates[directory] = template
    return templates


def _apply_overrides(article: Article, overrides: dict[str, Any]) -> None:
    for name, value in overrides.items():
        if value is not None and hasattr(article, name):
            setattr(article, name, value)


def extract_sourced(page: Page, config: ExtractConfig, template: frozenset[str] = frozenset()) -> Article:
    """The article of one page: its reader's clean record (a feed item, a JSONL line of plain
    text), or extraction with what the input states outright (its overrides) winning."""
    if isinstance(page, SourcedPage) and page.article is not None:
        return finalize(page.article)
    article = extract_page(page, config, template)
    if isinstance(page, SourcedPage):
        _apply_overrides(article, page.overrides)
    return article


def extract_safely(page: Page, config: ExtractConfig, template: frozenset[str] = frozenset()) -> Article | Failure:
    """:func:`extract_sourced`, with whatever goes wrong on the page as a :class:`Failure` naming it."""
    try:
        return extract_sourced(page, config, template)
    except ExtractionError as err:
        return Failure(err.source, err.reason)
    except MemoryError:
        return Failure(page.source, "out of memory while extracting")
    except Exception as err:  # a bug on one page must not end a batch of thousands
        return Failure(page.source, f"internal error: {type(err).__name__}: {err}")


def extract_inputs(
    inputs: list[str],
    config: ExtractConfig = ExtractConfig(),
    url: str | None = None,
    learn_template: bool = True,
) -> Iterator[Article | Failure]:
    """Yield an :class:`Article` or a :class:`Failure` for every input page, in input order: a
    page file (or stdin) is one page; a WARC archive, a feed or a JSONL file holds several."""
    templates = learn_templates(inputs, config) if learn_template and config.mode != "html" else {}
    for source in iter_paths(inputs):
        if input_kind(source) == PAGE:
            try:
                page = read_page(source, url=url)
            except InputError as err:
                yield Failure(err.source, err.reason)
                continue
            yield extract_safely(page, config, templates.get(os.path.dirname(source), frozenset()))
            continue
        for item in read_input(source):
            if isinstance(item, InputError):
                yield Failure(item.source, item.reason)
            elif isinstance(item, FeedLink):
                yield Failure(item.source, f"feed item without content; its page is {item.url} "
                                           "(wiretrace ingest pairs it with that page when given both)")
            else:
                yield extract_safely(item, config)
