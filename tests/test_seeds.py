"""The two seed documents, cleaned without Prefect or DuckDB: exactly what the product promises."""

from pathlib import Path

import pytest

from pipeline.process import process_files
from pipeline.sources import discover

SEEDS = Path(__file__).resolve().parent.parent / "samples" / "seeds"
FORBIDDEN = ["Vous aimerez peut-être aussi", "Cet article est soumis par notre utilisateur",
             "Abonnez-vous à notre bulletin d'information", "Obtenez les dernières nouvelles",
             "Nous utilisons des cookies", "mentions légales"]


@pytest.fixture(scope="module")
def seeds(settings, rules):
    docs, _ = process_files(discover([SEEDS]), settings, rules)
    return {Path(d.source_path).name: d for d in docs}


def test_seed_000(seeds):
    d = seeds["000_aa6343a2f200a80b.txt"]
    assert d.status == "article"
    assert d.metadata.title == ("Amazon supprime des emplois chez AWS : l'action grimpe en pleine poussée de "
                                "transformation par l'IA")
    assert d.metadata.author == "Amanda Zhang"
    assert d.metadata.reading_time_min == 4
    assert d.language == "fr"
    assert d.text.startswith("Amazon réduit les effectifs d'AWS alors que l'IA accélère")
    assert d.text.endswith("Amazon a engagé plus de 8 milliards de dollars dans la")
    items = [p.text for p in d.paragraphs if p.kind == "list_item"]
    assert len(items) == 3 and items[0].startswith("Microsoft a supprimé environ 9 100 emplois")
    texts = [p.text for p in d.paragraphs]
    for bad in ("Par", "Amanda Zhang", "4 min de lecture"):
        assert bad not in texts
    for s in FORBIDDEN:
        assert s not in d.text
        assert all(s not in t for t in texts)
    removed = {r.text: r.rule_id for r in d.removals}
    for s in FORBIDDEN + ["Par", "Amanda Zhang", "4 min de lecture"]:
        assert any(s in t for t in removed), s
    assert all(r.rule_id and r.category for r in d.removals)
    assert "'" in d.text and "’" not in d.text  # characters kept as the file has them


def test_seed_003(seeds):
    d = seeds["003_5725b3f9bf02eea4.txt"]
    assert d.status == "article"
    assert d.metadata.title == "Amazon mise 100 milliards sur l’IA pour 2025"
    assert d.metadata.author is None
    assert d.language == "fr"
    assert len(d.paragraphs) == 6
    assert [p.kind for p in d.paragraphs] == ["paragraph", "paragraph", "quote", "paragraph", "paragraph",
                                              "paragraph"]
    assert d.paragraphs[0].text.startswith("Amazon continue de marquer sa présence")
    assert d.paragraphs[-1].text.endswith("futures révolutions numériques…")
    assert d.removals == []


def test_seeds_are_not_duplicates(seeds):
    from pipeline.dedup import DedupIndex, resolve_batch

    res, _ = resolve_batch(list(seeds.values()), DedupIndex(), set())
    assert [r.status for r in res] == ["loaded", "loaded"]
