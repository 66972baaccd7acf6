"""The event store: every report of a batch run, its places and events, in one SQLite file.

This is the only module in geomap that speaks SQL.  Each report is written whole, in its own transaction
or in a group of them committed together (:meth:`EventStore.group`), so a run killed at any moment leaves
whole reports or nothing, and a rerun skips what is there by content key.  A
claim repeated across reports (same place, event type and day) is linked through the ``claims`` table
rather than counted twice; reads say how many reports carry each claim in ``Event.report_count``.
The schema changes only through the numbered migrations below, each recorded in ``_migrations``; the
tables are documented in ``docs/batch.md``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import sqlite3
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from geomap.errors import StoreError
from geomap.model import Event, Report
from geomap.rows import ReportParts, ReportRows, assemble_report, event_from_row, report_to_rows

__all__ = ["EventStore", "StoreStats"]

_MIGRATION_1 = """
CREATE TABLE reports(
    id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, path TEXT, url TEXT, source TEXT, title TEXT,
    date TEXT, language TEXT, text TEXT NOT NULL DEFAULT '', status TEXT NOT NULL, error TEXT,
    processed_at TEXT NOT NULL);
CREATE TABLE places(
    geonameid INTEGER PRIMARY KEY, name TEXT, lat REAL, lon REAL, feature_class TEXT, feature_code TEXT,
    country TEXT, admin1 TEXT, admin2 TEXT, population INTEGER, source TEXT, radius_km REAL,
    admin1_name TEXT, members TEXT);
CREATE TABLE mentions(
    report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE, ord INTEGER NOT NULL,
    listed INTEGER NOT NULL, start INTEGER, end INTEGER, surface TEXT, key TEXT, hint TEXT,
    alternatives TEXT, geonameid INTEGER REFERENCES places(geonameid), lat REAL, lon REAL,
    confidence REAL, uncertainty_km REAL, role TEXT, method TEXT, relative TEXT,
    PRIMARY KEY(report_id, ord));
CREATE TABLE unresolved(
    report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE, ord INTEGER NOT NULL,
    start INTEGER, end INTEGER, surface TEXT, key TEXT, hint_word TEXT, alternatives TEXT, sentence TEXT,
    hint TEXT, PRIMARY KEY(report_id, ord));
CREATE TABLE claims(
    id INTEGER PRIMARY KEY, geonameid INTEGER NOT NULL, event_type TEXT NOT NULL, date TEXT NOT NULL,
    UNIQUE(geonameid, event_type, date));
CREATE TABLE events(
    id INTEGER PRIMARY KEY, report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
    ord INTEGER NOT NULL, start INTEGER, end INTEGER, quote TEXT, claimant TEXT, side TEXT,
    event_type TEXT, lat REAL, lon REAL, geo_precision INTEGER, date TEXT, time_precision INTEGER,
    verified INTEGER, fatalities INTEGER, injured INTEGER, acled_event_type TEXT,
    acled_sub_event_type TEXT, claim_id INTEGER REFERENCES claims(id), UNIQUE(report_id, ord));
CREATE TABLE event_places(
    report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE, event_ord INTEGER NOT NULL,
    ord INTEGER NOT NULL, mention_ord INTEGER NOT NULL, PRIMARY KEY(report_id, event_ord, ord));
