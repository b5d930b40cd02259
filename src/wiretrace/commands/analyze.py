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
    parser.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None)


def run(args: argparse.Namespace) -> int:
    from wiretrace.analyze.pipeline import analyze_articles
    from wiretrace.extract import ExtractConfig
    from wiretrace.formats import RecordWriter
    from wiretrace.pipeline import Failure, extract_inputs

    if args.url and len(args.paths) > 1:
        print("wiretrace: --url applies to a single page; got several inputs", file=sys.stderr)
        return EXIT_USAGE
    failures = 0
    show = sys.stderr.isatty() if args.progress is None else args.progress

    def articles():
        nonlocal failures
        for result in extract_inputs(args.paths, ExtractConfig(mode=args.mode), url=args.url):
            if isinstance(result, Failure):
                failures += 1
                print(f"wiretrace: error: {result}", file=sys.stderr)
            else:
                yield result

    out = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout
    writer = RecordWriter(out, args.format)
    try:
        with progress(show, "analysing") as bar:
            task = bar.add_task("analyse", total=None)
            for article in analyze_articles(articles()):
                writer.write(article)
                bar.advance(task)
        writer.close()
    except BrokenPipeError:
        sys.stderr.close()
        return EXIT_OK
    finally:
        if out is not sys.stdout:
            out.close()
    return EXIT_SOME_FAILED if failures else EXIT_OK
