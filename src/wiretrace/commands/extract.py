"""``wiretrace extract``: one article record per input page."""

from __future__ import annotations

import argparse
import os
import sys

from wiretrace.commands.common import EXIT_USAGE, TIME_BUDGET_HELP, time_budget, worker_count, write_records

HELP = "extract article records from pages"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH",
                        help="files, directories (recursive), .gz files, or - for stdin")
    parser.add_argument("--format", "-f", choices=["jsonl", "json", "text", "ninjs"], default="jsonl")
    parser.add_argument("--mode", choices=["auto", "html", "text"], default="auto",
                        help="input kind; auto sniffs each page (default)")
    parser.add_argument("--url", help="the page URL, when extracting a single page")
    parser.add_argument("--output", "-o", metavar="FILE", help="write records here instead of stdout")
    parser.add_argument("--no-template", action="store_true",
                        help="do not learn site templates across the text dumps of a directory")
    parser.add_argument("--time-budget", type=time_budget, default=20.0, metavar="SECONDS", help=TIME_BUDGET_HELP)
    parser.add_argument("--engine", choices=["local", "dask"], default="local",
                        help="where pages are processed: this process (default) or a Dask cluster")
    parser.add_argument("--scheduler", metavar="ADDRESS",
                        help="Dask scheduler address; without it --engine dask starts a local cluster")
    parser.add_argument("--workers", type=worker_count, default=None, metavar="N",
                        help="the local Dask cluster's workers (default: one per core)")
    parser.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                        help="show a progress bar on stderr (default: when stderr is a terminal)")


def run(args: argparse.Namespace) -> int:
    from wiretrace.engine import run_pages
    from wiretrace.extract import ExtractConfig

    if args.url and (len(args.paths) > 1 or os.path.isdir(args.paths[0])):
        what = "several inputs" if len(args.paths) > 1 else f"the directory {args.paths[0]}"
        print(f"wiretrace: --url applies to a single page; got {what}", file=sys.stderr)
        return EXIT_USAGE
    config = ExtractConfig(mode=args.mode, time_budget_s=args.time_budget)
    results = run_pages(args.paths, config, engine=args.engine, scheduler=args.scheduler, workers=args.workers,
                        learn_template=not args.no_template, url=args.url)
    show = sys.stderr.isatty() if args.progress is None else args.progress
    return write_records(results, args.output, args.format, show, "extracting")
