"""Read pages from files, directories (recursively), ``.gz`` files and stdin.

Paths are yielded lazily and each page is read only when the consumer asks for it, so one call
can stream through thousands of files holding a single page in memory at a time.
"""

from __future__ import annotations

import gzip
import os
import sys
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from wiretrace.record import Page
from wiretrace.sources.decode import decode_bytes, looks_binary

STDIN = "-"

# Files that are never pages, found when a user points us at a whole crawl directory.
_SKIP_SUFFIXES = {".json", ".py", ".md", ".tsv", ".csv", ".jpg", ".jpeg", ".png", ".gif", ".webp", ".pdf"}


def path_name(path: str) -> str:
    """``path`` as text, for records, messages and the store.

    A file name is bytes, and Python holds those that are no UTF-8 as lone surrogates, which no
    UTF-8 output takes: a record naming such a file could not be written (or was written as
    invalid UTF-8). Here they are written as ``\\xNN``.
    """
    if path.isascii():
        return path
    return os.fsencode(path).decode("utf-8", "backslashreplace")


class InputError(Exception):
    """An input that cannot become a page; the message names the input."""

    def __init__(self, source: str, reason: str):
        source = path_name(source)
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


def iter_paths(inputs: Iterable[str]) -> Iterator[str]:
    """Expand ``inputs`` (paths, directories, ``-``) to the page sources they name, in order.

    Directories are walked recursively in sorted order and skip hidden files and files that are
    plainly not pages; a path given explicitly is always yielded, so its error can be reported,
    and so is a directory the walk cannot list (reading it says why).
    """
    for item in inputs:
        if item == STDIN:
            yield STDIN
            continue
        path = Path(item)
        if path.is_dir():
            unlisted: list[OSError] = []
            for root, dirs, files in os.walk(path, onerror=unlisted.append):
                while unlisted:
                    yield unlisted.pop(0).filename
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if name.startswith(".") or Path(name).suffix.lower() in _SKIP_SUFFIXES:
                        continue
                    yield str(Path(root) / name)
            while unlisted:
                yield unlisted.pop(0).filename
        else:
            yield item


def _read_bytes(source: str) -> bytes:
    if source == STDIN:
        return sys.stdin.buffer.read()
    path = Path(source)
    if not path.exists():
        raise InputError(source, "broken or looping symbolic link" if path.is_symlink() else "no such file")
    if path.is_dir():
        try:
            os.listdir(path)
        except OSError as err:
            raise InputError(source, f"cannot read directory: {err.strerror or err}") from err
    if not path.is_file():
        raise InputError(source, "not a regular file")
    try:
        data = path.read_bytes()
    except OSError as err:
        raise InputError(source, f"cannot read: {err.strerror or err}") from err
    if data[:2] == b"\x1f\x8b":
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError, zlib.error) as err:
            raise InputError(source, f"corrupt gzip data: {err}") from err
    return data


def read_page(source: str, url: str | None = None) -> Page:
    """Read and decode one input into a :class:`Page`; raises :class:`InputError` naming it."""
    data = _read_bytes(source)
    if not data.strip():
        raise InputError(source, "empty input")
    if looks_binary(data):
        raise InputError(source, "binary data, not a text or HTML page")
    text, warnings = decode_bytes(data)
    return Page(source=path_name(source), content=text, url=url, warnings=warnings)


def iter_pages(inputs: Iterable[str], url: str | None = None) -> Iterator[Page | InputError]:
    """Yield a :class:`Page` or the :class:`InputError` for each input source, lazily."""
    for source in iter_paths(inputs):
        try:
            yield read_page(source, url=url)
        except InputError as err:
            yield err
