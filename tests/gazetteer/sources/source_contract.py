"""The contract every place source keeps; a source's test class inherits it and implements ``make_source``.

Modelled on geopy's ``BaseTestGeocoder``: the class attributes name one place the source must know, a
spelling of it that only differs by case, diacritics, apostrophes or hyphens, and where it lies.
"""

from __future__ import annotations

import math

from geopy.distance import great_circle

from gazetteer import Place, PlaceRecord, fold
from gazetteer.base import PlaceSource

__all__ = ["PlaceSourceContract", "read_once"]

_RECORDS: dict[str, tuple[PlaceRecord, ...]] = {}


def read_once(source: PlaceSource) -> PlaceSource:
    """The real source, its records read once per session: the contract scans them many times."""
    key = f"{type(source).__name__}:{source.fingerprint()}:{source.label()}"
    if key not in _RECORDS:
        _RECORDS[key] = tuple(source.records())
    source.records = lambda: iter(_RECORDS[key])  # type: ignore[method-assign]
    return source


class PlaceSourceContract:
    """Tests every source passes.  Subclasses set the class attributes and implement ``make_source``."""

    known_name: str = ""
    #: another way to write ``known_name`` that folds to the same key
    known_variant: str = ""
    known_country: str = "UA"
    #: where ``known_name`` lies, and how far off (km) a source may put it
    known_position: tuple[float, float] | None = None
    tolerance_km: float = 5.0
    #: whether every record carries coordinates (admin1CodesASCII does not)
    has_coordinates: bool = True

    def make_source(self) -> PlaceSource:
        raise NotImplementedError

    def test_records_are_complete_places(self):
        records = list(self.make_source().records())
        assert records, "a source with no records is useless"
        for record in records:
            assert isinstance(record, PlaceRecord) and isinstance(record.place, Place)
            place = record.place
            assert place.name and record.names, place
            assert all(isinstance(n, str) and n for n in record.names)
            # every place is in a country, but a continent, an ocean or the Middle East spans many
            in_a_country = len(place.country) == 2 and place.country.isupper()
            assert in_a_country or (place.is_region and place.feature_code != "PCLI"), place
            assert place.feature_class in set("AHLPRSTUV") and place.feature_code, place
            assert place.population >= 0 and place.radius_km >= 0
            if math.isnan(place.lat) or math.isnan(place.lon):
                # only areas may come without a position: the index places them among their settlements
                assert place.is_region and place.admin1, place
            else:
                assert self.has_coordinates and -90 <= place.lat <= 90 and -180 <= place.lon <= 180, place

    def test_ids_are_unique(self):
        ids = [r.place.geonameid for r in self.make_source().records()]
        assert len(ids) == len(set(ids))

    def test_fingerprint_is_stable(self):
        assert self.make_source().fingerprint() == self.make_source().fingerprint()
        assert self.make_source().fingerprint()

    def test_label_names_the_source(self):
        source = self.make_source()
        assert source.name and source.name in source.label()

    def test_lookup_finds_the_known_place(self):
        hits = self.make_source().lookup(self.known_name)
        assert hits, self.known_name
        best = hits[0]
        assert fold(self.known_name) in {fold(best.name)} | {
            fold(n)
            for r in self.make_source().records()
            if r.place.geonameid == best.geonameid
            for n in r.names
        }
        assert best.country == self.known_country
        if self.known_position and self.has_coordinates:
            assert great_circle(self.known_position, (best.lat, best.lon)).km <= self.tolerance_km
        elif not self.has_coordinates:
            assert math.isnan(best.lat)

    def test_lookup_is_folded(self):
        source = self.make_source()
        assert self.known_variant and fold(self.known_variant) == fold(self.known_name)
        assert [p.geonameid for p in source.lookup(self.known_variant)] == [
            p.geonameid for p in source.lookup(self.known_name)
        ]

    def test_lookup_filters_by_country(self):
        source = self.make_source()
        assert source.lookup(self.known_name, country=self.known_country)
        assert source.lookup(self.known_name, country="NZ") == []

    def test_lookup_of_unknown_or_empty_names_is_empty(self):
        source = self.make_source()
        assert source.lookup("Qwxzvillezzz") == []
        assert source.lookup("   ") == []
        assert source.lookup("'-'") == []

    def test_lookup_respects_limit(self):
        assert len(self.make_source().lookup(self.known_name, limit=1)) <= 1
