"""The steps both modes share (wiretrace.extract.finalize)."""

import sys

from wiretrace.extract import _tidy


def test_every_whitespace_character_but_space_is_unprintable():
    """What _tidy's shortcut rests on: a printable string holds no whitespace but " "."""
    assert [hex(c) for c in range(sys.maxunicode + 1)
            if chr(c).isspace() and chr(c) != " " and chr(c).isprintable()] == []


def test_tidy_is_split_and_join():
    spaces = [chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()]
    cases = ["", " ", "one", "one two", " one two", "one two ", "one  two", "Ünïcödé wörds here", "a\u200bb"]
    cases += [f"one{s}two" for s in spaces] + [f"{s}one two" for s in spaces] + [f"one two{s}" for s in spaces]
    for text in cases:
        assert _tidy(text) == " ".join(text.split()), repr(text)
