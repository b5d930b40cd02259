"""Text mode, part one: segment a plain-text page dump into blocks and classify each block.

A dump is visible text only, one block per line, from some HTML-to-text renderer. Renderers
differ (indentation, list bullets, hard line wrapping), so :func:`segment` normalises those
away before :func:`classify` looks at a block.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_BULLET = re.compile(r"^\s*(?:[*+\-•·▪◦‣–]|\d{1,2}[.)])\s+")


@dataclass(slots=True)
class Block:
    #: The block's text with renderer indentation and bullets removed.
    text: str
    #: Index of the block's first line in the dump.
    line: int
    #: True when the renderer drew it as a list item.
    bullet: bool = False
    #: Leading spaces of its first line.
    indent: int = 0


def segment(content: str) -> list[Block]:
    """Split a dump into blocks, one per non-empty line."""
    blocks = []
    for number, raw in enumerate(content.splitlines()):
        if not raw.strip():
            continue
        indent = len(raw) - len(raw.lstrip(" \t"))
        bullet = bool(_BULLET.match(raw))
        text = _BULLET.sub("", raw, count=1) if bullet else raw
        blocks.append(Block(text=" ".join(text.split()), line=number, bullet=bullet, indent=indent))
    return blocks


def template_key(text: str) -> str:
    """The key under which a block is counted when learning a site's template across pages."""
    return " ".join(re.sub(r"\d", "0", text.lower()).split())


def classify(blocks: list[Block], template: frozenset[str] = frozenset()) -> list[str]:
    """Label each block ``"body"`` or with a boilerplate category (see ``record.BOILERPLATE_CATEGORIES``).

    ``template`` holds :func:`template_key` values of blocks known to recur across pages of the
    same site; such blocks are template, never body.
    """
    labels = []
    for block in blocks:
        if template_key(block.text) in template:
            labels.append("navigation")
        elif len(block.text.split()) >= 10:
            labels.append("body")
        else:
            labels.append("other")
    return labels
