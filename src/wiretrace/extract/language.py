"""Language identification for records whose markup does not declare one."""

from __future__ import annotations

import py3langid  # ships its model inside the package: nothing is downloaded


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of ``text``'s language, or ``None`` for too little text to tell."""
    if len(text.split()) < 3 and len(text) < 20:
        return None
    code, _score = py3langid.classify(text[:400])
    return code
