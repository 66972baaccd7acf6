"""km_to skips measures it can prove useless; its answer must still be the brute-force nearest distance.

Points are hand-written for geomap tests or generated: a report's cluster of places and namesakes far
along the same latitude, the case the triangle-inequality bound exists for.
"""

from __future__ import annotations

import math

from geopy.distance import great_circle
from hypothesis import given, settings
from hypothesis import strategies as st

from gazetteer import Place
from geomap.proximity import _SLACK_KM, _longitude_bound_km, km_to, within_km


def _place(lat: float, lon: float, gid: int = 1) -> Place:
    return Place(gid, f"P{gid}", lat, lon, "P", "PPL", "UA")


def _brute(place: Place, others: list[Place], beyond_km: float) -> float:
    return min([beyond_km, *(great_circle((place.lat, place.lon), (o.lat, o.lon)).km for o in others)])


# hand-written for geomap tests: Bakhmut, Soledar, Chasiv Yar, Kramatorsk and a namesake far west
_CLUSTER = [
    _place(48.595, 38.000, 1),
    _place(48.703, 38.086, 2),
    _place(48.589, 37.836, 3),
    _place(48.723, 37.556, 4),
]


def test_far_namesake_at_same_latitude_is_beyond() -> None:
    far = _place(48.6, 24.0, 9)  # same latitude, ~1000 km west: one measure rules out the cluster
    assert km_to(far, _CLUSTER, beyond_km=450.0) == 450.0
    assert km_to(far, _CLUSTER) == _brute(far, _CLUSTER, math.inf)
    assert 950 < km_to(far, _CLUSTER) < 1050


def test_nearest_of_cluster_is_exact() -> None:
    opytne = _place(48.553, 37.977, 8)  # 5 km from Bakhmut
    assert km_to(opytne, _CLUSTER, beyond_km=450.0) == _brute(opytne, _CLUSTER, 450.0)
    assert 4 < km_to(opytne, _CLUSTER) < 6


_COORD = st.tuples(st.floats(40.0, 56.0), st.floats(-10.0, 45.0))


@settings(max_examples=300, deadline=None)
@given(
    st.lists(_COORD, min_size=0, max_size=8),
    _COORD,
    st.sampled_from([math.inf, 450.0, 151.0, 30.0]),
)
def test_matches_brute_force(
    others: list[tuple[float, float]], point: tuple[float, float], beyond: float
) -> None:
    places = [_place(lat, lon, k + 2) for k, (lat, lon) in enumerate(others)]
    place = _place(*point)
    assert km_to(place, places, beyond_km=beyond) == _brute(place, places, beyond)


_ANYWHERE = st.tuples(st.floats(-90.0, 90.0), st.floats(-180.0, 180.0))


@settings(max_examples=500, deadline=None)
@given(_ANYWHERE, _ANYWHERE)
def test_longitude_bound_never_exceeds_the_distance(a: tuple[float, float], b: tuple[float, float]) -> None:
    """Across the poles and the antimeridian too: a bound above the distance would skip the nearest.

    Below the slack km_to allows, rounding decides (geopy measures 1e-168 degrees as 0 km).
    """
    assert _longitude_bound_km(*a, *b) < great_circle(a, b).km + _SLACK_KM


@settings(max_examples=300, deadline=None)
@given(st.lists(_ANYWHERE, min_size=0, max_size=8), _ANYWHERE, st.sampled_from([math.inf, 450.0, 151.0]))
def test_matches_brute_force_anywhere(
    others: list[tuple[float, float]], point: tuple[float, float], beyond: float
) -> None:
    places = [_place(lat, lon, k + 2) for k, (lat, lon) in enumerate(others)]
    place = _place(*point)
    assert km_to(place, places, beyond_km=beyond) == _brute(place, places, beyond)


@settings(max_examples=300, deadline=None)
@given(_ANYWHERE, _ANYWHERE, st.floats(0.5, 3000.0))
def test_within_km_is_the_measured_distance(a: tuple[float, float], b: tuple[float, float], km: float):
    place, other = _place(*a), _place(*b, 2)
    assert within_km(place, other, km) == (_brute(place, [other], math.inf) < km)
