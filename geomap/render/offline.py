"""``--offline``: swap every CDN asset of a map for a copy inlined from an installed package.

Leaflet, Leaflet.markercluster, jQuery and Font Awesome come from the XStatic packages on PyPI; the
heat-map script ships inside the folium wheel.  CSS files are inlined with the images and fonts they
reference as ``data:`` URIs, so the page needs no network for anything but map tiles.  folium's default
Bootstrap and Leaflet.awesome-markers links are dropped: geomap's markers are plain ``DivIcon`` s and none
of its controls use Bootstrap.
"""

from __future__ import annotations

import base64
import mimetypes
import posixpath
import re
from collections.abc import Iterator
from functools import cache
from importlib.resources import files
from pathlib import PurePosixPath

import folium
from branca.element import Element

from geomap.errors import GeomapError

__all__ = ["OfflineAssetError", "inline_assets"]

#: CDN URL (by pattern) → the installed files that replace it, in order: (package, path in package)
_LOCAL: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    (r"/leaflet@1\.9\.\d+/dist/leaflet\.js$", (("xstatic.pkg.leaflet", "data/leaflet.js"),)),
    (r"/leaflet@1\.9\.\d+/dist/leaflet\.css$", (("xstatic.pkg.leaflet", "data/leaflet.css"),)),
    (r"jquery[-/]3\.7\.1(/jquery)?\.min\.js$", (("xstatic.pkg.jquery", "data/jquery.min.js"),)),
    (
        r"/leaflet\.markercluster/[\d.]+/leaflet\.markercluster\.js$",
        (("xstatic.pkg.leaflet_markercluster", "data/leaflet.markercluster.js"),),
    ),
    (
        r"/leaflet\.markercluster/[\d.]+/MarkerCluster\.css$",
        (("xstatic.pkg.leaflet_markercluster", "data/MarkerCluster.css"),),
    ),
    (
        r"/leaflet\.markercluster/[\d.]+/MarkerCluster\.Default\.css$",
        (("xstatic.pkg.leaflet_markercluster", "data/MarkerCluster.Default.css"),),
    ),
    (
        r"/fontawesome-free@6\.[\d.]+/css/all\.min\.css$",
        (
            ("xstatic.pkg.font_awesome", "data/css/fontawesome.min.css"),
            ("xstatic.pkg.font_awesome", "data/css/solid.min.css"),
        ),
    ),
    (r"/leaflet_heat\.min\.js$", (("folium", "templates/leaflet_heat.min.js"),)),
)

#: folium defaults geomap never uses: dropped instead of inlined
_UNUSED = re.compile(r"bootstrap|glyphicons|awesome-markers|awesome\.rotate")

_MIME = {".woff2": "font/woff2", ".woff": "font/woff", ".png": "image/png", ".svg": "image/svg+xml"}
_CSS_URL = re.compile(r"url\(\s*['\"]?(?!data:|#|https?:)([^'\")]+?)['\"]?\s*\)")
#: Font Awesome lists a TrueType fallback after each WOFF2 font; every browser that runs Leaflet 1.9
#: reads WOFF2, so the fallback is dropped rather than inlined a second time
_TTF_FALLBACK = re.compile(r",\s*url\([^)]*\.ttf\)\s*format\([\"']truetype[\"']\)")


class OfflineAssetError(GeomapError, LookupError):
    """A map piece needs a script or style sheet that no installed package provides."""


def _data_uri(package: str, path: PurePosixPath) -> str:
    mime = mimetypes.guess_type(path.name)[0] or _MIME.get(path.suffix, "application/octet-stream")
    payload = base64.b64encode((files(package) / str(path)).read_bytes()).decode("ascii")
    return f"data:{mime};base64,{payload}"


def _inline_css_urls(css: str, package: str, path: str) -> str:
    folder = posixpath.dirname(path)

    def swap(match: re.Match) -> str:
        target = posixpath.normpath(posixpath.join(folder, match.group(1)))  # "../webfonts/x.woff2"
        return f"url({_data_uri(package, PurePosixPath(target))})"

    return _CSS_URL.sub(swap, _TTF_FALLBACK.sub("", css))


@cache
def _local_code(url: str) -> tuple[str, str, str] | None:
    """(key, tag, code) replacing ``url``, or None for an unused asset; raises when none provides it.

    ``key`` names the local files, so two plugins linking the same library from different CDN URLs
    (folium's map and TimestampedGeoJson both link jQuery) get it inlined once.
    """
    if _UNUSED.search(url):
        return None
    for pattern, sources in _LOCAL:
        if re.search(pattern, url):
            chunks = []
            for package, path in sources:
                text = (files(package) / path).read_text(encoding="utf-8")
                chunks.append(_inline_css_urls(text, package, path) if path.endswith(".css") else text)
            tag = "style" if sources[0][1].endswith(".css") else "script"
            return sources[0][1], tag, "\n".join(chunks).replace("</", "<\\/")
    raise OfflineAssetError(f"no installed package provides {url} for an offline map")


def _walk(element: Element) -> Iterator[Element]:
    yield element
    for child in list(element._children.values()):
        yield from _walk(child)


def inline_assets(m: folium.Map) -> folium.Map:
    """Replace the CDN links of ``m`` and of everything added to it by inlined copies.

    Call it last: pieces added afterwards keep their CDN links.  Assets are inlined once each, in the
    order the elements ask for them, so Leaflet precedes the plugins that extend it.
    """
    header = m.get_root().header
    for element in _walk(m):
        wanted = [*getattr(element, "default_js", []), *getattr(element, "default_css", [])]
        if not wanted:
            continue
        element.default_js = []
        element.default_css = []
        for name, url in wanted:
            code = _local_code(url)
            if code is None:
                continue
            path, tag, text = code
            key = f"offline-{path}"
            if key not in header._children:
                inlined = Element(f"<{tag}>/* {name}: inlined for --offline */\n{text}</{tag}>")
                header.add_child(inlined, name=key)
    return m
