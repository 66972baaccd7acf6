"""The pipeline in one call: text in, :class:`~geomap.model.Report` out."""

from __future__ import annotations

import datetime as dt

from gazetteer import Gazetteer
from gazetteer.base import PlaceSource
from geomap.mentions import find_mentions
from geomap.model import Report
from geomap.resolve import resolve
from geomap.sentences import split_sentences

__all__ = ["parse"]

_DEFAULT: dict[str, Gazetteer] = {}


def default_gazetteer() -> Gazetteer:
    """The embedded gazetteer, opened once per process (it is built on first use)."""
    if "gazetteer" not in _DEFAULT:
        _DEFAULT["gazetteer"] = Gazetteer.open()
    return _DEFAULT["gazetteer"]


def parse(
    text: str,
    *,
    date: dt.date | str | None = None,
    source: str | None = None,
    title: str | None = None,
    url: str | None = None,
    gazetteer: Gazetteer | None = None,
    online: PlaceSource | None = None,
) -> Report:
    """Find, resolve and interpret the places and claims of one report.

    ``date`` is the report's publication date (a ``date`` or ``YYYY-MM-DD``); relative dates in the text
    ("on Wednesday") are resolved against it.  Without it, a date written in the report is used.
    ``online`` is an optional online geocoder asked about names the gazetteer does not know (see
    :class:`gazetteer.sources.online.OnlineSource`); by default geomap never touches the network.

    Examples
    --------
    >>> report = parse("Russian forces shelled Kharkiv on Monday.", date="2024-05-15")
    >>> [p.name for p in report.places], report.places[0].place.country
    (['Kharkiv'], 'UA')
    """
    from geomap.dates import find_report_date
    from geomap.events import build_events
    from geomap.morphology import language_of

    gazetteer = gazetteer or default_gazetteer()
    if isinstance(date, str):
        date = dt.date.fromisoformat(date)
    language = language_of(text)
    sentences = split_sentences(text)
    mentions = find_mentions(text, gazetteer, sentences=sentences, language=language)
    resolved, unresolved = resolve(text, mentions, gazetteer, sentences=sentences, online=online)
    places = [p for p in resolved if p.role != "modifier"]
    report_date = date or find_report_date(text)
    events = build_events(
        text, sentences=sentences, places=places, report_date=report_date, language=language
    )
    return Report(
        text=text,
        places=tuple(places),
        events=tuple(events),
        unresolved=tuple(unresolved),
        modifiers=tuple(p for p in resolved if p.role == "modifier"),
        date=report_date,
        source=source,
        title=title,
        url=url,
        language=language,
        sentences=tuple(sentences),
    )
