"""The ``wiretrace`` command line.

Exit codes: 0 every input gave a record; 1 some input gave none (each named on stderr);
2 the command line itself was wrong.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from wiretrace import __version__

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2

SAMPLES = Path(__file__).parent / "samples" / "pages"


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="wiretrace", description="Provenance-aware news extraction.")
    parser.add_argument("--version", action="version", version=f"wiretrace {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    extract = commands.add_parser("extract", help="extract article records from pages",
                                  description="Extract one article record per input page.")
    extract.add_argument("paths", nargs="+", metavar="PATH",
                         help="files, directories (recursive), .gz files, or - for stdin")
    extract.add_argument("--format", "-f", choices=["jsonl", "json", "text", "ninjs"], default="jsonl")
    extract.add_argument("--mode", choices=["auto", "html", "text"], default="auto",
                         help="input kind; auto sniffs each page (default)")
    extract.add_argument("--url", help="the page URL, when extracting a single page")
    extract.add_argument("--output", "-o", metavar="FILE", help="write records here instead of stdout")
    extract.add_argument("--no-template", action="store_true",
                         help="do not learn site templates across the text dumps of a directory")
    extract.add_argument("--time-budget", type=float, default=20.0, metavar="SECONDS",
                         help="abandon a page after this long (default 20)")
    extract.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                         help="show a progress bar on stderr (default: when stderr is a terminal)")

    demo = commands.add_parser("demo", help="extract the bundled sample corpus and show a summary")
    demo.add_argument("--output", "-o", metavar="FILE", default="wiretrace-sample.jsonl")
    return parser


def _progress(enabled: bool):
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
    from rich.console import Console

    return Progress(SpinnerColumn(), TextColumn("extracting"), BarColumn(), MofNCompleteColumn(),
                    TextColumn("{task.fields[rate]}"), TimeElapsedColumn(),
                    console=Console(stderr=True), disable=not enabled, transient=True)


def run_extract(args: argparse.Namespace) -> int:
    from wiretrace.extract import ExtractConfig
    from wiretrace.formats import RecordWriter
    from wiretrace.pipeline import Failure, extract_inputs

    if args.url and len(args.paths) > 1:
        print("wiretrace: --url applies to a single page; got several inputs", file=sys.stderr)
        return EXIT_USAGE
    config = ExtractConfig(mode=args.mode, time_budget_s=args.time_budget)
    out = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout
    writer = RecordWriter(out, args.format)
    failures = 0
    show = sys.stderr.isatty() if args.progress is None else args.progress
    try:
        with _progress(show) as progress:
            task = progress.add_task("extract", total=None, rate="")
            for result in extract_inputs(args.paths, config, url=args.url, learn_template=not args.no_template):
                if isinstance(result, Failure):
                    failures += 1
                    progress.console.print(f"wiretrace: error: {result}", markup=False, highlight=False) if show \
                        else print(f"wiretrace: error: {result}", file=sys.stderr)
                else:
                    writer.write(result)
                progress.advance(task)
        writer.close()
    except BrokenPipeError:
        # The reader went away (| head): not an error of ours.
        sys.stderr.close()
        return EXIT_OK
    finally:
        if out is not sys.stdout:
            out.close()
    return EXIT_SOME_FAILED if failures else EXIT_OK


def run_demo(args: argparse.Namespace) -> int:
    from rich.console import Console
    from rich.table import Table

    from wiretrace.extract import ExtractConfig
    from wiretrace.formats import RecordWriter
    from wiretrace.pipeline import Failure, extract_inputs

    console = Console()
    table = Table(title=f"wiretrace: bundled sample corpus ({SAMPLES})")
    for column in ("file", "kind", "headline", "published", "wire", "synd.", "paras", "article"):
        table.add_column(column, overflow="fold")
    failures = 0
    with open(args.output, "w", encoding="utf-8") as out:
        writer = RecordWriter(out, "jsonl")
        for result in extract_inputs([str(SAMPLES)], ExtractConfig()):
            if isinstance(result, Failure):
                failures += 1
                print(f"wiretrace: error: {result}", file=sys.stderr)
                continue
            writer.write(result)
            table.add_row(Path(result.source).name, result.input_kind, (result.headline or "")[:60],
                          result.published or "", result.wire or "", "yes" if result.syndicated else "",
                          str(len(result.body)), "yes" if result.is_article else "no")
        writer.close()
    console.print(table)
    console.print(f"records written to {args.output}")
    return EXIT_SOME_FAILED if failures else EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    parser = _build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0)
    handlers = {"extract": run_extract, "demo": run_demo}
    try:
        return handlers[args.command](args)
    except KeyboardInterrupt:
        print("wiretrace: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
