"""Where per-page work runs: on this machine (``local``) or on a Dask cluster (``dask``).

Extraction and analysis are pure functions of a page, so an engine only decides where they run.
The Dask engine sends *paths* (not contents) in chunks and streams results back in input order,
so neither side holds more than a few chunks of pages at once. Workers must see the same files
(a shared filesystem, or the local machine); stdin is read here and sent as a page.

The local engine extracts in this process and analyses on an :class:`AnalysisPool` of worker
processes, one per core by default: analysis (the spaCy parse and the attribution taggers) costs
some 25 times what extraction of a text dump does, and holds the GIL, so only processes spread
it over the cores. A run of a few articles is analysed here, where starting the workers, each
loading the models, would cost more than it saves.

A page's time budget (``ExtractConfig.time_budget_s``) applies on the local engine only: it is
a SIGALRM timer, which only a process's main thread may set, and Dask runs tasks in worker
threads.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import chain, islice

from wiretrace.extract import ExtractConfig
from wiretrace.pipeline import Failure, extract_inputs, extract_safely
from wiretrace.record import Article, Page
from wiretrace.sources import InputError, iter_paths, read_page
from wiretrace.sources.files import STDIN

_LOG = logging.getLogger(__name__)

ENGINES = ("local", "dask")
#: Paths per Dask task: big enough to amortise scheduling, small enough to stream.
CHUNK = 64
#: Tasks in flight at once per worker.
IN_FLIGHT_PER_WORKER = 2
#: Articles per analysis task of the local engine: what spaCy's ``pipe`` parses in one batch.
ANALYSIS_BATCH = 16
#: Fewer articles than this are analysed in this process: the workers would take longer to
#: load the models (about 2 s) than the articles take to analyse.
POOL_MIN_ARTICLES = 2 * ANALYSIS_BATCH


def machine_workers() -> int:
    """The cores this process may run on (fewer than the machine's under taskset or a container's cpuset)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # (not on macOS or Windows)
        return os.cpu_count() or 1


def _load_models() -> None:
    """An analysis worker's start: load every model once, by analysing a sentence."""
    from wiretrace.analyze.pipeline import analyze_article

    analyze_article(Article(source="warm-up", input_kind="text", body=["The minister said it would rain."],
                            language="en"))


def _worker_pid() -> int:
    time.sleep(0.05)  # (so that one worker cannot answer every call while another still loads)
    return os.getpid()


def _analyze_remote(articles: list[Article]) -> list[tuple[list, list, list, list]]:
    """An analysis task: what analysis adds to each article (warnings, entities, attributions,
    claims), sent back instead of the whole records."""
    from wiretrace.analyze.pipeline import analyze_articles

    return [(a.warnings, a.entities, a.attributions, a.claims)
            for a in analyze_articles(articles, batch_size=len(articles))]


