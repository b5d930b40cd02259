"""What every command shares: exit codes, the progress bar, the bundled samples' location."""

from __future__ import annotations

from pathlib import Path

#: 0 every input gave a result; 1 some input gave none (each named on stderr); 2 bad command line.
EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2

SAMPLES = Path(__file__).resolve().parents[1] / "samples" / "pages"


def progress(enabled: bool, label: str = "working"):
    """A rich progress bar on stderr; a no-op when ``enabled`` is false (pipes, CI)."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    return Progress(SpinnerColumn(), TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                    console=Console(stderr=True), disable=not enabled, transient=True)


def open_store(path: str):
    """The existing store at ``path``, or ``None`` after saying on stderr why it cannot be opened."""
    import sys

    from wiretrace.store import Store, StoreError

    try:
        return Store(path, create=False)
    except StoreError as err:
        print(f"wiretrace: error: {err}", file=sys.stderr)
        return None
