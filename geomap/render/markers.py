"""Place markers: one per place, coloured by the claimants' sides, icon by event type.

Events at the same place share one marker whose popup lists them all; a marker whose events come from
several sides gets a ring with one slice per side.  The markers go into a plain feature group or, when
there are many, into a MarkerCluster.
"""

from __future__ import annotations

from collections.abc import Sequence

from folium.map import Layer

from geomap.render.core import EventIndex
from geomap.render.data import Placement
from geomap.render.plugin import IndexedLayer

__all__ = ["EventMarkers"]


class EventMarkers(IndexedLayer):
    """Markers for the point placements (towns, villages, computed relative positions).

    Parameters
    ----------
    index : EventIndex
        The page's event table.
    container : folium Layer
        Where the markers live: a ``FeatureGroup`` or a ``MarkerCluster``.
    placements : sequence of Placement
        Point placements only; regions are drawn by :class:`geomap.render.regions.RegionAreas`.
    """

    assets = ("markers.js",)
    js_factory = "markers"

    def __init__(self, index: EventIndex, container: Layer, placements: Sequence[Placement]) -> None:
        super().__init__(index, container, [{"p": p.place_index, "ev": p.event_ids} for p in placements])
