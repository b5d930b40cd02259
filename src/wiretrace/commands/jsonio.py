"""JSONL input and output for the commands that take records rather than pages."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO


def read_jsonl(path: str, required: tuple[str, ...]) -> Iterator[tuple[int, dict | str]]:
    """``(line number, object)`` per line, or ``(line number, reason)`` for a line that is unusable."""
    handle = sys.stdin if path == "-" else open(path, encoding="utf-8")
    try:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
            except ValueError as err:
                yield number, f"not JSON: {err}"
                continue
            if not isinstance(item, dict):
                yield number, "not a JSON object"
                continue
            missing = [key for key in required if not isinstance(item.get(key), (str, int)) or item.get(key) == ""]
            if missing:
                yield number, f"missing or empty {', '.join(missing)}"
                continue
            yield number, item
    finally:
        if handle is not sys.stdin:
            handle.close()


@contextmanager
def open_output(path: str | None) -> Iterator[TextIO]:
    if path is None or path == "-":
        yield sys.stdout
        sys.stdout.flush()
    else:
        with open(path, "w", encoding="utf-8") as handle:
            yield handle
