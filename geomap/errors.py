"""geomap's errors: each also an instance of the builtin it resembles, each with its exit code.

The CLI entry module turns any of them into one line on stderr and ``exit_code``; nothing else in
geomap exits the process.
"""

__all__ = ["GeomapError", "InputError", "OutputExistsError", "StoreError"]


class GeomapError(Exception):
    """Root of every error geomap raises on purpose."""

    exit_code = 1


class InputError(GeomapError, ValueError):
    """An input cannot be read as a report: missing, empty, binary, too large, undecodable."""

    exit_code = 2


class OutputExistsError(GeomapError, FileExistsError):
    """An output file exists and ``--force`` was not given."""

    exit_code = 3


class StoreError(GeomapError, OSError):
    """The event store cannot be opened or written (corrupt file, full disk)."""

    exit_code = 4
