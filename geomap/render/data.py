"""Reports flattened into the plain rows the page's JavaScript reads.

The map draws from one table of events and one of places rather than from thousands of folium
objects: a row of JSON costs a few hundred bytes where a folium marker costs a kilobyte of generated
script, and keeping the text as data is what lets the page insert it with ``textContent`` only.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from geomap.model import SIDES, Event, Report, ResolvedPlace

__all__ = ["MapData", "Placement", "collect"]


@dataclass(frozen=True, slots=True)
class Placement:
    """Where the events of one place are drawn: a place row and the events located there."""

    place_index: int
    place: ResolvedPlace
    event_ids: list[int] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class MapData:
    """Everything the page needs, as JSON-ready rows, plus the placements the plugins draw."""

    events: list[dict]
    places: list[dict]
    reports: list[dict]
    unresolved: list[dict]
    placements: list[Placement]

    @property
    def dates(self) -> list[str]:
        """The distinct event dates, sorted: the stops of the time slider."""
        return sorted({e["date"] for e in self.events if e["date"]})


def _http_url(url: str | None) -> str | None:
    """Only web links become links: a ``javascript:`` or ``data:`` URL from a report stays text."""
    if url and url.strip().lower().startswith(("http://", "https://")):
        return url.strip()
    return None


def _place_key(rp: ResolvedPlace) -> tuple:
    return (rp.geonameid, round(rp.lat, 5), round(rp.lon, 5))


def _place_row(rp: ResolvedPlace) -> dict:
    place = rp.place
    return {
        "name": place.name,
        "lat": rp.lat,
        "lon": rp.lon,
        "geonameid": place.geonameid,
        "region": rp.is_region,
        "country": place.country,
        "admin1": place.admin1_name,
        "code": place.feature_code,
        "radius_km": place.radius_km,
    }


def _mark(event: Event, rp: ResolvedPlace, place_index: int) -> dict:
    """Where the place's name sits in the claim sentence, for highlighting; ``s`` is None when absent."""
    start = rp.start - event.start
    end = rp.end - event.start
    if not (0 <= start < end <= len(event.quote) and event.quote[start:end] == rp.surface):
        start = event.quote.find(rp.surface) if rp.surface else -1
        end = start + len(rp.surface)
    found = start >= 0
    return {
        "p": place_index,
        "s": start if found else None,
        "e": end if found else None,
        "confidence": round(rp.confidence, 3),
        "method": rp.method,
        "relative": rp.relative.phrase if rp.relative else None,
        "uncertainty_km": rp.uncertainty_km,
    }


def _event_row(event: Event, report_index: int, marks: list[dict]) -> dict:
    return {
        "quote": event.quote,
        "claimant": event.claimant,
        "side": event.side if event.side in SIDES else "none",
        "type": event.event_type or "other",
        "date": event.date.isoformat() if event.date else None,
        "time_precision": event.time_precision,
        "geo_precision": event.geo_precision,
        "verified": event.verified,
        "fatalities": event.fatalities,
        "injured": event.injured,
        "report": report_index,
        "report_count": event.report_count,
        "at": marks,
    }


def _drawn_places(event: Event) -> list[ResolvedPlace]:
    """List the places an event is drawn at: every place in the ``location`` role, else its main place."""
    located = [p for p in event.places if p.role == "location"]
    if located:
        return located
    return [event.location] if event.location else []


def _report_row(report: Report) -> dict:
    return {
        "title": report.title,
        "source": report.source,
        "date": report.date.isoformat() if report.date else None,
        "url": _http_url(report.url),
    }


def collect(reports: Iterable[Report]) -> MapData:
    """Flatten reports into event, place, report and unresolved rows, grouping events by place."""
    events: list[dict] = []
    places: list[dict] = []
    by_key: dict[tuple, Placement] = {}
    report_rows: list[dict] = []
    unresolved: list[dict] = []
    for report_index, report in enumerate(reports):
        report_rows.append(_report_row(report))
        unresolved.extend(
            {"surface": u.surface, "sentence": u.sentence, "hint": u.hint, "report": report_index}
            for u in report.unresolved
        )
        for event in report.events:
            event_id = len(events)
            marks = []
            for rp in _drawn_places(event):
                key = _place_key(rp)
                if key not in by_key:
                    by_key[key] = Placement(len(places), rp)
                    places.append(_place_row(rp))
                by_key[key].event_ids.append(event_id)
                marks.append(_mark(event, rp, by_key[key].place_index))
            events.append(_event_row(event, report_index, marks))
    return MapData(events, places, report_rows, unresolved, list(by_key.values()))
