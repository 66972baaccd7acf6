"""Fetch GeoNames exports (country dumps, postal-code dumps, admin1 names) safely.

Downloads are untrusted input from the network: each one is capped in size, checked against the size the
server announced, resumed with an HTTP ``Range`` request when a previous attempt was cut off (or restarted
when the server or the file changed), and unzipped by hand so that no member name from the archive ever
chooses where a file is written.
"""

from __future__ import annotations

import http.client
import json
import os
import re
import urllib.error
import urllib.request
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from tqdm import tqdm

from gazetteer.errors import DownloadError

__all__ = [
    "DUMP_URL",
    "POSTAL_URL",
    "download_admin1",
    "download_country",
    "download_postal",
    "extract_member",
    "fetch",
]

DUMP_URL = "https://download.geonames.org/export/dump/"
POSTAL_URL = "https://download.geonames.org/export/zip/"
#: the largest country dump (US) is about 100 MB zipped; allCountries is about 400 MB
MAX_DOWNLOAD_BYTES = 512 << 20
#: the largest dump unzips to about 1.6 GB; anything far beyond is a zip bomb, not GeoNames
MAX_UNZIPPED_BYTES = 3 << 30
_CHUNK = 1 << 16
_CC = re.compile(r"^[A-Z]{2}$")
_USER_AGENT = "geomap-gazetteer (+https://www.geonames.org/ data user)"


def download_country(
    cc: str,
    *,
    dest_dir: str | Path,
    base_url: str = DUMP_URL,
    max_bytes: int = MAX_DOWNLOAD_BYTES,
    max_unzipped_bytes: int = MAX_UNZIPPED_BYTES,
    progress: bool = True,
    timeout: float = 60.0,
) -> Path:
    """Download the 19-column gazetteer dump ``CC.zip`` and return the extracted ``CC.txt``.

    The country dump lists every village GeoNames knows, which the embedded ``cities500`` lacks.

    Parameters
    ----------
    cc
        ISO 3166 two-letter country code (``UA``).
    dest_dir
        Folder that receives ``CC.zip`` and ``CC.txt``; created if missing.
    base_url
        Folder URL of the GeoNames dumps; tests point it at a local server.
    max_bytes, max_unzipped_bytes
        Refuse archives, or extracted files, larger than this.
    progress
        Show a tqdm progress bar on stderr.
    timeout
        Seconds to wait for the server before giving up.
    """
    limits = _Limits(base_url, max_bytes, max_unzipped_bytes, progress, timeout)
    return _download_zip(_country_code(cc), Path(dest_dir), limits)


def download_postal(
    cc: str,
    *,
    dest_dir: str | Path,
    base_url: str = POSTAL_URL,
    max_bytes: int = MAX_DOWNLOAD_BYTES,
    max_unzipped_bytes: int = MAX_UNZIPPED_BYTES,
    progress: bool = True,
    timeout: float = 60.0,
) -> Path:
    """Download the 12-column postal-code dump ``export/zip/CC.zip`` and return its ``CC.txt``.

    The postal dump names many front-line villages that even the country dump places coarsely or lacks;
    keep it in a folder of its own, since its files have the same names as the country dump's.
    Parameters are those of :func:`download_country`.
    """
    limits = _Limits(base_url, max_bytes, max_unzipped_bytes, progress, timeout)
    return _download_zip(_country_code(cc), Path(dest_dir), limits)


def download_admin1(
    *,
    dest_dir: str | Path,
    base_url: str = DUMP_URL,
    max_bytes: int = 16 << 20,
    progress: bool = True,
    timeout: float = 60.0,
) -> Path:
    """Download ``admin1CodesASCII.txt``, the names of every first-level division, and return its path."""
    dest_dir = Path(dest_dir)
    dest_dir.mkdir(parents=True, exist_ok=True)
    dest = dest_dir / "admin1CodesASCII.txt"
    fetch(_join(base_url, dest.name), dest, max_bytes=max_bytes, progress=progress, timeout=timeout)
    return dest


