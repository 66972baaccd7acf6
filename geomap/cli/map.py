"""``geomap map``: placeholder until its command lands."""

import click

__all__ = ["map_command"]


@click.command("map")
def map_command() -> None:
    """Not implemented yet."""
    raise click.ClickException("not implemented yet")
