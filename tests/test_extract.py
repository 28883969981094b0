from pipeline.models import RawRecord
from pipeline.process import process_record

PAGE = """<!DOCTYPE html><html lang="fr"><head><title>Le tramway arrive à Valmorin - La Gazette</title>
<meta name="author" content="Claire Fontaine"><meta property="article:published_time" content="2025-05-06T09:30:00Z">
<link rel="canonical" href="https://gazette.example/tram"></head><body>
<nav><a href="/">Accueil</a> <a href="/eco">Économie</a></nav>
<div class="cookie-banner">Nous utilisons des cookies pour mesurer l'audience de notre site. <button>OK</button></div>
<article><h1>Le tramway arrive à Valmorin</h1>
<p>3 min de lecture</p>
<p>La première rame du tramway de Valmorin a circulé lundi matin entre la gare et le campus, sous les yeux de
centaines d'habitants venus assister à ce moment attendu depuis plus de dix ans.</p>
<h2>Un chantier de quatre ans</h2>
<p>Les travaux ont commencé en 2021 et ont coûté 240 millions d'euros, financés par la métropole, la région et
l'État. Les commerçants du centre-ville, longtemps gênés par les déviations, espèrent un regain de clientèle.</p>
<ul><li>Douze stations sur huit kilomètres</li><li>Une rame toutes les six minutes en heure de pointe</li></ul>
<blockquote>« C'est une nouvelle époque pour notre ville », a déclaré la maire devant la foule réunie.</blockquote>
<p>Lire aussi : Les pistes cyclables du centre seront élargies</p>
<p>La ligne sera prolongée vers l'hôpital d'ici 2028 si les financements sont confirmés par l'État et la région,
selon le calendrier présenté par les élus lors du conseil métropolitain de juin.</p>
</article>
<aside class="related"><h3>À lire aussi</h3><a href="/a">Le vélo progresse</a></aside>
<div class="share-bar">Partager : Facebook X LinkedIn</div>
<footer>© 2025 La Gazette. Tous droits réservés.</footer></body></html>"""


def _rec(html, **hints):
    return RawRecord("/x/gazette.example/tram.html", 0, "html", "s", len(html), content=html, content_type="html",
                     hints=hints)


def test_html_article_structure_metadata_and_removals(settings, rules):
    d = process_record(_rec(PAGE, site="gazette.example"), settings, rules)
    assert d.status == "article", d.reason
    m = d.metadata
    assert m.title == "Le tramway arrive à Valmorin"
    assert m.author == "Claire Fontaine"
    assert m.published_at.startswith("2025-05-06")
    assert m.url == "https://gazette.example/tram"
    assert m.site == "gazette.example"
    assert m.reading_time_min == 3
    kinds = [(p.kind, p.text[:25]) for p in d.paragraphs]
    assert kinds[0] == ("paragraph", "La première rame du tramw")
    assert ("heading", "Un chantier de quatre ans") in kinds
    assert [k for k, _ in kinds].count("list_item") == 2
    assert any(k == "quote" for k, _ in kinds)
    for chrome in ("3 min de lecture", "Lire aussi", "cookies", "Partager", "Tous droits réservés", "Le vélo"):
        assert chrome not in d.text
    cats = {r.category for r in d.removals}
    assert {"cookie", "related", "share", "reading_time", "title"} <= cats
    assert d.language == "fr"


def test_consent_wall_is_rejected(settings, rules):
    html = ("<html><body><div id='cookie-consent'><h1>Vos choix</h1><p>Avec votre accord, nos partenaires et nous "
            "utilisons des cookies pour stocker des informations sur votre appareil et mesurer l'audience.</p>"
            "<button>Tout accepter</button></div></body></html>")
    d = process_record(_rec(html), settings, rules)
    assert d.status == "rejected" and "consent" in d.reason


def test_section_index_is_not_an_article(settings, rules):
    links = "".join(f"<li><a href='/a{i}'>Headline number {i} about the city council budget vote</a></li>"
                    for i in range(12))
    html = f"<html><body><main><h1>Politics</h1><ul>{links}</ul></main></body></html>"
    d = process_record(_rec(html), settings, rules)
    assert d.status == "rejected" and d.reason.startswith("not an article")


def test_html_with_no_text_is_rejected(settings, rules):
    d = process_record(_rec("<html><body><div></div></body></html>"), settings, rules)
    assert d.status == "rejected"


