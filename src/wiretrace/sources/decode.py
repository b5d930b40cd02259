"""Bytes to text: honour a BOM or a declared charset, prefer UTF-8, and guess only as a last resort."""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

# Declarations only count near the top of a document, as browsers do (the HTML spec's prescan
# looks at the first 1024 bytes; some generators put long <head>s first, so allow more).
_PRESCAN_BYTES = 4096
_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_\-:]+)""", re.IGNORECASE
)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([a-zA-Z0-9_\-]+)""", re.IGNORECASE)

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# WHATWG maps these labels to supersets; Python's strict codecs would reject real-world pages.
_LABEL_ALIASES = {
    "iso-8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    "shift_jis": "cp932",
    "shift-jis": "cp932",
    "sjis": "cp932",
    "x-sjis": "cp932",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "euc-kr": "cp949",
}


def _codec(label: bytes | str) -> str | None:
    name = label.decode("ascii", "ignore") if isinstance(label, bytes) else label
    name = _LABEL_ALIASES.get(name.strip().lower(), name.strip().lower())
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def declared_encoding(data: bytes) -> str | None:
    """The encoding a page declares in a BOM, ``<meta charset>`` or ``<?xml encoding?>``, if any."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    head = data[:_PRESCAN_BYTES]
    match = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    return _codec(match.group(1)) if match else None


def decode_bytes(data: bytes, transport_charset: str | None = None) -> tuple[str, list[str]]:
    """Decode ``data`` to text; returns the text and warnings about how it was decoded.

    Order: BOM, the charset the page declares, the charset its transport declares
    (``transport_charset``: an HTTP ``Content-Type`` header's), strict UTF-8, UTF-8 with its few
    invalid sequences replaced, then charset detection. A declared charset that does not fit the bytes is passed over for the next (pages
    lie about their encoding more often than UTF-8 lies). Labels mean what they mean to browsers:
    ``iso-8859-1`` is windows-1252, ``shift_jis`` is cp932.
    """
    warnings: list[str] = []
    declared = [declared_encoding(data), _codec(transport_charset) if transport_charset else None]
    for encoding in dict.fromkeys(e for e in declared if e):
        try:
            return data.decode(encoding).lstrip("\ufeff"), warnings
        except UnicodeDecodeError:
            warnings.append(f"declared encoding {encoding} does not fit the bytes")
    try:
        return data.decode("utf-8").lstrip("\ufeff"), warnings
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", errors="replace")
    invalid = text.count("\ufffd")
    if len(text) - len(text.encode("ascii", "ignore")) - invalid > 2 * invalid:
        # Mostly valid UTF-8 with a stray byte or two (a bad paste, a cut multi-byte character):
        # bytes of a legacy encoding almost never form valid UTF-8 sequences, and a guess would
        # garble every accented letter of the page ("Zürich" -> "ZÃỳrich").
        warnings.append(f"invalid UTF-8 replaced ({invalid} byte sequence{'s' if invalid != 1 else ''})")
        return text.lstrip("\ufeff"), warnings
    best = from_bytes(data[:200_000]).best()
    if best is not None and best.encoding:
        encoding = best.encoding
        warnings.append(f"encoding guessed as {encoding}")
        return data.decode(encoding, errors="replace"), warnings
    warnings.append("invalid UTF-8 replaced")
    return data.decode("utf-8", errors="replace"), warnings


def looks_binary(data: bytes) -> bool:
    """True for bytes that are not text in any encoding we handle (images, archives, executables)."""
    sample = data[:8192]
    if not sample:
        return False
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    if b"\x00" in sample:
        return True
    control = len(sample.translate(None, _NOT_CONTROL))
    return control / len(sample) > 0.05


#: Every byte but the control characters text never holds (tab, newlines, form feed and ESC
#: are text): deleting these from a sample leaves the suspicious ones to count.
_NOT_CONTROL = bytes(b for b in range(256) if b >= 32 or b in (9, 10, 12, 13, 27))
