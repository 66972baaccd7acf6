"""Web pages as reports: fetch a URL safely, and keep only an HTML page's main text.

A page is mostly navigation, scripts, related-article teasers and footers, all full of place names
that the report never mentions; trafilatura finds the article body, so the places mapped are the
article's.  Fetching is bounded in time and size and refuses content that is not a page or text,
because the URL is user input and the server is untrusted.
"""

from __future__ import annotations

import datetime as dt
import http.client
import re
import urllib.error
import urllib.request
from dataclasses import dataclass
from email.message import Message
from urllib.parse import urlsplit

from geomap.errors import InputError

__all__ = ["Fetched", "HtmlText", "extract_html", "fetch_url", "format_size", "is_url", "looks_like_html"]

#: what a server may send for a report: an HTML page or plain text
ALLOWED_TYPES = frozenset({"text/html", "application/xhtml+xml", "text/plain"})
_USER_AGENT = "geomap (+https://github.com/geomap/geomap) report-fetcher"
_HTML_START = re.compile(rb"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body)\b", re.I | re.S)
_CHUNK = 64 * 1024


@dataclass(frozen=True, slots=True)
class Fetched:
    """A fetched document: its bytes, media type, declared charset and final URL."""

    data: bytes
    media_type: str
    charset: str | None
    url: str


@dataclass(frozen=True, slots=True)
class HtmlText:
    """An HTML page's main text with what its metadata says about it."""

    text: str
    title: str | None
    date: dt.date | None
    source: str | None


def format_size(size: int) -> str:
    """Write a byte count as --max-mb counts it (binary megabytes), or in bytes when small.

    >>> format_size(100 * 1024 * 1024), format_size(20 * 1024 * 1024), format_size(1000)
    ('100 MB', '20 MB', '1,000 bytes')
    """
    return f"{size / 1048576:.4g} MB" if size >= 1048576 else f"{size:,} bytes"


def is_url(spec: str) -> bool:
    """Whether a command-line input names a web page rather than a file."""
    return spec.lower().startswith(("http://", "https://"))


def looks_like_html(data: bytes) -> bool:
    """Whether bytes are an HTML document, judged by how the document starts."""
    return bool(_HTML_START.match(data[:4096].lstrip(b"\xef\xbb\xbf")))


def _content_type(headers: Message) -> tuple[str, str | None]:
    return headers.get_content_type(), headers.get_content_charset()


def _read_capped(response: http.client.HTTPResponse, *, url: str, max_bytes: int) -> bytes:
    declared = response.headers.get("Content-Length")
    if declared and declared.isdigit() and int(declared) > max_bytes:
        raise InputError(f"{url}: the page is {format_size(int(declared))}, "
                         f"over the {format_size(max_bytes)} limit")
    chunks: list[bytes] = []
    size = 0
    while chunk := response.read(_CHUNK):
        size += len(chunk)
        if size > max_bytes:
            raise InputError(f"{url}: the page is over the {format_size(max_bytes)} limit")
        chunks.append(chunk)
    return b"".join(chunks)


def fetch_url(url: str, *, max_bytes: int, timeout_s: float = 20.0) -> Fetched:
    """Download a report page, refusing slow servers, huge bodies and non-text content.

    Raises
    ------
    InputError
        When the URL is malformed, the host cannot be reached (offline, DNS failure), the server answers
        with an HTTP error, the body is too large or is not HTML or text, or the server is too slow.
    """
    parts = urlsplit(url)
    if parts.scheme.lower() not in {"http", "https"} or not parts.hostname:
        raise InputError(f"{url}: not an http(s) URL")
    headers = {"User-Agent": _USER_AGENT, "Accept": "text/html,text/plain"}
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=timeout_s) as response:
            media_type, charset = _content_type(response.headers)
            if media_type not in ALLOWED_TYPES:
                raise InputError(f"{url}: the server sent {media_type}, not an HTML page or text")
            data = _read_capped(response, url=url, max_bytes=max_bytes)
            return Fetched(data=data, media_type=media_type, charset=charset, url=response.geturl())
    except urllib.error.HTTPError as exc:
        raise InputError(f"{url}: the server answered HTTP {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, TimeoutError):
            raise InputError(f"{url}: no answer within {timeout_s:g} s") from None
        raise InputError(f"{url}: cannot connect ({exc.reason}); are you offline?") from None
    except TimeoutError:
        raise InputError(f"{url}: no answer within {timeout_s:g} s") from None
    except (OSError, ValueError) as exc:  # connection reset mid-body, malformed headers
        raise InputError(f"{url}: download failed ({exc})") from None


def _iso_date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def extract_html(page: bytes | str, *, name: str, url: str | None = None) -> HtmlText:
    """Extract an HTML page's main text, dropping scripts, styles, navigation and boilerplate.

    Raises
    ------
    InputError
        When the page has no article text to read.
    """
    import trafilatura  # heavy import, paid only for HTML inputs
    from lxml.etree import LxmlError

    try:
        doc = trafilatura.bare_extraction(page, url=url, with_metadata=True, include_comments=False,
                                          include_tables=False)
    except (LxmlError, ValueError, TypeError, RecursionError) as exc:  # a page hostile to the parser
        raise InputError(f"{name}: cannot read the HTML page ({type(exc).__name__})") from None
    text = getattr(doc, "text", None) or ""
    if not text.strip():
        raise InputError(f"{name}: no article text found in the HTML page")
    return HtmlText(text=text, title=getattr(doc, "title", None) or None,
                    date=_iso_date(getattr(doc, "date", None)), source=getattr(doc, "sitename", None) or None)
