"""Bytes to text: BOMs, UTF-8, declared HTML charsets, then detection; binary content is refused."""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"PK\x05\x06", "ZIP archive"),
    (b"\x1f\x8b", "gzip data"),
    (b"BZh", "bzip2 data"),
    (b"\xfd7zXZ\x00", "xz data"),
    (b"7z\xbc\xaf\x27\x1c", "7-zip archive"),
    (b"RIFF", "RIFF media"),
    (b"\x7fELF", "ELF executable"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"\x00\x00\x00\x18ftyp", "MP4 video"),
    (b"\x00\x00\x00\x20ftyp", "MP4 video"),
    (b"OggS", "Ogg media"),
    (b"ID3", "MP3 audio"),
)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([a-zA-Z0-9_\-:]{2,40})""", re.I)
# Encodings that detectors pick for Western European text; windows-1252 decodes all of them as intended.
_WESTERN = {"latin_1", "iso8859_1", "iso8859_15", "cp1252", "windows-1252", "mac_roman", "cp850", "cp1250",
            "iso8859_2", "cp437", "iso8859_9", "cp1254", "iso8859_10", "iso8859_14", "cp1258"}


class DecodeError(ValueError):
    """The bytes are not text; the message says what they look like, the code is stable for SQL."""

    def __init__(self, message: str, code: str = "decode.undecodable") -> None:
        super().__init__(message)
        self.code = code


def sniff_binary(data: bytes) -> str | None:
    """Name the kind of binary content, or None when the bytes may be text."""
    for magic, name in _MAGIC:
        if data.startswith(magic):
            return name
    head = data[:8192]
    if any(head.startswith(bom) for bom, _ in _BOMS):
        return None
    if b"\x00" in head:
        return "binary data (NUL bytes)"
    if head:
        controls = sum(1 for b in head if b < 9 or 13 < b < 32)
        if controls / len(head) > 0.05:
            return "binary data (control bytes)"
    return None


def _decode_mixed(data: bytes) -> str | None:
    """Text pasted together from UTF-8 and windows-1252 sources: decode each line on its own.

    Used only when some lines hold valid multi-byte UTF-8 and others do not; whole-file detection would
    turn the UTF-8 lines into mojibake.
    """
    lines = data.split(b"\n")
    utf8_lines = bad_lines = 0
    for line in lines:
        if line.isascii():
            continue
        try:
            line.decode("utf-8")
            utf8_lines += 1
        except UnicodeDecodeError:
            bad_lines += 1
    if not utf8_lines or not bad_lines:
        return None
    out = []
    for line in lines:
        try:
            out.append(line.decode("utf-8"))
        except UnicodeDecodeError:
            out.append(line.decode("cp1252", errors="replace"))
    return "\n".join(out)


def decode_bytes(data: bytes, *, is_html: bool = False) -> tuple[str, str]:
    """Return (text, encoding name). Raises DecodeError for binary or undecodable content."""
    kind = sniff_binary(data)
    if kind:
        raise DecodeError(f"binary content ({kind}), not text", "decode.binary")
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(name), name
            except UnicodeDecodeError as exc:
                raise DecodeError(f"invalid {name} after its byte-order mark at byte {exc.start}") from exc
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    mixed = _decode_mixed(data)
    if mixed is not None:
        return mixed, "mixed utf-8/cp1252"
    if is_html:
        m = _META_CHARSET.search(data[:4096])
        if m:
            declared = m.group(1).decode("ascii", "ignore").lower()
            try:
                name = codecs.lookup(declared).name
                if name in ("iso8859-1", "latin-1", "ascii"):
                    name = "cp1252"  # browsers treat these labels as windows-1252
                return data.decode(name), name
            except (LookupError, UnicodeDecodeError):
                pass
    best = from_bytes(data[:200_000]).best()
    if best is None:
        raise DecodeError("undecodable text: not UTF-8 and no plausible encoding found")
    name = codecs.lookup(best.encoding).name.replace("-", "_")
    if name in _WESTERN:
        try:
            return data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            pass
    try:
        return data.decode(best.encoding), best.encoding
    except (UnicodeDecodeError, LookupError) as exc:
        raise DecodeError(f"undecodable text (tried {best.encoding})") from exc
