"""Writing reports out: JSON Lines (the contract), GeoJSON, CSV, and safe file replacement.

Each format is a writer class with the same three methods (``write(report, file=...)``,
``write_error(file, message)``, ``close()``), so a command streams any number of reports into any
format through :data:`WRITERS` (see :func:`extract_reports`) without holding them all in memory.
"""

from __future__ import annotations

from geomap.output.csv import CsvWriter
from geomap.output.extract import WRITERS, ExtractSummary, extract_reports
from geomap.output.files import atomic_writer, check_output, write_atomic
from geomap.output.geojson import GeoJsonWriter
from geomap.output.jsonl import JsonlWriter, report_record

__all__ = [
    "WRITERS",
    "CsvWriter",
    "ExtractSummary",
    "GeoJsonWriter",
    "JsonlWriter",
    "atomic_writer",
    "check_output",
    "extract_reports",
    "report_record",
    "write_atomic",
]
