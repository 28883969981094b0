"""Synthetic but plausible articles from a fixed seed: for soak runs and benchmarks, not for quality tests.

Sentences are random draws from word banks, so two generated articles share almost no 5-word shingles
(no accidental near-duplicates), and langdetect still recognises the language from the words.
"""

from __future__ import annotations

import random


def _words(text: str) -> list[str]:
    return text.split()


WORDS = {
    "en": _words("council city budget school water harbour bridge river police market farmers library museum"
           " hospital teachers workers union station railway airport tourists festival summer winter storm"
           " flood drought village mayor minister government company factory jobs prices energy wind solar"
           " housing rents families children students university research scientists study survey report"
           " election voters candidate debate campaign court judge trial lawyers decision appeal evening"
           " morning weekend residents neighbours street square park garden forest coast island mountain"
           " valley north south east west new old large small local national regional public private"),
    "fr": _words("conseil ville budget école eau port pont rivière police marché agriculteurs bibliothèque musée"
           " hôpital enseignants ouvriers syndicat gare chemin aéroport touristes festival été hiver tempête"
           " inondation sécheresse village maire ministre gouvernement entreprise usine emplois prix énergie"
           " logement loyers familles enfants étudiants université recherche chercheurs étude enquête rapport"
           " élection électeurs candidat débat campagne tribunal juge procès avocats décision appel soirée"
           " matin semaine habitants voisins rue place parc jardin forêt côte île montagne vallée nord sud"
           " nouveau ancien grand petit local national régional public privé selon depuis pendant"),
    "de": _words("Stadtrat Stadt Haushalt Schule Wasser Hafen Brücke Fluss Polizei Markt Bauern Bibliothek Museum"
           " Krankenhaus Lehrer Arbeiter Gewerkschaft Bahnhof Flughafen Touristen Sommer Winter Sturm"
           " Hochwasser Dorf Bürgermeister Minister Regierung Unternehmen Fabrik Arbeitsplätze Preise Energie"
           " Wohnungen Mieten Familien Kinder Studenten Universität Forschung Studie Bericht Wahl Wähler"
           " Gericht Richter Entscheidung Abend Morgen Wochenende Bewohner Straße Platz Park Garten Wald"
           " Küste Insel Berg Tal neue alte große kleine lokale nationale öffentliche private"),
}
GLUE = {
    "en": _words("the a of and in on for with after before said that this will has have was were"),
    "fr": _words("le la les de des du et dans pour avec après avant a dit que cette sera ont était sont"),
    "de": _words("der die das und in mit für nach vor hat sagte dass diese wird haben war sind ein eine"),
}


def sentence(rng: random.Random, lang: str) -> str:
    words = []
    for i in range(rng.randint(12, 22)):
        pool = GLUE[lang] if i % 2 else WORDS[lang]
        words.append(rng.choice(pool))
    words.append(str(rng.randint(2, 9999)))
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."


def article(rng: random.Random, lang: str, paragraphs: int = 6) -> tuple[str, list[str]]:
    title = " ".join(rng.choice(WORDS[lang]) for _ in range(6)).capitalize()
    body = [" ".join(sentence(rng, lang) for _ in range(rng.randint(3, 5))) for _ in range(paragraphs)]
    return title, body


CHROME = {
    "en": ("By {author}", "4 min read", "Read more", "Sign up for our newsletter",
           "© 2025 {site}. All rights reserved."),
    "fr": ("Par {author}", "4 min de lecture", "Lire aussi", "Abonnez-vous à notre newsletter",
           "© 2025 {site}. Tous droits réservés."),
    "de": ("Von {author}", "Lesezeit: 4 Minuten", "Mehr zum Thema", "Newsletter abonnieren",
           "© 2025 {site}. Alle Rechte vorbehalten."),
}


def as_text(title: str, body: list[str], lang: str, site: str, author: str = "Alex Martin") -> str:
    by, rt, rel, news, copy = (c.format(author=author, site=site) for c in CHROME[lang])
    return "\n\n".join([title, by, rt, *body, rel, "Another headline about the city", news, copy]) + "\n"


def as_html(title: str, body: list[str], lang: str, site: str, author: str = "Alex Martin",
            published: str = "2025-05-06", pad_kb: int = 0) -> str:
    by, rt, rel, news, copy = (c.format(author=author, site=site) for c in CHROME[lang])
    paras = "".join(f"<p>{p}</p>\n" for p in body)
    pad = "".join(f"<li><a href='/s/{i}'>Section link {i}</a></li>" for i in range(pad_kb * 20))
    script = "<script>var x = '" + "x" * (pad_kb * 200) + "';</script>" if pad_kb else ""
    return (f"<!DOCTYPE html><html lang='{lang}'><head><meta charset='utf-8'><title>{title} - {site}</title>"
            f"<meta name='author' content='{author}'><meta property='article:published_time' content='{published}'>"
            f"{script}</head><body><nav><ul>{pad}</ul></nav>"
            f"<div class='cookie-banner'>We use cookies to improve your experience on our site.</div>"
            f"<article><h1>{title}</h1><p>{rt}</p>{paras}</article>"
            f"<aside class='related'><h3>{rel}</h3><a href='/x'>Another headline</a></aside>"
            f"<div class='newsletter'>{news}</div><footer>{copy}</footer></body></html>")
