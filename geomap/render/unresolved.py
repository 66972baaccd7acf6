"""The unresolved-names panel: names that look like places but matched nothing, with their sentence.

A map that silently drops "Klishchiivka" misleads; listing it, with the sentence and the resolver's hint
(for example, add the country's GeoNames dump), tells the reader what the map cannot show.
"""

from __future__ import annotations

from folium.template import Template

from geomap.render.escape import script_json
from geomap.render.plugin import GeomapPlugin

__all__ = ["UnresolvedPanel"]


class UnresolvedPanel(GeomapPlugin):
    """A collapsible list of unresolved names.

    Parameters
    ----------
    names : list of dict
        Rows with ``surface``, ``sentence`` and ``hint`` (see :func:`geomap.render.data.collect`).
    position : str
        Leaflet control corner.
    """

    assets = ("panels.js",)
    _template = Template(
        """
        {% macro script(this, kwargs) %}
        geomap.unresolved({{ this._parent.get_name() }}, {{ this.payload }});
        {% endmacro %}
        """
    )

    def __init__(self, names: list[dict], *, position: str = "bottomleft") -> None:
        super().__init__()
        self._name = "UnresolvedPanel"
        self.names = names
        self.payload = script_json({"position": position, "open": False, "names": names})
