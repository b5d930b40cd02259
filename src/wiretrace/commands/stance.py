"""``wiretrace stance IN.jsonl -o OUT.jsonl``: does an article agree with a claim?

IN lines are ``{"id", "claim", "body"}``; OUT lines ``{"id", "stance"}`` with stance one of
agree, disagree, discuss, unrelated.
"""

from __future__ import annotations

import argparse
import sys

from wiretrace.commands.common import EXIT_OK, EXIT_SOME_FAILED, open_output
from wiretrace.commands.jsonio import open_jsonl

HELP = "stance of article bodies toward claims (JSONL in, JSONL out)"
BATCH = 256


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("input", metavar="IN.jsonl", help='lines of {"id", "claim", "body"}; - for stdin')
    parser.add_argument("--output", "-o", metavar="OUT.jsonl", help="default: stdout")


def run(args: argparse.Namespace) -> int:
    from wiretrace.analyze.stance import predict_stances
    from wiretrace.formats import dumps

    failures = 0
    batch: list[dict] = []
    with open_jsonl(args.input, ("claim", "body")) as lines:
        if lines is None:
            return EXIT_SOME_FAILED
        with open_output(args.output) as out:
            if out is None:
                return EXIT_SOME_FAILED

            def flush() -> None:
                for item, stance in zip(batch, predict_stances([(i["claim"], i["body"]) for i in batch])):
                    out.write(dumps({"id": item["id"], "stance": stance}) + "\n")
                batch.clear()

            for line, item in lines:
                if not isinstance(item, dict):
                    failures += 1
                    print(f"wiretrace: error: {args.input}:{line}: {item}", file=sys.stderr)
                    continue
                batch.append(item)
                if len(batch) >= BATCH:
                    flush()
            flush()
    return EXIT_SOME_FAILED if failures else EXIT_OK
