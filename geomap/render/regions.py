"""Region areas: oblasts, countries and informal regions ("eastern Ukraine") drawn as areas.

A claim about "the Luhansk region" is not a claim about Luhansk city, so the map must not show it as a
pin.  With a gazetteer, the area is the concave hull of the region's settlements (for an informal
region, of the settlements of the first-level divisions in ``Place.members``), padded a little so that
border towns sit inside it.  Without one, or for a country, it is a circle of the place's ``radius_km``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

import shapely
from folium.map import FeatureGroup
from shapely.geometry import MultiPoint

from gazetteer import Place
from geomap.render.core import EventIndex
from geomap.render.data import Placement
from geomap.render.plugin import IndexedLayer

__all__ = ["RegionAreas", "region_outline"]

#: concave-hull tightness (0 = tightest, 1 = convex hull): loose enough to avoid spiky outlines
_HULL_RATIO = 0.35
#: padding around the outermost settlements, in degrees (~10 km): border towns must fall inside
_PADDING_DEG = 0.1
#: outline simplification tolerance, in degrees: keeps a region to a few dozen vertices
_SIMPLIFY_DEG = 0.02


class RegionPoints(Protocol):
    """The one gazetteer method regions need (``gazetteer.Gazetteer.region_points``)."""

    def region_points(self, country: str, admin1_codes: Sequence[str]) -> list[tuple[float, float]]:
        """Positions of the settlements in the given first-level divisions."""


def region_outline(place: Place, gazetteer: RegionPoints | None) -> list[list[list[float]]] | None:
    """Outline the region as a list of polygons (each ``[[lat, lon], ...]``), or None when it cannot be built.

    Returns None without a gazetteer, for places without first-level codes (countries) and for regions
    with fewer than three known settlements; callers then draw a circle of ``place.radius_km``.
    """
    codes = place.members or ((place.admin1,) if place.admin1 else ())
    if gazetteer is None or not codes or not place.country:
        return None
    points = gazetteer.region_points(place.country, list(codes))
    if len(points) < 3:
        return None
    hull = shapely.concave_hull(MultiPoint([(lon, lat) for lat, lon in points]), ratio=_HULL_RATIO)
    area = hull.buffer(_PADDING_DEG).simplify(_SIMPLIFY_DEG)
    polygons = getattr(area, "geoms", [area])
    return [[[round(lat, 4), round(lon, 4)] for lon, lat in poly.exterior.coords] for poly in polygons]


def _area_rows(placements: Sequence[Placement], gazetteer: RegionPoints | None) -> list[dict]:
    outlines: dict[int, list | None] = {}
    rows = []
    # largest first, so that smaller areas are drawn on top and stay reachable
    for placement in sorted(placements, key=lambda p: -p.place.place.radius_km):
        place = placement.place.place
        if place.geonameid not in outlines:
            outlines[place.geonameid] = region_outline(place, gazetteer)
        radius_km = place.radius_km or placement.place.uncertainty_km or 25.0
        rows.append(
            {
                "p": placement.place_index,
                "ev": placement.event_ids,
                "shape": outlines[place.geonameid],
                "radius_m": radius_km * 1000,
            }
        )
    return rows


class RegionAreas(IndexedLayer):
    """Dashed, lightly filled areas for the region placements, with the same popups as markers.

    Parameters
    ----------
    index : EventIndex
        The page's event table.
    group : FeatureGroup
        The layer ("Region areas") the shapes are drawn in.
    placements : sequence of Placement
        Region placements only.
    gazetteer : object with ``region_points``, optional
        Used to build outlines; without it regions are circles.
    """

    assets = ("regions.js",)
    js_factory = "regions"

    def __init__(
        self,
        index: EventIndex,
        group: FeatureGroup,
        placements: Sequence[Placement],
        *,
        gazetteer: RegionPoints | None = None,
    ) -> None:
        super().__init__(index, group, _area_rows(placements, gazetteer))
