"""JSON Lines: one object per input, the format outside evaluation tools read.

The keys of :func:`report_record` are a contract: keys may be added, never renamed or removed.  Each
object has ``file`` (the input as given), ``places``, ``events`` and ``unresolved``; every ``start``/
``end`` is a Python ``str`` offset into the input's decoded text (for HTML, its extracted main text).
Floats that are not finite become ``null`` so every line is strict JSON.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from functools import lru_cache
from typing import IO, Any

from gazetteer import Gazetteer, Place
from geomap.model import Event, RelativePosition, Report, ResolvedPlace, Unresolved

__all__ = [
    "Admin1Names",
    "GazetteerSource",
    "JsonlWriter",
    "event_record",
    "json_line",
    "place_record",
    "report_record",
    "unresolved_record",
]


#: a gazetteer, or a zero-argument callable that opens one when first needed
GazetteerSource = Gazetteer | Callable[[], Gazetteer] | None


def _num(value: float | None, digits: int = 6) -> float | None:
    if value is None or not math.isfinite(value):
        return None
    return round(float(value), digits)


class Admin1Names:
    """First-level division names (``UA``, ``05`` → ``Donetsk Oblast``), looked up once per code.

    The gazetteer may be given as a zero-argument callable, opened only when a name is first needed.
    """

    def __init__(self, gazetteer: GazetteerSource = None) -> None:
        self._gazetteer = gazetteer
        self._lookup = lru_cache(maxsize=4096)(self._name)

    def _name(self, country: str, code: str) -> str:
        gazetteer = self._gazetteer() if callable(self._gazetteer) else self._gazetteer
        return gazetteer.admin1_name(country, code) if gazetteer else ""

    def __call__(self, place: Place) -> str:
        """Name the place's admin1 division: its name, else its code, else ``""``."""
        if place.admin1_name:
            return place.admin1_name
        if not (place.country and place.admin1):
            return ""
        return self._lookup(place.country, place.admin1) or place.admin1


def _relative_record(rel: RelativePosition, place: Place) -> dict[str, Any]:
    return {"kind": rel.kind, "start": rel.start, "end": rel.end, "phrase": rel.phrase,
            "bearing_deg": _num(rel.bearing_deg, 1), "distance_km": _num(rel.distance_km, 3),
            "anchor_lat": _num(place.lat), "anchor_lon": _num(place.lon)}


def place_record(rp: ResolvedPlace, *, admin1: Admin1Names | None = None) -> dict[str, Any]:
    """Build the JSON object for one resolved place mention (contract keys first, then extras)."""
    place = rp.place
    return {
        "start": rp.start, "end": rp.end, "surface": rp.surface, "name": place.name,
        "lat": _num(rp.lat), "lon": _num(rp.lon), "country": place.country,
        "admin1": (admin1 or Admin1Names())(place), "feature_class": place.feature_class,
        "feature_code": place.feature_code, "geonameid": place.geonameid,
        "confidence": _num(rp.confidence, 3),
        # extras
        "admin1_code": place.admin1, "uncertainty_km": _num(rp.uncertainty_km, 3), "role": rp.role,
        "method": rp.method, "is_region": place.is_region, "population": place.population,
        "relative": _relative_record(rp.relative, place) if rp.relative else None,
    }


def _canonical_names(places: tuple[ResolvedPlace, ...]) -> list[str]:
    return list(dict.fromkeys(p.name for p in places))


def event_record(event: Event) -> dict[str, Any]:
    """Build the JSON object for one claim (contract keys first, then ACLED-style extras)."""
    return {
        "start": event.start, "end": event.end, "quote": event.quote, "claimant": event.claimant,
        "side": event.side, "event_type": event.event_type,
        "date": event.date.isoformat() if event.date else None,
        "places": _canonical_names(event.places), "lat": _num(event.lat), "lon": _num(event.lon),
        "verified": event.verified, "fatalities": event.fatalities,
        # extras
        "geonameids": list(dict.fromkeys(p.geonameid for p in event.places)),
        "time_precision": event.time_precision, "geo_precision": event.geo_precision,
        "acled_event_type": event.acled_event_type, "sub_event_type": event.acled_sub_event_type,
        "injured": event.injured, "report_count": event.report_count,
    }


def unresolved_record(item: Unresolved) -> dict[str, Any]:
    """Build the JSON object for a name that looked like a place but matched nothing."""
    return {"start": item.start, "end": item.end, "surface": item.surface, "hint": item.hint,
            "sentence": item.sentence}


def report_record(report: Report, *, file: str, admin1: Admin1Names | None = None) -> dict[str, Any]:
    """Build the JSONL object for one input: the contract keys plus the report's own metadata."""
    admin1 = admin1 or Admin1Names()
    return {
        "file": file,
        "places": [place_record(p, admin1=admin1) for p in report.places],
        "events": [event_record(e) for e in report.events],
        "unresolved": [unresolved_record(u) for u in report.unresolved],
        "modifiers": [place_record(p, admin1=admin1) for p in report.modifiers],
        "date": report.date.isoformat() if report.date else None,
        "title": report.title, "source": report.source, "url": report.url, "language": report.language,
    }


def json_line(record: dict[str, Any]) -> str:
    r"""Serialise one record as a strict-JSON line, readable UTF-8 where the text allows it.

    Text built in Python may hold lone surrogates, which have no UTF-8 form; such a record is written
    with ``\\u`` escapes instead, so the line is still valid JSON and still encodable.
    """
    line = json.dumps(record, ensure_ascii=False, allow_nan=False)
    try:
        line.encode("utf-8")
    except UnicodeEncodeError:
        line = json.dumps(record, ensure_ascii=True, allow_nan=False)
    return line + "\n"


class JsonlWriter:
    """Streams one line per report, so memory stays flat over thousands of inputs."""

    def __init__(self, stream: IO[str], *, gazetteer: GazetteerSource = None) -> None:
        self._stream = stream
        self._admin1 = Admin1Names(gazetteer)

    def write(self, report: Report, *, file: str) -> None:
        """Append the line for one input."""
        self._stream.write(json_line(report_record(report, file=file, admin1=self._admin1)))

    def write_error(self, file: str, message: str) -> None:
        """Append a line for an input that could not be read, so there is still one line per input."""
        record = {"file": file, "places": [], "events": [], "unresolved": [], "error": message}
        self._stream.write(json_line(record))

    def close(self) -> None:
        """Nothing to finish: every line is complete when written."""
