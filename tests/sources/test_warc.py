"""WARC/ARC reader: HTML 200 responses only, origins with offsets, truncation named, the rest read."""

from __future__ import annotations

import gzip
import io

import pytest
from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from wiretrace.record import SourcedPage
from wiretrace.sources import InputError
from wiretrace.sources.warc import iter_warc


def html(n: int, charset_meta: bool = True) -> str:
    meta = '<meta charset="utf-8">' if charset_meta else ""
    return (f"<!doctype html><html><head>{meta}<title>Story {n}</title></head><body><article>"
            f"<h1>Harbour story number {n}</h1><p>Dock workers at the port ended strike number {n} on Friday "
            f"after unions accepted a pay offer, the port authority said in a statement.</p></article></body></html>")


def write_warc(path, records, gz: bool = True) -> None:
    """``records``: (type, uri, status, content type, payload bytes)."""
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=gz)
        for rec_type, uri, status, ctype, payload in records:
            if rec_type == "response":
                headers = StatusAndHeaders(status, [("Content-Type", ctype), ("Content-Length", str(len(payload)))],
                                           protocol="HTTP/1.1")
                record = writer.create_warc_record(uri, "response", payload=io.BytesIO(payload), http_headers=headers)
            else:
                record = writer.create_warc_record(uri, rec_type, payload=io.BytesIO(payload),
                                                   warc_content_type="text/plain")
            writer.write_record(record)


CRAWL = [
    ("response", "https://harbourpost.example/1", "200 OK", "text/html; charset=utf-8", html(1).encode()),
    ("metadata", "https://harbourpost.example/1", None, None, b"fetch notes"),
    ("response", "https://harbourpost.example/logo.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n" + bytes(64)),
    ("response", "https://harbourpost.example/gone", "404 Not Found", "text/html", b"<html>Not found</html>"),
    ("response", "https://harbourpost.example/old", "301 Moved Permanently", "text/html", b""),
    ("response", "https://harbourpost.example/2", "200 OK", "text/html; charset=windows-1252",
     html(2, charset_meta=False).replace("Friday", "Friday \u2013 caf\u00e9").encode("cp1252")),
    ("response", "https://harbourpost.example/3", "200 OK", "application/xhtml+xml", html(3).encode()),
]


def pages(path) -> list[SourcedPage | InputError]:
    return list(iter_warc(str(path)))


@pytest.mark.parametrize("gz", [True, False])
def test_only_html_200_responses_become_pages_with_url_and_offset(tmp_path, gz):
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    write_warc(path, CRAWL, gz=gz)
    items = pages(path)
    assert all(isinstance(i, SourcedPage) for i in items)
    assert [p.url for p in items] == ["https://harbourpost.example/1", "https://harbourpost.example/2",
                                      "https://harbourpost.example/3"]
    # Each origin offset points at its record: warcio reads that very record back from there.
    with open(path, "rb") as fh:
        for page in items:
            assert page.source == f"{path}@{page.origin.offset}" and page.origin.file == str(path)
            fh.seek(page.origin.offset)
            record = next(iter(ArchiveIterator(fh)))
            assert record.rec_headers.get_header("WARC-Target-URI") == page.url
    assert "Harbour story number 1" in items[0].content
    assert "Friday \u2013 caf\u00e9" in items[1].content  # decoded with the HTTP charset


