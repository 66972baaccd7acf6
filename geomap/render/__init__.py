"""Interactive maps of reports: folium pages built from one plugin per map piece.

>>> from geomap.render import render_map, save_map
"""

from geomap.render.build import render_map
from geomap.render.save import save_map

__all__ = ["render_map", "save_map"]
