"""Fixtures for the gazetteer's own tests: small hand-written sources and local servers."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
DATA = HERE.parent / "data"
# the shared helpers (fake servers, the PlaceSource contract) are plain modules beside the tests
for folder in (HERE, HERE / "sources"):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

from fake_servers import serve_files, serve_nominatim  # noqa: E402

from gazetteer import Gazetteer  # noqa: E402
from gazetteer.sources import Admin1CodesSource, GeoNamesDumpSource, PostalCodeSource  # noqa: E402


def fixture_sources(folder: Path = DATA) -> list:
    """The three hand-written files as sources (dump, postal, admin1)."""
    return [
        GeoNamesDumpSource(folder / "geonames_ua_small.txt"),
        PostalCodeSource(folder / "postal_ua_small.txt"),
        Admin1CodesSource(folder / "admin1_small.txt"),
    ]


@pytest.fixture(scope="session")
def make_sources():
    """Build the fixture sources from a folder (a copy in ``tmp_path`` when a test edits them)."""
    return fixture_sources


@pytest.fixture(scope="session")
def small_gazetteer(tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    """An index built from the hand-written fixtures only (milliseconds, not the 25 s of the real one)."""
    return Gazetteer.open(tmp_path_factory.mktemp("gaz") / "small.sqlite", sources=fixture_sources())


@pytest.fixture
def file_server(tmp_path: Path):
    root = tmp_path / "www"
    root.mkdir()
    with serve_files(root) as server:
        yield server


@pytest.fixture
def nominatim():
    with serve_nominatim() as served:
        yield served
