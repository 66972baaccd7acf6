"""``geomap export`` of a hand-built event store (reports hand-written for geomap tests)."""

from __future__ import annotations

import csv
import datetime as dt
import json

import pytest

from gazetteer import Place
from geomap.model import Event, Mention, Report, ResolvedPlace
from geomap.store import EventStore

KHERSON = Place(706448, "Kherson", 46.65581, 32.6178, "P", "PPLA", "UA", "08", admin1_name="Kherson Oblast")
SOLEDAR = Place(703883, "Soledar", 48.68, 38.09, "P", "PPLC", "UA", "14", admin1_name="Donetsk Oblast")


def _report(text: str, place: Place, *, day: str, side: str, kind: str) -> Report:
    start = text.index(place.name)
    where = ResolvedPlace(
        Mention(start, start + len(place.name), place.name, place.name.lower()),
        place,
        place.lat,
        place.lon,
        0.9,
    )
    date = dt.date.fromisoformat(day)
    event = Event(0, len(text), text, "General Staff", side, kind, (where,), place.lat, place.lon, 1, date, 1)
    return Report(text=text, places=(where,), events=(event,), date=date, source="hand-written")


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "events.sqlite"
    with EventStore(path) as store:
        store.add_report(
            _report(
                "=HYPERLINK(1) Russian forces shelled Kherson.",
                KHERSON,
                day="2023-03-01",
                side="UA",
                kind="shelling",
            ),
            key="a",
            path="a.txt",
        )
        store.add_report(
            _report(
                "Quoting: Russian forces shelled Kherson.",
                KHERSON,
                day="2023-03-01",
                side="UA",
                kind="shelling",
            ),
            key="b",
            path="b.txt",
        )
        store.add_report(
            _report("Moscow says it captured Soledar.", SOLEDAR, day="2023-03-05", side="RU", kind="capture"),
            key="c",
            path="c.txt",
        )
    return path


def test_geojson_has_each_linked_claim_once(run_cli, tmp_path, db):
    out = tmp_path / "events.geojson"
    result = run_cli("export", "--db", db, "-o", out)
    assert result.exit_code == 0, result.stderr
    doc = json.loads(out.read_text(encoding="utf-8"))
    events = [f for f in doc["features"] if f["properties"]["kind"] == "event"]
    assert sorted((f["properties"]["location"], f["properties"]["report_count"]) for f in events) == [
        ("Kherson", 2),
        ("Soledar", 1),
    ]
    kherson = next(f for f in events if f["properties"]["location"] == "Kherson")
    assert kherson["geometry"]["coordinates"] == [32.6178, 46.65581]


def test_csv_filtered_by_side_and_safe_for_spreadsheets(run_cli, tmp_path, db):
    out = tmp_path / "events.csv"
    result = run_cli("export", "--db", db, "--format", "csv", "-o", out, "--side", "UA")
    assert result.exit_code == 0, result.stderr
    rows = list(csv.DictReader(out.open(encoding="utf-8", newline="")))
    assert [(r["location"], r["side"], r["report"]) for r in rows] == [("Kherson", "UA", "a.txt")]
    assert all(not cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row.values())


@pytest.mark.parametrize("fmt", ["geoparquet", "gpkg"])
def test_geo_formats_read_back_with_geopandas(run_cli, tmp_path, db, fmt):
    gpd = pytest.importorskip("geopandas")
    out = tmp_path / f"events.{fmt}"
    result = run_cli("export", "--db", db, "--format", fmt, "-o", out, "--from", "2023-03-02")
    assert result.exit_code == 0, result.stderr
    frame = gpd.read_parquet(out) if fmt == "geoparquet" else gpd.read_file(out, layer="events")
    assert frame.crs.to_epsg() == 4326
    assert frame["location"].tolist() == ["Soledar"] and frame["side"].tolist() == ["RU"]
    assert (frame.geometry.x.iloc[0], frame.geometry.y.iloc[0]) == (38.09, 48.68)
    assert list(tmp_path.glob(".*tmp*")) == []  # no temporary left behind


def test_existing_output_needs_force(run_cli, tmp_path, db):
    out = tmp_path / "events.csv"
    out.write_text("mine", encoding="utf-8")
    refused = run_cli("export", "--db", db, "-o", out)
    assert refused.exit_code == 3 and "--force" in refused.stderr
    assert out.read_text(encoding="utf-8") == "mine"
    assert run_cli("export", "--db", db, "-o", out, "--force").exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("event_date,")


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["--db", "{tmp}/missing.sqlite", "-o", "{tmp}/x.csv"], 4, "no event store"),
        (["--db", "{db}", "-o", "{tmp}/x.unknown"], 2, "cannot tell the format"),
        (["--db", "{db}", "-o", "{tmp}/x.csv", "--type", "nonsense"], 2, "Invalid value"),
    ],
)
def test_bad_arguments(run_cli, tmp_path, db, args, code, message):
    result = run_cli("export", *[a.format(tmp=tmp_path, db=db) for a in args])
    assert result.exit_code == code and message in result.stderr
    assert "Traceback" not in result.stderr
