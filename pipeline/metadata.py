"""Title, author, date, site and url: cleaned into one shape whatever the input format."""

from __future__ import annotations

import re
import unicodedata
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

from pipeline.settings import CONFIG_DIR, ConfigError, read_toml

# "Headline - Site", "Headline | Site", "Headline：Site" (full-width and bare separators too; the tail must name
# the site, so a colon inside a headline is safe)
_SUFFIX = re.compile(r"^(?P<title>.{4,}?)(?:\s*[|｜：:]\s*|\s+[\-–—·]\s+)(?P<site>[^|｜：:\-–—·]{2,40})$")
_AUTHOR_PREFIX = re.compile(r"^(?:par|by|von|por|di|de|door|av|written by)\s*:?\s+", re.I)
_AUTHOR_SPLIT = re.compile(r"\s*(?:;|,|\bet\b|\band\b|&|\bund\b|\by\b|\be\b)\s*")
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$")


# web.archive.org/web/20190102030405/https://example.org/a, and its id_/if_ variants: the archived page's host
_ARCHIVED = re.compile(r"^https?://(?:web\.)?archive\.org/web/\d+[a-z_]*/(?P<url>.+)$", re.I)


def site_from_url(url: str | None) -> str | None:
    """The host without www., or the archived page's host for a Wayback Machine URL."""
    if not url:
        return None
    m = _ARCHIVED.match(url.strip())
    if m:
        url = m.group("url")
    try:
        host = urlsplit(url if "//" in url else f"//{url}").hostname
    except ValueError:
        return None
    if not host or "." not in host or " " in host:
        return None
    return host.lower().removeprefix("www.")


def _ascii(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _abbreviates(site: str, tail: str) -> bool:
    """'nytimes.com' names 'The New York Times': the host's letters, in order, start the tail's first word."""
    host = re.sub(r"[^a-z0-9]", "", site.removeprefix("www.").rsplit(".", 1)[0])
    words = re.sub(r"^the\s+", "", tail).split()
    if len(host) < 4 or not words or len(words) > 5 or words[0][0] != host[0]:
        return False
    rest = iter("".join(words))
    return all(c in rest for c in host)


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
        if any(tail == n or compact and compact in re.sub(r"[^a-z0-9]", "", n)
               or len(n) >= 4 and n in tail or _abbreviates(n, tail) for n in names):
            return m.group("title").strip()
    return title


@lru_cache(maxsize=8)
def not_name_patterns(config_dir: str | None = None) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(id, pattern) of config/authors.toml: what is never a person's name."""
    path = Path(config_dir or CONFIG_DIR) / "authors.toml"
    if not path.exists():
        return ()
    data = read_toml(path)
    try:
        return tuple((r["id"], re.compile(r["pattern"], re.I)) for r in data.get("not_a_name", []))
    except (KeyError, re.error) as exc:
        raise ConfigError(f"{path}: {type(exc).__name__}: {exc}") from exc


def _names_site(name: str, site_names: tuple[str | None, ...]) -> bool:
    compact = re.sub(r"[\W_]", "", _ascii(name.lower()))
    for site in site_names:
        if not site or len(compact) < 3:
            continue
        host = re.sub(r"[\W_]", "", _ascii(site.lower().removeprefix("www.")))
        if compact == host or compact in host or host.rsplit("com", 1)[0] == compact:
            return True
    return False


def clean_authors(raw: str | list[str] | None, site_names: tuple[str | None, ...] = (),
                  config_dir: str | None = None) -> str | None:
    """Names only, several kept, joined by '; ' (trafilatura's convention); never a month, a profile link, a
    social network, an address or the site itself (config/authors.toml)."""
    if not raw:
        return None
    parts = raw if isinstance(raw, list) else [raw]
    patterns = not_name_patterns(config_dir)
    names: list[str] = []
    for part in parts:
        part = _AUTHOR_PREFIX.sub("", " ".join(part.split()))
        for name in _AUTHOR_SPLIT.split(part):
            name = name.strip(" .,:;|-–—《》「」【】")
            if not name or not any(c.isalpha() for c in name) or name in names:
                continue
            if any(p.search(name) for _, p in patterns) or _names_site(name, site_names):
                continue
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
