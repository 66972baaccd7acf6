"""Claims → events: who says what happened where and when, and whether the reporter vouches for it.

Each sentence is read for an assertion of a military or diplomatic event (:mod:`geomap.event_types`),
its source (:mod:`geomap.claimants`), its day (:mod:`geomap.dates`) and its places.  A report is read in
order, because its sentences lean on each other: a source named once speaks for the unattributed
sentences that carry on its report; "This was reported by …" names the source of the sentence before;
a sentence that names no place of its own and comes from the same side elaborates the claim before it
and joins that event; a claim repeated later by the same source is one event.

Not events: headings, forecasts and conditionals in the reporter's voice ("the capture of Bakhmut would
give Russia…"), descriptions ("Lyman is a transport hub"), appeals ("urged countries to…"), and
sentences that say a source did *not* comment.  See ``docs/events.md``.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from dataclasses import replace

from geomap.claimants import (
    Attribution,
    Discourse,
    content_side,
    find_attribution,
    hedge_scope,
    side_of,
    unnamed_source,
)
from geomap.dates import find_dates, split_clauses
from geomap.drafts import Draft, drop_repeats, elaborates, freeze, merge
from geomap.event_types import (
    classify,
    enemy_retreat,
    is_descriptive,
    is_heading,
    is_non_event,
)
from geomap.model import Event, ResolvedPlace, Sentence
from geomap.prefilter import prefiltered

__all__ = ["build_events"]

_REPORTER = Attribution("reporter", "none", scope="sentence")
_UNNAMED = Attribution("unnamed source", "none", scope="sentence")
_NARRATIVE_WINDOW_DAYS = 7
_BACKGROUND_DAYS = 45
# anchored or read on short windows: the plain pattern fails faster than a word check would pass
_REPORTER_VOICE = re.compile(r"^(?:нагадаємо|напомним|recall that|as a reminder)\b", re.IGNORECASE)
_ANAPHORA = prefiltered(
    r"\bthe (?:\w+ ){0,2}?(?:town|city|village|settlement|area|community)\b|\bthere\b|"
    r"\b(?:міст[аоі]|город[ае]?|сел[аоі]|"
    r"селища|поселк[аеу])\b",
    re.IGNORECASE,
)
_METONYM_AFTER = re.compile(
    r"^['’]s\s+(?:\w+\s+){0,2}(?:troops|forces|army|military|government|president|defen[cs]e|general staff|"
    r"ministry|minister|security council|top|own)\b|^\s+(?:said|says|claimed|claims|has|have|which|calls)\b",
    re.IGNORECASE,
)
_DIRECTION_AFTER = re.compile(
    r"^\s*(?:direction|axis|sector|front)\b|^\s*(?:напрям|направлен)", re.IGNORECASE
)
_LOCATIVE_BEFORE = re.compile(
    r"\b(?:in|into|across|throughout|inside|within|over|of|to|в|у|на|по)\s+(?:\w+\s+)?$",
                              re.IGNORECASE)  # fmt: skip
_DATELINE = re.compile(r"^[A-ZА-ЯІЇЄ][\w'’.-]+(?: [\w'’.-]+){0,2}(?:\s*\([^)]*\))?\s*(?::\s|[-–—]\s)")
_ASIDE = prefiltered(r",\s+(?:as|while|although|though)\b[^.;]*|\b(?:щоб|чтобы|in order to)\b[^.;]*")
_TIME_CLAUSE = prefiltered(r"\b(?:before|when|since|until)\b[^,.;]*")
_DATELINE_ZONE = 300  # characters: a dateline opens a report


def build_events(
    text: str,
    *,
    sentences: list[Sentence],
    places: list[ResolvedPlace] | tuple[ResolvedPlace, ...],
    report_date: dt.date | None,
    language: str = "en",
) -> list[Event]:
    """Read the claims of a report into events, in text order.

    Parameters
    ----------
    text
        The report text; every offset below indexes it.
    sentences
        Its sentences (:func:`geomap.sentences.split_sentences`).
    places
        The resolved places of the whole report; an event takes those named in its sentence.
    report_date
        The day the report was published: relative dates ("on Wednesday") resolve against it, and
        claims that give no day take it with a lower precision.
    language
        ``en``, ``uk`` or ``ru``; the readers are multilingual, so this only documents the input.
    """
    del language  # the triggers and cues of all three languages are tried on every report
    reader = _Reader(text, sorted(places, key=lambda p: p.start), report_date)
    whole = {(s.start, s.end) for s in sentences}
    for index, unit in enumerate(_units(text, sentences, report_date)):
        reader.read(index, unit, whole=(unit.start, unit.end) in whole)
    drafts = drop_repeats(reader.drafts)
    return [freeze(text, draft) for draft in drafts]


def _units(text: str, sentences: list[Sentence], report_date: dt.date | None) -> list[Sentence]:
    """Sentences, with a list of dated claims ("29 September X, 30 September Y, …") split into clauses."""
    units: list[Sentence] = []
    for sentence in sentences:
        units += split_clauses(sentence, report_date=report_date)
    return units


class _Paragraphs:
    """Paragraphs are lines: extracted article text keeps one paragraph per line, blank lines or not.

    The paragraph of an offset is the number of line breaks (runs of them) between the text's first
    word and the offset; the runs are found once per report, as a claim and each place before it ask.
    """

    def __init__(self, text: str) -> None:
        lead = len(text) - len(text.lstrip())
        self._breaks = [lead + m.start() for m in re.finditer(r"\n+", text[lead:])]

    def of(self, offset: int) -> int:
        """Return the paragraph number of ``offset`` (0 for the first)."""
        return bisect_left(self._breaks, offset)


class _Reader:
    """Reads a report's units in order, keeping who is speaking and which day the report is on."""

    def __init__(self, text: str, places: list[ResolvedPlace], report_date: dt.date | None) -> None:
        self.text = text
        self.paragraphs = _Paragraphs(text)
        self.places = places
        self.starts = [place.start for place in places]
        self.report_date = report_date
        self.today = dt.date.today()  # resolves a dateless report's relative days, only to tell they exist
        self.discourse = Discourse()
        self.chain: Attribution | None = None
        self.narrative: dt.date | None = None
        self.drafts: list[Draft] = []
        self.last_kind: str | None = None

    def read(self, index: int, unit: Sentence, *, whole: bool = True) -> None:
        """Read one unit (a sentence, or a clause of a dated list): an event, an elaboration, or context."""
        if whole and is_heading(unit.text):
            return
        found = find_attribution(unit.text, offset=unit.start)
        attribution = self._resolve(found, unit.text)
        day = self._day(unit.text)
        if attribution is not None and attribution.scope == "previous":
            self._attribute_back(attribution)
            self.chain = attribution
            return
        kind = classify(_claim_text(unit.text, found)) or (
            self.last_kind if unit.text[:1].isdigit() else None
        )
        background = bool(
            day and day.date and self.report_date and (self.report_date - day.date).days > _BACKGROUND_DAYS
        )
        voice = bool(_REPORTER_VOICE.match(unit.text))
        if kind is None or is_non_event(
            unit.text, attributed=attribution is not None, kind=kind, dated=bool(day)
        ):
            self._context_only(unit.text, attribution, day, background or voice)
            return
        self.last_kind = kind
        claimant, explicit = self._claimant(unit, attribution, background or voice)
        draft = self._draft(index, unit, claimant, explicit, kind, day)
        if hedge_scope(unit.text) == "sentence":
            draft.verified = False
        self._add(draft)

    def _day(self, text: str):
        """Return the unit's own date expression, if any (its date is None without a report date)."""
        refs = find_dates(text, report_date=self.report_date or self.today)
        if not refs:
            return None
        day = refs[0]
        if self.report_date is None:
            resolved = find_dates(text, report_date=None)
            return resolved[0] if resolved else replace(day, date=None)
        if (
            day.precision == 1
            and day.date is not None
            and abs((day.date - self.report_date).days) <= _NARRATIVE_WINDOW_DAYS
        ):
            self.narrative = day.date
        return day

    def _resolve(self, found: Attribution | None, text: str) -> Attribution | None:
        if found is None:
            return None
        attribution = self.discourse.resolve(found)
        if attribution.side == "none" and (side := content_side(text)):
            attribution = replace(attribution, side=side)
        return attribution

    def _attribute_back(self, attribution: Attribution) -> None:
        """Give the unattributed claims just before to X ("This was reported by X")."""
        for draft in reversed(self.drafts):
            if draft.explicit:
                break
            draft.attribution, draft.explicit = replace(attribution, scope="chain"), True
            if draft.verified is True:
                draft.verified = None

    def _context_only(self, text: str, attribution: Attribution | None, day, breaks: bool) -> None:
        """Read a sentence with no event: it may name a source, date or hedge a claim, or end a report.

        A hedge with no claim before it to hedge, and a description with no chain of reports to end, change
        nothing, so they are not looked for.
        """
        hedge = hedge_scope(text) if self.drafts else ""
        last = self.drafts[-1] if self.drafts else None
        if hedge == "previous" and last is not None:
            last.verified = False
        elif hedge == "all":
            for draft in self.drafts:
                if draft.attribution.claimant != "reporter":
                    draft.verified = False
        if (
            last is not None
            and attribution is not None
            and attribution.claimant == last.attribution.claimant  # the same voice goes on: its day
            and day is not None
            and day.date
            and not last.explicit_date
        ):
            last.date, last.time_precision, last.explicit_date = day.date, day.precision, True
        if attribution is not None and attribution.scope == "chain":
            self.chain = attribution
        elif self.chain is not None and (breaks or (attribution is None and is_descriptive(text))):
            self.chain = None

    def _claimant(
        self, unit: Sentence, attribution: Attribution | None, reporter: bool
    ) -> tuple[Attribution, bool]:
        if attribution is not None:
            if attribution.scope == "chain":
                self.chain = attribution
            return attribution, True
        if reporter:
            self.chain = None
            return _REPORTER, False
        if unnamed_source(unit.text):
            return _UNNAMED, True
        if (actor := self._actor(unit)) is not None:
            return actor, True
        if self.chain is not None:
            return replace(self.chain, start=-1, end=-1), True
        side = content_side(unit.text)
        if side and (earlier := self.discourse.last_of_side(side)) is not None:
            self.chain = earlier
            return replace(earlier, start=-1, end=-1), True
        return _REPORTER, False

    def _places_of(self, unit: Sentence) -> list[ResolvedPlace]:
        """The places named in a unit, in text order (found by bisection: long reports name hundreds)."""
        return self.places[bisect_left(self.starts, unit.start) : bisect_left(self.starts, unit.end)]

    def _actor(self, unit: Sentence) -> Attribution | None:
        """Return the country a sentence opens with as its subject ("The United States has committed…")."""
        for place in self._places_of(unit):
            if place.place.feature_code.startswith("PCL"):
                lead = self.text[unit.start : place.start].strip().lower()
                if lead in ("", "the") and _METONYM_AFTER.match(self.text[place.end : place.end + 40]):
                    return Attribution(place.surface, side_of(place.name), place.start, place.end, "sentence")
                return None
        return None

    def _draft(self, index, unit, claimant, explicit, kind, day) -> Draft:
        own, by_claimant = self._places_in(unit, claimant)
        anaphor = _ANAPHORA.search(unit.text)
        if not own and anaphor and (antecedent := self._antecedent(unit.start, anaphor.group(0))) is not None:
            own = [antecedent]
        if kind == "aid_or_diplomacy":
            donor = [p for p in by_claimant if claimant.start <= p.start < claimant.end]
            own, by_claimant = donor + own, [p for p in by_claimant if p not in donor]
        if kind == "retreat" and enemy_retreat(unit.text, side=claimant.side):
            kind = "advance"
        if day is not None:
            date, precision, explicit_date = day.date, day.precision, True
        else:
            date, precision, explicit_date = self.narrative or self.report_date, 2, False
        return Draft(unit.start, unit.end, index, self.paragraphs.of(unit.start), claimant, explicit,
                      kind, own, bool(own), by_claimant, date, precision if date else 3, explicit_date,
                      True if claimant is _REPORTER else None)  # fmt: skip

    def _places_in(
        self, unit: Sentence, claimant: Attribution
    ) -> tuple[list[ResolvedPlace], list[ResolvedPlace]]:
        """Split the unit's places: where things happened (directions last), and who speaks or acts."""
        dateline = _DATELINE.match(unit.text) if unit.start < _DATELINE_ZONE else None
        dateline_end = unit.start + dateline.end() if dateline else unit.start
        own, directions, by_claimant = [], [], []
        for place in self._places_of(unit):
            if place.start < dateline_end:
                continue
            after = self.text[place.end : place.end + 40]
            actor = place.place.feature_code.startswith("PCL") and not _LOCATIVE_BEFORE.search(
                self.text[max(unit.start, place.start - 30) : place.start]
            )
            if claimant.start <= place.start < claimant.end or _METONYM_AFTER.match(after) or actor:
                by_claimant.append(place)
            elif _DIRECTION_AFTER.match(after):
                directions.append(place)
            else:
                own.append(place)
        return own + directions, by_claimant

    def _antecedent(self, offset: int, anaphor: str) -> ResolvedPlace | None:
        """Find the settlement "the town"/"there" refers to.

        The last one introduced with the same noun ("the city of Lyman" for "the city"), else the one the
        report has named most, the latest on ties.
        """
        before = [p for p in self.places if p.end <= offset and not p.is_region]
        noun = anaphor.split()[-1].lower()[:4]
        introduced = [p for p in before if noun in self.text[max(0, p.start - 25) : p.start].lower()]
        if introduced:
            return introduced[-1]
        counts: dict[str, int] = {}
        for place in before:
            counts[place.name] = counts.get(place.name, 0) + 1
        best = max(counts.values(), default=0)
        return next((p for p in reversed(before) if counts[p.name] == best), None)

    def _fallback(self, draft: Draft) -> list[ResolvedPlace]:
        """Place a claim naming no place where the same or the previous paragraph last placed something."""
        before = [
            p for p in self.places if p.end <= draft.start and not p.place.feature_code.startswith("PCL")
        ]
        near = [p for p in before if draft.paragraph - self.paragraphs.of(p.start) <= 1]
        # "34 attacks repelled": on the axis the paragraph named, not at the last village of its list
        after = [self.text[p.end : p.end + 40] for p in near]
        axes = [
            p
            for p, words in zip(near, after, strict=True)
            if p.mention.hint == "axis" or _DIRECTION_AFTER.match(words)
        ]
        return [(axes or near)[-1]] if near else []

    def _add(self, draft: Draft) -> None:
        last = self.drafts[-1] if self.drafts else None
        if last is not None and not draft.own_places and elaborates(last, draft, self.text):
            merge(last, draft)
            return
        if not draft.places:
            draft.places = self._fallback(draft) or draft.claimant_places
        self.drafts.append(draft)


def _claim_text(text: str, found: Attribution | None) -> str:
    """Return the words that carry the claim, without the source's own name and trailing asides."""
    if found is not None and found.start >= 0:
        text = text.replace(found.claimant, " ", 1)
    return _TIME_CLAUSE.sub(" ", _ASIDE.sub(" ", text))
