"""The ``geomap`` command: a thin layer that parses arguments and calls the library.

This is the one module that turns geomap's and the gazetteer's errors into a one-line message on stderr
and an exit code; every command lives in a module of its own and is attached here.
"""

from __future__ import annotations

import importlib.util
import logging
import sys

import click

from gazetteer import GazetteerError
from geomap.cli.batch import batch_command
from geomap.cli.export import export_command
from geomap.cli.extract import extract_command
from geomap.cli.gazetteer import gazetteer_group
from geomap.cli.map import map_command
from geomap.cli.state import AppState
from geomap.errors import GeomapError

__all__ = ["cli", "main"]


def _build() -> str:
    """Which build is installed: the finder compiled (``GEOMAP_COMPILE=1``, see setup.py) or not.

    Read from where the module lives, without importing it: ``--version`` stays instant.
    """
    spec = importlib.util.find_spec("geomap.mentions")
    compiled = spec is not None and spec.origin is not None and not spec.origin.endswith(".py")
    return "compiled with mypyc" if compiled else "pure Python"


@click.group()
@click.version_option(package_name="geomap", message=f"%(prog)s, version %(version)s ({_build()})")
@click.option("--gazetteer", "gazetteer_path", type=click.Path(dir_okay=False), envvar="GEOMAP_GAZETTEER",
              help="Gazetteer index file (default: in the user cache directory).")
@click.option("-q", "--quiet", is_flag=True, help="Only print errors.")
@click.option("--online", "online_service", type=click.Choice(["nominatim", "geonames"]),
              help="Ask an online geocoder about names the local gazetteer lacks (off by default; "
                   "rate-limited and cached).")
@click.option("--online-username", envvar="GEONAMES_USERNAME", default="",
              help="GeoNames web-service account, for --online geonames.")
@click.option("--online-url", metavar="URL",
              help="A self-hosted geocoder for --online, e.g. http://nominatim.example.org:8080.")
@click.pass_context
def cli(ctx: click.Context, gazetteer_path: str | None, quiet: bool, online_service: str | None,
        online_username: str, online_url: str | None) -> None:
    """Turn reports about the war in Ukraine into maps, GeoJSON, CSV and JSONL."""
    logging.basicConfig(level=logging.ERROR if quiet else logging.WARNING, format="geomap: %(message)s")
    ctx.obj = AppState(gazetteer_path=gazetteer_path, quiet=quiet, online_service=online_service,
                       online_username=online_username, online_url=online_url)


for _command in (map_command, extract_command, gazetteer_group, batch_command, export_command):
    cli.add_command(_command)


def main(argv: list[str] | None = None) -> None:
    """Entry point: run the CLI, mapping library errors to one stderr line and their exit code."""
    try:
        cli.main(args=argv, prog_name="geomap", standalone_mode=False)
    except (GeomapError, GazetteerError) as exc:
        click.echo(f"geomap: error: {exc}", err=True)
        sys.exit(exc.exit_code)
    except click.exceptions.Abort:
        click.echo("geomap: aborted", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        click.echo("geomap: interrupted", err=True)
        sys.exit(130)
    except OSError as exc:
        click.echo(f"geomap: error: {exc.strerror or exc}: {getattr(exc, 'filename', '') or ''}".rstrip(": "),
                   err=True)
        sys.exit(1)
