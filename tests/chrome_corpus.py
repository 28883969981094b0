"""Text saved from pages of three sites, for order-independence tests and `make bench-order`.

Each site repeats lines no rule names (a tagline inside the article, a promotion after it) that only learned
chrome removes, and stories are republished on the other English site (near copies in other chrome), copied
exactly, or cut short.
"""

from __future__ import annotations

import random
from pathlib import Path

from tests.synthetic import sentence

SITES = {
    "lefil.example": ("fr", "Le Fil du Lac salue ses lecteurs des deux rives depuis 1952",
                      "Retrouvez chaque matin le meilleur du Fil dans votre boîte aux lettres"),
    "courier.example": ("en", "The Valley Courier has served both banks of the river since 1887",
                        "Every morning the best of the Courier lands at your door before seven"),
    "gazette.example": ("en", "Harbour Gazette readers keep this paper independent and free to read",
                        "Our harbour desk answers questions from readers every Friday afternoon"),
}


def _story(rng: random.Random, lang: str) -> tuple[str, list[str]]:
    title = sentence(rng, lang).rstrip(".")[:70]
    return title, [" ".join(sentence(rng, lang) for _ in range(3)) for _ in range(4)]


def _page(site: str, title: str, body: list[str], rng: random.Random, teasers: list[str]) -> str:
    lang, tagline, promo = SITES[site]
    menu = ["Accueil", "Politique", "Économie", "Culture", "Sports"] if lang == "fr" else \
        ["Home", "Politics", "Business", "Culture", "Sport"]
    # a teaser for another story of the site between two paragraphs: some reach the threshold, some do not
    lines = [site, *menu, title, body[0], tagline, *body[1:2], rng.choice(teasers), *body[2:], promo,
             f"{site} {rng.randint(1, 9)}"]
    return "\n\n".join(lines) + "\n"


def write_corpus(root: Path, per_site: int = 9, seed: int = 7) -> list[Path]:
    """3 × per_site pages, 3 republished, an exact copy and a cut save; returns their paths (sorted)."""
    rng = random.Random(seed)
    paths = []
    stories = {site: [_story(rng, lang) for _ in range(per_site)] for site, (lang, *_) in SITES.items()}
    teasers = {site: [" ".join(sentence(rng, lang).split()[:7]) for _ in range(max(4, per_site // 10))]
               for site, (lang, *_) in SITES.items()}
    for site, items in stories.items():
        for i, (title, body) in enumerate(items):
            p = root / site / f"{i // 500:03d}" / f"{i:05d}.txt"
            p.parent.mkdir(parents=True, exist_ok=True)
            p.write_text(_page(site, title, body, rng, teasers[site]), encoding="utf-8")
            paths.append(p)
    # republished: an English story of one site on the other English site, lightly edited
    for i in range(3):
        title, body = stories["courier.example"][i]
        edited = [body[0].replace(" the ", " this ", 1), *body[1:]]
        p = root / "gazette.example" / f"r{i}.txt"
        p.write_text(_page("gazette.example", title, edited, rng, teasers["gazette.example"]), encoding="utf-8")
        paths.append(p)
    # an exact copy under another name, and a save cut off after two paragraphs
    title, body = stories["lefil.example"][0]
    (root / "lefil.example" / "copy.txt").write_text(paths[0].read_text("utf-8"), encoding="utf-8")
    cut = _page("lefil.example", title, body[:3], rng, teasers["lefil.example"])
    (root / "lefil.example" / "cut.txt").write_text(cut, encoding="utf-8")
    paths += [root / "lefil.example" / "copy.txt", root / "lefil.example" / "cut.txt"]
    return sorted(paths)
