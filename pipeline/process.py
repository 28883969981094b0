"""The per-document stages, chained. In the order they run on one record:

1. extract      HTML: config selectors, then trafilatura's main content and metadata from one parse;
                text: one block per line, the first line as title (pipeline/extract.py, pipeline/segment.py)
2. title        the headline repeated at the top of the body is dropped
3. boilerplate  config rules over the blocks (pipeline/boilerplate.py)
4. metadata     title, authors, date and reading time, from the page's metadata first, then its words
5. page type    rejected only on positive evidence: index, error, login, paywall stub (pipeline/pagetype.py)
6. language     the article's and each paragraph's (pipeline/language.py)
7. signatures   exact hash, MinHash and learned-chrome keys (pipeline/signatures.py, pipeline/chrome.py)

Everything here is CPU work on one document with no shared state, so batches can run in any worker.
Learned chrome and dedup need the warehouse's view of the whole set: pipeline/batch.py, in the batch's load
transaction, in one process.
A rejected record keeps its cleaned text and metadata, so a wrong rejection can be found and recovered.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from pipeline import extract as extract_mod
from pipeline.boilerplate import matched_rule, strip_boilerplate
from pipeline.bylines import find_authors, find_date, name_line
from pipeline.chrome import chrome_keys
from pipeline.language import detect_language, paragraph_languages
from pipeline.metadata import clean_authors, clean_date, clean_title, parse_reading_time, site_from_url
from pipeline.models import Block, Metadata, Paragraph, ProcessedDoc, RawRecord, Removal, SourceFile
from pipeline.pagetype import classify_page, load_pagetype_rules
from pipeline.rules import RuleSet, cached_rules
from pipeline.segment import classify, normalize_text, split_lines
from pipeline.settings import Settings
from pipeline.signatures import content_hash, minhash, normalize_for_hash
from pipeline.sources import read_source
from pipeline.textpage import SENTENCE_END, find_article, find_headline, load_textpage_config, start_under_headline
from pipeline.textstats import word_count
from pipeline.timeout import DocumentTimeout, time_limit


class Rejected(Exception):
    """A stage decided the record is not loadable: a stable code and a message for people."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


class StageTimer:
    """Seconds per stage, summed; one timer shared by every stage of a record."""

    def __init__(self) -> None:
        self.timings: dict[str, float] = {}

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        t0 = time.perf_counter()
        try:
            yield
        finally:
            self.timings[name] = self.timings.get(name, 0.0) + time.perf_counter() - t0


@dataclass
class Work:
    """One record on its way through the stages."""

    raw: RawRecord
    meta: Metadata
    site: str | None
    blocks: list[Block] = field(default_factory=list)
    removals: list[Removal] = field(default_factory=list)
    page_lines: list[str] = field(default_factory=list)
    link_texts: frozenset[str] = frozenset()
    lang_hint: str | None = None
    captures: dict[str, list[str]] = field(default_factory=dict)
    extracted_author: str | None = None
    body_lines: set[str] = field(default_factory=set)  # text pages: lines that are surely body paragraphs
    name_lines: list[str] = field(default_factory=list)  # text pages: lines between headline and body
    trailing: list[Removal] = field(default_factory=list)  # text pages: removed lines below the article
    extracted_date: str | None = None
    date_from_markup: bool = False
    sitename: str | None = None


def _same(a: str, b: str) -> bool:
    return normalize_for_hash(a) == normalize_for_hash(b)


def _rejected(raw: RawRecord, code: str, reason: str, work: Work | None = None,
              timings: dict[str, float] | None = None) -> ProcessedDoc:
    text = "\n\n".join(b.text for b in work.blocks) if work else ""
    return ProcessedDoc(raw.source_path, raw.record_index, raw.format, raw.sha256, raw.size_bytes, raw.encoding,
                        status="rejected", reason=reason, reason_code=code,
                        removals=work.removals if work else [], metadata=work.meta if work else Metadata(),
                        text=text, word_count=word_count(text), timings=timings or {})


# ---- 1. extract ----------------------------------------------------------------------------------------------
def extract_stage(w: Work, settings: Settings, rules: RuleSet, timings: dict[str, float] | None = None) -> None:
    if w.raw.content_type == "html":
        _extract_html(w, settings, rules, timings)
    else:
        _extract_text(w, settings, rules)


