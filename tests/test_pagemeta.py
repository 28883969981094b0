"""pipeline/pagemeta.py reads what trafilatura's extract_metadata reads, minus categories, tags and licence."""

from __future__ import annotations

import pytest
from trafilatura.metadata import extract_metadata
from trafilatura.settings import set_date_params

from pipeline.extract import parse_html
from pipeline.pagemeta import page_metadata

_JSONLD = """<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",
"headline": "Le port de Valmorin s'agrandit", "author": {"@type": "Person", "name": "Jeanne Marchal"},
"datePublished": "2024-11-03T08:00:00+01:00", "publisher": {"@type": "Organization", "name": "Le Courrier"}}
</script>"""

PAGES = {
    "meta tags": """<html><head><title>Tram line opens - The Valmorin Post</title>
<meta property="og:title" content="Tram line opens"><meta name="author" content="Claire Fontaine">
<meta property="article:published_time" content="2025-05-06T09:30:00Z">
<meta property="og:site_name" content="valmorin post">
<link rel="canonical" href="https://post.example/tram"><meta name="keywords" content="transport, city">
</head><body><article><p class="category"><a href="/cat/city" rel="category">City</a></p>
<p>The first tram ran on Monday between the station and the campus, watched by hundreds of residents.</p>
<a rel="tag" href="/tag/tram">tram</a><a rel="license" href="https://creativecommons.org/licenses/by/4.0/">CC BY</a>
</article></body></html>""",
    "json-ld": f"""<html><head><title>Le port s'agrandit | Le Courrier</title>{_JSONLD}</head><body>
<main><h1>Le port de Valmorin s'agrandit</h1><p>Les travaux du nouveau quai commencent en janvier et dureront
deux ans, selon la chambre de commerce qui finance la moitié du chantier.</p>
<footer>Licence : <a href="https://creativecommons.org/licenses/by-sa/4.0/">CC BY-SA</a></footer></main>
</body></html>""",
    "byline only": """<html><head><title>Flooding closes the ring road</title></head><body>
<div class="byline">By <span class="author">Samuel Okoro</span></div><time datetime="2023-02-14">14 February</time>
<p>Heavy rain overnight closed two sections of the ring road, and police asked drivers to avoid the area
until the water recedes on Wednesday.</p><ul class="tags"><li><a href="/t/weather">weather</a></li></ul>
</body></html>""",
    "nothing": "<html><body><p>Short page without any metadata at all, only one sentence of text.</p></body></html>",
}

_SKIPPED = {"categories", "tags", "license", "body", "commentsbody"}  # not read / trees compared by identity


@pytest.mark.parametrize("name", sorted(PAGES))
def test_same_fields_as_extract_metadata(name):
    html = PAGES[name]
    want = extract_metadata(parse_html(html), "https://fallback.example/x", set_date_params(True), False, set())
    got = page_metadata(parse_html(html), "https://fallback.example/x", set_date_params(True))
    fields = [s for s in want.__slots__ if s not in _SKIPPED]
    assert {s: getattr(got, s) for s in fields} == {s: getattr(want, s) for s in fields}
    assert not got.categories and not got.license  # the page-wide searches are skipped (meta keywords stay)


def test_the_pages_exercise_the_fields():
    """A comparison of empty fields would prove nothing: the pages above fill what the pipeline reads."""
    got = {n: page_metadata(parse_html(h), None, set_date_params(True)) for n, h in PAGES.items()}
    assert got["meta tags"].author == "Claire Fontaine" and got["meta tags"].date == "2025-05-06"
    assert got["json-ld"].author == "Jeanne Marchal" and got["json-ld"].date == "2024-11-03"
    assert got["byline only"].author == "Samuel Okoro" and got["byline only"].date == "2023-02-14"
    assert got["meta tags"].url == "https://post.example/tram" and got["meta tags"].sitename
    want = extract_metadata(parse_html(PAGES["meta tags"]), None, set_date_params(True), False, set())
    assert want.license and not got["meta tags"].license  # what is skipped is there to skip
