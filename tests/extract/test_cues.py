import re

from wiretrace.extract.cues import opening_lookahead


def test_opening_lookahead_changes_no_match_of_the_alternation() -> None:
    words = ("staff", "desk", "news", "published(?: on| at)?")
    fast = re.compile(rf"\b{opening_lookahead(words)}(?:{'|'.join(words)})\b", re.IGNORECASE)
    plain = re.compile(rf"\b(?:{'|'.join(words)})\b", re.IGNORECASE)
    text = "Staff desk, NEWS wire: Published on May 8; published at noon; stafford, 'desk'"
    assert fast.findall(text) == plain.findall(text) == ["Staff", "desk", "NEWS", "Published on", "published at", "desk"]


def test_opening_lookahead_escapes_what_is_special_in_a_class() -> None:
    lookahead = re.compile(opening_lookahead(("-a", "]b", "^c")))
    assert all(lookahead.match(ch) for ch in "-]^") and not lookahead.match("a")
