"""The event list: every shown event in date order; clicking one flies the map to it.

Lists are drawn a page at a time (``page`` rows, then "Show more"), so ten thousand events do not mean
ten thousand rows in the page before anyone scrolls.
"""

from __future__ import annotations

from folium.template import Template

from geomap.render.core import EventIndex
from geomap.render.escape import script_json
from geomap.render.plugin import GeomapPlugin

__all__ = ["EventPanel"]


class EventPanel(GeomapPlugin):
    """A collapsible list of the events the filters show.

    Parameters
    ----------
    index : EventIndex
        The page's event table.
    position : str
        Leaflet control corner.
    page : int
        Rows drawn at first and per "Show more".
    open : bool
        Whether the list starts unfolded.
    """

    assets = ("panel.js",)
    _template = Template(
        """
        {% macro script(this, kwargs) %}
        geomap.panel({{ this.index.get_name() }}, {{ this.payload }});
        {% endmacro %}
        """
    )

    def __init__(
        self, index: EventIndex, *, position: str = "topleft", page: int = 200, open: bool = True
    ) -> None:
        super().__init__()
        self._name = "EventPanel"
        self.index = index
        self.payload = script_json({"position": position, "page": page, "open": open})
