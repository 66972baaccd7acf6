"""``geomap batch`` through the real entry point (inputs hand-written for geomap tests)."""

from __future__ import annotations

import json

import pytest

from geomap.store import EventStore

TEXTS = (
    ("2023-03-01", "Russian forces shelled Kherson overnight, Ukraine's General Staff said."),
    ("2023-03-02", "Russia's Defence Ministry said its forces captured Soledar."),
    ("2023-03-03", "Russian drones struck Odesa, the Ukrainian air force said."),
)


@pytest.fixture
def inputs(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(TEXTS[0][1], encoding="utf-8")
    (folder / "b.html").write_text(
        f"<html><head><title>B</title></head><body><nav>Home | Lviv | Kyiv</nav>"
        f"<article><p>{TEXTS[1][1]}</p></article></body></html>",
        encoding="utf-8",
    )
    (folder / "c.jsonl").write_text(
        json.dumps({"text": TEXTS[2][1], "date": TEXTS[2][0]}) + "\n", encoding="utf-8"
    )
    return folder


def test_batch_writes_the_store_and_a_summary(run_cli, tmp_path, inputs, gazetteer):
    db = tmp_path / "events.sqlite"
    result = run_cli(
        "--gazetteer", gazetteer.path, "batch", inputs, "--db", db, "--workers", "2", "--date", "2023-03-01"
    )
    assert result.exit_code == 0, result.stderr
    assert "3 inputs: 3 processed, 0 already in the store" in result.stdout
    with EventStore(db, create=False) as store:
        reports = {r.text: r for r in store.load_reports()}
    assert TEXTS[0][1] in reports and reports[TEXTS[0][1]].date.isoformat() == "2023-03-01"
    assert reports[TEXTS[2][1]].date.isoformat() == "2023-03-03"  # a record's own date beats --date
    assert any("Soledar" in text for text in reports)

    again = run_cli("--gazetteer", gazetteer.path, "batch", inputs, "--db", db, "--date", "2023-03-01")
    assert again.exit_code == 0
    assert "3 inputs: 0 processed, 3 already in the store" in again.stdout


def test_bad_inputs_fail_with_one_line_and_keep_the_good(run_cli, tmp_path, inputs, gazetteer):
    (inputs / "empty.txt").write_text("", encoding="utf-8")
    db = tmp_path / "events.sqlite"
    result = run_cli("--gazetteer", gazetteer.path, "-q", "batch", inputs, "--db", db)
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "1 of 4 inputs failed" in result.stderr
    assert "Traceback" not in result.stderr
    with EventStore(db, create=False) as store:
        assert store.stats().reports == 3


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["missing-dir"], "no such file or directory"),
        (["{inputs}", "--engine", "dask"], "needs --scheduler"),
        (["{inputs}", "--scheduler", "tcp://127.0.0.1:1"], "only used with --engine dask"),
    ],
)
def test_usage_errors(run_cli, tmp_path, inputs, args, message):
    args = [a.format(inputs=inputs) for a in args]
    result = run_cli("batch", *args, "--db", tmp_path / "events.sqlite")
    assert result.exit_code != 0 and message in result.stderr
    assert "Traceback" not in result.stderr


def test_corrupt_store_is_a_clear_error(run_cli, tmp_path, inputs):
    db = tmp_path / "events.sqlite"
    db.write_bytes(b"not sqlite at all " * 200)
    result = run_cli("batch", inputs, "--db", db)
    assert result.exit_code == 4 and "corrupted or not an SQLite file" in result.stderr
    assert db.read_bytes().startswith(b"not sqlite")
