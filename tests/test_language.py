import pytest

from pipeline.language import detect_language

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


@pytest.mark.parametrize("lang", sorted(TEXTS))
def test_detects_each_language_confidently(lang):
    code, prob = detect_language(TEXTS[lang])
    assert code == lang
    assert prob is not None and prob >= 0.9


def test_same_input_same_answer():
    mixed = "Ceci est un texte court mais ambigu, with some English words mixed in for good measure, oui."
    answers = {detect_language(mixed) for _ in range(20)}
    assert len(answers) == 1


def test_too_little_text_is_undetermined_not_a_guess():
    assert detect_language("Bonjour à tous") == ("und", None)
    assert detect_language("12 345 — 678") == ("und", None)


def test_hint_rescues_short_text_but_never_overrides_a_confident_answer():
    assert detect_language("Bonjour à tous", hint="fr-FR") == ("fr", None)
    assert detect_language(TEXTS["en"], hint="fr")[0] == "en"
