"""The event index: the one table of events the other map pieces draw from and filter.

Every layer toggle in the layer control (a side, an event type, "unverified claims") and the time slider
act on the index; each drawn piece (markers, areas, arrows, the event list) registers with it and
redraws the events it still shows.  A marker holding a Russian and a Ukrainian claim therefore stays on
the map, re-coloured, when only the Russian layer is switched off.
"""

from __future__ import annotations

from collections.abc import Sequence

from folium.map import FeatureGroup
from folium.template import Template

from geomap.render.data import MapData
from geomap.render.escape import script_json
from geomap.render.plugin import GeomapPlugin
from geomap.render.style import DEFAULT_ICON, SIDE_COLOURS, TYPE_ICONS, type_label

__all__ = ["ATTRIBUTION", "EventIndex"]

#: GeoNames data is CC BY 4.0 and the world regions' database ODbL: every map credits both next to the
#: tile attribution
ATTRIBUTION = (
    'Places: GeoNames, <a href="https://www.geonames.org/" target="_blank" rel="noopener">geonames.org</a>, '
    '<a href="https://creativecommons.org/licenses/by/4.0/" target="_blank" rel="noopener">CC BY 4.0</a>; '
    'regions: <a href="https://github.com/dr5hn/countries-states-cities-database" target="_blank" '
    'rel="noopener">Countries States Cities Database</a>, '
    '<a href="https://opendatacommons.org/licenses/odbl/" target="_blank" rel="noopener">ODbL</a>'
)

_SIDE_SHORT = {"RU": "RU", "UA": "UA", "third": "3rd party", "none": "unattributed"}


class EventIndex(GeomapPlugin):
    """The page's event table and filter state; add it to the map before any piece that uses it.

    Parameters
    ----------
    data : MapData
        The flattened reports.
    toggles : sequence of (FeatureGroup, kind, value)
        Layer-control entries that act as filters: ``kind`` is ``side``, ``type`` or ``unverified``.
    """

    assets = ("geomap.css", "geomap.js")
    _template = Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = geomap.index({{ this._parent.get_name() }}, {{ this.payload }});
        {{ this._parent.get_name() }}.attributionControl.addAttribution({{ this.attribution }});
        {%- for layer, kind, value in this.toggles %}
        {{ this.get_name() }}.toggle(
            {{ layer.get_name() }}, {{ kind|tojavascript }}, {{ value|tojavascript }});
        {%- endfor %}
        {% endmacro %}
        """
    )

    def __init__(self, data: MapData, *, toggles: Sequence[tuple[FeatureGroup, str, str]] = ()) -> None:
        super().__init__()
        self._name = "EventIndex"
        self.toggles = list(toggles)
        types = sorted({e["type"] for e in data.events})
        self.payload = script_json(
            {
                "events": data.events,
                "places": data.places,
                "reports": data.reports,
                "style": {
                    "colours": SIDE_COLOURS,
                    "sideShort": _SIDE_SHORT,
                    "icons": {t: TYPE_ICONS.get(t, DEFAULT_ICON) for t in types},
                    "defaultIcon": DEFAULT_ICON,
                    "typeLabels": {t: type_label(t) for t in types},
                },
            }
        )
        self.attribution = script_json(ATTRIBUTION)
