"""Option bundles shared by several commands, so that each flag is spelled once."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TypeVar

import click

__all__ = [
    "date_option",
    "date_range_options",
    "db_option",
    "force_option",
    "input_options",
    "offline_option",
]

F = TypeVar("F", bound=Callable)


def force_option(func: F) -> F:
    """``--force``: allow overwriting an existing output file."""
    return click.option("--force", is_flag=True, help="Overwrite an existing output file.")(func)


def offline_option(func: F) -> F:
    """``--offline``: a self-contained map with inlined JavaScript and CSS."""
    return click.option("--offline", is_flag=True,
                        help="Inline all JavaScript and CSS so the map works with no network "
                        "(tiles aside).")(func)


def db_option(func: F) -> F:
    """``--db``: the SQLite event store."""
    return click.option("--db", "db_path", type=click.Path(dir_okay=False), help="SQLite event store.")(func)


def date_range_options(func: F) -> F:
    """``--from``/``--to``: keep events dated within a range (inclusive)."""
    func = click.option("--to", "date_to", type=click.DateTime(["%Y-%m-%d"]),
                        help="Last day (YYYY-MM-DD).")(func)
    return click.option("--from", "date_from", type=click.DateTime(["%Y-%m-%d"]),
                        help="First day (YYYY-MM-DD).")(func)


def _as_date(ctx: click.Context, param: click.Parameter, value: dt.datetime | None) -> dt.date | None:
    return value.date() if value else None


def date_option(func: F) -> F:
    """``--date``: the report's publication date, which relative dates ("on Wednesday") count from."""
    return click.option("--date", "report_date", type=click.DateTime(["%Y-%m-%d"]), callback=_as_date,
                        help="Publication date of the report (YYYY-MM-DD); default: found in the "
                        "report.")(func)


def input_options(func: F) -> F:
    """``--encoding``/``--max-mb``: how input files are decoded and how large they may be."""
    func = click.option("--max-mb", type=click.FloatRange(min=0, min_open=True), default=20.0,
                        show_default=True, help="Refuse inputs larger than this many megabytes.")(func)
    return click.option("--encoding", metavar="NAME",
                        help="Encoding of the input files (default: detected; e.g. utf-8, cp1251, koi8-u, "
                        "latin-1).")(func)
