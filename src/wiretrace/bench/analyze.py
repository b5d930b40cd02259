"""Analysis throughput: ``wiretrace analyze``'s work on ~600-word articles, on all cores.

    python -m wiretrace.bench analyze [--workers 2] [--articles 200] [--words 600]

Articles are the PolNeAR dev texts of at least 80% of ``--words`` words, cut to about ``--words``
words at a paragraph boundary, so their mean length is about ``--words`` (the
bundled samples when ../shared is absent), repeated to ``--articles``. Each worker process
loads the models once (outside the timed region), then analyses its share; articles/s is the
total over the wall-clock time of the timed region. CPU ms/article is the workers' own CPU time
(``time.process_time``) over the articles: unlike articles/s it does not depend on what else the
machine is running.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import sys
import time
from pathlib import Path

from wiretrace.bench.common import SHARED_BENCH

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


def _load(_: int) -> float:
    from wiretrace.analyze.attribution import extract_attributions  # noqa: F401  (loads the models)
    from wiretrace.analyze.nlp import load_nlp
    from wiretrace.analyze.pipeline import analyze_article
    from wiretrace.record import Article

    analyze_article(Article(source="warm-up", input_kind="text", body=["The minister said it would rain."]), load_nlp())
    return time.perf_counter()


def _analyze(texts: list[str]) -> tuple[int, float]:
    """(attributions found, CPU seconds spent) for one worker's share."""
    from wiretrace.analyze.pipeline import analyze_articles
    from wiretrace.record import Article

    cpu = time.process_time()
    articles = (Article(source=f"bench-{i}", input_kind="text", body=t.split("\n\n"), language="en")
                for i, t in enumerate(texts))
    found = sum(len(a.attributions) for a in analyze_articles(articles))
    return found, time.process_time() - cpu


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m wiretrace.bench analyze", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--words", type=int, default=600)
    parser.add_argument("--target", type=float, default=20.0, help="articles/s to report against")
    args = parser.parse_args(argv)

    base = _texts(args.data, args.words)
    # (Say which: without ../shared the bundled samples, far shorter than --words, stand in.)
    dev = args.data / "dev.jsonl"
    print("corpus:", f"PolNeAR dev, {dev}" if dev.exists() else f"the bundled samples (no {dev})")
    if not base or args.articles < 1:
        parser.error(f"no article of at least {0.8 * args.words:.0f} words to run on (lower --words)")
    texts = [base[i % len(base)] for i in range(args.articles)]
    words = sum(len(t.split()) for t in texts)
    chunks = [texts[w::args.workers] for w in range(args.workers)]
    context = multiprocessing.get_context("fork")
    with context.Pool(args.workers) as pool:
        pool.map(_load, range(args.workers), chunksize=1)  # every worker loads its models first
        start = time.perf_counter()
        results = pool.map(_analyze, chunks, chunksize=1)
        elapsed = time.perf_counter() - start
    found = sum(n for n, _ in results)
    cpu_ms = 1000 * sum(cpu for _, cpu in results) / len(texts)
    rate = len(texts) / elapsed
    print(f"articles {len(texts)}  mean words {words / len(texts):.0f}  workers {args.workers}  "
          f"time {elapsed:.1f}s  articles/s {rate:.1f}  words/s {words / elapsed:.0f}  CPU ms/article {cpu_ms:.1f}  "
          f"attributions {found}  (target {args.target:g} articles/s: {'ok' if rate >= args.target else 'BELOW'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
