"""``geomap gazetteer``: placeholder until its commands land."""

import click

__all__ = ["gazetteer_group"]


@click.group("gazetteer")
def gazetteer_group() -> None:
    """Inspect and extend the place index."""
