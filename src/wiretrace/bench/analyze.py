"""Analysis throughput: ``wiretrace analyze``'s work on ~600-word articles, on all cores.

    python -m wiretrace.bench analyze [--workers N] [--articles 200] [--words 600] [--command-line]

Articles are the PolNeAR dev texts of at least 80% of ``--words`` words, cut to about ``--words``
words at a paragraph boundary, so their mean length is about ``--words`` (the
bundled samples when ../shared is absent), repeated to ``--articles``. They are analysed on the
:class:`~wiretrace.engine.AnalysisPool` that ``wiretrace analyze`` runs (one worker process per
core by default), once every worker has loaded its models (outside the timed region, as models
load once per process); articles/s is over the wall-clock time of the timed region. CPU
ms/article is the workers' own CPU time (from /proc) over the articles: unlike articles/s it does
not depend on what else the machine is running. ``--command-line`` also times the command itself
on the articles written one a file, start-up included.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from wiretrace.bench.common import SHARED_BENCH
from wiretrace.engine import machine_workers

DEFAULT_DATA = SHARED_BENCH / "attribution"


def _texts(data: Path, words: int) -> list[str]:
    texts = []
    source = data / "dev.jsonl"
    if source.exists():
        for line in source.open(encoding="utf-8"):
            text = json.loads(line)["text"]
            if len(text.split()) < 0.8 * words:
                continue  # a short article would pull the mean length below the one asked for
            paragraphs, count = [], 0
            for paragraph in text.split("\n\n"):
                paragraphs.append(paragraph)
                count += len(paragraph.split())
                if count >= words:
                    break
            texts.append("\n\n".join(paragraphs))
    else:
        from wiretrace.commands.common import SAMPLES
        from wiretrace.extract import extract_page
        from wiretrace.sources import read_page

        for path in sorted(SAMPLES.iterdir()):
            article = extract_page(read_page(str(path)))
            if article.body:
                texts.append(article.text)
    return texts


def _cpu_seconds(pids: list[int]) -> float | None:
    """User + system CPU time so far of the processes ``pids`` (Linux's /proc; None elsewhere)."""
    try:
        total = 0
        for pid in pids:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15 of stat(5))
        return total / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return None


def _command_line(texts: list[str], workers: int) -> float:
    """Seconds ``wiretrace analyze --mode text DIR`` takes over ``texts`` written one a file,
    start-up (imports, the workers' model loads) included."""
    with tempfile.TemporaryDirectory(prefix="wiretrace-bench-") as folder:
        for i, text in enumerate(texts):
            Path(folder, f"{i:05d}.txt").write_text(text, encoding="utf-8")
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "wiretrace", "analyze", "--mode", "text", "--workers", str(workers),
                        "--output", os.devnull, folder], check=True)
        return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m wiretrace.bench analyze", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--workers", type=int, default=machine_workers())
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--words", type=int, default=600)
    parser.add_argument("--target", type=float, default=20.0, help="articles/s to report against")
    parser.add_argument("--command-line", action="store_true",
                        help="also time the wiretrace analyze command on the articles written as files")
    args = parser.parse_args(argv)

    base = _texts(args.data, args.words)
    # (Say which: without ../shared the bundled samples, far shorter than --words, stand in.)
    dev = args.data / "dev.jsonl"
    print("corpus:", f"PolNeAR dev, {dev}" if dev.exists() else f"the bundled samples (no {dev})")
    if not base or args.articles < 1:
        parser.error(f"no article of at least {0.8 * args.words:.0f} words to run on (lower --words)")
    texts = [base[i % len(base)] for i in range(args.articles)]
    words = sum(len(t.split()) for t in texts)
    from wiretrace.engine import AnalysisPool
    from wiretrace.record import Article

    articles = [Article(source=f"bench-{i}", input_kind="text", body=t.split("\n\n"), language="en")
                for i, t in enumerate(texts)]
    # The pool wiretrace analyze runs on: every worker loads its models first, outside the timed region.
    with AnalysisPool(args.workers) as pool:
        pids = pool.warm_up()
        cpu_before = _cpu_seconds(pids)
        start = time.perf_counter()
        found = sum(len(a.attributions) for a in pool.analyze(articles))
        elapsed = time.perf_counter() - start
        cpu_after = _cpu_seconds(pids)
    rate = len(texts) / elapsed
    cpu = f"{1000 * (cpu_after - cpu_before) / len(texts):.1f}" if cpu_before is not None and cpu_after is not None else "n/a"
    print(f"articles {len(texts)}  mean words {words / len(texts):.0f}  workers {args.workers}  "
          f"time {elapsed:.1f}s  articles/s {rate:.1f}  words/s {words / elapsed:.0f}  CPU ms/article {cpu}  "
          f"attributions {found}  (target {args.target:g} articles/s: {'ok' if rate >= args.target else 'BELOW'})")
    if args.command_line:
        seconds = _command_line(texts, args.workers)
        print(f"wiretrace analyze --mode text on the {len(texts)} articles as files, start-up included: "
              f"{seconds:.1f}s, {len(texts) / seconds:.1f} articles/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
