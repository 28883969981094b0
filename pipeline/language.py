"""Language identification that is deterministic and honest about text it cannot judge.

langdetect (a private, seeded factory: same input, same answer) decides first. When it is unsure, lingua
(optional: used only when `lingua-language-detector` is installed) gives a second opinion; it is far better on
short text. What neither can answer confidently is `und`, unless a hint (`<html lang>`, a JSONL `language`
field) can break the tie: a hint never overrides a confident detection. Measurements behind every threshold
are in `tests/lang_bench/README.md`.
"""

from __future__ import annotations

import os
from functools import lru_cache
from typing import Any

from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory
from langdetect.lang_detect_exception import LangDetectException

from pipeline.langdetect_fast import FastDetector
from pipeline.textpage import stoplist

UNDETERMINED = "und"

# Groups of close relatives that langdetect confuses on short text (a Danish sentence read as Norwegian with
# probability 1.0, Dutch as Afrikaans, Portuguese as Spanish, Ukrainian as Russian). Below SHORT_LETTERS
# letters langdetect's answer inside such a group is not trusted on its own.
CLOSE_RELATIVES: tuple[frozenset[str], ...] = (
    frozenset({"da", "no", "sv"}), frozenset({"nl", "af"}), frozenset({"es", "pt", "ca", "gl", "it"}),
    frozenset({"ru", "uk", "bg", "mk", "be"}), frozenset({"cs", "sk"}), frozenset({"hr", "sl", "sr", "bs"}),
    frozenset({"id", "ms", "tl"}), frozenset({"fa", "ur"}), frozenset({"hi", "mr", "ne"}),
)
_RELATIVES: dict[str, frozenset[str]] = {code: group for group in CLOSE_RELATIVES for code in group}
# below this many letters a text is "short": about 20-25 words of European text
SHORT_LETTERS = 150
# the second opinion answers from this many letters (langdetect from `min_chars`, 60 by default) ...
SECOND_OPINION_MIN_LETTERS = 25
# ... and only at or above this confidence
SECOND_OPINION_MIN_CONFIDENCE = 0.8
# from this many letters a hint must be plausible to be used (below, there is nothing to judge it by)
HINT_CHECK_MIN_LETTERS = 25
# a hint is plausible when a detector gives it at least this much weight (or it is a close relative of the top)
_HINT_PLAUSIBLE = 0.1
# hint codes that name a language under another code, or no language at all
_HINT_ALIASES = {"nb": "no", "nn": "no", "iw": "he", "in": "id", "ji": "yi", "jw": "jv", "fil": "tl"}
_NOT_A_LANGUAGE = {"und", "mul", "zxx", "mis", "x"}
# set ARTICLES_LANG_SECOND_OPINION=0 to never load lingua (it costs ~0.7-0.9 GB of RAM per process once used)
_SECOND_OPINION_ENV = "ARTICLES_LANG_SECOND_OPINION"


@lru_cache(maxsize=4)
def _factory(seed: int) -> DetectorFactory:
    # a private factory: the global one in langdetect is lazily built and unseeded
    factory = DetectorFactory()
    factory.load_profile(PROFILES_DIRECTORY)
    factory.set_seed(seed)
    return factory


def _normalize_code(code: str) -> str:
    return {"zh-cn": "zh", "zh-tw": "zh", "nb": "no", "nn": "no"}.get(code, code)


@lru_cache(maxsize=1)
def _lingua() -> Any | None:
    """lingua's detector over the languages langdetect also knows (so both speak the same codes), or None.

    Built lazily and once per process; its models load on first use, per script.
    """
    if os.environ.get(_SECOND_OPINION_ENV, "1").strip().lower() in ("0", "false", "no", "off"):
        return None
    try:
        from lingua import Language, LanguageDetectorBuilder
    except ImportError:
        return None
    known = {_normalize_code(code) for code in _factory(0).get_lang_list()}
    languages = [lang for lang in Language.all() if _normalize_code(lang.iso_code_639_1.name.lower()) in known]
    return LanguageDetectorBuilder.from_languages(*languages).build()


