"""The title panel: which report (or reports) the map shows, from which source, of which date."""

from __future__ import annotations

from collections.abc import Sequence

from folium.template import Template

from geomap.render.data import MapData
from geomap.render.escape import script_json
from geomap.render.plugin import GeomapPlugin

__all__ = ["TitlePanel", "title_info"]

_MAX_SOURCES = 3


def _sources_line(sources: Sequence[str]) -> str:
    shown = ", ".join(sources[:_MAX_SOURCES])
    rest = len(sources) - _MAX_SOURCES
    if rest > 0:
        return f"Sources: {shown} and {rest} more"
    return f"Sources: {shown}" if len(sources) > 1 else f"Source: {shown}"


def title_info(data: MapData, *, title: str | None = None) -> dict:
    """Compose the panel's heading, detail lines and link, from the reports and an optional override."""
    reports = data.reports
    sources = list(dict.fromkeys(r["source"] for r in reports if r["source"]))
    dates = sorted(r["date"] for r in reports if r["date"])
    if len(reports) == 1:
        heading = title or reports[0]["title"] or (sources[0] if sources else "Report map")
    else:
        heading = title or f"{len(reports)} reports"
    lines = []
    if sources:
        lines.append(_sources_line(sources))
    if dates:
        span = dates[0] if dates[0] == dates[-1] else f"{dates[0]} to {dates[-1]}"
        lines.append(("Report date: " if dates[0] == dates[-1] else "Report dates: ") + span)
    lines.append(f"{len(data.events)} events at {len(data.places)} places")
    url = reports[0]["url"] if len(reports) == 1 else None
    return {"title": heading, "lines": lines, "url": url}


class TitlePanel(GeomapPlugin):
    """A panel at the top centre of the map; it also becomes the page's ``<title>``."""

    assets = ("panels.js",)
    _template = Template(
        """
        {% macro script(this, kwargs) %}
        geomap.title({{ this._parent.get_name() }}, {{ this.payload }});
        {% endmacro %}
        """
    )

    def __init__(self, info: dict) -> None:
        super().__init__()
        self._name = "TitlePanel"
        self.info = info
        self.payload = script_json(info)
