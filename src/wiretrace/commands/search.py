"""``wiretrace search``: full-text search over the stored headlines, bodies and claims.

The query is SQLite FTS5 syntax (words, "phrases", AND/OR/NOT, prefix*, headline: to search
one column); anything that is not valid syntax is searched word by word. Only current versions
are searched; matches come best first, headline matches weighing most.
"""

from __future__ import annotations

import argparse
import json
import sys

from wiretrace.commands.common import EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, open_store, plain_console

HELP = "full-text search the corpus store"

# Private-use characters mark matches in snippets; they never occur in news text.
_START, _END = "\ue000", "\ue001"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("query", help='what to find: words, "a phrase", prefix*, OR, NOT, headline:word')
    parser.add_argument("--db", default="wiretrace.db", metavar="PATH", help="the store (default wiretrace.db)")
    parser.add_argument("--limit", "-n", type=int, default=20, metavar="N", help="at most N results (default 20)")
    parser.add_argument("--json", action="store_true", help="one JSON object per result; matches marked **like this**")


def _marked(text: str | None):
    from rich.text import Text

    out = Text()
    for n, part in enumerate((text or "").split(_START)):
        if n == 0:
            out.append(part)
            continue
        hit, _, rest = part.partition(_END)
        out.append(hit, style="bold yellow")
        out.append(rest)
    return out


def run(args: argparse.Namespace) -> int:

    if args.limit < 1:
        print("wiretrace: --limit must be at least 1", file=sys.stderr)
        return EXIT_USAGE
    if not args.query.strip():
        print("wiretrace: empty query", file=sys.stderr)
        return EXIT_USAGE
    store = open_store(args.db)
    if store is None:
        return EXIT_SOME_FAILED
    with store:
        results = store.search(args.query, args.limit, mark=(_START, _END))
    if args.json:
        for result in results:
            for key in ("snippet", "headline_marked"):
                result[key] = (result[key] or "").replace(_START, "**").replace(_END, "**")
            print(json.dumps(result, ensure_ascii=False))
        return EXIT_OK
    from rich.table import Table

    console = plain_console()
    if not results:
        console.print(f"no matches for {args.query!r} in {args.db}")
        return EXIT_OK
    table = Table(title=f"{len(results)} match{'es' if len(results) != 1 else ''} for {args.query!r}",
                  show_lines=True)
    for column, options in (("id", {"no_wrap": True}), ("headline", {"ratio": 2}), ("published", {"no_wrap": True}),
                            ("publisher / wire", {}), ("snippet", {"ratio": 3})):
        table.add_column(column, overflow="fold", **options)
    for r in results:
        outlet = " / ".join(x for x in (r["publisher"], r["wire"]) if x)
        table.add_row(r["id"], _marked(r["headline_marked"] or r["headline"] or "(no headline)"),
                      (r["published"] or "")[:16], outlet, _marked(r["snippet"]))
    console.print(table)
    return EXIT_OK