def second_opinion_available() -> bool:
    """True when lingua is installed (and not switched off), so unsure answers get a second opinion."""
    return _lingua() is not None


def normalize_hint(hint: str | None) -> str | None:
    """'fr-FR' -> 'fr', 'nb_NO' -> 'no', 'und'/'x-default'/garbage -> None."""
    if not hint:
        return None
    primary = hint.strip().lower().replace("_", "-").split("-")[0]
    primary = _HINT_ALIASES.get(primary, primary)
    if not (2 <= len(primary) <= 3 and primary.isascii() and primary.isalpha()) or primary in _NOT_A_LANGUAGE:
        return None
    return primary


def _prefix(text: str, max_chars: int) -> str:
    if len(text) <= max_chars:
        return text
    cut = text.rfind(" ", max_chars // 2, max_chars)  # do not end on half a word
    return text[: cut if cut > 0 else max_chars]


def _langdetect(sample: str, seed: int) -> list[tuple[str, float]]:
    detector = FastDetector(_factory(seed))  # langdetect's answers, computed faster
    detector.append(sample)
    try:
        probs = detector.get_probabilities()
    except LangDetectException:
        return []
    merged: dict[str, float] = {}
    for p in probs:
        code = _normalize_code(p.lang)
        merged[code] = merged.get(code, 0.0) + p.prob
    return sorted(merged.items(), key=lambda kv: -kv[1])


def _lingua_scores(sample: str) -> list[tuple[str, float]]:
    detector = _lingua()
    if detector is None:
        return []
    merged: dict[str, float] = {}
    for cv in detector.compute_language_confidence_values(sample):
        if cv.value > 0:
            code = _normalize_code(cv.language.iso_code_639_1.name.lower())  # bokmål + nynorsk = "no"
            merged[code] = merged.get(code, 0.0) + cv.value
    return sorted(merged.items(), key=lambda kv: -kv[1])


def _plausible(hint: str, *rankings: list[tuple[str, float]]) -> bool:
    for ranking in rankings:
        if not ranking:
            continue
        if hint in _RELATIVES.get(ranking[0][0], frozenset({ranking[0][0]})):
            return True
        if any(code == hint and p >= _HINT_PLAUSIBLE for code, p in ranking):
            return True
    return False


def detect_language(
    text: str, *, seed: int = 0, min_chars: int = 60, min_prob: float = 0.8, max_chars: int = 4000,
    hint: str | None = None, second_opinion: bool | None = None,
) -> tuple[str, float | None]:
    """(ISO 639-1 code, probability). 'und' when the text is too short or the answer too unsure.

    `min_chars` letters are needed for langdetect to answer, `min_prob` for its answer to count; on short text
    an answer inside a group of close relatives (da/no/sv, es/pt/ca, ru/uk/bg...) does not count either. Then
    lingua, if installed and `second_opinion` is not False, may answer with its own confidence. A hint (page
    lang attribute, record field) decides only when detection cannot: for text too short to judge (under 25
    letters), or when the detectors are unsure and the hint is plausible (they give it some weight, or it is a
    close relative of their best guess). It never overrides a confident answer.
    """
    sample = _prefix(text, max_chars)
    letters = sum(map(str.isalpha, sample))
    hint = normalize_hint(hint)
    use_second = second_opinion is not False and _lingua() is not None

    # below min_chars langdetect still runs when there is a hint to judge (from HINT_CHECK_MIN_LETTERS letters)
    judge_hint = hint is not None and letters >= HINT_CHECK_MIN_LETTERS
    ranked = _langdetect(sample, seed) if letters >= min_chars or judge_hint else []
    detected = letters >= min_chars and bool(ranked)
    if detected:
        code, prob = ranked[0]
        shaky = letters < SHORT_LETTERS and len(_RELATIVES.get(code, ())) > 1
        if prob >= min_prob and not shaky:
            return code, round(prob, 4)

    opinion = _lingua_scores(sample) if use_second and letters >= SECOND_OPINION_MIN_LETTERS else []
    if opinion and opinion[0][1] >= SECOND_OPINION_MIN_CONFIDENCE:
        return opinion[0][0], round(opinion[0][1], 4)

    if hint and ((not ranked and not opinion) or _plausible(hint, ranked, opinion)):
        weight = dict(ranked).get(hint) or dict(opinion).get(hint)
        return hint, round(weight, 4) if weight else None
    best = ranked[0][1] if detected else (opinion[0][1] if opinion else None)
    return UNDETERMINED, round(best, 4) if best is not None else None


# a paragraph whose words are this share of the article language's stopwords, and clearly more of them than of a
# close relative's, is in the article's language: langdetect is not asked again (it costs ~1 ms a paragraph)
PROFILE_MIN_DENSITY = 0.30
PROFILE_MARGIN = 1.5
# besides close relatives, the languages a quote inside an article is most often in
_PROFILE_RIVALS = frozenset({"en", "fr", "de", "es", "it", "pt", "nl"})


def written_in(text: str, language: str) -> bool:
    """Cheap check that a paragraph is in the article's language, by its stopwords (jusText's lists): only a
    paragraph that departs from the article's profile gets its own detection."""
    stops = stoplist(language)
    words = text.lower().split()
    if not stops or len(words) < 12:
        return False
    own = sum(map(stops.__contains__, words)) / len(words)
    if own < PROFILE_MIN_DENSITY:
        return False
    for relative in (_RELATIVES.get(language, frozenset()) | _PROFILE_RIVALS) - {language}:
        other = stoplist(relative)
        if other and sum(map(other.__contains__, words)) / len(words) * PROFILE_MARGIN > own:
            return False
    return True


def paragraph_languages(
    paragraphs: list[str], article_lang: str, *, min_chars: int = 120, seed: int = 0, min_letters: int = 60,
    min_prob: float = 0.8, max_chars: int = 4000, second_opinion: bool | None = None,
) -> tuple[list[str], bool, float]:
    """(language of each paragraph, mixed?, share of other-language text by characters).

    Paragraphs of `min_chars`+ characters get their own detection, with the article's language as the hint
    (it breaks ties between close relatives, never overrides a confident answer); shorter ones, and those
    whose detection is 'und', inherit the article's language, so a short quote never makes an article mixed.
    The article is mixed when some paragraph's language differs from the reference language: the article's,
    or when that is 'und', the language holding most characters. The share counts those paragraphs' characters
    over all paragraphs' characters.
    """
    hint = article_lang if article_lang != UNDETERMINED else None
    langs: list[str] = []
    for p in paragraphs:
        lang = article_lang
        if len(p.strip()) >= min_chars and not written_in(p, article_lang):
            detected, _ = detect_language(p, seed=seed, min_chars=min_letters, min_prob=min_prob,
                                          max_chars=max_chars, hint=hint, second_opinion=second_opinion)
            if detected != UNDETERMINED:
                lang = detected
        langs.append(lang)
    sizes = [len(p.strip()) for p in paragraphs]
    reference = article_lang
    if reference == UNDETERMINED:
        chars: dict[str, int] = {}
        for lang, size in zip(langs, sizes, strict=True):
            if lang != UNDETERMINED:
                chars[lang] = chars.get(lang, 0) + size
        reference = max(sorted(chars), key=lambda k: chars[k]) if chars else UNDETERMINED
    other = sum(size for lang, size in zip(langs, sizes, strict=True) if lang not in (reference, UNDETERMINED))
    total = sum(sizes)
    return langs, other > 0, round(other / total, 4) if total else 0.0
