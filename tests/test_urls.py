"""The one test of what names a web page (wiretrace.urls)."""

import pytest

from wiretrace.urls import web_address


@pytest.mark.parametrize("href, base, expected", [
    ("https://news.example.com/a/1", None, "https://news.example.com/a/1"),
    ("  http://news.example.com/a  ", None, "http://news.example.com/a"),
    ("/world/story-1", "https://news.example.com/a", "https://news.example.com/world/story-1"),
    ("/world/story-1", None, None),
    ("#", "https://news.example.com/a", None),
    ("javascript:void(0)", "https://news.example.com/a", None),
    ("about:blank", None, None),
    ("mailto:desk@news.example.com", None, None),
    ("http://[::1", None, None),
    ("http://news.example.com:port/a", None, None),
    ("https://", None, None),
    (None, None, None),
    (42, None, None),
])
def test_web_address(href, base, expected):
    assert web_address(href, base) == expected