def test_extraction_over_the_time_limit_is_rejected_as_timeout(settings, rules):
    para = "<p>" + "Le conseil municipal a voté un budget important pour les écoles de la ville. " * 30 + "</p>"
    html = "<html><body><article>" + para * 1500 + "</article></body></html>"  # ~3.5 MB, seconds to extract
    d = process_record(_rec(html), settings.replace(extract_timeout_s=0.05), rules)
    assert d.status == "rejected" and d.reason.startswith("timeout")


def test_timeouts_are_enforced_in_process_pool_workers(prefect_server, tmp_path):
    import shutil

    import duckdb

    from flows.ingest import run_ingest
    from tests.conftest import ROOT

    cfg = tmp_path / "cfg"
    shutil.copytree(ROOT / "config", cfg)
    text = (cfg / "pipeline.toml").read_text().replace("extract_timeout_s = 30.0", "extract_timeout_s = 0.001")
    (cfg / "pipeline.toml").write_text(text)
    db = tmp_path / "t.duckdb"
    run_ingest(str(ROOT / "samples" / "rheinblick.example"), db=str(db), config_dir=str(cfg), runner="process")
    con = duckdb.connect(str(db), read_only=True)
    try:
        reasons = dict(con.execute("SELECT format, any_value(reason) FROM documents GROUP BY 1").fetchall())
    finally:
        con.close()
    assert reasons["html"].startswith("timeout")


BODY = "".join(f"<p>Paragraph {i}: the harbour commission met on Thursday to vote on new mooring fees for the "
               f"summer season, after months of complaints from the fishing cooperative.</p>" for i in range(5))


def test_a_logo_heading_is_not_the_title_the_heading_the_title_element_names_is(settings, rules):
    html = ("<html><head><title>Mooring fees approved after long meeting - Courier</title></head><body>"
            "<header><h1>COURIER Courier Logo</h1></header><article><h2>Mooring fees approved after long meeting"
            f"</h2>{BODY}</article></body></html>")
    d = process_record(_rec(html, url="https://courier.example/fees"), settings, rules)
    assert d.metadata.title == "Mooring fees approved after long meeting"


def test_a_long_h1_stays_the_title_even_when_the_title_element_is_worded_for_search(settings, rules):
    html = ("<html><head><title>Mooring fees 2026: prices, dates, rules</title></head><body>"
            f"<article><h1>The harbour commission finally approves the new mooring fees</h1>{BODY}</article>"
            "</body></html>")
    d = process_record(_rec(html), settings, rules)
    assert d.metadata.title == "The harbour commission finally approves the new mooring fees"


def test_a_copyright_year_is_not_a_publication_date(settings, rules):
    html = f"<html><body><article>{BODY}</article><footer>© 2022 Courier</footer></body></html>"
    d = process_record(_rec(html), settings, rules)
    assert d.metadata.published_at is None


def test_an_earlier_dateline_beats_a_later_date_of_another_story(settings, rules):
    html = ("<html><body><article><h1>Mooring fees approved</h1><p class='date'>April 19, 2019</p>"
            f"{BODY}</article><aside><ul><li><a href='/x'>Most read: ferry strike</a> "
            "<time datetime='2022-08-10T13:15:00+09:00'>2022.08.10</time></li></ul></aside></body></html>")
    d = process_record(_rec(html), settings, rules)
    assert d.metadata.published_at[:10] == "2019-04-19"


def test_a_date_stated_in_meta_tags_wins(settings, rules):
    html = ("<html><head><meta property='article:published_time' content='2019-04-02T08:00:00+09:00'></head>"
            f"<body><article><p>Updated April 20, 2019</p>{BODY}</article></body></html>")
    d = process_record(_rec(html), settings, rules)
    assert d.metadata.published_at.startswith("2019-04-02")


def test_extraction_parts_are_timed_inside_the_extract_stage(settings, rules):
    """The bench reports ms per page for the parts the issue budgets (the selector pre-clean among them)."""
    d = process_record(_rec(PAGE, site="gazette.example"), settings, rules)
    parts = {k: v for k, v in d.timings.items() if k.startswith("extract.")}
    assert set(parts) == {"extract.parse", "extract.metadata", "extract.selectors", "extract.body"}
    assert all(v > 0 for v in parts.values())
    assert sum(parts.values()) <= d.timings["extract"]
