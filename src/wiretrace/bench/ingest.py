"""Ingest benchmark: one ``wiretrace ingest`` call over a synthetic crawl of N pages.

    python -m wiretrace.bench ingest [--pages 10000,100000] [--rerun] [--limit-mib 500]

For each N, writes a synthetic crawl to a temporary directory (mostly plain-text page dumps
from several sites and JSONL lines, plus small HTML pages, a gzipped WARC and an RSS feed, all
from templates with varied sentences), ingests it in a child process into a fresh store, and
reports pages/s and the child's peak RSS. Peak RSS must stay under the limit and must not grow
with N: the run streams. ``--rerun`` also times a second ingest of the same crawl (all pages
unchanged: the resume path).
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

OUTLETS = [("Harbour Post", "harbourpost"), ("Bay Times", "baytimes"), ("Capital Ledger", "capitalledger"),
           ("Daily Meridian", "dailymeridian"), ("Northgate Times", "northgatetimes"), ("Arthik Times", "arthiktimes"),
           ("Westbrook Courier", "westbrookcourier"), ("Indus Herald", "indusherald")]
WIRES = ["Reuters", "AFP", "AP", "PTI", None, None, None]
CITIES = ["ROTTERDAM", "LISVAR", "HALVIK", "NEW DELHI", "GENEVA", "NAIROBI", "SANTIAGO", "OSLO"]
PEOPLE = ["Elena Dravik", "Tomas Erel", "Anna Visser", "Rahul Menon", "Grace Otieno", "Luis Herrera", "Ingrid Dahl"]
SUBJECTS = ["The port authority", "Dock workers", "The finance ministry", "Union leaders", "The harbour master",
            "Shipping lines", "City officials", "The central bank", "Fishermen", "The ferry operator",
            "{person}", "A spokesperson for {person}", "Analysts at the bank", "The energy regulator"]
VERBS = ["said on {day} that", "warned that", "confirmed that", "denied reports that", "announced that",
         "told reporters that", "said in a statement that", "expects that"]
OBJECTS = ["container traffic would rise by {n}% next year", "talks would resume within {n} days",
           "{n} ships were waiting at anchor", "the budget would grow by {n} million euros",
           "repairs to pier {n} would finish in spring", "fares would rise by {n} cents",
           "gas exports could be capped at {n}% of output", "{n} jobs were at risk at the shipyard",
           "the new terminal would open in {n} weeks", "inflation had slowed to {n} percent"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
TOPICS = ["port strike", "gas export cap", "ferry fares", "budget talks", "shipyard jobs", "new terminal",
          "interest rates", "harbour repairs", "energy prices", "fishing quotas"]


def _sentence(rng: random.Random) -> str:
    text = f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)}."
    return text.format(person=rng.choice(PEOPLE), day=rng.choice(DAYS), n=rng.randint(2, 99))


def _story(rng: random.Random, n: int) -> dict:
    outlet, host = OUTLETS[n % len(OUTLETS)]
    wire = rng.choice(WIRES)
    paragraphs = [" ".join(_sentence(rng) for _ in range(rng.randint(2, 4))) for _ in range(rng.randint(3, 7))]
    if wire:
        paragraphs[0] = f"{rng.choice(CITIES)} ({wire}) - {paragraphs[0]}"
    topic = rng.choice(TOPICS)
    headline = f"{rng.choice(PEOPLE).split()[1]} {rng.choice(['on', 'and', 'after', 'amid'])} {topic}: story {n}"
    day = 1 + n % 28
    return {"n": n, "outlet": outlet, "host": host, "wire": wire, "headline": headline, "body": paragraphs,
            "url": f"https://www.{host}.example/news/{topic.replace(' ', '-')}-{n}",
            "published": f"2026-03-{day:02d}T{8 + n % 12:02d}:{n % 60:02d}:00+01:00",
            "stamp": f"Mar {day} 2026 | {1 + n % 12}:{n % 60:02d} PM IST", "author": rng.choice(PEOPLE)}


def _text_dump(story: dict) -> str:
    return (f"Home | World | Business | Markets | Sport | {story['outlet']}\n\nSubscribe  Sign in\n\n"
            f"{story['headline']}\n\nBy {story['author']}\n{story['stamp']}\n\n"
            + "\n\n".join(story["body"])
            + f"\n\nAlso Read: More on the {TOPICS[story['n'] % len(TOPICS)]}\n\nShare this article\n"
            f"Copyright 2026 {story['outlet']}. All rights reserved.\n")


def _html(story: dict) -> str:
    body = "".join(f"<p>{p}</p>" for p in story["body"])
    return (f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>{story['headline']} | "
            f"{story['outlet']}</title><meta property='og:site_name' content='{story['outlet']}'>"
            f"<meta property='article:published_time' content='{story['published']}'>"
            f"<link rel='canonical' href='{story['url']}'></head><body><nav><a href='/'>Home</a> "
            f"<a href='/world'>World</a> <a href='/business'>Business</a></nav><article><h1>{story['headline']}</h1>"
            f"<div class='byline'>By {story['author']}</div>{body}</article><aside><h3>Most read</h3><ul>"
            + "".join(f"<li><a href='/s/{i}'>Another story about the {t}</a></li>" for i, t in enumerate(TOPICS[:4]))
            + f"</ul></aside><footer>© 2026 {story['outlet']}</footer></body></html>")


def generate(root: Path, pages: int, seed: int = 1) -> dict[str, int]:
    """Write a synthetic crawl of ``pages`` pages under ``root``; returns the count per input kind."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    rng = random.Random(seed)
    html_pages = warc_pages = max(1, pages // 100)
    feed_items = min(50, max(1, pages // 200))
    jsonl_lines = pages // 2
    dumps = pages - html_pages - warc_pages - feed_items - jsonl_lines
    n = 0
    for _, host in OUTLETS:
        (root / "dumps" / host).mkdir(parents=True)
        (root / "html" / host).mkdir(parents=True)
    for _ in range(dumps):
        story = _story(rng, n)
        (root / "dumps" / story["host"] / f"{n:07d}.txt").write_text(_text_dump(story), encoding="utf-8")
        n += 1
    for _ in range(html_pages):
        story = _story(rng, n)
        (root / "html" / story["host"] / f"{n:07d}.html").write_text(_html(story), encoding="utf-8")
        n += 1
    (root / "jsonl").mkdir()
    for part in range(0, jsonl_lines, 10_000):
        with open(root / "jsonl" / f"part-{part // 10_000:03d}.jsonl", "w", encoding="utf-8") as out:
            for _ in range(min(10_000, jsonl_lines - part)):
                story = _story(rng, n)
                out.write(json.dumps({"id": f"j{n}", "url": story["url"], "title": story["headline"],
                                      "published": story["published"], "outlet": story["outlet"],
                                      "text": "\n\n".join(story["body"])}, ensure_ascii=False) + "\n")
                n += 1
    with open(root / "crawl.warc.gz", "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for _ in range(warc_pages):
            story = _story(rng, n)
            payload = _html(story).encode()
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8"),
                                                  ("Content-Length", str(len(payload)))], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(story["url"], "response", payload=io.BytesIO(payload),
                                                          http_headers=headers))
            n += 1
    items = []
    for _ in range(feed_items):
        story = _story(rng, n)
        body = "".join(f"<p>{p}</p>" for p in story["body"])
        items.append(f"<item><title>{story['headline']}</title><link>{story['url']}</link><guid>f{n}</guid>"
                     f"<pubDate>Fri, 20 Mar 2026 08:03:00 GMT</pubDate><content:encoded><![CDATA[{body}]]>"
                     "</content:encoded></item>")
        n += 1
    (root / "feed.rss").write_text(
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Harbour Post</title>'
        + "".join(items) + "</channel></rss>", encoding="utf-8")
    return {"text dumps": dumps, "jsonl lines": jsonl_lines, "html files": html_pages, "warc records": warc_pages,
            "feed items": feed_items}


def _run(command: list[str]) -> tuple[int, float, float, str, str]:
    """Run ``command``; (exit code, seconds, peak RSS MiB of that child alone, stdout, stderr)."""
    start = time.perf_counter()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(command, stdout=out, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        elapsed = time.perf_counter() - start
        out.seek(0)
        err.seek(0)
        return (proc.returncode, elapsed, usage.ru_maxrss / 1024, out.read().decode(errors="replace"),
                err.read().decode(errors="replace"))


def bench(pages: int, rerun: bool, keep: Path | None) -> dict:
    root = Path(tempfile.mkdtemp(prefix=f"wiretrace-ingest-{pages}-", dir=keep))
    try:
        start = time.perf_counter()
        kinds = generate(root / "crawl", pages)
        generated = time.perf_counter() - start
        db = root / "bench.db"
        command = [sys.executable, "-m", "wiretrace", "ingest", str(root / "crawl"), "--db", str(db), "--no-progress"]
        code, seconds, rss, out, err = _run(command)
        result = {"pages": pages, "kinds": kinds, "generate_s": generated, "exit": code, "seconds": seconds,
                  "pages_per_s": pages / seconds, "peak_rss_mib": rss, "summary": out.strip(),
                  "errors": err.count("wiretrace: error:"), "db_mib": sum(p.stat().st_size for p in root.glob("bench.db*")) / 2**20}
        if err.strip():
            result["stderr_tail"] = err.strip().splitlines()[-3:]
        if rerun:
            code2, seconds2, rss2, out2, _ = _run(command)
            result.update(rerun_seconds=seconds2, rerun_pages_per_s=pages / seconds2, rerun_peak_rss_mib=rss2,
                          rerun_summary=out2.strip())
        return result
    finally:
        if keep is None:
            shutil.rmtree(root, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m wiretrace.bench ingest", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", default="10000,100000",
                        help="comma-separated crawl sizes (default 10000,100000)")
    parser.add_argument("--rerun", action="store_true", help="also time a second, all-unchanged ingest")
    parser.add_argument("--limit-mib", type=float, default=500.0, help="report FAIL above this peak RSS")
    parser.add_argument("--keep", type=Path, help="generate under this directory and keep the crawl and store")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in re.split(r"[,\s]+", args.pages.strip()) if s]
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
    results = []
    for pages in sizes:
        result = bench(pages, args.rerun, args.keep)
        results.append(result)
        verdict = "ok" if result["peak_rss_mib"] <= args.limit_mib else "FAIL"
        mix = ", ".join(f"{v} {k}" for k, v in result["kinds"].items())
        print(f"pages {pages} ({mix})\n  ingest {result['seconds']:.1f}s  pages/s {result['pages_per_s']:.0f} "
              f"(process start included)  peak RSS {result['peak_rss_mib']:.0f} MiB (limit {args.limit_mib:.0f}: "
              f"{verdict})  store {result['db_mib']:.0f} MiB  errors {result['errors']}  exit {result['exit']}\n"
              f"  {result['summary']}", flush=True)
        if "stderr_tail" in result:
            print("  stderr: " + " | ".join(result["stderr_tail"]), flush=True)
        if args.rerun:
            print(f"  re-run (all unchanged) {result['rerun_seconds']:.1f}s  pages/s {result['rerun_pages_per_s']:.0f}  "
                  f"peak RSS {result['rerun_peak_rss_mib']:.0f} MiB", flush=True)
    if len(results) > 1:
        small, large = results[0], results[-1]
        growth = large["peak_rss_mib"] - small["peak_rss_mib"]
        print(f"peak RSS {small['pages']} -> {large['pages']} pages: {small['peak_rss_mib']:.0f} -> "
              f"{large['peak_rss_mib']:.0f} MiB ({growth:+.0f} MiB for {large['pages'] / small['pages']:.0f}x the pages)")
    if args.json:
        print(json.dumps(results, indent=2))
    ok = all(r["peak_rss_mib"] <= args.limit_mib and r["exit"] == 0 for r in results)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
