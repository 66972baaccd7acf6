"""Many inputs → one output stream, in one process: what ``geomap extract`` runs.

The gazetteer is opened once and every report is written as soon as it is parsed, so memory stays flat
whatever the number of inputs.  By default the first unreadable input stops the run (the caller's
atomic writer then leaves no output behind); with ``keep_going`` it is reported and skipped, and the
JSONL output still gets one line for it, carrying an ``error`` key.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import IO

from tqdm import tqdm

from gazetteer import Gazetteer
from gazetteer.base import PlaceSource
from geomap.errors import InputError
from geomap.inputs import DEFAULT_MAX_BYTES, parse_doc, read_input
from geomap.output.csv import CsvWriter
from geomap.output.geojson import GeoJsonWriter
from geomap.output.jsonl import GazetteerSource, JsonlWriter

__all__ = ["WRITERS", "ExtractSummary", "extract_reports"]

#: output format name (as ``--format`` spells it) → writer class
WRITERS = {"jsonl": JsonlWriter, "geojson": GeoJsonWriter, "csv": CsvWriter}


@dataclass
class ExtractSummary:
    """What a run did: how many inputs were written and which were skipped, with why."""

    written: int = 0
    failed: list[tuple[str, InputError]] = field(default_factory=list)


def _opener(gazetteer: GazetteerSource) -> Callable[[], Gazetteer | None]:
    if not callable(gazetteer):
        return lambda: gazetteer
    opened: list[Gazetteer] = []
    return lambda: opened[0] if opened else opened.append(gazetteer()) or opened[0]


def extract_reports(specs: Sequence[str], stream: IO[str], *, fmt: str = "jsonl",
                    gazetteer: GazetteerSource = None, date: dt.date | None = None,
                    encoding: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES, keep_going: bool = False,
                    warn: Callable[[str], None] | None = None, progress: bool = False,
                    online: PlaceSource | None = None) -> ExtractSummary:
    """Parse each input and write it to ``stream`` in format ``fmt``.

    ``gazetteer`` may be a zero-argument callable: it is then called once, after the first input has
    been read, so a bad input is reported at once rather than after a first-use index build.

    Raises
    ------
    InputError
        For the first unreadable input, unless ``keep_going``.
    """
    open_gazetteer = _opener(gazetteer)
    writer = WRITERS[fmt](stream, gazetteer=open_gazetteer)
    summary = ExtractSummary()
    for spec in tqdm(specs, desc="extract", unit="report", disable=not progress):
        try:
            doc = read_input(spec, encoding=encoding, max_bytes=max_bytes)
        except InputError as exc:
            if not keep_going:
                raise
            summary.failed.append((spec, exc))
            writer.write_error(spec, str(exc))
            if warn:
                warn(f"skipped {exc}")
            continue
        writer.write(parse_doc(doc, gazetteer=open_gazetteer(), date=date, online=online), file=spec)
        summary.written += 1
    writer.close()
    return summary
