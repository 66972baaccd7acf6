"""The GeoNames 19-column ``geoname`` dump (``UA.txt``, ``cities500.txt``, ``allCountries.txt``)."""

from __future__ import annotations

from collections.abc import Iterator

from gazetteer.base import FileSource
from gazetteer.errors import SourceFormatError
from gazetteer.fold import is_indexable
from gazetteer.model import Place, PlaceRecord

__all__ = ["GeoNamesDumpSource"]

#: feature classes worth resolving report toponyms to: areas, water, populated places, spots, terrain
_CLASSES = frozenset("AHPLST")


class GeoNamesDumpSource(FileSource):
    """Rows of ``download.geonames.org/export/dump/CC.zip`` and the ``citiesN`` extracts."""

    name = "geonames"

    def records(self) -> Iterator[PlaceRecord]:
        """Parse each row; rows of the wrong width stop ingestion with the line number."""
        for number, line in enumerate(self.lines(), 1):
            if not line or line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) != 19:
                raise SourceFormatError(f"{self.path}:{number}: {len(cols)} columns, expected 19")
            if cols[6] not in _CLASSES:
                continue
            try:
                place = Place(
                    geonameid=int(cols[0]),
                    name=cols[1],
                    lat=float(cols[4]),
                    lon=float(cols[5]),
                    feature_class=cols[6],
                    feature_code=cols[7],
                    country=cols[8],
                    admin1=cols[10],
                    admin2=cols[11],
                    population=int(cols[14] or 0),
                    source=self.name,
                )
            except ValueError as exc:
                raise SourceFormatError(f"{self.path}:{number}: {exc}") from None
            names = [cols[1], cols[2], *(n for n in cols[3].split(",") if is_indexable(n))]
            yield PlaceRecord(place, tuple(dict.fromkeys(n for n in names if n)))
