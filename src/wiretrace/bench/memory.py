"""Memory and batch-throughput benchmark: one ``wiretrace extract`` call over N pages.

    python -m wiretrace.bench memory [--pages 1000] [--data ../shared/bench/extraction]

Copies real pages (the DEV set when present, else the bundled samples) round-robin into a
temporary directory until it holds N files, runs the CLI over it in a child process, and
reports the child's peak RSS and pages/s. The page memory must not grow with N.
"""

from __future__ import annotations

import argparse
import gzip
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from wiretrace.bench.extraction import DEFAULT_DATA
from wiretrace.cli import SAMPLES


def _sources(data: Path) -> list[tuple[str, bytes]]:
    dev = data / "dev"
    pages: list[tuple[str, bytes]] = []
    if dev.is_dir():
        pages += [(p.name.removesuffix(".gz"), gzip.decompress(p.read_bytes())) for p in sorted((dev / "html").glob("*.html.gz"))]
        pages += [(p.name, p.read_bytes()) for p in sorted((dev / "text").glob("*.txt"))]
    if not pages:
        pages = [(p.name, p.read_bytes()) for p in sorted(SAMPLES.iterdir()) if p.is_file()]
    return pages


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m wiretrace.bench memory", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--mode", choices=["auto", "html", "text"], default="auto")
    parser.add_argument("--limit-mib", type=float, default=300.0, help="report FAIL above this peak RSS")
    args = parser.parse_args(argv)

    sources = _sources(args.data)
    workdir = Path(tempfile.mkdtemp(prefix="wiretrace-bench-"))
    try:
        for i in range(args.pages):
            name, data = sources[i % len(sources)]
            (workdir / f"{i:06d}-{name}").write_bytes(data)
        command = [sys.executable, "-m", "wiretrace", "extract", str(workdir), "--mode", args.mode,
                   "-o", str(workdir.with_suffix(".jsonl")), "--no-progress"]
        start = time.perf_counter()
        result = subprocess.run(command, stderr=subprocess.PIPE, text=True)
        elapsed = time.perf_counter() - start
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        records = sum(1 for _ in workdir.with_suffix(".jsonl").open(encoding="utf-8"))
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
        workdir.with_suffix(".jsonl").unlink(missing_ok=True)
    verdict = "ok" if peak <= args.limit_mib else "FAIL"
    print(f"pages {args.pages}  records {records}  errors {result.stderr.count(chr(10))}  "
          f"time {elapsed:.1f}s  pages/s {args.pages / elapsed:.1f} (process start included)  "
          f"peak RSS {peak:.0f} MiB (limit {args.limit_mib:.0f}: {verdict})")
    return 0 if peak <= args.limit_mib else 1


if __name__ == "__main__":
    sys.exit(main())