@dataclass(frozen=True, slots=True)
class _Limits:
    base_url: str
    max_bytes: int
    max_unzipped_bytes: int
    progress: bool
    timeout: float


def _download_zip(code: str, dest_dir: Path, limits: _Limits) -> Path:
    dest_dir.mkdir(parents=True, exist_ok=True)
    archive = dest_dir / f"{code}.zip"
    fetch(_join(limits.base_url, archive.name), archive, max_bytes=limits.max_bytes,
          progress=limits.progress, timeout=limits.timeout)
    return extract_member(archive, f"{code}.txt", dest_dir, max_bytes=limits.max_unzipped_bytes)


def _country_code(cc: str) -> str:
    code = cc.strip().upper()
    if not _CC.match(code):
        raise DownloadError(f"{cc!r} is not a two-letter country code (e.g. UA)")
    return code


def _join(base_url: str, name: str) -> str:
    return base_url if base_url.endswith(name) else base_url.rstrip("/") + "/" + name


# -- fetching ----------------------------------------------------------------------------------------


def fetch(
    url: str, dest: Path, *, max_bytes: int = MAX_DOWNLOAD_BYTES, progress: bool = True, timeout: float = 60.0
) -> Path:
    """Download ``url`` to ``dest``, resuming a previous partial attempt when the server allows it.

    Bytes go to ``dest.part`` (with the server's validator in ``dest.part.json``) and are moved to
    ``dest`` only once the size the server announced has arrived, so an interrupted run leaves either
    the old file or a part to resume, never a truncated ``dest``.
    """
    part, meta_path = dest.with_name(dest.name + ".part"), dest.with_name(dest.name + ".part.json")
    meta = _read_meta(meta_path, url)
    offset = part.stat().st_size if meta and part.exists() else 0
    response = _open(url, offset=offset, validator=meta.get("validator", "") if meta else "", timeout=timeout)
    with response:
        start, total = _range_of(response, offset)
        if total is not None and total > max_bytes:
            raise DownloadError(f"{url}: {total:,} bytes is over the {max_bytes:,}-byte limit; refusing")
        meta_path.write_text(json.dumps({"url": url, "validator": _validator(response)}))
        with part.open("r+b" if start else "wb") as out:
            out.seek(start)
            out.truncate()
            got = _copy(response, out, start=start, total=total, max_bytes=max_bytes,
                        desc=dest.name if progress else None)
    if total is not None and got != total:
        raise DownloadError(
            f"{url}: download cut off after {got:,} of {total:,} bytes; run the command again to resume"
        )
    os.replace(part, dest)
    meta_path.unlink(missing_ok=True)
    return dest


def _read_meta(meta_path: Path, url: str) -> dict | None:
    """Return the saved state of an earlier attempt at the same URL, if any and if readable."""
    try:
        meta = json.loads(meta_path.read_text())
    except (OSError, ValueError):
        return None
    return meta if isinstance(meta, dict) and meta.get("url") == url else None


def _open(url: str, *, offset: int, validator: str, timeout: float):
    headers = {"User-Agent": _USER_AGENT}
    if offset:
        headers["Range"] = f"bytes={offset}-"
        if validator:
            headers["If-Range"] = validator  # a changed file comes back whole (200), not spliced
    request = urllib.request.Request(url, headers=headers)
    try:
        return urllib.request.urlopen(request, timeout=timeout)
    except urllib.error.HTTPError as exc:
        if exc.code == 416 and offset:  # our part is longer than the file: start again
            return _open(url, offset=0, validator="", timeout=timeout)
        raise DownloadError(f"{url}: HTTP {exc.code} {exc.reason}") from None
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise DownloadError(f"cannot reach {url} ({reason}); are you offline?") from None


def _validator(response) -> str:
    """ETag, or failing that Last-Modified: what ``If-Range`` needs to detect a changed file."""
    etag = response.headers.get("ETag", "")
    return etag if etag and not etag.startswith("W/") else response.headers.get("Last-Modified", "")


