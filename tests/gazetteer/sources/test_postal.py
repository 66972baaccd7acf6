"""The 12-column postal-code dump reader."""

from __future__ import annotations

from pathlib import Path

from source_contract import PlaceSourceContract

from gazetteer import source_for_file
from gazetteer.sources import PostalCodeSource
from gazetteer.sources.postal import postal_id

DATA = Path(__file__).resolve().parents[2] / "data"


class TestPostalCodeSource(PlaceSourceContract):
    known_name = "Кліщіївка"
    known_variant = "КЛІЩІЇВКА"
    known_position = (48.53, 37.9605)
    tolerance_km = 0.1

    def make_source(self):
        return PostalCodeSource(DATA / "postal_ua_small.txt")

    def test_romanises_and_drops_the_council(self):
        source = self.make_source()
        (klishchiivka,) = source.lookup("Klishchiivka")
        assert klishchiivka.name == "Klishchiivka" and klishchiivka.admin1 == "05"
        paraskoviivka = source.lookup("Paraskoviivka")
        assert len(paraskoviivka) == 2  # two villages of that name, in two raions
        assert len({(p.lat, p.lon) for p in paraskoviivka}) == 2
        assert source.lookup("Парасковіївка (Парасковіївська сільська рада)") == []

    def test_radius_follows_the_accuracy_code(self):
        by_name = {(r.place.name, r.place.lat): r.place.radius_km for r in self.make_source().records()}
        assert by_name[("Klishchiivka", 48.53)] == 3.0  # accuracy 4: from a geonameid
        assert by_name[("Paraskoviivka", 48.7021)] == 5.0  # accuracy 3
        assert by_name[("Paraskoviivka", 47.8258)] == 10.0  # accuracy 1: estimated

    def test_one_place_per_name_and_position(self):
        # six rows; Bakhmut has two postal codes at one point and becomes one place, with its first code's id
        places = [r.place for r in self.make_source().records()]
        assert len(places) == 5
        assert [p.geonameid for p in places if p.name == "Bakhmut"] == [postal_id("UA", "84500", "Бахмут")]

    def test_detected_by_column_count(self):
        assert isinstance(source_for_file(DATA / "postal_ua_small.txt"), PostalCodeSource)

    def test_real_ua_postal_dump(self, shared_dir):
        source = PostalCodeSource(shared_dir / "geonames" / "UA_postalcodes.txt.gz")
        (klishchiivka,) = source.lookup("Klishchiivka")
        assert (klishchiivka.lat, klishchiivka.lon) == (48.53, 37.9605)
