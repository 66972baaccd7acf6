"""``render_map``: reports in, a folium map out, assembled from the plugins of this package."""

from __future__ import annotations

from collections.abc import Iterable

import folium
from folium.plugins import Fullscreen, HeatMap, MarkerCluster, MeasureControl
from markupsafe import Markup

from geomap.model import Report
from geomap.render.arrows import RelativeArrows
from geomap.render.core import EventIndex
from geomap.render.data import MapData, collect
from geomap.render.escape import label_html
from geomap.render.legend import Legend
from geomap.render.markers import EventMarkers
from geomap.render.offline import inline_assets
from geomap.render.panel import EventPanel
from geomap.render.regions import RegionAreas, RegionPoints
from geomap.render.style import SIDE_COLOURS, SIDE_LABELS, TYPE_ICONS, type_label
from geomap.render.timeline import TimeSlider
from geomap.render.title import TitlePanel, title_info
from geomap.render.unresolved import UnresolvedPanel

__all__ = ["CLUSTER_MIN_MARKERS", "TIMELINE_MIN_DAYS", "render_map"]

#: with ``cluster=None``, markers are clustered from this many places on
CLUSTER_MIN_MARKERS = 60
#: with ``timeline=None``, the slider appears from this many distinct event days on
TIMELINE_MIN_DAYS = 3
#: where the map opens when nothing can be placed: Ukraine
_DEFAULT_VIEW = ((48.4, 31.2), 6)
#: event types that do not frame the opening view (they are still drawn, a pan away)
_NOT_FIGHTING = frozenset({"aid_or_diplomacy", "other"})


def _swatch_label(colour: str, text: str) -> Markup:
    return Markup('<span class="gm-swatch" style="background:{}"></span> {}').format(colour, label_html(text))


def _icon_label(icon: str, text: str) -> Markup:
    return Markup('<i class="fa-solid fa-{}"></i> {}').format(icon, label_html(text))


def _filter_layers(m: folium.Map, data: MapData) -> list[tuple[folium.FeatureGroup, str, str]]:
    """Layer-control entries that filter events: one per side and type present, and "unverified"."""
    toggles = []
    sides = [s for s in SIDE_LABELS if any(e["side"] == s for e in data.events)]
    for side in sides:
        group = folium.FeatureGroup(name=_swatch_label(SIDE_COLOURS[side], SIDE_LABELS[side])).add_to(m)
        toggles.append((group, "side", side))
    for event_type in sorted({e["type"] for e in data.events}):
        label = _icon_label(TYPE_ICONS.get(event_type, "circle-info"), type_label(event_type))
        toggles.append((folium.FeatureGroup(name=label).add_to(m), "type", event_type))
    if data.events:
        group = folium.FeatureGroup(name=Markup('<span class="gm-unverified">Unverified claims</span>'))
        toggles.append((group.add_to(m), "unverified", "false"))
    return toggles


def _frame(data: MapData) -> list[tuple[float, float]]:
    """Points the opening view must show: the fighting, not a summit in Brussels, when both are mapped."""
    towns = [p for p in data.placements if not p.place.is_region]
    fighting = [p for p in towns if any(data.events[i]["type"] not in _NOT_FIGHTING for i in p.event_ids)]
    chosen = fighting or towns or data.placements
    return [(p.place.lat, p.place.lon) for p in chosen]


def _fit(m: folium.Map, data: MapData) -> None:
    points = _frame(data)
    if len(points) == 1:
        m.location, m.options["zoom"] = list(points[0]), 10
    elif points:
        lats, lons = [p[0] for p in points], [p[1] for p in points]
        # room for the event list on the left and the layer control and legend on the right
        m.fit_bounds(
            [[min(lats), min(lons)], [max(lats), max(lons)]],
            padding_top_left=(300, 110),
            padding_bottom_right=(300, 40),
            max_zoom=11,
        )


def _draw_places(
    m: folium.Map, index: EventIndex, data: MapData, *, cluster: bool, gazetteer: RegionPoints | None
) -> None:
    points = [p for p in data.placements if not p.place.is_region]
    regions = [p for p in data.placements if p.place.is_region]
    if regions:
        areas = folium.FeatureGroup(name="Region areas").add_to(m)
        RegionAreas(index, areas, regions, gazetteer=gazetteer).add_to(m)
    arrows = RelativeArrows(index, folium.FeatureGroup(name="Relative positions"), points)
    if arrows.rows:
        arrows.layer.add_to(m)
        arrows.add_to(m)
    box = MarkerCluster(control=False) if cluster else folium.FeatureGroup(control=False)
    EventMarkers(index, box.add_to(m), points).add_to(m)


def _heat_layer(data: MapData) -> HeatMap:
    weights = [[p.place.lat, p.place.lon, len(p.event_ids)] for p in data.placements]
    return HeatMap(weights, name="Heat map", radius=22, min_opacity=0.3)


def render_map(
    reports: Report | Iterable[Report],
    *,
    gazetteer: RegionPoints | None = None,
    offline: bool = False,
    cluster: bool | None = None,
    heatmap: bool = False,
    timeline: bool | None = None,
    title: str | None = None,
) -> folium.Map:
    """Draw one or many reports on an interactive map.

    Parameters
    ----------
    reports : Report or iterable of Report
        What to draw; many reports share one map (and, over several days, a time slider).
    gazetteer : Gazetteer, optional
        Lets regions be drawn as outlines of their settlements instead of circles.
    offline : bool
        Inline every script and style sheet so the file works with no network (tiles aside).
    cluster : bool, optional
        Cluster markers; None clusters from :data:`CLUSTER_MIN_MARKERS` places on.
    heatmap : bool
        Add a heat-map layer of event density.
    timeline : bool, optional
        Add the day slider; None adds it from :data:`TIMELINE_MIN_DAYS` event days on.
    title : str, optional
        Heading of the title panel; defaults to the report's title.

    Returns
    -------
    folium.Map
        Save it with :func:`geomap.render.save_map`.
    """
    data = collect([reports] if isinstance(reports, Report) else reports)
    m = folium.Map(location=_DEFAULT_VIEW[0], zoom_start=_DEFAULT_VIEW[1], control_scale=True, tiles=None)
    folium.TileLayer("OpenStreetMap", control=False).add_to(m)
    _fit(m, data)
    index = EventIndex(data, toggles=_filter_layers(m, data)).add_to(m)
    many = sum(not p.place.is_region for p in data.placements) >= CLUSTER_MIN_MARKERS
    _draw_places(m, index, data, cluster=many if cluster is None else cluster, gazetteer=gazetteer)
    if heatmap:
        _heat_layer(data).add_to(m)
    TitlePanel(title_info(data, title=title)).add_to(m)
    EventPanel(index).add_to(m)
    Legend(index, sorted({e["type"] for e in data.events})).add_to(m)
    if data.unresolved:
        UnresolvedPanel(data.unresolved).add_to(m)
    dates = data.dates
    if timeline or (timeline is None and len(dates) >= TIMELINE_MIN_DAYS):
        TimeSlider(index, dates).add_to(m)
    if not offline:
        Fullscreen(position="topleft").add_to(m)
        MeasureControl(position="topleft", primary_length_unit="kilometers").add_to(m)
    folium.LayerControl(collapsed=False).add_to(m)
    return inline_assets(m) if offline else m
