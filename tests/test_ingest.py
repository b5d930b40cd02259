"""Ingest end to end, as a user runs it: mixed inputs in, the store, idempotency, versions, kills."""

from __future__ import annotations

import json
import random
import signal
import sqlite3
import subprocess
import sys
import time

from wiretrace.cli import main
from wiretrace.commands.common import SAMPLES
from wiretrace.ingest import canonical_url
from wiretrace.sources.inputs import expand_inputs, input_kind
from wiretrace.sources import InputError
from wiretrace.store import Store

from tests.sources.test_feeds import RSS
from tests.sources.test_warc import CRAWL, write_warc

SUBJECTS = ["The port authority", "Dock workers", "The finance ministry", "Union leaders", "The harbour master",
            "Shipping lines", "City officials", "The central bank", "Fishermen", "The ferry operator"]
VERBS = ["said on Monday that", "warned that", "confirmed that", "denied reports that", "announced that"]
OBJECTS = ["container traffic would rise by {n}% next year", "talks would resume within {n} days",
           "{n} ships were waiting at anchor", "the budget would grow by {n} million euros",
           "repairs to pier {n} would finish in spring", "fares would rise by {n} cents"]


def sentence(rng: random.Random) -> str:
    return f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS).format(n=rng.randint(2, 99))}."


def text_dump(rng: random.Random, n: int) -> str:
    body = "\n\n".join(" ".join(sentence(rng) for _ in range(4)) for _ in range(4))
    return (f"Home | World | Business | Sport\nHarbour Post\n\nHarbour story number {n} about the port\n\n"
            f"By Anna Visser\nPublished: Mar {1 + n % 28} 2026 | 8:03 PM IST\n\n{body}\n\n"
            "Subscribe to our newsletter\nCopyright 2026 Harbour Post. All rights reserved.\n")


def jsonl_line(rng: random.Random, n: int) -> str:
    return json.dumps({"id": f"line-{n}", "url": f"https://baytimes.example/story/{n}",
                       "title": f"Bay story {n}: {sentence(rng)[:-1]}", "published": "2026-03-19T09:30:00+01:00",
                       "outlet": "Bay Times", "text": "\n\n".join(" ".join(sentence(rng) for _ in range(3))
                                                                  for _ in range(3))})


#: The pages of the bundled sample corpus, which every corpus here includes.
SAMPLE_PAGES = sum(1 for _ in SAMPLES.iterdir())


def make_corpus(tmp_path, dumps: int = 88, lines: int = 200, seed: int = 7):
    rng = random.Random(seed)
    site = tmp_path / "dumps"
    site.mkdir()
    for n in range(dumps):
        (site / f"story-{n:04d}.txt").write_text(text_dump(rng, n), encoding="utf-8")
    (tmp_path / "lines.jsonl").write_text("".join(jsonl_line(rng, n) + "\n" for n in range(lines)), encoding="utf-8")
    return [str(site), str(tmp_path / "lines.jsonl"), str(SAMPLES)]


def ingest(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["ingest", *args, "--no-progress"])
    out, err = capsys.readouterr()
    return code, out, err


def rows(db) -> list[sqlite3.Row]:
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    try:
        return conn.execute("SELECT * FROM articles ORDER BY id").fetchall()
    finally:
        conn.close()


# --- behaviour --------------------------------------------------------------------------------------------

def test_same_pages_twice_are_stored_once(tmp_path, capsys):
    inputs = make_corpus(tmp_path, dumps=10, lines=10)
    pages = 10 + 10 + SAMPLE_PAGES
    db = str(tmp_path / "c.db")
    code, out, err = ingest(capsys, *inputs, "--db", db)
    assert code == 0, err
    assert f"{pages} new, 0 new versions, 0 unchanged, 0 errors" in out
    code, out, _ = ingest(capsys, *inputs, "--db", db)
    assert code == 0 and f"0 new, 0 new versions, {pages} unchanged, 0 errors" in out
    stored = rows(db)
    assert len(stored) == pages and len({r["key"] for r in stored}) == pages


