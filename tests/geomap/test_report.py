"""The reference article end to end: every battlefield place where GeoNames puts it, no trap taken as a
place, and the villages missing from the embedded data listed, then resolved once data is added."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest
from geopy.distance import geodesic

import geomap
from gazetteer import Gazetteer
from gazetteer.sources import PostalCodeSource

# GeoNames positions (cities500, geonames.org) of the reference article's battlefield places
EXPECTED = {
    "Kiev": ("Kyiv", (50.45466, 30.5238)),
    "Slavyansk": ("Slovyansk", (48.85, 37.6)),
    "Bakhmut": ("Bakhmut", (48.59441, 37.99983)),
    "Pokrovsk": ("Pokrovsk", (48.28198, 37.17585)),
    "Krasna Hora": ("Krasna Hora", (48.66282, 38.02217)),
    "Opiten": ("Opytne", (48.5562, 38.01744)),
    "Kramatorsk": ("Kramatorsk", (48.73049, 37.58793)),
    "Brussels": ("Brussels", (50.85045, 4.34878)),
}
TRAPS = [
    "Austin",
    "Lloyd",
    "Zorin",
    "Maxim",
    "Kirilenko",
    "Zhdanov",
    "Telegram",
    "Reuters",
    "YouTube",
    "Said",
    "Wednesday",
    "February",
    "December",
    "NATO",
    "EU",
    "West",
    "Malyar",
    "Stoltenberg",
    "Borrell",
]


@pytest.fixture(scope="module")
def report(example_text, gazetteer):
    return geomap.parse(example_text, date=dt.date(2023, 2, 16), gazetteer=gazetteer)


def test_offsets_index_the_text(report, example_text):
    for item in (*report.places, *report.unresolved):
        assert example_text[item.start : item.end] == item.surface
    for event in report.events:
        assert example_text[event.start : event.end] == event.quote


def test_battlefield_places_within_10_km_of_geonames(report):
    for surface, (name, point) in EXPECTED.items():
        hits = [p for p in report.places if p.surface == surface]
        assert hits, surface
        for hit in hits:
            assert hit.name == name
            assert geodesic((hit.lat, hit.lon), point).km < 10, (surface, hit.lat, hit.lon)


def test_regions_are_regions_not_capitals(report):
    luhansk = next(p for p in report.places if p.surface == "Luhansk region")
    # "the town of Bakhmut in Donetsk"
    donetsk = next(p for p in report.places if p.surface == "Donetsk" and p.start == 2004)
    for region, name in ((luhansk, "Luhansk Oblast"), (donetsk, "Donetsk Oblast")):
        assert region.name == name and region.is_region and region.uncertainty_km > 50


def test_no_trap_becomes_a_place(report, example_text):
    for trap in TRAPS:
        assert not [p for p in report.places if trap in p.surface], trap


def test_missing_villages_are_unresolved_with_a_hint(report):
    assert sorted(u.surface for u in report.unresolved) == ["Klishivka", "Paraskovivka"]
    assert all("gazetteer" in u.hint and u.sentence for u in report.unresolved)


def test_events_carry_claimant_side_date_and_hedge(report):
    by_claimant = {e.claimant: e for e in report.events}
    ministry = next(e for e in report.events if "Defense Ministry" in e.claimant)
    assert ministry.side == "RU" and ministry.verified is False
    assert [p.name for p in ministry.places] == ["Luhansk Oblast"]
    governor = next(e for e in report.events if "Kirilenko" in e.claimant)
    assert governor.side == "UA" and governor.fatalities == 3
    assert "Pokrovsk" in [p.name for p in governor.places]
    zorin = [e for e in report.events if "Zorin" in e.claimant]
    # "on Wednesday" in a report of Thursday 2023-02-16, and the claims told around it
    assert ministry.date == governor.date == dt.date(2023, 2, 15)
    assert zorin and all(e.date == dt.date(2023, 2, 15) for e in zorin)
    assert by_claimant  # one event per claim, each with a claimant
    assert not [e for e in report.events if "would give Russia" in e.quote]  # a forecast is not an event


def test_villages_resolve_once_the_postal_dump_is_added(shared_dir, gazetteer, example_text, tmp_path):
    path = tmp_path / "index.sqlite"
    shutil.copy(gazetteer.path, path)
    with Gazetteer(path) as extended:
        extended.add(PostalCodeSource(shared_dir / "geonames" / "UA_postalcodes.txt.gz"))
        report = geomap.parse(example_text, date="2023-02-16", gazetteer=extended)
    assert not report.unresolved
    found = {p.surface: p for p in report.places}
    # postal positions (GeoNames postal codes): Klishchiivka 48.53 37.9605, Paraskoviivka 48.7021 37.9409
    assert found["Klishivka"].name == "Klishchiivka"
    assert geodesic((found["Klishivka"].lat, found["Klishivka"].lon), (48.53, 37.9605)).km < 10
    assert found["Paraskovivka"].name == "Paraskoviivka"
    assert geodesic((found["Paraskovivka"].lat, found["Paraskovivka"].lon), (48.7021, 37.9409)).km < 10


def test_nationality_adjectives_are_modifiers_not_places(gazetteer):
    # written for geomap
    report = geomap.parse(
        "Russian forces shelled a Georgian village near Kharkiv, Ukrainian officials said.",
        gazetteer=gazetteer,
    )
    assert [p.surface for p in report.places] == ["Kharkiv"]
    modifiers = {p.surface: (p.place.country, p.place.feature_code, p.role) for p in report.modifiers}
    assert modifiers == {
        "Russian": ("RU", "PCLI", "modifier"),
        "Georgian": ("GE", "PCLI", "modifier"),
        "Ukrainian": ("UA", "PCLI", "modifier"),
    }
    assert all(p.surface == "Kharkiv" for e in report.events for p in e.places)


def test_two_word_nationality_adjectives(gazetteer):
    # written for geomap
    report = geomap.parse("Sri Lankan troops met South Ossetian officials in the South.", gazetteer=gazetteer)
    found = [(m.surface, m.place.country) for m in report.modifiers]
    assert found == [("Sri Lankan", "LK"), ("South Ossetian", "GE")]
    assert not report.places


def test_peoples_are_modifiers_too(gazetteer):
    # written for geomap
    text = "Palestinians and Israelis met Russians; the Cleveland Indians won."
    report = geomap.parse(text, gazetteer=gazetteer)
    assert [(m.surface, m.place.country) for m in report.modifiers] == [
        ("Palestinians", "PS"),
        ("Israelis", "IL"),
        ("Russians", "RU"),
    ]


def test_places_that_institutions_are_named_after_are_modifiers(gazetteer):
    # written for geomap
    text = (
        "The Washington Post and the Kyiv Independent reported that Pakistan Army engineers, the Bank of "
        "Japan and the Wagner Group were in Kharkiv. A spokesman of the US Census Bureau declined comment."
    )
    report = geomap.parse(text, gazetteer=gazetteer)
    assert [p.surface for p in report.places] == ["Kharkiv"]
    modifiers = {p.surface: (p.place.name, p.place.country, p.role) for p in report.modifiers}
    assert modifiers == {
        "Washington": ("Washington", "US", "modifier"),
        "Kyiv": ("Kyiv", "UA", "modifier"),
        "Pakistan": ("Pakistan", "PK", "modifier"),
        "Japan": ("Japan", "JP", "modifier"),
        "US": ("United States", "US", "modifier"),
    }  # a town of 1,500 called Wagner is not what the Wagner Group is named after
    assert report.places[0].place.country == "UA"


def test_airlines_and_newspapers_are_named_after_places_too(gazetteer):
    # written for geomap
    text = "Malaysia Airlines flight MH17 was shot down over Donetsk Oblast, the Houston Chronicle recalled."
    report = geomap.parse(text, gazetteer=gazetteer)
    assert [(p.surface, p.place.feature_code) for p in report.places] == [("Donetsk Oblast", "ADM1")]
    assert [(m.surface, m.place.country) for m in report.modifiers] == [("Malaysia", "MY"), ("Houston", "US")]


def test_adjectives_after_an_article_or_a_prefix_are_modifiers(gazetteer):
    # written for geomap
    text = (
        "The Mexican government met pro-Russian separatists. A Kurdish militia and EU member states "
        "spoke of Central American migrants and the anti-Western mood."
    )
    report = geomap.parse(text, gazetteer=gazetteer)
    assert not report.places
    found = [(m.surface, m.place.name) for m in report.modifiers]
    assert found == [
        ("Mexican", "Mexico"),
        ("Russian", "Russia"),
        ("Kurdish", "Kurdistan"),
        ("EU", "European Union"),
        ("Central American", "Central America"),
    ]


def test_a_name_that_starts_with_a_nationality_word_is_a_place(gazetteer):
    # written for geomap
    text = "A ship crossed the Indian Ocean; the Russian Federation protested."
    report = geomap.parse(text, gazetteer=gazetteer)
    assert [(p.surface, p.place.name) for p in report.places] == [
        ("Indian Ocean", "Indian Ocean"),
        ("Russian Federation", "Russia"),
    ]
    assert not report.modifiers
