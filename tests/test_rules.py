import pytest

from pipeline.rules import load_rules
from pipeline.settings import ConfigError, load_settings


def _write(tmp_path, body, name="bad.toml"):
    (tmp_path / "boilerplate").mkdir(exist_ok=True)
    (tmp_path / "boilerplate" / name).write_text(body)
    return tmp_path


def test_shipped_config_loads_with_ids_and_categories(rules):
    ids = [r.id for r in rules.rules]
    assert len(ids) == len(set(ids)) >= 60
    langs = {i.split(".")[0] for i in ids}
    assert {"fr", "en", "de", "es", "common"} <= langs
    assert rules.selectors and all(s.id and s.category for s in rules.selectors)


def test_bad_regex_names_file_and_rule(tmp_path):
    _write(tmp_path, "[[rule]]\nid='x.broken'\ncategory='ad'\npattern='(unclosed'\n")
    with pytest.raises(ConfigError, match=r"bad\.toml.*x\.broken.*bad regex"):
        load_rules(tmp_path)


def test_unknown_field_names_file_and_rule(tmp_path):
    _write(tmp_path, "[[rule]]\nid='x.typo'\ncategory='ad'\npattern='^a$'\nmax_word=3\n")
    with pytest.raises(ConfigError, match=r"x\.typo.*unknown field.*max_word"):
        load_rules(tmp_path)


def test_unknown_category_and_duplicate_id(tmp_path):
    _write(tmp_path, "[[rule]]\nid='x.a'\ncategory='nonsense'\npattern='^a$'\n")
    with pytest.raises(ConfigError, match="unknown category"):
        load_rules(tmp_path)
    _write(tmp_path, "[[rule]]\nid='x.a'\ncategory='ad'\npattern='^a$'\n[[rule]]\nid='x.a'\ncategory='ad'\n"
                     "pattern='^b$'\n")
    with pytest.raises(ConfigError, match="duplicate id"):
        load_rules(tmp_path)


def test_example_that_its_pattern_does_not_match_is_an_error(tmp_path):
    _write(tmp_path, "[[rule]]\nid='x.ex'\ncategory='ad'\npattern='^pub$'\nexamples=['Publicité']\n")
    with pytest.raises(ConfigError, match="does not match its own example"):
        load_rules(tmp_path)


def test_bad_css_selector(tmp_path):
    (tmp_path / "selectors.toml").write_text("[[selector]]\nid='s.bad'\ncategory='ad'\ncss='div[[['\n")
    with pytest.raises(ConfigError, match=r"s\.bad.*bad CSS"):
        load_rules(tmp_path)


def test_site_rules_apply_to_their_host_only(tmp_path):
    (tmp_path / "sites").mkdir()
    (tmp_path / "sites" / "www.example.org.toml").write_text(
        "[[rule]]\nid='site.example.promo'\ncategory='ad'\npattern='^the example club$'\nmax_words=3\n")
    rs = load_rules(tmp_path)
    assert [r.id for r in rs.rules_for("example.org")] == ["site.example.promo"]
    assert rs.rules_for("other.org") == ()


def test_settings_reject_unknown_keys_and_wrong_types(tmp_path):
    (tmp_path / "pipeline.toml").write_text("[ingest]\nbatch_sise = 3\n")
    with pytest.raises(ConfigError, match="unknown setting"):
        load_settings(tmp_path)
    (tmp_path / "pipeline.toml").write_text("[ingest]\nbatch_size = 'many'\n")
    with pytest.raises(ConfigError, match="batch_size must be int"):
        load_settings(tmp_path)
    (tmp_path / "pipeline.toml").write_text("[dedup]\nnum_perm = 100\nbands = 32\n")
    with pytest.raises(ConfigError, match="multiple of bands"):
        load_settings(tmp_path)
