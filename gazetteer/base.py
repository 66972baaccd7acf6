"""The interface every place source implements, so the index can ingest any of them the same way."""

from __future__ import annotations

import functools
import gzip
import hashlib
import io
import zipfile
from abc import ABC, abstractmethod
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from gazetteer.errors import SourceFormatError
from gazetteer.fold import fold
from gazetteer.model import Place, PlaceRecord

__all__ = ["FileSource", "PlaceSource", "file_fingerprint"]


class PlaceSource(ABC):
    """A source of places for the index.

    Subclasses only parse their own format.  ``fingerprint`` changes whenever the rows would, which is
    how the index knows to rebuild.
    """

    #: registry name, as used by ``geomap gazetteer add --format``
    name: str = ""

    @abstractmethod
    def fingerprint(self) -> str:
        """Return a string that changes whenever the rows of this source change."""

    @abstractmethod
    def records(self) -> Iterator[PlaceRecord]:
        """Yield every place of the source with all the names it may be written as."""

    def label(self) -> str:
        """Return how ``gazetteer info`` names this source."""
        return self.name

    def lookup(self, name: str, *, country: str | None = None, limit: int = 10) -> list[Place]:
        """Places of this source alone named ``name`` (folded), most populous first.

        This scans every record, so it is meant for using a source on its own (and for the contract
        tests every source passes); the index answers the same question from SQLite in microseconds.
        """
        key = fold(name)
        if not key:
            return []
        found = [
            r.place
            for r in self.records()
            if (not country or r.place.country == country.upper()) and any(_fold(n) == key for n in r.names)
        ]
        found.sort(key=lambda p: -p.population)
        return found[:limit]


#: folding the same names on every scan dominates :meth:`PlaceSource.lookup`; names repeat across scans
_fold = functools.lru_cache(maxsize=1 << 18)(fold)


def file_fingerprint(path: Path) -> str:
    """Identify a file's content cheaply: size, mtime and a hash of its first and last mebibyte."""
    stat = path.stat()
    digest = hashlib.sha256(f"{stat.st_size}:{stat.st_mtime_ns}".encode())
    with path.open("rb") as fh:
        digest.update(fh.read(1 << 20))
        if stat.st_size > 2 << 20:
            fh.seek(-(1 << 20), 2)
            digest.update(fh.read())
    return digest.hexdigest()[:32]


class FileSource(PlaceSource):
    """A source read from one file the user gave: plain text, gzip-compressed, or a GeoNames zip."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)

    def fingerprint(self) -> str:
        """Hash of the file's size, time and ends."""
        return file_fingerprint(self.path)

    def label(self) -> str:
        """Name the source and the file it came from."""
        return f"{self.name}:{self.path}"

    def lines(self) -> Iterator[str]:
        """Yield the file's text lines, transparently reading ``.gz`` files and GeoNames ``.zip`` archives.

        A zip is read in place rather than extracted, so no member name ever reaches the file system.
        """
        try:
            with self._open_text() as fh:
                for line in fh:
                    yield line.rstrip("\n").rstrip("\r")
        except (zipfile.BadZipFile, EOFError, gzip.BadGzipFile) as exc:
            raise SourceFormatError(f"{self.path}: damaged or truncated archive ({exc})") from None

    def _open_text(self) -> IO[str]:
        if self.path.suffix == ".gz":
            return gzip.open(self.path, "rt", encoding="utf-8", errors="replace")
        if self.path.suffix == ".zip":
            return _open_zip_member(self.path)
        return self.path.open(encoding="utf-8", errors="replace")


def _open_zip_member(path: Path) -> IO[str]:
    """Open the data member of a GeoNames zip: ``CC.txt`` in ``CC.zip``, else its only ``.txt``.

    GeoNames archives hold the data file and sometimes a ``readme.txt``; anything else is not ours.
    """
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise SourceFormatError(f"{path}: not a readable zip archive ({exc})") from None
    names = [i.filename for i in archive.infolist() if not i.is_dir()]
    wanted = f"{path.stem}.txt"
    if wanted not in names:
        data = [n for n in names if n.lower().endswith(".txt") and n.lower() != "readme.txt"]
        if len(data) != 1:
            archive.close()
            raise SourceFormatError(f"{path}: expected {wanted} or a single .txt member, found {names}")
        wanted = data[0]
    raw = archive.open(wanted)
    archive.close()  # the member keeps the file open until it is closed itself
    return io.TextIOWrapper(raw, encoding="utf-8", errors="replace")
