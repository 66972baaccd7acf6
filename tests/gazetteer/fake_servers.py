"""Local HTTP servers on 127.0.0.1 that stand in for download.geonames.org and Nominatim in tests.

Hand-written for geomap tests: the places the fake Nominatim knows are made up in the shape of real
Nominatim ``format=json`` answers (with ``addressdetails``, ``extratags`` and ``namedetails``).
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlparse

from gazetteer.fold import fold

__all__ = ["NOMINATIM_PLACES", "FileServer", "serve_files", "serve_nominatim"]


class FileServer:
    """What a test can inspect and steer about the file server it started."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.url = ""
        self.requests: list[dict[str, str]] = []
        self.ranges = True  # honour Range requests
        self.cut_after: int | None = None  # close the connection after this many body bytes
        self.send_length = True  # False: no Content-Length, the body ends when the connection closes


def _file_handler(state: FileServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            state.requests.append({k: v for k, v in self.headers.items()})
            path = state.root / self.path.lstrip("/").split("?")[0]
            if not path.is_file() or ".." in self.path:
                self.send_error(404, "Not Found")
                return
            data = path.read_bytes()
            start = 0
            wanted = self.headers.get("Range", "")
            if state.ranges and wanted.startswith("bytes="):
                start = int(wanted[6:].split("-")[0])
                if start >= len(data):
                    self.send_error(416, "Range Not Satisfiable")
                    return
                self.send_response(206)
                self.send_header("Content-Range", f"bytes {start}-{len(data) - 1}/{len(data)}")
            else:
                self.send_response(200)
            body = data[start:]
            if state.send_length:
                self.send_header("Content-Length", str(len(body)))
            self.send_header("ETag", f'"{len(data)}"')
            self.send_header("Connection", "close")
            self.end_headers()
            self.wfile.write(body[: state.cut_after] if state.cut_after is not None else body)
            self.close_connection = True

    return Handler


@contextmanager
def _serve(handler: type[BaseHTTPRequestHandler]) -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def serve_files(root: Path) -> Iterator[FileServer]:
    """Serve the files under ``root`` (with Range support unless turned off)."""
    state = FileServer(root)
    with _serve(_file_handler(state)) as host:
        state.url = f"http://{host}/"
        yield state


def _nominatim_hit(
    osm_id: int,
    name: str,
    lat: float,
    lon: float,
    kind: str,
    cc: str,
    state: str,
    population: int,
    names: dict[str, str],
) -> dict:
    return {
        "place_id": osm_id + 7,
        "licence": "hand-written for geomap tests",
        "osm_type": "node",
        "osm_id": osm_id,
        "lat": str(lat),
        "lon": str(lon),
        "class": "place",
        "type": kind,
        "place_rank": 19,
        "importance": 0.3,
        "addresstype": kind,
        "name": name,
        "display_name": f"{name}, {state}, Ukraine",
        "address": {kind: name, "state": state, "country": "Ukraine", "country_code": cc},
        "extratags": {"population": str(population)} if population else {},
        "namedetails": {"name": names.get("name:uk", name), **names},
        "boundingbox": [str(lat - 0.01), str(lat + 0.01), str(lon - 0.015), str(lon + 0.015)],
    }


#: made-up OSM-like places, shaped like Nominatim answers
NOMINATIM_PLACES = [
    _nominatim_hit(
        7000001,
        "Andriivka",
        48.5012,
        37.9701,
        "village",
        "ua",
        "Donetsk Oblast",
        500,
        {"name:en": "Andriivka", "name:uk": "Андріївка", "name:ru": "Андреевка"},
    ),
    _nominatim_hit(
        7000002,
        "Andriivka",
        49.5301,
        36.6102,
        "village",
        "ua",
        "Kharkiv Oblast",
        0,
        {"name:en": "Andriivka", "name:uk": "Андріївка"},
    ),
    _nominatim_hit(
        7000003,
        "Kurakhove",
        47.9833,
        37.2833,
        "town",
        "ua",
        "Donetsk Oblast",
        18000,
        {"name:en": "Kurakhove", "name:uk": "Курахове", "old_name:ru": "Курахово"},
    ),
    _nominatim_hit(
        7000004,
        "Testivka",
        48.4101,
        37.8202,
        "hamlet",
        "ua",
        "Donetsk Oblast",
        0,
        {"name:en": "Testivka", "name:uk": "Тестівка"},
    ),  # made up: in no real gazetteer
]


def _nominatim_handler(requests: list[dict[str, list[str]]]) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            url = urlparse(self.path)
            query = parse_qs(url.query)
            requests.append(query)
            if url.path != "/search" or query.get("format") != ["json"]:
                self.send_error(400, "Bad Request")
                return
            key = fold(query.get("q", [""])[0])
            codes = query.get("countrycodes", [""])[0].lower().split(",")
            hits = [
                h
                for h in NOMINATIM_PLACES
                if key in {fold(n) for n in h["namedetails"].values()}
                and (codes == [""] or h["address"]["country_code"] in codes)
            ]
            hits = hits[: int(query.get("limit", ["10"])[0])]
            body = json.dumps(hits).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    return Handler


@contextmanager
def serve_nominatim() -> Iterator[tuple[str, list[dict[str, list[str]]]]]:
    """Serve a fake Nominatim ``/search``; yields its ``host:port`` and the list of queries it got."""
    requests: list[dict[str, list[str]]] = []
    with _serve(_nominatim_handler(requests)) as host:
        yield host, requests
