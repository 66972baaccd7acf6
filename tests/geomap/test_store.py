"""EventStore: round trip, claim links across reports, filters, migrations and faults.

Reports here are built by hand (hand-written for geomap tests), so the store is tested apart from the
text pipeline; the batch tests cover the store fed by real ``geomap.parse`` output.
"""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from gazetteer import Place
from geomap.errors import StoreError
from geomap.model import Event, Mention, RelativePosition, Report, ResolvedPlace, Unresolved
from geomap.store import EventStore

BAKHMUT = Place(
    616264,
    "Bakhmut",
    48.59441,
    38.00028,
    "P",
    "PPLA2",
    "UA",
    "14",
    population=72310,
    admin1_name="Donetsk Oblast",
)
KHERSON = Place(706448, "Kherson", 46.65581, 32.6178, "P", "PPLA", "UA", "08", population=320477)
DONBAS = Place(-7, "Donbas", 48.3, 38.0, "A", "RGN", "UA", members=("UA.14", "UA.09"), radius_km=150.0)


def resolved(
    text: str, surface: str, place: Place, *, role: str = "location", relative: RelativePosition | None = None
) -> ResolvedPlace:
    start = text.index(surface)
    mention = Mention(start, start + len(surface), surface, surface.lower(), alternatives=("x", "y"))
    return ResolvedPlace(
        mention,
        place,
        place.lat + (0.01 if relative else 0),
        place.lon,
        0.9,
        3.0 if relative else 0,
        role,
        "exact",
        relative,
    )


def make_report(
    text: str, *, date: str | None, claims: list[tuple[str, Place, str, str]], source: str = "ISW"
) -> Report:
    """A report whose events are (surface, place, side, event_type) claims dated on the report date."""
    day = dt.date.fromisoformat(date) if date else None
    places, events = [], []
    for surface, place, side, kind in claims:
        where = resolved(text, surface, place)
        places.append(where)
        events.append(
            Event(
                0,
                len(text),
                text,
                "General Staff",
                side,
                kind,
                (where,),
                where.lat,
                where.lon,
                1,
                day,
                1,
                False,
                2,
                None,
                "Battles",
                "Armed clash",
            )
        )
    missing = Unresolved(Mention(0, 4, text[:4], text[:4].lower()), text, "not in the gazetteer")
    return Report(
        text=text,
        places=tuple(places),
        events=tuple(events),
        unresolved=(missing,),
        date=day,
        source=source,
        title="t",
        url="https://example.org/r",
        language="en",
    )


@pytest.fixture
def store(tmp_path):
    with EventStore(tmp_path / "events.sqlite") as opened:
        yield opened


def test_round_trip_rebuilds_the_same_report(store):
    text = "Shelling 3 km north of Bakhmut and in Donbas."
    anchor = resolved(
        text,
        "Bakhmut",
        BAKHMUT,
        role="anchor",
        relative=RelativePosition("offset", 9, 30, "3 km north of Bakhmut", 0.0, 3.0),
    )
    region = resolved(text, "Donbas", DONBAS)
    event = Event(
        0,
        len(text),
        text,
        "UA General Staff",
        "UA",
        "shelling",
        (anchor, region),
        anchor.lat,
        anchor.lon,
        2,
        dt.date(2023, 2, 16),
        1,
        None,
        None,
        4,
    )
    report = Report(text=text, places=(region,), events=(event,), date=dt.date(2023, 2, 16), language="uk")
    assert store.add_report(report, key="k1", path="a.txt")
    [back] = store.load_reports()
    # the anchor is not in report.places, yet the event keeps it; nothing else changes on the way back
    assert back == report
    assert back.events[0].places[0].relative.distance_km == 3.0
    assert back.events[0].places[1].place.members == ("UA.14", "UA.09")


def test_same_key_is_written_once(store):
    report = make_report(
        "Shelling of Kherson.", date="2023-03-01", claims=[("Kherson", KHERSON, "UA", "shelling")]
    )
    assert store.add_report(report, key="same", path="a.txt") is True
    assert store.add_report(report, key="same", path="copy.txt") is False
    assert store.has_report("same") and not store.has_report("other")
    assert store.stats().reports == 1 and store.stats().events == 1


