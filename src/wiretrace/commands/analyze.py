"""``wiretrace analyze PATH...``: extract and analyse pages in one go.

Output is the extraction record with ``entities``, ``attributions`` and ``claims`` filled in.
"""

from __future__ import annotations

import argparse
import sys

from wiretrace.commands.common import EXIT_USAGE, worker_count, write_records

HELP = "extract pages and find entities, attributions and claim statuses"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH",
                        help="files, directories (recursive), .gz files, or - for stdin")
    parser.add_argument("--format", "-f", choices=["jsonl", "json"], default="jsonl")
    parser.add_argument("--mode", choices=["auto", "html", "text"], default="auto")
    parser.add_argument("--url", help="the page URL, when analysing a single page")
    parser.add_argument("--output", "-o", metavar="FILE", help="write records here instead of stdout")
    parser.add_argument("--engine", choices=["local", "dask"], default="local",
                        help="where pages are processed: this machine (default) or a Dask cluster")
    parser.add_argument("--scheduler", metavar="ADDRESS",
                        help="Dask scheduler address; without it --engine dask starts a local cluster")
    parser.add_argument("--workers", type=worker_count, default=None, metavar="N",
                        help="analysis processes, or the local Dask cluster's workers (default: one per core)")
    parser.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None)


def run(args: argparse.Namespace) -> int:
    from wiretrace.engine import run_pages
    from wiretrace.extract import ExtractConfig

    if args.url and len(args.paths) > 1:
        print("wiretrace: --url applies to a single page; got several inputs", file=sys.stderr)
        return EXIT_USAGE
    results = run_pages(args.paths, ExtractConfig(mode=args.mode), engine=args.engine, scheduler=args.scheduler,
                        workers=args.workers, analyze=True, url=args.url)
    show = sys.stderr.isatty() if args.progress is None else args.progress
    return write_records(results, args.output, args.format, show, "analysing")
