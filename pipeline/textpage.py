"""Find the article in a page saved as text: every visible line kept, menu, masthead and footer included.

jusText's shape on lines instead of HTML paragraphs: each line gets a class from its own features (length,
terminal punctuation, share of the language's stopwords, repetition within the page), short and near-good
lines are decided by their neighbours (jusText's context smoothing), and the article is the one region where
good lines outweigh the rest (the maximum-sum span: navigation above, the tail below). Inside the span every
line is kept except a line the page repeats; the boilerplate rules of config/ run inside it afterwards. The
headline is the line just above the byline or dateline, or above the span, or the span's own first line; never a
menu entry, nor a caption between the byline and the body.

Thresholds are data (config/textpage.toml); stopword lists are jusText's own (a dependency of trafilatura).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from pipeline.boilerplate import matched_rule
from pipeline.bylines import find_authors, parse_date
from pipeline.rules import Rule
from pipeline.settings import CONFIG_DIR, ConfigError, read_toml
from pipeline.textstats import unspaced_share, word_count

_TOKEN_KEY = re.compile(r"[\W_]+")
_TERMINAL = tuple('.!?…"”»:;)') + ("。", "！", "？", "」", "』")
SENTENCE_END = (".", "!", "?", "…", "»", "”", '"', "。", "！", "？", "」")
GOOD, NEARGOOD, SHORT, BAD = "good", "neargood", "short", "bad"


@dataclass(frozen=True)
class TextPageConfig:
    length_low: int = 70
    length_high: int = 200
    stopwords_low: float = 0.30
    stopwords_high: float = 0.32
    unspaced_good_chars: int = 60
    unspaced_near_chars: int = 30
    max_repeat_words: int = 30
    bad_line_cost: float = 3.0
    bad_word_cost: float = 1.0
    first_region_share: float = 0.5
    bridge_lines: int = 5
    bridge_min_words: int = 15
    bridge_max_gap_words: int = 12
    headline_min_words: int = 4
    headline_max_words: int = 30
    headline_search_lines: int = 12
    headline_distance_cost: float = 0.05
    headline_inside_lines: int = 10
    headline_anchor_reach: int = 3
    headline_anchor_bonus: float = 1.0
    opening_lines: int = 8
    comments_after: int = 2
    stoplists: dict[str, str] = field(default_factory=dict)


@lru_cache(maxsize=8)
def load_textpage_config(config_dir: str | None = None) -> TextPageConfig:
    path = Path(config_dir or CONFIG_DIR) / "textpage.toml"
    if not path.exists():
        return TextPageConfig()
    data = read_toml(path)
    values: dict = {}
    for section in ("classes", "span", "headline"):
        values.update(data.get(section, {}))
    known = set(TextPageConfig.__dataclass_fields__) - {"stoplists"}
    unknown = set(values) - known
    if unknown:
        raise ConfigError(f"{path}: unknown setting(s): {', '.join(sorted(unknown))}")
    return TextPageConfig(**values, stoplists=dict(data.get("stoplists", {})))


@lru_cache(maxsize=64)
def stoplist(language: str | None, config_dir: str | None = None) -> frozenset[str]:
    """jusText's stopword list for an ISO code, or an empty set (then only length and punctuation count)."""
    name = load_textpage_config(config_dir).stoplists.get(language or "")
    if not name:
        return frozenset()
    import justext

    return frozenset(justext.get_stoplist(name))


def _stop_density(line: str, stops: frozenset[str]) -> float:
    """jusText's measure: whitespace-separated words, lower-cased, found in the stopword list."""
    tokens = line.lower().split()
    return sum(t in stops for t in tokens) / len(tokens) if tokens else 0.0


def _other_language_density(line: str, page_language: str | None, config_dir: str | None) -> float:
    """Stopword density in the line's own language: a quote in English inside a French article is prose."""
    from pipeline.language import detect_language

    language, _ = detect_language(line, min_chars=40)
    if language in ("und", page_language):
        return 0.0
    return _stop_density(line, stoplist(language, config_dir))


