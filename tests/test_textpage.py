"""Pages saved as text (every visible line, chrome included): the article found among the lines.

The pages are written here, in the shapes real sites have: a menu and masthead above, the headline with its
standfirst and byline, the body with a related list inside it, share buttons, most-read lists and a footer
below. Blank lines, bullets and wrapping vary, as copies from different browsers do.
"""

from __future__ import annotations

import pytest

from pipeline.models import RawRecord
from pipeline.process import process_record

MENU = ["The Example Courier", "Home", "News", "Local", "Business", "Sport", "Culture", "Opinion", "Weather",
        "Subscribe", "Sign in", "Search"]
HEADLINE = "Harbour commission approves new mooring fees after a long night of debate"
STANDFIRST = "Fishermen asked for a delay; the commission said the marina cannot wait another season"
BYLINE = "By Jane Holloway"
DATELINE = "March 3, 2025"
BODY = [
    "The harbour commission approved new mooring fees on Thursday night after a four-hour public meeting in "
    "which fishermen, marina owners and residents argued over who should pay for the repairs to the old pier.",
    "Under the new schedule, a commercial berth will cost 1,200 dollars a year, up from 800, while leisure boats "
    "will pay by the metre, a change the commission says is fairer to owners of small dinghies.",
    "The fishing cooperative had asked for the increase to be phased in over three years, arguing that a poor "
    "season and the rising price of diesel had already squeezed the margins of its thirty members.",
    "Commissioner Ruth Ames said the pier could not wait: engineers found last autumn that two of its pilings "
    "had rotted through, and the insurer has warned that it will not renew its cover after June.",
    "The fees take effect on the first of May. A review is planned for next winter, when the commission will "
    "publish the cost of the repairs and the income from the new berths.",
]
RELATED = ["Related", "Ferry timetable changes for the summer season", "Lighthouse keepers' cottage to reopen"]
TAIL = ["Share this article", "Facebook", "Twitter", "Email", "Most read", "Council votes on bike lanes",
        "School roof repairs delayed again", "Storm warning for the weekend", "About us", "Contact",
        "Advertise with us", "Privacy policy", "© 2025 The Example Courier. All rights reserved."]


def _page(blank: bool = True, bullets: str = "", related_inside: bool = True) -> str:
    lines = [bullets + m for m in MENU] + [HEADLINE, STANDFIRST, BYLINE, DATELINE]
    body = list(BODY)
    if related_inside:
        body[2:2] = RELATED
    lines += body + [bullets + t for t in TAIL]
    return ("\n\n" if blank else "\n").join(lines) + "\n"


def _process(text: str, settings, rules, **hints):
    raw = RawRecord("/in/courier.example/fees.txt", 0, "txt", "s", len(text), content=text, content_type="text",
                    hints=hints)
    return process_record(raw, settings, rules)


@pytest.mark.parametrize("blank", [True, False])
@pytest.mark.parametrize("bullets", ["", "* "])
def test_the_article_is_found_among_the_page_lines(settings, rules, blank, bullets):
    d = _process(_page(blank, bullets), settings, rules)
    assert d.status == "article", d.reason
    for paragraph in BODY:
        assert paragraph in d.text  # every sentence of the article, the last one included
    for chrome in MENU + TAIL + RELATED:
        assert chrome not in [p.text for p in d.paragraphs], chrome
    assert d.metadata.title == HEADLINE
    assert d.metadata.author == "Jane Holloway"
    assert d.metadata.published_at == "2025-03-03"
    rule_ids = {r.rule_id for r in d.removals}
    assert "text.before-article" in rule_ids and "text.after-article" in rule_ids


def test_a_related_list_inside_the_body_does_not_end_the_article(settings, rules):
    d = _process(_page(related_inside=True), settings, rules)
    assert BODY[-1] in d.text  # the article resumes after the related list
    assert "Ferry timetable changes for the summer season" not in d.text


