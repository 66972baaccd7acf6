"""``save_map``: write a map's HTML without ever leaving a half-written or clobbered file."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import folium

from geomap.errors import GeomapError, OutputExistsError

__all__ = ["save_map"]


def _publish(tmp: Path, path: Path, *, force: bool) -> None:
    """Move the finished file into place; without ``force`` a hard link refuses an existing target."""
    if force:
        os.replace(tmp, path)
        return
    try:
        os.link(tmp, path)
    except FileExistsError:
        raise OutputExistsError(f"{path} exists; use --force to overwrite it") from None
    except OSError:  # file systems without hard links: check, then rename
        if path.exists():
            raise OutputExistsError(f"{path} exists; use --force to overwrite it") from None
        os.replace(tmp, path)


def save_map(m: folium.Map, path: str | os.PathLike, *, force: bool = False) -> Path:
    """Write ``m`` as a standalone HTML file at ``path`` and return the path.

    The page is rendered into a temporary file in the target folder and moved into place, so readers
    never see a partial map and a failed render leaves any older file untouched.

    Raises
    ------
    OutputExistsError
        ``path`` exists and ``force`` is false.
    GeomapError
        The folder does not exist or cannot be written.
    """
    target = Path(path)
    if target.exists() and not force:
        raise OutputExistsError(f"{target} exists; use --force to overwrite it")
    html = m.get_root().render()
    try:
        fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent or ".")
    except OSError as exc:
        raise GeomapError(f"cannot write {target}: {exc.strerror or exc}") from None
    tmp = Path(name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(html)
        _publish(tmp, target, force=force)
    finally:
        tmp.unlink(missing_ok=True)
    return target