def line_classes(lines: list[str], stops: frozenset[str], cfg: TextPageConfig, repeated: frozenset[int],
                 language: str | None = None, config_dir: str | None = None) -> list[str]:
    """Context-free classes (jusText's, on lines): good, neargood, short or bad; `repeated`: the lines the page
    repeats (repeated_lines)."""
    out = []
    for i, line in enumerate(lines):
        n = len(line)
        if i in repeated:
            cls = BAD  # the page repeats it: a menu, a share bar, a gallery label
        elif "©" in line:
            cls = BAD
        elif unspaced_share(line) > 0.3:
            cls = GOOD if n >= cfg.unspaced_good_chars and line.endswith(_TERMINAL) else \
                NEARGOOD if n >= cfg.unspaced_near_chars else SHORT
        elif n < cfg.length_low:
            cls = SHORT
        elif not stops:
            cls = GOOD if n > cfg.length_high else NEARGOOD
        else:
            density = _stop_density(line, stops)
            if density < cfg.stopwords_low and line.endswith(_TERMINAL) and len(line.split()) >= 12:
                density = max(density, _other_language_density(line, language, config_dir))
            if density >= cfg.stopwords_high:
                cls = GOOD if n > cfg.length_high else NEARGOOD
            elif density >= cfg.stopwords_low:
                cls = NEARGOOD
            else:
                cls = BAD
        out.append(cls)
    if GOOD not in out:  # a short article has no long line: its near-good lines are its body
        out = [GOOD if c == NEARGOOD else c for c in out]
    return out


def _neighbour(classes: list[str], i: int, step: int, ignore_neargood: bool) -> str:
    i += step
    while 0 <= i < len(classes):
        c = classes[i]
        if c in (GOOD, BAD) or (c == NEARGOOD and not ignore_neargood):
            return c
        i += step
    return BAD


def smooth(classes: list[str]) -> list[str]:
    """jusText's context-sensitive pass: short lines, then near-good ones, take their neighbours' class."""
    out = list(classes)
    decided = {}
    for i, c in enumerate(out):
        if c != SHORT:
            continue
        prev, nxt = _neighbour(out, i, -1, True), _neighbour(out, i, 1, True)
        if prev == nxt:
            decided[i] = prev
        elif (prev == BAD and _neighbour(out, i, -1, False) == NEARGOOD) or \
                (nxt == BAD and _neighbour(out, i, 1, False) == NEARGOOD):
            decided[i] = GOOD
        else:
            decided[i] = BAD
    for i, c in decided.items():
        out[i] = c
    near = list(out)
    for i, c in enumerate(near):
        if c == NEARGOOD:
            around = (_neighbour(near, i, -1, True), _neighbour(near, i, 1, True))
            # beyond jusText: a run of near-good lines is body text even between two bad lines (an article's
            # last paragraphs after a "read also" link)
            in_run = NEARGOOD in (_neighbour(near, i, -1, False), _neighbour(near, i, 1, False))
            out[i] = BAD if around == (BAD, BAD) and not in_run else GOOD
    return out


def _regions(values: list[float]) -> list[tuple[int, int, float]]:
    """Maximal runs where the running sum stays positive: (start, end, best sum), each cut at its best end."""
    out: list[tuple[int, int, float]] = []
    total, start, best, best_end = 0.0, 0, 0.0, 0
    for i, v in enumerate(values):
        if total <= 0:
            if best > 0:
                out.append((start, best_end, best))
            total, start, best, best_end = 0.0, i, 0.0, i
        total += v
        if total > best:
            best, best_end = total, i + 1
    if best > 0:
        out.append((start, best_end, best))
    return out


