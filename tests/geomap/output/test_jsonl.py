from __future__ import annotations

import io
import json
import math

from gazetteer import Place
from geomap.model import Mention, Report, ResolvedPlace
from geomap.output.jsonl import Admin1Names, JsonlWriter, json_line, report_record

CONTRACT_PLACE = {"start", "end", "surface", "name", "lat", "lon", "country", "admin1", "feature_class",
                  "feature_code", "geonameid", "confidence"}
CONTRACT_EVENT = {"start", "end", "quote", "claimant", "side", "event_type", "date", "places", "lat", "lon",
                  "verified", "fatalities"}
CONTRACT_UNRESOLVED = {"start", "end", "surface"}


def test_record_has_every_contract_key_and_offsets_index_the_text(sample_report):
    record = report_record(sample_report, file="reports/a.txt")
    assert record["file"] == "reports/a.txt"
    assert {"file", "places", "events", "unresolved"} <= record.keys()
    text = sample_report.text
    for place in record["places"]:
        assert CONTRACT_PLACE <= place.keys()
        assert text[place["start"] : place["end"]] == place["surface"]
    for event in record["events"]:
        assert CONTRACT_EVENT <= event.keys()
        assert text[event["start"] : event["end"]] == event["quote"]
    for item in record["unresolved"]:
        assert CONTRACT_UNRESOLVED <= item.keys()
        assert text[item["start"] : item["end"]] == item["surface"]


def test_values_are_the_reports(sample_report):
    record = report_record(sample_report, file="a.txt")
    bakhmut = record["places"][0]
    assert (bakhmut["name"], bakhmut["geonameid"], bakhmut["country"]) == ("Bakhmut", 616, "UA")
    assert (bakhmut["feature_class"], bakhmut["feature_code"]) == ("P", "PPLA2")
    assert math.isclose(bakhmut["lat"], 48.59441) and math.isclose(bakhmut["lon"], 37.99983)
    assert bakhmut["confidence"] == 0.93
    # admin1: the place's own admin1 name when it has one, else the code when no gazetteer is given
    assert record["places"][1]["admin1"] == "Donetsk Oblast"
    assert bakhmut["admin1"] == "05"
    shelling, repelled = record["events"]
    assert shelling["places"] == ["Bakhmut", "Donetsk Oblast"]
    assert (shelling["date"], shelling["verified"], shelling["fatalities"], shelling["injured"]) == (
        "2023-02-15", None, 2, 5)
    assert shelling["acled_event_type"] == "Explosions/Remote violence"
    assert (repelled["date"], repelled["verified"], repelled["time_precision"]) == (None, False, 3)
    relative = record["places"][2]["relative"]
    assert relative["kind"] == "offset" and relative["distance_km"] == 3.0
    assert math.isclose(relative["anchor_lat"], 48.59441)
    assert record["unresolved"][0]["hint"] == "not in the gazetteer"
    assert record["date"] == "2023-02-16"


def test_admin1_name_comes_from_the_gazetteer(sample_report, gazetteer):
    record = report_record(sample_report, file="a.txt", admin1=Admin1Names(gazetteer))
    expected = gazetteer.admin1_name("UA", "05")
    assert expected  # the embedded gazetteer knows Ukraine's oblasts
    assert record["places"][0]["admin1"] == expected


def test_writer_streams_one_strict_json_line_per_report(sample_report, empty_report):
    stream = io.StringIO()
    writer = JsonlWriter(stream)
    writer.write(sample_report, file="a.txt")
    writer.write(empty_report, file="b.txt")
    writer.write_error("c.png", "c.png: this is a PNG image, not a text report")
    writer.close()
    lines = stream.getvalue().splitlines()
    assert len(lines) == 3
    records = [json.loads(line) for line in lines]
    assert [r["file"] for r in records] == ["a.txt", "b.txt", "c.png"]
    assert records[1]["places"] == records[1]["events"] == records[1]["unresolved"] == []
    assert records[2]["error"].startswith("c.png: this is a PNG")
    assert "«успіх»" in lines[0] or "успіх" not in lines[0]  # non-ASCII written as is


def test_non_finite_numbers_become_null_and_lone_surrogates_stay_encodable():
    text = "X \ud800 Y"
    place = Place(1, "X", float("nan"), float("inf"), "P", "PPL", "UA")
    rp = ResolvedPlace(Mention(0, 1, "X", "x"), place, float("nan"), float("inf"), 0.5)
    line = json_line(report_record(Report(text, places=(rp,)), file="s\udc00.txt"))
    record = json.loads(line)  # strict JSON: no NaN/Infinity tokens
    assert record["places"][0]["lat"] is None and record["places"][0]["lon"] is None
    line.encode("utf-8")  # a lone surrogate is escaped, not written raw
    assert record["file"] == "s\udc00.txt"
