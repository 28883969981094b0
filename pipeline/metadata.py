"""Title, author, date, site and url: cleaned into one shape whatever the input format."""

from __future__ import annotations

import re
import unicodedata
from datetime import UTC, datetime
from urllib.parse import urlsplit

_SUFFIX = re.compile(r"^(?P<title>.{8,}?)\s+[|\-–—·:]\s+(?P<site>[^|\-–—·]{2,40})$")
_AUTHOR_PREFIX = re.compile(r"^(?:par|by|von|por|di|de|door|av|written by)\s*:?\s+", re.I)
_AUTHOR_SPLIT = re.compile(r"\s*(?:;|,|\bet\b|\band\b|&|\bund\b|\by\b|\be\b)\s*")
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$")


def site_from_url(url: str | None) -> str | None:
    if not url:
        return None
    try:
        host = urlsplit(url if "//" in url else f"//{url}").hostname
    except ValueError:
        return None
    if not host or "." not in host or " " in host:
        return None
    return host.lower().removeprefix("www.")


def _ascii(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def clean_title(title: str | None, site: str | None = None, sitename: str | None = None) -> str | None:
    """Drop a trailing ' - Site Name' / ' | Site' when it names the site."""
    if not title:
        return None
    title = " ".join(title.split())
    m = _SUFFIX.match(title)
    if m:
        tail = _ascii(m.group("site").strip().lower())
        names = {_ascii(n.lower()) for n in (site, sitename) if n}
        compact = re.sub(r"[^a-z0-9]", "", tail)
        if any(tail == n or compact and compact in re.sub(r"[^a-z0-9]", "", n) for n in names):
            return m.group("title").strip()
    return title


def clean_authors(raw: str | list[str] | None) -> str | None:
    """Names only, several kept, joined by '; ' (trafilatura's convention)."""
    if not raw:
        return None
    parts = raw if isinstance(raw, list) else [raw]
    names: list[str] = []
    for part in parts:
        part = _AUTHOR_PREFIX.sub("", " ".join(part.split()))
        for name in _AUTHOR_SPLIT.split(part):
            name = name.strip(" .,:;|-–—")
            if name and any(c.isalpha() for c in name) and name not in names:
                names.append(name)
    return "; ".join(names) or None


def clean_date(raw: str | None) -> str | None:
    """ISO date or datetime, or None when the value is not a date."""
    if not raw:
        return None
    raw = raw.strip()
    if _ISO.match(raw):
        try:
            datetime.fromisoformat(raw.replace("Z", "+00:00"))
        except ValueError:
            return None
        return raw
    for fmt in ("%d/%m/%Y", "%Y/%m/%d", "%d.%m.%Y"):
        try:
            return datetime.strptime(raw, fmt).date().isoformat()
        except ValueError:
            continue
    return None


def to_utc(value: str | None) -> datetime | None:
    """An ISO date or datetime as naive UTC (what the warehouse stores and dedup compares), or None."""
    if not value:
        return None
    try:
        dt = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    if dt.tzinfo is not None:
        dt = dt.astimezone(UTC).replace(tzinfo=None)
    return dt


def parse_reading_time(values: list[str] | None) -> int | None:
    if not values:
        return None
    try:
        return int(values[0])
    except ValueError:
        return None
