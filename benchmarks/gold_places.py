"""Gold coordinates for the war reports, which annotate names (canonical, country, oblast) but no points.

Each gold canonical name is looked up in a *benchmark* gazetteer: a copy of the user's index at a
temporary path with the GeoNames postal-code dump for Ukraine and ``cities15000`` added, so front-line
villages that the embedded data lacks still get a position.  The user's own index is never touched.
Candidates are filtered by the gold country and oblast; when several remain (two Opytne in Donetsk
oblast), the one nearest the document's unambiguous gold places is taken, as a reader would.  A name
found nowhere, or only as a postal row whose position GeoNames marks as estimated (accuracy 1, often
tens of km off), keeps no coordinates and is left out of the resolution figures.
"""

from __future__ import annotations

import shutil
import statistics
import tempfile
from dataclasses import replace
from pathlib import Path

from geopy.distance import great_circle

from benchmarks.corpora import SHARED, GoldDoc, GoldToponym
from gazetteer import Gazetteer, Place, source_for_file

__all__ = ["BENCH_CACHE", "GOLD_EXTRA_FILES", "GoldPlacer", "temporary_index"]

BENCH_CACHE = Path(tempfile.gettempdir()) / "geomap-bench"
GOLD_EXTRA_FILES = (SHARED / "geonames" / "UA_postalcodes.txt.gz", SHARED / "geonames" / "cities15000.txt.gz")
_SETTLEMENT = frozenset({"city", "village"})
#: postal rows with this radius are accuracy-1 "estimated" positions, often tens of km off: never gold
_ESTIMATED_KM = 10.0


def temporary_index(name: str, files: tuple[Path, ...]) -> Gazetteer:
    """A copy of the user's index under :data:`BENCH_CACHE` with ``files`` added, reused across runs."""
    path = BENCH_CACHE / f"{name}.sqlite"
    if not path.exists():
        default = Gazetteer.open()
        default.close()
        path.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(default.path, path)
    gaz = Gazetteer.open(path)
    have = {src.path for src in gaz.info().sources}
    for file in files:
        if str(file.resolve()) not in have:
            gaz.add(source_for_file(file))
    return gaz


class GoldPlacer:
    """Turns a war report's gold names into gazetteer places, coordinates and admin1 codes."""

    def __init__(self, gold: Gazetteer, default: Gazetteer) -> None:
        self.gold = gold
        self.default = default
        self._admin1: dict[tuple[str, str], str] = {}

    def admin1_code(self, country: str, name: str) -> str:
        """The GeoNames admin1 code of an oblast named in the gold (``Donetsk Oblast`` → ``05``)."""
        key = (country, name)
        if key not in self._admin1:
            hits = [p for p in self.gold.lookup(name, country=country) if p.feature_code == "ADM1"]
            self._admin1[key] = hits[0].admin1 if hits else ""
        return self._admin1[key]

    def candidates(self, top: GoldToponym) -> list[Place]:
        """Gazetteer entries the gold name may stand for, exact names before spelling variants."""
        wanted_region = {"country": "PCL", "admin1": "ADM1"}.get(top.kind)
        admin1 = self.admin1_code(top.country, top.admin1_name) if top.admin1_name else ""
        for lookup in (self.gold.lookup, self.gold.lookup_variant):
            found = [p for p in lookup(top.canonical, country=top.country or None)]
            if wanted_region:
                found = [p for p in found if p.feature_code.startswith(wanted_region)]
            elif top.kind in _SETTLEMENT:
                found = [p for p in found if p.feature_class == "P" and (not admin1 or p.admin1 == admin1)]
            if found:
                return [p for p in found if not (p.source == "postal" and p.radius_km >= _ESTIMATED_KM)]
        return []

    def place_doc(self, doc: GoldDoc) -> GoldDoc:
        """The document with coordinates, admin1 codes and gazetteer coverage filled in."""
        options = {i: self.candidates(t) for i, t in enumerate(doc.toponyms) if not t.optional}
        anchors = [c[0] for c in options.values() if len(c) == 1 and c[0].feature_class == "P"]
        centre = (
            (statistics.median(p.lat for p in anchors), statistics.median(p.lon for p in anchors))
            if anchors else None
        )
        tops = list(doc.toponyms)
        for i, found in options.items():
            if found:
                tops[i] = self._with_place(tops[i], self._nearest(found, centre))
        return replace(doc, toponyms=tuple(tops))

    @staticmethod
    def _nearest(found: list[Place], centre: tuple[float, float] | None) -> Place:
        if centre is None or len(found) == 1:
            return found[0]
        return min(found, key=lambda p: great_circle(centre, (p.lat, p.lon)).km)

    def _with_place(self, top: GoldToponym, place: Place) -> GoldToponym:
        return replace(
            top,
            lat=place.lat,
            lon=place.lon,
            admin1=place.admin1,
            in_gazetteer=self.default.get(place.geonameid) is not None,
        )
