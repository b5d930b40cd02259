"""Banded MinHash LSH whose buckets live in numpy arrays, spilled to disk band by band.

datasketch picks the banding (``bands`` x ``rows`` for a Jaccard threshold, minimising its weighted
false-positive / false-negative areas) and computes the signatures (:mod:`wiretrace.link.shingles`);
this module only buckets them. A band key is the band's ``rows`` signature values combined into
one ``uint64``; two documents are candidates when they agree on any band key, exactly as in
``datasketch.MinHashLSH`` (a test checks the two agree). What differs is where the buckets live:
``MinHashLSH`` keeps a Python dict per band (about 100 bytes per entry, so tens of GiB for a
million documents at 64 bands), while :class:`BandBuckets` keeps 12 bytes per entry, in memory
up to ``spill_rows`` documents and then in one file per band, and finds the candidate pairs one
band at a time by sorting that band's keys. Peak memory is then one band of keys, not the corpus.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

import numpy as np

_ENTRY = np.dtype([("key", "<u8"), ("doc", "<u4")])
_MIX = np.uint64(0x9E3779B97F4A7C15)


@lru_cache(maxsize=32)
def lsh_params(threshold: float, num_perm: int, weights: tuple[float, float] = (0.5, 0.5)) -> tuple[int, int]:
    """``(bands, rows)`` that datasketch's ``MinHashLSH`` picks for this Jaccard threshold."""
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm, weights=weights)
    return lsh.b, lsh.r


def candidate_probability(jaccard: float, bands: int, rows: int) -> float:
    """Chance that two documents with this Jaccard similarity share at least one band."""
    return 1.0 - (1.0 - jaccard ** rows) ** bands


def band_keys(sigs: np.ndarray, bands: int, rows: int) -> np.ndarray:
    """``uint64[n, bands]`` keys of ``uint32[n, >= bands * rows]`` signatures (exact for rows <= 2)."""
    sigs = np.asarray(sigs, dtype=np.uint64)[:, : bands * rows].reshape(len(sigs), bands, rows)
    if rows == 1:
        return sigs[:, :, 0].copy()
    if rows == 2:
        return (sigs[:, :, 0] << np.uint64(32)) | sigs[:, :, 1]
    key = np.zeros(sigs.shape[:2], dtype=np.uint64)
    with np.errstate(over="ignore"):
        for j in range(rows):
            key = (key ^ sigs[:, :, j]) * _MIX
            key ^= key >> np.uint64(31)
    return key


