"""Option bundles shared by several commands, so that each flag is spelled once."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import click

__all__ = ["date_range_options", "db_option", "force_option", "offline_option"]

F = TypeVar("F", bound=Callable)


def force_option(func: F) -> F:
    """``--force``: allow overwriting an existing output file."""
    return click.option("--force", is_flag=True, help="Overwrite an existing output file.")(func)


def offline_option(func: F) -> F:
    """``--offline``: a self-contained map with inlined JavaScript and CSS."""
    return click.option("--offline", is_flag=True,
                        help="Inline all JavaScript and CSS so the map works with no network (tiles aside).")(func)


def db_option(func: F) -> F:
    """``--db``: the SQLite event store."""
    return click.option("--db", "db_path", type=click.Path(dir_okay=False), help="SQLite event store.")(func)


def date_range_options(func: F) -> F:
    """``--from``/``--to``: keep events dated within a range (inclusive)."""
    func = click.option("--to", "date_to", type=click.DateTime(["%Y-%m-%d"]), help="Last day (YYYY-MM-DD).")(func)
    return click.option("--from", "date_from", type=click.DateTime(["%Y-%m-%d"]),
                        help="First day (YYYY-MM-DD).")(func)
