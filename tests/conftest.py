"""Shared fixtures. ``SHARED`` is the read-only data folder beside the repo, absent on some machines."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SAMPLES = REPO / "src" / "wiretrace" / "samples"


def need_shared(*parts: str) -> Path:
    """The path under ../shared, or skip the calling test when that data is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} not present (../shared is optional)")
    return path