CREATE INDEX events_date ON events(date);
CREATE INDEX events_claim ON events(claim_id);
CREATE INDEX events_side_type ON events(side, event_type);
"""


def _marks(count: int) -> str:
    return ", ".join("?" * count)


def _migrate_1(db: sqlite3.Connection) -> None:
    """Create reports, places, resolved mentions, unresolved names, claims, events and event places."""
    for statement in _MIGRATION_1.split(";"):
        if statement.strip():
            db.execute(statement)


#: numbered schema changes, applied in order once each; append, never edit
MIGRATIONS: tuple[tuple[int, Callable[[sqlite3.Connection], None]], ...] = ((1, _migrate_1),)

#: statements that write one report's parts, each bound to the ``ReportRows`` field of the same name
#: (all but ``places`` and ``claims`` prefixed with the report's id); the SQL text never varies, so
#: SQLite's statement cache prepares each once per connection
_INSERTS = (
    (f"INSERT OR IGNORE INTO places VALUES ({_marks(14)})", "places"),
    (f"INSERT INTO mentions VALUES ({_marks(17)})", "mentions"),
    (f"INSERT INTO unresolved VALUES ({_marks(10)})", "unresolved"),
    ("INSERT OR IGNORE INTO claims(geonameid, event_type, date) VALUES (?, ?, ?)", "claims"),
    ("INSERT INTO events(report_id, ord, start, end, quote, claimant, side, event_type, lat, lon, "
     "geo_precision, date, time_precision, verified, fatalities, injured, acled_event_type, "
     "acled_sub_event_type, claim_id) "
     f"VALUES ({_marks(18)}, "
     "(SELECT id FROM claims WHERE geonameid = ? AND event_type = ? AND date = ?))", "events"),
    ("INSERT INTO event_places VALUES (?, ?, ?, ?)", "event_places"),
)
_SQLITE_FULL, _SQLITE_CORRUPT, _SQLITE_NOTADB = 13, 11, 26


@dataclass(frozen=True, slots=True)
class StoreStats:
    """What a store holds: finished and failed reports, events, and claims carried by several reports."""

    reports: int
    failed: int
    events: int
    places: int
    linked_claims: int


def _explain(exc: sqlite3.Error, path: Path, action: str) -> StoreError:
    """Turn an SQLite failure into a message that says what happened to the user's data and what to do."""
    code = getattr(exc, "sqlite_errorcode", None)
    text = str(exc)
    if code == _SQLITE_FULL or "full" in text:
        return StoreError(f"event store {path}: the disk (or the store's size limit) is full while {action}; "
                          "nothing half-written was kept, free some space and run the command again")
    if code in (_SQLITE_CORRUPT, _SQLITE_NOTADB) or "malformed" in text or "not a database" in text:
        return StoreError(f"event store {path} is corrupted or not an SQLite file ({text}); "
                          "restore it from a backup or use a new --db file")
    return StoreError(f"event store {path}: {text} while {action}")


_FILTERS = (
    ("date_from", "COALESCE(e.date, r.date) >= ?"),
    ("date_to", "COALESCE(e.date, r.date) <= ?"),
    ("side", "e.side = ?"),
    ("event_type", "e.event_type = ?"),
)
_EVENT_COLUMNS = ("e.start, e.end, e.quote, e.claimant, e.side, e.event_type, e.lat, e.lon, e.geo_precision, "
                  "e.date, e.time_precision, e.verified, e.fatalities, e.injured, e.acled_event_type, "
                  "e.acled_sub_event_type")


