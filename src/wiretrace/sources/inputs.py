"""Input files of every kind: what reader a file needs, the files a command line names, and their pages.

:func:`read_input` is the one entry point: a page file, a WARC/ARC archive, an RSS/Atom feed or
a JSONL file each yields :class:`~wiretrace.record.SourcedPage` items (and, for feeds,
:class:`~wiretrace.record.FeedLink` items), with :class:`InputError` for what cannot be read.
"""

from __future__ import annotations

import glob
import gzip
import hashlib
import json
import os
import zlib
from collections.abc import Iterable, Iterator
from typing import Any

from wiretrace.record import FeedLink, Origin, SourcedPage
from wiretrace.sources.files import InputError, iter_paths, path_name, read_page

_GLOB_CHARS = set("*?[")

WARC, FEED, JSONL, PAGE = "warc", "feed", "jsonl", "page"

_SUFFIX_KINDS = {".warc": WARC, ".arc": WARC, ".rss": FEED, ".atom": FEED, ".rdf": FEED,
                 ".jsonl": JSONL, ".ndjson": JSONL}


def head_bytes(path: str, size: int = 2048) -> bytes:
    """The first ``size`` bytes of a file, decompressed when it is gzipped; empty when unreadable."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(max(size, 16384))
    except OSError:
        return b""
    if head[:2] == b"\x1f\x8b":
        try:
            head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, size)
        except zlib.error:
            return b""
    return head[:size]


def input_kind(path: str) -> str:
    """What reader an input file needs: ``warc``, ``feed``, ``jsonl`` or ``page``; by name, else by content."""
    if path == "-":
        return PAGE
    name = path.lower().removesuffix(".gz")
    suffix = os.path.splitext(name)[1]
    if suffix in _SUFFIX_KINDS:
        return _SUFFIX_KINDS[suffix]
    head = head_bytes(path)
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith((b"WARC/", b"filedesc://")):
        return WARC
    if stripped.startswith(b"<?xml") or suffix == ".xml":
        lowered = stripped[:1024].lower()
        if b"<rss" in lowered or b"<feed" in lowered or b"<rdf:rdf" in lowered:
            return FEED
    if stripped.startswith(b"{"):
        first = stripped.split(b"\n", 1)[0]
        try:
            obj = json.loads(first)
        except ValueError:
            obj = None
        if isinstance(obj, dict) and ({"html", "text"} & obj.keys()):
            return JSONL
    return PAGE


def expand_inputs(inputs: Iterable[str]) -> Iterator[tuple[str, bool] | InputError]:
    """Paths named by ``inputs`` (files, directories walked recursively, glob patterns), lazily.

    Yields ``(path, grouped)``; ``grouped`` is true for files found in a directory or by a glob,
    whose siblings may teach a site template. A glob that matches nothing is an :class:`InputError`.
    """
    for item in inputs:
        if item != "-" and not os.path.exists(item) and _GLOB_CHARS & set(item):
            matches = sorted(glob.iglob(item, recursive=True))
            if not matches:
                yield InputError(item, "no files match this pattern")
            for path in iter_paths(matches):
                yield path, True
        elif os.path.isdir(item):
            for path in iter_paths([item]):
                yield path, True
        else:
            yield item, False


def read_input(path: str) -> Iterator[SourcedPage | FeedLink | InputError]:
    """Everything one input file holds, by the reader its kind needs (see :func:`input_kind`).

    A reader that fails on a file ends that file with an error naming it, not the batch.
    """
    try:
        yield from _read_input(path)
    except Exception as err:  # a reader's bug on one hostile file must not end a batch of thousands
        yield InputError(path, f"internal error: {type(err).__name__}: {err}")


def _read_input(path: str) -> Iterator[SourcedPage | FeedLink | InputError]:
    kind = input_kind(path)
    if kind == WARC:
        from wiretrace.sources.warc import iter_warc

        yield from iter_warc(path)
    elif kind == FEED:
        from wiretrace.sources.feeds import iter_feed

        yield from iter_feed(path)
    elif kind == JSONL:
        from wiretrace.sources.jsonl import iter_jsonl

        yield from iter_jsonl(path)
    else:
        try:
            page = read_page(path)
        except InputError as err:
            yield err
            return
        yield SourcedPage(page.source, page.content, page.url, page.warnings, origin=Origin(path_name(path)))


def open_bytes(path: str):
    """A binary file object for ``path``, decompressing gzip transparently."""
    fh = open(path, "rb")
    if fh.peek(2)[:2] == b"\x1f\x8b":
        fh.close()
        return gzip.open(path, "rb")
    return fh


def fingerprint(data: Any) -> str:
    """A canonical serialisation of ``data`` (key order does not matter)."""
    return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def content_id(data: Any) -> str:
    """An id made from ``data`` itself (``sha256:…``), for a record that names no id or URL of its own.

    Its place in its input (a line number) would not do: a line inserted above it would give it
    another record's id.
    """
    said = json.dumps(data, sort_keys=True, ensure_ascii=False).encode("utf-8", "surrogatepass")
    return "sha256:" + hashlib.sha256(said).hexdigest()[:24]
