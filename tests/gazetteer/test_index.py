"""The SQLite index built from small hand-written sources (tests/data, hand-written for geomap tests)."""

from __future__ import annotations

import shutil
import sqlite3

import pytest
from geopy.distance import great_circle

from gazetteer import Gazetteer, GazetteerError
from gazetteer.sources import GeoNamesDumpSource, PostalCodeSource, RegionsSource


@pytest.mark.parametrize(
    "name",
    ["Bakhmut", "BAKHMUT", "bakhmut", "Бахмут", "БАХМУТ", "Artemivsk", "Артемовск", "Bakhmout"],
)
def test_lookup_any_name_latin_or_cyrillic(small_gazetteer, name):
    assert [p.geonameid for p in small_gazetteer.lookup(name)] == [9100001]


@pytest.mark.parametrize(
    ("name", "geonameid"),
    [
        ("Slov'yans'k", 9100002),
        ("Slovyansk", 9100002),
        ("Słowiańsk", 9100002),
        ("СЛОВ’ЯНСЬК", 9100002),
        ("Ivano-Frankivsk", 9100003),
        ("ivano frankivsk", 9100003),
        ("Івано Франківськ", 9100003),
        ("Zaporižžja", 9100004),
        ("Zaporizzja", 9100004),
        ("Dnipro Test", 9100011),
        ("dnipró-tést", 9100011),
    ],
)
def test_lookup_is_folded(small_gazetteer, name, geonameid):
    assert small_gazetteer.lookup(name)[0].geonameid == geonameid


def test_hit_carries_every_field(small_gazetteer):
    (place,) = small_gazetteer.lookup("Sloviansk")
    assert (place.geonameid, place.name, place.feature_class, place.feature_code) == (
        9100002,
        "Sloviansk",
        "P",
        "PPL",
    )
    assert (place.country, place.admin1, place.population) == ("UA", "05", 106972)
    assert (place.lat, place.lon) == (48.86667, 37.61667)
    assert small_gazetteer.get(9100002) == place
    assert small_gazetteer.admin1_name("UA", "05") in {"Donetsk", "Donetsk Oblast"}


def test_country_filter_and_unknown_names(small_gazetteer):
    assert small_gazetteer.lookup("Bakhmut", country="RU") == []
    assert small_gazetteer.lookup("Nowhere at all") == []
    assert small_gazetteer.lookup("") == []


def test_namesakes_are_all_returned(small_gazetteer):
    opytne = small_gazetteer.lookup("Opytne")
    assert sorted(p.geonameid for p in opytne) == [9100005, 9100006]


def test_postal_villages_resolve_and_yield_to_gazetteer_rows(small_gazetteer):
    (klishchiivka,) = small_gazetteer.lookup("Klishchiivka")
    assert klishchiivka.source == "postal" and klishchiivka.radius_km == 3.0
    assert small_gazetteer.lookup("Кліщіївка") == [klishchiivka]
    assert len(small_gazetteer.lookup("Paraskoviivka")) == 2
    # Bakhmut and Krasna Hora are also postal rows; the GeoNames row wins
    assert [p.source for p in small_gazetteer.lookup("Бахмут")] == ["geonames"]
    assert [p.geonameid for p in small_gazetteer.lookup("Krasna Hora")] == [9100007]


def test_variant_lookup_bridges_romanisations(small_gazetteer):
    assert small_gazetteer.lookup("Kleshcheevka") == []
    assert [p.name for p in small_gazetteer.lookup_variant("Kleshcheevka")] == ["Klishchiivka"]


def test_near_returns_places_within_the_radius_nearest_first(small_gazetteer):
    found = small_gazetteer.near(48.59441, 37.99983, radius_km=10)
    names = [p.name for p, _ in found]
    assert names[0] == "Bakhmut" and found[0][1] < 0.5
    assert "Opytne" in names and "Klishchiivka" in names and "Sloviansk" not in names
    distances = [km for _, km in found]
    assert distances == sorted(distances) and all(km <= 10 for km in distances)
    for place, km in found:
        assert km == pytest.approx(great_circle((48.59441, 37.99983), (place.lat, place.lon)).km)
    # the southern Opytne (near Avdiivka) is not near Bakhmut
    assert 9100006 not in {p.geonameid for p, _ in found}


def test_near_other_feature_classes(small_gazetteer):
    rivers = small_gazetteer.near(48.83, 38.23, radius_km=5, feature_class="H")
    assert [p.name for p, _ in rivers] == ["Bakhmutka"]