def test_a_store_inside_the_folder_it_ingests_is_not_read_as_pages(tmp_path, capsys):
    inputs = make_corpus(tmp_path, dumps=6, lines=2)
    db = str(tmp_path / "dumps" / "corpus.db")  # in the folder of dumps: its -wal and -shm files too
    for run in range(2):
        code, out, err = ingest(capsys, inputs[0], "--db", db)
        assert code == 0 and err == "", err
        assert (f"{6 - 6 * run} new, 0 new versions, {6 * run} unchanged, 0 errors") in out
    # Named as an input, it is one: an error, as any file that is no page.
    code, out, err = ingest(capsys, db, "--db", db)
    assert code == 1 and "corpus.db: binary data, not a text or HTML page" in err


def test_changed_page_is_a_new_version_and_the_old_one_is_kept(tmp_path, capsys):
    make_corpus(tmp_path, dumps=6, lines=3)
    db = str(tmp_path / "c.db")
    assert ingest(capsys, str(tmp_path / "dumps"), str(tmp_path / "lines.jsonl"), "--db", db)[0] == 0
    dump = tmp_path / "dumps" / "story-0002.txt"
    dump.write_text(dump.read_text(encoding="utf-8").replace("Harbour story number 2", "Harbour story two, updated"),
                    encoding="utf-8")
    lines = (tmp_path / "lines.jsonl").read_text(encoding="utf-8").splitlines()
    lines[1] = lines[1].replace("Bay story 1:", "Bay story 1 (corrected):")
    (tmp_path / "lines.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, out, _ = ingest(capsys, str(tmp_path / "dumps"), str(tmp_path / "lines.jsonl"), "--db", db)
    assert code == 0 and "0 new, 2 new versions, 7 unchanged" in out
    with Store(db) as store:
        current = {r["id"]: r for r in store.iter_records()}
        every = list(store.iter_records(all_versions=True))
    assert len(current) == 9 and len(every) == 11
    assert current["line-1"]["headline"].startswith("Bay story 1 (corrected):") and current["line-1"]["version"] == 2
    old = [r for r in every if r["id"] == "line-1" and r["version"] == 1]
    assert old and not old[0]["is_current"] and old[0]["headline"].startswith("Bay story 1:")
    assert "Harbour story two, updated about the port" in {r["headline"] for r in current.values()}


def test_page_back_to_earlier_content_is_a_new_current_version(tmp_path, capsys):
    dump = tmp_path / "strike.txt"
    original = text_dump(random.Random(11), 4)
    db = str(tmp_path / "c.db")
    edited = original.replace("Harbour story number 4", "Harbour story number 4, corrected")
    for text, summary in ((original, "1 new, 0 new versions, 0 unchanged"),
                          (edited, "0 new, 1 new versions, 0 unchanged"),
                          (original, "0 new, 1 new versions, 0 unchanged"),  # the correction undone
                          (original, "0 new, 0 new versions, 1 unchanged")):
        dump.write_text(text, encoding="utf-8")
        code, out, err = ingest(capsys, str(dump), "--db", db)
        assert code == 0 and summary in out, out + err
    with Store(db) as store:
        (current,) = list(store.iter_records())
        every = list(store.iter_records(all_versions=True))
        hits = store.search("corrected")
    assert current["version"] == 3 and current["headline"] == "Harbour story number 4 about the port"
    assert [r["headline"].endswith("corrected about the port") for r in every] == [False, True, False]
    assert hits == []  # the corrected headline is history now, not current


def test_older_and_newer_captures_read_again_add_no_version(tmp_path, capsys):
    def line(headline: str) -> str:
        return json.dumps({"url": "https://baytimes.example/story/ferry", "title": headline,
                           "text": "The ferry operator raised fares on Monday.\n\nCommuters complained."}) + "\n"

    (tmp_path / "march.jsonl").write_text(line("Ferry fares rise"), encoding="utf-8")
    (tmp_path / "april.jsonl").write_text(line("Ferry fares rise again"), encoding="utf-8")
    (tmp_path / "both.jsonl").write_text(line("Ferry fares rise") + line("Ferry fares rise again"), encoding="utf-8")
    db = str(tmp_path / "c.db")
    snapshots = [str(tmp_path / "march.jsonl"), str(tmp_path / "april.jsonl")]
    assert "1 new, 1 new versions, 0 unchanged" in ingest(capsys, *snapshots, "--db", db)[1]
    # A re-run (say, after a kill) over both snapshots, and an input holding both captures.
    assert "0 new, 0 new versions, 2 unchanged" in ingest(capsys, *snapshots, "--db", db)[1]
    assert "0 new, 0 new versions, 2 unchanged" in ingest(capsys, str(tmp_path / "both.jsonl"), "--db", db)[1]
    assert [(r["version"], r["is_current"]) for r in rows(db)] == [(1, 0), (2, 1)]
    # The older snapshot on its own is the page going back: its content is current again.
    assert "0 new, 1 new versions, 0 unchanged" in ingest(capsys, snapshots[0], "--db", db)[1]
    assert [(r["version"], r["is_current"], r["headline"]) for r in rows(db)][-1] == (3, 1, "Ferry fares rise")


def test_jsonl_lines_without_id_or_url_keep_their_records_when_a_line_is_inserted(tmp_path, capsys):
    strike = json.dumps({"title": "Port workers end strike", "text": "Dock workers ended a strike on Friday."})
    fares = json.dumps({"title": "Ferry fares rise", "text": "The ferry operator raised fares by 5 cents."})
    council = json.dumps({"title": "Council meets", "text": "The city council approved the budget."})
    lines, db = tmp_path / "pages.jsonl", str(tmp_path / "c.db")
    lines.write_text(f"{strike}\n{fares}\n", encoding="utf-8")
    assert "2 new, 0 new versions, 0 unchanged" in ingest(capsys, str(lines), "--db", db)[1]
    lines.write_text(f"{council}\n{strike}\n{fares}\n", encoding="utf-8")
    assert "1 new, 0 new versions, 2 unchanged" in ingest(capsys, str(lines), "--db", db)[1]
    assert [(r["headline"], r["version"]) for r in rows(db)] == [
        ("Port workers end strike", 1), ("Ferry fares rise", 1), ("Council meets", 1)]


def test_mixed_sources_bad_records_named_and_the_rest_ingested(tmp_path, capsys):
    write_warc(tmp_path / "crawl.warc.gz", CRAWL + [
        ("response", "https://harbourpost.example/full-story", "200 OK", "text/html",
         (SAMPLES / "06_harbourpost_marvosa-denies-gas-cap.html").read_bytes())])
    truncated = tmp_path / "cut.warc.gz"
    write_warc(truncated, CRAWL)
    truncated.write_bytes(truncated.read_bytes()[:-150])
    (tmp_path / "hp.rss").write_text(RSS, encoding="utf-8")
    (tmp_path / "broken.rss").write_text(RSS.replace("</item>\n<item>", "</itme>\n<item>", 1), encoding="utf-8")
    (tmp_path / "pages.jsonl").write_text('{"id": "ok", "text": "A clean paragraph of text about the harbour."}\n'
                                          '{"id": "bad", "text": \n', encoding="utf-8")
    db = str(tmp_path / "c.db")
    code, out, err = ingest(capsys, str(tmp_path / "hp.rss"), str(tmp_path / "*.warc.gz"), str(tmp_path / "broken.rss"),
                            str(tmp_path / "pages.jsonl"), str(tmp_path / "missing.html"), "--db", db)
    assert code == 1
    errors = err.splitlines()
    assert all(line.startswith("wiretrace: error: ") for line in errors)
    assert any(f"{tmp_path}/pages.jsonl:2: invalid JSON" in line for line in errors)
    assert any(f"{truncated}@" in line and "truncated" in line for line in errors)
    assert any(f"{tmp_path}/broken.rss:" in line and "broken feed XML" in line for line in errors)
    assert any("missing.html: no such file" in line for line in errors)
    # The link-only feed item matched the archived page of this same run: no error for hp.rss#3.
    assert not any("hp.rss#3" in line for line in errors)
    assert "1 feed items matched to pages" in out
    with Store(db) as store:
        records = list(store.iter_records())
        assert store.integrity_check() == []
    ids = {r["id"] for r in records}
    assert {"ok", "hp-1001", "https://harbourpost.example/comet"} <= ids
    warc = [r for r in records if r["origin"]["offset"] is not None]
    assert {r["url"] for r in warc} >= {"https://harbourpost.example/1", "https://harbourpost.example/2"}
    assert all(r["source"] == f"{r['origin']['file']}@{r['origin']['offset']}" for r in warc)


def test_files_whose_names_are_no_utf8_are_stored_under_escaped_names(tmp_path, capsys):
    import os

    crawl = tmp_path / os.fsdecode(b"r\xe9colte")  # a Latin-1 folder and file names from an old server
    crawl.mkdir()
    (crawl / os.fsdecode(b"march-\xe9t\xe9.html")).write_bytes((SAMPLES / "06_harbourpost_marvosa-denies-gas-cap.html").read_bytes())
    write_warc(crawl / os.fsdecode(b"crawl-\xe9.warc.gz"), CRAWL[:1])
    db = str(tmp_path / "c.db")
    code, out, err = ingest(capsys, str(crawl), "--db", db)
    assert code == 0, err
    assert "2 new" in out
    with Store(db) as store:
        files = sorted(r["origin"]["file"] for r in store.iter_records())
    assert files == [f"{tmp_path}/r\\xe9colte/crawl-\\xe9.warc.gz", f"{tmp_path}/r\\xe9colte/march-\\xe9t\\xe9.html"]


def test_feed_item_without_content_and_no_matching_page_is_an_error(tmp_path, capsys):
    (tmp_path / "hp.rss").write_text(RSS, encoding="utf-8")
    code, _, err = ingest(capsys, str(tmp_path / "hp.rss"), "--db", str(tmp_path / "c.db"))
    assert code == 1 and "hp.rss#3: item has no content" in err


def test_bad_input_leaves_stored_data_untouched(tmp_path, capsys):
    make_corpus(tmp_path, dumps=5, lines=5)
    db = str(tmp_path / "c.db")
    ingest(capsys, str(tmp_path / "lines.jsonl"), "--db", db)
    before = [tuple(r) for r in rows(db)]
    (tmp_path / "junk.warc").write_bytes(b"\x00\x01garbage" * 100)
    (tmp_path / "junk.jsonl").write_text("{{{\n[1,2]\n", encoding="utf-8")
    code, _, err = ingest(capsys, str(tmp_path / "junk.warc"), str(tmp_path / "junk.jsonl"), "--db", db)
    assert code == 1 and "junk.warc" in err and "junk.jsonl:1" in err and "junk.jsonl:2" in err
    assert [tuple(r) for r in rows(db)] == before
    assert main(["ingest", str(tmp_path / "lines.jsonl"), "--db", str(tmp_path / "junk.warc")]) == 1
    assert "not a usable wiretrace database" in capsys.readouterr().err


def test_stdin_pages_are_told_apart_by_content(tmp_path, capsys, monkeypatch):
    import io

    db = str(tmp_path / "c.db")
    rng = random.Random(3)
    first, second = text_dump(rng, 1), text_dump(rng, 2)
    for text, summary in ((first, "1 new"), (second, "1 new"), (first, "1 unchanged")):
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode())))
        code, out, _ = ingest(capsys, "-", "--db", db)
        assert code == 0 and summary in out
    assert len(rows(db)) == 2


