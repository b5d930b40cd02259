from wiretrace.sources.decode import decode_bytes, declared_encoding, looks_binary


def test_utf8_is_kept():
    text, warnings = decode_bytes("Zelenskyy — Кремль".encode())
    assert text == "Zelenskyy — Кремль" and warnings == []


def test_declared_cp1251_in_meta():
    html = '<html><head><meta charset="windows-1251"></head><body><p>Кремль не подтвердил</p></body></html>'
    text, _ = decode_bytes(html.encode("cp1251"))
    assert "Кремль не подтвердил" in text


def test_declared_shift_jis_in_http_equiv_meta():
    html = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS"></head>'
            '<body><p>東京の株価が上昇した</p></body></html>')
    assert declared_encoding(html.encode("shift_jis")) == "cp932"
    text, _ = decode_bytes(html.encode("shift_jis"))
    assert "東京の株価が上昇した" in text


def test_invalid_utf8_without_declaration_is_decoded_with_a_warning():
    data = "Price rose 5 percent in Zürich on Monday, officials said.".encode() + b"\xff\xfe\xfa broken"
    text, warnings = decode_bytes(data)
    assert "officials said" in text
    assert warnings


def test_lying_declaration_falls_back():
    data = '<meta charset="ascii"><p>café ünïcode</p>'.encode("utf-8")
    text, _ = decode_bytes(data)
    assert "<p>" in text


def test_binary_detection():
    assert looks_binary(bytes(range(256)) * 10)
    assert not looks_binary("plain text\n".encode())
    # Tabs, line breaks, form feeds and ANSI escapes are text; a few stray control bytes are too.
    assert not looks_binary(b"col\tcol\r\n\x0c\x1b[1mbold\x1b[0m\n" * 50)
    assert not looks_binary(b"\x01" + b"a" * 99)
    assert looks_binary((b"\x01\x02" + b"a" * 18) * 10)


def test_a_transport_charset_comes_after_the_page_declaration_and_reads_as_browsers_read_it():
    quotes = "<p>He said \u201cno\u201d \u2014 caf\u00e9</p>".encode("cp1252")
    assert decode_bytes(quotes, "iso-8859-1") == ("<p>He said \u201cno\u201d \u2014 caf\u00e9</p>", [])
    lying = '<meta charset="utf-8"><p>Кремль не подтвердил</p>'.encode("cp1251")
    text, warnings = decode_bytes(lying, "windows-1251")
    assert "Кремль не подтвердил" in text and warnings == ["declared encoding utf-8 does not fit the bytes"]


def test_utf8_with_a_stray_byte_stays_utf8_instead_of_being_guessed_as_a_legacy_encoding():
    page = ("<p>" + "Die Gewerkschaft in Zürich erklärte am Freitag, der Streik sei beendet, nachdem die Arbeiter "
            "ein Lohnangebot angenommen hätten. " * 3 + "</p>").encode()
    text, warnings = decode_bytes(page.replace(b"Freitag", b"Frei\xfftag", 1))
    assert "Zürich erklärte am Frei\ufffdtag" in text
    assert warnings == ["invalid UTF-8 replaced (1 byte sequence)"]
    legacy = "<p>Le café de la gare a fermé ses portes, a déclaré le maire à la presse.</p>".encode("cp1252")
    text, warnings = decode_bytes(legacy)
    assert "café de la gare a fermé" in text and warnings[0].startswith("encoding guessed")
