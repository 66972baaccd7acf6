"""The map in headless Chromium: what a reader sees and can do (hand-written for geomap tests)."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
from pathlib import Path

import pytest

from geomap.render import render_map, save_map

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
REFERENCE_DATE = dt.date(2023, 2, 16)
CENTER = "(() => { const m = Object.values(window).find(v => v instanceof L.Map); const c = m.getCenter();" \
         " return [c.lat, c.lng, m.getZoom()]; })()"


@pytest.fixture(scope="module")
def reference_report(example_text, gazetteer):
    import geomap

    title = example_text.splitlines()[0].removeprefix("Ukraine: ")
    return geomap.parse(example_text, date=REFERENCE_DATE, gazetteer=gazetteer, source="Reuters", title=title)


def _point_places(report) -> set[tuple]:
    """Distinct non-region places events are located at: one marker each."""
    keys = set()
    for event in report.events:
        located = [p for p in event.places if p.role == "location"] or [event.location]
        keys |= {(p.geonameid, round(p.lat, 5), round(p.lon, 5)) for p in located if p and not p.is_region}
    return keys


@pytest.fixture(scope="module")
def reference_map(reference_report, gazetteer, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("maps") / "bakhmut.html"
    return save_map(render_map(reference_report, gazetteer=gazetteer, cluster=False), path)


def _layer_checkbox(page, label: str):
    return page.locator(".leaflet-control-layers-overlays label", has_text=label).locator("input")


def test_reference_map_shows_one_marker_per_place(open_map, reference_map, reference_report, marker_count):
    page = open_map(reference_map).page
    expected = len(_point_places(reference_report))
    assert expected >= 5
    assert marker_count(page) == expected
    for town in ("Bakhmut", "Krasna Hora", "Pokrovsk", "Opytne"):
        assert page.locator(f'.gm-marker[title="{town}"]').count() >= 1
    regions = {p.geonameid for e in reference_report.events for p in e.places if p.is_region}
    assert page.locator("path.gm-area").count() == len(regions) > 0


def test_popup_lists_the_claim_with_the_place_highlighted(open_map, reference_map):
    page = open_map(reference_map).page
    page.locator('.gm-marker[title="Pokrovsk"]').click()
    popup = page.locator(".leaflet-popup-content")
    popup.wait_for()
    text = popup.inner_text()
    assert "wrecked apartment building in the city of Pokrovsk" in text
    assert "Donetsk regional governor" in text
    assert "Fatalities: 3" in text
    assert re.search(r"2023-02-1[56] \((exact day|within a week)\)", text)
    assert popup.locator("mark.gm-here").first.inner_text() == "Pokrovsk"
    assert popup.locator("a.gm-link").get_attribute("href") == "https://www.geonames.org/704422"


def test_switching_a_side_off_hides_its_markers(open_map, reference_map, marker_count):
    page = open_map(reference_map).page
    before = marker_count(page)
    _layer_checkbox(page, "Ukrainian claims").uncheck()
    assert page.locator('.gm-marker[title="Pokrovsk"]').count() == 0  # only Ukrainian claims there
    assert page.locator('.gm-marker[title="Brussels"]').count() == 1  # a third-party claim stays
    assert 0 < marker_count(page) < before
    _layer_checkbox(page, "Ukrainian claims").check()
    assert marker_count(page) == before
    _layer_checkbox(page, "Unverified claims").uncheck()
    assert marker_count(page) <= before


def test_legend_title_attribution_and_unresolved_names(open_map, reference_map):
    page = open_map(reference_map).page
    assert page.locator(".gm-legend").is_visible()
    assert "Russian claims" in page.locator(".gm-legend").inner_text()
    title = page.locator(".gm-title").inner_text()
    assert "Report date: 2023-02-16" in title
    assert "GeoNames" in page.locator(".leaflet-control-attribution").inner_text()
    page.locator(".gm-unresolved .gm-toggle").click()
    unresolved = page.locator(".gm-unresolved-list").inner_text()
    assert "northern approaches to Bakhmut" in unresolved  # the sentence of the unresolved Paraskovivka


def test_clicking_an_event_in_the_list_flies_to_it(open_map, reference_map):
    page = open_map(reference_map).page
    lat0, lon0, _ = page.evaluate(CENTER)
    page.locator(".gm-row-button", has_text="Pokrovsk").first.click()
    page.wait_for_selector(".leaflet-popup-content")
    page.wait_for_timeout(400)
    lat, lon, zoom = page.evaluate(CENTER)
    assert (lat, lon) != (lat0, lon0)
    assert abs(lat - 48.28) < 0.2 and abs(lon - 37.18) < 0.3 and zoom >= 10
    assert "Pokrovsk" in page.locator(".leaflet-popup-content .gm-place").inner_text()


def test_offline_map_draws_with_every_request_blocked(open_map, reference_report, gazetteer, tmp_path,
                                                      marker_count):
    path = save_map(render_map(reference_report, gazetteer=gazetteer, offline=True, cluster=False),
                    tmp_path / "offline.html")
    watch = open_map(path, network="none")
    page = watch.page
    assert marker_count(page) == len(_point_places(reference_report))
    assert page.evaluate("document.fonts.check('900 14px \"Font Awesome 6 Free\"')")
    assert page.locator(".leaflet-control-layers").is_visible()
    page.locator('.gm-marker[title="Pokrovsk"]').click()
    assert "Pokrovsk" in page.locator(".leaflet-popup-content").inner_text()
    outside = [u for u in watch.requests if not u.startswith(("file:", "data:"))]
    assert all("tile.openstreetmap.org" in u for u in outside), outside
    assert not [e for e in watch.errors if "Failed to load resource" not in e]


def test_hostile_report_text_runs_nothing_and_reads_literally(open_map, handmade, tmp_path):
    path = save_map(render_map(handmade.hostile_report()), tmp_path / "hostile.html")
    watch = open_map(path)
    page = watch.page
    page.locator(".gm-marker").first.click()
    popup = page.locator(".leaflet-popup-content")
    popup.wait_for()
    page.locator(".gm-unresolved .gm-toggle").click()
    page.locator(".gm-row-button").first.hover()
    page.wait_for_timeout(300)
    assert watch.dialogs == []
    assert [e for e in watch.errors if "Failed to load resource" not in e] == []
    assert page.locator(".gm-title-text").inner_text() == "<script>alert('title')</script>"
    assert page.title() == "<script>alert('title')</script>"
    assert "<img src=x onerror=alert('img')>" in popup.inner_text()
    assert "<img src=x onerror=alert('claimant')>" in popup.inner_text()
    assert "<img src=x onerror=alert('unresolved')>" in page.locator(".gm-unresolved-list").inner_text()
    assert page.locator('img[src="x"]').count() == 0
    assert page.locator('a[href^="javascript"]').count() == 0
    scripts = "[...document.scripts].filter(s => s.textContent.includes('alert(')).length"
    assert page.evaluate(scripts) == 1  # only the map's own script, holding the text as escaped JSON


def test_many_events_cluster_and_the_slider_steps_through_days(open_map, handmade, tmp_path):
    report = handmade.synthetic_report(600, days=6, places=200)
    page = open_map(save_map(render_map(report, heatmap=True), tmp_path / "many.html")).page
    assert page.locator(".marker-cluster").count() > 0
    assert page.locator("canvas.leaflet-heatmap-layer").count() == 1
    summary = page.locator(".gm-summary")
    assert summary.inner_text() == "600 of 600 events shown"
    page.locator(".gm-timeline-range").fill("1")
    first_day = sorted({e.date for e in report.events})[0]
    assert page.locator(".gm-timeline-date").inner_text() == first_day.isoformat()
    shown = sum(e.date == first_day for e in report.events)
    assert summary.inner_text() == f"{shown} of 600 events shown"


def test_screenshot_of_the_reference_map(open_map, reference_map, tmp_path):
    """A test run never writes into the repository: ``GEOMAP_UPDATE_SCREENSHOT=1`` refreshes the README's."""
    page = open_map(reference_map).page
    page.wait_for_timeout(300)
    target = tmp_path / "screenshot.png"
    page.screenshot(path=str(target))
    assert target.stat().st_size > 20_000
    if os.environ.get("GEOMAP_UPDATE_SCREENSHOT") == "1":
        shutil.copyfile(target, ROOT / "docs" / "screenshot.png")
