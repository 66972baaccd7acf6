"""Loading the gold sets into one shape: documents with gold toponyms, optional spans and traps.

Three sources, three formats (see each corpus's NOTES.md in ``../shared``):

- geomap's war reports (``eval/seed_gold.json``, ``eval/war/*.json``): spans with a canonical name, a type,
  country and oblast, but no coordinates; :mod:`benchmarks.gold_places` adds them from a gazetteer.
  Metonyms, rivers and "other" features are optional.
- GeoWebNews (``GWN.xml``): the geocoded toponyms are required.  Of the rest, Demonym, Language, Homonym
  and Non_Toponym annotations are not places at all and stay errors when predicted; the other pragmatic
  types without coordinates (expressions, uncoded coercions) are optional.  With ``literal_only``, the
  associative types GeoWebNews geocodes anyway (metonyms, "Russian troops", "EU officials") are optional
  too, as metonyms are in the war reports.
- LGL (``lgl.xml``): toponyms with a GeoNames tag are required, the untagged ones (mostly streets) optional.
"""

from __future__ import annotations

import datetime as dt
import json
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "GWN_ASSOCIATIVE",
    "SHARED",
    "GoldDoc",
    "GoldToponym",
    "Span",
    "load_gwn",
    "load_lgl",
    "load_war",
    "war_files",
]

SHARED = Path(__file__).resolve().parents[2] / "shared"
#: GeoWebNews types that name no place: predicting them is an error, not an optional hit
_GWN_NOT_PLACES = frozenset({"Demonym", "Language", "Homonym", "Non_Toponym"})
_WAR_OPTIONAL_KINDS = frozenset({"river", "other"})
#: GeoWebNews types that name a place but do not locate anything there (Gritta et al.'s "associative")
GWN_ASSOCIATIVE = frozenset({"Metonymic", "Non_Literal_Modifier", "Embedded_Non_Lit"})


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of text that must not become a place (a person, a medium, a weekday)."""

    start: int
    end: int
    surface: str


@dataclass(frozen=True, slots=True)
class GoldToponym:
    """One annotated place mention.

    ``kind`` is the war sets' type (country, admin1, city, village, river, other) or the corpus's own
    label.  ``country`` is ISO alpha-2; ``admin1`` the GeoNames admin1 code once known and
    ``admin1_name`` the gold oblast name.  ``in_gazetteer`` says whether the place is in geomap's
    embedded gazetteer, so a settlement the default data lacks is not held against the resolver.
    """

    start: int
    end: int
    surface: str
    lat: float | None = None
    lon: float | None = None
    optional: bool = False
    kind: str = ""
    canonical: str = ""
    country: str = ""
    admin1: str = ""
    admin1_name: str = ""
    in_gazetteer: bool = False


@dataclass(frozen=True, slots=True)
class GoldDoc:
    """A document and its gold annotations."""

    doc_id: str
    text: str
    toponyms: tuple[GoldToponym, ...] = ()
    traps: tuple[Span, ...] = ()
    language: str = "en"
    date: dt.date | None = None


def war_files(eval_dir: Path, *, seed_only: bool = False) -> list[Path]:
    """The seed report first, then the war reports in file order."""
    files = [eval_dir / "seed_gold.json"]
    if not seed_only:
        files += sorted((eval_dir / "war").glob("*.json"))
    return files


def _war_toponym(row: dict) -> GoldToponym:
    kind = row.get("type") or ""
    return GoldToponym(
        start=row["start"],
        end=row["end"],
        surface=row["surface"],
        optional=bool(row.get("metonym")) or kind in _WAR_OPTIONAL_KINDS,
        kind=kind,
        canonical=row.get("canonical") or row["surface"],
        country=row.get("country") or "",
        admin1_name=row.get("admin1") or "",
    )


def load_war(files: list[Path]) -> list[GoldDoc]:
    """Parse geomap's gold JSON files (coordinates are added later by :mod:`benchmarks.gold_places`)."""
    docs = []
    for path in files:
        data = json.loads(path.read_text(encoding="utf-8"))
        published = data.get("published")
        docs.append(
            GoldDoc(
                doc_id=path.stem,
                text=data["text"],
                toponyms=tuple(_war_toponym(t) for t in data.get("toponyms", ())),
                traps=tuple(Span(t["start"], t["end"], t["surface"]) for t in data.get("traps", ())),
                language=data.get("language") or "en",
                date=dt.date.fromisoformat(published[:10]) if published else None,
            )
        )
    return docs


def _float(text: str | None) -> float | None:
    return float(text) if text and text.strip() else None


def load_gwn(path: Path, *, literal_only: bool = False) -> list[GoldDoc]:
    """GeoWebNews: geocoded toponyms required, uncoded place expressions optional.

    Non-place annotations (demonyms, homonyms…) are left out of the gold: a prediction on them then
    overlaps nothing and counts as spurious, which is what it is.
    """
    docs = []
    for article in ET.parse(path).getroot().iter("article"):
        text = article.findtext("text") or ""
        tops = []
        for t in article.iter("toponym"):
            kind = t.findtext("type") or ""
            lat, lon = _float(t.findtext("latitude")), _float(t.findtext("longitude"))
            if kind in _GWN_NOT_PLACES and lat is None:
                continue
            start, end = int(t.findtext("start")), int(t.findtext("end"))
            tops.append(
                GoldToponym(start, end, t.findtext("extractedName") or text[start:end], lat, lon,
                            optional=lat is None or (literal_only and kind in GWN_ASSOCIATIVE), kind=kind)
            )
        docs.append(GoldDoc(doc_id=f"gwn-{article.get('file')}", text=text, toponyms=tuple(tops)))
    return docs


def load_lgl(path: Path) -> list[GoldDoc]:
    """LGL: tagged toponyms required, untagged ones (streets, buildings) optional."""
    docs = []
    for article in ET.parse(path).getroot().iter("article"):
        text = article.findtext("text") or ""
        tops = []
        for t in article.iter("toponym"):
            lat, lon = _float(t.findtext("gaztag/lat")), _float(t.findtext("gaztag/lon"))
            tops.append(
                GoldToponym(int(t.findtext("start")), int(t.findtext("end")), t.findtext("phrase") or "",
                            lat, lon, optional=lat is None, kind=t.findtext("gaztag/fcode") or "")
            )
        docs.append(GoldDoc(doc_id=f"lgl-{article.get('docid')}", text=text, toponyms=tuple(tops)))
    return docs
