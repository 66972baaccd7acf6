"""The local engine: parallel workers, resume after a real SIGKILL, links across reports, filters."""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from geomap.batch import expand_inputs, run_local
from geomap.store import EventStore

N_REPORTS = 8  # the hand-written reports of conftest.py


def _done(db: Path) -> int:
    """Count finished reports the way an outside observer would, while a batch may be writing."""
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
            return conn.execute("SELECT COUNT(*) FROM reports WHERE status = 'done'").fetchone()[0]
    except sqlite3.OperationalError:  # tables not created yet
        return 0


def _all_events(db: Path) -> list:
    with EventStore(db, create=False) as store:
        return store.events(dedupe=False)


def test_two_workers_process_everything_once(tmp_path, corpus, gazetteer):
    db = tmp_path / "events.sqlite"
    with EventStore(db) as store:
        first = run_local(
            expand_inputs([str(corpus)]), store, workers=2, gazetteer_path=gazetteer.path, progress=False
        )
        again = run_local(
            expand_inputs([str(corpus)]), store, workers=2, gazetteer_path=gazetteer.path, progress=False
        )
        stats = store.stats()
    assert (first.inputs, first.processed, first.failed, first.workers) == (N_REPORTS, N_REPORTS, 0, 2)
    assert first.events == stats.events > 0
    assert (again.processed, again.skipped) == (0, N_REPORTS)
    assert stats.reports == N_REPORTS


def test_one_and_two_workers_write_the_same_events(tmp_path, corpus, gazetteer):
    results = []
    for workers in (1, 2):
        db = tmp_path / f"w{workers}.sqlite"
        with EventStore(db) as store:
            run_local(
                expand_inputs([str(corpus)]),
                store,
                workers=workers,
                gazetteer_path=gazetteer.path,
                progress=False,
            )
        results.append(_all_events(db))
    assert results[0] == results[1] and results[0]


def test_claim_repeated_in_another_report_is_linked(tmp_path, gazetteer, hand_reports):
    day, text = hand_reports[0]
    feed = tmp_path / "feed.jsonl"
    records = [{"text": text, "date": day}, {"text": "As reported earlier today: " + text, "date": day}]
    feed.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    with EventStore(tmp_path / "events.sqlite") as store:
        run_local(expand_inputs([str(feed)]), store, workers=2, gazetteer_path=gazetteer.path, progress=False)
        every = store.events(dedupe=False)
        merged = store.events()
        reports = store.load_reports()
    located = [e for e in every if e.location is not None and e.date is not None]
    assert located, "the pipeline found no located, dated claim in the hand-written report"
    assert len(merged) == len(every) - len(located) // 2
    assert all(e.report_count == 2 for e in merged if e.location is not None and e.date is not None)
    # on the merged map each claim is drawn once
    assert sum(len(r.events) for r in reports) == len(merged)


def test_filters_select_by_date_side_and_type(tmp_path, corpus, gazetteer):
    with EventStore(tmp_path / "events.sqlite") as store:
        run_local(
            expand_inputs([str(corpus)]), store, workers=2, gazetteer_path=gazetteer.path, progress=False
        )
        every = store.events()
        sides = {e.side for e in every}
        for side in sides:
            assert store.events(side=side) == [e for e in every if e.side == side]
        for kind in {e.event_type for e in every}:
            assert store.events(event_type=kind) == [e for e in every if e.event_type == kind]
        late = store.events(date_from=dt.date(2023, 3, 3))
        assert late and all(e.date is None or e.date >= dt.date(2023, 3, 3) for e in late)
        assert len(late) < len(every)
        for report in store.load_reports(date_to=dt.date(2023, 3, 2)):
            assert report.events and all(e.date <= dt.date(2023, 3, 2) for e in report.events if e.date)


def test_resume_after_sigkill_loses_and_duplicates_nothing(tmp_path, gazetteer, corpus_writer):
    """A real ``geomap batch`` process is killed with SIGKILL mid-run, then the same command is rerun."""
    folder = tmp_path / "reports"
    corpus_writer(folder, copies=60)  # 480 reports
    db = tmp_path / "events.sqlite"
    command = [
        sys.executable,
        "-m",
        "geomap",
        "--gazetteer",
        str(gazetteer.path),
        "-q",
        "batch",
        str(folder),
        "--db",
        str(db),
        "--workers",
        "1",
    ]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while _done(db) < 3 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)
    os.kill(process.pid, signal.SIGKILL)  # kill -9: no cleanup, no rollback, no atexit
    process.wait()
    killed_at = _done(db)
    assert process.returncode == -signal.SIGKILL
    assert 0 < killed_at < 480, f"the run was not stopped mid-way ({killed_at} of 480 done)"

    rerun = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    resumed = _all_events(db)

    clean_db = tmp_path / "clean.sqlite"
    with EventStore(clean_db) as store:
        run_local(
            expand_inputs([str(folder)]), store, workers=1, gazetteer_path=gazetteer.path, progress=False
        )
    with EventStore(db, create=False) as store:
        assert store.stats().reports == 480 and store.stats().failed == 0
        assert len(store.done_keys()) == 480
    assert resumed == _all_events(clean_db)


@pytest.mark.parametrize("workers", [1, 2])
def test_failures_are_recorded_and_do_not_stop_the_run(tmp_path, gazetteer, workers, hand_reports):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(hand_reports[0][1], encoding="utf-8")
    (folder / "empty.txt").write_text("   \n", encoding="utf-8")
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    with EventStore(tmp_path / "events.sqlite") as store:
        summary = run_local(
            expand_inputs([str(folder)]),
            store,
            workers=workers,
            gazetteer_path=gazetteer.path,
            progress=False,
        )
        assert (summary.processed, summary.failed) == (1, 2)
        assert sorted(Path(p).name for p, _ in store.failures()) == ["empty.txt", "image.txt"]
