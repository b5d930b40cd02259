"""Ingest: pages from files, WARC/ARC archives, RSS/Atom feeds and JSONL into the corpus store.

Streams. Inputs are expanded lazily (globs, directories), each reader yields one page at a time,
pages are extracted one at a time and written in batches, one transaction per batch (``batch_size``
pages or ``flush_seconds``, whichever comes first). So a killed run loses at most its open batch,
and a re-run skips what is stored: a page whose key and content hash are in the store is not even
extracted again.

Versions follow the order pages are seen in: a page's last sight in a run is its current content
when the run ends. A page back to content it had before (an edit undone) is a new version again,
made from the stored record; it is settled when the run ends rather than when seen, because a
later sight in the same run may supersede it: re-reading an archive that holds two captures of
one URL, or re-running a killed run over an older and a newer snapshot, adds no version.

Identity (:func:`page_key`): the input's own ``id`` within its input file when it has one, else
its URL (fragment dropped), else its file (and place in the file). A JSONL line with neither is
identified by its content (see :mod:`wiretrace.sources.jsonl`).
"""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from wiretrace.engine import POOL_MIN_ARTICLES, AnalysisPool, machine_workers, start_analysis_pool
from wiretrace.extract import ExtractConfig, detect_kind
from wiretrace.pipeline import Failure, extract_safely
from wiretrace.record import Article, FeedLink, Origin, SourcedPage
from wiretrace.sources import InputError, read_page
from wiretrace.sources.files import path_name
from wiretrace.sources.inputs import PAGE, expand_inputs, input_kind, read_input

#: Pages per transaction.
BATCH_SIZE = 200
#: A batch is also committed once it is this old, so slow (HTML) pages are not held back for long.
FLUSH_SECONDS = 2.0

# --- identity -------------------------------------------------------------------------------------------

def canonical_url(url: str | None) -> str | None:
    """``url`` for comparison: trimmed, scheme and host lower-cased, fragment dropped."""
    if not url or not url.strip():
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    if not parts.scheme or not parts.netloc:
        return url.split("#", 1)[0]
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path or "/", parts.query, ""))


def page_key(page: SourcedPage) -> str:
    """The page's identity in the store: ``id:FILE#ID``, else ``url:URL``, else ``file:FILE[@OFFSET|LINE|ITEM]``."""
    origin = page.origin or Origin(page.source)
    file = origin.file if origin.file == "-" else os.path.abspath(origin.file)
    if page.input_id is not None:
        return f"id:{file}#{page.input_id}"
    url = canonical_url(page.url)
    if url:
        return f"url:{url}"
    if file == "-":  # stdin has no name: its content is its identity
        return "stdin:" + hashlib.sha256(page.content.encode("utf-8", "surrogatepass")).hexdigest()
    where = origin.offset if origin.offset is not None else origin.line if origin.line is not None else origin.item
    return f"file:{file}" + (f"@{where}" if where is not None else "")