class EventStore:
    """An SQLite file of processed reports; open it, add reports, read events and reports back.

    Parameters
    ----------
    path
        The store file.  A missing file is created unless ``create`` is False (readers such as
        ``geomap map --db`` must not invent an empty store from a typo).
    """

    def __init__(self, path: str | Path, *, create: bool = True) -> None:
        self.path = Path(path)
        self._grouped = False
        if self.path.is_dir():
            raise StoreError(f"event store {self.path} is a directory, not a file")
        if not create and not self.path.exists():
            raise StoreError(f"no event store at {self.path} (create one with `geomap batch ... --db`)")
        if not self.path.parent.is_dir():
            raise StoreError(f"cannot create event store {self.path}: folder {self.path.parent} is missing")
        try:
            self._db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        except sqlite3.Error as exc:
            raise _explain(exc, self.path, "opening it") from exc
        try:
            with self._guard("opening it"):
                self._configure()
                self._migrate()
        except StoreError:
            self._db.close()
            raise

    # -- plumbing ------------------------------------------------------------------------------------

    @contextlib.contextmanager
    def _guard(self, action: str) -> Iterator[None]:
        try:
            yield
        except sqlite3.Error as exc:
            raise _explain(exc, self.path, action) from exc

    @contextlib.contextmanager
    def _transaction(self, action: str) -> Iterator[sqlite3.Connection]:
        """One write transaction: all of it lands, or (on any error, a full disk included) none of it.

        Inside :meth:`group` it is a savepoint of the group's transaction instead, so a report that fails
        half-way is undone alone and the group still holds only whole reports.
        """
        savepoint = self._grouped
        begin, undo, end = (
            ("SAVEPOINT report", "ROLLBACK TO report", "RELEASE report")
            if savepoint
            else ("BEGIN IMMEDIATE", "ROLLBACK", "COMMIT")
        )
        with self._guard(action):
            self._db.execute(begin)
            try:
                yield self._db
            except BaseException as exc:
                with contextlib.suppress(sqlite3.Error):
                    self._db.execute(undo)
                    if savepoint:  # a rolled-back savepoint stays open until released
                        self._db.execute(end)
                if savepoint and not self._db.in_transaction:
                    raise self._group_lost(exc, action) from exc
                raise
            if self._db.in_transaction:  # a group SQLite rolled back has nothing left to commit
                self._db.execute(end)

    def _group_lost(self, exc: BaseException, action: str) -> StoreError:
        """Say that SQLite undid a whole group on an error (a full disk does that), not just one report."""
        first = _explain(exc, self.path, action) if isinstance(exc, sqlite3.Error) else StoreError(str(exc))
        return StoreError(f"{first}; the reports written with it since the last commit were undone too "
                          "(a rerun does them again)")

    @contextlib.contextmanager
    def group(self) -> Iterator[None]:
        """Write the reports added inside one transaction, committed when the block ends.

        A commit is most of the writer's cost per report, so a batch groups the reports that finish
        within a fraction of a second.  Each report stays whole, a killed run loses only the reports of
        the group not yet committed (a rerun does them again), and an error rolls the whole group back.
        """
        if self._grouped:
            raise StoreError(f"event store {self.path}: groups of writes do not nest")
        with self._transaction("writing a group of reports"):
            self._grouped = True
            try:
                yield
            finally:
                self._grouped = False

    def _configure(self) -> None:
        # WAL keeps readers (a map being drawn) going while a batch writes; synchronous=NORMAL makes a
        # commit durable against a killed process, which is the failure a batch run has to survive.
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.execute("PRAGMA foreign_keys=ON")

    def _migrate(self) -> None:
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS _migrations(id INTEGER PRIMARY KEY, name TEXT NOT NULL, "
            "applied_at TEXT NOT NULL)"
        )
        done = {row[0] for row in self._db.execute("SELECT id FROM _migrations")}
        newest = max(number for number, _ in MIGRATIONS)
        if done and max(done) > newest:
            raise StoreError(
                f"event store {self.path} was written by a newer geomap (schema {max(done)}); "
                "upgrade geomap to read it"
            )
        for number, migration in MIGRATIONS:
            if number in done:
                continue
            with self._transaction(f"upgrading its schema to version {number}") as db:
                migration(db)
                db.execute(
                    "INSERT INTO _migrations VALUES (?, ?, ?)",
                    (number, migration.__name__.lstrip("_"), _now()),
                )

    def migrations(self) -> list[tuple[int, str]]:
        """List the schema changes applied to this file, in order (for ``docs`` and diagnostics)."""
        with self._guard("reading its schema version"):
            return list(self._db.execute("SELECT id, name FROM _migrations ORDER BY id"))

    def close(self) -> None:
        """Close the file; the store must not be used afterwards."""
        self._db.close()

    def __enter__(self) -> EventStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing -------------------------------------------------------------------------------------

    def has_report(self, key: str) -> bool:
        """Whether a report with this content key was finished (failed ones are retried)."""
        with self._guard("looking up a report"):
            row = self._db.execute(
                "SELECT 1 FROM reports WHERE key = ? AND status = 'done'", (key,)
            ).fetchone()
        return row is not None

    def done_keys(self) -> set[str]:
        """Every finished report's key, read in one query so a resumed run can skip thousands cheaply."""
        with self._guard("listing finished reports"):
            return {row[0] for row in self._db.execute("SELECT key FROM reports WHERE status = 'done'")}

    def add_report(self, report: Report, *, key: str, path: str | None = None) -> bool:
        """Store ``report`` under ``key`` in one transaction; False when that key was already finished."""
        return self.add_rows(report_to_rows(report, key=key, path=path))

    def add_rows(self, rows: ReportRows) -> bool:
        """Store a report flattened by :func:`geomap.rows.report_to_rows`; see :meth:`add_report`."""
        with self._transaction(f"writing report {rows.report[1] or rows.key[:12]}") as db:
            status = db.execute("SELECT status FROM reports WHERE key = ?", (rows.key,)).fetchone()
            if status and status[0] == "done":
                return False
            if status:  # a failure recorded by an earlier run, now retried
                db.execute("DELETE FROM reports WHERE key = ?", (rows.key,))
            cursor = db.execute(
                "INSERT INTO reports(key, path, url, source, title, date, language, text, "
                "status, processed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'done', ?)",
                (*rows.report, _now()),
            )
            self._insert_parts(db, cursor.lastrowid, rows)
        return True

    @staticmethod
    def _insert_parts(db: sqlite3.Connection, report_id: int, rows: ReportRows) -> None:
        for sql, table in _INSERTS:
            parts = getattr(rows, table)
            if not parts:  # most reports have no claims, many no events or unresolved names
                continue
            if table not in ("places", "claims"):
                parts = [(report_id, *part) for part in parts]
            db.executemany(sql, parts)

    def add_failure(self, key: str, *, path: str | None, error: str) -> None:
        """Record that an input could not be processed, so the summary can list it; a rerun retries it."""
        with self._transaction(f"recording the failure of {path or key[:12]}") as db:
            db.execute("DELETE FROM reports WHERE key = ? AND status = 'failed'", (key,))
            db.execute(
                "INSERT OR IGNORE INTO reports(key, path, status, error, processed_at) "
                "VALUES (?, ?, 'failed', ?, ?)",
                (key, path, error, _now()),
            )

    # -- reading -------------------------------------------------------------------------------------

    def stats(self) -> StoreStats:
        """Count what the store holds, for a summary line."""
        with self._guard("counting its contents"):
            query = self._db.execute
            done, failed = query(
                "SELECT COUNT(*) FILTER (WHERE status = 'done'), "
                "COUNT(*) FILTER (WHERE status = 'failed') FROM reports"
            ).fetchone()
            linked = query(
                "SELECT COUNT(*) FROM (SELECT claim_id FROM events WHERE claim_id IS NOT NULL "
                "GROUP BY claim_id HAVING COUNT(DISTINCT report_id) > 1)"
            ).fetchone()[0]
            events, places = (query(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in ("events", "places"))
            return StoreStats(done, failed, events, places, linked)

    def failures(self) -> list[tuple[str, str]]:
        """(path, error) of every input that failed, for the end-of-run summary."""
        with self._guard("listing failed inputs"):
            return list(self._db.execute(
                "SELECT COALESCE(path, key), error FROM reports WHERE status = 'failed' ORDER BY path"))

    def _event_rows(self, filters: dict, *, dedupe: bool) -> list[tuple]:
        """(report_id, event ord, report_count, event columns...) of matching events, oldest first.

        With ``dedupe``, a claim carried by several reports appears once, from the earliest report
        (by report date, then key, so the choice does not depend on the order reports were written).
        """
        wanted = [(sql, _cell(filters[name])) for name, sql in _FILTERS if filters.get(name) is not None]
        where = " AND ".join(["r.status = 'done'", *(sql for sql, _ in wanted)])
        sql = f"""
            WITH counts AS (SELECT claim_id, COUNT(DISTINCT report_id) AS n FROM events
                            WHERE claim_id IS NOT NULL GROUP BY claim_id),
            picked AS (SELECT e.report_id, e.ord, COALESCE(counts.n, 1) AS n, {_EVENT_COLUMNS},
                              COALESCE(e.date, r.date) AS day, r.key AS rkey,
                              ROW_NUMBER() OVER (PARTITION BY COALESCE(e.claim_id, -e.id)
                                                 ORDER BY r.date IS NULL, r.date, r.key, e.ord) AS rank
                       FROM events e JOIN reports r ON r.id = e.report_id
                       LEFT JOIN counts ON counts.claim_id = e.claim_id WHERE {where})
            SELECT * FROM picked {"WHERE rank = 1" if dedupe else ""} ORDER BY day IS NULL, day, rkey, ord"""
        with self._guard("reading events"):
            return [row[:-3] for row in self._db.execute(sql, [value for _, value in wanted])]

    def events(self, *, date_from: dt.date | None = None, date_to: dt.date | None = None,
               side: str | None = None, event_type: str | None = None, dedupe: bool = True) -> list[Event]:
        """Events matching every given filter, each linked claim once with its ``report_count``.

        Dates compare the event's day, or its report's day when the event has none; both ends inclusive.
        """
        filters = {"date_from": date_from, "date_to": date_to, "side": side, "event_type": event_type}
        rows = self._event_rows(filters, dedupe=dedupe)
        places = self._places_for({row[0] for row in rows}, events_only=True)
        return [event_from_row(row[3:], places.event_places(row[0], row[1]), row[2]) for row in rows]

    def load_reports(self, *, date_from: dt.date | None = None, date_to: dt.date | None = None,
                     side: str | None = None, event_type: str | None = None,
                     dedupe: bool = True) -> list[Report]:
        """Rebuild the stored reports (text, places, events, unresolved names) for the map renderer.

        With no filter every finished report comes back.  With filters only reports with a matching event
        do, carrying only those events and their places (so a filtered map shows nothing else).  With
        ``dedupe``, a claim repeated across reports stays only in the earliest report that carries it, and
        its ``report_count`` says how many do, so a merged map draws each claim once.
        """
        entries = self.report_entries(date_from=date_from, date_to=date_to, side=side, event_type=event_type,
                                      dedupe=dedupe)
        return [report for _, report in entries]

    def report_entries(self, *, date_from: dt.date | None = None, date_to: dt.date | None = None,
                       side: str | None = None, event_type: str | None = None,
                       dedupe: bool = True) -> list[tuple[str, Report]]:
        """Like :meth:`load_reports`, each report paired with the input it came from (path, URL or key).

        Exports need the origin of every row, which a :class:`Report` does not carry.
        """
        filters = {"date_from": date_from, "date_to": date_to, "side": side, "event_type": event_type}
        filtered = any(value is not None for value in filters.values())
        rows = self._event_rows(filters, dedupe=dedupe)
        by_report: dict[int, list[tuple]] = defaultdict(list)
        for row in rows:
            by_report[row[0]].append(row)
        ids = set(by_report) if filtered else self._report_ids()
        parts = self._places_for(ids, events_only=False)
        return [(meta[1], assemble_report(meta[2:], by_report.get(meta[0], []), parts.of(meta[0]),
                                          filtered=filtered))
                for meta in self._report_meta(ids)]

    def _report_ids(self) -> set[int]:
        with self._guard("reading reports"):
            return {row[0] for row in self._db.execute("SELECT id FROM reports WHERE status = 'done'")}

    def _report_meta(self, ids: set[int]) -> list[tuple]:
        with self._guard("reading reports"):
            return list(self._db.execute(
                "SELECT id, COALESCE(path, url, key), text, date, source, title, url, language FROM reports "
                "WHERE id IN (SELECT value FROM json_each(?)) ORDER BY date IS NULL, date, key",
                (_json_ids(ids),)))

    def _places_for(self, ids: set[int], *, events_only: bool) -> ReportParts:
        """Read the resolved places, event places and unresolved names of the given reports in bulk."""
        parts = ReportParts()
        if not ids:
            return parts
        arg = (_json_ids(ids),)
        inside = "report_id IN (SELECT value FROM json_each(?))"
        with self._guard("reading places"):
            for row in self._db.execute(
                f"SELECT m.report_id, m.ord, m.listed, m.start, m.end, m.surface, m.key, m.hint, "
                f"m.alternatives, m.geonameid, m.lat, m.lon, m.confidence, m.uncertainty_km, m.role, "
                f"m.method, m.relative, p.* FROM mentions m JOIN places p USING(geonameid) "
                f"WHERE m.{inside} ORDER BY m.report_id, m.ord",
                arg,
            ):
                parts.add_mention(row)
            links = (f"SELECT report_id, event_ord, mention_ord FROM event_places WHERE {inside} "
                     "ORDER BY report_id, event_ord, ord")
            for row in self._db.execute(links, arg):
                parts.link(row)
            if not events_only:
                for row in self._db.execute(f"SELECT * FROM unresolved WHERE {inside} ORDER BY 1, 2", arg):
                    parts.add_unresolved(row)
        return parts


def _cell(value: object) -> object:
    """Bind a filter value: days as ISO text (a click ``DateTime`` arrives as a datetime at midnight)."""
    if isinstance(value, dt.datetime):
        value = value.date()
    return value.isoformat() if isinstance(value, dt.date) else value


def _json_ids(ids: set[int]) -> str:
    return "[" + ",".join(str(i) for i in sorted(ids)) + "]"


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
