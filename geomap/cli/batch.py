"""``geomap batch``: placeholder until its command lands."""

import click

__all__ = ["batch_command"]


@click.command("batch")
def batch_command() -> None:
    """Not implemented yet."""
    raise click.ClickException("not implemented yet")
