"""Web addresses: the one test of what names a web page, shared by extraction (a record's url),
the output formats (ninjs uris) and the web UI (links it may show)."""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit


def web_address(href: object, base: str | None = None) -> str | None:
    """``href`` (resolved against ``base``) when it is an absolute http(s) URL with a host, else
    None: "#", "javascript:void(0)", "about:blank", "mailto:", a malformed host or port, and a
    relative path with no base name no page."""
    if not isinstance(href, str) or not href.strip() or href.strip().startswith("#"):
        return None
    address = urljoin(base, href.strip()) if base else href.strip()
    try:
        parts = urlsplit(address)
        parts.port  # noqa: B018  (raises on a malformed port)
    except ValueError:  # "http://[::1", "http://host:port"
        return None
    return address if parts.scheme.lower() in ("http", "https") and parts.hostname else None
