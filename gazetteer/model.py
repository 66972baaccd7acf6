"""The value a gazetteer returns for a place: small, frozen and traceable to its source row."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

__all__ = ["Place", "PlaceRecord"]

#: feature codes of areas that are not administrative (class A): regions, continents, seas
_AREA_CODES = frozenset({"RGN", "PCLI", "ADM1", "ADM2", "CONT", "OCN", "SEA", "GULF", "STRT"})


class Place(NamedTuple):
    """One gazetteer entry.

    ``geonameid`` is the GeoNames id where the source has one; sources without ids (the postal-code dump,
    curated informal regions) use negative ids so they never collide with GeoNames.  ``radius_km`` is the
    uncertainty of the point: 0 for a settlement, the size of the area for a region, and the postal dump's
    coarse accuracy for postal rows.

    A named tuple rather than a frozen dataclass: a lookup builds thousands of them from index rows, and a
    tuple is built five times faster (it is also smaller to pickle for batch workers).  Change one with
    ``place._replace(...)``.
    """

    geonameid: int
    name: str
    lat: float
    lon: float
    feature_class: str
    feature_code: str
    country: str
    admin1: str = ""
    admin2: str = ""
    population: int = 0
    source: str = ""
    radius_km: float = 0.0
    admin1_name: str = ""
    members: tuple[str, ...] = ()

    @property
    def is_region(self) -> bool:
        """Whether this entry is an area (country, oblast, informal region, sea) rather than a settlement."""
        return self.feature_class == "A" or self.feature_code in _AREA_CODES

    @property
    def admin1_key(self) -> str:
        """``CC.admin1`` as GeoNames spells admin1 keys (``UA.05``), empty when unknown."""
        return f"{self.country}.{self.admin1}" if self.country and self.admin1 else ""


@dataclass(frozen=True, slots=True)
class PlaceRecord:
    """A place as a source yields it for indexing: the place and every name it may be written as."""

    place: Place
    names: tuple[str, ...] = field(default=())