def content_hash(page: SourcedPage) -> str:
    """Fingerprint of what the input said about the page (not of what extraction made of it)."""
    digest = hashlib.sha256()
    if page.fingerprint is not None:
        digest.update(b"input\x00" + page.fingerprint.encode("utf-8", "surrogatepass"))
    else:
        digest.update((page.url or "").encode("utf-8", "surrogatepass"))
        digest.update(b"\x00")
        digest.update(page.content.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


# --- prepared records (JSONL text, feed items) -------------------------------------------------------------

# --- the ingester ------------------------------------------------------------------------------------------

@dataclass(slots=True)
class Summary:
    new: int = 0
    versions: int = 0
    unchanged: int = 0
    errors: int = 0
    linked: int = 0  # feed items without content whose link matched a page of the run
    analysed: int = 0  # unchanged pages stored without analysis, analysed by this (--analyze) run
    seconds: float = 0.0

    @property
    def pages(self) -> int:
        return self.new + self.versions + self.unchanged

    def __str__(self) -> str:
        text = f"{self.new} new, {self.versions} new versions, {self.unchanged} unchanged, {self.errors} errors"
        if self.linked:
            text += f", {self.linked} feed items matched to pages"
        if self.analysed:
            text += f", {self.analysed} stored pages analysed"
        return text


@dataclass(slots=True)
class _Return:
    """A page seen with content it had before but not now: stored as its current version when the run ends."""

    page: SourcedPage  # with its content dropped: only its identity and origin are kept till then
    path: str
    key: str
    digest: str


@dataclass(slots=True)
class _Pending:
    """A page waiting in a batch to be extracted on the cluster."""

    page: SourcedPage
    path: str
    key: str
    digest: str
    template: frozenset[str]


def _extract_remote(page: SourcedPage, template: frozenset[str], config: ExtractConfig,
                    analyze: bool) -> tuple[Article | None, str | None]:
    """:func:`extract_safely` (and analysis) as a Dask task: errors come back as text, not exceptions."""
    article = extract_safely(page, config, template)
    if isinstance(article, Failure):
        return None, article.reason
    if analyze:
        from wiretrace.analyze.pipeline import analyze_article

        try:
            analyze_article(article)
        except Exception as err:  # one page must not end a run
            return None, f"internal error: {type(err).__name__}: {err}"
    return article, None


class Ingester:
    """Reads inputs into a :class:`~wiretrace.store.Store`; see the module docstring."""

    def __init__(self, store, config: ExtractConfig = ExtractConfig(), *, batch_size: int = BATCH_SIZE,
                 flush_seconds: float = FLUSH_SECONDS, learn_template: bool = True, analyze: bool = False,
                 engine: str = "local", scheduler: str | None = None, workers: int | None = None,
                 on_error: Callable[[str], None] | None = None, on_page: Callable[[Summary], None] | None = None):
        self.store = store
        self.config = config
        self.batch_size = max(1, batch_size)
        self.flush_seconds = flush_seconds
        self.learn_template = learn_template and config.mode != "html"
        self.analyze = analyze
        if engine not in ("local", "dask"):
            raise ValueError(f"unknown engine {engine!r}; choose local or dask")
        self.engine = engine
        self.scheduler = scheduler
        self.workers = machine_workers() if workers is None else workers
        self._client = None
        self._analysis_pool: AnalysisPool | None = None  # the local engine's, started for the first big batch
        self.on_error = on_error or (lambda message: None)
        self.on_page = on_page or (lambda summary: None)
        self.summary = Summary()
        self._templates: dict[str, frozenset[str]] = {}
        self._batch: list[Any] = []  # NewPage to store, or int: an unchanged row seen again
        self._unanalysed: list[tuple[int, str, str]] = []  # (row, key, hash) of batch rows stored unanalysed
        self._batch_keys: set[tuple[str, str]] = set()
        self._batch_latest: dict[str, str] = {}  # key -> content hash of its last page in the batch
        self._returns: dict[str, _Return] = {}  # key -> its page back to earlier content, latest sight
        self._batch_started = 0.0
        self._links: dict[str, FeedLink] = {}
        self.run_id = 0

    # public ---------------------------------------------------------------------------------------------

    def ingest(self, inputs: list[str]) -> Summary:
        start = time.perf_counter()
        self.run_id = self.store.start_run([path_name(item) for item in inputs])
        try:
            own_files = self._own_files()
            for item in expand_inputs(inputs):
                if isinstance(item, InputError):
                    self._error(item.source, item.reason)
                    continue
                path, grouped = item
                if grouped and os.path.realpath(path) in own_files:
                    continue  # the store itself, in a folder being ingested (`wiretrace ingest . --db corpus.db`)
                for page in read_input(path):
                    self._handle(page, path, grouped)
            self._flush()
            self._store_returns()
            self._resolve_links()
        finally:
            self.summary.seconds = time.perf_counter() - start
            if self._client is not None:
                self._client.close()
                self._client = None
            if self._analysis_pool is not None:
                self._analysis_pool.close()
                self._analysis_pool = None
        s = self.summary
        self.store.finish_run(self.run_id, s.new, s.versions, s.unchanged, s.errors)
        return s

    # reading --------------------------------------------------------------------------------------------

    def _own_files(self) -> frozenset[str]:
        """The store's database file and SQLite's files beside it."""
        path = getattr(self.store, "path", ":memory:")
        if path == ":memory:":
            return frozenset()
        base = os.path.realpath(path)
        return frozenset(base + suffix for suffix in ("", "-wal", "-shm", "-journal"))

    def _template(self, path: str) -> frozenset[str]:
        """The learned template of ``path``'s directory (learned on first use from a sample of its dumps)."""
        directory = os.path.dirname(path)
        if directory in self._templates:
            return self._templates[directory]
        from wiretrace.extract.textblocks import learn_template

        def dumps() -> Iterator[str]:
            try:
                names = sorted(os.listdir(directory or "."))
            except OSError:
                return
            for name in names:
                sibling = os.path.join(directory, name)
                if name.startswith(".") or not os.path.isfile(sibling) or input_kind(sibling) != PAGE:
                    continue
                try:
                    content = read_page(sibling).content
                except InputError:
                    continue
                if self.config.mode == "text" or detect_kind(content) == "text":
                    yield content

        template = learn_template(dumps())
        if len(self._templates) > 10_000:  # a crawl spread over very many directories: stay bounded
            self._templates.clear()
        self._templates[directory] = template
        return template

    # one page -------------------------------------------------------------------------------------------

    def _handle(self, item: SourcedPage | FeedLink | InputError, path: str, grouped: bool) -> None:
        if isinstance(item, InputError):
            self._error(item.source, item.reason)
            return
        if isinstance(item, FeedLink):
            url = canonical_url(item.url)
            if url:
                self._links.setdefault(url, item)
            return
        key, digest = page_key(item), content_hash(item)
        self._returns.pop(key, None)  # this sight supersedes an earlier one of the run
        in_batch = self._batch_latest.get(key)
        if in_batch == digest:
            self.summary.unchanged += 1
        elif in_batch is None and (existing := self.store.find(key, digest)) is not None:
            self._batch.append(existing)
            if self.analyze and self.store.unanalysed(existing):
                # Ingested before without --analyze: the content is the same, the analysis is due.
                self._unanalysed.append((existing, key, digest))
            self.summary.unchanged += 1
        elif (key, digest) in self._batch_keys or self.store.find(key, digest, any_version=True) is not None:
            # Counted unchanged unless it is still the page's last sight when the run ends.
            self._returns[key] = _Return(replace(item, content="", article=None), path, key, digest)
            self.summary.unchanged += 1
        elif self.engine == "dask":
            # Extracted (and analysed) on the cluster when the batch is flushed.
            self._batch.append(_Pending(item, path, key, digest, self._template_for(item, path, grouped)))
            self._batch_keys.add((key, digest))
            self._batch_latest[key] = digest
        else:
            article = self._extract(item, path, grouped)
            if article is None:
                return
            self._batch.append(self._new_page(item, path, key, digest, article))
            self._batch_keys.add((key, digest))
            self._batch_latest[key] = digest
        if len(self._batch) == 1:
            self._batch_started = time.monotonic()
        if len(self._batch) >= self.batch_size or time.monotonic() - self._batch_started >= self.flush_seconds:
            self._flush()
        self.on_page(self.summary)

    def _template_for(self, page: SourcedPage, path: str, grouped: bool) -> frozenset[str]:
        if page.article is None and grouped and self.learn_template and page.origin and page.origin.offset is None \
                and page.origin.line is None and page.origin.item is None \
                and (self.config.mode == "text" or detect_kind(page.content) == "text"):
            return self._template(path)
        return frozenset()

    def _new_page(self, item: SourcedPage, path: str, key: str, digest: str, article: Article):
        from wiretrace.store import NewPage

        origin = item.origin or Origin(path_name(path))
        return NewPage(key, digest, article, input_id=item.input_id, origin_file=origin.file,
                       origin_offset=origin.offset, origin_line=origin.line, origin_item=origin.item,
                       canonical_url=canonical_url(item.url or article.url))

    def _run_pending(self) -> None:
        """Extract (and analyse) the batch's deferred pages on the Dask cluster, in batch order."""
        pending = [p for p in self._batch if isinstance(p, _Pending)]
        if not pending:
            return
        if self._client is None:
            from distributed import Client, LocalCluster

            self._client = Client(self.scheduler) if self.scheduler else Client(
                LocalCluster(n_workers=self.workers, threads_per_worker=1, dashboard_address=None))
        futures = self._client.map(_extract_remote, [p.page for p in pending], [p.template for p in pending],
                                   config=self.config, analyze=self.analyze, pure=False)
        done: dict[int, Any] = {}
        for entry, future in zip(pending, futures):
            article, error = future.result()
            if error is not None:
                self._error(entry.page.source, error)
                self._batch_keys.discard((entry.key, entry.digest))
            else:
                done[id(entry)] = self._new_page(entry.page, entry.path, entry.key, entry.digest, article)
        self._batch = [done[id(p)] if isinstance(p, _Pending) else p for p in self._batch
                       if not isinstance(p, _Pending) or id(p) in done]

    def _extract(self, page: SourcedPage, path: str, grouped: bool) -> Article | None:
        result = extract_safely(page, self.config, self._template_for(page, path, grouped))
        if isinstance(result, Failure):
            self._error(result.source, result.reason)
            return None
        return result

    def _flush(self) -> None:
        if not self._batch:
            return
        self._run_pending()
        stored = [(row, self.store.stored_article(key, digest)) for row, key, digest in self._unanalysed]
        stored = [(row, article) for row, article in stored if article is not None]
        if self.analyze:
            # Analysis runs before the transaction opens, so a batch's write lock is held briefly.
            fresh = [p.article for p in self._batch if not isinstance(p, int)] if self.engine == "local" else []
            for _ in self._analyzed(fresh + [article for _, article in stored]):
                pass
        with self.store.transaction():
            touched = [i for i in self._batch if isinstance(i, int)]
            self.store.touch(touched, self.run_id)
            for row, article in stored:
                self.store.set_analysis(row, article)
                self.summary.analysed += 1
            for page in self._batch:
                if isinstance(page, int):
                    continue
                status, _ = self.store.put(page, self.run_id)
                if status == "new":
                    self.summary.new += 1
                elif status == "version":
                    self.summary.versions += 1
                else:  # stored meanwhile by a concurrent run
                    self.summary.unchanged += 1
        self._batch.clear()
        self._unanalysed.clear()
        self._batch_keys.clear()
        self._batch_latest.clear()

    def _analyzed(self, articles: list[Article]) -> Iterator[Article]:
        """Analyse ``articles`` in place: on the run's analysis pool once a batch is big enough
        to start one (see engine.POOL_MIN_ARTICLES), in this process before."""
        if self._analysis_pool is None and self.workers > 1 and len(articles) >= POOL_MIN_ARTICLES:
            self._analysis_pool = start_analysis_pool(self.workers)
            if self._analysis_pool is None:
                self.workers = 1  # (said once: this system starts no worker processes)
        if self._analysis_pool is None:
            from wiretrace.analyze.pipeline import analyze_articles

            return analyze_articles(articles)
        return self._analysis_pool.analyze(articles)

    def _store_returns(self) -> None:
        """Make each page seen back at earlier content (and not seen since) current with it: a new version."""
        if not self._returns:
            return
        with self.store.transaction():
            for back in self._returns.values():
                article = self.store.stored_article(back.key, back.digest)
                if article is None:  # its only sight in the run failed to extract (reported then)
                    continue
                article.source = back.page.source  # where it was seen this time, as its origin says
                status, _ = self.store.put(self._new_page(back.page, back.path, back.key, back.digest, article),
                                           self.run_id)
                if status == "version":
                    self.summary.unchanged -= 1
                    self.summary.versions += 1
        self._returns.clear()

    def _resolve_links(self) -> None:
        for url, link in self._links.items():
            if self.store.seen_url(url, self.run_id) is not None:
                self.summary.linked += 1
            else:
                self._error(link.source, f"item has no content, and its link {link.url} matches no page of this ingest")
        self._links.clear()

    def _error(self, source: str, reason: str) -> None:
        self.summary.errors += 1
        self.on_error(f"{source}: {reason}")


def ingest(inputs: list[str], db: str, config: ExtractConfig = ExtractConfig(), **options: Any) -> Summary:
    """Ingest ``inputs`` into the store at ``db`` (created when missing); see :class:`Ingester`."""
    from wiretrace.store import Store

    with Store(db) as store:
        return Ingester(store, config, **options).ingest(inputs)


__all__ = ["Ingester", "Summary", "canonical_url", "content_hash", "ingest", "page_key"]