def test_claim_repeated_across_reports_is_linked_not_double_counted(store):
    first = make_report(
        "Russian forces shelled Kherson.", date="2023-03-01", claims=[("Kherson", KHERSON, "UA", "shelling")]
    )
    quoting = make_report(
        "As ISW said, Kherson was shelled; fighting near Bakhmut.",
        date="2023-03-01",
        claims=[("Kherson", KHERSON, "UA", "shelling"), ("Bakhmut", BAKHMUT, "RU", "attack")],
        source="Reuters",
    )
    next_day = make_report(
        "Kherson shelled again.", date="2023-03-02", claims=[("Kherson", KHERSON, "UA", "shelling")]
    )
    for key, report in (("b", quoting), ("a", first), ("c", next_day)):
        store.add_report(report, key=key)
    events = store.events()
    assert [(e.places[0].name, e.date.isoformat(), e.report_count) for e in events] == [
        ("Kherson", "2023-03-01", 2),
        ("Bakhmut", "2023-03-01", 1),
        ("Kherson", "2023-03-02", 1),
    ]
    assert len(store.events(dedupe=False)) == 4
    assert store.stats().linked_claims == 1
    # on the merged map the linked claim stays with one report (same day: the smaller key), counted twice
    reports = {r.text: r for r in store.load_reports()}
    assert [e.report_count for e in reports[first.text].events] == [2]
    assert [e.event_type for e in reports[quoting.text].events] == ["attack"]


def test_filters_by_date_side_and_type(store):
    store.add_report(
        make_report("Kherson shelled.", date="2023-03-01", claims=[("Kherson", KHERSON, "UA", "shelling")]),
        key="a",
    )
    store.add_report(
        make_report("Bakhmut attacked.", date="2023-03-05", claims=[("Bakhmut", BAKHMUT, "RU", "attack")]),
        key="b",
    )
    store.add_report(make_report("Nothing located.", date="2023-03-09", claims=[]), key="c")
    assert [e.side for e in store.events(side="RU")] == ["RU"]
    assert [e.event_type for e in store.events(event_type="shelling")] == ["shelling"]
    assert [e.date.day for e in store.events(date_from=dt.date(2023, 3, 2))] == [5]
    assert [e.date.day for e in store.events(date_to=dt.datetime(2023, 3, 1))] == [1]
    assert store.events(date_from=dt.date(2023, 3, 2), side="UA") == []
    # unfiltered, every report comes back (even one without events); filtered, only matching ones
    assert len(store.load_reports()) == 3
    [only] = store.load_reports(side="RU")
    assert only.text == "Bakhmut attacked." and [p.name for p in only.places] == ["Bakhmut"]
    assert only.unresolved == ()


def test_failed_input_is_recorded_then_retried(store):
    store.add_failure("k", path="bad.txt", error="bad.txt: the input is empty")
    assert not store.has_report("k")
    assert store.failures() == [("bad.txt", "bad.txt: the input is empty")]
    store.add_report(make_report("Kherson.", date=None, claims=[]), key="k", path="bad.txt")
    assert store.has_report("k") and store.failures() == []


def test_migrations_are_recorded_once(tmp_path):
    path = tmp_path / "events.sqlite"
    EventStore(path).close()
    with EventStore(path) as again:
        assert again.migrations() == [(1, "migrate_1")]


def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / "events.sqlite"
    EventStore(path).close()
    with sqlite3.connect(path) as db:
        db.execute("INSERT INTO _migrations VALUES (99, 'future', 'now')")
    with pytest.raises(StoreError, match="newer geomap"):
        EventStore(path)


def test_not_a_database_is_a_clear_error(tmp_path):
    path = tmp_path / "events.sqlite"
    path.write_bytes(b"these are not the pages you are looking for" * 100)
    with pytest.raises(StoreError, match="corrupted or not an SQLite file"):
        EventStore(path)
    assert path.read_bytes().startswith(b"these are not")  # the user's file is left as it was


def test_corrupted_pages_are_a_clear_error(tmp_path):
    path = tmp_path / "events.sqlite"
    with EventStore(path) as store:
        for i in range(40):
            store.add_report(
                make_report(
                    f"Kherson shelled {i} " + "x" * 3000,
                    date="2023-03-01",
                    claims=[("Kherson", KHERSON, "UA", "shelling")],
                ),
                key=str(i),
            )
        store._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(path.read_bytes())
    data[4096 * 2 : 4096 * 12] = b"\xff" * (4096 * 10)  # scribble over pages of the tables
    path.write_bytes(bytes(data))
    with pytest.raises(StoreError, match="corrupted"):
        with EventStore(path) as broken:
            broken.load_reports()


