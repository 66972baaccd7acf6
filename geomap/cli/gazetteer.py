"""``geomap gazetteer``: inspect, extend, query and rebuild the place index.

Each command opens the index through ``ctx.obj`` and calls one library function; errors come back as
:class:`gazetteer.GazetteerError` and are turned into one line and an exit code by the entry module.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import click
from geopy.distance import great_circle

from gazetteer import Gazetteer, GazetteerError, Place, default_index_path, source_for_file
from gazetteer.base import FileSource
from gazetteer.download import DUMP_URL, POSTAL_URL, download_admin1, download_country, download_postal
from gazetteer.sources import FILE_SOURCES
from geomap.cli.state import AppState

__all__ = ["gazetteer_group"]

pass_state = click.make_pass_decorator(AppState, ensure=True)


@click.group("gazetteer")
def gazetteer_group() -> None:
    """Inspect and extend the place index (GeoNames data, built on first use)."""


def _index_path(state: AppState) -> Path:
    return Path(state.gazetteer_path) if state.gazetteer_path else default_index_path()


@gazetteer_group.command("info")
@pass_state
def info_command(state: AppState) -> None:
    """Show where the index is, how many places and names it holds, and from which sources.

    Example: geomap gazetteer info
    """
    info = state.gazetteer.info()
    click.echo(f"index:   {info.path}")
    click.echo(f"places:  {info.places:,}")
    click.echo(f"names:   {info.names:,}")
    click.echo("sources:")
    for source in info.sources:
        kind = "embedded" if source.embedded else "added"
        click.echo(f"  {source.places:>9,}  {kind:<8}  {source.label}")


@gazetteer_group.command("add")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(sorted(FILE_SOURCES)),
              help="File format (default: detected from the number of columns).")
@pass_state
def add_command(state: AppState, file: Path, fmt: str | None) -> None:
    """Add a GeoNames file to the index: a 19-column dump, a postal-code dump or admin1CodesASCII.

    The file (.txt, .gz or .zip) stays where it is and is read again whenever the index is rebuilt.

    Example: geomap gazetteer add ~/Downloads/UA.zip
    """
    source = source_for_file(file.resolve(), fmt=fmt)
    count = state.gazetteer.add(source)
    _say(state, f"added {count:,} places from {file} ({source.name})")


@gazetteer_group.command("download")
@click.argument("country")
@click.option("--postal", is_flag=True, help="Also fetch the postal-code dump (many small villages).")
@click.option("--admin1", is_flag=True, help="Also fetch admin1CodesASCII.txt (names of all regions).")
@click.option("--base-url", default=DUMP_URL, show_default=True, envvar="GEOMAP_GEONAMES_DUMP_URL",
              help="Where the country dumps and admin1CodesASCII.txt are.")
@click.option("--postal-url", default=POSTAL_URL, show_default=True, envvar="GEOMAP_GEONAMES_POSTAL_URL",
              help="Where the postal-code dumps are.")
@click.option("--max-mb", type=click.IntRange(1), default=512, show_default=True,
              help="Refuse downloads larger than this many MiB.")
@pass_state
def download_command(state: AppState, country: str, postal: bool, admin1: bool, base_url: str,
                     postal_url: str, max_mb: int) -> None:
    """Download a country's GeoNames dump (and optionally more) and add it to the index.

    Files are kept beside the index, so a rebuild reads them again; an interrupted download resumes.

    Example: geomap gazetteer download UA --postal --admin1
    """
    folder = _index_path(state).parent / "downloads"
    options = {"max_bytes": max_mb << 20, "progress": not state.quiet}
    files = [download_country(country, dest_dir=folder / "dump", base_url=base_url, **options)]
    if admin1:
        files.append(download_admin1(dest_dir=folder, base_url=base_url, **options))
    if postal:
        files.append(download_postal(country, dest_dir=folder / "postal", base_url=postal_url, **options))
    for file in files:
        count = state.gazetteer.add(source_for_file(file))
        _say(state, f"added {count:,} places from {file}")


@gazetteer_group.command("lookup")
@click.argument("name")
@click.option("--country", metavar="CC", help="Only places in this country (ISO code, e.g. UA).")
@click.option("--near", metavar="LAT,LON", callback=lambda _c, _p, v: _parse_point(v),
              help="Only places within --radius-km of this point, nearest first.")
@click.option("--radius-km", type=click.FloatRange(0, min_open=True), default=50.0, show_default=True)
@click.option("--variants", is_flag=True, help="Also match other romanisations (Kleshcheevka, Artemovsk).")
@click.option("--online", "service", type=click.Choice(["nominatim", "geonames"]),
              help="When nothing is found locally, ask this online service (cached, rate-limited).")
@click.option("--online-url", envvar="GEOMAP_ONLINE_URL", metavar="URL",
              help="Base URL of the online service (e.g. a self-hosted Nominatim).")
@click.option("--limit", type=click.IntRange(1), default=10, show_default=True)
@pass_state
def lookup_command(state: AppState, name: str, country: str | None, near: tuple[float, float] | None,
                   radius_km: float, variants: bool, service: str | None, online_url: str | None,
                   limit: int) -> None:
    """Find the places a name may mean, one per line: id, name, feature, country.admin1, population, position.

    Example: geomap gazetteer lookup Artemovsk --country UA
    """
    country = country.upper() if country else None
    wide = limit if near is None else 10_000
    places = _lookup(state.gazetteer, name, country=country, limit=wide, variants=variants)
    if not places and service:
        places = _online_lookup(state, name, country=country, service=service, url=online_url)
    rows = [(p, great_circle(near, (p.lat, p.lon)).km if near else None) for p in places]
    if near:
        rows = sorted((r for r in rows if r[1] <= radius_km), key=lambda r: r[1])
    if not rows:
        where = f" within {radius_km:g} km of {near[0]:g},{near[1]:g}" if near else ""
        raise GazetteerError(
            f"no place named {name!r}{where} in the gazetteer; small villages are in the GeoNames "
            "country dump (geomap gazetteer download UA)"
        )
    for place, km in rows[:limit]:
        click.echo(_format_place(place, km))


@gazetteer_group.command("rebuild")
@click.option("--drop-added", is_flag=True, help="Forget the files added with 'add' or 'download'.")
@pass_state
def rebuild_command(state: AppState, drop_added: bool) -> None:
    """Rebuild the index from the embedded data and the files added before.

    Example: geomap gazetteer rebuild
    """
    path = _index_path(state)
    added = [] if drop_added else _added_files(path)
    with Gazetteer.open(path, rebuild=True) as gazetteer:
        for source in added:
            gazetteer.add(source)
        info = gazetteer.info()
    _say(state, f"rebuilt {info.path}: {info.places:,} places from {len(info.sources)} sources")


def _added_files(path: Path) -> list[FileSource]:
    """Return the files a user added to the index at ``path`` that still exist; none if it is unreadable."""
    if not path.exists():
        return []
    try:
        with Gazetteer(path) as gazetteer:
            sources = gazetteer.info().sources
    except sqlite3.DatabaseError:
        return []
    return [FILE_SOURCES[s.name](s.path) for s in sources
            if not s.embedded and s.name in FILE_SOURCES and Path(s.path).is_file()]


def _lookup(
    gazetteer: Gazetteer, name: str, *, country: str | None, limit: int, variants: bool
) -> list[Place]:
    places = gazetteer.lookup(name, country=country, limit=limit)
    if variants:
        seen = {p.geonameid for p in places}
        places += [p for p in gazetteer.lookup_variant(name, country=country, limit=limit)
                   if p.geonameid not in seen]
    return places


def _online_lookup(state: AppState, name: str, *, country: str | None, service: str, url: str | None
                   ) -> list[Place]:
    from gazetteer.sources.online import OnlineSource

    scheme, _, domain = (url or "").rstrip("/").partition("://")
    source = OnlineSource(service=service, cache_dir=_index_path(state).parent, domain=domain or None,
                          scheme=scheme if domain else "https",
                          username=os.environ.get("GEONAMES_USERNAME", ""))
    return source.lookup(name, country=country)


def _parse_point(value: str | None) -> tuple[float, float] | None:
    if value is None:
        return None
    try:
        lat, lon = (float(v) for v in value.split(","))
    except ValueError:
        raise click.BadParameter(f"{value!r} is not LAT,LON (e.g. 48.59,38.0)") from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise click.BadParameter(f"{value!r} is outside the globe")
    return lat, lon


def _format_place(place: Place, km: float | None) -> str:
    where = f"{place.country}.{place.admin1}" if place.admin1 else place.country
    feature = f"{place.feature_class}.{place.feature_code}"
    line = (f"{place.geonameid}\t{place.name}\t{feature}\t{where}\t{place.population}\t"
            f"{place.lat:.5f},{place.lon:.5f}\t{place.source}")
    return line + (f"\t{km:.1f} km" if km is not None else "")


def _say(state: AppState, message: str) -> None:
    if not state.quiet:
        click.echo(message)