def test_admin1_rows_are_placed_among_their_settlements(small_gazetteer):
    luhansk = small_gazetteer.lookup("Luhansk")
    assert luhansk == []  # no settlement of UA.14 in the fixtures: an area with no position is dropped
    small_gazetteer.prefetch_keys(["luhansk", "donetsk"])  # and its names with it
    assert not small_gazetteer.has_key("luhansk") and small_gazetteer.has_key("donetsk")
    (donetsk,) = [p for p in small_gazetteer.lookup("Donetsk") if p.geonameid == 709716]
    assert 47.8 < donetsk.lat < 48.9 and 37.1 < donetsk.lon < 38.1 and donetsk.radius_km > 0


def test_info_counts_sources(small_gazetteer):
    info = small_gazetteer.info()
    assert info.places == 10 + 5 + 1  # the dump without its road, 5 postal rows, admin1 Donetsk only
    assert info.names > info.places
    assert [s.name for s in info.sources] == ["admin1", "geonames", "postal"]
    assert all(s.embedded for s in info.sources)


def test_rebuilds_when_a_source_changes(tmp_path, make_sources):
    data = tmp_path / "data"
    shutil.copytree(make_sources.__globals__["DATA"], data)
    path = tmp_path / "index.sqlite"
    Gazetteer.open(path, sources=make_sources(data)).close()
    before = path.stat().st_ino
    Gazetteer.open(path, sources=make_sources(data)).close()
    assert path.stat().st_ino == before  # unchanged sources: reused, not rebuilt
    dump = data / "geonames_ua_small.txt"
    row = (
        dump.read_text(encoding="utf-8")
        .splitlines()[6]
        .replace("9100007\tKrasna Hora", "9100099\tNovyi Test")
    )
    dump.write_text(dump.read_text(encoding="utf-8") + row + "\n", encoding="utf-8")
    with Gazetteer.open(path, sources=make_sources(data)) as gaz:
        assert [p.geonameid for p in gaz.lookup("Novyi Test")] == [9100099]


def test_added_files_survive_a_rebuild(tmp_path, make_sources):
    path = tmp_path / "index.sqlite"
    data = make_sources.__globals__["DATA"]
    with Gazetteer.open(path, sources=[RegionsSource()]) as gaz:
        assert gaz.add(PostalCodeSource(data / "postal_ua_small.txt")) == 5
        assert gaz.lookup("Klishchiivka")
    # the embedded sources change: the index is rebuilt and the added file read again
    with Gazetteer.open(
        path, sources=[RegionsSource(), GeoNamesDumpSource(data / "geonames_ua_small.txt")]
    ) as gaz:
        assert gaz.lookup("Klishchiivka") and gaz.lookup("Sloviansk")
        assert [s.embedded for s in gaz.info().sources if s.name == "postal"] == [False]


def test_adding_a_file_without_places_is_an_error(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("# nothing\n")
    with Gazetteer.open(tmp_path / "i.sqlite", sources=[RegionsSource()]) as gaz:
        with pytest.raises(GazetteerError, match="no places found"):
            gaz.add(GeoNamesDumpSource(empty))
        assert gaz.lookup("Donbas")  # the index is untouched


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda p: p.write_bytes(b""), id="empty"),
        pytest.param(lambda p: p.write_bytes(b"garbage " * 4096), id="garbage"),
        pytest.param(lambda p: p.write_bytes(p.read_bytes()[: p.stat().st_size // 2]), id="half-written"),
        pytest.param(lambda p: p.write_bytes(p.read_bytes()[:100]), id="header-only"),
        pytest.param(
            lambda p: (
                sqlite3.connect(p)
                .execute("UPDATE meta SET value = '0' WHERE key = 'complete'")
                .connection.commit()
            ),
            id="build-not-marked-complete",
        ),
    ],
)
def test_damaged_index_is_rebuilt_not_crashed_on(tmp_path, make_sources, damage):
    path = tmp_path / "index.sqlite"
    Gazetteer.open(path, sources=make_sources()).close()
    damage(path)
    with Gazetteer.open(path, sources=make_sources()) as gaz:
        assert [p.geonameid for p in gaz.lookup("Bakhmut")] == [9100001]
        assert gaz.near(48.53, 37.96, radius_km=1)[0][0].name == "Klishchiivka"


def test_many_keys_are_probed_at_once(small_gazetteer):
    # more keys than one statement takes, known names among made-up ones, and the padding key itself
    keys = [f"no such place {n}" for n in range(700)] + ["sloviansk", "klishchiivka", ""]
    small_gazetteer.prefetch_keys(keys)
    known = [key for key in keys if small_gazetteer.has_key(key)]
    assert known == ["sloviansk", "klishchiivka"]
