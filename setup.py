"""The optional compiled build: ``GEOMAP_COMPILE=1 pip install .``.

Everything else about the package is in pyproject.toml.  With ``GEOMAP_COMPILE=1`` the modules in
:data:`COMPILED`, where ``geomap.parse`` spends its time, are compiled to C extensions with mypyc (the
resolver runs 1.4 times as fast; see docs/benchmarks.md).  They run the same code: ``tests/test_compiled.py``
checks that both builds give identical reports.  Without it, the package is pure Python.
"""

from __future__ import annotations

import os

from setuptools import setup

#: the place finder's and the resolver's modules, then the claims stage's (which gains less: its time
#: goes to regular expressions, compiled already)
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
    "geomap/prefilter.py",
    "geomap/dates.py",
    "geomap/event_types.py",
    "geomap/frames.py",
    "geomap/drafts.py",
    "geomap/claimants.py",
    "geomap/events.py",
]
#: mypy reads the compiled modules' imports (click, folium...) without compiling or checking them
MYPYC_OPTIONS = ["--ignore-missing-imports", "--follow-imports=silent"]


def _extensions() -> list:
    if os.environ.get("GEOMAP_COMPILE") != "1":
        return []
    from mypyc.build import mypycify

    return mypycify([*MYPYC_OPTIONS, *COMPILED])


setup(ext_modules=_extensions())
