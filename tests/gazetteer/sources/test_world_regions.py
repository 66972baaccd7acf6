"""First-level regions of every country, from the countrystatecity-countries package."""

from __future__ import annotations

from geopy.distance import great_circle
from source_contract import PlaceSourceContract, read_once

from gazetteer.sources import WorldRegionsSource


class TestWorldRegionsSource(PlaceSourceContract):
    # GeoNames places Karnataka (geonameid 1267701) at 13.5 N 76.0 E
    known_name = "Karnataka"
    known_variant = "KARNATAKA"
    known_country = "IN"
    known_position = (13.5, 76.0)
    tolerance_km = 150

    def make_source(self):
        return read_once(WorldRegionsSource())

    def test_regions_carry_the_geonames_admin1_code_of_their_towns(self):
        (oaxaca,) = [p for p in self.make_source().lookup("Oaxaca") if p.country == "MX"]
        # GeoNames' admin1 code of Oaxaca is MX.20, the code of Oaxaca de Juárez in cities500
        assert (oaxaca.feature_code, oaxaca.admin1) == ("ADM1", "20")
        assert 100 < oaxaca.radius_km < 400

    def test_native_names_are_alternates(self):
        (bavaria,) = self.make_source().lookup("Bayern")
        assert bavaria.name == "Bavaria" and bavaria.country == "DE"
        # GeoNames places Bavaria (geonameid 2951839) at 49.0 N 11.5 E
        assert great_circle((bavaria.lat, bavaria.lon), (49.0, 11.5)).km < 100

    def test_curated_countries_are_left_to_the_curated_tables(self):
        countries = {r.place.country for r in self.make_source().records()}
        assert not {"UA", "RU", "US"} & countries
        assert self.make_source().lookup("England") == []
