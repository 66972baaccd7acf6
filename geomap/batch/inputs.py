"""What a batch run reads: files, directories and globs expanded into one :class:`ReportInput` each.

A ``.txt`` or ``.html`` file is one report, read later (in a worker) by :func:`geomap.inputs.read_input`.
A ``.jsonl`` file holds one report per line and a ``.json`` file one report object or a list of them,
each with ``text`` and optional ``date``, ``url``, ``source`` and ``title``.  Every input gets a content
key here, in the parent process, so a resumed run can skip finished reports without reading them twice.
"""

from __future__ import annotations

import datetime as dt
import glob
import hashlib
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from geomap.errors import InputError
from geomap.inputs import DEFAULT_MAX_BYTES, HTML_SUFFIXES

__all__ = ["REPORT_SUFFIXES", "ReportInput", "expand_inputs"]

#: file kinds a directory or glob contributes; a file named explicitly is read whatever its suffix
REPORT_SUFFIXES = frozenset({".txt", ".json", ".jsonl", *HTML_SUFFIXES})
_RECORD_FIELDS = ("text", "date", "url", "source", "title")
_CHUNK = 1024 * 1024


@dataclass(frozen=True, slots=True)
class ReportInput:
    """One report to process: a file to read, or a record that already holds its text.

    ``key`` is the SHA-256 of what defines the report's result (the file's bytes and name, or the
    record's fields, plus the default date), so an unchanged input is recognised on a rerun and a
    changed one is processed again.  ``origin`` names it for the user (``path`` or ``path:line``).
    ``error`` is set for a record that cannot be read (bad JSON, no text); it is recorded, not parsed.
    """

    key: str
    origin: str
    path: str | None = None
    text: str | None = None
    date: dt.date | None = None
    source: str | None = None
    title: str | None = None
    url: str | None = None
    size_bytes: int = 0
    error: str | None = None


def _digest(*parts: str | bytes | None) -> hashlib._Hash:
    digest = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else (part or b"")
        digest.update(len(data).to_bytes(8, "little") + data)
    return digest


def _file_input(path: str, *, default_date: dt.date | None) -> ReportInput:
    """Key a report file by streaming its bytes (bounded memory even for a file that will be refused)."""
    digest = _digest("file", os.path.basename(path), default_date.isoformat() if default_date else None)
    size = 0
    try:
        with open(path, "rb") as stream:
            while (chunk := stream.read(_CHUNK)) and size <= DEFAULT_MAX_BYTES:
                size += len(chunk)
                digest.update(chunk)
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    return ReportInput(key=digest.hexdigest(), origin=path, path=path, date=default_date, size_bytes=size)


def _as_date(value: object, *, origin: str) -> dt.date | None:
    if value in (None, ""):
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        raise ValueError(f"{origin}: date {value!r} is not YYYY-MM-DD") from None


def _record_input(record: object, *, origin: str, line: str, default_date: dt.date | None) -> ReportInput:
    """Turn one JSON record into an input; a malformed one becomes an input that carries its error."""
    key = _digest("record", line, default_date.isoformat() if default_date else None).hexdigest()
    try:
        text = record.get("text") if isinstance(record, dict) else None
        if not isinstance(text, str) or not text.strip():
            raise ValueError(f"{origin}: a report record needs a non-empty \"text\" string")
        fields = {name: record.get(name) for name in _RECORD_FIELDS}
        # "published" is how many exports (and the project's gold files) name the date
        day = _as_date(fields["date"] or record.get("published"), origin=origin) or default_date
    except ValueError as exc:
        return ReportInput(key=key, origin=origin, error=str(exc), size_bytes=len(line))
    text_fields = {name: str(fields[name]) if fields[name] is not None else None
                   for name in ("source", "title", "url")}
    return ReportInput(key=key, origin=origin, text=fields["text"], date=day, size_bytes=len(line.encode()),
                       **text_fields)


def _jsonl_inputs(path: str, *, default_date: dt.date | None) -> Iterator[ReportInput]:
    try:
        with open(path, encoding="utf-8-sig") as stream:
            for number, line in enumerate(stream, 1):
                if not line.strip():
                    continue
                origin = f"{path}:{number}"
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as exc:
                    yield ReportInput(key=_digest("record", line).hexdigest(), origin=origin,
                                      error=f"{origin}: not valid JSON ({exc.msg})", size_bytes=len(line))
                    continue
                yield _record_input(record, origin=origin, line=line, default_date=default_date)
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read as UTF-8 JSON Lines ({exc})") from None


def _json_inputs(path: str, *, default_date: dt.date | None) -> Iterator[ReportInput]:
    try:
        with open(path, encoding="utf-8-sig") as stream:
            document = json.load(stream)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"{path}: not a readable JSON file ({exc})") from None
    records = document if isinstance(document, list) else [document]
    for number, record in enumerate(records):
        origin = f"{path}[{number}]" if isinstance(document, list) else path
        line = json.dumps(record, sort_keys=True, ensure_ascii=False)
        yield _record_input(record, origin=origin, line=line, default_date=default_date)


def _is_report(name: str) -> bool:
    return os.path.splitext(name)[1].lower() in REPORT_SUFFIXES and not name.startswith(".")


def _files_of(spec: str) -> list[tuple[str, str]]:
    """Resolve one argument to (path, identity) pairs: itself, a folder's report files, or a glob's.

    The identity (a real path) lets a file named twice be read once; inside a folder it is derived from
    the folder's real path, since resolving each of thousands of files would cost more than reading them.
    """
    if os.path.isfile(spec):
        return [(spec, os.path.realpath(spec))]
    if os.path.isdir(spec):
        real = os.path.realpath(spec)
        found = []
        for root, _dirs, names in os.walk(spec):
            relative = os.path.relpath(root, spec)
            found += [(os.path.join(root, n), os.path.normpath(os.path.join(real, relative, n)))
                      for n in names if _is_report(n)]
        return sorted(found)
    if glob.has_magic(spec):
        matches = sorted(glob.glob(spec, recursive=True))
        files = [(p, os.path.realpath(p)) for p in matches
                 if os.path.isfile(p) and _is_report(os.path.basename(p))]
        if not files:
            raise InputError(f"{spec}: the pattern matches no .txt, .html, .json or .jsonl file")
        return files
    raise InputError(f"{spec}: no such file or directory")


def expand_inputs(specs: Iterable[str], *, default_date: dt.date | None = None) -> Iterator[ReportInput]:
    """Yield every report named by ``specs`` (files, directories, globs) in a stable order.

    ``default_date`` is the report date of inputs that carry none (a record's ``date`` or a page's own
    metadata wins).  A file named twice is read once.

    Raises
    ------
    InputError
        When an argument names nothing, or a JSON/JSONL file cannot be read at all.
    """
    seen: set[str] = set()
    for spec in specs:
        for path, identity in _files_of(spec):
            if identity in seen:
                continue
            seen.add(identity)
            suffix = os.path.splitext(path)[1].lower()
            if suffix == ".jsonl":
                yield from _jsonl_inputs(path, default_date=default_date)
            elif suffix == ".json":
                yield from _json_inputs(path, default_date=default_date)
            else:
                yield _file_input(path, default_date=default_date)