def test_search_command_finds_a_headline_word(tmp_path, capsys):
    db = str(tmp_path / "c.db")
    code, _, err = ingest(capsys, str(SAMPLES), "--db", db)
    assert code == 0, err
    assert main(["search", "comet", "--db", db, "--json"]) == 0
    hits = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert hits and "**" in hits[0]["headline_marked"] and "comet" in hits[0]["headline"].lower()
    assert main(["search", "Marvosa gas", "--db", db, "--limit", "2"]) == 0
    out = capsys.readouterr().out
    assert "Marvosa" in out and "2 matches" in out
    assert main(["search", "zyzzyva", "--db", db]) == 0 and "no matches" in capsys.readouterr().out
    assert main(["search", "x", "--db", str(tmp_path / "none.db")]) == 1


def test_input_expansion_and_kinds(tmp_path):
    (tmp_path / "a.txt").write_text("text", encoding="utf-8")
    (tmp_path / "feed.xml").write_text('<?xml version="1.0"?><rss version="2.0"><channel></channel></rss>')
    (tmp_path / "lines.dat").write_text('{"text": "hello"}\n')
    write_warc(tmp_path / "crawl.bin", CRAWL[:1])
    found = list(expand_inputs([str(tmp_path / "*.txt"), str(tmp_path / "nope-*.html")]))
    assert found[0] == (str(tmp_path / "a.txt"), True)
    assert isinstance(found[1], InputError) and "no files match" in found[1].reason
    assert input_kind(str(tmp_path / "feed.xml")) == "feed"
    assert input_kind(str(tmp_path / "lines.dat")) == "jsonl"
    assert input_kind(str(tmp_path / "crawl.bin")) == "warc"
    assert input_kind(str(tmp_path / "a.txt")) == "page"
    assert canonical_url(" HTTPS://Example.COM/a?b=1#frag ") == "https://example.com/a?b=1"


