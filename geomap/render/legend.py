"""The legend: what the colours, icons and shapes on the map mean, for the event types present."""

from __future__ import annotations

from folium.template import Template

from geomap.render.core import EventIndex
from geomap.render.escape import script_json
from geomap.render.plugin import GeomapPlugin
from geomap.render.style import SIDE_LABELS

__all__ = ["Legend"]

_SYMBOLS = (
    ("area", "Region, oblast or country (area)"),
    ("arrow", "Position relative to a town (arrow from the town)"),
    ("uncertainty", "Uncertainty of an estimated position"),
    ("count", "Number of events at one place"),
    ("unverified", "Only unverified claims (dashed ring)"),
)


class Legend(GeomapPlugin):
    """A collapsible legend control.

    Parameters
    ----------
    index : EventIndex
        The page's event table (colours and icons come from it).
    types : list of str
        The event types on this map, in display order.
    position : str
        Leaflet control corner.
    """

    assets = ("panels.js",)
    _template = Template(
        """
        {% macro script(this, kwargs) %}
        geomap.legend({{ this.index.get_name() }}, {{ this.payload }});
        {% endmacro %}
        """
    )

    def __init__(self, index: EventIndex, types: list[str], *, position: str = "bottomright") -> None:
        super().__init__()
        self._name = "Legend"
        self.index = index
        self.payload = script_json(
            {
                "position": position,
                "open": True,
                "sides": list(SIDE_LABELS.items()),
                "types": types,
                "symbols": _SYMBOLS,
            }
        )
