from __future__ import annotations

import io
import json

from geomap.output.geojson import GeoJsonWriter, report_features


def _collection(*reports_and_files) -> dict:
    stream = io.StringIO()
    writer = GeoJsonWriter(stream)
    for report, file in reports_and_files:
        writer.write(report, file=file)
    writer.close()
    return json.loads(stream.getvalue())


def test_feature_collection_follows_rfc_7946(sample_report, empty_report):
    doc = _collection((sample_report, "a.txt"), (empty_report, "b.txt"))
    assert doc["type"] == "FeatureCollection"
    assert "crs" not in doc  # RFC 7946 drops crs: coordinates are always WGS 84
    kinds = [f["properties"]["kind"] for f in doc["features"]]
    assert kinds == ["event", "event", "place", "place", "place", "place", "unresolved"]
    for feature in doc["features"]:
        assert feature["type"] == "Feature"
        assert feature["properties"]["file"] == "a.txt"
        geometry = feature["geometry"]
        if feature["properties"]["kind"] == "unresolved":
            assert geometry is None
            continue
        assert geometry["type"] == "Point"
        lon, lat = geometry["coordinates"]  # longitude first
        assert (lat, lon) == (feature["properties"]["lat"], feature["properties"]["lon"])
        assert -180 <= lon <= 180 and -90 <= lat <= 90


def test_event_properties_flatten_the_location(sample_report):
    shelling = report_features(sample_report, file="a.txt")[0]
    props = shelling["properties"]
    assert props["location"] == "Bakhmut" and props["country"] == "UA"
    assert props["claimant"] == "Donetsk governor" and props["event_type"] == "shelling"
    assert shelling["geometry"]["coordinates"] == [37.99983, 48.59441]


def test_empty_input_gives_an_empty_valid_collection(empty_report):
    assert _collection() == {"type": "FeatureCollection", "features": []}
    assert _collection((empty_report, "b.txt"))["features"] == []
