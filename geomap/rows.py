"""Reports as flat rows for the event store, and back.

A batch worker turns its :class:`~geomap.model.Report` into plain tuples before sending it to the
process that writes the store: tuples of numbers and strings pickle faster than nested dataclasses, and
the writer then only binds them to prepared statements, which keeps the single writer from becoming the
bottleneck of a parallel run.  The same functions rebuild the model values when the store is read, so the
round trip is defined in one place.  No SQL lives here (that is :mod:`geomap.store`'s job).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections import defaultdict
from dataclasses import dataclass, field
from operator import attrgetter

from gazetteer import Place
from geomap.model import Event, Mention, RelativePosition, Report, ResolvedPlace, Unresolved

__all__ = [
    "ReportParts",
    "ReportRows",
    "assemble_report",
    "event_from_row",
    "place_from_row",
    "report_to_rows",
    "resolved_from_row",
    "unresolved_from_row",
]


@dataclass(frozen=True, slots=True)
class ReportRows:
    """One report flattened into the store's tables, ready to bind to ``INSERT`` statements.

    ``report`` holds (key, path, url, source, title, date, language, text); ``claims`` the
    (geonameid, event_type, date) triples that link an event to the same claim in other reports.
    """

    key: str
    report: tuple
    places: list[tuple] = field(default_factory=list)
    mentions: list[tuple] = field(default_factory=list)
    unresolved: list[tuple] = field(default_factory=list)
    events: list[tuple] = field(default_factory=list)
    event_places: list[tuple] = field(default_factory=list)
    claims: list[tuple] = field(default_factory=list)


def _day(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def _fields(cls: type, *, drop: tuple[str, ...] = ()) -> tuple[str, ...]:
    names = cls._fields if issubclass(cls, tuple) else [f.name for f in dataclasses.fields(cls)]
    return tuple(name for name in names if name not in drop)


# the tables store these fields in the classes' own order, so rows are built and read by name lists
_PLACE = _fields(Place, drop=("members",))
_MENTION = _fields(Mention, drop=("alternatives",))
_RESOLVED = ("geonameid", "lat", "lon", "confidence", "uncertainty_km", "role", "method")
_RELATIVE = _fields(RelativePosition)
_EVENT = _fields(Event, drop=("places", "report_count"))


_PLACE_CELLS = attrgetter(*_PLACE)
_MENTION_CELLS = attrgetter(*_MENTION)
_RESOLVED_CELLS = attrgetter(*_RESOLVED)


def _json_list(values: tuple) -> str:
    # most places have no members and many names no alternatives: "[]" is what json.dumps would write
    return json.dumps(list(values), ensure_ascii=False) if values else "[]"


def _place_row(place: Place) -> tuple:
    return (*_PLACE_CELLS(place), _json_list(place.members))


def place_from_row(row: tuple) -> Place:
    """Rebuild a gazetteer :class:`~gazetteer.Place` from its ``places`` row (column order of the table)."""
    *head, members = row
    return Place(*head, members=tuple(json.loads(members)))


def _mention_cells(mention: Mention) -> tuple:
    return (*_MENTION_CELLS(mention), _json_list(mention.alternatives))


def _mention(cells: tuple) -> Mention:
    *head, alternatives = cells
    return Mention(*head, tuple(json.loads(alternatives)))


def _resolved_row(ordinal: int, listed: bool, resolved: ResolvedPlace) -> tuple:
    relative = resolved.relative
    return (ordinal, int(listed), *_mention_cells(resolved.mention), *_RESOLVED_CELLS(resolved),
            _json_list(tuple(getattr(relative, n) for n in _RELATIVE)) if relative else None)


def resolved_from_row(row: tuple, place: Place) -> ResolvedPlace:
    """Rebuild a :class:`ResolvedPlace` from a ``mentions`` row (from ``start`` on) and its place."""
    _geonameid, *numbers, relative = row[6:]
    return ResolvedPlace(_mention(row[:6]), place, *numbers,
                         RelativePosition(*json.loads(relative)) if relative else None)


def unresolved_from_row(row: tuple) -> Unresolved:
    """Rebuild an :class:`Unresolved` name from an ``unresolved`` row (from ``start`` on)."""
    return Unresolved(_mention(row[:6]), row[6], row[7])


def _cell(value: object) -> object:
    if isinstance(value, bool):
        return int(value)
    return value.isoformat() if isinstance(value, dt.date) else value


def _event_row(ordinal: int, event: Event) -> tuple:
    return (ordinal, *(_cell(getattr(event, name)) for name in _EVENT))


def event_from_row(row: tuple, places: tuple[ResolvedPlace, ...], report_count: int) -> Event:
    """Rebuild an :class:`Event` from an ``events`` row (from ``start`` on), its places and link count."""
    values = dict(zip(_EVENT, row, strict=True))
    verified = values["verified"]
    values.update(date=_day(values["date"]), verified=None if verified is None else bool(verified))
    return Event(**values, places=places, report_count=report_count)


def _claim(event: Event) -> tuple | None:
    """Name the claim an event states: its place, type and day (undated or unplaced events link nothing)."""
    location = event.location
    if location is None or event.date is None:
        return None
    return (location.geonameid, event.event_type, event.date.isoformat())


def report_to_rows(report: Report, *, key: str, path: str | None = None) -> ReportRows:
    """Flatten ``report`` for :meth:`geomap.store.EventStore.add_rows`.

    Event places are stored by their position among the report's resolved places; a place that an event
    carries but the report does not list is stored once more, marked unlisted, so nothing is lost.
    """
    resolved = list(report.places)
    index = {place: i for i, place in enumerate(resolved)}
    event_places: list[tuple] = []
    for event_ord, event in enumerate(report.events):
        for place_ord, place in enumerate(event.places):
            if place not in index:
                index[place] = len(resolved)
                resolved.append(place)
            event_places.append((event_ord, place_ord, index[place]))
    listed = len(report.places)
    claims = [_claim(event) for event in report.events]
    return ReportRows(
        key=key,
        report=(key, path, report.url, report.source, report.title, _cell(report.date), report.language,
                report.text),
        places=list({p.place.geonameid: _place_row(p.place) for p in resolved}.values()),
        mentions=[_resolved_row(i, i < listed, p) for i, p in enumerate(resolved)],
        unresolved=[(i, *_mention_cells(u.mention), u.sentence, u.hint)
                    for i, u in enumerate(report.unresolved)],
        events=[(*_event_row(i, e), *(claim or (None, None, None)))
                for i, (e, claim) in enumerate(zip(report.events, claims, strict=True))],
        event_places=event_places,
        claims=sorted({claim for claim in claims if claim}),
    )


class ReportParts:
    """Resolved places, event places and unresolved names of many reports, gathered from bulk reads.

    Rows arrive as the store's tables hold them (``mentions`` joined to ``places``, ``event_places``,
    ``unresolved``); :meth:`of` hands one report's share to :func:`assemble_report`.
    """

    def __init__(self) -> None:
        self.mentions: dict[tuple[int, int], ResolvedPlace] = {}
        self.listed: dict[int, list[ResolvedPlace]] = defaultdict(list)
        self.events: dict[tuple[int, int], tuple[ResolvedPlace, ...]] = {}
        self.unresolved: dict[int, list[Unresolved]] = defaultdict(list)

    def add_mention(self, row: tuple) -> None:
        """Take a ``mentions`` row (report_id, ord, listed, …) followed by its ``places`` row."""
        report_id, ordinal, listed = row[:3]
        resolved = resolved_from_row(row[3:17], place_from_row(row[17:]))
        self.mentions[(report_id, ordinal)] = resolved
        if listed:
            self.listed[report_id].append(resolved)

    def link(self, row: tuple) -> None:
        """Take an ``event_places`` row (report_id, event_ord, mention_ord), in place order."""
        report_id, event_ord, mention_ord = row
        key = (report_id, event_ord)
        self.events[key] = (*self.events.get(key, ()), self.mentions[(report_id, mention_ord)])

    def add_unresolved(self, row: tuple) -> None:
        """Take an ``unresolved`` row (report_id, ord, …)."""
        self.unresolved[row[0]].append(unresolved_from_row(row[2:]))

    def event_places(self, report_id: int, event_ord: int) -> tuple[ResolvedPlace, ...]:
        """Return the places of one stored event."""
        return self.events.get((report_id, event_ord), ())

    def of(self, report_id: int) -> _OneReport:
        """Return one report's share."""
        return _OneReport(self, report_id)


@dataclass(frozen=True, slots=True)
class _OneReport:
    parts: ReportParts
    report_id: int


def assemble_report(meta: tuple, event_rows: list[tuple], share: _OneReport, *, filtered: bool) -> Report:
    """Rebuild a :class:`Report` from its ``reports`` columns, its event rows and its gathered parts.

    ``meta`` is (text, date, source, title, url, language); each event row is (report_id, ord,
    report_count, event columns…).  A ``filtered`` report keeps only its events' places and no unresolved
    names, so a map filtered by date or side shows nothing the filter excluded.
    """
    text, day, source, title, url, language = meta
    parts, report_id = share.parts, share.report_id
    events = tuple(event_from_row(row[3:], parts.event_places(report_id, row[1]), row[2])
                   for row in event_rows)
    if filtered:
        places = tuple(dict.fromkeys(p for event in events for p in event.places))
    else:
        places = tuple(parts.listed.get(report_id, ()))
    unresolved = () if filtered else tuple(parts.unresolved.get(report_id, ()))
    return Report(text=text, places=places, events=events, unresolved=unresolved, date=_day(day),
                  source=source, title=title, url=url, language=language or "en")