def main_span(lines: list[str], classes: list[str], cfg: TextPageConfig) -> tuple[int, int]:
    """[start, end) of the article: the first region where good lines outweigh the rest by at least
    first_region_share of the strongest region's weight (an article comes before its comments and related
    stories, which can be longer). A good line is worth its words; any other line costs bad_line_cost plus
    bad_word_cost a word, so a run of menu entries or teasers separates the article from what surrounds it.
    Regions separated by a gap that costs less than either of them are one region (an ad inside the body).
    """
    values = [word_count(line) if cls == GOOD else -(cfg.bad_line_cost + cfg.bad_word_cost * word_count(line))
              for line, cls in zip(lines, classes, strict=True)]
    regions = _regions(values)
    merged: list[tuple[int, int, float]] = []
    for start, end, score in regions:
        if merged:
            p_start, p_end, p_score = merged[-1]
            gap = -sum(values[p_end:start])
            if gap < min(p_score, score):
                merged[-1] = (p_start, end, p_score + score - gap)
                continue
        merged.append((start, end, score))
    if not merged:
        return 0, 0
    strongest = max(score for _, _, score in merged)
    start, end, _ = next(r for r in merged if r[2] >= cfg.first_region_share * strongest)
    return start, end


@dataclass
class TextPage:
    """A page of lines split into what lies before the article, the article, and what follows."""

    start: int
    end: int
    classes: list[str]
    repeated: frozenset[int]  # lines the page repeats, and short lines bridged over: chrome inside the span


def repeated_lines(lines: list[str], max_words: int) -> frozenset[int]:
    counts = Counter(lines)
    return frozenset(i for i, line in enumerate(lines) if counts[line] > 1 and word_count(line) <= max_words)


def find_article(lines: list[str], language: str | None, config_dir: str | None = None) -> TextPage:
    cfg = load_textpage_config(config_dir)
    repeated = repeated_lines(lines, cfg.max_repeat_words)
    classes = smooth(line_classes(lines, stoplist(language, config_dir), cfg, repeated, language, config_dir))
    classes = [BAD if i in repeated else c for i, c in enumerate(classes)]  # never worth words in the span
    start, end = main_span(lines, classes, cfg)
    if end <= start:  # nothing good at all: keep every line rather than lose the page
        start, end = 0, len(lines)
    # an opening paragraph cut off by a photo, a video or a share bar (a few short lines) belongs to the article
    bridged: set[int] = set()
    while True:
        before = [j for j in range(max(0, start - cfg.bridge_lines - 1), start)
                  if word_count(lines[j]) >= cfg.bridge_min_words and j not in repeated
                  and (classes[j] == GOOD or lines[j].endswith(_TERMINAL))]
        if not before or any(word_count(lines[k]) > cfg.bridge_max_gap_words for k in range(before[-1] + 1, start)):
            break
        bridged.update(k for k in range(before[-1] + 1, start) if classes[k] != GOOD)
        start = before[-1]
    # a short closing sentence of the article ("He was 84.") is no chrome: sentences right after the span stay
    while end < len(lines) and end not in repeated and _closing_sentence(lines[end], cfg):
        end += 1
    return TextPage(start, end, classes, repeated | frozenset(bridged))


def start_under_headline(lines: list[str], page: TextPage, title_at: int | None, rules: tuple[Rule, ...],
                         cfg: TextPageConfig) -> TextPage:
    """The article starts under its headline's byline: a paragraph a few lines under the byline or dateline that
    follows the headline, cut off from the span by a video box, a newsletter box or a teaser list, opens the article;
    the lines in between that are not body lines are left out as chrome. (Above the byline, it would be a
    standfirst.)"""
    if title_at is None or title_at >= page.start:
        return page
    anchor = next((j for j in range(title_at + 1, min(page.start, title_at + 1 + cfg.headline_anchor_reach + 1))
                   if _anchor(lines[j], rules)), None)
    if anchor is None:
        return page

    def prose(j: int) -> bool:
        return page.classes[j] == GOOD or word_count(lines[j]) >= cfg.bridge_min_words and lines[j].endswith(_TERMINAL)

    first = next((j for j in range(anchor + 1, min(page.start, anchor + 1 + cfg.opening_lines))
                  if j not in page.repeated and word_count(lines[j]) >= cfg.bridge_min_words and prose(j)), None)
    if first is None:
        return page
    chrome = {k for k in range(first, page.start) if not prose(k)}
    return TextPage(first, page.end, page.classes, page.repeated | chrome)


