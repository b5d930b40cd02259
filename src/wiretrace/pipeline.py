"""Batch extraction: inputs in, one record (or one error naming the input) out per input.

Streams: pages are read, extracted and handed on one at a time. The only corpus-wide state
is the learned text-mode template, a set of short line keys per directory.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from wiretrace.extract import ExtractConfig, ExtractionError, detect_kind, extract_page
from wiretrace.extract.settings import TEMPLATE_MIN_PAGES
from wiretrace.record import Article
from wiretrace.sources import InputError, iter_pages, iter_paths, read_page


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
        if source != "-":
            by_dir.setdefault(os.path.dirname(source), []).append(source)
    templates: dict[str, frozenset[str]] = {}
    for directory, sources in by_dir.items():
        if len(sources) < TEMPLATE_MIN_PAGES:
            continue
        from wiretrace.extract.textblocks import learn_template

        def texts() -> Iterator[str]:
            for source in sources:
                try:
                    page = read_page(source)
                except InputError:
                    continue
                if config.mode == "text" or (config.mode == "auto" and detect_kind(page.content) == "text"):
                    yield page.content

        template = learn_template(texts())
        if template:
            templates[directory] = template
    return templates


def extract_inputs(
    inputs: list[str],
    config: ExtractConfig = ExtractConfig(),
    url: str | None = None,
    learn_template: bool = True,
) -> Iterator[Article | Failure]:
    """Yield an :class:`Article` or a :class:`Failure` for every input page, in input order."""
    templates = learn_templates(inputs, config) if learn_template and config.mode != "html" else {}
    for item in iter_pages(inputs, url=url):
        if isinstance(item, InputError):
            yield Failure(item.source, item.reason)
            continue
        template = templates.get(os.path.dirname(item.source), frozenset())
        try:
            yield extract_page(item, config, template)
        except ExtractionError as err:
            yield Failure(err.source, err.reason)
        except MemoryError:
            yield Failure(item.source, "out of memory while extracting")
        except Exception as err:  # a bug on one page must not end a batch of thousands
            yield Failure(item.source, f"internal error: {type(err).__name__}: {err}")
