"""``geomap export``: placeholder until its command lands."""

import click

__all__ = ["export_command"]


@click.command("export")
def export_command() -> None:
    """Not implemented yet."""
    raise click.ClickException("not implemented yet")
