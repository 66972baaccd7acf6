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
    """The compiler, mypy, for a compiled build; else nothing beyond pyproject.toml's setuptools.

    setuptools' own hook would run setup.py to ask, and setup.py imports mypy's compiler, which is not
    installed yet at this step; setup.py declares no requirements of its own.
    """
    return [_COMPILER] if _compiling() else []


get_requires_for_build_sdist = get_requires_for_build_wheel  # an sdist build runs setup.py too


def get_requires_for_build_editable(config_settings: dict | None = None) -> list[str]:
    """An editable install is always pure Python: this is the first step pip asks of one.

    Compiled modules in the source tree would be imported instead of the ``.py`` files beside them, and
    a developer's edits would silently do nothing.
    """
    if _compiling():
        raise SystemExit("GEOMAP_COMPILE=1 needs a regular install (`pip install .`), not an editable one")
    return build_meta.get_requires_for_build_editable(config_settings)
