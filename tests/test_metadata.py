from pipeline.metadata import clean_authors, clean_date, clean_title, site_from_url


def test_site_from_url():
    assert site_from_url("https://www.Example.org/a/b?c=1") == "example.org"
    assert site_from_url(None) is None
    assert site_from_url("not a url") is None


def test_title_suffix_is_dropped_only_when_it_names_the_site():
    assert clean_title("Le budget est voté - Le Monde Imaginaire", "lemonde-imaginaire.fr",
                       "Le Monde Imaginaire") == "Le budget est voté"
    assert clean_title("Harbor Bridge reopens | Daily Harbor", "dailyharbor.example") == "Harbor Bridge reopens"
    assert clean_title("Paris - Berlin : le train de nuit revient", "example.org") == \
        "Paris - Berlin : le train de nuit revient"


def test_authors_names_only_several_kept():
    assert clean_authors("Par Jean Dupont et Marie Curie") == "Jean Dupont; Marie Curie"
    assert clean_authors(["By Jane Doe"]) == "Jane Doe"
    assert clean_authors("Von Anna Schmidt und Jonas Weber") == "Anna Schmidt; Jonas Weber"
    assert clean_authors(None) is None


def test_dates_are_iso_or_nothing():
    assert clean_date("2025-03-04T10:00:00+02:00") == "2025-03-04T10:00:00+02:00"
    assert clean_date("2025-03-04") == "2025-03-04"
    assert clean_date("04/03/2025") == "2025-03-04"
    assert clean_date("2025-13-45") is None
    assert clean_date("yesterday") is None


def test_title_suffixes_with_full_width_bare_separators_and_abbreviated_hosts():
    assert clean_title("電車の新路線が開通：例示新聞デジタル", "reiji.example", "例示新聞デジタル") == \
        "電車の新路線が開通"
    assert clean_title("Treeviz released:devlog diary", "devlog.example") == "Treeviz released"
    assert clean_title("Harbor vote delayed - The North Wire Times", "nwtimes.example") == "Harbor vote delayed"
    # a tail that does not name the site stays, abbreviation or not
    assert clean_title("Economy grows - Economic notes", "cnn.com") == "Economy grows - Economic notes"
    assert clean_title("Genetik: Das Geheimnis der Riesenblume", "spektrum.example") == \
        "Genetik: Das Geheimnis der Riesenblume"


def test_authors_are_people_not_months_profiles_networks_addresses_or_the_site():
    assert clean_authors("January") is None
    assert clean_authors("See full bio") is None
    assert clean_authors("Facebook") is None
    assert clean_authors("https://example.org/author/jane") is None
    assert clean_authors("Scannet Security", ("scannetsecurity.example",)) is None
    assert clean_authors("Jane Doe; Dec") == "Jane Doe"
    assert clean_authors("Mayra Decker") == "Mayra Decker"  # a name that starts like a month stays


def test_an_archived_url_names_the_archived_site():
    assert site_from_url("https://web.archive.org/web/20190102030405/https://www.example.org/a/b") == "example.org"
    assert site_from_url("http://web.archive.org/web/20190102030405id_/http://news.example.com/x") == \
        "news.example.com"
