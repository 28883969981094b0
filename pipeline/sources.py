"""Discover input files and turn each into raw records; every failure becomes a record with a reason."""

from __future__ import annotations

import hashlib
import json
import os
import re
import stat
import time
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from pipeline.decode import DecodeError, decode_bytes, sniff_binary
from pipeline.models import RawRecord, SourceFile
from pipeline.settings import Settings

FORMATS = {".txt": "txt", ".text": "txt", ".html": "html", ".htm": "html", ".xhtml": "html", ".jsonl": "jsonl",
           ".ndjson": "jsonl"}


def classify_path(path: str) -> tuple[str | None, bool]:
    """(format, gzip-compressed) from the file name; format None when unsupported."""
    name = path.lower()
    compressed = name.endswith(".gz")
    if compressed:
        name = name[:-3]
    return FORMATS.get(os.path.splitext(name)[1]), compressed


_HOST = re.compile(r"^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,24}$")


def _site_hint(path: Path) -> str | None:
    """The nearest folder above a file that is named like a host names its site, whether the file was found
    under a folder or named alone: a file's site never depends on the path it was reached by."""
    for parent in path.parents:
        name = parent.name.lower()
        if _HOST.match(name):
            return name.removeprefix("www.")
    return None


def discover(sources: Iterable[str | os.PathLike]) -> Iterator[SourceFile]:
    """Yield every file under the sources, sorted, following symlinks once (loops are cut)."""
    for src in sources:
        root = Path(src).absolute()
        if root.is_file() or not root.exists():
            fmt, gz = classify_path(str(root))
            yield SourceFile(str(root), fmt or "unknown", gz, _site_hint(root))
            continue
        seen_dirs: set[tuple[int, int]] = set()
        for dirpath, dirnames, filenames in os.walk(root, followlinks=True):
            try:
                st = os.stat(dirpath)
            except OSError:
                dirnames[:] = []
                continue
            key = (st.st_dev, st.st_ino)
            if key in seen_dirs:
                dirnames[:] = []
                continue
            seen_dirs.add(key)
            dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
            for name in sorted(filenames):
                if name.startswith("."):
                    continue
                full = Path(dirpath) / name
                fmt, gz = classify_path(name)
                yield SourceFile(str(full), fmt or "unknown", gz, _site_hint(full))


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _rejected(sf: SourceFile, code: str, reason: str, sha: str = "", size: int = 0, index: int = 0) -> RawRecord:
    return RawRecord(sf.path, index, sf.format, sha, size, reject_reason=reason, reject_code=code)


def _gunzip(data: bytes, cap: int) -> bytes:
    """Decompress gzip with a cap on the output size (gzip-bomb guard)."""
    d = zlib.decompressobj(16 + zlib.MAX_WBITS)
    out = bytearray()
    pos = 0
    while pos < len(data):
        chunk = data[pos: pos + 65536]
        pos += 65536
        out += d.decompress(chunk, cap + 1 - len(out))
        while d.unconsumed_tail and len(out) <= cap:
            out += d.decompress(d.unconsumed_tail, cap + 1 - len(out))
        if len(out) > cap:
            raise ValueError(f"decompressed size exceeds the {cap // 1_000_000} MB cap (gzip-bomb guard)")
        if d.eof:
            break
    if not d.eof:
        raise ValueError("truncated gzip file (unexpected end of compressed data)")
    return bytes(out)


def read_bytes(path: str, retries: int = 2, backoff_s: float = 0.2) -> bytes:
    """Read a file, retrying transient I/O errors with backoff; missing or forbidden files fail at once."""
    for attempt in range(retries + 1):
        try:
            with open(path, "rb") as fh:
                return fh.read()
        except (FileNotFoundError, PermissionError, IsADirectoryError):
            raise
        except OSError:
            if attempt == retries:
                raise
            time.sleep(backoff_s * (2**attempt))
    raise AssertionError("unreachable")


