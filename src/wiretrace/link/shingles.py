"""Word shingles, their stable 32-bit hashes, MinHash signatures and containment.

Everything here is a pure function of its inputs and deterministic across processes (no use of
Python's salted ``hash``), so signatures computed in one process or on one day can be compared
with signatures computed elsewhere.

* :func:`tokens` lower-cases and splits text into word tokens (letters, digits, inner apostrophes).
* :func:`shingle_hashes` gives the sorted, unique 32-bit hashes of a text's word ``k``-grams.
* :func:`signature` turns those hashes into a datasketch MinHash signature (``uint32`` array).
* :func:`containment` is ``|A ∩ B| / min(|A|, |B|)``: 1.0 when a short copy sits inside a long one,
  where Jaccard would be small.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterable, Sequence
from functools import lru_cache

import numpy as np

#: Shingle width in words.
K = 5
#: MinHash permutations; 128 gives Jaccard estimates within about ±0.04.
NUM_PERM = 128
SEED = 1

_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_MASK32 = np.uint64(0xFFFFFFFF)
# Odd multipliers for combining k token hashes into a shingle hash (wrapping uint64 arithmetic).
_MULTS = np.array([0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0xD6E8FEB86659FD93,
                   0xFF51AFD7ED558CCD, 0xC4CEB9FE1A85EC53, 0x94D049BB133111EB, 0xBF58476D1CE4E5B9],
                  dtype=np.uint64)


def tokens(text: str) -> list[str]:
    """Lower-cased word tokens of ``text`` (curly and straight apostrophes are the same)."""
    return _TOKEN.findall(text.lower().replace("’", "'"))


_TOKEN_CACHE: dict[str, int] = {}
_TOKEN_CACHE_MAX = 1 << 20


def _token_hash(token: str) -> int:
    value = zlib.crc32(token.encode("utf-8"))
    if len(_TOKEN_CACHE) >= _TOKEN_CACHE_MAX:
        _TOKEN_CACHE.clear()
    _TOKEN_CACHE[token] = value
    return value


def token_hashes(toks: Sequence[str]) -> np.ndarray:
    """32-bit stable hashes (CRC-32) of ``toks`` as a ``uint64`` array."""
    get = _TOKEN_CACHE.get
    return np.array([get(t) or _token_hash(t) for t in toks], dtype=np.uint64)


def shingle_hashes(text: str | Iterable[str], k: int = K) -> np.ndarray:
    """Sorted unique 32-bit hashes (``uint32``) of the word ``k``-grams of ``text``.

    ``text`` may be one string or an iterable of paragraphs; shingles run across paragraph
    breaks. A text of fewer than ``k`` (but at least one) tokens gives one shingle of all of them.
    """
    if not isinstance(text, str):
        text = "\n".join(text)
    return shingles_of_tokens(tokens(text), k)


def shingles_of_tokens(toks: Sequence[str], k: int = K) -> np.ndarray:
    """:func:`shingle_hashes` of an already tokenised text."""
    return _shingles_of(token_hashes(toks), k)


def _shingles_of(th: np.ndarray, k: int) -> np.ndarray:
    n = len(th)
    if n == 0:
        return np.zeros(0, dtype=np.uint32)
    width = min(k, n)
    if width > len(_MULTS):
        raise ValueError(f"shingle width {k} > {len(_MULTS)}")
    count = n - width + 1
    acc = np.zeros(count, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for j in range(width):
            acc = (acc + th[j:j + count]) * _MULTS[j]
        acc ^= acc >> np.uint64(29)
    return np.unique((acc & _MASK32).astype(np.uint32))


def containment(a: np.ndarray, b: np.ndarray) -> float:
    """``|a ∩ b| / min(|a|, |b|)`` for sorted unique hash arrays; 0.0 when either is empty."""
    if len(a) == 0 or len(b) == 0:
        return 0.0
    return overlap(a, b) / min(len(a), len(b))


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """``|a ∩ b| / |a ∪ b|`` for sorted unique hash arrays; 0.0 when both are empty."""
    inter = overlap(a, b)
    union = len(a) + len(b) - inter
    return inter / union if union else 0.0


def overlap(a: np.ndarray, b: np.ndarray) -> int:
    """``|a ∩ b|`` for sorted unique arrays."""
    if len(a) == 0 or len(b) == 0:
        return 0
    return int(np.intersect1d(a, b, assume_unique=True).size)


def _identity(value):
    return value


def signature(hashes: np.ndarray, num_perm: int = NUM_PERM, seed: int = SEED) -> np.ndarray:
    """The datasketch MinHash signature (``uint32[num_perm]``, scheme ``affine32``) of shingle hashes.

    Equal to ``MinHash(num_perm, seed, hashfunc=identity).update_batch(hashes).hashvalues``;
    an empty input gives datasketch's empty signature (all ``2**32 - 1``).
    """
    fmix = _fmix()
    if fmix is None:  # pragma: no cover - a datasketch without the private pre-mix: go the slow way
        from datasketch import MinHash

        m = MinHash(num_perm=num_perm, seed=seed, hashfunc=_identity, scheme="affine32",
                    permutations=_permutations(num_perm, seed))
        if len(hashes):
            m.update_batch(np.asarray(hashes, dtype=np.uint32).tolist())
        return np.asarray(m.hashvalues, dtype=np.uint32)
    a, b = _perm_arrays(num_perm, seed)
    if len(hashes) == 0:
        return np.full(num_perm, np.iinfo(np.uint32).max, dtype=np.uint32)
    # datasketch's affine32 update, vectorised: pre-mix, then h -> a * h + b (mod 2**32), column minimum.
    hv = fmix(np.asarray(hashes, dtype=np.uint32), 32).reshape(-1, 1)
    with np.errstate(over="ignore"):
        return (hv * a + b).min(axis=0)


@lru_cache(maxsize=1)
def _fmix():
    try:
        from datasketch.minhash import _fmix as fmix
    except ImportError:  # pragma: no cover
        return None
    return fmix


@lru_cache(maxsize=8)
def _perm_arrays(num_perm: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    a, b = _permutations(num_perm, seed)
    return np.asarray(a, dtype=np.uint32), np.asarray(b, dtype=np.uint32)


@lru_cache(maxsize=8)
def _permutations(num_perm: int, seed: int):
    from datasketch import MinHash

    return MinHash(num_perm=num_perm, seed=seed, scheme="affine32").permutations


def signatures(hash_arrays: Sequence[np.ndarray], num_perm: int = NUM_PERM, seed: int = SEED) -> np.ndarray:
    """:func:`signature` of each array, stacked: ``uint32[len(hash_arrays), num_perm]``."""
    out = np.empty((len(hash_arrays), num_perm), dtype=np.uint32)
    for i, h in enumerate(hash_arrays):
        out[i] = signature(h, num_perm, seed)
    return out
