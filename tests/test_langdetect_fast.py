"""pipeline/langdetect_fast.py must give langdetect's own answers, bit for bit, only faster."""

from __future__ import annotations

import random

import pytest
from langdetect.lang_detect_exception import LangDetectException

from pipeline.langdetect_fast import FastDetector
from pipeline.language import _factory
from tests.lang_bench.corpus_loader import CORPUS

EDGE_CASES = [
    "",
    "   ",
    "1234 5678 !!! ???",
    "https://example.org/a/b?c=d and mail me at someone@example.org please",
    "ALL CAPITALS HEADLINE ABOUT THE HARBOUR COUNCIL VOTE",
    "Mixed CASE words LIKE NATO and UNESCO in a normal sentence about budgets.",
    "Tiếng Việt có dấu: Hà Nội mùa thu, phố cổ và những con đường rợp bóng cây.",
    "Ti\u0301ê\u0301ng Vi\u0323ệt với dấu kết hợp viết rời từng ký tự.",
    "東京都の新しい図書館は来月開館する予定です。市民の期待が高まっています。",
    "서울시는 내년부터 새로운 버스 노선을 운영한다고 밝혔다.",
    "المجلس البلدي يناقش ميزانية العام المقبل في جلسة علنية مساء الخميس.",
    "Совет города обсудил новый бюджет на следующий год и план ремонта дорог.",
    "Το δημοτικό συμβούλιο συζήτησε τον νέο προϋπολογισμό της πόλης.",
    "English words mixed with 日本語の文章 and some русский текст in one line.",
    "Şehir meclisi yeni bütçeyi ve ulaşım planını tartıştı; oylama yarın yapılacak.",
    "Romanian: Consiliul local a discutat bugetul şi ţinta de investiţii pentru școli și țărani.",
    "double  spaces   and\ttabs\nand new lines   everywhere  in   this text",
    "x" * 20000,
    # Latin Extended Additional letters tip langdetect's latin/non-latin count (it counts them as non-latin)
    "ệệệ a",
    "ệệ ab",
    "Ở ngoài trời mưa to, và Nguyễn đã về nhà sớm hơn mọi ngày để nấu cơm.",
    "東京 ệệ abc",
]


def _texts() -> list[str]:
    rng = random.Random(7)
    out = list(EDGE_CASES)
    for path in sorted(CORPUS.glob("*.txt")):
        lines = [x for x in path.read_text(encoding="utf-8").splitlines() if x.strip() and not x.startswith("#")]
        out += rng.sample(lines, min(12, len(lines)))
        out.append(" ".join(lines[:40]))  # an article-length text
    return out


def _answer(detector) -> list[tuple[str, float]] | str:
    try:
        return [(p.lang, p.prob) for p in detector.get_probabilities()]
    except LangDetectException as exc:
        return f"error: {exc}"


@pytest.mark.parametrize("seed", [0, 42])
def test_same_probabilities_as_langdetect(seed: int) -> None:
    factory = _factory(seed)
    texts = _texts()
    assert len(texts) > 300
    differ = []
    for text in texts:
        ref, fast = factory.create(), FastDetector(factory)
        ref.append(text)
        fast.append(text)
        if _answer(ref) != _answer(fast):
            differ.append(text[:80])
    assert not differ, f"{len(differ)} texts answered differently, e.g. {differ[:3]}"


def test_text_limit_and_appends_as_langdetect() -> None:
    factory = _factory(0)
    ref, fast = factory.create(), FastDetector(factory)
    for d in (ref, fast):
        d.set_max_text_length(300)
        d.append("Le conseil municipal a voté le budget.   " * 20)
        d.append("  The council voted on the budget.  ")
    assert ref.text == fast.text
    assert _answer(ref) == _answer(fast)


def test_same_ngrams_as_langdetect_word_by_word() -> None:
    """The n-grams are computed per word and kept: the same list, in the same order, as langdetect's
    per-character loop, for fresh and for already seen words (capitals, punctuation, scripts, trailing spaces)."""
    factory = _factory(0)
    rng = random.Random(3)
    alphabet = "aAbBzZ éÉßçÇ.,'-  \n\t" + "ДдЖжΩω東京ệỆ" + "\u0300\u2019"
    texts = _texts() + ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 60))) for _ in range(400)]
    texts += ["NATO and UNESCO ", " trailing space ", "ABC", "AbC dEF GHi", "x"]
    for _ in range(2):  # the second pass reads every word from the cache
        for text in texts:
            ref, fast = factory.create(), FastDetector(factory)
            ref.append(text)
            fast.append(text)
            ref.cleaning_text()
            fast.cleaning_text()
            assert ref.text == fast.text
            assert ref._extract_ngrams() == fast._extract_ngrams(), text[:80]


def test_word_ngrams_by_position_same_as_the_loop() -> None:
    from pipeline.langdetect_fast import _ngrams_of, _word_ngrams

    known = _factory(0).word_lang_prob_map
    rng = random.Random(5)
    words = ["NATO", "AbC", "aBCd", "x", "ÉTÉ", "été", "ДжО", "ệỆ", "東京", "A", "AB", "aB"]
    words += ["".join(rng.choice("aAbBéÉДдΩω東ệỆ") for _ in range(rng.randint(1, 12))) for _ in range(2000)]
    for word in words:
        assert _word_ngrams(word, known) == _ngrams_of(word + " ", known), word
