"""GeoJSON: one RFC 7946 FeatureCollection for all inputs, streamed feature by feature.

Every feature's ``properties`` carry ``kind`` (``event``, ``place`` or ``unresolved``) and ``file`` (the
input as given), then the same keys as the JSONL objects of that kind.  Coordinates are WGS 84
``[longitude, latitude]`` as RFC 7946 requires; an event with no position and an unresolved name have a
``null`` geometry, which RFC 7946 allows for unlocated features.
"""

from __future__ import annotations

from typing import IO, Any

from geomap.model import Report
from geomap.output.jsonl import (
    Admin1Names,
    GazetteerSource,
    event_record,
    json_line,
    place_record,
    unresolved_record,
)

__all__ = ["GeoJsonWriter", "report_features"]


def _point(lat: float | None, lon: float | None) -> dict[str, Any] | None:
    if lat is None or lon is None:
        return None
    return {"type": "Point", "coordinates": [lon, lat]}


def _feature(kind: str, file: str, record: dict[str, Any], geometry: dict[str, Any] | None) -> dict[str, Any]:
    return {"type": "Feature", "geometry": geometry, "properties": {"kind": kind, "file": file, **record}}


def report_features(report: Report, *, file: str, admin1: Admin1Names | None = None) -> list[dict[str, Any]]:
    """List the features of one report: its events first, then its place mentions, then unresolved names.

    An event's properties add the ``location`` (canonical name), ``country`` and ``admin1`` of the place
    it is mapped at, since GIS tools style and filter on flat properties.
    """
    admin1 = admin1 or Admin1Names()
    features = []
    for event in report.events:
        record = event_record(event)
        where = event.location
        record |= {"location": where.name if where else None,
                   "country": where.place.country if where else None,
                   "admin1": admin1(where.place) if where else None}
        features.append(_feature("event", file, record, _point(record["lat"], record["lon"])))
    for place in report.places:
        record = place_record(place, admin1=admin1)
        features.append(_feature("place", file, record, _point(record["lat"], record["lon"])))
    features.extend(_feature("unresolved", file, unresolved_record(u), None) for u in report.unresolved)
    return features


class GeoJsonWriter:
    """Writes the collection's opening, then each feature as it comes, then the closing brackets."""

    def __init__(self, stream: IO[str], *, gazetteer: GazetteerSource = None) -> None:
        self._stream = stream
        self._admin1 = Admin1Names(gazetteer)
        self._count = 0
        stream.write('{"type": "FeatureCollection", "features": [\n')

    def write(self, report: Report, *, file: str) -> None:
        """Append the features of one input."""
        for feature in report_features(report, file=file, admin1=self._admin1):
            separator = ",\n" if self._count else ""
            self._stream.write(separator + json_line(feature).rstrip("\n"))
            self._count += 1

    def write_error(self, file: str, message: str) -> None:
        """Skip an unreadable input: a FeatureCollection has no place for errors (stderr has them)."""

    def close(self) -> None:
        """Close the collection, making the document valid JSON."""
        self._stream.write("\n]}\n")
