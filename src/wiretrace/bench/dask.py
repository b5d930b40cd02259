"""Dask speed-up on the extraction stage: the same pages on a LocalCluster of 1 and of 2 workers.

    python -m wiretrace.bench dask [--pages 1000]

Pages are the DEV HTML pages (the bundled samples when ../shared is absent) copied round-robin
to a temp dir. Each cluster is started and each of its workers warmed up before the timed run, so
the figure is the stage's throughput, not the cluster's start-up.
"""

from __future__ import annotations

import argparse
import gzip
import shutil
import sys
import tempfile
import time
from pathlib import Path

from wiretrace.bench.extraction import DEFAULT_DATA
from wiretrace.commands.common import SAMPLES


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m wiretrace.bench dask", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = parser.parse_args(argv)

    from distributed import Client, LocalCluster

    from wiretrace.engine import CHUNK, _chunks, _extract_chunk
    from wiretrace.extract import ExtractConfig

    html = sorted((args.data / "dev" / "html").glob("*.html.gz"))
    sources = [(p.name.removesuffix(".gz"), gzip.decompress(p.read_bytes())) for p in html] or \
        [(p.name, p.read_bytes()) for p in sorted(SAMPLES.iterdir())]
    workdir = Path(tempfile.mkdtemp(prefix="wiretrace-dask-"))
    rates = {}
    try:
        paths = []
        for i in range(args.pages):
            name, data = sources[i % len(sources)]
            path = workdir / f"{i:06d}-{name}"
            path.write_bytes(data)
            paths.append(str(path))
        config = ExtractConfig(mode="auto")
        for workers in (1, 2):
            with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                              dashboard_address=None) as cluster, Client(cluster) as client:
                # Warm-up on every worker (a map may send every task to one of them): each extracts
                # every distinct page once, which imports what extraction imports and loads its
                # lazy models (text mode's classifier, the language identifier).
                client.gather([client.submit(_extract_chunk, paths[:len(sources)], config=config, analyze=False,
                                             url=None, workers=[address], pure=False)
                               for address in client.scheduler_info()["workers"]])
                start = time.perf_counter()
                futures = [client.submit(_extract_chunk, chunk, config=config, analyze=False, url=None, pure=False)
                           for chunk in _chunks(paths, CHUNK // 4)]
                done = sum(len(f.result()) for f in futures)
                rates[workers] = done / (time.perf_counter() - start)
            print(f"workers {workers}: {rates[workers]:.1f} pages/s over {done} pages")
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    print(f"speed-up 1 -> 2 workers: {rates[2] / rates[1]:.2f}x (target 1.8x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
