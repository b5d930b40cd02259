"""``wiretrace demo``: ingest and analyse the bundled sample corpus into the embedded store, then
show what came out: one line per page, and the claims with their statuses."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from wiretrace.commands.common import EXIT_OK, EXIT_SOME_FAILED, SAMPLES, plain_console

HELP = "ingest and analyse the bundled sample corpus, and show a summary"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", default="wiretrace-sample.db", metavar="PATH",
                        help="the store to create or update (default wiretrace-sample.db)")


def run(args: argparse.Namespace) -> int:
    from rich.table import Table

    from wiretrace.corpus import link_corpus
    from wiretrace.ingest import Ingester
    from wiretrace.store import Store, StoreError

    console = plain_console()
    errors: list[str] = []
    try:
        store = Store(args.db)
    except StoreError as err:
        print(f"wiretrace: error: {err}", file=sys.stderr)
        return EXIT_SOME_FAILED
    with store:
        try:
            summary = Ingester(store, analyze=True, on_error=errors.append).ingest([str(SAMPLES)])
            linked = link_corpus(store)
        except StoreError as err:
            print(f"wiretrace: error: {err}", file=sys.stderr)
            return EXIT_SOME_FAILED
        records = list(store.iter_records())
    for message in errors:
        print(f"wiretrace: error: {message}", file=sys.stderr)

    pages = Table(title=f"Sample corpus: {SAMPLES}")
    for column in ("file", "kind", "headline", "published", "wire", "group", "story", "claims"):
        pages.add_column(column, overflow="fold")
    for record in sorted(records, key=lambda r: Path(r["source"]).name):
        pages.add_row(Path(record["source"]).name, record["input_kind"], (record.get("headline") or "")[:60],
                      record.get("published") or "", record.get("wire") or "",
                      record.get("syndication_group") or "", record.get("story_id") or "",
                      str(len(record.get("claims") or [])))
    console.print(pages)

    claims = Table(title="Claims and their status in each article")
    for column in ("file", "status", "reported by", "anon.", "claim"):
        claims.add_column(column, overflow="fold")
    for record in sorted(records, key=lambda r: Path(r["source"]).name):
        for claim in record.get("claims") or []:
            if claim.get("status") != "asserted" or claim.get("anonymous"):
                claims.add_row(Path(record["source"]).name, claim["status"], claim.get("reported_by") or "",
                               "yes" if claim.get("anonymous") else "", claim["text"][:90])
    console.print(claims)
    console.print(f"{summary}. {linked}. Store: {args.db}\n"
                  f"Next: wiretrace claims \"cap gas exports\" --db {args.db}   |   "
                  f"wiretrace stories \"gas exports\" --db {args.db}   |   "
                  f"wiretrace search \"gas exports\" --db {args.db}   |   "
                  f"wiretrace export --db {args.db} --format jsonl")
    return EXIT_SOME_FAILED if errors else EXIT_OK
