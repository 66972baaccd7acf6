import re

import folium

from geomap.render import render_map
from geomap.render.build import CLUSTER_MIN_MARKERS


def _html(m: folium.Map) -> str:
    return m.get_root().render()


def test_reference_map_has_filters_pieces_and_attribution(reference, gazetteer):
    html = _html(render_map(reference, gazetteer=gazetteer))
    for label in ("Russian claims", "Ukrainian claims", "Third-party claims", "Unverified claims",
                  "Region areas", "Relative positions", "Missile strike"):
        assert label in html
    for piece in ("geomap.markers(", "geomap.regions(", "geomap.arrows(", "geomap.panel(", "geomap.legend(",
                  "geomap.title(", "geomap.unresolved(", "L.control.fullscreen", "L.Control.Measure"):
        assert piece in html
    assert "GeoNames" in html and "CC BY 4.0" in html
    assert "markerClusterGroup" not in html and "geomap.timeline(" not in html  # 8 places, 2 days


def test_report_text_never_appears_as_markup(handmade):
    html = _html(render_map(handmade.hostile_report()))
    assert "<img src=x" not in html
    assert not re.search(r"<script>alert", html)
    assert "javascript:alert" not in html.replace("javascript:alert(\\u0027", "")
    assert "\\u003cscript\\u003ealert(\\u0027title\\u0027)" in html  # the title travels as escaped data


def test_many_places_cluster_and_many_days_get_a_slider(handmade):
    report = handmade.synthetic_report(CLUSTER_MIN_MARKERS * 3, days=10, places=CLUSTER_MIN_MARKERS + 20)
    html = _html(render_map(report))
    assert "markerClusterGroup" in html and "geomap.timeline(" in html
    html = _html(render_map(report, cluster=False, timeline=False, heatmap=True))
    assert "markerClusterGroup" not in html and "geomap.timeline(" not in html
    assert "L.heatLayer" in html


def test_title_override_and_multi_report_heading(handmade, reference):
    html = _html(render_map([reference, handmade.synthetic_report(5)]))
    assert '"title":"2 reports"' in html and "Sources: Reuters, synthetic" in html
    assert '"title":"My map"' in _html(render_map(reference, title="My map"))
