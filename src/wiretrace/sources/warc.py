"""WARC and ARC archives (gzipped or not): the HTML pages a crawler fetched.

Only ``response`` records with HTTP status 200 and an HTML content type (or none, when the payload
is an HTML page) become pages; requests, metadata, revisits, redirects, images and the like are
passed over. A page's URL is its
``WARC-Target-URI`` and its origin the archive file plus the record's byte offset, so
``crawl.warc.gz@12345`` names the record to ``warcio extract``.

Reading streams record by record. A record cut short, or bytes that are no record, give an error
naming the file and offset; every complete record before it has been yielded by then.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator

from wiretrace.record import Origin, SourcedPage
from wiretrace.sources.inputs import head_bytes
from wiretrace.sources.decode import decode_bytes, looks_binary
from wiretrace.sources.files import InputError, path_name

#: Payload bytes kept per record; the rest is read past (extraction cuts big pages anyway).
MAX_PAYLOAD_BYTES = 16 * 1024 * 1024

_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.IGNORECASE)


def _charset(content_type: str) -> str | None:
    """The charset an HTTP ``Content-Type`` header names, if any."""
    match = _CHARSET.search(content_type)
    return match.group(1) if match else None


class _BrotliDecompressor:
    """The brotli package's decompressor with the zlib-style interface warcio drives.

    warcio registers ``brotli.Decompressor`` as it is, and sets an attribute on it that the
    brotli package's C type refuses: every ``Content-Encoding: br`` payload failed with an
    AttributeError.
    """

    unused_data = b""  # (a brotli stream is one member: never data left over for another)

    def __init__(self) -> None:
        import brotli

        self._decompressor = brotli.Decompressor()

    def decompress(self, data: bytes) -> bytes:
        return self._decompressor.process(data)


def _teach_warcio_encodings() -> None:
    """Content encodings crawls hold that warcio does not decode itself: ``br`` and ``x-gzip``."""
    from warcio.bufferedreaders import BufferedReader

    decompressors = BufferedReader.DECOMPRESSORS
    decompressors.setdefault("x-gzip", decompressors["gzip"])
    try:
        import brotli  # noqa: F401
    except ImportError:  # br payloads are then reported as not supported
        return
    decompressors["br"] = _BrotliDecompressor


def _unsupported_encoding(http_headers) -> str | None:
    """The payload's content encoding when warcio cannot decode it."""
    from warcio.bufferedreaders import BufferedReader

    encoding = (http_headers.get_header("Content-Encoding") or "").strip().lower()
    if encoding in ("", "identity") or encoding in BufferedReader.DECOMPRESSORS:
        return None
    return encoding


def _looks_like_html(data: bytes) -> bool:
    """Whether a payload served without a content type is an HTML page."""
    head = data[:4096].lower()
    return b"<html" in head or b"<!doctype html" in head


def _read_payload(record) -> tuple[bytes, bool, bool]:
    """(payload up to the cap, cut by the cap, record truncated in the file)."""
    stream = record.content_stream()
    kept: list[bytes] = []
    size = 0
    cut = False
    while chunk := stream.read(1024 * 1024):
        if size < MAX_PAYLOAD_BYTES:
            kept.append(chunk[: MAX_PAYLOAD_BYTES - size])
        if size + len(chunk) > MAX_PAYLOAD_BYTES:
            cut = True
        size += len(chunk)
    missing = getattr(record.raw_stream, "limit", 0) or 0
    return b"".join(kept), cut, missing > 0


def iter_warc(path: str) -> Iterator[SourcedPage | InputError]:
    """Yield a page per HTML 200 response in the archive at ``path``, or errors naming ``path@offset``."""
    from warcio.archiveiterator import ArchiveIterator

    _teach_warcio_encodings()
    name = path_name(path)
    try:
        fh = open(path, "rb")
        size = os.fstat(fh.fileno()).st_size
    except OSError as err:
        yield InputError(path, f"cannot read: {err.strerror or err}")
        return
    with fh:
        head = head_bytes(path, 64).lstrip(b"\r\n")
        if not head.startswith((b"WARC/", b"filedesc://")):
            yield InputError(path, "not a WARC or ARC file (no WARC/ or filedesc:// header at the start)")
            return
        records = ArchiveIterator(fh, arc2warc=True)
        try:
            for record in records:
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                if record.http_headers.get_statuscode() != "200":
                    continue
                content_type = record.http_headers.get_header("Content-Type") or ""
                if content_type.strip() and "html" not in content_type.lower():
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI")
                encoding = _unsupported_encoding(record.http_headers)
                data, cut, truncated = b"", False, False
                if encoding:
                    problem = f"content encoding {encoding!r} is not supported ({url})"
                else:
                    try:
                        data, cut, truncated = _read_payload(record)
                        problem = None
                    except Exception as err:  # broken chunked/gzip transfer encoding and the like
                        problem = f"unreadable payload: {type(err).__name__}: {err}"
                # (Only now: asking for the offset first would read past the payload.)
                offset = records.get_record_offset()
                where = f"{name}@{offset}"
                if problem:
                    yield InputError(where, problem)
                    continue
                if truncated:
                    yield InputError(where, f"truncated record, the file ends inside it ({url})")
                    continue
                if not content_type.strip() and not _looks_like_html(data):
                    continue
                if not data.strip():
                    yield InputError(where, f"empty payload ({url})")
                    continue
                if looks_binary(data):
                    yield InputError(where, f"binary payload, not HTML ({url})")
                    continue
                text, warnings = decode_bytes(data, _charset(content_type))
                if cut:
                    warnings.append(f"payload cut to its first {MAX_PAYLOAD_BYTES:,} bytes")
                yield SourcedPage(where, text, url, warnings, origin=Origin(name, offset=offset))
        except Exception as err:  # warcio's ArchiveLoadFailed, zlib errors, garbage where a header should be
            at = getattr(records, "offset", 0)
            yield InputError(f"{path}@{at}", f"not a readable WARC/ARC record: {type(err).__name__}: {err}")
            return
        end = getattr(records, "offset", size)
        if end < size:
            yield InputError(f"{path}@{end}", f"truncated or unreadable data ({size - end:,} bytes at the end)")