class BandBuckets:
    """The band keys of many documents (ids ``0 .. 2**32-2``), and the pairs that share one.

    ``spill_rows``: buffer at most this many documents' keys in memory before appending them to
    one file per band under ``workdir`` (a temporary folder removed by :meth:`close`).
    ``max_bucket``: a bucket with more members than this (a template or an empty text shared by
    thousands of pages) yields a star (every member paired with the bucket's first) instead of
    all its pairs, so the number of candidates stays linear; verification then decides.
    """

    def __init__(self, bands: int, rows: int, *, spill_rows: int = 250_000, workdir: str | os.PathLike | None = None,
                 max_bucket: int = 200):
        self.bands, self.rows = bands, rows
        self.spill_rows = spill_rows
        self.max_bucket = max_bucket
        self._workdir = Path(workdir) if workdir else None
        self._own_dir = False
        self._docs: list[np.ndarray] = []
        self._keys: list[np.ndarray] = []
        self._buffered = 0
        self._spilled = 0
        self.count = 0
        #: Buckets that were too large and were linked as stars.
        self.large_buckets = 0

    def add(self, docs: np.ndarray, sigs: np.ndarray) -> None:
        """Add documents ``docs`` (``int``) with signatures ``sigs`` (``uint32[len(docs), num_perm]``)."""
        docs = np.asarray(docs, dtype=np.uint32)
        if len(docs) == 0:
            return
        self._docs.append(docs)
        self._keys.append(band_keys(sigs, self.bands, self.rows))
        self._buffered += len(docs)
        self.count += len(docs)
        if self._buffered >= self.spill_rows:
            self._spill()

    def _dir(self) -> Path:
        if self._workdir is None:
            self._workdir = Path(tempfile.mkdtemp(prefix="wiretrace-lsh-"))
            self._own_dir = True
        self._workdir.mkdir(parents=True, exist_ok=True)
        return self._workdir

    def _spill(self) -> None:
        if not self._buffered:
            return
        folder = self._dir()
        docs = np.concatenate(self._docs)
        keys = np.concatenate(self._keys)
        entries = np.empty(len(docs), dtype=_ENTRY)
        entries["doc"] = docs
        for band in range(self.bands):
            entries["key"] = keys[:, band]
            with open(folder / f"band-{band:03d}.bin", "ab") as fh:
                entries.tofile(fh)
        self._spilled += len(docs)
        self._docs, self._keys, self._buffered = [], [], 0

    def _band(self, band: int) -> np.ndarray:
        parts = []
        if self._spilled:
            parts.append(np.fromfile(self._dir() / f"band-{band:03d}.bin", dtype=_ENTRY))
        if self._buffered:
            mem = np.empty(self._buffered, dtype=_ENTRY)
            mem["doc"] = np.concatenate(self._docs)
            mem["key"] = np.concatenate([k[:, band] for k in self._keys])
            parts.append(mem)
        return np.concatenate(parts) if len(parts) > 1 else (parts[0] if parts else np.empty(0, dtype=_ENTRY))

    def band_pairs(self, band: int) -> np.ndarray:
        """``uint64`` codes ``(i << 32) | j`` (``i < j``) of the pairs sharing a key in one band."""
        entries = self._band(band)
        if len(entries) < 2:
            return np.empty(0, dtype=np.uint64)
        order = np.argsort(entries["key"], kind="stable")
        keys = entries["key"][order]
        docs = entries["doc"][order].astype(np.uint64)
        del entries, order
        starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]])
        sizes = np.diff(np.r_[starts, len(keys)])
        out = []
        multi = sizes >= 2
        starts, sizes = starts[multi], sizes[multi]
        # Pairs (a, b) with b the member at offset d after a, for every bucket of size > d.
        small = sizes <= self.max_bucket
        s_starts, s_sizes = starts[small], sizes[small]
        for d in range(1, int(s_sizes.max()) + 1 if len(s_sizes) else 1):
            keep = s_sizes > d
            if not keep.any():
                break
            st, sz = s_starts[keep], s_sizes[keep]
            counts = sz - d
            first = np.repeat(st, counts) + (np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts, counts))
            out.append(_codes(docs[first], docs[first + d]))
        for st, sz in zip(starts[~small], sizes[~small]):
            self.large_buckets += 1
            members = docs[st:st + sz]
            out.append(_codes(np.full(sz - 1, members[0]), members[1:]))
        return np.unique(np.concatenate(out)) if out else np.empty(0, dtype=np.uint64)

    def candidate_pairs(self) -> np.ndarray:
        """``int64[m, 2]`` unique pairs ``(i, j)``, ``i < j``, that share a key in at least one band."""
        acc = np.empty(0, dtype=np.uint64)
        for band in range(self.bands):
            acc = np.union1d(acc, self.band_pairs(band))
        return decode_pairs(acc)

    def iter_band_pairs(self) -> Iterator[np.ndarray]:
        for band in range(self.bands):
            yield self.band_pairs(band)

    def close(self) -> None:
        if self._own_dir and self._workdir is not None:
            shutil.rmtree(self._workdir, ignore_errors=True)
            self._workdir = None
            self._own_dir = False
        self._docs, self._keys, self._buffered, self._spilled = [], [], 0, 0

    def __enter__(self) -> "BandBuckets":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _codes(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    lo, hi = np.minimum(a, b), np.maximum(a, b)
    keep = lo != hi
    return (lo[keep] << np.uint64(32)) | hi[keep]


def decode_pairs(codes: np.ndarray) -> np.ndarray:
    """``int64[m, 2]`` pairs from ``(i << 32) | j`` codes."""
    codes = np.asarray(codes, dtype=np.uint64)
    return np.stack([(codes >> np.uint64(32)).astype(np.int64), (codes & np.uint64(0xFFFFFFFF)).astype(np.int64)], axis=1) \
        if len(codes) else np.empty((0, 2), dtype=np.int64)
