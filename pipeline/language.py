"""Language identification with langdetect, made deterministic and honest about short text."""

from __future__ import annotations

from functools import lru_cache

from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory
from langdetect.lang_detect_exception import LangDetectException

UNDETERMINED = "und"


@lru_cache(maxsize=1)
def _factory(seed: int) -> DetectorFactory:
    # a private factory: the global one in langdetect is lazily built and unseeded
    factory = DetectorFactory()
    factory.load_profile(PROFILES_DIRECTORY)
    factory.set_seed(seed)
    return factory


def _normalize_code(code: str) -> str:
    return {"zh-cn": "zh", "zh-tw": "zh"}.get(code, code)


def detect_language(
    text: str, *, seed: int = 0, min_chars: int = 60, min_prob: float = 0.8, max_chars: int = 4000,
    hint: str | None = None,
) -> tuple[str, float | None]:
    """(ISO 639-1 code, probability). 'und' when the text is too short or the answer too unsure.

    A hint (page lang attribute, record field) only decides when detection itself cannot: it never
    overrides a confident answer.
    """
    sample = text[:max_chars]
    letters = sum(1 for c in sample if c.isalpha())
    hint = hint.lower()[:2] if hint else None
    if letters < min_chars:
        return (hint, None) if hint else (UNDETERMINED, None)
    detector = _factory(seed).create()
    detector.append(sample)
    try:
        probs = detector.get_probabilities()
    except LangDetectException:
        return (hint, None) if hint else (UNDETERMINED, None)
    if not probs:
        return (hint, None) if hint else (UNDETERMINED, None)
    best = probs[0]
    code = _normalize_code(best.lang)
    if best.prob >= min_prob:
        return code, round(best.prob, 4)
    if hint:
        for p in probs:
            if _normalize_code(p.lang) == hint:
                return hint, round(p.prob, 4)
    return UNDETERMINED, round(best.prob, 4)
