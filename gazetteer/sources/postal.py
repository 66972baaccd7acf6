"""The GeoNames postal-code dump (``export/zip/CC.txt``): 12 columns, many small villages.

Its coordinates are coarse (see the dump's ``accuracy`` column), so every row carries an uncertainty
radius and the index prefers a GeoNames gazetteer row for the same place.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterator

from gazetteer.base import FileSource
from gazetteer.errors import SourceFormatError
from gazetteer.fold import transliterate
from gazetteer.model import Place, PlaceRecord

__all__ = ["PostalCodeSource"]

# accuracy code → radius in km: 1 estimated, 3 same code other name, 4 from geonameid, 6 centroid
_RADIUS_KM = {"1": 10.0, "3": 5.0, "4": 3.0, "6": 5.0}
_PAREN = re.compile(r"\s*\(.*?\)\s*")


def postal_id(country: str, code: str, name: str) -> int:
    """Stable negative id for a postal row, which has no geonameid of its own."""
    return -(zlib.crc32(f"{country}:{code}:{name}".encode()) + 10_000_000)


class PostalCodeSource(FileSource):
    """Rows of the postal-code dump, one place per name and position.

    Towns have one row per postal code, all at the same point; they become a single place (with the id
    of their first code) so that a lookup does not list the same town a dozen times.
    """

    name = "postal"

    def records(self) -> Iterator[PlaceRecord]:
        """Parse rows, dropping the council in parentheses and adding a romanised name."""
        seen: set[tuple[str, ...]] = set()
        for number, line in enumerate(self.lines(), 1):
            if not line:
                continue
            cols = line.split("\t")
            if len(cols) != 12:
                raise SourceFormatError(f"{self.path}:{number}: {len(cols)} columns, expected 12")
            name = _PAREN.sub(" ", cols[2]).strip()
            if not name or not cols[9] or not cols[10]:
                continue
            try:
                lat, lon = float(cols[9]), float(cols[10])
            except ValueError as exc:
                raise SourceFormatError(f"{self.path}:{number}: {exc}") from None
            where = (cols[0], name, cols[4], cols[5], cols[9], cols[10])
            if where in seen:
                continue
            seen.add(where)
            latin = transliterate(name).title()
            place = Place(
                geonameid=postal_id(cols[0], cols[1], name),
                name=latin if latin != name.lower() else name,
                lat=lat,
                lon=lon,
                feature_class="P",
                feature_code="PPL",
                country=cols[0],
                admin1=cols[4],
                admin2=cols[6],
                source=self.name,
                radius_km=_RADIUS_KM.get(cols[11].strip(), 10.0),
            )
            yield PlaceRecord(place, (name, latin))
