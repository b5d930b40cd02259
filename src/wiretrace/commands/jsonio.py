"""JSONL input for the commands that take records rather than pages."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import BinaryIO


@contextmanager
def open_jsonl(path: str, texts: tuple[str, ...]) -> Iterator[Iterator[tuple[int, dict | str]] | None]:
    """The lines of ``path`` (``-``: stdin): ``(line number, object)`` for each usable line,
    ``(line number, reason)`` for each other; or ``None`` after saying on stderr why the file
    cannot be read.

    A usable line is a JSON object with an ``"id"`` (a string or a number) and each field of
    ``texts`` as a non-empty string.
    """
    if path == "-":
        yield _lines(sys.stdin.buffer, texts)
        return
    try:
        handle = open(path, "rb")
    except OSError as err:
        print(f"wiretrace: error: {path}: cannot read: {err.strerror or err}", file=sys.stderr)
        yield None
        return
    with handle:
        yield _lines(handle, texts)


def _lines(handle: BinaryIO, texts: tuple[str, ...]) -> Iterator[tuple[int, dict | str]]:
    # Read as bytes and decoded line by line: a line that is not UTF-8 is one bad line, not a
    # crash halfway through the file.
    for number, raw in enumerate(handle, 1):
        if not raw.strip():
            continue
        try:
            line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError as err:
            yield number, f"not UTF-8 text (byte {err.start + 1} of the line)"
            continue
        try:
            item = json.loads(line)
        except ValueError as err:
            yield number, f"not JSON: {err}"
            continue
        if not isinstance(item, dict):
            yield number, "not a JSON object"
            continue
        problem = _problem(item, texts)
        if problem:
            yield number, problem
            continue
        yield number, item


def _problem(item: dict, texts: tuple[str, ...]) -> str | None:
    """Why ``item`` cannot be used, or None."""
    ident = item.get("id")
    if ident is None or ident == "":
        return "missing or empty id"
    if isinstance(ident, bool) or not isinstance(ident, (str, int)):
        return f"id must be a string or a number, not {_json_type(ident)}"
    for key in texts:
        value = item.get(key)
        if value is None or value == "":
            return f"missing or empty {key}"
        if not isinstance(value, str):
            return f"{key} must be a string, not {_json_type(value)}"
    return None


def _json_type(value: object) -> str:
    names = {bool: "true/false", int: "a number", float: "a number", list: "an array", dict: "an object"}
    return names.get(type(value), type(value).__name__)
