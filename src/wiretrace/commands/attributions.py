"""``wiretrace attributions IN.jsonl -o OUT.jsonl``: attributions for texts, by offsets.

IN lines are ``{"id", "text"}``; OUT lines ``{"id", "attributions": [{"source", "cue", "content",
"kind", "source_entity", "source_type", "anonymous", "status"}]}`` with ``[start, end]`` offsets
into ``text``.
"""

from __future__ import annotations

import argparse
import sys

from wiretrace.commands.common import EXIT_OK, EXIT_SOME_FAILED, open_output, progress
from wiretrace.commands.jsonio import open_jsonl

HELP = "find who said what in texts (JSONL in, JSONL out)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("input", metavar="IN.jsonl", help='lines of {"id", "text"}; - for stdin')
    parser.add_argument("--output", "-o", metavar="OUT.jsonl", help="default: stdout")
    parser.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None)


def run(args: argparse.Namespace) -> int:
    from dataclasses import asdict

    from wiretrace.analyze.nlp import load_nlp
    from wiretrace.analyze.pipeline import MAX_ANALYSIS_CHARS, analyze_doc
    from wiretrace.formats import dumps

    failures = 0
    show = sys.stderr.isatty() if args.progress is None else args.progress
    with open_jsonl(args.input, ("text",)) as lines:
        if lines is None:
            return EXIT_SOME_FAILED
        items = list(lines)
    with open_output(args.output) as out:
        if out is None:
            return EXIT_SOME_FAILED
        nlp = load_nlp()
        good = [(line, item) for line, item in items if isinstance(item, dict)]
        for line, item in items:
            if not isinstance(item, dict):
                failures += 1
                print(f"wiretrace: error: {args.input}:{line}: {item}", file=sys.stderr)
        with progress(show, "attributions") as bar:
            task = bar.add_task("attributions", total=None)
            texts = (item["text"][:MAX_ANALYSIS_CHARS] for _, item in good)
            for (_, item), doc in zip(good, nlp.pipe(texts, batch_size=16)):
                _, attributions, _ = analyze_doc(doc)
                keys = ("source", "cue", "content", "kind", "source_entity", "source_type", "anonymous", "status")
                out.write(dumps({"id": item["id"], "attributions": [
                    {k: v for k, v in asdict(a).items() if k in keys} for a in attributions]}) + "\n")
                bar.advance(task)
    return EXIT_SOME_FAILED if failures else EXIT_OK
