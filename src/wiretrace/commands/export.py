"""``wiretrace export``: the stored corpus as JSON Lines, Parquet, IPTC ninjs or schema.org JSON-LD.

One record per current article (``--all-versions``: per stored version), with its id, origin,
story and syndication group, wire, entities, attributions and claims next to the article fields.
"""

from __future__ import annotations

import argparse
import sys

from wiretrace.commands.common import EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, open_store

HELP = "export the corpus store as jsonl, parquet, ninjs or schema.org JSON-LD"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", default="wiretrace.db", metavar="PATH", help="the store (default wiretrace.db)")
    parser.add_argument("--format", "-f", choices=["jsonl", "parquet", "ninjs", "schemaorg"], default="jsonl")
    parser.add_argument("--output", "-o", metavar="FILE", help="write here instead of stdout (required for parquet)")
    parser.add_argument("--all-versions", action="store_true", help="every stored version, not only the current ones")


def run(args: argparse.Namespace) -> int:
    from wiretrace.store.export import write_lines, write_parquet

    if args.format == "parquet" and not args.output:
        print("wiretrace: --format parquet needs --output FILE", file=sys.stderr)
        return EXIT_USAGE
    store = open_store(args.db)
    if store is None:
        return EXIT_SOME_FAILED
    with store:
        records = store.iter_records(all_versions=args.all_versions)
        try:
            if args.format == "parquet":
                count = write_parquet(records, args.output)
            elif args.output:
                with open(args.output, "w", encoding="utf-8") as out:
                    count = write_lines(records, out, args.format)
            else:
                count = write_lines(records, sys.stdout, args.format)
        except BrokenPipeError:
            sys.stderr.close()  # the reader went away (| head): not an error of ours
            return EXIT_OK
        except OSError as err:
            print(f"wiretrace: error: {args.output}: {err.strerror or err}", file=sys.stderr)
            return EXIT_SOME_FAILED
    if args.output:
        print(f"wiretrace: {count} records written to {args.output}", file=sys.stderr)
    return EXIT_OK