def test_truncated_gzip_warc_names_the_offset_and_keeps_the_records_before(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    write_warc(path, CRAWL)
    data = path.read_bytes()
    path.write_bytes(data[:-150])
    items = pages(path)
    good = [i for i in items if isinstance(i, SourcedPage)]
    errors = [i for i in items if isinstance(i, InputError)]
    assert [p.url for p in good] == ["https://harbourpost.example/1", "https://harbourpost.example/2"]
    (error,) = errors
    assert error.source.startswith(f"{path}@") and "truncated" in error.reason


def test_truncated_plain_warc_names_the_cut_record(tmp_path):
    path = tmp_path / "crawl.warc"
    write_warc(path, CRAWL[:1] + CRAWL[5:6], gz=False)
    path.write_bytes(path.read_bytes()[:-100])
    items = pages(path)
    assert isinstance(items[0], SourcedPage) and items[0].url == "https://harbourpost.example/1"
    (error,) = items[1:]
    assert isinstance(error, InputError) and "truncated record" in error.reason
    assert error.source != f"{path}@0" and error.source.startswith(f"{path}@")


def test_garbage_and_missing_files_are_named_errors(tmp_path):
    junk = tmp_path / "junk.warc"
    junk.write_bytes(b"this is not a web archive\n" * 20)
    (error,) = pages(junk)
    assert isinstance(error, InputError) and error.source.startswith(str(junk))
    (missing,) = pages(tmp_path / "missing.warc.gz")
    assert isinstance(missing, InputError) and "cannot read" in missing.reason


def test_arc_files_are_read(tmp_path):
    body = b"<html><head><title>Arc page</title></head><body><p>Hello from an ARC file.</p></body></html>"
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n" % len(body) + body
    desc = b"1 0 wiretrace\nURL IP-address Archive-date Content-type Archive-length\n"
    header = b"filedesc://test.arc 0.0.0.0 20260101000000 text/plain %d\n" % len(desc) + desc + b"\n"
    record = b"http://arc.example/a 1.2.3.4 20260101000000 text/html %d\n" % len(http) + http + b"\n"
    path = tmp_path / "old.arc.gz"
    path.write_bytes(gzip.compress(header) + gzip.compress(record))
    (page,) = pages(path)
    assert page.url == "http://arc.example/a" and "Hello from an ARC file." in page.content
    assert page.origin.offset == len(gzip.compress(header))


def _chunked(data: bytes, size: int = 64) -> bytes:
    chunks = [data[i:i + size] for i in range(0, len(data), size)]
    return b"".join(b"%x\r\n%s\r\n" % (len(c), c) for c in chunks) + b"0\r\n\r\n"


def write_responses(path, responses) -> None:
    """``responses``: (uri, HTTP headers, payload bytes as sent on the wire)."""
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for uri, headers, payload in responses:
            http = StatusAndHeaders("200 OK", headers, protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(payload),
                                                          http_headers=http))


def test_compressed_and_chunked_payloads_are_decoded(tmp_path):
    brotli = pytest.importorskip("brotli")
    path = tmp_path / "encoded.warc.gz"
    write_responses(path, [
        ("https://harbourpost.example/gz", [("Content-Type", "text/html"), ("Transfer-Encoding", "chunked"),
                                           ("Content-Encoding", "gzip")], _chunked(gzip.compress(html(1).encode()))),
        ("https://harbourpost.example/br", [("Content-Type", "text/html"), ("Content-Encoding", "br")],
         brotli.compress(html(2).encode())),
        ("https://harbourpost.example/xgz", [("Content-Type", "text/html"), ("Content-Encoding", "x-gzip")],
         gzip.compress(html(3).encode())),
        ("https://harbourpost.example/zstd", [("Content-Type", "text/html"), ("Content-Encoding", "zstd")],
         b"\x28\xb5\x2f\xfd" + bytes(40)),
    ])
    *found, error = pages(path)
    assert [p.url for p in found] == ["https://harbourpost.example/gz", "https://harbourpost.example/br",
                                      "https://harbourpost.example/xgz"]
    for n, page in enumerate(found, 1):
        assert f"Harbour story number {n}" in page.content
    assert isinstance(error, InputError) and error.source.startswith(f"{path}@")
    assert "content encoding 'zstd' is not supported" in error.reason and "/zstd" in error.reason


def test_the_http_charset_decides_when_the_page_declares_none_that_fits(tmp_path):
    path = tmp_path / "charsets.warc.gz"
    russian = html(1).replace("Friday", "пятницу")
    write_responses(path, [
        # The page's <meta charset="utf-8"> is wrong; the server's header is right.
        ("https://harbourpost.example/ru", [("Content-Type", "text/html; charset=windows-1251")],
         russian.encode("cp1251")),
        # "iso-8859-1" means windows-1252 to browsers: its curly quotes are no C1 control characters.
        ("https://harbourpost.example/quotes", [("Content-Type", "text/html; charset=ISO-8859-1")],
         html(2, charset_meta=False).replace("Friday", "\u201cFriday\u201d \u2014 caf\u00e9").encode("cp1252")),
    ])
    russian_page, quoted_page = pages(path)
    assert "strike number 1 on пятницу" in russian_page.content
    assert "\u201cFriday\u201d \u2014 caf\u00e9" in quoted_page.content


def test_a_response_without_a_content_type_is_a_page_when_it_holds_html(tmp_path):
    path = tmp_path / "untyped.warc.gz"
    write_responses(path, [("https://harbourpost.example/untyped", [], html(1).encode()),
                           ("https://harbourpost.example/blob", [], b"\x00\x01 not a page")])
    (page,) = pages(path)
    assert page.url == "https://harbourpost.example/untyped" and "Harbour story number 1" in page.content
