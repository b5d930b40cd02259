"""``wiretrace demo``: extract the bundled sample corpus and show what came out."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from wiretrace.commands.common import EXIT_OK, EXIT_SOME_FAILED, SAMPLES

HELP = "extract the bundled sample corpus and show a summary"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--output", "-o", metavar="FILE", default="wiretrace-sample.jsonl")


def run(args: argparse.Namespace) -> int:
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