# --- reliability: kill -9 at any moment ---------------------------------------------------------------------

def expected_hashes(inputs) -> dict[str, str]:
    """What each input page's (key, content hash) must be, computed by the readers themselves."""
    from wiretrace.ingest import content_hash, page_key
    from wiretrace.sources.inputs import read_input

    expected = {}
    for path, _ in expand_inputs(inputs):
        for page in read_input(path):
            expected[page_key(page)] = content_hash(page)
    return expected


def stored_count(db) -> int:
    try:
        conn = sqlite3.connect(db, timeout=5)
        try:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.OperationalError:  # not created yet (killed before its first migration committed)
        return 0


def check_store(db, expected) -> int:
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "articles" not in tables:  # killed before the schema was committed: nothing to lose yet
            return 0
        conn.execute("INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)")
        found = conn.execute("SELECT key, content_hash, version, is_current, record, headline, body FROM articles").fetchall()
    finally:
        conn.close()
    keys = [r[0] for r in found]
    assert len(keys) == len(set(keys)), "duplicate records"
    for key, digest, version, current, record, headline, body in found:
        assert expected[key] == digest and version == 1 and current == 1
        data = json.loads(record)  # every committed record is whole
        assert data["headline"] == headline and data["input_kind"] in ("html", "text")
        assert body.strip() or data["is_article"] is False
    return len(found)


