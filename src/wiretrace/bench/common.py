"""What the benchmarks and the trainers share: where ../shared's data lives, how its JSONL files are
read and how its scorers are loaded."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

#: ../shared/bench beside the repository (absent on some machines: benchmarks then say so).
SHARED_BENCH = Path(__file__).resolve().parents[3].parent / "shared" / "bench"


def read_jsonl(path: Path) -> list[dict]:
    """The objects of a JSONL data file, one a line (blank lines skipped)."""
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def load_scorer(data: Path) -> ModuleType:
    """The benchmark folder's own ``score.py``, imported from its path (it is no package)."""
    spec = importlib.util.spec_from_file_location(f"{data.name}_score", data / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def check_floors(floors_file: Path, got: dict[str, float]) -> int:
    """1 (after saying which) when a figure in ``got`` is below its floor in ``floors_file``, else 0."""
    floors = json.loads(floors_file.read_text(encoding="utf-8"))
    low = [f"{k} {got[k]:.4f} < {v}" for k, v in floors.items() if k in got and got[k] < v]
    if low:
        print("below floors: " + "; ".join(low))
        return 1
    print(f"floors met ({floors_file.name})")
    return 0
