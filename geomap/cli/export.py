"""``geomap export``: an event store's events as GeoJSON, CSV, GeoParquet or a GeoPackage."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from geomap.cli.options import date_range_options, force_option
from geomap.cli.state import AppState
from geomap.event_types import EVENT_TYPES
from geomap.model import SIDES
from geomap.output import WRITERS, atomic_writer, check_output
from geomap.store import EventStore

__all__ = ["export_command"]

FORMATS = ("geojson", "csv", "geoparquet", "gpkg")
_SUFFIXES = {".geojson": "geojson", ".json": "geojson", ".csv": "csv", ".parquet": "geoparquet",
             ".geoparquet": "geoparquet", ".gpkg": "gpkg"}


def _format_of(fmt: str | None, output: str) -> str:
    if fmt:
        return fmt
    guessed = _SUFFIXES.get(Path(output).suffix.lower())
    if guessed is None:
        raise click.UsageError(f"cannot tell the format from {output!r}; give --format "
                               f"({', '.join(FORMATS)})")
    return guessed


def _write_stream(entries: list, output: str, *, fmt: str, force: bool, state: AppState) -> None:
    with atomic_writer(output, force=force) as stream:
        writer = WRITERS[fmt](stream, gazetteer=state.gazetteer)
        for origin, report in entries:
            writer.write(report, file=origin)
        writer.close()


@click.command("export")
@click.option("--db", "db_path", required=True, type=click.Path(dir_okay=False), help="SQLite event store.")
@click.option("--format", "fmt", type=click.Choice(FORMATS),
              help="Output format (default: from the output's suffix).")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False), help="File to write.")
@date_range_options
@click.option("--side", type=click.Choice(SIDES), help="Only claims from this side.")
@click.option("--type", "event_type", type=click.Choice(EVENT_TYPES), help="Only events of this type.")
@force_option
@click.pass_obj
def export_command(state: AppState, db_path: str, fmt: str | None, output: str,
                   date_from: dt.datetime | None, date_to: dt.datetime | None, side: str | None,
                   event_type: str | None, force: bool) -> None:
    """Export the events of an event store for QGIS, pandas or DuckDB, each linked claim once.

    geojson and csv hold the same claims as `geomap extract` writes (report_count says how many reports
    carry each); geoparquet and gpkg hold one point per claim with the CSV's columns.

    Example: geomap export --db events.sqlite --format gpkg -o events.gpkg --from 2023-02-01 --side RU
    """
    fmt = _format_of(fmt, output)
    check_output(output, force=force)  # fail before reading a large store, not after
    with EventStore(db_path, create=False) as store:
        entries = store.report_entries(date_from=date_from, date_to=date_to, side=side, event_type=event_type)
    if fmt in WRITERS:
        _write_stream(entries, output, fmt=fmt, force=force, state=state)
    else:
        from geomap.frames import to_dataframe, to_geodataframe, write_geodata

        write_geodata(to_geodataframe(to_dataframe(entries)), output, fmt=fmt, force=force)
    if not state.quiet:
        events = sum(len(report.events) for _, report in entries)
        click.echo(f"{events} events from {len(entries)} reports written to {output}", err=True)
