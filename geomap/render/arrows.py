"""Relative positions: an arrow from the anchor town to the point the text describes, and its circle.

"3 km north of Bakhmut" is resolved to a point 3 km north of Bakhmut; drawing only that point would hide
that it is an estimate.  The arrow shows where it was measured from and the dotted circle the
uncertainty the resolver attached to it.  Points with an uncertainty but no anchor get the circle only.
"""

from __future__ import annotations

from collections.abc import Sequence

from folium.map import FeatureGroup
from geographiclib.geodesic import Geodesic
from geopy.distance import geodesic

from geomap.model import ResolvedPlace
from geomap.render.core import EventIndex
from geomap.render.data import Placement
from geomap.render.plugin import IndexedLayer

__all__ = ["RelativeArrows", "arrow_row"]

#: arrowhead barbs: this many degrees either side of the shaft, a quarter of its length, at most 2 km
_BARB_DEG = 28.0
_BARB_SHARE = 0.25
_BARB_MAX_KM = 2.0
#: shorter offsets are drawn as a circle only: an arrow of a few metres is noise
_MIN_ARROW_KM = 0.05


def _head(anchor: tuple[float, float], tip: tuple[float, float], length_km: float) -> list[list[float]]:
    """Return the barb ends of an arrowhead at ``tip``, pointing away from ``anchor`` on the geodesic."""
    arrival = Geodesic.WGS84.Inverse(anchor[0], anchor[1], tip[0], tip[1])["azi2"]
    barb_km = min(length_km * _BARB_SHARE, _BARB_MAX_KM)
    ends = []
    for turn in (-_BARB_DEG, _BARB_DEG):
        end = geodesic(kilometers=barb_km).destination(tip, arrival + 180 + turn)
        ends.append([round(end.latitude, 6), round(end.longitude, 6)])
    return ends


def arrow_row(rp: ResolvedPlace, event_ids: list[int]) -> dict | None:
    """Build the arrow and circle of one placement; None for a plain point with no uncertainty."""
    if rp.is_region or (rp.relative is None and rp.uncertainty_km <= 0):
        return None
    anchor = (rp.place.lat, rp.place.lon)
    tip = (rp.lat, rp.lon)
    row: dict = {"ev": event_ids, "to": [rp.lat, rp.lon], "radius_m": rp.uncertainty_km * 1000}
    row["label"] = rp.relative.phrase if rp.relative else f"±{rp.uncertainty_km:g} km"
    length_km = geodesic(anchor, tip).km
    if rp.relative is not None and length_km >= _MIN_ARROW_KM:
        row["from"] = [rp.place.lat, rp.place.lon]
        row["head"] = _head(anchor, tip, length_km)
    return row


class RelativeArrows(IndexedLayer):
    """Arrows and uncertainty circles for the placements that are estimates.

    Parameters
    ----------
    index : EventIndex
        The page's event table.
    group : FeatureGroup
        The layer ("Relative positions") they are drawn in.
    placements : sequence of Placement
        Point placements; those without a relative position or uncertainty are skipped.
    """

    assets = ("arrows.js",)
    js_factory = "arrows"

    def __init__(self, index: EventIndex, group: FeatureGroup, placements: Sequence[Placement]) -> None:
        rows = (arrow_row(p.place, p.event_ids) for p in placements)
        super().__init__(index, group, [row for row in rows if row is not None])