def _extract_html(w: Work, settings: Settings, rules: RuleSet, timings: dict[str, float] | None) -> None:
    hints = w.raw.hints
    assert w.raw.content is not None
    try:
        with time_limit(settings.extract_timeout_s):
            ex = extract_mod.extract_html(w.raw.content, rules.selectors_for(w.site), url=w.meta.url,
                                          max_bytes=settings.max_html_bytes,
                                          guard_share=settings.selector_guard_share, timings=timings)
    except extract_mod.NotAnArticle as exc:
        w.removals += exc.removals
        raise Rejected(exc.code, str(exc)) from None
    except DocumentTimeout:
        raise Rejected("timeout", f"timeout: extraction took longer than {settings.extract_timeout_s:g} s "
                                  "([ingest] extract_timeout_s)") from None
    if ex is None:
        raise Rejected("extract.no_content", "no article content found in the HTML")
    # the page's own canonical or og:url names its site better than a folder's name does
    w.site = site_from_url(w.meta.url) or site_from_url(ex.url) or w.site or (ex.sitename or None)
    w.meta.url = w.meta.url or ex.url
    w.meta.title = clean_title(hints.get("title") or ex.title, w.site, ex.sitename)
    w.extracted_author = ex.author
    w.extracted_date = ex.date
    w.date_from_markup = ex.date_from_markup
    w.sitename = ex.sitename
    w.lang_hint = w.lang_hint or ex.lang_hint
    w.blocks = ex.blocks
    w.page_lines = ex.lines
    w.link_texts = ex.link_texts
    w.removals += ex.removals


def _extract_text(w: Work, settings: Settings, rules: RuleSet) -> None:
    """A page of lines: the article's span (pipeline/textpage.py), its headline, and the lines around it removed
    with their own rule when one names them."""
    assert w.raw.content is not None
    lines = split_lines(w.raw.content)
    site_rules = rules.rules_for(w.site)
    language = w.lang_hint or _page_language(lines, settings)
    page = find_article(lines, language, settings.config_dir)
    hint = normalize_text(w.raw.hints["title"]) if w.raw.hints.get("title") else None
    title_at = find_headline(lines, page, site_rules, hint, settings.config_dir, w.raw.hints.get("url"))
    page = start_under_headline(lines, page, title_at, site_rules, load_textpage_config(settings.config_dir))
    if hint:
        w.meta.title = hint
    elif title_at is not None:
        w.meta.title = lines[title_at]
    # bylines and datelines sit between the headline and the article's first lines
    top = min(title_at if title_at is not None else page.start, page.start)
    w.page_lines = lines[max(0, top - 2): page.start + 12] if page.start else lines[:80]
    if title_at is not None:  # an author's name alone on its line, under the headline
        w.name_lines = [t for t in lines[title_at + 1: max(title_at + 1, page.start) + 2]
                        if not matched_rule(site_rules, t)][:8]
    after: list[Removal] = []
    for lo, hi, rule_id, category in ((0, page.start, "text.before-article", "navigation"),
                                      (page.end, len(lines), "text.after-article", "footer")):
        outside = [classify(t) for i, t in enumerate(lines[lo:hi], lo) if i != title_at]
        stripped = strip_boilerplate(outside, site_rules, settings.header_blocks)
        found = stripped.removals + [Removal(rule_id, category, b.text) for b in stripped.blocks]
        for key, values in stripped.captures.items():
            w.captures.setdefault(key, []).extend(values)
        if lo == 0:
            w.removals += [dataclasses.replace(r, at=0) for r in found]
        else:
            after = found
    for i in range(page.start, page.end):
        if i == title_at:
            continue
        if i in page.repeated:
            w.removals.append(Removal("text.repeated-in-page", "repeated", lines[i], at=len(w.blocks)))
        else:
            w.blocks.append(classify(lines[i]))
            if page.classes[i] == "good" and word_count(lines[i]) >= 15 and lines[i].endswith(SENTENCE_END):
                w.body_lines.add(w.blocks[-1].text)
    w.trailing = after


