"""Distances between places, as the resolver needs them: many, repeated, and mostly far apart.

geopy's great-circle measure is exact but builds points on every call; a report compares the same
places again and again, so points and distances are cached, and lower bounds skip pairs that cannot be
the nearest without measuring them: a latitude or a longitude difference (namesakes on other
continents), and the triangle inequality through the first place measured (namesakes far from the
report's cluster of places, measured once against it instead of once per place in it).
"""

from __future__ import annotations

import functools
import math
from collections.abc import Sequence

from geopy.distance import great_circle
from geopy.point import Point

from gazetteer import Place

__all__ = ["km_to", "within_km"]

_GREAT_CIRCLE = great_circle()
_KM_PER_DEGREE = 111.19  # of latitude, on geopy's great-circle Earth (radius 6371.009 km)
#: a bound must clear the nearest distance by this much to skip a measure: far more than rounding error
_SLACK_KM = 1e-6
#: 2/pi of a degree of latitude, rounded down (see _longitude_bound_km)
_KM_PER_DEGREE_OF_LONGITUDE = 70.7


@functools.lru_cache(maxsize=65536)
def _point(lat: float, lon: float) -> Point:
    return Point(lat, lon)


def km_to(place: Place, others: Sequence[Place], *, beyond_km: float = math.inf) -> float:
    """Great-circle distance to the nearest of ``others``, or ``beyond_km`` when all are farther.

    A latitude difference alone bounds the distance from below (111 km a degree), which skips most
    pairs of namesakes on other continents without measuring them, and a longitude difference skips
    those at the same latitude (see :func:`_longitude_bound_km`); the distance to the first of
    ``others`` measured bounds the rest through the triangle inequality, using distances between
    ``others``, which a report asks for again and again and the cache keeps.  Only pairs that cannot
    change the result are skipped, so the answer is the one measuring every pair would give.
    """
    lat, lon = place.lat, place.lon
    nearest = beyond_km
    pivot: tuple[Place, float] | None = None  # the first of ``others`` measured, and its distance
    for other in others:
        if abs(other.lat - lat) * _KM_PER_DEGREE >= nearest:
            continue
        if _longitude_bound_km(lat, lon, other.lat, other.lon) >= nearest + _SLACK_KM:
            continue
        if pivot is not None:
            # the triangle inequality: |d(place, pivot) - d(pivot, other)| <= d(place, other)
            apart = _km_between(pivot[0].lat, pivot[0].lon, other.lat, other.lon)
            if abs(pivot[1] - apart) >= nearest + _SLACK_KM:
                continue
        km = _km_between(lat, lon, other.lat, other.lon)
        if pivot is None:
            pivot = (other, km)
        nearest = min(nearest, km)
    return nearest


def within_km(place: Place, other: Place, km: float) -> bool:
    """Whether ``place`` lies less than ``km`` from ``other``: :func:`km_to` for one pair, bounds first.

    A candidate is tested against each area a report names; most lie a continent away, which the
    latitude difference alone tells without a call.
    """
    if abs(other.lat - place.lat) * _KM_PER_DEGREE >= km:
        return False
    return km_to(place, (other,), beyond_km=km) < km


def _longitude_bound_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """A lower bound of the distance from the longitude difference: namesakes at the same latitude.

    On the sphere hav(d) >= cos(lat1) cos(lat2) hav(dlon), so sin(d / 2R) >= c sin(dlon / 2) with c the
    smaller cosine; asin(x) >= x and sin(x) >= 2x/pi on [0, pi/2] give d >= c * dlon * (2/pi) * 111.19 km
    a degree.  Towns at the latitude of the report's places, an ocean away, are skipped with it.
    """
    dlon = abs(lon1 - lon2) % 360.0
    dlon = min(dlon, 360.0 - dlon)
    return dlon * _KM_PER_DEGREE_OF_LONGITUDE * math.cos(math.radians(max(abs(lat1), abs(lat2))))


@functools.lru_cache(maxsize=262144)
def _km_between(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    return _GREAT_CIRCLE.measure(_point(lat1, lon1), _point(lat2, lon2))