def read_source(sf: SourceFile, settings: Settings) -> list[RawRecord]:
    """All records of one file. Never raises for bad content: bad content gives rejected records."""
    if sf.format == "unknown":
        ext = "".join(Path(sf.path).suffixes[-2:]) or "(none)"
        return [_rejected(sf, "unsupported_type",
                          f"unsupported file type {ext!r}: expected .txt, .html, .htm, .jsonl or .gz of them")]
    try:
        st = os.stat(sf.path)
    except FileNotFoundError:
        if os.path.islink(sf.path):
            return [_rejected(sf, "read.broken_link", f"broken symbolic link (points to {os.readlink(sf.path)})")]
        return [_rejected(sf, "read.missing", "file disappeared before it could be read")]
    except OSError as exc:
        return [_rejected(sf, "read.error", f"cannot stat file: {exc.strerror or exc}")]
    if not stat.S_ISREG(st.st_mode):
        kind = "a named pipe" if stat.S_ISFIFO(st.st_mode) else "a socket" if stat.S_ISSOCK(st.st_mode) else \
            "a device" if stat.S_ISCHR(st.st_mode) or stat.S_ISBLK(st.st_mode) else "not a file"
        return [_rejected(sf, "read.not_a_file", f"not a regular file ({kind})")]
    if st.st_size > settings.max_file_bytes:
        return [_rejected(sf, "too_large", f"file too large: {st.st_size} bytes > {settings.max_file_bytes} limit",
                          size=st.st_size)]
    try:
        data = read_bytes(sf.path, settings.read_retries)
    except FileNotFoundError:
        return [_rejected(sf, "read.missing", "file disappeared before it could be read")]
    except PermissionError:
        return [_rejected(sf, "read.permission", "permission denied: file is not readable")]
    except IsADirectoryError:
        return [_rejected(sf, "read.not_a_file", "not a regular file")]
    except OSError as exc:
        return [_rejected(sf, "read.error", f"I/O error while reading: {exc.strerror or exc}")]
    sha = _sha256(data)
    size = len(data)
    if data.startswith(b"\x1f\x8b"):
        try:
            data = _gunzip(data, settings.max_decompressed_bytes)
        except (ValueError, zlib.error, EOFError) as exc:
            msg = str(exc)
            if not msg.startswith(("decompressed", "truncated")):
                msg = f"corrupt gzip data: {msg}"
            code = "too_large" if msg.startswith("decompressed") else "decode.gzip"
            return [_rejected(sf, code, msg, sha, size)]
    elif sf.compressed:
        return [_rejected(sf, "decode.gzip", "file name ends in .gz but the content is not gzip data", sha, size)]
    if not data.strip():
        return [_rejected(sf, "empty", "empty file" if not data else "file holds only whitespace", sha, size)]
    if sf.format == "jsonl":
        return list(_jsonl_records(sf, data, sha, size, settings))
    try:
        text, encoding = decode_bytes(data, is_html=sf.format == "html")
    except DecodeError as exc:
        return [_rejected(sf, exc.code, str(exc), sha, size)]
    if not text.strip():
        return [_rejected(sf, "empty", "file holds only whitespace", sha, size)]
    hints = {"site": sf.site_hint} if sf.site_hint else {}
    return [RawRecord(sf.path, 0, sf.format, sha, size, content=text,
                      content_type="html" if sf.format == "html" else "text", encoding=encoding, hints=hints)]


def _jsonl_records(sf: SourceFile, data: bytes, sha: str, size: int, settings: Settings) -> Iterator[RawRecord]:
    kind = sniff_binary(data)
    if kind:
        yield _rejected(sf, "decode.binary", f"binary content ({kind}), not JSON lines", sha, size)
        return
    for index, line in enumerate(data.split(b"\n")):
        if not line.strip():
            continue

        def bad(code: str, reason: str, index: int = index) -> RawRecord:
            return _rejected(sf, code, f"line {index + 1}: {reason}", sha, size, index)

        if len(line) > settings.max_jsonl_line_bytes:
            yield bad("too_large", f"line too long: {len(line)} bytes > {settings.max_jsonl_line_bytes} limit")
            continue
        try:
            text, encoding = decode_bytes(line)
        except DecodeError as exc:
            yield bad(exc.code, str(exc))
            continue
        try:
            obj = json.loads(text)
        except json.JSONDecodeError as exc:
            yield bad("jsonl.invalid", f"invalid JSON: {exc.msg} at column {exc.colno}")
            continue
        if not isinstance(obj, dict):
            yield bad("jsonl.not_object", f"expected a JSON object, got {type(obj).__name__}")
            continue
        wrong = [k for k in ("url", "title", "html", "text", "published", "author", "language", "site")
                 if k in obj and obj[k] is not None and not isinstance(obj[k], str)]
        if wrong:
            yield bad("jsonl.field_type", f"field(s) {', '.join(wrong)} must be strings")
            continue
        html, body = obj.get("html"), obj.get("text")
        if not (html and html.strip()) and not (body and body.strip()):
            yield bad("jsonl.no_body", "record has neither a non-empty 'html' nor 'text' field")
            continue
        hints = {k: obj[k].strip() for k in ("url", "title", "author", "published", "language", "site")
                 if isinstance(obj.get(k), str) and obj[k].strip()}
        if sf.site_hint and "site" not in hints:
            hints["site"] = sf.site_hint
        is_html = bool(html and html.strip())
        yield RawRecord(sf.path, index, "jsonl", sha, size, content=html if is_html else body,
                        content_type="html" if is_html else "text", encoding=encoding, hints=hints)

