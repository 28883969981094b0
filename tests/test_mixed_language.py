"""Per-paragraph language and the mixed-language flag, through the real cleaning stages."""

from pipeline.models import RawRecord
from pipeline.process import process_record

FR = ("Le conseil municipal a adopté mardi soir le budget de la ville pour l'année prochaine, après un débat "
      "animé sur le financement des transports publics et la rénovation des écoles du quartier nord.")
EN = ("The visiting delegation from the twin city explained in a long statement that their own council had "
      "approved a similar plan last year, and that the results for public transport had been very encouraging.")


def _doc(body: str, settings, rules):
    raw = RawRecord("/x/a.txt", 0, "txt", "s", 1, content=f"Un titre\n\n{body}")
    return process_record(raw, settings, rules)


def test_article_with_a_long_english_paragraph_is_mixed(settings, rules):
    d = _doc(f"{FR}\n\n{EN}\n\n{FR}", settings, rules)
    assert d.language == "fr"
    assert [p.language for p in d.paragraphs] == ["fr", "en", "fr"]
    assert d.mixed_language is True
    assert 0.25 < d.other_language_share < 0.45


def test_short_english_quote_inherits_and_is_not_mixed(settings, rules):
    d = _doc(f"{FR}\n\n« We are very happy », a dit le maire.\n\n{FR}", settings, rules)
    assert [p.language for p in d.paragraphs] == ["fr", "fr", "fr"]
    assert d.mixed_language is False and d.other_language_share == 0.0
