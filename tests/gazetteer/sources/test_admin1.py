"""admin1CodesASCII reader: names without coordinates (the index places them)."""

from __future__ import annotations

from pathlib import Path

from source_contract import PlaceSourceContract

from gazetteer import source_for_file
from gazetteer.sources import Admin1CodesSource

DATA = Path(__file__).resolve().parents[2] / "data"


class TestAdmin1CodesSource(PlaceSourceContract):
    known_name = "Luhansk"
    known_variant = "luhansk"
    has_coordinates = False

    def make_source(self):
        return Admin1CodesSource(DATA / "admin1_small.txt")

    def test_rows_are_first_level_divisions(self):
        places = {r.place.admin1_key: r.place for r in self.make_source().records()}
        assert set(places) == {"UA.05", "UA.14"}
        assert places["UA.05"].feature_code == "ADM1" and places["UA.05"].admin1_name == "Donetsk"
        assert places["UA.05"].geonameid == 709716

    def test_detected_by_column_count(self):
        assert isinstance(source_for_file(DATA / "admin1_small.txt"), Admin1CodesSource)
