"""``geomap map`` end to end through the real entry point: files, stdin, URLs, stores, bad input."""

from __future__ import annotations

import datetime as dt
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tests.cli.conftest import assert_one_line_error

pytestmark = pytest.mark.usefixtures("gazetteer")


def test_map_of_the_reference_article(run_cli, example, tmp_path):
    out = tmp_path / "bakhmut.html"
    result = run_cli("map", example, "-o", out, "--date", "2023-02-16")
    assert result.exit_code == 0, result.stderr
    html = out.read_text(encoding="utf-8")
    assert html.lstrip().lower().startswith("<!doctype html")
    assert "Bakhmut" in html and "leaflet" in html.lower()
    assert result.stderr.startswith(f"geomap: wrote {out} (")
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_offline_map_has_no_cdn_links(run_cli, example, tmp_path):
    out = tmp_path / "offline.html"
    assert run_cli("map", example, "-o", out, "--offline").exit_code == 0
    html = out.read_text(encoding="utf-8")
    assert "cdn.jsdelivr.net" not in html and "<script src=\"https://" not in html


def test_stdin_report(run_cli, tmp_path):
    out = tmp_path / "m.html"
    result = run_cli("map", "-", "-o", out, input=b"Russian forces shelled Kharkiv on Monday.")
    assert result.exit_code == 0, result.stderr
    assert "Kharkiv" in out.read_text(encoding="utf-8")


def test_url_report(run_cli, tmp_path):
    page = (b"<html><head><title>Strike on Odesa</title></head><body><nav>Lviv Kherson</nav><article>"
            b"<p>A Russian drone strike hit Odesa overnight, the regional governor said on Telegram.</p>"
            b"<p>Air defence shot down most of the drones over the Odesa region.</p></article></body></html>")

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(page)))
            self.end_headers()
            self.wfile.write(page)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        out = tmp_path / "odesa.html"
        result = run_cli("map", f"http://127.0.0.1:{server.server_address[1]}/news", "-o", out)
    finally:
        server.shutdown()
        server.server_close()
    assert result.exit_code == 0, result.stderr
    html = out.read_text(encoding="utf-8")
    assert "Odesa" in html and "Strike on Odesa" in html


def test_existing_map_is_kept_without_force(run_cli, example, tmp_path):
    out = tmp_path / "m.html"
    out.write_text("precious")
    result = run_cli("map", example, "-o", out)
    assert result.exit_code == 3
    assert_one_line_error(result, "exists; use --force")
    assert out.read_text() == "precious"
    assert run_cli("map", example, "-o", out, "--force").exit_code == 0
    assert "Bakhmut" in out.read_text(encoding="utf-8")


def test_input_is_never_overwritten(run_cli, tmp_path):
    report = tmp_path / "report.html"
    report.write_text("<html><body><p>Russian forces shelled Kharkiv on Monday, officials said.</p>"
                      "</body></html>")
    before = report.read_bytes()
    result = run_cli("map", report, "-o", report, "--force")
    assert result.exit_code == 2
    assert_one_line_error(result, "refusing to overwrite an input file")
    assert report.read_bytes() == before


def test_bad_inputs_give_one_line_and_write_nothing(run_cli, refused_inputs, tmp_path):
    for name, (path, phrase) in refused_inputs.items():
        out = tmp_path / f"{name}.html"
        result = run_cli("map", path, "-o", out)
        assert result.exit_code == 2, (name, result.stderr)
        assert_one_line_error(result, phrase)
        assert not out.exists()


def test_awkward_inputs_are_mapped(run_cli, accepted_inputs, tmp_path):
    for name, (path, _) in accepted_inputs.items():
        out = tmp_path / f"{name}.html"
        result = run_cli("map", path, "-o", out)
        assert result.exit_code == 0, (name, result.stderr)
        assert out.stat().st_size > 0


@pytest.mark.parametrize("args", [[], ["report.txt", "--db", "events.sqlite"]])
def test_report_or_store_but_not_both(run_cli, tmp_path, args):
    result = run_cli("map", *args, "-o", tmp_path / "m.html")
    assert result.exit_code == 2
    assert "either one report" in result.stderr and "Traceback" not in result.stderr


def test_missing_store_is_a_store_error(run_cli, tmp_path):
    result = run_cli("map", "--db", tmp_path / "nope.sqlite", "-o", tmp_path / "m.html")
    assert result.exit_code == 4
    assert_one_line_error(result, "no event store")
    assert not (tmp_path / "nope.sqlite").exists()


def test_map_of_a_store_with_filters(run_cli, tmp_path, gazetteer):
    from geomap import EventStore, parse

    store_path = tmp_path / "events.sqlite"
    with EventStore(store_path) as store:
        for i, text in enumerate(["Russian forces shelled Kharkiv on Monday, the governor said.",
                                  "Ukraine's army said it shot down drones over Odesa on Tuesday."]):
            store.add_report(parse(text, date=dt.date(2024, 5, 15), gazetteer=gazetteer), key=f"r{i}")
    out = tmp_path / "all.html"
    result = run_cli("map", "--db", store_path, "-o", out, "--from", "2024-05-01", "--to", "2024-05-31")
    assert result.exit_code == 0, result.stderr
    html = out.read_text(encoding="utf-8")
    assert "Kharkiv" in html and "Odesa" in html
