"""``geomap map``: one report, or an event store, drawn as an interactive HTML map."""

from __future__ import annotations

import datetime as dt

import click

from geomap.cli.options import (
    date_option,
    date_range_options,
    db_option,
    force_option,
    input_options,
    offline_option,
)
from geomap.cli.state import AppState
from geomap.inputs import parse_doc, read_input
from geomap.model import SIDES, Report
from geomap.output import check_output

__all__ = ["map_command"]


def _day(value: dt.datetime | None) -> dt.date | None:
    return value.date() if value else None


def _store_reports(db_path: str, *, date_from: dt.datetime | None, date_to: dt.datetime | None,
                   side: str | None, event_type: str | None) -> list[Report]:
    from geomap.store import EventStore  # only maps of a store need it

    with EventStore(db_path, create=False) as store:
        return store.load_reports(date_from=_day(date_from), date_to=_day(date_to), side=side,
                                  event_type=event_type)


@click.command("map")
@click.argument("source", required=False, metavar="[FILE|URL|-]")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False), help="The HTML map to write.")
@click.option("--title", help="Map title (default: the report's title).")
@click.option("--cluster/--no-cluster", default=None,
              help="Group nearby markers (default: when there are many).")
@click.option("--heatmap", is_flag=True, help="Add a heat-map layer of event density.")
@date_option
@db_option
@date_range_options
@click.option("--side", type=click.Choice(SIDES), help="With --db: only claims from this side.")
@click.option("--type", "event_type", metavar="TYPE",
              help="With --db: only events of this type (e.g. shelling).")
@offline_option
@input_options
@force_option
@click.pass_obj
def map_command(state: AppState, source: str | None, output: str, title: str | None, cluster: bool | None,
                heatmap: bool, report_date: dt.date | None, db_path: str | None,
                date_from: dt.datetime | None, date_to: dt.datetime | None, side: str | None,
                event_type: str | None, offline: bool, encoding: str | None, max_mb: float,
                force: bool) -> None:
    """Draw the places and claims of one report, or of an event store (--db), on an HTML map.

    The report is a text or HTML file, an http(s) URL, or - for stdin.  An existing map is replaced only
    with --force, and never when it is the input.

    Example: geomap map examples/bakhmut-2023-02-16.txt -o bakhmut.html
    """
    if (source is None) == (db_path is None):
        raise click.UsageError("give either one report (FILE, URL or -) or --db STORE")
    check_output(output, force=force, inputs=[source or db_path])
    if db_path:
        reports = _store_reports(db_path, date_from=date_from, date_to=date_to, side=side,
                                 event_type=event_type)
    else:
        doc = read_input(source, encoding=encoding, max_bytes=int(max_mb * 1024 * 1024))
        report = parse_doc(doc, gazetteer=state.gazetteer, date=report_date, title=title, online=state.online)
        reports = [report]
    from geomap.render import render_map, save_map  # folium loads only when a map is drawn

    title = title or (reports[0].title if len(reports) == 1 else None)
    folium_map = render_map(reports, gazetteer=state.gazetteer, offline=offline, cluster=cluster,
                            heatmap=heatmap, title=title)
    save_map(folium_map, output, force=force)
    if not state.quiet:
        counts = [sum(len(getattr(r, part)) for r in reports) for part in ("places", "events", "unresolved")]
        click.echo(f"geomap: wrote {output} ({counts[0]} places, {counts[1]} events, {counts[2]} unresolved)",
                   err=True)