def test_full_disk_keeps_the_store_usable(tmp_path):
    path = tmp_path / "events.sqlite"
    store = EventStore(path)
    store.add_report(
        make_report("Kherson shelled.", date="2023-03-01", claims=[("Kherson", KHERSON, "UA", "shelling")]),
        key="small",
    )
    pages = store._db.execute("PRAGMA page_count").fetchone()[0]
    # SQLite's page cap makes the file full exactly as a full disk would (SQLITE_FULL)
    store._db.execute(f"PRAGMA max_page_count = {pages + 1}")
    big = make_report(
        "Bakhmut " + "y" * 200_000, date="2023-03-02", claims=[("Bakhmut", BAKHMUT, "RU", "attack")]
    )
    with pytest.raises(StoreError, match="full"):
        store.add_report(big, key="big")
    assert not store.has_report("big")  # nothing half-written
    store.add_report(make_report("Kherson again.", date="2023-03-03", claims=[]), key="after")
    store.close()
    with EventStore(path) as reopened:
        assert reopened.has_report("small") and reopened.has_report("after")
        assert reopened.stats().reports == 2


def test_group_commits_whole_reports_together(tmp_path):
    path = tmp_path / "events.sqlite"
    shelled = [("Kherson", KHERSON, "UA", "shelling")]
    with EventStore(path) as store, store.group():
        store.add_report(make_report("Kherson shelled.", date="2023-03-01", claims=shelled), key="first")
        store.add_failure("broken", path="broken.txt", error="the input is empty")
        with sqlite3.connect(path) as outside:  # another reader sees nothing before the commit
            assert outside.execute("SELECT COUNT(*) FROM reports").fetchone()[0] == 0
    with EventStore(path) as reopened:
        assert reopened.has_report("first") and reopened.failures() == [("broken.txt", "the input is empty")]
        with pytest.raises(StoreError, match="do not nest"), reopened.group(), reopened.group():
            pass


def test_report_failing_inside_a_group_is_undone_alone(store):
    shelled = [("Kherson", KHERSON, "UA", "shelling")]
    with store.group():
        store.add_report(make_report("Kherson shelled.", date="2023-03-01", claims=shelled), key="kept")
        with pytest.raises(StoreError), store._transaction("writing a broken report") as db:
            db.execute("INSERT INTO reports(key, status, processed_at) VALUES ('broken', 'done', 'now')")
            db.execute("INSERT INTO no_such_table VALUES (1)")
        store.add_report(make_report("Kherson again.", date="2023-03-02", claims=shelled), key="after")
    assert store.has_report("kept") and store.has_report("after") and not store.has_report("broken")
    assert store.stats().events == 2


def test_full_disk_in_a_group_says_the_group_was_undone(tmp_path):
    store = EventStore(tmp_path / "events.sqlite")
    shelled = [("Kherson", KHERSON, "UA", "shelling")]
    store.add_report(make_report("Kherson shelled.", date="2023-03-01", claims=shelled), key="before")
    pages = store._db.execute("PRAGMA page_count").fetchone()[0]
    store._db.execute(f"PRAGMA max_page_count = {pages + 2}")
    attacked = [("Bakhmut", BAKHMUT, "RU", "attack")]
    big = make_report("Bakhmut " + "y" * 200_000, date="2023-03-02", claims=attacked)
    with store.group():
        store.add_report(make_report("Kherson again.", date="2023-03-02", claims=shelled), key="undone")
        with pytest.raises(StoreError, match=r"full.*undone too"):
            store.add_report(big, key="big")
    assert store.has_report("before") and not store.has_report("undone") and not store.has_report("big")
    store.close()


def test_error_in_a_group_rolls_the_group_back(tmp_path):
    path = tmp_path / "events.sqlite"
    with EventStore(path) as store:
        with pytest.raises(KeyError), store.group():
            store.add_report(
                make_report("Kherson.", date="2023-03-01", claims=[("Kherson", KHERSON, "UA", "shelling")]),
                key="lost",
            )
            raise KeyError("a failure of the caller")
        assert not store.has_report("lost") and store.stats().reports == 0


def test_reader_does_not_create_a_store(tmp_path):
    with pytest.raises(StoreError, match="no event store"):
        EventStore(tmp_path / "typo.sqlite", create=False)
    assert not (tmp_path / "typo.sqlite").exists()
    with pytest.raises(StoreError, match="directory"):
        EventStore(tmp_path)
