"""What a page says about itself (title, author, date, site name, url), read as trafilatura reads it.

trafilatura's `extract_metadata` also reads categories, tags and the licence, which the warehouse does not keep
and which cost about a fifth of the call (each scans the page with its own XPath lists). This is the same
sequence of trafilatura's own functions (trafilatura 2.3.1, `trafilatura/metadata.py`, Apache-2.0) without
those three: the fields kept are the ones `extract_metadata` returns (tests/test_pagemeta.py compares them).
"""

from __future__ import annotations

from typing import Any

from lxml.html import HtmlElement
from trafilatura.metadata import (
    LOGGER,
    META_URL,
    Document,
    examine_meta,
    extract_author,
    extract_domain,
    extract_meta_json,
    extract_sitename,
    extract_title,
    extract_url,
    find_date,
)


def page_metadata(tree: HtmlElement, url: str | None, date_config: dict[str, Any]) -> Document:
    """trafilatura's metadata of a parsed page, as `extract_metadata(tree, url, date_config)` gives it (with
    no author blacklist), minus categories, tags and licence."""
    date_config = {**date_config}
    metadata = examine_meta(tree)
    if metadata.author and " " not in metadata.author:
        metadata.author = None
    try:
        metadata = extract_meta_json(tree, metadata)
    except Exception as err:  # noqa: BLE001 - trafilatura guards its JSON-LD reader the same way
        LOGGER.warning("error in JSON metadata extraction: %s", err)
    if not metadata.title:
        metadata.title = extract_title(tree)
    if not metadata.author:
        metadata.author = extract_author(tree)
    if not metadata.url:
        metadata.url = extract_url(tree, url)
    if metadata.url:
        metadata.hostname = extract_domain(metadata.url, fast=True)
    date_config["url"] = metadata.url
    metadata.date = find_date(tree, **date_config)
    if not metadata.sitename:
        metadata.sitename = extract_sitename(tree)
    if metadata.sitename:
        metadata.sitename = metadata.sitename.lstrip("@")
        if metadata.sitename and "." not in metadata.sitename and not metadata.sitename[0].isupper():
            metadata.sitename = metadata.sitename.title()
    elif metadata.url:
        m = META_URL.match(metadata.url)
        if m:
            metadata.sitename = m[1]
    metadata.filedate = date_config.get("max_date")
    metadata.clean_and_trim()
    return metadata
