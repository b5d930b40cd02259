"""Stance of an article body toward a claim: ``agree``, ``disagree``, ``discuss`` or ``unrelated``.

The FNC-1 task (Fake News Challenge stage 1): the claim is a headline or one sentence, the body
an article. ``agree`` = the body reports the claim as true, ``disagree`` = it refutes or denies
it, ``discuss`` = it reports the claim without taking a position ("reportedly", "could not be
confirmed"), ``unrelated`` = it is about something else.

    >>> predict_stance("The ministry raised fuel prices", "The ministry denied the report ...")

Model (``wiretrace/models/stance.json.gz``, trained by ``python -m wiretrace.analyze.train_stance
/work/shared/bench/stance``): hand-made relatedness and cue-word features
(:mod:`wiretrace.analyze.stance_features`) into two LightGBM models, related vs unrelated and
then agree/disagree/discuss, the latter blended with a bag-of-words logistic regression. It is
loaded lazily, once per process; prediction is deterministic and needs no network.

Known limits: trained on the FNC-1 DEV half only (433 bodies, 3,280 related pairs on ~100
stories), so ``disagree`` is rarely predicted and ``agree``/``discuss`` are often confused; the
bag-of-words part partly learns the story topics of FNC-1.
"""

from __future__ import annotations

import base64
import gzip
import json
import threading
from pathlib import Path
from typing import Iterable

import numpy as np

from wiretrace.analyze.stance_features import BagOfWords, Featurizer, feature_names

LABELS = ("agree", "disagree", "discuss", "unrelated")
RELATED = LABELS[:3]
MODEL_PATH = Path(__file__).resolve().parents[1] / "models" / "stance.json.gz"
BATCH = 512

__all__ = ["LABELS", "predict_stance", "predict_stances", "model_metadata"]


class ModelMissing(RuntimeError):
    pass


class _Model:
    def __init__(self, path: Path):
        import lightgbm as lgb

        if not path.exists():
            raise ModelMissing(f"stance model {path} is missing: run "
                               "python -m wiretrace.analyze.train_stance /work/shared/bench/stance")
        with gzip.open(path, "rb") as fh:
            data = json.loads(fh.read().decode("utf-8"))
        if data.get("features") != feature_names():
            raise ModelMissing(f"stance model {path} was trained with other features: retrain it")
        lsa = data["lsa"]
        lsa_mat = np.frombuffer(base64.b64decode(lsa["float16"]), dtype="<f2").astype(np.float32)
        self.featurizer = Featurizer(data["idf"], data["avg_body_len"], lsa_mat.reshape(lsa["shape"]))
        self.related = lgb.Booster(model_str=data["related_model"])
        self.stance = lgb.Booster(model_str=data["stance_model"])
        bow = data["bow"]
        self.bow = BagOfWords(bow["vocab"], bow["idf"])
        self.coef = np.asarray(bow["coef"], dtype=float).T  # (2 * vocab, 3)
        self.intercept = np.asarray(bow["intercept"], dtype=float)
        self.blend = float(data["blend"])
        self.bias = np.asarray(data["stance_bias"], dtype=float)
        self.meta = data.get("meta", {})

    def predict(self, pairs: list[tuple[str, str]]) -> list[str]:
        out: list[str] = []
        for start in range(0, len(pairs), BATCH):
            chunk = pairs[start:start + BATCH]
            X = self.featurizer.matrix(chunk)
            p_rel = self.related.predict(X, num_threads=1)
            p_gbm = self.stance.predict(X, num_threads=1)
            logits = self.bow.matrix(chunk) @ self.coef + self.intercept
            logits -= logits.max(axis=1, keepdims=True)
            p_bow = np.exp(logits)
            p_bow /= p_bow.sum(axis=1, keepdims=True)
            p_st = (1.0 - self.blend) * p_gbm + self.blend * p_bow
            best = (p_st * self.bias).argmax(axis=1)
            q = p_st[np.arange(len(best)), best]
            # expected FNC score: a related call earns 0.25 + 0.75 * P(stance right) when the pair
            # is related, an unrelated call 0.25 when it is not
            related = p_rel * (0.25 + 0.75 * q) >= (1.0 - p_rel) * 0.25
            out += [RELATED[b] if r else "unrelated" for r, b in zip(related, best)]
        return out


_MODEL: _Model | None = None
_LOCK = threading.Lock()


def _model() -> _Model:
    global _MODEL
    if _MODEL is None:
        with _LOCK:
            if _MODEL is None:
                _MODEL = _Model(MODEL_PATH)
    return _MODEL


def predict_stances(pairs: Iterable[tuple[str, str]]) -> list[str]:
    """Stances for ``(claim, body)`` pairs, in order; bodies shared by several pairs are
    analysed once."""
    items = [(str(c or ""), str(b or "")) for c, b in pairs]
    if not items:
        return []
    return _model().predict(items)


def predict_stance(claim: str, body: str) -> str:
    """``agree``, ``disagree``, ``discuss`` or ``unrelated``: what ``body`` does with ``claim``."""
    return predict_stances([(claim, body)])[0]


def model_metadata() -> dict:
    """Training metadata stored in the model file (grouped cross-validation figures included)."""
    return dict(_model().meta)
