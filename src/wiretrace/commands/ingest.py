"""``wiretrace ingest``: pages from files, WARC/ARC archives, RSS/Atom feeds and JSONL into the corpus store.

Idempotent and resumable: a page already stored with the same content is skipped, a page whose
content changed becomes a new version, and each batch of pages is one transaction, so a run that
is killed keeps every batch it committed and a re-run carries on without duplicates.
"""

from __future__ import annotations

import argparse
import sys

from wiretrace.commands.common import EXIT_OK, EXIT_SOME_FAILED, TIME_BUDGET_HELP, progress, time_budget, worker_count

HELP = "ingest pages, archives, feeds and JSONL into the corpus store"

DEFAULT_DB = "wiretrace.db"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("sources", nargs="+", metavar="SOURCE",
                        help="files, directories (recursive), glob patterns, .warc/.arc(.gz), RSS/Atom feeds, "
                             ".jsonl, or - for stdin")
    parser.add_argument("--db", default=DEFAULT_DB, metavar="PATH", help=f"the store (default {DEFAULT_DB})")
    parser.add_argument("--mode", choices=["auto", "html", "text"], default="auto",
                        help="input kind of plain pages; auto sniffs each page (default)")
    parser.add_argument("--no-template", action="store_true",
                        help="do not learn site templates across the text dumps of a directory")
    parser.add_argument("--time-budget", type=time_budget, default=20.0, metavar="SECONDS", help=TIME_BUDGET_HELP)
    parser.add_argument("--analyze", action="store_true",
                        help="also find entities, attributions and claim statuses (English pages)")
    parser.add_argument("--engine", choices=["local", "dask"], default="local",
                        help="where pages are extracted and analysed: this machine (default) or a Dask cluster")
    parser.add_argument("--scheduler", metavar="ADDRESS",
                        help="Dask scheduler address; without it --engine dask starts a local cluster")
    parser.add_argument("--workers", type=worker_count, default=None, metavar="N",
                        help="analysis processes (with --analyze), or the local Dask cluster's workers "
                             "(default: one per core)")
    parser.add_argument("--batch-size", type=int, default=200, metavar="N",
                        help="pages per transaction (default 200)")
    parser.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                        help="show a progress bar on stderr (default: when stderr is a terminal)")


def run(args: argparse.Namespace) -> int:
    from wiretrace.extract import ExtractConfig
    from wiretrace.ingest import Ingester
    from wiretrace.store import Store, StoreError

    show = sys.stderr.isatty() if args.progress is None else args.progress
    try:
        store = Store(args.db)
    except StoreError as err:
        print(f"wiretrace: error: {err}", file=sys.stderr)
        return EXIT_SOME_FAILED
    config = ExtractConfig(mode=args.mode, time_budget_s=args.time_budget)
    try:
        with store, progress(show, "ingesting") as bar:
            task = bar.add_task("ingest", total=None)

            def on_error(message: str) -> None:
                line = f"wiretrace: error: {message}"
                if show:  # through the bar, so it does not tear the progress line
                    bar.console.print(line)
                else:
                    print(line, file=sys.stderr, flush=True)
                bar.advance(task)

            def on_page(summary) -> None:
                bar.advance(task)

            ingester = Ingester(store, config, batch_size=args.batch_size, learn_template=not args.no_template,
                                analyze=args.analyze, engine=args.engine, scheduler=args.scheduler,
                                workers=args.workers,
                                on_error=on_error, on_page=on_page)
            summary = ingester.ingest(args.sources)
    except StoreError as err:  # (after the bar is gone)
        print(f"wiretrace: error: {err}; the pages stored before stay, and a re-run resumes", file=sys.stderr)
        return EXIT_SOME_FAILED
    rate = summary.pages / summary.seconds if summary.seconds else 0.0
    print(f"wiretrace: {args.db}: {summary} ({summary.seconds:.1f} s, {rate:.0f} pages/s)")
    return EXIT_SOME_FAILED if summary.errors else EXIT_OK
