"""Events while a report is being read: a claim's sentences joining into one event, and repeats dropping.

:mod:`geomap.events` reads a report sentence by sentence into :class:`Draft` events.  A sentence that
names no place of its own and comes from the same voice right after a claim elaborates it
(:func:`elaborates`, :func:`merge`); a claim its source repeats later without a day of its own is one
event (:func:`drop_repeats`); once the whole report is read each draft becomes an immutable
:class:`~geomap.model.Event` (:func:`freeze`).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from geomap.claimants import Attribution, side_of
from geomap.event_types import acled_types, casualty_counts
from geomap.model import Event, ResolvedPlace

__all__ = ["Draft", "drop_repeats", "elaborates", "freeze", "merge"]

_DIGIT = re.compile(r"\d")


@dataclass(slots=True)
class Draft:
    """An event being assembled; frozen into an :class:`Event` once the whole report is read."""

    start: int
    end: int
    unit: int
    paragraph: int
    attribution: Attribution
    explicit: bool
    event_type: str
    places: list[ResolvedPlace]
    own_places: bool
    claimant_places: list[ResolvedPlace] = field(default_factory=list)
    date: dt.date | None = None
    time_precision: int = 3
    explicit_date: bool = False
    verified: bool | None = None


def elaborates(last: Draft, draft: Draft, text: str) -> bool:
    """Tell whether a placeless sentence from the same source right after a claim elaborates it.

    A bare country as the first source ("Russia says…") is the same voice as the official who then
    speaks for it; a sentence with its own day, or a new figure of a new kind, is a claim of its own.
    """
    if last.attribution.side != draft.attribution.side or draft.unit - last.unit > 2:
        return False
    same = last.attribution.claimant == draft.attribution.claimant
    if not same and not (last.attribution.claimant.split() and side_of(last.attribution.claimant) != "none"
                         and len(last.attribution.claimant.split()) == 1):  # fmt: skip
        return False
    if draft.paragraph - last.paragraph > 1 or (draft.explicit_date and draft.date != last.date):
        return False
    quote = text[draft.start : draft.end]
    return not (_DIGIT.search(quote) and draft.event_type != last.event_type)


def merge(last: Draft, draft: Draft) -> None:
    """Fold an elaborating sentence into the claim it elaborates: its span, day, hedge and places."""
    last.end = max(last.end, draft.end)
    last.unit = draft.unit
    if draft.explicit_date and not last.explicit_date:
        last.date, last.time_precision, last.explicit_date = draft.date, draft.time_precision, True
    if draft.verified is False:
        last.verified = False
    if not last.places and draft.claimant_places:
        last.places = draft.claimant_places


def drop_repeats(drafts: list[Draft]) -> list[Draft]:
    """Drop a claim its source repeats later ("…is fully liberated", the ministry said).

    A repeat has the same source, type and point and gives no day of its own.
    """
    kept: list[Draft] = []
    for draft in drafts:
        point = _point(draft.places)
        repeat = not draft.explicit_date and any(
            earlier.attribution.claimant.lower() == draft.attribution.claimant.lower()
            and earlier.event_type == draft.event_type
            and _name(_point(earlier.places)) == _name(point)
            for earlier in kept
        )
        if not repeat:
            kept.append(draft)
    return kept


def _name(place: ResolvedPlace | None) -> str | None:
    return place.name if place is not None else None


def _point(places: list[ResolvedPlace]) -> ResolvedPlace | None:
    """Where the event is mapped: the first place named as where it happened (not an anchor)."""
    located = [p for p in places if p.role == "location"] or places
    return located[0] if located else None


def freeze(text: str, draft: Draft) -> Event:
    """Turn a finished draft into an :class:`Event`; a point named only near the claim is less precise."""
    point = _point(draft.places)
    ordered = tuple([point] + [p for p in draft.places if p is not point]) if point else ()
    if point is None:
        precision = 3
    elif point.is_region:
        precision = 3
    else:
        precision = 2 if (point.relative is not None or not draft.own_places) else 1
    quote = text[draft.start : draft.end]
    fatalities, injured = casualty_counts(quote)
    acled_type, acled_sub = acled_types(draft.event_type)
    return Event(
        start=draft.start, end=draft.end, quote=quote, claimant=draft.attribution.claimant,
        side=draft.attribution.side, event_type=draft.event_type, places=ordered,
        lat=point.lat if point else None, lon=point.lon if point else None, geo_precision=precision,
        date=draft.date, time_precision=draft.time_precision, verified=draft.verified,
        fatalities=fatalities, injured=injured, acled_event_type=acled_type, acled_sub_event_type=acled_sub,
    )  # fmt: skip
