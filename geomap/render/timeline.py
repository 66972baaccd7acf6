"""The time slider: step through the days so that each day's events appear in turn.

folium's TimestampedGeoJson and Timeline plugins draw their own copies of the features from CDN-only
libraries (jQuery UI, moment, leaflet-timedimension, leaflet.timeline), which neither work in an
``--offline`` page nor respect the grouping and side/type filters.  This slider is a filter on the
event index instead: position 0 shows every day, position *n* only the *n*-th day with events.
"""

from __future__ import annotations

from folium.template import Template

from geomap.render.core import EventIndex
from geomap.render.escape import script_json
from geomap.render.plugin import GeomapPlugin

__all__ = ["TimeSlider"]


class TimeSlider(GeomapPlugin):
    """A day slider with a play button.

    Parameters
    ----------
    index : EventIndex
        The page's event table.
    dates : list of str
        ISO dates with events, sorted.
    position : str
        Leaflet control corner.
    step_ms : int
        Pause between days when playing.
    """

    assets = ("panels.js",)
    _template = Template(
        """
        {% macro script(this, kwargs) %}
        geomap.timeline({{ this.index.get_name() }}, {{ this.payload }});
        {% endmacro %}
        """
    )

    def __init__(
        self, index: EventIndex, dates: list[str], *, position: str = "bottomleft", step_ms: int = 1500
    ) -> None:
        super().__init__()
        self._name = "TimeSlider"
        self.index = index
        self.dates = dates
        self.payload = script_json({"position": position, "dates": dates, "step_ms": step_ms})
