"""Distances between places, as the resolver needs them: many, repeated, and mostly far apart.

geopy's great-circle measure is exact but builds points on every call; a report compares the same
places again and again, so points and distances are cached, and two lower bounds skip pairs that cannot
be the nearest without measuring them: a latitude difference (namesakes on other continents), and the
triangle inequality through the first place measured (namesakes at the same latitude far along it,
measured once against the report's cluster of places instead of once per place in it).
"""

from __future__ import annotations

import functools
import math
from collections.abc import Sequence

from geopy.distance import great_circle
from geopy.point import Point

from gazetteer import Place

__all__ = ["km_to"]

_GREAT_CIRCLE = great_circle()
_KM_PER_DEGREE = 111.19  # of latitude, on geopy's great-circle Earth (radius 6371.009 km)
#: a bound must clear the nearest distance by this much to skip a measure: far more than rounding error
_SLACK_KM = 1e-6


@functools.lru_cache(maxsize=65536)
def _point(lat: float, lon: float) -> Point:
    return Point(lat, lon)


def km_to(place: Place, others: Sequence[Place], *, beyond_km: float = math.inf) -> float:
    """Great-circle distance to the nearest of ``others``, or ``beyond_km`` when all are farther.

    A latitude difference alone bounds the distance from below (111 km a degree), which skips most
    pairs of namesakes on other continents without measuring them; the distance to the first of
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


@functools.lru_cache(maxsize=262144)
def _km_between(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    return _GREAT_CIRCLE.measure(_point(lat1, lon1), _point(lat2, lon2))
