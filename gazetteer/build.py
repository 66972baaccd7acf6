"""Building the on-disk index: schema, ingestion of sources, and the checks that decide a rebuild.

A build writes a temporary file beside the index and moves it into place, so a reader never sees half
an index and two processes building at once leave one complete file.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import tempfile
from collections import defaultdict
from pathlib import Path

from geopy.distance import great_circle

from gazetteer.base import FileSource, PlaceSource
from gazetteer.errors import GazetteerError
from gazetteer.fold import fold, skeleton
from gazetteer.geometry import extent_centre
from gazetteer.model import PlaceRecord

__all__ = [
    "EXACT",
    "PLACE_COLUMNS",
    "SCHEMA_VERSION",
    "SKELETON",
    "added_sources",
    "build",
    "connect",
    "finalize",
    "ingest",
    "is_stale",
]

log = logging.getLogger("gazetteer")

SCHEMA_VERSION = "8"
PLACE_COLUMNS = (
    "geonameid, name, lat, lon, feature_class, feature_code, country, admin1, admin2, population, "
    "source, radius_km, admin1_name, members"
)
_SCHEMA = f"""
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE sources(label TEXT PRIMARY KEY, name TEXT, path TEXT, fingerprint TEXT, places INTEGER,
                     embedded INTEGER);
CREATE TABLE places({PLACE_COLUMNS.replace("geonameid", "geonameid INTEGER PRIMARY KEY")});
CREATE TABLE names(key TEXT NOT NULL, geonameid INTEGER NOT NULL, variant INTEGER NOT NULL);
"""
# names_key holds geonameid, so that probes and lookups read the index alone, never the names table
_INDEXES = """
CREATE INDEX IF NOT EXISTS names_key ON names(key, variant, geonameid);
CREATE INDEX IF NOT EXISTS names_place ON names(geonameid);
CREATE INDEX IF NOT EXISTS places_lat ON places(lat);
CREATE INDEX IF NOT EXISTS places_admin1 ON places(country, admin1);
"""
#: name variants: the folded name, and the romanisation-independent skeleton
EXACT, SKELETON = 0, 1


def connect(path: Path) -> sqlite3.Connection | None:
    """Open an index read-only, or None when it is not a readable index (missing tables, garbage)."""
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        db.execute("SELECT count(*) FROM sources").fetchone()
        return db
    except sqlite3.DatabaseError:
        return None


def is_stale(path: Path, wanted: list[PlaceSource]) -> bool:
    """Whether the index must be (re)built.

    It must when it is missing, unreadable, half-written, of an older schema, or built from sources
    that have changed since.
    """
    if not path.exists():
        return True
    db = connect(path)
    if db is None:
        log.warning("gazetteer index %s is unreadable; rebuilding it", path)
        return True
    with db:
        meta = dict(db.execute("SELECT key, value FROM meta"))
        have = dict(db.execute("SELECT label, fingerprint FROM sources WHERE embedded = 1"))
    db.close()
    if meta.get("schema") != SCHEMA_VERSION or meta.get("complete") != "1":
        return True
    return have != {s.label(): s.fingerprint() for s in wanted}


def added_sources(path: Path) -> list[FileSource]:
    """The user's files recorded in an existing index, so a rebuild keeps them."""
    from gazetteer.sources import FILE_SOURCES

    db = connect(path) if path.exists() else None
    if db is None:
        return []
    with db:
        rows = db.execute("SELECT name, path FROM sources WHERE embedded = 0").fetchall()
    db.close()
    kept = []
    for name, file in rows:
        if name in FILE_SOURCES and file and Path(file).exists():
            kept.append(FILE_SOURCES[name](file))
        else:
            log.warning("gazetteer source %s is gone; it will be missing from the rebuilt index", file)
    return kept


def build(path: Path, wanted: list[PlaceSource], added: list[FileSource]) -> None:
    """Build into a temporary file beside ``path`` and move it into place, so readers never see half."""
    path.parent.mkdir(parents=True, exist_ok=True)
    log.warning("building the gazetteer index at %s (first use; takes about half a minute)", path)
    fd, tmp = tempfile.mkstemp(prefix=".gazetteer-", suffix=".sqlite", dir=path.parent)
    os.close(fd)
    try:
        db = sqlite3.connect(tmp)
        db.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + _SCHEMA)
        with db:
            for source in wanted:
                ingest(db, source, embedded=True)
            for source in added:
                ingest(db, source, embedded=False)
            finalize(db)
            db.executemany("INSERT INTO meta VALUES (?, ?)", [("schema", SCHEMA_VERSION), ("complete", "1")])
        db.close()
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def ingest(db: sqlite3.Connection, source: PlaceSource, *, embedded: bool) -> int:
    """Insert every place and name of ``source`` and record the source; returns its place count."""
    count = 0
    names: list[tuple[str, int, int]] = []
    for record in source.records():
        _insert(db, record, names)
        count += 1
        if len(names) > 200_000:
            db.executemany("INSERT INTO names VALUES (?, ?, ?)", names)
            names.clear()
    db.executemany("INSERT INTO names VALUES (?, ?, ?)", names)
    path = str(source.path.resolve()) if isinstance(source, FileSource) else ""
    db.execute(
        "INSERT OR REPLACE INTO sources VALUES (?, ?, ?, ?, ?, ?)",
        (source.label(), source.name, path, source.fingerprint(), count, int(embedded)),
    )
    if count == 0 and not embedded:
        raise GazetteerError(f"{source.label()}: no places found")
    return count


def _insert(db: sqlite3.Connection, record: PlaceRecord, names: list[tuple[str, int, int]]) -> None:
    p = record.place
    db.execute(
        f"INSERT OR REPLACE INTO places ({PLACE_COLUMNS}) VALUES ({','.join('?' * 14)})",
        (
            p.geonameid,
            p.name,
            p.lat,
            p.lon,
            p.feature_class,
            p.feature_code,
            p.country,
            p.admin1,
            p.admin2,
            p.population,
            p.source,
            p.radius_km,
            p.admin1_name,
            ",".join(p.members),
        ),
    )
    keys = {fold(n) for n in record.names}
    names.extend((k, p.geonameid, EXACT) for k in keys if k)
    names.extend((k, p.geonameid, SKELETON) for k in {skeleton(n) for n in record.names} if len(k) > 2)


def finalize(db: sqlite3.Connection) -> None:
    """Index, then give areas without coordinates (admin1 rows) the centre of their settlements."""
    db.executescript(_INDEXES)
    missing = db.execute(
        "SELECT geonameid, country, admin1 FROM places WHERE lat IS NULL OR lat != lat"
    ).fetchall()
    if not missing:
        return
    points: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    for country, admin1, lat, lon in db.execute(
        "SELECT country, admin1, lat, lon FROM places WHERE feature_class = 'P'"
    ):
        points[(country, admin1)].append((lat, lon))
    for geonameid, country, admin1 in missing:
        pts = points.get((country, admin1))
        if not pts:
            # its names go too, so that a name in the index always names a place
            db.execute("DELETE FROM places WHERE geonameid = ?", (geonameid,))
            db.execute("DELETE FROM names WHERE geonameid = ?", (geonameid,))
            continue
        lat, lon = extent_centre(pts)
        radius = max(great_circle((lat, lon), pt).km for pt in pts)
        db.execute(
            "UPDATE places SET lat = ?, lon = ?, radius_km = ? WHERE geonameid = ?",
            (lat, lon, round(radius * 0.6, 1), geonameid),
        )
