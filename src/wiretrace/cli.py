"""The ``wiretrace`` command line: a thin dispatcher over :mod:`wiretrace.commands`."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from wiretrace import __version__
from wiretrace.commands import COMMANDS
from wiretrace.commands.common import EXIT_USAGE, SAMPLES  # noqa: F401  (SAMPLES: part of the public API)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="wiretrace", description="Provenance-aware news extraction and analysis.")
    parser.add_argument("--version", action="version", version=f"wiretrace {__version__}")
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, module_name in COMMANDS.items():
        module = importlib.import_module(module_name)
        sub = subparsers.add_parser(name, help=module.HELP, description=(module.__doc__ or "").strip() or None)
        module.add_arguments(sub)
        sub.set_defaults(_run=module.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0) if exit_.code in (0, None) else EXIT_USAGE
    try:
        return args._run(args)
    except KeyboardInterrupt:
        print("wiretrace: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
