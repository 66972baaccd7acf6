"""The optional compiled build: ``GEOMAP_COMPILE=1 pip install .``.

Everything else about the package is in pyproject.toml.  With ``GEOMAP_COMPILE=1`` the modules in
:data:`COMPILED`, the hot path of finding and resolving places, are compiled to C extensions with mypyc
(about a third faster; see docs/benchmarks.md).  They run the same code: ``tests/test_compiled.py``
checks that both builds give identical reports.  Without it, the package is pure Python.
"""

from __future__ import annotations

import os

from setuptools import setup

#: the place finder's and the resolver's modules, where ``geomap.parse`` spends most of its time
COMPILED = [
    "geomap/tokens.py",
    "geomap/cues.py",
    "geomap/mentions.py",
    "geomap/sentences.py",
    "geomap/proximity.py",
    "geomap/spelling.py",
    "geomap/relative.py",
    "geomap/resolve.py",
    "gazetteer/index.py",
]
#: mypy reads the compiled modules' imports (click, folium...) without compiling or checking them
MYPYC_OPTIONS = ["--ignore-missing-imports", "--follow-imports=silent"]


def _extensions() -> list:
    if os.environ.get("GEOMAP_COMPILE") != "1":
        return []
    from mypyc.build import mypycify

    return mypycify([*MYPYC_OPTIONS, *COMPILED])


setup(ext_modules=_extensions())
