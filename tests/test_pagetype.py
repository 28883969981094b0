"""Page-type decisions on pages written for these tests, each reproducing a shape seen on real sites.

A page is rejected only on positive evidence (index, error, login, paywall stub, consent wall, nothing left);
short articles, list-bodied articles, one sentence a line and scripts written without spaces are kept.
"""

from __future__ import annotations

import pytest

from pipeline.models import RawRecord
from pipeline.process import process_record
from pipeline.textstats import word_count

HEAD = "<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title></head><body>"
NAV = ("<nav class='site-nav'><a href='/'>Home</a> <a href='/news'>News</a> <a href='/sport'>Sport</a>"
       " <a href='/culture'>Culture</a></nav>")
FOOT = "<footer>© 2026 The Example Courier. All rights reserved.</footer></body></html>"


def _html(title: str, body: str) -> str:
    return HEAD.format(title=title) + NAV + body + FOOT


def _rec(content: str, content_type: str = "html", **hints) -> RawRecord:
    fmt = "html" if content_type == "html" else "txt"
    return RawRecord(f"/in/courier.example/page.{fmt}", 0, fmt, "s", len(content), content=content,
                     content_type=content_type, hints=hints)


def _process(settings, rules, content, content_type="html", **hints):
    return process_record(_rec(content, content_type, **hints), settings, rules)


# ---- kept: real articles of unusual shapes --------------------------------------------------------------------
CHINESE = ["市政府周一宣布，将在明年春季开通连接火车站和大学城的新电车线路。这条线路全长十二公里，共设十八个车站。",
           "预计每天可运送乘客约四万人次。市长在新闻发布会上表示，新线路将大大缓解市中心的交通压力。",
           "部分沿线商户担心施工期间生意受到影响，市政府承诺将提供临时补贴，并尽量缩短封路时间。"]


def test_a_chinese_article_is_kept_and_counted_in_characters(settings, rules):
    body = "".join(f"<p>{p}</p>" for p in CHINESE)
    d = _process(settings, rules, _html("新电车线路明年开通", f"<article><h1>新电车线路明年开通</h1>{body}</article>"))
    assert d.status == "article", d.reason
    # characters of a script written without spaces count one each (punctuation aside)
    assert d.word_count == sum(word_count(p) for p in CHINESE) > 100
    assert word_count("新电车 线路") == 5 and word_count("two words") == 2


def test_a_thai_brief_is_kept(settings, rules):
    thai = "กรุงเทพมหานครประกาศเปิดสวนสาธารณะแห่งใหม่ริมแม่น้ำเจ้าพระยาในวันเสาร์นี้ ประชาชนสามารถเข้าชมได้ฟรีตลอดทั้งวัน"
    d = _process(settings, rules, _html("สวนสาธารณะแห่งใหม่", f"<article><p>{thai}</p></article>"))
    assert d.status == "article", d.reason


def test_a_numbered_how_to_list_is_an_article(settings, rules):
    steps = "".join(f"<li>Step {i}: loosen the bolt on the left side of the frame</li>" for i in range(1, 9))
    page = _html("How to fix a wobbly bike saddle", f"<article><h1>How to fix a wobbly bike saddle</h1>"
                                                    f"<ol>{steps}</ol></article>")
    d = _process(settings, rules, page)
    assert d.status == "article", d.reason
    assert sum(p.kind == "list_item" for p in d.paragraphs) == 8