def _closing_sentence(line: str, cfg: TextPageConfig) -> bool:
    words = word_count(line)
    return words >= 3 and len(line) <= cfg.length_high and line.endswith((".", "!", "?", "…", "。", "！", "？")) \
        and "©" not in line


def _headline_like(line: str, rules: tuple[Rule, ...], cfg: TextPageConfig) -> bool:
    """A line that can be a headline: a few words, not a sentence of the body, no byline, date or chrome."""
    words = word_count(line)
    unspaced = unspaced_share(line) > 0.3
    if (words < (6 if unspaced else cfg.headline_min_words)) or words > cfg.headline_max_words * (3 if unspaced else 1):
        return False
    if _MENU_MARK.match(line):
        return False  # "+ Section", "» More", "o Item": a menu entry
    if line.endswith((".", "。", ",", ":", ";")) and not line.endswith("..."):
        return False
    return not (parse_date(line) or _BYLINE_START.match(line) or find_authors([line]) or matched_rule(rules, line))


_BYLINE_START = re.compile(r"^\W*(?:by|par|von|por|di|door|av|written by|posted by|texto de|reportagem de)\s",
                           re.I)


def _capitalised(line: str) -> float:
    """Share of the words of 4+ letters written with a capital: high for a Title Case headline, low for a
    sentence (a standfirst under it)."""
    words = [w for w in line.split() if len(w) >= 4 and w[0].isalpha()]
    return sum(w[0].isupper() for w in words) / len(words) if words else 0.0


# a line about a person, not a headline: an author's role or handle under the headline
_PERSON = re.compile(r"@\w|\b(?:editor|writer|reporter|correspondent|contributor|columnist|staff|photographer)\b",
                     re.I)


_MENU_MARK = re.compile(r"^(?:[+»›>•·*|]|o\s)")
_CONTENT_WORD = re.compile(r"[^\W\d_]{4,}")
# a photo credit or caption: opens with the credit's word ("Photo: ...", "Image credit ..."), names a photo agency,
# or is a line in brackets; a headline may say "photo" or "picture" in passing
_CREDIT = re.compile(r"^\W*(?:photo|image|picture|credit)s?\b|\b(?:photo|image|picture)s?\s*(?:credit|by\b|:)"
                     r"|\b(?:getty|reuters|afp|shutterstock|istock)\b|^\(.*\)$", re.I)


def content_words(text: str) -> set[str]:
    return {w.casefold() for w in _CONTENT_WORD.findall(text)}


def _headline_score(lines: list[str], i: int, counts: Counter, body_words: set[str]) -> float:
    """How much line i looks like the headline: its words are the article's words, Title Case (where the
    script has case), a headline's length, a standfirst under it, echoed once elsewhere on the page."""
    line = lines[i]
    caps = _capitalised(line)
    words = word_count(line)
    own = content_words(line)
    score = caps + (2.0 * len(own & body_words) / len(own) if own else 0.0)
    if 5 <= words <= 20 or unspaced_share(line) > 0.3:
        score += 0.5
    if i + 1 < len(lines):  # a standfirst under it: a longer line, or a sentence under a Title Case line
        below = word_count(lines[i + 1])
        if below >= 10 and (_capitalised(lines[i + 1]) + 0.2 < caps or below > words):
            score += 0.5
    if counts[line] == 2:
        score += 0.5
    return score


def _anchor(line: str, rules: tuple[Rule, ...]) -> bool:
    """A byline, a dateline or a reading time: the headline sits just above these."""
    words = len(line.split())
    if words > 25:
        return False
    if (_BYLINE_START.match(line) and words <= 15) or find_authors([line]) or (parse_date(line) and words <= 12):
        return True
    rule = matched_rule(rules, line)
    return rule is not None and rule.category in ("byline", "dateline", "reading_time", "updated")


def slug_words(url: str | None) -> set[str]:
    """The words of a URL's last path segment ('/2025/03/harbour-fees-approved.html'), for finding the headline."""
    if not url:
        return set()
    segment = url.split("?")[0].split("#")[0].rstrip("/").rsplit("/", 1)[-1]
    segment = re.sub(r"\.[a-z]{2,5}$", "", segment.lower())
    return {w for w in re.split(r"[-_+.]+", segment) if len(w) >= 3 and not w.isdigit()}