def _page_language(lines: list[str], settings: Settings) -> str | None:
    """The page's language from its long lines, for the stopword list; None when unsure."""
    sample = "\n".join(line for line in lines if len(line) >= 80)[: settings.lang_max_chars]
    language, _ = detect_language(sample or "\n".join(lines)[: settings.lang_max_chars], seed=settings.lang_seed,
                                  min_chars=settings.lang_min_chars, min_prob=settings.lang_min_prob)
    return None if language == "und" else language


# ---- 2. title --------------------------------------------------------------------------------------------------
def title_stage(w: Work, settings: Settings) -> None:
    """The headline repeated at the top of the body (pages saved as text repeat it under the masthead)."""
    if not w.meta.title:
        return
    title = clean_title(w.meta.title, w.site) or ""
    head = [i for i, b in enumerate(w.blocks[: settings.header_blocks])
            if (i == 0 or w.raw.content_type != "html") and _same(clean_title(b.text, w.site) or "", title)]
    for i in head:
        w.removals.append(Removal("title-repeat", "title", w.blocks[i].text, at=0))
    w.blocks = [b for i, b in enumerate(w.blocks) if i not in head]


# ---- 3. boilerplate ------------------------------------------------------------------------------------------
def boilerplate_stage(w: Work, settings: Settings, rules: RuleSet) -> None:
    resumes = (lambda b: b.text in w.body_lines) if w.body_lines else None
    # removals made while the body was being built stood before a block; now that blocks go, say which paragraph
    before = len(w.blocks)
    comments_after = load_textpage_config(settings.config_dir).comments_after if w.raw.content_type != "html" else 1
    stripped = strip_boilerplate(w.blocks, rules.rules_for(w.site), settings.header_blocks, resumes, comments_after)
    kept_before = _kept_index(w.blocks, stripped.blocks)
    for r in w.removals:
        if r.at is not None and r.at > 0:
            r.at = kept_before[min(r.at, before)]
    w.removals += stripped.removals
    w.removals += [dataclasses.replace(r, at=len(stripped.blocks)) for r in w.trailing]
    for key, values in stripped.captures.items():
        w.captures.setdefault(key, []).extend(values)
    w.blocks = stripped.blocks
    if w.raw.content_type != "html":
        w.blocks = [classify(b.text) if b.kind in ("heading", "paragraph") else b for b in w.blocks]


def _kept_index(blocks: list[Block], kept: list[Block]) -> list[int]:
    """For each position in blocks (and one past the end), how many kept blocks came before it."""
    out, k = [], 0
    for b in blocks:
        out.append(k)
        if k < len(kept) and kept[k] is b:
            k += 1
    out.append(k)
    return out


# ---- 4. metadata ---------------------------------------------------------------------------------------------
def metadata_stage(w: Work, config_dir: str | None = None) -> None:
    hints, meta, captures = w.raw.hints, w.meta, w.captures
    meta.site = w.site
    names = (w.site, w.sitename)
    meta.author = clean_authors(hints.get("author"), names, config_dir) \
        or clean_authors(w.extracted_author, names, config_dir) \
        or clean_authors(captures.get("author"), names, config_dir) \
        or clean_authors(find_authors(w.page_lines), names, config_dir) \
        or clean_authors(next(filter(None, map(name_line, w.name_lines)), None), names, config_dir)
    text_date = find_date(w.page_lines)
    extracted_date = clean_date(w.extracted_date)
    if extracted_date and text_date and not w.date_from_markup and text_date < extracted_date[:10]:
        # htmldate guessed (no meta tag states the date) and the page shows an earlier dateline: pages gather
        # later dates (updates, today's date in the masthead, most-read lists), publication is the earliest
        extracted_date = None
    meta.published_at = clean_date(hints.get("published")) or extracted_date or clean_date(
        (captures.get("published") or [None])[0]) or text_date
    meta.reading_time_min = parse_reading_time(captures.get("reading_time"))
    meta.title = clean_title(meta.title, w.site) if meta.title else None


