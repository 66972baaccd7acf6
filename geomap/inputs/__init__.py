"""Reading one input — a file, ``-`` for stdin, or an http(s) URL — into the text of a report.

Everything a user can point geomap at passes through :func:`read_input`, so every command refuses bad
input the same way: with one :class:`~geomap.errors.InputError` that names the input and says what is
wrong (missing, a directory, empty, binary, too large, undecodable, unreachable), never a traceback,
and never after reading an unbounded amount of data into memory.

>>> import pathlib, tempfile
>>> path = pathlib.Path(tempfile.mkdtemp()) / "report.txt"
>>> _ = path.write_bytes("Обстріл Херсона".encode("cp1251"))
>>> read_input(str(path)).text
'Обстріл Херсона'
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from geomap.errors import InputError
from geomap.inputs.decode import check_not_binary, check_not_empty, decode_text
from geomap.inputs.web import extract_html, fetch_url, format_size, is_url, looks_like_html

if TYPE_CHECKING:
    from gazetteer import Gazetteer
    from gazetteer.base import PlaceSource
    from geomap.model import Report

__all__ = [
    "DEFAULT_MAX_BYTES",
    "HTML_SUFFIXES",
    "InputDoc",
    "date_in_name",
    "decode_text",
    "parse_doc",
    "parse_input",
    "read_bytes",
    "read_input",
]

#: inputs above this size are refused: the largest real report is a few hundred kB, so 20 MB is a
#: mistake (a log, a dump, a corpus) rather than a report
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml"})
_CHUNK = 1024 * 1024


@dataclass(frozen=True, slots=True)
class InputDoc:
    """One input as the pipeline sees it.

    ``path`` is the input exactly as the user wrote it (``-`` for stdin, the URL for a page), because the
    JSONL contract reports it back verbatim.  ``text`` is the decoded text that every output's offsets
    index: the file's own characters for text files, the extracted main text for HTML pages.  ``date``,
    ``title`` and ``source`` (publisher) come from a page's metadata when it has any.
    """

    text: str
    path: str
    date: dt.date | None = None
    source: str | None = None
    title: str | None = None
    url: str | None = None


_NAME_DATE = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")


def _too_large(name: str, size: int | None, max_bytes: int) -> InputError:
    what = format_size(size) if size is not None else "larger than that"
    return InputError(f"{name}: the input is {what}; the limit is {format_size(max_bytes)} "
                      "(split it into reports, or raise --max-mb)")


def _read_stream(stream: BinaryIO, *, name: str, max_bytes: int) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while chunk := stream.read(_CHUNK):
        size += len(chunk)
        if size > max_bytes:
            raise _too_large(name, None, max_bytes)
        chunks.append(chunk)
    return b"".join(chunks)


def read_bytes(spec: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """Read the raw bytes of a file (or stdin for ``-``), refusing before reading when over ``max_bytes``.

    Raises
    ------
    InputError
        When the file is missing, is a directory, cannot be read, or is too large.
    """
    if spec == "-":
        return _read_stream(sys.stdin.buffer, name="stdin", max_bytes=max_bytes)
    path = Path(spec)
    try:
        if path.is_dir():
            raise InputError(f"{spec}: is a directory, not a report file")
        size = path.stat().st_size
        if size > max_bytes:
            raise _too_large(spec, size, max_bytes)
        with path.open("rb") as stream:  # still bounded: FIFOs and devices report size 0
            return _read_stream(stream, name=spec, max_bytes=max_bytes)
    except FileNotFoundError:
        raise InputError(f"{spec}: no such file") from None
    except PermissionError:
        raise InputError(f"{spec}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{spec}: cannot read ({exc.strerror or exc})") from None


def _from_html(page: bytes | str, *, spec: str, url: str | None) -> InputDoc:
    html = extract_html(page, name=spec, url=url)
    check_not_empty(html.text, name=spec)
    return InputDoc(text=html.text, path=spec, date=html.date, source=html.source, title=html.title, url=url)


def _from_bytes(data: bytes, *, spec: str, html: bool, encoding: str | None, url: str | None) -> InputDoc:
    name = "stdin" if spec == "-" else spec
    if not data:
        raise InputError(f"{name}: the input is empty")
    check_not_binary(data, name=name)
    if html or looks_like_html(data):
        page = decode_text(data, name=name, encoding=encoding) if encoding else data
        return _from_html(page, spec=spec, url=url)
    text = decode_text(data, name=name, encoding=encoding)
    check_not_empty(text, name=name)
    return InputDoc(text=text, path=spec, url=url)


def read_input(spec: str, *, encoding: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES,
               timeout_s: float = 20.0) -> InputDoc:
    """Read a report from a file path, ``-`` (stdin) or an http(s) URL.

    Parameters
    ----------
    spec
        What the user typed; kept verbatim as :attr:`InputDoc.path`.
    encoding
        Overrides detection (UTF-8, UTF-16/32 by BOM, cp1251, KOI8-U, cp1252/latin-1) when given.
    max_bytes
        Inputs larger than this are refused without being read whole.
    timeout_s
        How long a web server may take to answer.

    Raises
    ------
    InputError
        For anything that is not a readable text or HTML report.
    """
    if is_url(spec):
        fetched = fetch_url(spec, max_bytes=max_bytes, timeout_s=timeout_s)
        html = fetched.media_type != "text/plain"
        return _from_bytes(fetched.data, spec=spec, html=html, encoding=encoding or fetched.charset,
                           url=fetched.url)
    data = read_bytes(spec, max_bytes=max_bytes)
    html = os.path.splitext(spec)[1].lower() in HTML_SUFFIXES
    doc = _from_bytes(data, spec=spec, html=html, encoding=encoding, url=None)
    if doc.date is None and spec != "-":
        doc = dataclasses.replace(doc, date=date_in_name(spec))
    return doc


def date_in_name(spec: str) -> dt.date | None:
    """The ISO date a file name carries, the way archives name reports ("bakhmut-2023-02-16.txt").

    >>> date_in_name("examples/bakhmut-2023-02-16.txt"), date_in_name("notes-2023-13-45.txt")
    (datetime.date(2023, 2, 16), None)
    """
    match = _NAME_DATE.search(os.path.basename(spec))
    if not match:
        return None
    try:
        return dt.date(*map(int, match.groups()))
    except ValueError:
        return None


def parse_input(spec: str, *, gazetteer: Gazetteer | None = None, date: dt.date | None = None,
                title: str | None = None, encoding: str | None = None,
                max_bytes: int = DEFAULT_MAX_BYTES) -> Report:
    """Read one input and run the pipeline on it: what ``geomap map`` and ``geomap extract`` do per input.

    ``date`` and ``title`` given by the user win over what a page's metadata says; the report's
    ``source`` is the page's publisher (none for a plain file).
    """
    return parse_doc(read_input(spec, encoding=encoding, max_bytes=max_bytes), gazetteer=gazetteer, date=date,
                     title=title)


def parse_doc(doc: InputDoc, *, gazetteer: Gazetteer | None = None, date: dt.date | None = None,
              title: str | None = None, online: PlaceSource | None = None) -> Report:
    """Run the pipeline on an input already read, with the user's ``date``/``title`` taking precedence."""
    from geomap.report import parse  # the pipeline is imported only when a report is really parsed

    return parse(doc.text, date=date or doc.date, source=doc.source, title=title or doc.title, url=doc.url,
                 gazetteer=gazetteer, online=online)
