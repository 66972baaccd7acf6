"""US counties from the zipcodes package: named as papers name them, placed among their ZIP codes."""

from __future__ import annotations

from geopy.distance import great_circle
from source_contract import PlaceSourceContract, read_once

from gazetteer.sources import UsCountiesSource


class TestUsCountiesSource(PlaceSourceContract):
    # the Census Bureau's internal point of Laurel County, Kentucky is 37.11 N 84.12 W
    known_name = "Laurel County"
    known_variant = "LAUREL COUNTY"
    known_country = "US"
    known_position = (37.11, -84.12)
    tolerance_km = 25

    def make_source(self):
        return read_once(UsCountiesSource())

    def test_every_state_has_its_own_washington_county(self):
        washingtons = self.make_source().lookup("Washington County", limit=100)
        assert len(washingtons) > 25
        assert len({p.admin1 for p in washingtons}) == len(washingtons)
        assert all(p.feature_code == "ADM2" and p.is_region for p in washingtons)

    def test_parishes_and_short_forms(self):
        (avoyelles,) = self.make_source().lookup("Avoyelles Parish")
        assert avoyelles.admin1 == "LA"
        # Census internal point of Avoyelles Parish: 31.08 N 92.00 W
        assert great_circle((avoyelles.lat, avoyelles.lon), (31.08, -92.00)).km < 25
        platte = {p.admin1 for p in self.make_source().lookup("Platte Co.")}
        assert platte == {"MO", "NE", "WY"}

    def test_a_county_is_not_its_bare_name_nor_an_independent_city(self):
        assert self.make_source().lookup("Laurel") == []
        assert self.make_source().lookup("Richmond city") == []

    def test_radius_covers_the_county(self):
        (laurel,) = self.make_source().lookup("Laurel County")
        assert 10 < laurel.radius_km < 60