def test_a_known_title_is_the_headline_and_leaves_the_body(settings, rules):
    d = _process(_page(), settings, rules, title=HEADLINE)
    assert d.metadata.title == HEADLINE
    assert HEADLINE not in d.text


def test_a_line_repeated_on_the_page_is_chrome_even_inside_the_article(settings, rules):
    longer = BODY[3] + " The repairs will be paid for by the new fees and a loan from the state harbour fund."
    text = _page().replace(BODY[3], f"Advertisement\n\n{longer}\n\nAdvertisement")
    d = _process(text, settings, rules)
    assert "Advertisement" not in d.text and longer in d.text
    ids = [r.rule_id for r in d.removals if r.text == "Advertisement"]
    assert len(ids) == 2 and set(ids) <= {"text.repeated-in-page", "en.ad"}


def test_plain_text_without_chrome_is_kept_whole(settings, rules):
    text = "A quiet week at the harbour\n\n" + "\n\n".join(BODY) + "\n\nHe was 84.\n"
    d = _process(text, settings, rules)
    assert d.metadata.title == "A quiet week at the harbour"
    assert d.text == "\n\n".join(BODY + ["He was 84."])
    assert d.removals == []


JA_BODY = ["市議会は木曜日、港の係留料金を引き上げる案を賛成多数で可決した。"
           "漁業者は段階的な導入を求めていたが、委員会は桟橋の修理を急ぐ必要があると説明した。",
           "新しい料金は五月一日から適用される。"
           "委員会は来年の冬に修理費用と新しい係留場所からの収入を公表し、料金を見直す予定だ。",
           "漁業協同組合の組合長は、燃料費の高騰で組合員の経営はすでに厳しいと述べ、市に支援策を求める考えを示した。"]
JA_HEADLINE = "港の係留料金引き上げを可決 漁業者は段階導入を要望"


def test_a_japanese_page_keeps_its_article(settings, rules):
    body, headline = JA_BODY, JA_HEADLINE
    text = "\n".join(["ホーム", "ニュース", "地域", "経済", headline, "2025年3月3日", *body, "関連記事",
                      "フェリーの夏ダイヤ", "灯台守の家が再開へ", "お問い合わせ", "利用規約"]) + "\n"
    d = _process(text, settings, rules)
    assert d.status == "article", d.reason
    assert all(b in d.text for b in body)
    assert "利用規約" not in d.text and "ホーム" not in d.text
    assert d.metadata.title == headline
    assert d.metadata.published_at == "2025-03-03"


def test_each_removed_line_knows_the_paragraph_it_stood_before(settings, rules):
    d = _process(_page(), settings, rules)
    texts = [p.text for p in d.paragraphs]
    at = {r.text: r.at for r in d.removals}
    assert at["Home"] == 0 and at["By Jane Holloway"] == texts.index(BODY[0])  # above the first paragraph
    assert at["Related"] == texts.index(BODY[2])  # inside it, where the related list was
    assert at["Privacy policy"] == len(texts)  # below it


def test_the_url_slug_names_the_headline(settings, rules):
    # the headline sits high in the page; a section banner in Title Case stands where a headline would
    headline = "Mooring Fees Approved After Night Of Debate"
    text = _page().replace(HEADLINE, "Harbour And Waterfront Coverage From Our Newsroom") \
        .replace("Local", f"Local\n\n{headline}")
    url = "https://courier.example/2025/03/mooring-fees-approved-after-debate.html"
    assert _process(text, settings, rules).metadata.title != headline  # without the URL: the banner
    assert _process(text, settings, rules, url=url).metadata.title == headline


def _lines(lines: list[str], blank: bool, bullets: str = "") -> str:
    """One page from its lines, with or without blank lines between them, menu-like lines bulleted or not."""
    return ("\n\n" if blank else "\n").join((bullets + t) if len(t.split()) <= 2 else t for t in lines) + "\n"


