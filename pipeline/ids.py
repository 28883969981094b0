"""Stable identifiers: the same bytes at the same path always get the same ids, so re-ingesting adds nothing."""

from __future__ import annotations

import hashlib


def doc_id_for(source_path: str, sha256: str, record_index: int) -> str:
    key = f"{source_path}\x00{sha256}\x00{record_index}".encode()
    return "d" + hashlib.sha256(key).hexdigest()[:20]


def article_id_for(doc_id: str) -> str:
    return "a" + doc_id[1:]
