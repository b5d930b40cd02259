"""``wiretrace analyze PATH...``: extract and analyse pages in one go.

Output is the extraction record with ``entities``, ``attributions`` and ``claims`` filled in.
"""

from __future__ import annotations

import argparse
import sys

from wiretrace.commands.common import EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, progress

HELP = "extract pages and find entities, attributions and claim statuses"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH",
                        help="files, directories (recursive), .gz files, or - for stdin")
    parser.add_argument("--format", "-f", choices=["jsonl", "json"], default="jsonl")
    parser.add_argument("--mode", choices=["auto", "html", "text"], default="auto")
    parser.add_argument("--url", help="the page URL, when analysing a single page")
    parser.add_argument("--output", "-o", metavar="FILE", help="write records here instead of stdout")
    parser.add_argument("--engine", choices=["local", "dask"], default="local",
                        help="where pages are processed: this process (default) or a Dask cluster")
    parser.add_argument("--scheduler", metavar="ADDRESS",
                        help="Dask scheduler address; without it --engine dask starts a local cluster")
    parser.add_argument("--workers", type=int, default=2, metavar="N", help="local Dask workers (default 2)")
    parser.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None)


def run(args: argparse.Namespace) -> int:
    from wiretrace.engine import run_pages
    from wiretrace.extract import ExtractConfig
    from wiretrace.formats import RecordWriter
    from wiretrace.pipeline import Failure

    if args.url and len(args.paths) > 1:
        print("wiretrace: --url applies to a single page; got several inputs", file=sys.stderr)
        return EXIT_USAGE
    failures = 0
    show = sys.stderr.isatty() if args.progress is None else args.progress

    out = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout
    writer = RecordWriter(out, args.format)
    try:
        with progress(show, "analysing") as bar:
            task = bar.add_task("analyse", total=None)
            for result in run_pages(args.paths, ExtractConfig(mode=args.mode), engine=args.engine,
                                    scheduler=args.scheduler, workers=args.workers, analyze=True, url=args.url):
                if isinstance(result, Failure):
                    failures += 1
                    print(f"wiretrace: error: {result}", file=sys.stderr)
                else:
                    writer.write(result)
                bar.advance(task)
        writer.close()
    except BrokenPipeError:
        sys.stderr.close()
        return EXIT_OK
    finally:
        if out is not sys.stdout:
            out.close()
    return EXIT_SOME_FAILED if failures else EXIT_OK
