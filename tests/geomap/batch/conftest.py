"""Small report sets for batch tests (hand-written for geomap tests).

Short texts keep the suite fast; each names places the embedded gazetteer knows, with claims of
different sides and types, so filters and links have something to select.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

#: (date, text): hand-written for geomap tests
REPORTS = (
    ("2023-03-01", "Russian forces shelled Kherson overnight, Ukraine's General Staff said."),
    ("2023-03-01", "Ukrainian troops repelled an attack near Bakhmut, the General Staff reported."),
    ("2023-03-02", "Russia's Defence Ministry said its forces captured Soledar."),
    ("2023-03-02", "A missile strike hit Kramatorsk on Thursday, regional officials said."),
    ("2023-03-03", "Russian drones struck Odesa, the Ukrainian air force said."),
    ("2023-03-03", "Fighting continued near Avdiivka and Marinka, according to Ukrainian officials."),
    ("2023-03-04", "The UN delivered humanitarian aid to Kharkiv, an agency spokesperson said."),
    ("2023-03-04", "Russian artillery shelled Nikopol across the Dnipro river, the governor said."),
)


def write_corpus(folder: Path, *, copies: int = 1) -> list[Path]:
    """Write each report ``copies`` times, dated a day apart per copy, as .txt files and one .jsonl."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    lines = []
    for copy in range(copies):
        for number, (day, text) in enumerate(REPORTS):
            shifted = (dt.date.fromisoformat(day) + dt.timedelta(days=copy)).isoformat()
            if number % 2:
                lines.append(
                    json.dumps(
                        {
                            "text": text,
                            "date": shifted,
                            "source": "hand-written",
                            "title": f"report {copy}-{number}",
                        }
                    )
                )
            else:
                path = folder / f"report-{copy:03d}-{number}.txt"
                path.write_text(f"{shifted}\n{text}\n", encoding="utf-8")
                written.append(path)
    jsonl = folder / "more.jsonl"
    jsonl.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return [*written, jsonl]


@pytest.fixture
def hand_reports() -> tuple[tuple[str, str], ...]:
    return REPORTS


@pytest.fixture
def corpus_writer():
    """``corpus_writer(folder, copies=n)`` writes ``n`` dated copies of every hand-written report."""
    return write_corpus


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "reports"
    write_corpus(folder)
    return folder
