"""``geomap extract`` end to end through the real entry point: formats, many files, stdin, bad input."""

from __future__ import annotations

import csv
import io
import json

import pytest
from geopy.distance import geodesic

from tests.cli.conftest import assert_one_line_error
from tests.conftest import EXAMPLE

BAKHMUT = (48.59441, 37.99983)  # where GeoNames puts Bakhmut

pytestmark = pytest.mark.usefixtures("gazetteer")  # build the index once per session, not per test


def test_jsonl_to_stdout_keeps_the_contract(run_cli, example):
    result = run_cli("extract", example, "--date", "2023-02-16")
    assert result.exit_code == 0, result.stderr
    (line,) = result.stdout.splitlines()
    record = json.loads(line)
    assert record["file"] == example  # the path exactly as given
    assert record["date"] == "2023-02-16"
    text = EXAMPLE.read_text(encoding="utf-8")
    for kind, key in (("places", "surface"), ("events", "quote"), ("unresolved", "surface")):
        for item in record[kind]:
            assert text[item["start"] : item["end"]] == item[key]
    bakhmut = [p for p in record["places"] if p["name"] == "Bakhmut"]
    assert bakhmut and all(geodesic(BAKHMUT, (p["lat"], p["lon"])).km < 10 for p in bakhmut)
    assert {"country", "admin1", "feature_class", "feature_code", "geonameid", "confidence"} <= (
        bakhmut[0].keys())
    event_keys = {"claimant", "side", "event_type", "date", "places", "lat", "lon", "verified", "fatalities"}
    for event in record["events"]:
        assert event_keys <= event.keys()
        assert all(isinstance(name, str) for name in event["places"])


def test_many_files_one_line_each_in_order(run_cli, example, tmp_path, accepted_inputs):
    paths = [example] + [path for path, _ in accepted_inputs.values()]
    out = tmp_path / "all.jsonl"
    result = run_cli("extract", *paths, "-o", out)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["file"] for r in records] == paths


def test_awkward_inputs_are_read_and_offsets_index_the_decoded_text(run_cli, accepted_inputs):
    for name, (path, word) in accepted_inputs.items():
        result = run_cli("extract", path)
        assert result.exit_code == 0, (name, result.stderr)
        record = json.loads(result.stdout)
        raw = open(path, "rb").read()
        encoding = {"cp1251.txt": "cp1251", "koi8u.txt": "koi8_u", "latin1.txt": "latin-1"}.get(name, "utf-8")
        text = raw.decode(encoding)
        assert word in text
        for place in record["places"]:
            assert text[place["start"] : place["end"]] == place["surface"], name


def test_stdin(run_cli):
    result = run_cli("extract", "-", input="Russian forces shelled Kharkiv on Monday.".encode("utf-16"))
    assert result.exit_code == 0, result.stderr
    record = json.loads(result.stdout)
    assert record["file"] == "-"
    assert "Kharkiv" in [p["name"] for p in record["places"]]
    result = run_cli("extract", "-", input=b"")
    assert result.exit_code == 2
    assert_one_line_error(result, "stdin: the input is empty")


def test_geojson_output(run_cli, example, tmp_path):
    out = tmp_path / "out.geojson"
    result = run_cli("extract", example, "--format", "geojson", "-o", out)
    assert result.exit_code == 0, result.stderr
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["type"] == "FeatureCollection" and doc["features"]
    points = [f for f in doc["features"] if f["geometry"]]
    assert all(f["geometry"]["type"] == "Point" for f in points)
    bakhmut = [f for f in points if f["properties"].get("name") == "Bakhmut"]
    assert bakhmut and geodesic(BAKHMUT, bakhmut[0]["geometry"]["coordinates"][::-1]).km < 10


def test_csv_output(run_cli, example):
    result = run_cli("extract", example, "--format", "csv")
    assert result.exit_code == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout, newline="")))
    assert rows, "the reference article has claims"
    assert list(rows[0])[:3] == ["event_date", "time_precision", "event_type"]
    assert {row["report"] for row in rows} == {example}
    assert not any(row["quote"].startswith(("=", "+", "-", "@")) for row in rows)


def test_existing_output_is_kept_without_force(run_cli, example, tmp_path):
    out = tmp_path / "out.jsonl"
    out.write_text("precious\n")
    result = run_cli("extract", example, "-o", out)
    assert result.exit_code == 3
    assert_one_line_error(result, "exists; use --force")
    assert out.read_text() == "precious\n"
    assert run_cli("extract", example, "-o", out, "--force").exit_code == 0
    assert json.loads(out.read_text(encoding="utf-8"))["file"] == example


def test_input_is_never_overwritten(run_cli, example):
    before = open(example, "rb").read()
    result = run_cli("extract", example, "-o", example, "--force")
    assert result.exit_code == 2
    assert_one_line_error(result, "refusing to overwrite an input file")
    assert open(example, "rb").read() == before


def test_bad_inputs_give_one_line_and_write_nothing(run_cli, refused_inputs, tmp_path):
    for name, (path, phrase) in refused_inputs.items():
        out = tmp_path / f"{name}.jsonl"
        result = run_cli("extract", path, "-o", out)
        assert result.exit_code == 2, (name, result.stderr)
        assert_one_line_error(result, phrase)
        assert path in result.stderr
        assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".tmp") == []


def test_first_bad_input_stops_the_run_and_no_partial_output(run_cli, example, refused_inputs, tmp_path):
    out = tmp_path / "out.jsonl"
    result = run_cli("extract", example, refused_inputs["image.png"][0], "-o", out)
    assert result.exit_code == 2
    assert_one_line_error(result, "PNG image")
    assert not out.exists()


def test_keep_going_writes_every_readable_input(run_cli, example, refused_inputs, tmp_path):
    out = tmp_path / "out.jsonl"
    png, missing = refused_inputs["image.png"][0], refused_inputs["missing.txt"][0]
    result = run_cli("extract", png, example, missing, "-o", out, "--keep-going")
    assert result.exit_code == 2
    assert result.stderr.count("geomap: warning: skipped") == 2
    assert result.stderr.splitlines()[-1].startswith("geomap: error: 2 of 3 inputs could not be read")
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["file"] for r in records] == [png, example, missing]
    assert "PNG" in records[0]["error"] and "error" not in records[1] and records[1]["places"]


def test_unknown_encoding_and_bad_date_are_usage_errors(run_cli, example):
    result = run_cli("extract", example, "--encoding", "klingon")
    assert result.exit_code == 2
    assert_one_line_error(result, "unknown encoding 'klingon'")
    result = run_cli("extract", example, "--date", "16/02/2023")
    assert result.exit_code == 2 and "Traceback" not in result.stderr
