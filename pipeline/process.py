"""The per-document stages chained: read, extract, strip, metadata, language, segment, signatures.

Everything here is CPU work on one document with no shared state, so batches can run in any worker.
Dedup and load need the whole run's state and happen afterwards, in one process.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from pathlib import Path

from pipeline import extract as extract_mod
from pipeline.boilerplate import strip_boilerplate
from pipeline.bylines import find_authors, find_date
from pipeline.chrome import chrome_keys
from pipeline.language import detect_language, paragraph_languages
from pipeline.metadata import clean_authors, clean_date, clean_title, parse_reading_time, site_from_url
from pipeline.models import Block, Metadata, Paragraph, ProcessedDoc, RawRecord, Removal, SourceFile
from pipeline.rules import RuleSet, cached_rules
from pipeline.segment import classify, normalize_text, segment_text
from pipeline.settings import Settings
from pipeline.signatures import content_hash, minhash, normalize_for_hash
from pipeline.sources import read_source
from pipeline.timeout import DocumentTimeout, time_limit

_SENTENCE_END = (".", "!", "?", "…", "»", "”", '"', ":", ")")


def _rejected(raw: RawRecord, reason: str, removals: list[Removal] | None = None, meta: Metadata | None = None,
              timings: dict[str, float] | None = None) -> ProcessedDoc:
    return ProcessedDoc(raw.source_path, raw.record_index, raw.format, raw.sha256, raw.size_bytes, raw.encoding,
                        status="rejected", reason=reason, removals=removals or [], metadata=meta or Metadata(),
                        timings=timings or {})


def _same(a: str, b: str) -> bool:
    return normalize_for_hash(a) == normalize_for_hash(b)


def _article_check(blocks: list[Block], settings: Settings) -> str | None:
    """Why the cleaned body is not an article, or None when it is one."""
    words = sum(len(b.text.split()) for b in blocks if b.kind != "heading")
    prose = [b for b in blocks if b.kind in ("paragraph", "quote", "table", "list_item")
             and len(b.text.split()) >= settings.prose_block_words]
    prose_words = sum(len(b.text.split()) for b in prose)
    if not blocks:
        return "not an article: no text left after removing boilerplate"
    if prose_words < settings.min_words:
        return (f"not an article: {prose_words} words of body prose after cleaning "
                f"(minimum {settings.min_words}; {words} words in all)")
    headings = sum(1 for b in blocks if b.kind == "heading")
    longest = max((len(b.text.split()) for b in blocks if b.kind in ("paragraph", "quote")), default=0)
    if headings >= settings.index_min_headings and longest < settings.index_max_paragraph_words \
            and headings >= 0.6 * (len(blocks) - headings):
        return (f"not an article: looks like a section index ({headings} headlines with short teasers, "
                f"no paragraph of {settings.index_max_paragraph_words} words or more)")
    if not any(b.kind in ("paragraph", "quote") and len(b.text.split()) >= 15
               and b.text.rstrip().endswith(_SENTENCE_END) for b in blocks):
        return "not an article: no sentence-like paragraph (looks like a list of links or a section index)"
    return None


def process_record(raw: RawRecord, settings: Settings, rules: RuleSet) -> ProcessedDoc:
    if raw.reject_reason:
        return _rejected(raw, raw.reject_reason)
    try:
        return _process(raw, settings, rules)
    except DocumentTimeout:  # the limit fired just after extraction returned
        return _rejected(raw, f"timeout: processing took longer than {settings.extract_timeout_s:g} s")
    except Exception as exc:  # a bug or a pathological document must not stop the batch
        return _rejected(raw, f"internal error while processing: {type(exc).__name__}: {exc}"[:500])


def _process(raw: RawRecord, settings: Settings, rules: RuleSet) -> ProcessedDoc:
    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    hints = raw.hints
    url = hints.get("url")
    site = site_from_url(url) or hints.get("site")
    removals: list[Removal] = []
    lang_hint = hints.get("language")
    meta = Metadata(url=url)
    assert raw.content is not None
    if raw.content_type == "html":
        try:
            with time_limit(settings.extract_timeout_s):
                ex = extract_mod.extract_html(raw.content, rules.selectors_for(site), url=url,
                                              max_bytes=settings.max_html_bytes)
        except extract_mod.NotAnArticle as exc:
            return _rejected(raw, str(exc))
        except DocumentTimeout:
            return _rejected(raw, f"timeout: extraction took longer than {settings.extract_timeout_s:g} s "
                                  "([ingest] extract_timeout_s)")
        timings["extract"] = time.perf_counter() - t0
        if ex is None:
            return _rejected(raw, "no article content found in the HTML")
        site = site or site_from_url(ex.url) or (ex.sitename or None)
        meta.url = url or ex.url
        meta.title = clean_title(hints.get("title") or ex.title, site, ex.sitename)
        meta.author = ex.author
        meta.published_at = ex.date
        lang_hint = lang_hint or ex.lang_hint
        blocks = ex.blocks
        page_lines = ex.lines
        removals += ex.removals
        if blocks and meta.title and blocks[0].kind == "heading" and _same(blocks[0].text, meta.title):
            removals.append(Removal("title-repeat", "title", blocks[0].text))
            blocks = blocks[1:]
    else:
        blocks = segment_text(raw.content)
        page_lines = [b.text for b in blocks[:80]]
        timings["extract"] = time.perf_counter() - t0
        if hints.get("title"):
            meta.title = normalize_text(hints["title"])
            if blocks and _same(blocks[0].text, meta.title):
                blocks = blocks[1:]
        elif blocks and raw.format in ("txt", "jsonl"):
            meta.title = blocks[0].text
            blocks = blocks[1:]
        if meta.title:
            # pages saved as text often repeat the headline under the masthead: not body text
            title = clean_title(meta.title, site) or ""
            head = [i for i, b in enumerate(blocks[: settings.header_blocks])
                    if _same(clean_title(b.text, site) or "", title)]
            for i in reversed(head):
                removals.append(Removal("title-repeat", "title", blocks[i].text))
            blocks = [b for i, b in enumerate(blocks) if i not in head]
    meta.site = site
    t1 = time.perf_counter()
    stripped = strip_boilerplate(blocks, rules.rules_for(site), settings.header_blocks)
    removals += stripped.removals
    blocks = stripped.blocks
    if raw.content_type != "html":
        blocks = [classify(b.text) if b.kind in ("heading", "paragraph") else b for b in blocks]
    timings["boilerplate"] = time.perf_counter() - t1

    meta.author = clean_authors(hints.get("author") or meta.author or stripped.captures.get("author")) \
        or find_authors(page_lines)
    text_date = find_date(page_lines)
    extracted_date = clean_date(meta.published_at)
    if extracted_date and extracted_date[5:10] == "01-01" and text_date and text_date[:4] == extracted_date[:4]:
        extracted_date = None  # htmldate's year-only guess (from a copyright line) loses to a real dateline
    meta.published_at = clean_date(hints.get("published")) or extracted_date or clean_date(
        (stripped.captures.get("published") or [None])[0]) or text_date
    meta.reading_time_min = parse_reading_time(stripped.captures.get("reading_time"))
    meta.title = clean_title(meta.title, site) if meta.title else None

    why_not = _article_check(blocks, settings)
    if why_not:
        return _rejected(raw, why_not, removals, meta, timings)

    t2 = time.perf_counter()
    body = "\n\n".join(b.text for b in blocks)
    language, prob = detect_language(
        body, seed=settings.lang_seed, min_chars=settings.lang_min_chars, min_prob=settings.lang_min_prob,
        max_chars=settings.lang_max_chars, hint=lang_hint,
    )
    if settings.keep_languages and language not in settings.keep_languages:
        return _rejected(raw, f"language {language!r} is not among the languages to keep "
                              f"({', '.join(settings.keep_languages)})", removals, meta, timings)
    plangs, mixed, other_share = paragraph_languages(
        [b.text for b in blocks], language, min_chars=settings.lang_paragraph_min_chars, seed=settings.lang_seed,
        min_letters=settings.lang_min_chars, min_prob=settings.lang_min_prob, max_chars=settings.lang_max_chars,
    )
    paragraphs = [Paragraph(pos, b.kind, b.text, plang) for pos, (b, plang) in enumerate(zip(blocks, plangs,
                                                                                           strict=True))]
    timings["language"] = time.perf_counter() - t2

    t3 = time.perf_counter()
    sig = minhash(body, settings.shingle_size, settings.num_perm)
    chash = content_hash(body)
    keys = chrome_keys([p.text for p in paragraphs], settings.chrome_max_words) if settings.chrome_min_docs else []
    timings["signatures"] = time.perf_counter() - t3
    return ProcessedDoc(
        raw.source_path, raw.record_index, raw.format, raw.sha256, raw.size_bytes, raw.encoding,
        status="article", metadata=meta, paragraphs=paragraphs, removals=removals, language=language,
        language_prob=prob, text=body, word_count=len(body.split()), content_hash=chash,
        minhash=[int(x) for x in sig], site_key=site or str(Path(raw.source_path).parent), chrome_keys=keys,
        mixed_language=mixed, other_language_share=other_share, timings=timings,
    )


def process_files(files: Iterable[SourceFile], settings: Settings, rules: RuleSet | None = None,
                  skip: set[tuple[str, str]] | None = None) -> tuple[list[ProcessedDoc], dict[str, int]]:
    """Process a batch of files. Files whose (path, sha256) is in skip are counted as unchanged."""
    rules = rules or cached_rules(settings.config_dir)
    out: list[ProcessedDoc] = []
    counts = {"unchanged": 0, "files": 0}
    t0 = time.perf_counter()
    for sf in files:
        counts["files"] += 1
        records = read_source(sf, settings)
        if skip and records and records[0].sha256 and (sf.path, records[0].sha256) in skip:
            counts["unchanged"] += 1
            continue
        for raw in records:
            out.append(process_record(raw, settings, rules))
    if out:
        out[0].timings["read_total"] = time.perf_counter() - t0
    extract_mod.reset_caches()
    return out, counts
