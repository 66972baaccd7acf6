"""The online fallback, against a fake Nominatim on 127.0.0.1 (never the real service)."""

from __future__ import annotations

import socket

import pytest
from fake_servers import serve_nominatim
from source_contract import PlaceSourceContract

from gazetteer import DownloadError, Gazetteer
from gazetteer.sources import RegionsSource
from gazetteer.sources.online import OnlineSource, place_from_geonames


def _online(host: str, cache_dir, **options) -> OnlineSource:
    return OnlineSource(
        service="nominatim",
        domain=host,
        scheme="http",
        cache_dir=cache_dir,
        min_delay_seconds=0,
        max_retries=0,
        **options,
    )


class TestOnlineSource(PlaceSourceContract):
    known_name = "Курахове"
    known_variant = "КУРАХОВЕ"
    known_position = (47.9833, 37.2833)
    tolerance_km = 0.1

    @pytest.fixture(autouse=True)
    def _server(self, nominatim, tmp_path):
        self.host, self.requests = nominatim
        self.cache_dir = tmp_path / "cache"

    def make_source(self):
        source = _online(self.host, self.cache_dir)
        source.lookup(self.known_name)  # records() lists what the service answered so far
        return source

    def test_answers_become_places(self):
        hits = self.make_source().lookup("Andriivka")
        assert [(p.admin1_name, p.country) for p in hits] == [
            ("Donetsk Oblast", "UA"),
            ("Kharkiv Oblast", "UA"),
        ]
        village = hits[0]
        assert (village.lat, village.lon, village.feature_class, village.feature_code) == (
            48.5012,
            37.9701,
            "P",
            "PPL",
        )
        assert village.population == 500 and village.source == "nominatim"
        assert village.geonameid < -100_000_000_000  # never collides with GeoNames, postal or curated ids
        assert 0.5 < village.radius_km < 3  # half the bounding box's diagonal

    def test_asks_once_then_answers_from_the_disk_cache(self):
        self.make_source()
        asked = len(self.requests)
        again = _online(self.host, self.cache_dir)
        assert again.lookup("КУРАХОВЕ") and again.lookup(" курахове ")
        assert len(self.requests) == asked

    def test_sends_the_country_and_the_details_it_parses(self):
        self.make_source().lookup("Andriivka", country="ua")
        query = self.requests[-1]
        assert query["countrycodes"][0].lower() == "ua"
        for detail in ("addressdetails", "namedetails", "extratags"):  # geopy spells true as 1 or True
            assert query[detail][0] in {"1", "True"}, detail

    def test_cached_answers_survive_going_offline(self, tmp_path):
        cache = tmp_path / "offline-cache"
        with serve_nominatim() as (host, _):
            assert _online(host, cache).lookup("Andriivka")
        # the server is gone: the cached name still resolves, a new one fails clearly
        offline = _online(host, cache)
        assert len(offline.lookup("Andriivka")) == 2
        with pytest.raises(DownloadError, match=r"unreachable.*offline"):
            offline.lookup("Kurakhove")

    def test_a_broken_cache_file_is_started_afresh(self, tmp_path):
        cache = tmp_path / "c"
        cache.mkdir()
        (cache / "online.sqlite").write_bytes(b"this is not sqlite" * 100)
        assert _online(self.host, cache).lookup("Kurakhove")

    def test_answers_can_be_indexed(self, tmp_path):
        source = self.make_source()
        source.lookup("Andriivka")
        with Gazetteer.open(tmp_path / "i.sqlite", sources=[RegionsSource()]) as gaz:
            gaz.add(source)
            assert {p.admin1_name for p in gaz.lookup("Андріївка")} == {"Donetsk Oblast", "Kharkiv Oblast"}
            assert gaz.lookup("Курахово")[0].name == "Kurakhove"  # an old name from namedetails

    def test_geonames_service_needs_a_username(self, tmp_path):
        with pytest.raises(DownloadError, match="username"):
            OnlineSource(service="geonames", cache_dir=tmp_path)
        with pytest.raises(DownloadError, match="unknown online service"):
            OnlineSource(service="bing", cache_dir=tmp_path)


def test_geonames_answers_keep_their_geonameid():
    raw = {
        "geonameId": 713174,
        "name": "Bakhmut",
        "lat": "48.59441",
        "lng": "37.99983",
        "fcl": "P",
        "fcode": "PPLA2",
        "countryCode": "UA",
        "adminCode1": "05",
        "adminName1": "Donetsk",
        "population": 72310,
    }
    place = place_from_geonames(raw)
    assert (place.geonameid, place.admin1, place.admin1_name, place.population) == (
        713174,
        "05",
        "Donetsk",
        72310,
    )
    assert (place.lat, place.lon) == (48.59441, 37.99983)


def test_refused_connection_is_a_clear_offline_error(tmp_path):
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    source = _online(f"127.0.0.1:{port}", tmp_path)
    with pytest.raises(DownloadError, match="are you offline"):
        source.lookup("Kurakhove")
