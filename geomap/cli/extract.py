"""``geomap extract``: placeholder until its command lands."""

import click

__all__ = ["extract_command"]


@click.command("extract")
def extract_command() -> None:
    """Not implemented yet."""
    raise click.ClickException("not implemented yet")
