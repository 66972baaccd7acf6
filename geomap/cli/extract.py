"""``geomap extract``: places, claims and unresolved names of many reports, as JSONL, GeoJSON or CSV."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import sys
from collections.abc import Iterator
from typing import IO

import click

from geomap.cli.options import date_option, force_option, input_options
from geomap.cli.state import AppState
from geomap.errors import InputError
from geomap.output import WRITERS, atomic_writer, extract_reports

__all__ = ["extract_command"]



@contextlib.contextmanager
def _utf8_stdout() -> Iterator[IO[str]]:
    """Write standard output as UTF-8 whatever the locale says: JSON, GeoJSON and CSV are UTF-8."""
    sys.stdout.flush()
    stream = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", newline="", write_through=True)
    try:
        yield stream
    finally:
        stream.flush()
        stream.detach()  # leave sys.stdout's buffer open for whoever writes next


def _warn(message: str) -> None:
    click.echo(f"geomap: warning: {message}", err=True)


@click.command("extract")
@click.argument("inputs", nargs=-1, required=True, metavar="FILE|URL|-...")
@click.option("--format", "fmt", type=click.Choice(sorted(WRITERS)), default="jsonl", show_default=True,
              help="jsonl: one object per input; geojson: one FeatureCollection; csv: one row per claim.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Output file (default: stdout).")
@click.option("--keep-going", is_flag=True,
              help="Skip unreadable inputs with a warning instead of stopping (exit status still 2).")
@date_option
@input_options
@force_option
@click.pass_obj
def extract_command(state: AppState, inputs: tuple[str, ...], fmt: str, output: str | None,
                    keep_going: bool, report_date: dt.date | None, encoding: str | None, max_mb: float,
                    force: bool) -> None:
    """Extract places, claims and unresolved names from reports, in one process.

    Each input is a text or HTML file, an http(s) URL, or - for stdin.  Offsets (start/end) index the
    decoded text of each input.  The output file is written atomically and only when every input was
    read (or with --keep-going).

    Example: geomap extract reports/*.txt --format geojson -o events.geojson
    """
    options = {"fmt": fmt, "gazetteer": lambda: state.gazetteer, "date": report_date, "encoding": encoding,
               "max_bytes": int(max_mb * 1024 * 1024), "keep_going": keep_going,
               "warn": None if state.quiet else _warn,
               "progress": len(inputs) > 1 and not state.quiet and sys.stderr.isatty(),
               "online": state.online}
    if output:
        with atomic_writer(output, force=force, inputs=inputs) as stream:
            summary = extract_reports(inputs, stream, **options)
    else:
        with _utf8_stdout() as stream:
            summary = extract_reports(inputs, stream, **options)
    if summary.failed:
        raise InputError(f"{len(summary.failed)} of {len(inputs)} inputs could not be read "
                         f"(first: {summary.failed[0][1]})")
