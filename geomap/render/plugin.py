"""The base of every geomap map piece: a folium plugin whose own JS/CSS ships inside the page.

Third-party libraries keep folium's ``default_js``/``default_css`` lists (CDN links, swapped for inlined
copies by :func:`geomap.render.offline.inline_assets`).  geomap's own code is small and lives in
``geomap/render/assets``; each plugin names the files it needs in ``assets`` and they are written into
the page header once, whichever plugin asks first, so a map never depends on a server for them.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files

from branca.element import Element, Figure, MacroElement
from folium.elements import JSCSSMixin
from folium.map import Layer
from folium.template import Template

from geomap.render.escape import script_json

__all__ = ["GeomapPlugin", "IndexedLayer", "asset_text"]


@cache
def asset_text(name: str) -> str:
    """Read the text of one of geomap's own asset files, read once per process."""
    return (files("geomap.render") / "assets" / name).read_text(encoding="utf-8")


def _inline(name: str) -> Element:
    code = asset_text(name).replace("</", "<\\/")
    tag = "style" if name.endswith(".css") else "script"
    return Element(f"<{tag}>/* geomap {name} */\n{code}</{tag}>")


class GeomapPlugin(JSCSSMixin):
    """A folium plugin that also inlines geomap's own asset files named in :attr:`assets`."""

    #: file names under ``geomap/render/assets``, in load order
    assets: tuple[str, ...] = ()

    def render(self, **kwargs: object) -> None:
        """Put the plugin's own assets into the page header (once per page), then render as folium does."""
        figure = self.get_root()
        if isinstance(figure, Figure):
            for name in self.assets:
                key = f"geomap-asset-{name}"
                if key not in figure.header._children:
                    figure.header.add_child(_inline(name), name=key)
        super().render(**kwargs)


class IndexedLayer(GeomapPlugin):
    """A piece that draws rows keyed to the event index into one folium layer.

    Subclasses name their JavaScript constructor in :attr:`js_factory` (``geomap.markers`` …); it is
    called with the index, the layer and the rows, and registers with the index to follow its filters.
    """

    js_factory = ""
    _template = Template(
        """
        {% macro script(this, kwargs) %}
        geomap.{{ this.js_factory }}(
            {{ this.index.get_name() }}, {{ this.layer.get_name() }}, {{ this.payload }});
        {% endmacro %}
        """
    )

    def __init__(self, index: MacroElement, layer: Layer, rows: list[dict]) -> None:
        super().__init__()
        self._name = type(self).__name__
        self.index = index
        self.layer = layer
        self.rows = rows
        self.payload = script_json(rows)
