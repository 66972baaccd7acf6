"""Build the compiled variant of geomap (``GEOMAP_COMPILE=1``, see setup.py) into a scratch directory.

The benchmarks and ``tests/test_compiled.py`` measure and check it beside the pure-Python sources of
the same checkout, without installing anything: the compiled tree is put first on ``sys.path`` of a
child process.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

__all__ = ["build_compiled"]

ROOT = Path(__file__).resolve().parents[1]
_PACKAGES = ("geomap", "gazetteer")
_BUILD_FILES = ("setup.py", "pyproject.toml", "README.md", "LICENSE", "tools")


def build_compiled(dest: Path) -> Path:
    """Copy the sources to ``dest`` and compile them there in place; returns ``dest``.

    Needs mypy and setuptools ≥ 77 (both in the ``test`` extra) and a C compiler.  A failed build
    raises :class:`RuntimeError` with the compiler's last lines.
    """
    dest.mkdir(parents=True, exist_ok=True)
    ignore = shutil.ignore_patterns("__pycache__", "*.so")
    for name in (*_PACKAGES, *_BUILD_FILES):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, dest / name, ignore=ignore, dirs_exist_ok=True)
        else:
            shutil.copy2(source, dest / name)
    result = subprocess.run(
        [sys.executable, "setup.py", "build_ext", "--inplace"],
        cwd=dest,
        env={**os.environ, "GEOMAP_COMPILE": "1"},
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        tail = "\n".join((result.stdout + result.stderr).splitlines()[-15:])
        raise RuntimeError(f"the compiled build failed (exit {result.returncode}):\n{tail}")
    return dest
