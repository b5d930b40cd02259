"""``wiretrace link --db PATH``: group wire copies and cluster stories across the store."""

from __future__ import annotations

import argparse
import sys

from wiretrace.commands.common import EXIT_OK, EXIT_SOME_FAILED, open_store

HELP = "group syndicated copies and cluster stories over a store"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", default="wiretrace.db", metavar="PATH", help="the store (default wiretrace.db)")


def run(args: argparse.Namespace) -> int:
    from wiretrace.corpus import link_corpus
    from wiretrace.store import StoreError

    store = open_store(args.db)
    if store is None:
        return EXIT_SOME_FAILED
    with store:
        try:
            summary = link_corpus(store)
        except StoreError as err:  # (links are written in one transaction: none or all)
            print(f"wiretrace: error: {err}", file=sys.stderr)
            return EXIT_SOME_FAILED
    print(f"wiretrace: {args.db}: {summary}")
    return EXIT_OK
