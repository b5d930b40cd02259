"""Extraction settings: every knob in one place, with the defaults a CLI run uses."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Mode = Literal["auto", "html", "text"]

#: Text dumps of one directory read to learn that site's template: a sample is enough to tell
#: which lines recur on half the pages, and it bounds the extra pass over a large directory.
TEMPLATE_SAMPLE_PAGES = 300
#: Fewer text dumps than this in one directory teach nothing reliable about a site's template.
TEMPLATE_MIN_PAGES = 5


@dataclass(frozen=True, slots=True)
class ExtractConfig:
    #: ``auto`` sniffs each input; ``html``/``text`` force a mode.
    mode: Mode = "auto"
    #: Wall-clock seconds one page may take before it is abandoned with an error.
    time_budget_s: float = 20.0
    #: HTML larger than this is cut (with a warning) before parsing: no real article needs more,
    #: and parse time and memory grow with it.
    max_html_chars: int = 8_000_000
    #: Text dumps larger than this are cut (with a warning) before classification.
    max_text_chars: int = 4_000_000
    #: Timezone offsets for abbreviations that are ambiguous (IST, CST, BST...). See dates.py.
    prefer_timezones: tuple[str, ...] = ()
