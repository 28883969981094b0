"""Learned site chrome: lines no rule names, removed because many articles of the same site share them."""

from __future__ import annotations

from pathlib import Path

from pipeline.chrome import line_key, strip_all
from pipeline.models import RawRecord
from pipeline.process import process_record

PLACES = ["le port", "la gare", "le marché", "les quais", "la plage"]
TAGLINE = "Le Fil du Lac salue ses lecteurs des deux rives du Ligeret 1952"
STORIES = [
    "Les pêcheurs du lac ont signé un accord avec la préfecture pour limiter les prises de perches pendant la "
    "période de reproduction, du premier avril au quinze juin, en échange d'un programme de repeuplement.",
    "La bibliothèque de l'Est a rouvert samedi après dix-huit mois de travaux, avec une salle de lecture agrandie, "
    "un atelier de réparation de vélos et des horaires étendus jusqu'à vingt-deux heures.",
    "Le conseil municipal a adopté mardi soir un budget de quarante-huit millions d'euros, après quatre heures "
    "de débat sur le financement des transports et la rénovation des écoles du quartier nord.",
    "Une équipe de chercheurs a recensé trois espèces de libellules jamais observées dans les marais du sud, "
    "une découverte qui pourrait peser sur le projet de zone commerciale prévu à proximité.",
]


def _doc(i: int, story: str, settings, rules, site="fildulac.example", year=2025):
    # the tagline sits inside the article's lines (between two paragraphs), where only learned chrome finds it
    text = (f"Titre {i}\n\n{story} {story}\n\n{TAGLINE.replace('1952', str(year))}\n\n{story}\n\n"
            f"Courte phrase du corps sur {PLACES[i]}.")
    raw = RawRecord(f"/in/{site}/{i}.txt", 0, "txt", f"s{i}", 10, content=text, hints={"site": site})
    return process_record(raw, settings, rules)


def test_line_key_ignores_case_digits_punctuation_and_spacing():
    assert line_key("© 2024  Le Site.") == line_key("© 2025 le site")
    assert line_key("Le Site") != line_key("Le Sitex")


def test_repeated_line_is_removed_with_its_count_and_the_body_stays(settings, rules):
    docs = [_doc(i, s, settings, rules, year=1950 + i) for i, s in enumerate(STORIES)]
    assert all("Le Fil du Lac" in d.text for d in docs)  # no rule names the tagline
    assert strip_all(docs, 3, settings.shingle_size, settings.num_perm) == len(docs)
    for d, story in zip(docs, STORIES, strict=True):
        assert "Le Fil du Lac" not in d.text
        assert story in d.text and "Courte phrase du corps" in d.text
        [rm] = [r for r in d.removals if r.rule_id == "repeated-line"]
        assert rm.category == "repeated" and rm.repeat_count == 4
        assert [p.position for p in d.paragraphs] == list(range(len(d.paragraphs)))


def test_below_the_threshold_or_on_another_site_nothing_is_removed(settings, rules):
    docs = [_doc(0, STORIES[0], settings, rules), _doc(1, STORIES[1], settings, rules),
            _doc(2, STORIES[2], settings, rules, site="other.example")]
    assert strip_all(docs, 3, settings.shingle_size, settings.num_perm) == 0


def test_copies_of_one_article_do_not_make_its_lines_chrome(settings, rules):
    copies = [_doc(0, STORIES[0], settings, rules) for _ in range(5)]  # same text, e.g. under five paths
    assert strip_all(copies, 3, settings.shingle_size, settings.num_perm) == 0


def _content(db: Path) -> dict:
    from tests.warehouse_content import content

    return content(db)


def test_a_line_that_becomes_chrome_leaves_the_articles_loaded_before(prefect_server, tmp_path):
    """Run 1 holds two pages of a site, run 2 a third: the line is chrome of the site now, so the first two
    pages lose it too, and the warehouse is the one a single run over the three pages gives."""
    from flows.ingest import run_ingest

    def write(root: Path, i: int) -> None:
        p = root / "fildulac.example" / f"{i}.txt"
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(f"Titre {i}\n\n{STORIES[i]} {STORIES[i]}\n\n{TAGLINE}\n\n{STORIES[i]}\n", encoding="utf-8")

    inbox, split, whole = tmp_path / "inbox", tmp_path / "split.duckdb", tmp_path / "whole.duckdb"
    write(inbox, 0)
    write(inbox, 1)
    run_ingest(str(inbox), db=str(split), runner="thread")
    assert all("Le Fil du Lac" in row[9] for row in _content(split)["articles"])
    write(inbox, 2)
    run_ingest(str(inbox), db=str(split), runner="thread")
    got = _content(split)
    assert not any("Le Fil du Lac" in row[9] for row in got["articles"])
    learned = [r[2:6] for r in got["removed_blocks"] if r[2] == "repeated-line"]
    assert learned == [("repeated-line", "repeated", TAGLINE, 3)] * 3
    run_ingest(str(inbox), db=str(whole), runner="thread")
    assert got == _content(whole)


def _stripped(doc):
    return ([(p.position, p.kind, p.text) for p in doc.paragraphs],
            [(r.rule_id, r.text, r.at, r.line_key) for r in doc.removals],
            doc.text, doc.word_count, doc.status, doc.content_hash if doc.status == "article" else None,
            doc.minhash if doc.status == "article" else None)


def test_stripping_in_two_steps_equals_stripping_once():
    """What re-cleaning a loaded article gives is what stripping it once with today's counts gives, whatever
    lines became chrome first (random pages, random rule removals, random order of crossing)."""
    import copy
    import random

    from pipeline.chrome import LoadedArticle, chrome_keys, restrip, strip
    from pipeline.models import Paragraph, ProcessedDoc, Removal

    pool = ["Menu", "Abonnez-vous", "Le Fil du Lac depuis 1952", "Lire aussi la suite", "Publicité",
            *[f"{s} (paragraphe {i})" for i, s in enumerate(STORIES)]]
    rng = random.Random(5)
    for _ in range(300):
        texts = [rng.choice(pool) for _ in range(rng.randint(1, 9))]
        paras = [Paragraph(i, rng.choice(["paragraph", "heading"]), t, "fr") for i, t in enumerate(texts)]
        rules = [Removal("fr.rule", "navigation", f"rule {j}", at=rng.choice([None, *range(len(texts) + 1)]))
                 for j in range(rng.randint(0, 3))]
        doc = ProcessedDoc("p", 0, "txt", "s", 1, None, status="article", site_key="site", paragraphs=paras,
                           removals=rules, text="\n\n".join(texts), chrome_keys=chrome_keys(texts, 30))
        keys = sorted({k for k in doc.chrome_keys if k})
        later = set(rng.sample(keys, rng.randint(0, len(keys))))
        first = set(rng.sample(sorted(later), rng.randint(0, len(later))))
        once = copy.deepcopy(doc)
        strip(once, {("site", k): 3 for k in later}, 3, 5, 120)
        twice = copy.deepcopy(doc)
        strip(twice, {("site", k): 3 for k in first}, 3, 5, 120)
        if twice.status == "article":
            art = LoadedArticle("d", "a", "site", copy.deepcopy(twice.paragraphs), copy.deepcopy(twice.removals))
            again = restrip(art, later - first, 30, 5, 120)
            twice = again if again is not None else twice
        assert _stripped(twice) == _stripped(once), (texts, first, later)