class AnalysisPool:
    """Analysis on ``workers`` processes of this machine, each loading the models once.

    Articles go out in batches, at most IN_FLIGHT_PER_WORKER batches per worker at a time (so
    a long stream is read as the workers need it), and come back in input order with their
    analysis filled in: the caller's own Article objects, as with ``analyze_articles``.

    Should a worker die (killed, out of memory, a crash in native code, models that fail to
    load), the batches in flight are analysed in this process instead and the pool is started
    afresh: a run never waits for a worker that is gone.
    """

    def __init__(self, workers: int, batch_size: int = ANALYSIS_BATCH) -> None:
        self.workers = max(1, workers)
        self.batch_size = batch_size
        # A forkserver's workers start from a clean process (a fork of this one would copy the
        # threads' locks, a progress bar's among them); its preload imports the analysis modules
        # once for all of them.
        method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
        self._context = multiprocessing.get_context(method)
        if method == "forkserver":
            self._context.set_forkserver_preload(["wiretrace.analyze.pipeline"])
        self._executor: ProcessPoolExecutor | None = None

    def start(self) -> "AnalysisPool":
        """Start the workers (they load their models meanwhile); returns the pool."""
        if self._executor is None:
            self._executor = ProcessPoolExecutor(self.workers, mp_context=self._context, initializer=_load_models)
        return self

    def __enter__(self) -> "AnalysisPool":
        return self.start()

    def __exit__(self, *exc_info) -> None:
        self.close()

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None

    def warm_up(self) -> list[int]:
        """Wait until every worker has loaded its models (for timing what follows); their pids."""
        pids: set[int] = set()
        while len(pids) < self.workers:
            pids.update(f.result() for f in [self._executor.submit(_worker_pid) for _ in range(self.workers)])
        return sorted(pids)

    def analyze(self, articles: Iterable[Article]) -> Iterator[Article]:
        """Analyse ``articles`` (in place), yielding each in input order once it is done."""
        pending: deque = deque()
        for batch in _chunks(articles, self.batch_size):
            pending.append((batch, self._submit(batch)))
            if len(pending) > self.workers * IN_FLIGHT_PER_WORKER:
                yield from self._collect(pending)
        while pending:
            yield from self._collect(pending)

    def _submit(self, batch: list[Article]) -> Future:
        try:
            return self._executor.submit(_analyze_remote, batch)
        except BrokenProcessPool as err:  # (a worker died since the last batch went out: see _collect)
            failed: Future = Future()
            failed.set_exception(err)
            return failed

    def _collect(self, pending: deque) -> Iterator[Article]:
        """The oldest batch in flight, analysed; if the pool broke, every batch in flight."""
        batch, future = pending.popleft()
        try:
            results = future.result()
        except BrokenProcessPool as err:
            from wiretrace.analyze.pipeline import analyze_articles

            lost = [batch, *(b for b, _ in pending)]
            pending.clear()
            _LOG.warning("wiretrace: an analysis worker process stopped (%s); analysing the %d articles it "
                         "had in this process", err, sum(map(len, lost)))
            self.close()
            self.start()
            for articles in lost:
                yield from analyze_articles(articles)
            return
        for article, (warnings, entities, attributions, claims) in zip(batch, results):
            article.warnings, article.entities, article.attributions, article.claims = \
                warnings, entities, attributions, claims
            yield article


def start_analysis_pool(workers: int) -> AnalysisPool | None:
    """A started :class:`AnalysisPool`, or None (said in the log) where this system cannot start
    worker processes (no /dev/shm for their semaphores, a process limit): analysis then runs in
    the calling process, slower but the same."""
    try:
        return AnalysisPool(workers).start()
    except (OSError, ImportError) as err:  # (ImportError: a platform without sem_open)
        _LOG.warning("wiretrace: analysis runs in this process: worker processes could not start (%s)", err)
        return None


def analyze_stream(articles: Iterable[Article], workers: int) -> Iterator[Article]:
    """Analyse a stream of articles on ``workers`` processes (in this one for a handful)."""
    from wiretrace.analyze.pipeline import analyze_articles

    articles = iter(articles)
    head = list(islice(articles, POOL_MIN_ARTICLES))
    pool = start_analysis_pool(workers) if workers > 1 and len(head) >= POOL_MIN_ARTICLES else None
    if pool is None:
        yield from analyze_articles(chain(head, articles))
        return
    with pool:
        yield from pool.analyze(chain(head, articles))


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
              scheduler: str | None = None, workers: int | None = None, analyze: bool = False,
              learn_template: bool = True, url: str | None = None) -> Iterator[Article | Failure]:
    """Extract (and optionally analyse) every input page on ``engine``; results in input order.

    ``workers`` (default: :func:`machine_workers`) are the local engine's analysis processes, or
    the single-threaded processes of the ``LocalCluster`` started for a Dask run when no
    ``scheduler`` (a Dask scheduler's address) is given. Stdin (``-``) is read locally. ``url``
    is the page's URL when there is one input.
    """
    workers = machine_workers() if workers is None else workers
    if engine == "local":
        results = extract_inputs(inputs, config, url=url, learn_template=learn_template)
        if not analyze:
            yield from results
            return
        failures: list[Failure] = []

        def articles() -> Iterator[Article]:
            for result in results:
                if isinstance(result, Failure):
                    failures.append(result)
                else:
                    yield result
        for article in analyze_stream(articles(), workers):
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