@pytest.mark.parametrize("blank", [True, False])
@pytest.mark.parametrize("bullets", ["", "* "])
def test_a_caption_under_the_byline_is_not_the_headline(settings, rules, blank, bullets):
    # the photo sits between the byline and the first paragraph: its caption is the nearest headline-like line
    headline = "Harbour commission approves new mooring fees"
    caption = "Commissioner Ruth Ames At The Meeting On The Pier Repairs"
    lines = [*MENU, headline, BYLINE, DATELINE, "Share", "Comments", caption, *BODY, *TAIL]
    d = _process(_lines(lines, blank, bullets), settings, rules)
    assert d.metadata.title == headline
    assert d.metadata.author == "Jane Holloway"


@pytest.mark.parametrize("blank", [True, False])
def test_a_headline_the_page_shows_twice_is_still_the_headline(settings, rules, blank):
    # a sticky bar at the top repeats the headline; a section banner in Title Case stands just above the body
    headline = "Mooring Fees Approved After Night Of Debate"
    lines = [*MENU[:4], headline, *MENU[4:], "Coverage From Our Harbour And Waterfront Desk", headline,
             STANDFIRST, BYLINE, DATELINE, "Our Harbour And Waterfront Coverage Every Week", *BODY, *TAIL]
    d = _process(_lines(lines, blank), settings, rules)
    assert d.metadata.title == headline


@pytest.mark.parametrize("blank", [True, False])
def test_a_long_headline_opening_the_article_is_the_headline(settings, rules, blank):
    # no byline: the headline is a long line, read as the first line of the article; a teaser above it is shorter
    headline = "Why the harbour commission is raising the fees that the fishermen pay for their moorings"
    lines = [*MENU, "You are reading", "Ferry timetable changes for the summer season", headline, *BODY, *TAIL]
    d = _process(_lines(lines, blank), settings, rules)
    assert d.metadata.title == headline
    assert headline not in d.text and BODY[0] in d.text


@pytest.mark.parametrize("blank", [True, False])
@pytest.mark.parametrize("bullets", ["", "* "])
def test_the_paragraph_under_the_byline_opens_the_article_across_a_video_box(settings, rules, blank, bullets):
    # a video player and its playlist sit between the opening paragraph and the rest of the article
    video = ["Watch", "Now playing", "01:42", "Lighthouse keepers' cottage to reopen", "02:10", "Up next",
             "Ferry timetable changes for the summer season", "03:05", "Storm warning for the weekend", "Up next",
             "School roof repairs delayed again", "More videos"]
    lines = [*MENU, HEADLINE, BYLINE, DATELINE, BODY[0], *video, *BODY[1:], *TAIL]
    d = _process(_lines(lines, blank, bullets), settings, rules)
    assert d.metadata.title == HEADLINE
    assert d.text.startswith(BODY[0]) and all(b in d.text for b in BODY)
    for chrome in video:
        assert chrome not in [p.text for p in d.paragraphs], chrome


def test_a_standfirst_above_the_byline_does_not_open_the_article(settings, rules):
    # the sentence between the headline and the byline is a standfirst: the article starts under the byline
    standfirst = ("Fishermen asked the commission for a delay of three years, but the marina says that the old pier "
                  "cannot wait another season.")
    video = ["Watch", "Now playing", "01:42", "Up next", "Storm warning for the weekend", "02:10", "More videos"]
    lines = [*MENU, HEADLINE, standfirst, BYLINE, DATELINE, *video, *BODY, *TAIL]
    d = _process(_lines(lines, True), settings, rules)
    assert d.metadata.title == HEADLINE
    assert d.text.startswith(BODY[0])


