"""``save_map``: write a map's HTML without ever leaving a half-written or clobbered file."""

from __future__ import annotations

import os
from pathlib import Path

import folium

from geomap.output.files import write_atomic

__all__ = ["save_map"]


def save_map(m: folium.Map, path: str | os.PathLike, *, force: bool = False) -> Path:
    """Write ``m`` as a standalone HTML file at ``path`` and return the path.

    The page is rendered first and written through :func:`geomap.output.files.write_atomic`, so readers
    never see a partial map and a failed render leaves any older file untouched.

    Raises
    ------
    OutputExistsError
        ``path`` exists and ``force`` is false.
    InputError
        The folder does not exist, or ``path`` is a directory.
    """
    return write_atomic(path, m.get_root().render(), force=force)
