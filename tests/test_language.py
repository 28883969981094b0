import json
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline import language
from pipeline.language import UNDETERMINED, detect_language, normalize_hint, paragraph_languages

TEXTS = {
    "fr": "Le conseil municipal a adopté mardi soir le budget de la ville pour l'année prochaine, après un débat "
          "animé sur le financement des transports publics et la rénovation des écoles.",
    "en": "The city council approved next year's budget on Tuesday evening after a heated debate about funding "
          "for public transport and the renovation of several primary schools.",
    "de": "Der Stadtrat hat am Dienstagabend den Haushalt für das kommende Jahr beschlossen, nach einer hitzigen "
          "Debatte über die Finanzierung des Nahverkehrs und die Sanierung mehrerer Grundschulen.",
    "es": "El ayuntamiento aprobó el martes por la noche el presupuesto del próximo año, tras un intenso debate "
          "sobre la financiación del transporte público y la renovación de varias escuelas.",
}
# both configurations must hold the policy: langdetect alone, and with lingua's second opinion when installed
CONFIGS = [False, pytest.param(True, marks=pytest.mark.skipif(
    not language.second_opinion_available(), reason="lingua-language-detector is not installed"))]

FR_PARAGRAPHS = [
    "La municipalité de Valbrune a présenté jeudi son plan pour rénover la vieille halle du marché, fermée "
    "depuis trois ans à cause d'une charpente fragilisée par l'humidité et par les tempêtes successives.",
    "Les travaux dureront dix-huit mois et coûteront environ quatre millions d'euros, financés en partie par "
    "la région et par un emprunt que le conseil municipal votera le mois prochain, non sans débat.",
    "Les commerçants, installés provisoirement sur le parking de la gare, attendent ce chantier avec "
    "impatience : beaucoup disent avoir perdu un tiers de leur clientèle depuis la fermeture de la halle.",
]
EN_PARAGRAPH = (
    "The architect in charge of the project, who restored a similar market hall in the north of England, told "
    "the council that the original iron frame could be saved and that the roof would be rebuilt with timber "
    "from local forests, keeping the look of the building while making it warm enough for winter markets."
)
EN_QUOTE = "« We will keep the old clock. »"


@pytest.mark.parametrize("lang", sorted(TEXTS))
def test_detects_each_language_confidently(lang):
    code, prob = detect_language(TEXTS[lang])
    assert code == lang
    assert prob is not None and prob >= 0.9


def test_same_input_same_answer():
    mixed = "Ceci est un texte court mais ambigu, with some English words mixed in for good measure, oui."
    answers = {detect_language(mixed) for _ in range(20)}
    assert len(answers) == 1


def test_same_answers_in_a_fresh_process():
    """The seeded private factory makes answers independent of the process (workers, reruns)."""
    samples = [TEXTS["fr"], "Ceci est un texte court mais ambigu, with some English words mixed in, oui.",
               "Kommunen har bevilget penge til en koordinator på deltid, i første omgang for et år."]
    here = [detect_language(s, second_opinion=False) for s in samples]
    code = ("import json, sys; from pipeline.language import detect_language; "
            "print(json.dumps([detect_language(s, second_opinion=False) for s in json.load(sys.stdin)]))")
    out = subprocess.run([sys.executable, "-c", code], input=json.dumps(samples), capture_output=True, text=True,
                         cwd=Path(__file__).resolve().parents[1], check=True)
    assert [tuple(x) for x in json.loads(out.stdout)] == here


def test_too_little_text_is_undetermined_not_a_guess():
    assert detect_language("Bonjour à tous") == ("und", None)
    assert detect_language("12 345 — 678") == ("und", None)


def test_hint_rescues_short_text_but_never_overrides_a_confident_answer():
    assert detect_language("Bonjour à tous", hint="fr-FR") == ("fr", None)
    assert detect_language(TEXTS["en"], hint="fr")[0] == "en"


@pytest.mark.parametrize("second", CONFIGS)
def test_short_text_between_close_relatives_is_und_not_a_confident_guess(second):
    # Norwegian that langdetect alone calls Danish with probability 1.0
    text = "Deretter leverte en underleverandør stålbjelkene flere måneder for sent."
    assert detect_language(text, second_opinion=second)[0] in ("no", UNDETERMINED)
    # equally good Danish and Norwegian: nobody can tell, so nobody guesses
    assert detect_language("Vi har mange gode venner her i byen.", second_opinion=second)[0] == UNDETERMINED


@pytest.mark.parametrize("second", CONFIGS)
def test_hint_breaks_a_tie_between_close_relatives(second):
    text = "Vi har mange gode venner her i byen."
    assert detect_language(text, hint="da", second_opinion=second)[0] == "da"
    assert detect_language(text, hint="nb-NO", second_opinion=second)[0] == "no"


