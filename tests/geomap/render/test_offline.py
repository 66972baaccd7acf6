import re

import folium
import pytest
from folium.plugins import Fullscreen

from geomap.render import render_map
from geomap.render.offline import OfflineAssetError, inline_assets


def test_offline_page_links_nothing(reference, gazetteer, handmade):
    for report, options in ((reference, {}), (handmade.synthetic_report(300), {"heatmap": True})):
        html = render_map(report, gazetteer=gazetteer, offline=True, **options).get_root().render()
        assert not re.search(r"<script[^>]+src=", html)
        assert not re.search(r"<link[^>]+href=", html)
        assert "leafletjs.com" in html  # Leaflet itself is in the page
        assert "Font Awesome 6 Free" in html and "data:font/woff2;base64," in html
        assert ".ttf" not in html
        assert "bootstrap" not in html.lower()


def test_offline_inlines_marker_cluster_and_heat_only_once(handmade):
    html = render_map(handmade.synthetic_report(300), offline=True, heatmap=True).get_root().render()
    for name in ("leaflet", "jquery", "markerclusterjs", "markerclustercss", "leaflet-heat.js"):
        assert html.count(f"/* {name}: inlined for --offline */") == 1, name
    assert html.count("Leaflet.markercluster") >= 1


def test_assets_no_package_provides_are_refused():
    m = folium.Map()
    Fullscreen().add_to(m)
    with pytest.raises(OfflineAssetError, match=r"Control\.FullScreen"):
        inline_assets(m)
