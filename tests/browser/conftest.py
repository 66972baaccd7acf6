"""Headless Chromium for the map tests (hand-written for geomap tests).

Chromium here cannot reach the CDNs folium links to, so :func:`serve_cdn` answers those requests with the
files of the installed XStatic packages (and folium's own heat-map script).  Two folium plugins,
Leaflet.fullscreen and leaflet-measure, ship in no installed package; their URLs get a minimal
stand-in control so that the page's script runs to its end, as it would with the real CDN.
Every other request (map tiles) is aborted.
"""

from __future__ import annotations

import importlib.util
import re
import shutil
from collections.abc import Iterator
from importlib.resources import files
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
HANDMADE = Path(__file__).resolve().parents[1] / "geomap" / "render" / "handmade.py"

_XS = "xstatic.pkg."
#: CDN URL pattern → (package, file) served in its place
_CDN = (
    (r"leaflet@1\.9\.3/dist/leaflet\.js$", (_XS + "leaflet", "data/leaflet.js")),
    (r"leaflet@1\.9\.3/dist/leaflet\.css$", (_XS + "leaflet", "data/leaflet.css")),
    (r"leaflet@1\.9\.3/dist/images/(.+)$", (_XS + "leaflet", "data/images/{0}")),
    (r"jquery-3\.7\.1\.min\.js$", (_XS + "jquery", "data/jquery.min.js")),
    (r"leaflet\.markercluster\.js$", (_XS + "leaflet_markercluster", "data/leaflet.markercluster.js")),
    (r"(MarkerCluster(\.Default)?\.css)$", (_XS + "leaflet_markercluster", "data/{0}")),
    (r"fontawesome-free@[\d.]+/css/all\.min\.css$", (_XS + "font_awesome", "data/css/all.min.css")),
    (r"fontawesome-free@[\d.]+/webfonts/(.+)$", (_XS + "font_awesome", "data/webfonts/{0}")),
    (r"leaflet_heat\.min\.js$", ("folium", "templates/leaflet_heat.min.js")),
)
_STAND_IN = {
    r"Control\.FullScreen\.min\.js$": "L.control.fullscreen = function (o) { return new (L.Control.extend("
    "{onAdd: function () { return L.DomUtil.create('div', 'stand-in-fullscreen'); }}))(o); };",
    r"leaflet-measure\.min\.js$": "L.Control.Measure = L.Control.extend({onAdd: function () {"
    " return L.DomUtil.create('div', 'stand-in-measure'); }});",
}
_TYPES = {".js": "application/javascript", ".css": "text/css", ".png": "image/png", ".woff2": "font/woff2",
          ".ttf": "font/ttf"}


def _load_handmade():
    spec = importlib.util.spec_from_file_location("geomap_render_handmade", HANDMADE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def handmade():
    """The hand-made reports of tests/geomap/render/handmade.py."""
    return _load_handmade()


def serve_cdn(route) -> None:
    """Answer a CDN request from installed packages; abort anything else that leaves the machine."""
    url = route.request.url
    if url.startswith(("file:", "data:", "about:")):
        route.continue_()
        return
    for pattern, (package, path) in _CDN:
        found = re.search(pattern, url)
        if found:
            body = (files(package) / path.format(*found.groups())).read_bytes()
            kind = _TYPES.get(Path(path).suffix, "application/octet-stream")
            route.fulfill(status=200, body=body, content_type=kind)
            return
    for pattern, code in _STAND_IN.items():
        if re.search(pattern, url):
            route.fulfill(status=200, body=code, content_type="application/javascript")
            return
    if url.endswith(".css"):  # bootstrap and awesome-markers style sheets: unused by geomap's pieces
        route.fulfill(status=200, body="", content_type="text/css")
        return
    route.abort()


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    if not Path(CHROMIUM).exists() or shutil.which(CHROMIUM) is None:
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    with sync_api.sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


class PageWatch:
    """A page plus everything it tried to say: dialogs, console errors, uncaught exceptions."""

    def __init__(self, page) -> None:
        self.page = page
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.requests: list[str] = []
        page.on("dialog", self._dialog)
        page.on("console", lambda msg: msg.type == "error" and self.errors.append(msg.text))
        page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        page.on("request", lambda req: self.requests.append(req.url))

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()


@pytest.fixture
def open_map(browser):
    """Open a saved map; ``network="cdn"`` serves CDN assets locally, ``"none"`` blocks every request."""
    contexts = []

    def opener(path: Path, *, network: str = "cdn", width: int = 1280, height: int = 800) -> PageWatch:
        context = browser.new_context(viewport={"width": width, "height": height})
        contexts.append(context)
        page = context.new_page()
        watch = PageWatch(page)
        if network == "none":
            page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:")
                       else route.abort())
        else:
            page.route("**/*", serve_cdn)
        page.goto(path.resolve().as_uri(), wait_until="load")
        page.wait_for_selector(".gm-marker", state="attached", timeout=15000)
        return watch

    yield opener
    for context in contexts:
        context.close()


@pytest.fixture
def marker_count():
    def count(page) -> int:
        return page.locator(".leaflet-marker-pane .gm-marker").count()

    return count
