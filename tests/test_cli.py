"""The CLI driven as a user drives it: real files in, JSON on stdout, errors on stderr, exit codes."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys

import pytest

from wiretrace.cli import main

ARTICLE = """<!doctype html><html lang="en"><head><title>Port workers end strike - Harbour Post</title>
<meta property="og:site_name" content="Harbour Post"></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Port workers end strike after pay deal</h1>
<p>ROTTERDAM (Reuters) - Dock workers at Europe's largest port ended a three-day strike on Friday
after unions accepted a pay offer, the port authority said.</p>
<p>The walkout had left dozens of container ships waiting at anchor off the coast, and shipping
lines warned of delays to deliveries across northern Europe.</p>
<p>"We are relieved that work can resume," a spokeswoman for the port authority said, adding that
it would take several days to clear the backlog.</p>
</article><footer>© 2026 Harbour Post</footer></body></html>"""


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_extract_one_html_file_to_jsonl(tmp_path, capsys):
    page = tmp_path / "strike.html"
    page.write_text(ARTICLE, encoding="utf-8")
    code, out, err = run(capsys, "extract", str(page), "--no-progress")
    assert code == 0, err
    (line,) = out.splitlines()
    record = json.loads(line)
    assert record["source"] == str(page)
    assert record["input_kind"] == "html"
    assert record["headline"] == "Port workers end strike after pay deal"
    assert record["wire"] == "Reuters" and record["syndicated"] is True
    assert record["body"][0].startswith("ROTTERDAM (Reuters) - Dock workers")
    assert len(record["body"]) == 3


def test_non_ascii_is_written_as_is(tmp_path, capsys):
    page = tmp_path / "ru.txt"
    page.write_text("Кремль не подтвердил сообщение газеты о встрече президента с бизнесменами во вторник.\n",
                    encoding="utf-8")
    code, out, _ = run(capsys, "extract", str(page), "--no-progress")
    assert code == 0
    assert "Кремль" in out and "\\u" not in out


@pytest.mark.parametrize("fmt", ["jsonl", "json", "text", "ninjs"])
def test_every_format_parses(tmp_path, capsys, fmt):
    for name in ("a.html", "b.html"):
        (tmp_path / name).write_text(ARTICLE, encoding="utf-8")
    code, out, err = run(capsys, "extract", str(tmp_path), "--format", fmt, "--no-progress")
    assert code == 0, err
    if fmt == "json":
        assert len(json.loads(out)) == 2
    elif fmt == "text":
        assert out.count("Port workers end strike after pay deal") == 2
    else:
        items = [json.loads(line) for line in out.splitlines()]
        assert len(items) == 2
        if fmt == "ninjs":
            item = items[0]
            assert item["type"] == "text" and item["uri"]
            assert item["headlines"][0]["value"] == "Port workers end strike after pay deal"
            assert item["bodies"][0]["value"].startswith("ROTTERDAM (Reuters)")
            assert {"name": "Reuters", "role": "originating agency"} in item["infosources"]


def _bad_inputs(tmp_path):
    """The hostile inputs the extraction issue lists, plus a good page the batch must still reach."""
    files = {}
    files["empty.html"] = b""
    files["garbage.bin"] = bytes(range(256)) * 64
    files["invalid-utf8.txt"] = ("The council approved the harbour budget on Monday after a long debate "
                                 "about costs and delays.\n").encode() + b"\xff\xfe\x80 trailing"
    files["cp1251.html"] = ('<html><head><meta charset="windows-1251"><title>Новости</title></head><body><article>'
                            + "<p>Правительство заявило во вторник, что переговоры о бюджете продолжатся на следующей неделе.</p>" * 4
                            + "</article></body></html>").encode("cp1251")
    files["sjis.html"] = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">'
                          "<title>ニュース</title></head><body><article>"
                          + "<p>政府は火曜日、予算に関する協議を来週も続けると発表した。関係者によると、合意は近いという。</p>" * 4
                          + "</article></body></html>").encode("shift_jis")
    files["deep.html"] = ("<html><body>" + "<div>" * 10000 + "<p>Deeply nested words of a paragraph.</p>"
                          + "</div>" * 10000 + "</body></html>").encode()
    files["404.html"] = (b"<html><head><title>404 - Page not found | Harbour Post</title></head><body><nav>"
                         b"<a href='/'>Home</a></nav><h1>Page not found</h1><p>Sorry, the page you are looking "
                         b"for does not exist.</p></body></html>")
    files["home.html"] = ("<html><head><title>Harbour Post - News</title><meta property='og:type' content='website'>"
                          "</head><body><nav><a href='/'>Home</a><a href='/world'>World</a></nav>"
                          + "".join(f"<div class='card'><h2><a href='/s{i}'>Headline number {i} about the port</a></h2></div>"
                                    for i in range(30))
                          + "</body></html>").encode()
    files["good.html.gz"] = gzip.compress(ARTICLE.encode())
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    return files


def test_bad_inputs_give_records_or_named_errors_and_the_batch_continues(tmp_path, capsys):
    _bad_inputs(tmp_path)
    code, out, err = run(capsys, "extract", str(tmp_path), "--no-progress", "--no-template")
    records = {json.loads(line)["source"].rsplit("/", 1)[1]: json.loads(line) for line in out.splitlines()}
    errors = [line for line in err.splitlines() if line]
    # Every input is accounted for exactly once, as a record or as one stderr line naming it.
    named = {line.split(": ")[2].rsplit("/", 1)[1] for line in errors}
    assert set(records) | named == {p.name for p in tmp_path.iterdir()}
    assert not set(records) & named
    assert {"empty.html", "garbage.bin"} <= named
    assert all(line.startswith("wiretrace: error: ") for line in errors)
    assert code == 1  # some inputs gave no record
    assert records["good.html.gz"]["headline"] == "Port workers end strike after pay deal"
    assert "Правительство заявило" in " ".join(records["cp1251.html"]["body"])
    assert "政府は火曜日" in " ".join(records["sjis.html"]["body"])
    assert records["404.html"]["is_article"] is False
    assert records["home.html"]["is_article"] is False
    assert records["invalid-utf8.txt"]["warnings"]


def test_exit_code_is_zero_only_when_every_input_gave_a_record(tmp_path, capsys):
    good = tmp_path / "good.html"
    good.write_text(ARTICLE, encoding="utf-8")
    assert run(capsys, "extract", str(good), "--no-progress")[0] == 0
    code, _, err = run(capsys, "extract", str(good), str(tmp_path / "missing.html"), "--no-progress")
    assert code == 1 and "missing.html: no such file" in err


def test_usage_error_exit_code(capsys):
    assert main(["extract"]) == 2
    assert main(["nonsense"]) == 2


def test_stdin_and_module_entry_point(tmp_path):
    result = subprocess.run([sys.executable, "-m", "wiretrace", "extract", "-", "--url", "https://harbourpost.example/strike"],
                            input=ARTICLE.encode(), capture_output=True, check=False)
    assert result.returncode == 0, result.stderr.decode()
    record = json.loads(result.stdout)
    assert record["source"] == "-" and record["url"] == "https://harbourpost.example/strike"


def test_huge_page_gives_a_record_with_a_warning(tmp_path, capsys):
    paragraph = "<p>" + "The committee met again on Tuesday to discuss the harbour budget. " * 8 + "</p>\n"
    page = tmp_path / "huge.html"
    page.write_text("<html><head><title>Budget talks</title></head><body><article>"
                    + paragraph * (50_000_000 // len(paragraph)) + "</article></body></html>")
    code, out, err = run(capsys, "extract", str(page), "--no-progress")
    assert code == 0, err
    record = json.loads(out)
    assert record["body"] and any("cut" in w for w in record["warnings"])