def test_kill_9_at_any_moment_loses_no_commit_and_a_rerun_completes(tmp_path):
    inputs = make_corpus(tmp_path)
    expected = expected_hashes(inputs)
    pages = len(expected)
    assert pages == 88 + 200 + SAMPLE_PAGES
    db = str(tmp_path / "c.db")
    command = [sys.executable, "-m", "wiretrace", "ingest", *inputs, "--db", db, "--no-progress", "--batch-size", "10"]
    rng = random.Random(5)
    stored, partial = 0, []
    # A kill at a fixed time (start-up, schema creation), then kills that wait for a run to
    # commit something new and strike a random moment later (mid-batch, mid-commit). Ingest is
    # fast enough to finish all the pages within a second, so only the first kill is timed.
    for delay in (0.3, None, None, None, None, None):
        proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if delay is not None:
            time.sleep(delay)
        else:
            deadline = time.monotonic() + 20
            while proc.poll() is None and stored_count(db) <= stored and time.monotonic() < deadline:
                time.sleep(0.02)
            time.sleep(rng.uniform(0.0, 0.01))
        killed = proc.poll() is None
        if killed:
            proc.send_signal(signal.SIGKILL)
        proc.wait()
        if (tmp_path / "c.db").exists():
            now_stored = check_store(db, expected)
            assert now_stored >= stored  # nothing committed is ever lost
            stored = now_stored
            if killed and 0 < stored < pages:
                partial.append(stored)
    assert partial, "no kill landed mid-ingest"
    result = subprocess.run(command, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert check_store(db, expected) == pages
    result = subprocess.run(command, capture_output=True, text=True)
    assert f"0 new, 0 new versions, {pages} unchanged, 0 errors" in result.stdout
