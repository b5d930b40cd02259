"""Where per-page work runs: in this process (``local``) or on a Dask cluster (``dask``).

Extraction and analysis are pure functions of a page, so an engine only decides where they run.
The Dask engine sends *paths* (not contents) in chunks and streams results back in input order,
so neither side holds more than a few chunks of pages at once. Workers must see the same files
(a shared filesystem, or the local machine); stdin is read here and sent as a page.

A page's time budget (``ExtractConfig.time_budget_s``) applies on the local engine only: it is
a SIGALRM timer, which only a process's main thread may set, and Dask runs tasks in worker
threads.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice

from wiretrace.extract import ExtractConfig
from wiretrace.pipeline import Failure, extract_inputs, extract_safely
from wiretrace.record import Article, Page
from wiretrace.sources import InputError, iter_paths, read_page
from wiretrace.sources.files import STDIN

ENGINES = ("local", "dask")
#: Paths per Dask task: big enough to amortise scheduling, small enough to stream.
CHUNK = 64
#: Tasks in flight at once per worker.
IN_FLIGHT_PER_WORKER = 2


def _extract_chunk(sources: list[str | Page | Failure], config: ExtractConfig, analyze: bool,
                   url: str | None) -> list[Article | Failure]:
    """A Dask task: extract (and analyse) a chunk of :func:`_sources`, in order.

    Paths are read here, on the worker; pages were read by the client; failures pass through.
    """
    results: list[Article | Failure] = []
    for source in sources:
        if isinstance(source, Page):
            results.append(extract_safely(source, config))
        elif isinstance(source, Failure):
            results.append(source)
        else:
            results.extend(extract_inputs([source], config, url=url, learn_template=False))
    if analyze:
        from wiretrace.analyze.pipeline import analyze_articles

        articles = [r for r in results if isinstance(r, Article)]
        for _ in analyze_articles(articles):
            pass
    return results


def _sources(inputs: list[str], url: str | None) -> Iterator[str | Page | Failure]:
    """The page sources of ``inputs``: paths for the workers to read, stdin read here."""
    for source in iter_paths(inputs):
        if source != STDIN:
            yield source
            continue
        try:
            yield read_page(STDIN, url=url)
        except InputError as err:
            yield Failure(err.source, err.reason)


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def run_pages(inputs: list[str], config: ExtractConfig = ExtractConfig(), *, engine: str = "local",
              scheduler: str | None = None, workers: int = 2, analyze: bool = False,
              learn_template: bool = True, url: str | None = None) -> Iterator[Article | Failure]:
    """Extract (and optionally analyse) every input page on ``engine``; results in input order.

    ``scheduler`` is a Dask scheduler address; without one a ``LocalCluster`` of ``workers``
    single-threaded processes is started for the run. Stdin (``-``) is read locally. ``url`` is
    the page's URL when there is one input.
    """
    if engine == "local":
        results = extract_inputs(inputs, config, url=url, learn_template=learn_template)
        if not analyze:
            yield from results
            return
        from wiretrace.analyze.pipeline import analyze_articles

        failures: list[Failure] = []

        def articles() -> Iterator[Article]:
            for result in results:
                if isinstance(result, Failure):
                    failures.append(result)
                else:
                    yield result
        for article in analyze_articles(articles()):
            yield from failures
            failures.clear()
            yield article
        yield from failures
        return
    if engine != "dask":
        raise ValueError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
    yield from _run_dask(inputs, config, scheduler, workers, analyze, url)


def _run_dask(inputs: list[str], config: ExtractConfig, scheduler: str | None, workers: int,
              analyze: bool, url: str | None) -> Iterator[Article | Failure]:
    from distributed import Client, LocalCluster

    cluster = None
    if scheduler is None:
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
        client = Client(cluster)
    else:
        client = Client(scheduler)
    try:
        n_workers = max(1, len(client.scheduler_info().get("workers", {})) or workers)
        pending = []
        for chunk in _chunks(_sources(inputs, url), CHUNK):
            pending.append(client.submit(_extract_chunk, chunk, config, analyze, url, pure=False))
            if len(pending) >= n_workers * IN_FLIGHT_PER_WORKER:
                yield from pending.pop(0).result()
        for future in pending:
            yield from future.result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
