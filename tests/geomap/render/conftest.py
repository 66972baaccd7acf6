"""Fixtures for the non-browser map tests (hand-written for geomap tests)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def handmade():
    """The hand-made reports of handmade.py (loaded by path: tests are not a package)."""
    path = Path(__file__).with_name("handmade.py")
    spec = importlib.util.spec_from_file_location("geomap_render_handmade", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def reference(handmade, example_text):
    return handmade.reference_report(example_text)
