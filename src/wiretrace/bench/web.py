"""Web benchmark: ``wiretrace serve`` under load, on loopback.

    python -m wiretrace.bench web [--articles 100000] [--clients 32] [--seconds 20] [--workers 1] [--check]

Builds (or reuses) a store of N synthetic articles (direct SQL inserts: each article with a few
entities, attributions and claims, all indexed for full-text search), starts ``wiretrace serve``
on 127.0.0.1 in a child process, and for each endpoint runs ``--clients`` concurrent keep-alive
HTTP/1.1 connections (a small asyncio client, so the client's own overhead stays low) for
``--seconds`` after a short warm-up. Reports requests/s, p50/p95/p99 latency and errors. ``search`` draws from 200 reader-like
queries, so after warm-up the server's query-result cache answers most of them; ``search-cold``
draws from 50,000, so about four requests in five rank and make snippets afresh (no target: reported so the
cache's share is visible).
Targets: search page p95 <= 50 ms, article page p95 <= 30 ms; ``--check`` exits 1 when one is missed.
The load generator shares the machine's cores with the server: on a small machine it costs the
server CPU, and the figures are an upper bound of what a separate client would see.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from urllib.parse import quote

TARGETS_MS = {"search": 50.0, "article": 30.0}
OUTLETS = ["Harbour Post", "Bay Times", "Capital Ledger", "Daily Meridian", "Northgate Times", "Arthik Times",
           "Westbrook Courier", "Indus Herald", "Lisvar Daily", "Port Gazette"]
WIRES = ["Reuters", "AFP", "AP", "PTI", None, None]
STATUSES = ["asserted", "asserted", "asserted", "not_confirmed", "denied", "confirmed"]
SYLLABLES = ["ka", "lo", "mar", "vo", "sa", "dre", "vik", "tan", "el", "ro", "gas", "port", "min", "is", "ter",
             "ber", "ul", "na", "quo", "zen", "ha", "lik", "des", "sa", "ra", "pol", "ex", "cap", "fu", "wen"]


# --- the synthetic store -----------------------------------------------------------------------------------------

def vocabulary(rng: random.Random, size: int = 20000) -> list[str]:
    words: list[str] = []
    seen: set[str] = set()
    while len(words) < size:
        word = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))
        if word not in seen:
            seen.add(word)
            words.append(word)
    return words


def build_store(path: str, articles: int, words_per_article: int, seed: int = 7) -> float:
    """Write ``articles`` synthetic articles into a new store at ``path``; returns the seconds it took."""
    from wiretrace.store import Store

    start = time.perf_counter()
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(path + suffix):
            os.unlink(path + suffix)
    Store(path).close()  # the schema, by the store's own migrations
    rng = random.Random(seed)
    vocab = vocabulary(rng)
    weights = [1.0 / (rank + 10) for rank in range(len(vocab))]  # Zipf-like
    people = [" ".join(w.capitalize() for w in rng.sample(vocab[:3000], 2)) for _ in range(2000)]
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = OFF")  # claims go in before their article, so the FTS row is written once
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("PRAGMA journal_mode = WAL")
    batch = 2000
    for first in range(1, articles + 1, batch):
        arts, ents, atts, clms = [], [], [], []
        for doc in range(first, min(first + batch, articles + 1)):
            words = rng.choices(vocab, weights, k=words_per_article)
            person = rng.choice(people)
            per = max(1, words_per_article // 5)
            paragraphs = []
            for p in range(0, words_per_article, per):
                chunk = words[p:p + per]
                paragraphs.append(" ".join(chunk).capitalize() + f", {person} said.")
            body = "\n\n".join(paragraphs)
            headline = " ".join(rng.choices(vocab, weights, k=8)).capitalize()
            outlet, wire = rng.choice(OUTLETS), rng.choice(WIRES)
            published = f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}T{rng.randint(0, 23):02d}:" \
                        f"{rng.randint(0, 59):02d}:00{rng.choice(['+00:00', '-04:00', '+05:30', '+01:00'])}"
            first_para = paragraphs[0]
            said = first_para.rindex(person)
            source, cue = [said, said + len(person)], [said + len(person) + 1, said + len(person) + 5]
            content = [0, said - 2]
            claims_text = []
            for n in range(2):
                status = rng.choice(STATUSES)
                attribution = {"source": [source], "cue": [cue], "content": [content], "kind": "indirect",
                               "source_text": person, "source_entity": person, "source_type": "person",
                               "anonymous": n == 1, "basis": None, "status": status, "status_by": None,
                               "evidence": None}
                atts.append((doc, person, person, "indirect", status, json.dumps(attribution)))
                text = first_para[:content[1]][:200]
                claim = {"text": text, "span": [content], "reported_by": person, "source_type": "person",
                         "anonymous": n == 1, "basis": None, "carried_by": [x for x in (wire, outlet) if x],
                         "status": status, "status_by": None, "evidence": None, "attribution": n}
                clms.append((doc, text, status, person, json.dumps(claim)))
                claims_text.append(text)
            ents.append((doc, person, "PERSON", json.dumps({"name": person, "type": "PERSON",
                                                             "mentions": [source], "aliases": []})))
            ents.append((doc, outlet, "ORG", json.dumps({"name": outlet, "type": "ORG", "mentions": [],
                                                          "aliases": []})))
            record = {"source": f"synthetic/{doc}.txt", "input_kind": "text", "url": f"https://example.org/a/{doc}",
                      "language": "en", "headline": headline, "dek": None, "published": published, "updated": None,
                      "authors": [person], "publisher": outlet, "wire": wire, "syndicated": bool(wire),
                      "syndication_evidence": f"({wire})" if wire else None, "section": "News", "breadcrumb": [],
                      "tags": [], "images": [], "related": [], "reading_time_minutes": 2, "is_article": True,
                      "boilerplate": [{"text": "Share this article", "category": "share"}], "warnings": []}
            arts.append((doc, doc, f"url:https://example.org/a/{doc}", 1, f"synthetic/{doc}.txt",
                         f"https://example.org/a/{doc}", f"https://example.org/a/{doc}", f"h{doc}", "text", "en",
                         headline, body, published, outlet, wire, int(bool(wire)), json.dumps(record),
                         "2025-12-31T00:00:00+00:00", "\n".join(claims_text),
                         f"story-{doc // 5}" if doc % 3 else None))
        conn.execute("BEGIN")
        conn.executemany("INSERT INTO entities (article_id, name, type, data) VALUES (?, ?, ?, ?)", ents)
        conn.executemany("INSERT INTO attributions (article_id, source_text, source_entity, kind, status, data) "
                         "VALUES (?, ?, ?, ?, ?, ?)", atts)
        conn.executemany("INSERT INTO claims (article_id, text, status, reported_by, data) VALUES (?, ?, ?, ?, ?)",
                         clms)
        conn.executemany(
            "INSERT INTO articles (id, doc_id, key, version, source, url, canonical_url, content_hash, input_kind, "
            "language, headline, body, published, publisher, wire, syndicated, record, ingested_at, claims_text, "
            "story_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", arts)
        conn.execute("COMMIT")
        print(f"\r  built {min(first + batch - 1, articles)}/{articles} articles", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)
    conn.execute("INSERT INTO articles_fts (articles_fts) VALUES ('optimize')")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute("ANALYZE")
    conn.close()
    return time.perf_counter() - start


def store_size(path: str) -> int:
    try:
        conn = sqlite3.connect(path)
        try:
            return conn.execute("SELECT count(*) FROM articles WHERE is_current = 1").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def search_terms(path: str, rng: random.Random, count: int = 200, headlines: int = 400) -> list[str]:
    """Queries like a reader's: one or two words of middling frequency (from the store's own headlines)."""
    conn = sqlite3.connect(path)
    try:
        headlines = [r[0] for r in conn.execute("SELECT headline FROM articles ORDER BY random() LIMIT ?",
                                                (headlines,))]
    finally:
        conn.close()
    words = [w for h in headlines for w in h.lower().split()]
    terms = []
    for _ in range(count):
        terms.append(" ".join(rng.sample(words, rng.choice([1, 1, 2]))))
    return terms


# --- the load ----------------------------------------------------------------------------------------------------

async def _client(port: int, paths, deadline: float, warmup_until: float, latencies: list[float],
                  errors: dict[str, int]) -> None:
    reader = writer = None
    while time.perf_counter() < deadline:
        path = paths()
        try:
            if writer is None:
                reader, writer = await asyncio.open_connection("127.0.0.1", port)
            started = time.perf_counter()
            writer.write(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nAccept: */*\r\n\r\n".encode())
            head = await reader.readuntil(b"\r\n\r\n")
            status = int(head.split(b" ", 2)[1])
            length = None
            for line in head.split(b"\r\n")[1:]:
                name, _, value = line.partition(b":")
                if name.strip().lower() == b"content-length":
                    length = int(value.strip())
            if length is None:
                raise ValueError("no content-length")
            await reader.readexactly(length)
            elapsed = time.perf_counter() - started
            if started >= warmup_until:
                if status == 200:
                    latencies.append(elapsed)
                else:
                    errors[f"HTTP {status}"] = errors.get(f"HTTP {status}", 0) + 1
        except (OSError, asyncio.IncompleteReadError, asyncio.LimitOverrunError, ValueError) as err:
            errors[type(err).__name__] = errors.get(type(err).__name__, 0) + 1
            if writer is not None:
                writer.close()
            reader = writer = None
            await asyncio.sleep(0.01)
    if writer is not None:
        writer.close()


async def _load(port: int, paths, clients: int, seconds: float, warmup: float) -> tuple[list[float], dict, float]:
    latencies: list[float] = []
    errors: dict[str, int] = {}
    start = time.perf_counter()
    warmup_until = start + warmup
    deadline = warmup_until + seconds
    await asyncio.gather(*(_client(port, paths, deadline, warmup_until, latencies, errors) for _ in range(clients)))
    return latencies, errors, seconds


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q / 100 * len(ordered) + 0.5) - 1))]


def run_endpoint(port: int, name: str, paths, clients: int, seconds: float, warmup: float) -> dict:
    latencies, errors, duration = asyncio.run(_load(port, paths, clients, seconds, warmup))
    ms = [x * 1000 for x in latencies]
    return {"endpoint": name, "requests": len(ms), "rps": len(ms) / duration, "p50_ms": percentile(ms, 50),
            "p95_ms": percentile(ms, 95), "p99_ms": percentile(ms, 99),
            "mean_ms": statistics.fmean(ms) if ms else float("nan"), "errors": sum(errors.values()),
            "error_kinds": errors}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: str, port: int, workers: int) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "-m", "wiretrace", "serve", "--db", db, "--host", "127.0.0.1",
                             "--port", str(port), "--workers", str(workers)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            env={**os.environ, "WIRETRACE_TOKEN": ""})
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited: {proc.stderr.read().decode(errors='replace')[-2000:]}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1) as s:
                s.sendall(b"GET /api/articles?limit=1 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                if s.recv(32).startswith(b"HTTP/1.1 200"):
                    return proc
        except OSError:
            pass
        time.sleep(0.2)
    proc.kill()
    raise RuntimeError("server did not start in 60 s")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m wiretrace.bench web", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=100_000,
                        help="synthetic articles in the store (default 100000)")
    parser.add_argument("--words", type=int, default=250, help="words per synthetic article body (default 250)")
    parser.add_argument("--db", help="store to use: built there when it has fewer articles (default: a temp file, "
                                     "kept and reused)")
    parser.add_argument("--clients", type=int, default=32, help="concurrent connections (default 32)")
    parser.add_argument("--seconds", type=float, default=20.0, help="measured seconds per endpoint (default 20)")
    parser.add_argument("--warmup", type=float, default=3.0, help="unmeasured seconds first (default 3)")
    parser.add_argument("--workers", type=int, default=1, help="server worker processes (default 1)")
    parser.add_argument("--endpoints", default="search,search-cold,article",
                        help="comma-separated: search,search-cold,article,api-search,api-article,story,"
                             "claim (default search,search-cold,article)")
    parser.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    parser.add_argument("--json", action="store_true", help="also print the results as JSON")
    args = parser.parse_args(argv)

    db = args.db or os.path.join(tempfile.gettempdir(), f"wiretrace-bench-web-{args.articles}-{args.words}.db")
    have = store_size(db) if os.path.exists(db) else 0
    if have < args.articles:
        print(f"building {args.articles} synthetic articles ({args.words} words each) in {db}", file=sys.stderr)
        seconds = build_store(db, args.articles, args.words)
        print(f"  built in {seconds:.0f}s, {os.path.getsize(db) / 2**20:.0f} MiB", file=sys.stderr)
    else:
        print(f"reusing {db} ({have} articles)", file=sys.stderr)
    count = store_size(db)
    rng = random.Random(1)
    terms = search_terms(db, rng)
    # A pool so large that most queries are new to the server (single words still repeat): what
    # search costs when the server's result cache cannot answer (see store.queries.ReadConnection).
    cold_terms = search_terms(db, rng, count=50_000, headlines=5000)
    paths = {
        "search": lambda: f"/search?q={quote(rng.choice(terms))}",
        "search-cold": lambda: f"/search?q={quote(rng.choice(cold_terms))}",
        "api-search": lambda: f"/api/search?q={quote(rng.choice(terms))}",
        "article": lambda: f"/articles/{rng.randint(1, count)}",
        "api-article": lambda: f"/api/articles/{rng.randint(1, count)}",
        "story": lambda: f"/stories/s%3Astory-{rng.randint(1, count // 5)}",
        "claim": lambda: f"/claims/{rng.randint(1, count * 2)}",
    }
    names = [n.strip() for n in args.endpoints.split(",") if n.strip()]
    unknown = [n for n in names if n not in paths]
    if unknown:
        parser.error(f"unknown endpoints: {', '.join(unknown)}")
    port = free_port()
    proc = start_server(db, port, args.workers)
    results = []
    try:
        print(f"store {count} articles; {args.clients} clients, {args.seconds:.0f}s per endpoint after "
              f"{args.warmup:.0f}s warm-up; server workers {args.workers}; {os.cpu_count()} CPUs", flush=True)
        print(f"{'endpoint':<12} {'requests':>8} {'req/s':>7} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7} "
              f"{'errors':>6}  target", flush=True)
        for name in names:
            result = run_endpoint(port, name, paths[name], args.clients, args.seconds, args.warmup)
            target = TARGETS_MS.get(name)
            result["target_p95_ms"] = target
            result["met"] = None if target is None else (result["p95_ms"] <= target and result["errors"] == 0)
            results.append(result)
            verdict = "" if target is None else f"p95 <= {target:.0f} ms: {'ok' if result['met'] else 'MISSED'}"
            print(f"{name:<12} {result['requests']:>8} {result['rps']:>7.0f} {result['p50_ms']:>7.1f} "
                  f"{result['p95_ms']:>7.1f} {result['p99_ms']:>7.1f} {result['errors']:>6}  {verdict}"
                  + (f"  {result['error_kinds']}" if result["errors"] else ""), flush=True)
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
    if args.json:
        print(json.dumps({"articles": count, "clients": args.clients, "seconds": args.seconds,
                          "workers": args.workers, "cpus": os.cpu_count(), "results": results}, indent=1))
    missed = [r["endpoint"] for r in results if r["met"] is False]
    return 1 if args.check and missed else 0


if __name__ == "__main__":
    sys.exit(main())
