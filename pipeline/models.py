"""Dataclasses that flow between stages; plain data so batches pickle across processes."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class SourceFile:
    """A file found by discovery, before it is read."""

    path: str
    format: str  # txt | html | jsonl
    compressed: bool
    site_hint: str | None = None


@dataclass
class RawRecord:
    """One input record: a whole file, or one line of a .jsonl file."""

    source_path: str
    record_index: int
    format: str  # txt | html | jsonl
    sha256: str
    size_bytes: int
    content: str | None = None  # decoded text or HTML
    content_type: str = "text"  # text | html
    encoding: str | None = None
    hints: dict[str, Any] = field(default_factory=dict)  # url, title, author, published, language, site
    reject_reason: str | None = None  # set when the record is already known to be bad
    reject_code: str | None = None  # its stable reason code (decode.binary, too_large, ...)


@dataclass
class Block:
    """A piece of body text with its structural kind."""

    kind: str
    text: str


@dataclass
class Removal:
    """A piece of text removed as boilerplate, and the rule that removed it."""

    rule_id: str
    category: str
    text: str
    repeat_count: int | None = None  # for learned chrome: how many articles of the site share the line
    page_share: float | None = None  # for selectors: share of the page's text the removed node held
    at: int | None = None  # the kept paragraph it stood before (len(paragraphs): after the last); None: unknown
    line_key: str | None = None  # for learned chrome: the line's key in its site's counts


@dataclass
class Paragraph:
    position: int
    kind: str
    text: str
    language: str


@dataclass
class Metadata:
    title: str | None = None
    author: str | None = None
    published_at: str | None = None  # ISO 8601 date or datetime
    site: str | None = None
    url: str | None = None
    reading_time_min: int | None = None


@dataclass
class ProcessedDoc:
    """What the per-document stages produce; dedup and load come after, in one process."""

    source_path: str
    record_index: int
    format: str
    sha256: str
    size_bytes: int
    encoding: str | None
    status: str  # article | rejected
    reason: str | None = None
    reason_code: str | None = None  # stable code of a rejection (not_article.index, decode.binary, ...)
    metadata: Metadata = field(default_factory=Metadata)
    paragraphs: list[Paragraph] = field(default_factory=list)
    removals: list[Removal] = field(default_factory=list)
    language: str = "und"
    language_prob: float | None = None
    mixed_language: bool = False  # paragraphs disagree on the language
    other_language_share: float = 0.0  # share of the text (characters) in another language than the article's
    text: str = ""
    word_count: int = 0
    content_hash: str | None = None
    minhash: list[int] | None = None
    site_key: str | None = None  # the site, or the folder for text without a url: whose chrome this shares
    chrome_keys: list[str | None] = field(default_factory=list)  # per paragraph, see pipeline/chrome.py
    timings: dict[str, float] = field(default_factory=dict)


@dataclass
class ResolvedDoc:
    """A processed document with its final identity and dedup verdict, ready to load."""

    doc: ProcessedDoc
    doc_id: str
    article_id: str | None
    status: str  # loaded | duplicate | rejected
    duplicate_of: str | None = None
    similarity: float | None = None