def find_headline(lines: list[str], page: TextPage, rules: tuple[Rule, ...], known: str | None = None,
                  config_dir: str | None = None, url: str | None = None) -> int | None:
    """Index of the headline line: the known title's line (a JSONL title), else the line the URL's slug spells,
    else the best-scored headline-like line around the article's start (headline_scores); else the first line."""
    if not lines:
        return None
    if known:
        key = _key(known)
        same = [i for i, line in enumerate(lines) if _key(line) == key]
        return same[0] if same else None
    slug = slug_words(url)
    if len(slug) >= 3:
        overlap = [(len(slug & content_words(line.replace("-", " "))), -i) for i, line in enumerate(lines)
                   if word_count(line) <= 40]
        best, neg_i = max(overlap, default=(0, 0))
        if best >= max(3, 0.6 * len(slug)):
            return -neg_i
    cfg = load_textpage_config(config_dir)
    scores = headline_scores(lines, page, rules, cfg)
    if scores:
        return max(scores, key=lambda i: (scores[i], i))
    if page.start <= 1 and _headline_like(lines[0], rules, cfg) or page.start == 0:
        return 0  # plain text: the first line is the title
    return None


def headline_scores(lines: list[str], page: TextPage, rules: tuple[Rule, ...], cfg: TextPageConfig) -> dict[int, float]:
    """Score of each headline candidate around the article's start. A headline stands just above the byline or
    dateline (a standfirst may come between them); a line between the last byline and the body is a caption or a
    standfirst; a long headline may open the article's span itself."""
    lo = max(0, page.start - cfg.headline_search_lines)
    hi = min(len(lines), page.start + cfg.headline_inside_lines)
    anchors = [i for i in range(lo, min(len(lines), page.start + 4)) if _anchor(lines[i], rules)]
    counts = Counter(lines)
    body = [i for i in range(page.start, min(len(lines), page.start + 30)) if page.classes[i] == GOOD]
    scores: dict[int, float] = {}
    for i in range(lo, hi):
        line = lines[i]
        # a line shown twice may be the headline (a sticky bar, a share box repeat it); more often, it is chrome
        if counts[line] > 2 or (i in page.repeated and counts[line] != 2) or not _headline_like(line, rules, cfg) \
                or _PERSON.search(line) or _CREDIT.search(line) or _list_entry(lines, i):
            continue
        if i >= page.start and (any(page.classes[k] == GOOD and word_count(lines[k]) > cfg.headline_max_words
                                    and lines[k].endswith(_TERMINAL) for k in range(page.start, i))
                                or not any(j > i and word_count(lines[j]) > cfg.headline_max_words for j in body)):
            continue  # inside the span: only before its first paragraph (a sentence), with paragraphs after it
        body_words = content_words(" ".join(lines[j] for j in body if j != i))
        score = _headline_score(lines, i, counts, body_words)
        below = next((a for a in anchors if a > i), None)
        if below is not None and below - i <= cfg.headline_anchor_reach:
            score += cfg.headline_anchor_bonus
            distance = below - i - 1
        else:
            distance = abs(page.start - 1 - i)
            if anchors and i > anchors[-1]:
                score -= cfg.headline_anchor_bonus  # under the byline: a caption or a standfirst
        scores[i] = score - cfg.headline_distance_cost * distance
    return scores


def _list_entry(lines: list[str], i: int) -> bool:
    """The line opens with the same two words as a different line next to it: an entry of a share bar or a menu
    ('Share on Facebook', 'Share on Twitter')."""
    key = _key(lines[i])
    head = key.split()[:2]
    for j in range(max(0, i - 2), min(len(lines), i + 3)):
        other = _key(lines[j])
        # a copy, or the headline cut short ('Headline of the d...'), is no other entry
        if len(head) == 2 and other.split()[:2] == head and not (other.startswith(key) or key.startswith(other)):
            return True
    return False


def _key(text: str) -> str:
    return _TOKEN_KEY.sub(" ", text.casefold()).strip()
