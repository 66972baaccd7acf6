"""The 19-column GeoNames dump reader, on hand-written rows and on the real cities15000 extract."""

from __future__ import annotations

import gzip
import zipfile
from pathlib import Path

import pytest
from source_contract import PlaceSourceContract

from gazetteer import SourceFormatError, source_for_file
from gazetteer.sources import GeoNamesDumpSource

DATA = Path(__file__).resolve().parents[2] / "data"
FIXTURE = DATA / "geonames_ua_small.txt"


class TestGeoNamesDumpSource(PlaceSourceContract):
    known_name = "Slov'yans'k"
    known_variant = "SLOVYANSK"
    known_position = (48.86667, 37.61667)
    tolerance_km = 0.1

    def make_source(self):
        return GeoNamesDumpSource(FIXTURE)

    def test_keeps_every_column_the_resolver_needs(self):
        (bakhmut,) = self.make_source().lookup("Артемовск")
        assert (bakhmut.geonameid, bakhmut.name, bakhmut.feature_class, bakhmut.feature_code) == (
            9100001,
            "Bakhmut",
            "P",
            "PPLA2",
        )
        assert (bakhmut.country, bakhmut.admin1, bakhmut.admin2, bakhmut.population) == (
            "UA",
            "05",
            "1402",
            72310,
        )
        assert (bakhmut.lat, bakhmut.lon) == (48.59441, 37.99983)
        assert bakhmut.source == "geonames"

    def test_skips_feature_classes_reports_never_mean(self):
        ids = {r.place.geonameid for r in self.make_source().records()}
        assert 9100010 not in ids  # a road (class R)
        assert {9100008, 9100009} <= ids  # a river (H) and an oblast (A) are kept

    def test_reads_gzip_and_zip(self, tmp_path):
        gz = tmp_path / "UA.txt.gz"
        gz.write_bytes(gzip.compress(FIXTURE.read_bytes()))
        archive = tmp_path / "UA.zip"
        with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
            zf.writestr("readme.txt", "GeoNames readme\tnot data\n")
            zf.write(FIXTURE, "UA.txt")
        plain = [r.place for r in self.make_source().records()]
        assert [r.place for r in GeoNamesDumpSource(gz).records()] == plain
        assert [r.place for r in GeoNamesDumpSource(archive).records()] == plain
        assert isinstance(source_for_file(archive), GeoNamesDumpSource)

    def test_zip_without_a_data_member_is_refused(self, tmp_path):
        archive = tmp_path / "UA.zip"
        with zipfile.ZipFile(archive, "w") as zf:
            zf.writestr("a.txt", "x")
            zf.writestr("b.txt", "y")
        with pytest.raises(SourceFormatError, match=r"single \.txt member"):
            list(GeoNamesDumpSource(archive).records())

    def test_truncated_gzip_is_a_format_error(self, tmp_path):
        gz = tmp_path / "UA.txt.gz"
        gz.write_bytes(gzip.compress(FIXTURE.read_bytes() * 50)[:300])
        with pytest.raises(SourceFormatError, match="damaged or truncated"):
            list(GeoNamesDumpSource(gz).records())

    def test_wrong_width_row_names_the_line(self, tmp_path):
        bad = tmp_path / "bad.txt"
        bad.write_text(FIXTURE.read_text(encoding="utf-8") + "1\tonly\tthree\n", encoding="utf-8")
        with pytest.raises(SourceFormatError, match=r"bad.txt:12: 3 columns, expected 19"):
            list(GeoNamesDumpSource(bad).records())

    def test_real_cities15000(self, shared_dir):
        source = GeoNamesDumpSource(shared_dir / "geonames" / "cities15000.txt.gz")
        (pokrovsk,) = source.lookup("Pokrovsk", country="UA")
        assert pokrovsk.geonameid == 704422 and pokrovsk.admin1 == "05"
        assert abs(pokrovsk.lat - 48.28) < 0.05 and abs(pokrovsk.lon - 37.18) < 0.05
