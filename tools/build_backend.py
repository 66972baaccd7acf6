"""geomap's build backend: setuptools', asking for mypy only when ``GEOMAP_COMPILE=1`` wants it.

pyproject.toml lists build requirements statically; mypy, which compiles the optional C extensions
(see setup.py), is needed for that build alone, so it is requested here, on demand: the in-tree
backend that setuptools documents for conditional build requirements.
"""

from __future__ import annotations

import os

from setuptools import build_meta
from setuptools.build_meta import *  # noqa: F403  (every hook not redefined below is setuptools' own)

_COMPILER = "mypy>=1.11"


def _compiling() -> bool:
    return os.environ.get("GEOMAP_COMPILE") == "1"


def get_requires_for_build_wheel(config_settings: dict | None = None) -> list[str]:
    """Setuptools' requirements, and mypy for a compiled build."""
    extra = [_COMPILER] if _compiling() else []
    return [*build_meta.get_requires_for_build_wheel(config_settings), *extra]


def build_editable(
    wheel_directory: str, config_settings: dict | None = None, metadata_directory: str | None = None
) -> str:
    """An editable install is always pure Python.

    Compiled modules in the source tree would be imported instead of the ``.py`` files beside them, and
    a developer's edits would silently do nothing.
    """
    if _compiling():
        raise SystemExit("GEOMAP_COMPILE=1 needs a regular install (`pip install .`), not an editable one")
    return build_meta.build_editable(wheel_directory, config_settings, metadata_directory)
