"""``geomap batch``: process many reports in parallel into an SQLite event store, resumably."""

from __future__ import annotations

import datetime as dt

import click

from geomap.batch import ENGINES, expand_inputs, run_dask, run_local
from geomap.batch.pipeline import ReadOptions
from geomap.cli.options import date_option, input_options
from geomap.cli.state import AppState
from geomap.errors import InputError
from geomap.store import EventStore

__all__ = ["batch_command"]


@click.command("batch")
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option("--db", "db_path", required=True, type=click.Path(dir_okay=False),
              help="SQLite event store to write (created if missing; a rerun resumes it).")
@click.option("--workers", type=click.IntRange(min=1), help="Worker processes (default: all cores).")
@click.option("--engine", type=click.Choice(ENGINES), default="local", show_default=True,
              help="local: processes on this machine; dask: a Dask distributed cluster.")
@click.option("--scheduler", metavar="ADDR", help="Dask scheduler address, e.g. tcp://10.0.0.5:8786.")
@date_option
@input_options
@click.pass_obj
def batch_command(state: AppState, inputs: tuple[str, ...], db_path: str, workers: int | None, engine: str,
                  scheduler: str | None, report_date: dt.date | None, encoding: str | None,
                  max_mb: float) -> None:
    """Process files, folders and globs of .txt, .html, .json and .jsonl reports into an event store.

    Each report is written in its own transaction: stop the run at any moment and run the same command
    again to resume; finished reports are skipped by content hash.  A .jsonl file holds one report per
    line ({"text": ..., "date": ..., "url": ..., "source": ..., "title": ...}).  --date is the report date
    of inputs that carry none.

    Example: geomap batch reports/ archive.jsonl --db events.sqlite --workers 4
    """
    if engine == "dask" and not scheduler:
        raise click.UsageError("--engine dask needs --scheduler tcp://HOST:PORT")
    if scheduler and engine != "dask":
        raise click.UsageError("--scheduler is only used with --engine dask")
    options = ReadOptions(encoding=encoding, max_bytes=int(max_mb * 1024 * 1024))
    common = {"gazetteer_path": state.gazetteer_path, "options": options, "progress": not state.quiet}
    items = expand_inputs(inputs, default_date=report_date)
    with EventStore(db_path) as store:
        if engine == "dask":
            summary = run_dask(items, store, scheduler=scheduler, **common)
        else:
            summary = run_local(items, store, workers=workers, **common)
    if not state.quiet:
        for line in summary.lines():
            click.echo(line)
    if summary.failed:
        first = summary.failures[0][1]
        raise InputError(f"{summary.failed} of {summary.inputs} inputs failed (first: {first}); the others "
                         "are in the store, and a rerun retries only the failed ones")
