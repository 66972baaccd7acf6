"""Bytes → text: refuse what is not text, then find the encoding without changing a character.

Offsets in every output index the decoded text, so decoding must be exact: no newline translation, no
Unicode normalisation, zero-width and right-to-left marks kept where they stand.  Only a leading byte
order mark is dropped, since it is an encoding artefact, not part of the report.
"""

from __future__ import annotations

import codecs
import unicodedata

from charset_normalizer import from_bytes

from geomap.errors import InputError

__all__ = ["CANDIDATE_ENCODINGS", "check_not_binary", "check_not_empty", "decode_text", "detect_encoding"]

#: single-byte encodings a report arrives in besides UTF-8: Cyrillic Windows and KOI8 code pages for
#: Ukrainian and Russian sources, Western code pages for European ones
CANDIDATE_ENCODINGS = ("utf_8", "cp1251", "koi8_u", "cp1252", "latin_1")

# Signatures of formats people mistake for text (first bytes of the file), with a name for the message.
_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document (extract its text first)"),
    (b"PK\x03\x04", "a zip archive (or .docx/.xlsx/.odt)"),
    (b"PK\x05\x06", "a zip archive"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7z archive"),
    (b"\x7fELF", "an executable"),
    (b"SQLite format 3\x00", "an SQLite database (use --db for an event store)"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document"),
)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf_32"),
    (codecs.BOM_UTF32_BE, "utf_32"),
    (codecs.BOM_UTF8, "utf_8_sig"),
    (codecs.BOM_UTF16_LE, "utf_16"),
    (codecs.BOM_UTF16_BE, "utf_16"),
)
_TEXT_CONTROLS = frozenset(b"\t\n\r\f\v\x1b")
# every byte but the control bytes text never holds: deleting these leaves just the suspicious ones
_NOT_SUSPICIOUS = bytes(b for b in range(256) if b >= 0x20 or b in _TEXT_CONTROLS)
_SNIFF_BYTES = 8192


def _bom_encoding(data: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    return None


def _utf16_without_bom(head: bytes) -> str | None:
    """Recognise UTF-16 with no BOM: NULs on one byte parity only, decoding to printable text.

    Spaces, digits and Latin letters put a NUL in every other byte; Cyrillic text has NULs only at its
    spaces, so the parity of the NULs is the signal and a decode check rules out binary formats.
    """
    even = head[0::2].count(0)
    odd = head[1::2].count(0)
    if odd and even <= odd // 20:
        candidate = "utf_16_le"
    elif even and odd <= even // 20:
        candidate = "utf_16_be"
    else:
        return None
    sample = head[: len(head) // 2 * 2].decode(candidate, errors="replace")
    readable = sum(1 for ch in sample if ch.isprintable() or ch in "\t\n\r")
    return candidate if readable >= 0.95 * len(sample) else None


def check_not_binary(data: bytes, *, name: str) -> None:
    """Refuse images, archives and other binary files before they reach the text pipeline.

    Raises
    ------
    InputError
        When the bytes start with a known binary signature, or hold NUL or control bytes that no text
        encoding produces.
    """
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise InputError(f"{name}: this is {what}, not a text report")
    head = data[:_SNIFF_BYTES]
    if _bom_encoding(head) or _utf16_without_bom(head):
        return
    if b"\x00" in head:
        raise InputError(f"{name}: binary file (contains NUL bytes), not a text report")
    controls = len(head.translate(None, _NOT_SUSPICIOUS))  # counted in C: a loop here cost 80 µs a file
    if controls > max(8, len(head) // 20):
        raise InputError(f"{name}: binary file (mostly control bytes), not a text report")


def detect_encoding(data: bytes) -> str:
    """Name the encoding of a report: its BOM, else UTF-8 when valid, else the likeliest code page.

    UTF-8 is tried strictly first because a valid UTF-8 byte string of any length is almost never
    another encoding; the single-byte code pages are then told apart statistically (charset-normalizer
    restricted to :data:`CANDIDATE_ENCODINGS`, so KOI8-U and cp1251 Cyrillic are not confused with
    Central European code pages).
    """
    found = _bom_encoding(data) or _utf16_without_bom(data[:_SNIFF_BYTES])
    if found:
        return found
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return "utf_8"
    best = from_bytes(data, cp_isolation=list(CANDIDATE_ENCODINGS[1:])).best()
    return best.encoding if best is not None else "cp1252"


def decode_text(data: bytes, *, name: str, encoding: str | None = None) -> str:
    """Decode a report exactly, with ``encoding`` when the user gave one, else a detected one.

    Raises
    ------
    InputError
        For an unknown encoding name or bytes that are not valid in the given encoding.
    """
    chosen = encoding or detect_encoding(data)
    try:
        codec = codecs.lookup(chosen).name
    except LookupError:
        raise InputError(f"unknown encoding {chosen!r} (try utf-8, cp1251, koi8-u or latin-1)") from None
    if codec == "utf-8" and data.startswith(codecs.BOM_UTF8):
        codec = "utf-8-sig"
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: not valid {chosen} at byte {exc.start} (try --encoding)") from None
    return text.removeprefix("\ufeff")


def check_not_empty(text: str, *, name: str) -> None:
    """Refuse a report with nothing to read: only whitespace, or only invisible format characters."""
    if not text:
        raise InputError(f"{name}: the input is empty")
    if all(ch.isspace() or unicodedata.category(ch) in {"Cf", "Cc", "Zs"} for ch in text):
        raise InputError(f"{name}: the input holds only whitespace")
