"""``wiretrace claims "query" --db PATH``: follow a claim across articles, as a timeline.

Shows who first reported it (outlet, time), on what basis (named or anonymous sources), who
carried it, and its status in each article over time, each step with its evidence sentence.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict

from wiretrace.commands.common import EXIT_OK, EXIT_SOME_FAILED, open_store, plain_console

HELP = "follow a claim across the articles of a store, as a timeline"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("query", help="words of the claim")
    parser.add_argument("--db", default="wiretrace.db", metavar="PATH", help="the store (default wiretrace.db)")
    parser.add_argument("--json", action="store_true", help="print the timeline as JSON")


def run(args: argparse.Namespace) -> int:
    from rich.table import Table
    from rich.text import Text

    from wiretrace.corpus import claim_timeline

    store = open_store(args.db)
    if store is None:
        return EXIT_SOME_FAILED
    with store:
        timeline = claim_timeline(store, args.query)
        analysed = timeline is not None or store.conn.execute("SELECT 1 FROM claims LIMIT 1").fetchone() is not None
    if timeline is None:
        hint = "" if analysed else (" (it holds no claims: run 'wiretrace ingest --analyze' on its pages, "
                                    "which analyses those stored before without it)")
        print(f"wiretrace: no claim in {args.db} matches {args.query!r}{hint}", file=sys.stderr)
        return EXIT_SOME_FAILED
    if args.json:
        print(json.dumps(asdict(timeline), ensure_ascii=False, indent=2))
        return EXIT_OK
    console = plain_console()
    first = timeline.first_seen
    console.print(Text.assemble(("Claim:", "bold"), " ", timeline.claim))
    if first:
        # (A text dump may name no publisher: its headline says which article it is.)
        where = first.outlet or (f"“{first.headline}”" if first.headline else f"article {first.article_id}")
        console.print(f"First seen: {first.published or 'undated'} in {where}"
                      f" ({first.wire or 'no wire credit'}); reported by {', '.join(timeline.reported_by) or 'unknown'}"
                      f"{' on anonymous sourcing' if timeline.anonymous else ''}")
    console.print(f"Carried by: {', '.join(timeline.carried_by)}")
    console.print(f"Status over time: {' -> '.join(timeline.statuses)}")
    table = Table()
    for column in ("published", "outlet", "wire", "reported by", "basis", "status", "evidence"):
        table.add_column(column, overflow="fold")
    for step in timeline.steps:
        # (Every answer where the article reports several: "not_confirmed Tomas Erel: ...", "declined_to_comment MarGaz: ...")
        answers = [f"{r['status']} {r['by'] or ''}: {r['evidence'] or ''}" for r in step.responses] \
            if len(step.responses) > 1 else [(f"{step.status_by}: " if step.status_by else "") + (step.evidence or "")]
        table.add_row(step.published or "", step.outlet or "", step.wire or "", step.reported_by or "",
                      ": ".join(filter(None, ("anonymous" if step.anonymous else "", step.basis or ""))), step.status,
                      "\n".join(answers))
    console.print(table)
    return EXIT_OK
