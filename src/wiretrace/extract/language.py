"""Language identification for records whose markup does not declare one."""

from __future__ import annotations

import py3langid  # ships its model inside the package: nothing is downloaded

#: English function words that no other major Latin-script language uses as often (no "a",
#: "in", "de", "en", "die"): a fifth of running words from this set is English and nothing else.
_ENGLISH_FUNCTION_WORDS = frozenset(
    """the of and to that for with was were is are be been has have had this from by on at it
    its his her their they said not but which who will would an""".split()
)


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of ``text``'s language, or ``None`` for too little text to tell."""
    if len(text.split()) < 3 and len(text) < 20:
        return None
    sample = text[:400]
    # Most news in a corpus is English and says so in its commonest words; the character n-gram
    # model is asked only otherwise (it costs some 30 times as much).
    words = sample.lower().split()
    if len(words) >= 8 and sum(w in _ENGLISH_FUNCTION_WORDS for w in words) * 5 >= len(words):
        return "en"
    code, _score = py3langid.classify(sample)
    return code
