"""The interface every place source implements, so the index can ingest any of them the same way."""

from __future__ import annotations

import hashlib
from abc import ABC, abstractmethod
from collections.abc import Iterator
from pathlib import Path

from gazetteer.model import PlaceRecord

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
    """A source read from one file the user gave (plain or gzip-compressed)."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)

    def fingerprint(self) -> str:
        """Hash of the file's size, time and ends."""
        return file_fingerprint(self.path)

    def label(self) -> str:
        """The source name and the file it came from."""
        return f"{self.name}:{self.path}"

    def lines(self) -> Iterator[str]:
        """Yield the file's text lines, transparently un-gzipping ``.gz`` files."""
        import gzip

        opener = gzip.open if self.path.suffix == ".gz" else open
        with opener(self.path, "rt", encoding="utf-8", errors="replace") as fh:
            for line in fh:
                yield line.rstrip("\n").rstrip("\r")
