from pipeline.boilerplate import strip_boilerplate
from pipeline.models import Block
from pipeline.segment import segment_text

BODY = ("La municipalité a voté mardi un budget de 12 millions d'euros pour rénover les écoles du quartier "
        "nord, une décision attendue depuis plusieurs années par les parents d'élèves.")


def _strip(text, rules, header_blocks=8):
    return strip_boilerplate(segment_text(text), rules.rules_for(None), header_blocks)


def test_byline_on_two_lines_and_reading_time_become_metadata(rules):
    res = _strip(f"Par\nAmanda Zhang\n4 min de lecture\n\n{BODY}", rules)
    assert [b.text for b in res.blocks] == [BODY]
    assert res.captures["author"] == ["Amanda Zhang"]
    assert res.captures["reading_time"] == ["4"]
    assert [r.category for r in res.removals] == ["byline", "byline", "reading_time"]


def test_english_byline_with_two_authors(rules):
    res = _strip(f"By Jane Doe and John Smith\n5 min read\n\n{BODY}", rules)
    assert res.captures["author"] == ["Jane Doe and John Smith"]


def test_tail_opener_drops_the_rest_and_each_piece_keeps_its_own_rule(rules):
    text = (f"{BODY}\n\nVous aimerez peut-être aussi\n\nLe marché du vin recule\n\n"
            "Abonnez-vous à notre bulletin d'information\n\nNous utilisons des cookies sur notre site pour "
            "mesurer l'audience.")
    res = _strip(text, rules)
    assert [b.text for b in res.blocks] == [BODY]
    assert [r.rule_id for r in res.removals] == [
        "fr.related.vous-aimerez", "fr.related.vous-aimerez", "fr.newsletter.abonnez-vous", "fr.cookie.nous-utilisons"]


def test_tail_rule_does_not_fire_before_any_prose(rules):
    res = _strip(f"Lire aussi\n\n{BODY}", rules)
    assert BODY in [b.text for b in res.blocks]


def test_article_about_cookies_and_newsletters_keeps_its_body(rules):
    body = [
        "Nous utilisons des cookies au beurre salé dans cette recette, explique la pâtissière, car ils gardent "
        "leur croquant plus longtemps que les biscuits industriels vendus en grande surface, et les clients de "
        "la boutique les réclament chaque matin avant même l'ouverture des portes.",
        "Newsletters are a growing business: publishers say subscription revenue from email newsletters doubled "
        "last year as readers paid for curated briefings on finance, cooking and local politics in small towns.",
        "We use cookies from the family bakery as a reward for volunteers, said the organiser, who has run the "
        "charity race for eleven years and counts on the same bakers every spring.",
    ]
    res = _strip("\n\n".join(body), rules)
    assert [b.text for b in res.blocks] == body
    assert res.removals == []


def test_header_only_rules_do_not_fire_in_the_body(rules):
    res = _strip(f"{BODY}\n\nPar Jean Dupont\n\n{BODY}", rules)
    assert "Par Jean Dupont" in [b.text for b in res.blocks]


def test_inline_chrome_lines_in_four_languages(rules):
    chrome = ["Lire aussi : Le tramway arrive enfin à Valmorin", "Read also: Council votes on the harbour budget",
              "Mehr zum Thema: Neue Fähre über den Rhein", "Leer más: El mercado abre los domingos",
              "Sign up for our newsletter", "Newsletter abonnieren", "Suscríbete a nuestro boletín",
              "Publicité", "Advertisement", "Anzeige", "© 2025 Rheinblick. Alle Rechte vorbehalten.",
              "Lesezeit: 4 Minuten", "Lectura: 3 min"]
    blocks = [Block("paragraph", BODY)]
    for c in chrome:
        blocks += [Block("paragraph", c), Block("paragraph", BODY)]
    res = strip_boilerplate(blocks, rules.rules_for(None), header_blocks=0)
    assert [r.text for r in res.removals] == chrome
    assert all(b.text == BODY for b in res.blocks)


def test_between_rule(tmp_path):
    from pipeline.rules import load_rules

    (tmp_path / "boilerplate").mkdir()
    (tmp_path / "boilerplate" / "x.toml").write_text(
        "[[rule]]\nid='x.promo'\ncategory='ad'\naction='between'\npattern='^début promo$'\n"
        "end_pattern='^fin promo$'\nmax_words=3\n")
    rs = load_rules(tmp_path)
    blocks = [Block("paragraph", t) for t in ["avant", "Début promo", "achetez", "Fin promo", "après"]]
    res = strip_boilerplate(blocks, rs.rules_for(None))
    assert [b.text for b in res.blocks] == ["avant", "après"]
    assert {r.rule_id for r in res.removals} == {"x.promo"}
