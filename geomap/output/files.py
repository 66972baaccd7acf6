"""Writing outputs so that a failure never leaves a half-written file or costs the user a file.

An output is written to a temporary file in the destination's own directory and moved into place with
:func:`os.replace`, which is atomic on POSIX and Windows: readers see the old file or the complete new
one, never a truncated mix, and a crash, a full disk or an error halfway through leaves the old file as
it was.  An existing file is replaced only with ``force``, and never when it is one of the inputs.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from geomap.errors import InputError, OutputExistsError

__all__ = ["atomic_path", "atomic_writer", "check_output", "write_atomic"]


def _same_file(a: Path, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:  # either side missing, stdin '-', a URL
        return False


def _file_mode(out: Path) -> int:
    """Give the mode a new file would get (mkstemp's private 0600 would hide outputs from other users)."""
    if out.exists():
        return out.stat().st_mode & 0o7777
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def check_output(path: str | os.PathLike, *, force: bool, inputs: Iterable[str] = ()) -> Path:
    """Check, before any work is done, that ``path`` may be written.

    Raises
    ------
    InputError
        When ``path`` is one of ``inputs`` (even ``--force`` never overwrites a report being read), or
        names a directory.
    OutputExistsError
        When ``path`` exists and ``force`` is false.
    """
    out = Path(path)
    if any(_same_file(out, spec) for spec in inputs):
        raise InputError(f"{out}: refusing to overwrite an input file with the output")
    if out.is_dir():
        raise InputError(f"{out}: is a directory; give an output file name")
    if out.exists() and not force:
        raise OutputExistsError(f"{out} exists; use --force to overwrite it")
    if not out.parent.is_dir():
        raise InputError(f"{out.parent}: the output directory does not exist")
    return out


@contextlib.contextmanager
def atomic_path(path: str | os.PathLike, *, force: bool, inputs: Iterable[str] = ()) -> Iterator[Path]:
    """Yield a temporary path beside ``path`` that replaces ``path`` only when the block succeeds.

    For writers that must create the file by name (GeoPackage, Parquet); streams use
    :func:`atomic_writer`.

    Raises
    ------
    InputError, OutputExistsError
        As :func:`check_output`; also re-raised when the block raises, after the temporary is removed.
    """
    out = check_output(path, force=force, inputs=inputs)
    fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", suffix=out.suffix or ".tmp", dir=out.parent)
    os.close(fd)
    try:
        yield Path(tmp)
        if out.exists() and not force:  # created by someone else while we were working
            raise OutputExistsError(f"{out} exists; use --force to overwrite it")
        os.chmod(tmp, _file_mode(out))
        os.replace(tmp, out)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


@contextlib.contextmanager
def atomic_writer(path: str | os.PathLike, *, force: bool, inputs: Iterable[str] = (),
                  binary: bool = False) -> Iterator[IO]:
    """Open a temporary file beside ``path`` that replaces ``path`` only when the block succeeds.

    Text mode writes UTF-8 with no newline translation, so the bytes are the same on every platform.
    The data is flushed to disk before the rename, so a crash cannot leave an empty file in place.
    """
    mode = "wb" if binary else "w"
    options = {} if binary else {"encoding": "utf-8", "newline": ""}
    with atomic_path(path, force=force, inputs=inputs) as tmp, open(tmp, mode, **options) as stream:
        yield stream
        stream.flush()
        os.fsync(stream.fileno())


def write_atomic(path: str | os.PathLike, data: str | bytes, *, force: bool,
                 inputs: Iterable[str] = ()) -> Path:
    r"""Write ``data`` to ``path`` atomically; see :func:`atomic_writer` for the guarantees.

    >>> import pathlib, tempfile
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "events.jsonl"
    >>> write_atomic(out, "{}\\n", force=False).read_text()
    '{}\\n'
    """
    with atomic_writer(path, force=force, inputs=inputs, binary=isinstance(data, bytes)) as stream:
        stream.write(data)
    return Path(path)