@pytest.mark.parametrize("blank", [True, False])
@pytest.mark.parametrize("comments", ["Comments", "12 comments"])
def test_a_comments_link_under_the_first_paragraph_does_not_end_the_article(settings, rules, blank, comments):
    # the share bar (with its comments link) sits under the opening paragraph; the real comments come after the end
    lines = [*MENU, HEADLINE, BYLINE, DATELINE, BODY[0], comments, *BODY[1:], "Join the conversation",
             "Ruth Ames wrote: the pier has needed this for years and the fees are still lower than in the next town.",
             *TAIL]
    d = _process(_lines(lines, blank), settings, rules)
    assert all(b in d.text for b in BODY)
    assert comments not in [p.text for p in d.paragraphs]
    assert "Ruth Ames wrote" not in d.text


@pytest.mark.parametrize("blank", [True, False])
def test_a_headline_may_speak_of_a_picture_but_a_credit_is_no_headline(settings, rules, blank):
    headline = "Readers Send A Picture Of The Flooded Harbour Road"
    credit = "Photo: Tom Ashby For The Example Courier"
    lines = [*MENU, headline, BYLINE, DATELINE, credit, *BODY, *TAIL]
    d = _process(_lines(lines, blank), settings, rules)
    assert d.metadata.title == headline


@pytest.mark.parametrize("blank", [True, False])
@pytest.mark.parametrize("share", ["Share via {} (opens a new window)", "Partager sur {} (nouvelle fenêtre)"])
def test_share_buttons_between_the_headline_and_the_byline_are_no_headline(settings, rules, blank, share):
    # a share bar whose entries all open with the same words, right above the byline
    buttons = [share.format(n) for n in ("Facebook", "Twitter", "LinkedIn", "Email")]
    headline = "Harbour commission approves new mooring fees"
    lines = [*MENU, headline, "The fees take effect in May.", "Photo: The Example Courier", *buttons, BYLINE, DATELINE,
             *BODY, *TAIL]
    d = _process(_lines(lines, blank), settings, rules)
    assert d.metadata.title == headline


@pytest.mark.parametrize("blank", [True, False])
def test_a_headline_under_a_promotion_that_opens_the_span_is_the_headline(settings, rules, blank):
    # a newsletter blurb reads like prose and opens the span; the headline comes after it, before the first paragraph
    blurb = ("Sign up for the harbour letter and we will send you the tide tables, the ferry news and the week's "
             "best stories every Friday.")
    headline = "Harbour commission approves new mooring fees"
    lines = [*MENU, "Our letters", blurb, "Join the club", headline, "Photo: The Example Courier", BYLINE,
             DATELINE, *BODY, *TAIL]
    d = _process(_lines(lines, blank), settings, rules)
    assert d.metadata.title == headline


@pytest.mark.parametrize("blank", [True, False])
def test_a_prompt_above_the_body_does_not_beat_a_headline_a_share_bar_away(settings, rules, blank):
    # no byline: the headline stands above a share bar, an app prompt in Title Case stands right above the body
    headline = "Harbour Commission Approves New Mooring Fees"
    lines = [*MENU, headline, "Share", "Facebook", "Twitter", "Email", "Print", "Save", "Send this story",
             "Listen To This Story In Our App", *BODY, *TAIL]
    d = _process(_lines(lines, blank), settings, rules)
    assert d.metadata.title == headline


@pytest.mark.parametrize("blank", [True, False])
def test_a_long_menu_line_opening_the_span_is_no_paragraph_before_the_headline(settings, rules, blank):
    # a Japanese page whose menu and breadcrumb render as one long line (no sentence end) at the span's top
    body, headline = JA_BODY, JA_HEADLINE
    menu = ("トップ ニュース 地域 経済 スポーツ 文化 くらし 天気 動画 写真 特集 連載 社説 コラム "
            "地域ニュース 港湾 ホーム > 地域 > ")
    lines = ["ホーム", "ニュース", "地域", "経済", menu + headline, headline, "2025年3月3日 12時00分更新", *body,
             "関連記事", "フェリーの夏ダイヤ", "灯台守の家が再開へ", "お問い合わせ", "利用規約"]
    d = _process(_lines(lines, blank), settings, rules)
    assert d.metadata.title == headline
    assert all(b in d.text for b in body)