def _range_of(response, offset: int) -> tuple[int, int | None]:
    """Where the body starts in the file and the file's full size (None when the server does not say)."""
    length = response.headers.get("Content-Length")
    if response.status == 206:
        match = re.match(r"bytes (\d+)-\d+/(\d+|\*)", response.headers.get("Content-Range", ""))
        if not match or int(match.group(1)) != offset:
            raise DownloadError(f"{response.url}: the server answered a different range than asked")
        size = match.group(2)
        return offset, int(size) if size != "*" else None
    return 0, int(length) if length and length.isdigit() else None


def _copy(response, out: BinaryIO, *, start: int, total: int | None, max_bytes: int, desc: str | None) -> int:
    """Stream the body into ``out``, enforcing the cap even when the server lied about the length."""
    got = start
    with tqdm(total=total, initial=start, unit="B", unit_scale=True, unit_divisor=1024, desc=desc,
              disable=desc is None, leave=False) as bar:
        while True:
            try:
                chunk = response.read(_CHUNK)
            except (OSError, ValueError, http.client.HTTPException) as exc:  # reset, incomplete read
                out.flush()
                raise DownloadError(
                    f"{response.url}: connection lost after {got:,} bytes ({exc}); run again to resume"
                ) from None
            if not chunk:
                return got
            got += len(chunk)
            if got > max_bytes or (total is not None and got > total):
                out.truncate(0)
                raise DownloadError(f"{response.url}: more than {max_bytes:,} bytes; refusing")
            out.write(chunk)
            bar.update(len(chunk))


# -- unzipping ---------------------------------------------------------------------------------------


def extract_member(
    archive: Path, member: str, dest_dir: Path, *, max_bytes: int = MAX_UNZIPPED_BYTES
) -> Path:
    """Extract exactly ``member`` from ``archive`` into ``dest_dir`` and return its path.

    The whole archive is refused if any member is absolute, climbs out with ``..`` or is a symlink: such
    an archive is not a GeoNames export.  The output name is ``member``'s own, never one read from the
    archive, and the bytes written are counted, so a zip bomb stops at ``max_bytes``.
    """
    try:
        with zipfile.ZipFile(archive) as zf:
            infos = zf.infolist()
            for info in infos:
                _check_member(archive, info)
            info = next((i for i in infos if i.filename == member), None)
            if info is None:
                raise DownloadError(f"{archive}: no {member} inside (found {[i.filename for i in infos]})")
            if info.file_size > max_bytes:
                raise DownloadError(f"{archive}: {member} unzips to {info.file_size:,} bytes; over the limit")
            return _write_member(zf, info, dest_dir / member, max_bytes=max_bytes)
    except zipfile.BadZipFile as exc:
        archive.unlink(missing_ok=True)  # a damaged download cannot be resumed, only fetched again
        raise DownloadError(f"{archive}: not a valid zip ({exc}); run again to fetch it anew") from None


def _check_member(archive: Path, info: zipfile.ZipInfo) -> None:
    name = info.filename.replace("\\", "/")
    parts = name.split("/")
    if name.startswith("/") or re.match(r"^[A-Za-z]:", name) or ".." in parts:
        raise DownloadError(f"{archive}: unsafe member name {info.filename!r}; refusing the archive")
    if (info.external_attr >> 16) & 0o170000 == 0o120000:
        raise DownloadError(f"{archive}: member {info.filename!r} is a symbolic link; refusing the archive")


def _write_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo, dest: Path, *, max_bytes: int) -> Path:
    tmp = dest.with_name(dest.name + ".tmp")
    written = 0
    try:
        with zf.open(info) as src, tmp.open("wb") as out:
            while chunk := src.read(_CHUNK):
                written += len(chunk)
                if written > max_bytes:
                    raise DownloadError(f"{zf.filename}: {info.filename} unzips past {max_bytes:,} bytes")
                out.write(chunk)
        os.replace(tmp, dest)
    finally:
        tmp.unlink(missing_ok=True)
    return dest

