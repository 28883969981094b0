import pytest

from pipeline.bylines import find_authors, find_date, parse_date


@pytest.mark.parametrize("line, authors", [
    ("Posted on September 14, 2025 by Priya Ramaswamy · 1 min read", "Priya Ramaswamy"),
    ("Par Arnaud Pelletier · 4 avril 2025 · 1 min de lecture", "Arnaud Pelletier"),
    ("Von Monika Aigner | Veröffentlicht am 13. März 2025", "Monika Aigner"),
    ("Por Inês Carvalho e Rui Tavares", "Inês Carvalho; Rui Tavares"),
    ("di Chiara Lodi", "Chiara Lodi"),
    ("By Jane Doe and John Smith, Staff", "Jane Doe; John Smith"),
    ("by Tom Ashby March 4, 2025 at 9:05am", "Tom Ashby"),
    ("By Nadia Ferreira • 03/04/25 9:05am", "Nadia Ferreira"),
    ("by Owen Marsh @owenmarsh March 3, 2025: 10:15 AM ET", "Owen Marsh"),
    ("By Owen Marsh@owenmarsh Mar 3, 2025, 4:20pm EST Share", "Owen Marsh"),
    ("Par Léa Martin Mars 2025", "Léa Martin"),
    ("By the numbers", None),
    ("Le conseil a voté par 12 voix contre 3.", None),
])
def test_find_authors(line, authors):
    assert find_authors([line]) == authors


def test_prefix_alone_on_its_line_joins_the_name_below():
    assert find_authors(["Accueil", "Par", "Mathilde Roussel", "Publié le 3 mars 2025"]) == "Mathilde Roussel"


@pytest.mark.parametrize("line, iso", [
    ("Publié le 3 mars 2025 à 10h12", "2025-03-03"),
    ("Veröffentlicht am 4. März 2025", "2025-03-04"),
    ("Publicado em 12 de março de 2025", "2025-03-12"),
    ("Publicado el 1 de febrero de 2025", "2025-02-01"),
    ("11 aprile 2025, ore 09:15", "2025-04-11"),
    ("March 3, 2025", "2025-03-03"),
    ("10/02/2025 18:00", "2025-02-10"),
    ("2025-06-30T08:00:00Z", "2025-06-30"),
    ("31 février 2025", None),
    ("no date here", None),
])
def test_parse_date(line, iso):
    assert parse_date(line) == iso


def test_published_wins_over_updated_and_over_plain_dates():
    lines = ["Mis à jour le 5 mars 2025", "Le 2 janvier 2025 la ville…", "Publié le 3 mars 2025"]
    assert find_date(lines) == "2025-03-03"
    assert find_date(["Mis à jour le 5 mars 2025"]) == "2025-03-05"


def test_a_by_inside_a_headline_is_not_a_byline():
    assert find_authors(["Suspect Shot Dead In Milan By Rookie Police Officer"]) is None
    assert find_authors(["Berlin suspect shot dead", "by", "Jack Davison"]) == "Jack Davison"


def test_dates_written_year_first():
    assert parse_date("2019年4月21日 12:00 公開") == "2019-04-21"
    assert parse_date("2019년 4월 21일") == "2019-04-21"
    assert parse_date("更新 2019/3/5") == "2019-03-05"
    assert parse_date("version 1.2.3") is None
