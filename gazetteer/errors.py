"""Errors raised by the gazetteer, each also an instance of the builtin it resembles."""

__all__ = ["DownloadError", "GazetteerError", "IndexCorruptError", "SourceFormatError"]


class GazetteerError(Exception):
    """Root of every error the gazetteer raises on purpose."""

    exit_code = 1


class SourceFormatError(GazetteerError, ValueError):
    """A file given as a place source is not in a format the gazetteer reads."""

    exit_code = 2


class DownloadError(GazetteerError, OSError):
    """A GeoNames download failed, was too large, or was not a safe archive."""

    exit_code = 3


class IndexCorruptError(GazetteerError, OSError):
    """The on-disk index cannot be read; it is rebuilt rather than trusted."""

    exit_code = 4
