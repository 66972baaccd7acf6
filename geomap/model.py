"""The typed values that flow between the pipeline's stages.

text → :class:`Mention` (mentions.py) → :class:`ResolvedPlace` / :class:`Unresolved` (resolve.py)
→ :class:`Event` (events.py) → :class:`Report` (report.py) → map, GeoJSON, CSV, JSONL.

Every value is frozen and keeps its character offsets into the report text, so any output can be traced
back to the words it came from (``text[m.start:m.end] == m.surface``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from gazetteer import Place

__all__ = [
    "SIDES",
    "Event",
    "Mention",
    "RelativePosition",
    "Report",
    "ResolvedPlace",
    "Sentence",
    "Unresolved",
]

#: who a claimant speaks for: Russia, Ukraine, a third party (NATO, the UN, a foreign government), nobody
SIDES = ("RU", "UA", "third", "none")


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of the report, by offsets."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Mention:
    """A span of the text that names a place.

    ``key`` is the form looked up in the gazetteer: the folded surface for English, the nominative lemma
    for an inflected Ukrainian or Russian form (``Бахмута`` → ``бахмут``).  ``hint`` carries what the
    words around the name say about it: ``"region"`` after "… region/oblast", ``"country"`` …
    """

    start: int
    end: int
    surface: str
    key: str
    hint: str = ""
    alternatives: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class RelativePosition:
    """A position stated relative to an anchor place: "3 km north of Bakhmut", "between X and Y".

    ``kind`` is ``offset`` (distance and bearing), ``direction`` (bearing only), ``approach`` ("on the
    northern approaches to"), ``outskirts``, ``near`` or ``between``.  ``start``/``end`` cover the whole
    phrase.
    """

    kind: str
    start: int
    end: int
    phrase: str
    bearing_deg: float | None = None
    distance_km: float | None = None


@dataclass(frozen=True, slots=True)
class ResolvedPlace:
    """A mention resolved to one gazetteer place, with the point it stands for.

    ``lat``/``lon`` is the place's own position, or, when the text gives a relative position, the point
    computed from the anchor; ``uncertainty_km`` is the radius within which the truth should lie.
    ``role`` is ``location`` (where something happened), ``anchor`` (a place used to say where
    something else is) or ``modifier`` (a place named only to qualify something else: a nationality
    adjective, "Russian troops", or the place an institution is named after, "The Washington Post":
    listed in :attr:`Report.modifiers`, never mapped).  ``method`` says how the name was matched
    (``exact``, ``lemma``, ``variant``, ``fuzzy``, ``online``, ``relative``, or ``local`` for a street
    or a venue placed in the town the report names around it).
    """

    mention: Mention
    place: Place
    lat: float
    lon: float
    confidence: float
    uncertainty_km: float = 0.0
    role: str = "location"
    method: str = "exact"
    relative: RelativePosition | None = None

    @property
    def start(self) -> int:
        """Offset of the mention in the text."""
        return self.mention.start

    @property
    def end(self) -> int:
        """End offset of the mention in the text."""
        return self.mention.end

    @property
    def surface(self) -> str:
        """The words of the text that name the place."""
        return self.mention.surface

    @property
    def name(self) -> str:
        """The place's canonical name in the gazetteer."""
        return self.place.name

    @property
    def geonameid(self) -> int:
        """GeoNames id (negative for rows with no GeoNames id, such as postal rows)."""
        return self.place.geonameid

    @property
    def is_region(self) -> bool:
        """Whether the place is an area (country, oblast, region) rather than a point."""
        return self.place.is_region


@dataclass(frozen=True, slots=True)
class Unresolved:
    """A name that looks like a place but matched nothing in the gazetteer, with why and what to do."""

    mention: Mention
    sentence: str
    hint: str

    @property
    def start(self) -> int:
        """Offset of the name in the text."""
        return self.mention.start

    @property
    def end(self) -> int:
        """End offset of the name in the text."""
        return self.mention.end

    @property
    def surface(self) -> str:
        """The name as written."""
        return self.mention.surface


@dataclass(frozen=True, slots=True)
class Event:
    """One reported claim: who says what happened where and when, and whether the reporter vouches.

    ``start``/``end`` are the claim sentence's offsets and ``quote`` its text.  ``side`` is one of
    :data:`SIDES`.  ``event_type`` is geomap's type (advance, capture, retreat, repelled_attack, attack,
    shelling, air_strike, drone_strike, missile_strike, casualties, aid_or_diplomacy, other);
    ``acled_event_type``/``acled_sub_event_type`` its ACLED mapping.  ``geo_precision`` and
    ``time_precision`` follow ACLED (1 exact town/day, 2 near a town/week, 3 region/month).  ``verified``
    is False when the report hedges ("could not independently verify"), True when it confirms, None when
    it says nothing.  ``report_count`` is how many reports carry the same claim (set by the event store
    when it links a claim repeated across reports).
    """

    start: int
    end: int
    quote: str
    claimant: str
    side: str
    event_type: str
    places: tuple[ResolvedPlace, ...] = ()
    lat: float | None = None
    lon: float | None = None
    geo_precision: int = 3
    date: dt.date | None = None
    time_precision: int = 3
    verified: bool | None = None
    fatalities: int | None = None
    injured: int | None = None
    acled_event_type: str = ""
    acled_sub_event_type: str = ""
    report_count: int = 1

    @property
    def location(self) -> ResolvedPlace | None:
        """The place the event is mapped at: the first place in the ``location`` role."""
        for place in self.places:
            if place.role == "location":
                return place
        return self.places[0] if self.places else None


@dataclass(frozen=True, slots=True)
class Report:
    """Everything geomap found in one text."""

    text: str
    places: tuple[ResolvedPlace, ...] = ()
    events: tuple[Event, ...] = ()
    unresolved: tuple[Unresolved, ...] = ()
    #: places named only to qualify something ("Russian troops", "The Washington Post"): associated, not
    #: located
    modifiers: tuple[ResolvedPlace, ...] = ()
    date: dt.date | None = None
    source: str | None = None
    title: str | None = None
    url: str | None = None
    language: str = "en"
    sentences: tuple[Sentence, ...] = field(default=(), repr=False)
