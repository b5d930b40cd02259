"""What every command shares: exit codes, the console, the progress bar, the bundled samples' location."""

from __future__ import annotations

import argparse
import math
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

#: 0 every input gave a result; 1 some input gave none (each named on stderr); 2 bad command line.
EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2

SAMPLES = Path(__file__).resolve().parents[1] / "samples" / "pages"

#: The longest ``--time-budget``: a day per page is no budget at all, and the page timer
#: (``setitimer``) refuses far longer ones.
MAX_TIME_BUDGET_S = 86_400.0
TIME_BUDGET_HELP = ("abandon a page after this long (default 20; 0: never). Local engine only: "
                    "pages on Dask run in worker threads, where the timer cannot reach them")


def worker_count(text: str) -> int:
    """``--workers N`` as a whole number of processes, at least 1; anything else is a usage error."""
    try:
        count = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number of workers: {text!r}") from None
    if count < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {text}")
    return count


def time_budget(text: str) -> float:
    """``--time-budget SECONDS`` as a number from 0 (no budget) to a day; anything else is a usage error."""
    try:
        seconds = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {text!r}") from None
    if not (math.isfinite(seconds) and 0 <= seconds <= MAX_TIME_BUDGET_S):
        raise argparse.ArgumentTypeError(f"must be from 0 (no budget) to {MAX_TIME_BUDGET_S:g} seconds, not {text}")
    return seconds


def plain_console(stderr: bool = False):
    """A rich console that prints text as it is: no markup, emoji codes or highlighting.

    What the commands show comes from pages and users (a quote with "[the minister]" in it, an
    outlet called "Brackets [bold] Daily", a file named ":fire:.html"), so rich must never read
    it as markup; styles are given as :class:`rich.text.Text` styles instead.
    """
    from rich.console import Console

    # Into a pipe or a file rich would wrap at 80 columns, and a claim timeline's seven columns
    # become a word wide: give it room unless COLUMNS says how much there is.
    stream = sys.stderr if stderr else sys.stdout
    width = None if os.environ.get("COLUMNS") or _is_terminal(stream) else PIPE_WIDTH
    return Console(stderr=stderr, markup=False, emoji=False, highlight=False, width=width)


#: Columns for tables written to a pipe or a file.
PIPE_WIDTH = 160


def _is_terminal(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # (a closed or replaced stream)
        return False


def progress(enabled: bool, label: str = "working"):
    """A rich progress bar on stderr; a no-op when ``enabled`` is false (pipes, CI)."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    return Progress(SpinnerColumn(), TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                    console=plain_console(stderr=True), disable=not enabled, transient=True)


def open_store(path: str):
    """The existing store at ``path``, or ``None`` after saying on stderr why it cannot be opened."""
    from wiretrace.store import Store, StoreError

    try:
        return Store(path, create=False)
    except StoreError as err:
        print(f"wiretrace: error: {err}", file=sys.stderr)
        return None


@contextmanager
def open_output(path: str | None) -> Iterator[TextIO | None]:
    """The file ``path`` opened for writing (stdout when None or ``-``), or ``None`` after saying
    on stderr why it cannot be.

    A reader of stdout that goes away (``| head``) is not an error of ours: writing stops and the
    command ends as it would have.
    """
    if path is None or path == "-":
        try:
            yield sys.stdout
            sys.stdout.flush()
        except BrokenPipeError:
            # What is still buffered goes nowhere, so Python's flush at exit does not fail too.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return
    try:
        handle = open(path, "w", encoding="utf-8")
    except OSError as err:
        print(f"wiretrace: error: {path}: cannot write: {err.strerror or err}", file=sys.stderr)
        yield None
        return
    with handle:
        yield handle


def write_records(results, output: str | None, fmt: str, show: bool, label: str) -> int:
    """Stream ``results`` (records or failures) to ``output`` (stdout when None) in ``fmt``.

    Failures go to stderr, one line each naming the input; returns the exit code.
    """
    from wiretrace.formats import RecordWriter
    from wiretrace.pipeline import Failure

    failures = 0
    with open_output(output) as out:
        if out is None:
            return EXIT_SOME_FAILED
        writer = RecordWriter(out, fmt)
        with progress(show, label) as bar:
            task = bar.add_task(label, total=None)
            for result in results:
                if isinstance(result, Failure):
                    failures += 1
                    message = f"wiretrace: error: {result}"
                    if show:  # printed through the bar so it does not tear the progress line
                        bar.console.print(message)
                    else:
                        print(message, file=sys.stderr)
                else:
                    writer.write(result)
                bar.advance(task)
        writer.close()
    return EXIT_SOME_FAILED if failures else EXIT_OK