# ---- 5. page type --------------------------------------------------------------------------------------------
def page_type_stage(w: Work, settings: Settings) -> None:
    verdict = classify_page(w.blocks, w.meta.title, w.removals, load_pagetype_rules(settings.config_dir),
                            w.link_texts, from_markup=w.raw.content_type == "html")
    if verdict:
        raise Rejected(verdict.code, verdict.message)


# ---- 6. language ---------------------------------------------------------------------------------------------
@dataclass
class LanguageResult:
    language: str
    prob: float | None
    paragraphs: list[Paragraph]
    mixed: bool
    other_share: float


def language_stage(w: Work, body: str, settings: Settings) -> LanguageResult:
    language, prob = detect_language(
        body, seed=settings.lang_seed, min_chars=settings.lang_min_chars, min_prob=settings.lang_min_prob,
        max_chars=settings.lang_max_chars, hint=w.lang_hint,
    )
    if settings.keep_languages and language not in settings.keep_languages:
        raise Rejected("language.not_kept", f"language {language!r} is not among the languages to keep "
                                            f"({', '.join(settings.keep_languages)})")
    plangs, mixed, other_share = paragraph_languages(
        [b.text for b in w.blocks], language, min_chars=settings.lang_paragraph_min_chars, seed=settings.lang_seed,
        min_letters=settings.lang_min_chars, min_prob=settings.lang_min_prob, max_chars=settings.lang_max_chars,
    )
    paragraphs = [Paragraph(pos, b.kind, b.text, plang)
                  for pos, (b, plang) in enumerate(zip(w.blocks, plangs, strict=True))]
    return LanguageResult(language, prob, paragraphs, mixed, other_share)


# ---- 7. signatures -------------------------------------------------------------------------------------------
def signatures_stage(w: Work, body: str, lang: LanguageResult, settings: Settings,
                     timings: dict[str, float]) -> ProcessedDoc:
    raw = w.raw
    sig = minhash(body, settings.shingle_size, settings.num_perm)
    keys = chrome_keys([p.text for p in lang.paragraphs], settings.chrome_max_words) \
        if settings.chrome_min_docs else []
    return ProcessedDoc(
        raw.source_path, raw.record_index, raw.format, raw.sha256, raw.size_bytes, raw.encoding,
        status="article", metadata=w.meta, paragraphs=lang.paragraphs, removals=w.removals,
        language=lang.language, language_prob=lang.prob, text=body, word_count=word_count(body),
        content_hash=content_hash(body), minhash=[int(x) for x in sig],
        site_key=w.site or str(Path(raw.source_path).parent), chrome_keys=keys, mixed_language=lang.mixed,
        other_language_share=lang.other_share, timings=timings,
    )


# ---- the chain -----------------------------------------------------------------------------------------------
def process_record(raw: RawRecord, settings: Settings, rules: RuleSet) -> ProcessedDoc:
    """Run every stage on one record; never raises: a failure is a rejected record with its reason code."""
    if raw.reject_reason:
        return _rejected(raw, raw.reject_code or "unknown", raw.reject_reason)
    timer = StageTimer()
    url = raw.hints.get("url")
    w = Work(raw, Metadata(url=url), site_from_url(url) or raw.hints.get("site"),
             lang_hint=raw.hints.get("language"))
    try:
        with timer.stage("extract"):
            extract_stage(w, settings, rules, timer.timings)
            title_stage(w, settings)
        with timer.stage("boilerplate"):
            boilerplate_stage(w, settings, rules)
        with timer.stage("metadata"):
            metadata_stage(w, settings.config_dir)
            page_type_stage(w, settings)
        body = "\n\n".join(b.text for b in w.blocks)
        with timer.stage("language"):
            lang = language_stage(w, body, settings)
        with timer.stage("signatures"):
            return signatures_stage(w, body, lang, settings, timer.timings)
    except Rejected as rej:
        return _rejected(raw, rej.code, rej.message, w, timer.timings)
    except DocumentTimeout:  # the limit fired just after extraction returned
        return _rejected(raw, "timeout", f"timeout: processing took longer than {settings.extract_timeout_s:g} s",
                         w, timer.timings)
    except Exception as exc:  # a bug or a pathological document must not stop the batch
        return _rejected(raw, "internal_error",
                         f"internal error while processing: {type(exc).__name__}: {exc}"[:500], w, timer.timings)


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
