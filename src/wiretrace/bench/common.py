"""What the benchmarks share: where ../shared's data lives and how its scorers are loaded."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

#: ../shared/bench beside the repository (absent on some machines: benchmarks then say so).
SHARED_BENCH = Path(__file__).resolve().parents[3].parent / "shared" / "bench"


def load_scorer(data: Path) -> ModuleType:
    """The benchmark folder's own ``score.py``, imported from its path (it is no package)."""
    spec = importlib.util.spec_from_file_location(f"{data.name}_score", data / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