@pytest.mark.parametrize("end", [".", ""])
def test_one_sentence_a_line_text_is_an_article(settings, rules, end):
    lines = [f"The council met for the {n} time this year to discuss the harbour budget{end}" for n in
             ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")]
    text = "Harbour budget talks go on\n\n" + "\n\n".join(lines) + "\n"
    d = _process(settings, rules, text, content_type="text")
    assert d.status == "article", d.reason
    assert all(line in d.text for line in lines)


def test_a_short_brief_is_kept(settings, rules):
    page = _html("Ferry delayed", "<article><h1>Ferry delayed</h1><p>The morning ferry to Gull Island left "
                                  "forty minutes late on Tuesday because of fog, the operator said.</p></article>")
    d = _process(settings, rules, page)
    assert d.status == "article", d.reason
    assert "forty minutes late" in d.text


def test_a_share_class_on_the_article_wrapper_does_not_delete_the_article(settings, rules):
    paras = "".join(f"<p>Paragraph {i} of the story: the harbour commission approved new mooring fees after a long "
                    f"public meeting on Thursday evening, with fishermen asking for a delay.</p>" for i in range(6))
    page = _html("Mooring fees approved", "<div class='share-container'><h1>Mooring fees approved</h1>"
                                          f"{paras}<div class='share-bar'>Share: Facebook X Email</div></div>")
    d = _process(settings, rules, page)
    assert d.status == "article", d.reason
    assert all(f"Paragraph {i} of the story" in d.text for i in range(6))
    share = [r for r in d.removals if r.category == "share"]
    assert share and all(r.page_share is not None and 0 < r.page_share < 0.2 for r in share)


# ---- rejected: positive evidence, with a code -----------------------------------------------------------------
def test_an_index_of_headline_links_is_rejected_with_its_code(settings, rules):
    items = "".join(f"<div class='teaser'><a href='/s{i}'>Harbour story number {i} about the council budget</a>"
                    "</div>" for i in range(10))
    d = _process(settings, rules, _html("News", f"<main><h1>News</h1>{items}</main>"))
    assert d.status == "rejected" and d.reason_code == "not_article.index", d.reason
    assert "Harbour story number 3" in d.text  # what was cleaned is kept for recovery


def test_an_error_page_is_rejected(settings, rules):
    page = _html("Page not found - The Example Courier",
                 "<main><h1>Page not found</h1><p>Sorry, the page you are looking for does not exist.</p>"
                 "<p><a href='/'>Back to the home page</a></p></main>")
    d = _process(settings, rules, page)
    assert d.status == "rejected" and d.reason_code == "not_article.error_page", d.reason


def test_a_login_page_is_rejected(settings, rules):
    page = _html("Sign in", "<main><h1>Sign in to continue</h1><form><label>E-mail</label><input name='e'>"
                            "<label>Password</label><input type='password'></form><p>Forgot your password?</p></main>")
    d = _process(settings, rules, page)
    assert d.status == "rejected" and d.reason_code == "not_article.login", d.reason


def test_a_paywall_stub_is_rejected_but_a_paywalled_lead_is_kept(settings, rules):
    stub = _html("Budget row", "<article><h1>Budget row deepens</h1><p>Subscribe to continue reading</p></article>")
    d = _process(settings, rules, stub)
    assert d.status == "rejected" and d.reason_code == "not_article.paywall_stub", d.reason
    lead = ("<p>The row over the harbour budget deepened on Monday when two councillors walked out of the "
            "finance committee, saying the figures presented by the mayor's office did not add up and that the "
            "public had been kept in the dark about the cost of the new marina for months.</p>")
    kept = _html("Budget row", f"<article><h1>Budget row deepens</h1>{lead}<p>Subscribe to continue reading</p>"
                               "</article>")
    d = _process(settings, rules, kept)
    assert d.status == "article", d.reason


@pytest.mark.parametrize("title, text", [
    ("Page introuvable", "Erreur 404 : cette page n'existe pas."),
    ("Seite nicht gefunden", "Fehler 404. Die angeforderte Seite wurde nicht gefunden."),
])
def test_error_pages_in_other_languages(settings, rules, title, text):
    d = _process(settings, rules, _html(title, f"<main><h1>{title}</h1><p>{text}</p></main>"))
    assert d.reason_code == "not_article.error_page", d.reason


def test_an_article_about_a_404_error_is_kept(settings, rules):
    paras = "".join(f"<p>Engineers traced outage number {i} to a misconfigured load balancer that answered every "
                    "request with a 404 page not found error for nearly three hours on Friday.</p>" for i in range(8))
    d = _process(settings, rules, _html("Why the city website showed 404 errors",
                                        f"<article><h1>Why the city website showed 404 errors</h1>{paras}</article>"))
    assert d.status == "article", d.reason
