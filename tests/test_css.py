"""pipeline/css.py matches what CSS means: the same elements as cssselect's XPath and as soupsieve on bs4."""

from __future__ import annotations

import random

import pytest
import soupsieve
from bs4 import BeautifulSoup
from cssselect import HTMLTranslator
from lxml import etree

from pipeline.css import PageMatcher, compile_css
from pipeline.extract import parse_html, preclean_html
from pipeline.rules import ConfigError, cached_rules, load_rules
from pipeline.settings import load_settings
from tests.synthetic import article, as_html

PAGE = """<html lang="en"><head><title>T</title></head><body>
<div id="Cookie-Banner" class="Banner">We use cookies <button>OK</button></div>
<nav class="Main-Nav"><a href="/">Home</a></nav>
<div class="promo SHARE-bar x">Share this</div>
<div class="ad">Ad</div><div class="adx">Not an ad class</div><div class="head ad foot">Ad too</div>
<article><h1>Title</h1><p lang="en-GB">First paragraph of the article text.</p>
<aside class="Related"><ul><li><a href="/b">Other</a></li></ul></aside>
<p data-role="share-links">links</p><a href="/doc.PDF">pdf</a><p hidden>hidden</p>
<div class="newsletter"><div class="inner newsletter-box">Sign up</div></div>
<figure><img src="a.png"><figcaption>Caption</figcaption></figure>
<section><input type="EMAIL" name="e"></section><form><div><input type="email"></div></form></article>
<footer role="contentinfo">Footer</footer>
<div class="ad\u00a0nbsp">not the class "ad": a no-break space does not separate class names</div>
<div class="ADVERT\u212a">Kelvin sign: not an ASCII letter</div></body></html>"""

EXTRA = [
    "#Cookie-Banner", "div.promo", "[data-role^='share']", "[lang|=en]", "a[href$='.pdf' i]", "a[href$='.pdf']",
    "[hidden]", "p, nav", "div.head.foot", "[class~='ad']", "*", "DIV[class*='ADX']", "[class^='promo' i]",
    "[id='cookie-banner' i]", "article p", "div > div", ":is(div, section):has(> input[type='email' i])",
    "ul li a", "p:first-child", "div:not(.ad)", "[class*='advertk' i]",
]


def _pages() -> list[str]:
    rng = random.Random(3)
    pages = [PAGE]
    for site, lang in (("harbourtimes.example", "en"), ("lequotidien.example", "fr")):
        title, body = article(rng, lang)
        pages.append(as_html(title, body, lang, site, pad_kb=20))
    return pages


def _selectors() -> list[str]:
    return [s.css for s in cached_rules(load_settings().config_dir).selectors] + EXTRA


def _ours(css: str, page: str) -> list:
    compiled = compile_css(css)
    matcher = PageMatcher((compiled,))
    tree = parse_html(page)
    return matcher.matches(0, tree, matcher.candidates(tree)), tree


@pytest.mark.parametrize("css", _selectors())
def test_matches_what_cssselect_xpath_matches(css: str) -> None:
    reference = etree.XPath(HTMLTranslator().css_to_xpath(css))
    for page in _pages():
        got, tree = _ours(css, page)
        assert got == reference(tree), css


@pytest.mark.parametrize("css", _selectors())
def test_matches_what_soupsieve_matches(css: str) -> None:
    """An independent engine (soupsieve on a BeautifulSoup tree of the same page) as the oracle."""
    for page in _pages():
        got, _ = _ours(css, page)
        # class kept as written: bs4 would split it on any Unicode space, CSS only on ASCII whitespace
        soup = BeautifulSoup(page, "lxml", multi_valued_attributes=None)
        want = [(el.name, dict(el.attrs)) for el in soupsieve.select(css, soup)]
        assert [(el.tag, dict(el.attrib)) for el in got] == want, css


def test_simple_selectors_run_in_python_and_the_rest_as_xpath() -> None:
    assert compile_css("[class*='cookie' i], nav, ins.adsbygoogle").xpath is None
    assert compile_css("form:has(input)").xpath is not None
    assert compile_css("nav, article p").xpath is not None  # one complex part: the whole selector as XPath


def test_preclean_removes_in_config_order_and_keeps_the_article() -> None:
    selectors = cached_rules(load_settings().config_dir).selectors
    tree = parse_html(PAGE)
    removals, consent = preclean_html(tree, selectors)
    ids = [r.rule_id for r in removals]
    assert ids[0] == "sel.cookie" and "sel.navigation" in ids and "sel.footer" in ids
    assert "sel.related" in ids and "sel.caption" in ids
    assert [r.text for r in removals if r.rule_id == "sel.newsletter"] == ["Sign up"]  # outer box, once
    text = " ".join(tree.itertext())
    assert "First paragraph of the article text." in text and "Title" in text
    assert "We use cookies" not in text and "Footer" not in text
    assert 0 < consent < 0.6


def test_bad_css_is_a_config_error(tmp_path) -> None:
    (tmp_path / "selectors.toml").write_text(
        '[[selector]]\nid = "sel.bad"\ncategory = "ad"\ncss = "div[class="\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="sel.bad"):
        load_rules(tmp_path)


@pytest.mark.parametrize("prefix", ["<!-- saved from url=(0042)https://example.org/ -->\n",
                                    '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n', "\ufeff"])
def test_preclean_works_when_the_page_does_not_start_with_html(prefix: str) -> None:
    """lxml then returns the page's body under another name, still attached to its <html>."""
    selectors = cached_rules(load_settings().config_dir).selectors
    tree = parse_html(prefix + PAGE)
    removals, consent = preclean_html(tree, selectors)
    ids = {r.rule_id for r in removals}
    assert {"sel.cookie", "sel.navigation", "sel.footer"} <= ids
    assert consent > 0
    assert "First paragraph of the article text." in " ".join(tree.itertext())