@pytest.mark.parametrize("second", CONFIGS)
def test_hint_the_text_contradicts_is_not_used(second):
    text = "Le maire a inauguré la nouvelle école ce matin."  # short, but plainly French
    assert detect_language(text, hint="da", second_opinion=second)[0] in ("fr", UNDETERMINED)
    assert detect_language(text, hint="fr", second_opinion=second)[0] == "fr"


def test_hint_never_overrides_a_confident_detection_of_a_long_body():
    for lang, text in TEXTS.items():
        for hint in ("en", "fr", "de", "es", "ru"):
            assert detect_language(text, hint=hint)[0] == lang


def test_hint_normalization():
    assert normalize_hint("fr-FR") == "fr"
    assert normalize_hint(" EN_us ") == "en"
    assert normalize_hint("nb-NO") == "no"
    assert normalize_hint("nn") == "no"
    assert normalize_hint("iw") == "he"
    for junk in (None, "", "und", "x-default", "mul", "12", "français"):
        assert normalize_hint(junk) is None
    assert detect_language("Bonjour à tous", hint="x-default") == ("und", None)


def test_without_lingua_the_pipeline_still_works(monkeypatch):
    monkeypatch.setattr(language, "_lingua", lambda: None)
    assert not language.second_opinion_available()
    assert detect_language(TEXTS["de"])[0] == "de"
    assert detect_language("Le maire a inauguré la nouvelle école ce matin.")[0] == UNDETERMINED
    assert paragraph_languages(FR_PARAGRAPHS + [EN_PARAGRAPH], "fr")[1] is True


def test_second_opinion_can_be_switched_off_by_environment(monkeypatch):
    monkeypatch.setenv("ARTICLES_LANG_SECOND_OPINION", "0")
    language._lingua.cache_clear()
    try:
        assert language._lingua() is None
    finally:
        monkeypatch.delenv("ARTICLES_LANG_SECOND_OPINION")
        language._lingua.cache_clear()


def test_lingua_is_not_imported_with_the_module():
    """Optional at import: importing the pipeline must not load lingua (nor fail without it)."""
    code = "import sys, pipeline.language; print('lingua' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).resolve().parents[1])
    assert out.stdout.strip() == "False"


@pytest.mark.skipif(not language.second_opinion_available(), reason="lingua-language-detector is not installed")
def test_second_opinion_answers_short_text_langdetect_cannot():
    assert detect_language("Le maire a inauguré la nouvelle école ce matin.")[0] == "fr"
    assert detect_language("Le maire a inauguré la nouvelle école ce matin.", second_opinion=False)[0] == "und"


@pytest.mark.parametrize("second", CONFIGS)
def test_french_article_with_a_long_english_paragraph_is_mixed(second):
    paragraphs = FR_PARAGRAPHS[:2] + [EN_PARAGRAPH] + FR_PARAGRAPHS[2:]
    langs, mixed, share = paragraph_languages(paragraphs, "fr", second_opinion=second)
    assert langs == ["fr", "fr", "en", "fr"]
    assert mixed is True
    assert share == round(len(EN_PARAGRAPH) / sum(len(p) for p in paragraphs), 4)
    assert 0.25 < share < 0.4


@pytest.mark.parametrize("second", CONFIGS)
def test_french_article_with_a_short_english_quote_is_not_mixed(second):
    paragraphs = FR_PARAGRAPHS[:2] + [EN_QUOTE] + FR_PARAGRAPHS[2:]
    langs, mixed, share = paragraph_languages(paragraphs, "fr", second_opinion=second)
    assert langs == ["fr"] * 4
    assert (mixed, share) == (False, 0.0)


def test_monolingual_article_is_not_mixed_and_short_paragraphs_inherit():
    paragraphs = ["Politique", *FR_PARAGRAPHS, "Lire aussi"]
    langs, mixed, share = paragraph_languages(paragraphs, "fr")
    assert langs == ["fr"] * 5 and not mixed and share == 0.0


def test_paragraph_languages_with_undetermined_article_uses_the_majority():
    paragraphs = [*FR_PARAGRAPHS, EN_PARAGRAPH]
    langs, mixed, share = paragraph_languages(paragraphs, UNDETERMINED)
    assert langs == ["fr", "fr", "fr", "en"]
    assert mixed and share == round(len(EN_PARAGRAPH) / sum(len(p) for p in paragraphs), 4)
    assert paragraph_languages([], "fr") == ([], False, 0.0)
    assert paragraph_languages(["Oui."], UNDETERMINED) == (["und"], False, 0.0)
