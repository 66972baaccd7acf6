"""``admin1CodesASCII.txt``: the names of first-level divisions for every country."""

from __future__ import annotations

import math
from collections.abc import Iterator

from gazetteer.base import FileSource
from gazetteer.errors import SourceFormatError
from gazetteer.model import Place, PlaceRecord

__all__ = ["Admin1CodesSource"]


class Admin1CodesSource(FileSource):
    """Each row becomes an ADM1 place; the index places it in the middle of its settlements."""

    name = "admin1"

    def records(self) -> Iterator[PlaceRecord]:
        """Parse ``CC.code, name, asciiname, geonameid`` rows (no coordinates in this file)."""
        for number, line in enumerate(self.lines(), 1):
            if not line:
                continue
            cols = line.split("\t")
            if len(cols) != 4 or "." not in cols[0]:
                raise SourceFormatError(f"{self.path}:{number}: expected CC.code<TAB>name<TAB>ascii<TAB>id")
            country, code = cols[0].split(".", 1)
            try:
                geonameid = int(cols[3])
            except ValueError:
                raise SourceFormatError(f"{self.path}:{number}: bad geonameid {cols[3]!r}") from None
            place = Place(
                geonameid=geonameid,
                name=cols[1],
                lat=math.nan,
                lon=math.nan,
                feature_class="A",
                feature_code="ADM1",
                country=country,
                admin1=code,
                source=self.name,
                admin1_name=cols[1],
            )
            yield PlaceRecord(place, tuple(dict.fromkeys((cols[1], cols[2]))))
