"""Property-based tests over the whole text pipeline: no input text may crash it or shift an offset.

Hypothesis draws arbitrary Unicode (every plane, combining marks, zero-width and bidi controls) and
also sentences assembled from war-report fragments, so that the paths that find, resolve and relate
places run on hostile text too, not only the early exits.
"""

from __future__ import annotations

import csv
import io
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geomap.output.csv import CsvWriter
from geomap.output.geojson import GeoJsonWriter
from geomap.output.jsonl import json_line, report_record
from geomap.report import parse

FRAGMENTS = [
    "Bakhmut", "Бахмута", "Бахмут", "Kyiv", "Kiev", "Donetsk region", "Luhansk", "Opytne", "Krasna Hora",
    "Paraskoviivka", "Артемовск", "Харків", "Херсонській області", "3 km north of ",
    "10 kilometres south-east of ",
    "between ", " and ", "near ", "on the outskirts of ", "the town of ", " in ", "Russian forces shelled ",
    "Ukraine's General Staff said ", "the Russian Defense Ministry said ", "killed 3 people", "on Wednesday",
    "yesterday", "14 серпня", "could not independently verify", "Lloyd Austin", "Telegram", ". ", ", ", "\n",
    "\r\n", "\u200b", "\u200d", "\u202e", "\u2067", "\u0301", "\ufeff", "«", "»", "“", "”", "'", "-", "—",
    "🇺🇦",
    "שלום", "مرحبا", "ß", "İ", "ﬁ", "Ⅻ", "\t", "  ",
]

report_like = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=6)), max_size=40).map("".join)
any_text = st.one_of(st.text(max_size=300), report_like)


def _check_spans(report) -> None:
    text = report.text
    for place in report.places:
        assert text[place.start : place.end] == place.surface
        if place.relative:
            assert text[place.relative.start : place.relative.end] == place.relative.phrase
    for item in report.unresolved:
        assert text[item.start : item.end] == item.surface
    for event in report.events:
        assert text[event.start : event.end] == event.quote
        for place in event.places:
            assert text[place.start : place.end] == place.surface
    for sentence in report.sentences:
        assert text[sentence.start : sentence.end] == sentence.text


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=any_text)
def test_any_text_parses_with_exact_offsets_and_valid_json(gazetteer, text):
    report = parse(text, gazetteer=gazetteer)
    assert report.text == text
    _check_spans(report)
    record = json.loads(json_line(report_record(report, file="x.txt")))
    assert record["file"] == "x.txt"
    for item in record["places"] + record["unresolved"]:
        assert text[item["start"] : item["end"]] == item["surface"]
    stream = io.StringIO()
    writer = GeoJsonWriter(stream)
    writer.write(report, file="x.txt")
    writer.close()
    assert json.loads(stream.getvalue())["type"] == "FeatureCollection"
    table = io.StringIO(newline="")
    CsvWriter(table).write(report, file="x.txt")
    assert len(list(csv.DictReader(io.StringIO(table.getvalue(), newline="")))) == len(report.events)


@settings(max_examples=40, deadline=None)
@given(text=st.text(alphabet=st.characters(categories=["Cs", "Co", "Cn", "Cc", "Cf"]), max_size=50))
def test_unusual_code_points_still_give_encodable_json(gazetteer, text):
    report = parse(text, gazetteer=gazetteer)
    line = json_line(report_record(report, file=text))
    line.encode("utf-8")  # lone surrogates are escaped, never written raw
    assert json.loads(line)["file"] == text
