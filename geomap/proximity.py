"""Distances between places, as the resolver needs them: many, repeated, and mostly far apart.

geopy's great-circle measure is exact but builds points on every call; a report compares the same
places again and again, so points and distances are cached, and a latitude difference, which bounds a
distance from below, skips pairs on other continents without measuring them.
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


@functools.lru_cache(maxsize=65536)
def _point(lat: float, lon: float) -> Point:
    return Point(lat, lon)


def km_to(place: Place, others: Sequence[Place], *, beyond_km: float = math.inf) -> float:
    """Great-circle distance to the nearest of ``others``, or ``beyond_km`` when all are farther.

    A latitude difference alone bounds the distance from below (111 km a degree), which skips most
    pairs of namesakes on other continents without measuring them.
    """
    nearest = beyond_km
    for other in others:
        if abs(other.lat - place.lat) * _KM_PER_DEGREE < nearest:
            nearest = min(nearest, _km_between(place.lat, place.lon, other.lat, other.lon))
    return nearest


@functools.lru_cache(maxsize=262144)
def _km_between(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    return _GREAT_CIRCLE.measure(_point(lat1, lon1), _point(lat2, lon2))
