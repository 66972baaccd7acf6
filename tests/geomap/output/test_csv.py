from __future__ import annotations

import csv
import io

import pytest

from geomap.output.csv import ACLED_COLUMNS, COLUMNS, CsvWriter, neutralise


def _rows(*reports_and_files) -> list[dict]:
    stream = io.StringIO(newline="")
    writer = CsvWriter(stream)
    for report, file in reports_and_files:
        writer.write(report, file=file)
    writer.close()
    return list(csv.DictReader(io.StringIO(stream.getvalue(), newline="")))


def test_columns_are_acleds_then_geomaps():
    assert ACLED_COLUMNS == (
        "event_date", "time_precision", "event_type", "sub_event_type", "actor1", "actor2", "country",
        "admin1", "location", "latitude", "longitude", "geo_precision", "source", "notes", "fatalities",
    )
    assert {"claimant", "side", "verified", "quote", "start", "end", "report"} <= set(COLUMNS)


def test_one_row_per_claim_with_acled_values(sample_report, empty_report):
    rows = _rows((sample_report, "a.txt"), (empty_report, "b.txt"))
    assert len(rows) == 2
    shelling, repelled = rows
    assert shelling["event_date"] == "2023-02-15" and shelling["time_precision"] == "1"
    assert shelling["event_type"] == "Explosions/Remote violence"
    assert (shelling["country"], shelling["location"]) == ("Ukraine", "Bakhmut")
    assert float(shelling["latitude"]) == pytest.approx(48.59441)
    assert (shelling["fatalities"], shelling["source"], shelling["report"]) == ("2", "Example News", "a.txt")
    assert (shelling["claimant"], shelling["side"], shelling["verified"]) == ("Donetsk governor", "UA", "")
    assert repelled["verified"] == "false" and repelled["event_date"] == "" and repelled["fatalities"] == ""
    text = sample_report.text
    assert text[int(repelled["start"]) : int(repelled["end"])] == repelled["quote"]


def test_formula_cells_are_neutralised(sample_report):
    shelling = _rows((sample_report, "a.txt"))[0]
    assert sample_report.events[0].quote.startswith("=cmd")
    assert shelling["quote"].startswith("'=cmd") and shelling["notes"].startswith("'=cmd")
    for value in ("=1+1", "+1", "-1+2", "@SUM(A1)", "\tx", "\rx"):
        assert neutralise(value) == "'" + value
    assert neutralise("Bakhmut") == "Bakhmut" and neutralise(-37.5) == -37.5 and neutralise("") == ""


def test_hostile_file_name_is_neutralised(sample_report):
    assert _rows((sample_report, "=HYPERLINK(\"http://evil\")"))[0]["report"] == "'=HYPERLINK(\"http://evil\")"
