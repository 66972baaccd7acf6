"""Reports built by hand (hand-written for geomap tests), so output formats are tested on known values.

The text holds a formula-looking quote, a relative position, a region, an unresolved name and
non-Latin characters, which are the cases the writers must get right.
"""

from __future__ import annotations

import datetime as dt

import pytest

from gazetteer import Place
from geomap.model import Event, Mention, RelativePosition, Report, ResolvedPlace, Unresolved

TEXT = (
    "=cmd|' /C calc'!A0 Russian forces shelled Bakhmut on Wednesday, the Donetsk governor said.\n"
    "Ukraine said it repelled attacks 3 km north of Bakhmut near Paraskoviivka; Kyiv calls it «успіх».\n"
)

BAKHMUT = Place(616, "Bakhmut", 48.59441, 37.99983, "P", "PPLA2", "UA", admin1="05", population=72310)
DONETSK = Place(709716, "Donetsk Oblast", 48.0, 37.8, "A", "ADM1", "UA", admin1="05", radius_km=120,
                admin1_name="Donetsk Oblast")
KYIV = Place(703448, "Kyiv", 50.45466, 30.5238, "P", "PPLC", "UA", admin1="12", population=2797553)


def mention(text: str, surface: str, *, nth: int = 0, hint: str = "") -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    return Mention(start, start + len(surface), surface, surface.lower(), hint)


def sentence_span(text: str, needle: str) -> tuple[int, int]:
    start = text.rfind("\n", 0, text.index(needle)) + 1
    end = text.index("\n", start)
    return start, end


@pytest.fixture
def sample_report() -> Report:
    bakhmut = ResolvedPlace(mention(TEXT, "Bakhmut"), BAKHMUT, BAKHMUT.lat, BAKHMUT.lon, 0.93)
    donetsk = ResolvedPlace(mention(TEXT, "Donetsk", hint="region"), DONETSK, DONETSK.lat, DONETSK.lon, 0.7,
                            uncertainty_km=120, role="anchor")
    rel_start = TEXT.index("3 km north of")
    phrase = "3 km north of Bakhmut"
    rel = RelativePosition("offset", rel_start, rel_start + len(phrase), phrase, 0.0, 3.0)
    north = ResolvedPlace(mention(TEXT, "Bakhmut", nth=1), BAKHMUT, 48.6214, 37.9998, 0.8, uncertainty_km=1.0,
                          relative=rel)
    kyiv = ResolvedPlace(mention(TEXT, "Kyiv"), KYIV, KYIV.lat, KYIV.lon, 0.6, role="anchor")
    s1, e1 = sentence_span(TEXT, "shelled")
    s2, e2 = sentence_span(TEXT, "repelled")
    shelling = Event(s1, e1, TEXT[s1:e1], "Donetsk governor", "UA", "shelling", (bakhmut, donetsk),
                     bakhmut.lat, bakhmut.lon, 1, dt.date(2023, 2, 15), 1, None, 2, 5,
                     "Explosions/Remote violence", "Shelling/artillery/missile attack")
    repelled = Event(s2, e2, TEXT[s2:e2], "Ukraine", "UA", "repelled_attack", (north,), north.lat, north.lon,
                     2, None, 3, False, acled_event_type="Battles", acled_sub_event_type="Armed clash")
    unresolved = Unresolved(mention(TEXT, "Paraskoviivka"), TEXT[s2:e2], "not in the gazetteer")
    return Report(TEXT, (bakhmut, donetsk, north, kyiv), (shelling, repelled), (unresolved,),
                  date=dt.date(2023, 2, 16), source="Example News", title="Bakhmut", url="https://example.org/a")


@pytest.fixture
def empty_report() -> Report:
    return Report("Nothing here.")
