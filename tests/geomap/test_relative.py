"""Relative-position phrases, parsed from real report wording and turned into geodesic points."""

from __future__ import annotations

import pytest
from geopy.distance import geodesic

from geomap.model import Mention
from geomap.relative import find_relative_positions, relative_point

BAKHMUT = (48.59441, 37.99983)


def phrase_before(text: str, anchor: str):
    start = text.index(anchor)
    mention = Mention(start, start + len(anchor), anchor, anchor.lower())
    found = find_relative_positions(text, [mention])
    return found.get(0)


@pytest.mark.parametrize(
    ("text", "kind", "bearing", "km"),
    [
        ("Fighting 3 km north of Bakhmut.", "offset", 0.0, 3.0),
        ("a strike 12 kilometres (7 miles) south-west of Bakhmut", "offset", 225.0, 12.0),
        ("attacks on the northern approaches to Bakhmut", "approach", 0.0, 3.0),
        ("at the southern end of Bakhmut", "approach", 180.0, 3.0),
        ("two settlements north of Bakhmut were hit", "direction", 0.0, 8.0),
        ("the city of Pokrovsk, southwest of Bakhmut", "direction", 225.0, 8.0),
        ("on the outskirts of Bakhmut", "outskirts", None, 0.0),
        ("clashes near Bakhmut", "near", None, 0.0),
        ("бої на північ від Бахмута", "direction", 0.0, 8.0),
    ],
)
def test_phrases(text, kind, bearing, km):
    anchor = "Бахмута" if "Бахмута" in text else "Bakhmut"
    rel = phrase_before(text, anchor)
    assert (rel.kind, rel.bearing_deg, rel.distance_km) == (kind, bearing, km)
    assert text[rel.start : rel.end] == rel.phrase and rel.phrase.endswith(anchor)


def test_no_phrase_no_position():
    assert phrase_before("Russia shelled Bakhmut.", "Bakhmut") is None


def test_offset_point_is_geodesic_and_keeps_an_honest_radius():
    rel = phrase_before("Fighting 10 km east of Bakhmut.", "Bakhmut")
    lat, lon, radius = relative_point(BAKHMUT, rel)
    assert abs(geodesic(BAKHMUT, (lat, lon)).km - 10) < 0.01
    assert lon > BAKHMUT[1] and radius == 3.0


def test_between_is_the_geodesic_midpoint():
    text = "fighting between Bakhmut and Soledar"
    start = text.index("Bakhmut")
    mentions = [
        Mention(start, start + 7, "Bakhmut", "bakhmut"),
        Mention(text.index("Soledar"), len(text), "Soledar", "soledar"),
    ]
    rel = find_relative_positions(text, mentions)[0]
    assert rel.kind == "between" and rel.phrase == "between Bakhmut and Soledar"
    soledar = (48.6833, 38.0833)
    lat, lon, radius = relative_point(BAKHMUT, rel, other=soledar)
    assert abs(geodesic(BAKHMUT, (lat, lon)).km - geodesic(soledar, (lat, lon)).km) < 0.01
    assert radius >= 2.0
