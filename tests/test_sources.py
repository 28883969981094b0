import gzip
import json
import os

import pytest

from pipeline.sources import classify_path, discover, read_source


def _one(path, settings):
    [sf] = list(discover([path]))
    return read_source(sf, settings)


def test_classify_path():
    assert classify_path("a/b.HTML") == ("html", False)
    assert classify_path("x.jsonl.gz") == ("jsonl", True)
    assert classify_path("x.txt") == ("txt", False)
    assert classify_path("x.pdf") == (None, False)


def test_discover_is_recursive_sorted_skips_hidden_and_survives_symlink_loops(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "deep").mkdir(parents=True)
    (tmp_path / "b" / "2.txt").write_text("x")
    (tmp_path / "a" / "deep" / "1.html").write_text("x")
    (tmp_path / ".hidden").write_text("x")
    os.symlink(tmp_path, tmp_path / "a" / "loop")
    found = [os.path.relpath(sf.path, tmp_path) for sf in discover([tmp_path])]
    assert found == ["a/deep/1.html", "b/2.txt"]


def test_site_hint_comes_from_a_host_like_folder(tmp_path):
    d = tmp_path / "www.example.org" / "2025"
    d.mkdir(parents=True)
    (d / "a.txt").write_text("x")
    [sf] = list(discover([tmp_path]))
    assert sf.site_hint == "example.org"
    # the same file named alone, or under a folder below the host's: the same site
    assert [s.site_hint for s in discover([d / "a.txt"])] == ["example.org"]
    assert [s.site_hint for s in discover([d])] == ["example.org"]
    # a dotted folder that is no host name (a version, a hidden folder) names nothing
    v = tmp_path / "project.v2" / ".cache"
    v.mkdir(parents=True)
    (v / "b.txt").write_text("x")
    assert [s.site_hint for s in discover([v / "b.txt"])] == [None]


def test_empty_and_whitespace_files_are_rejected(tmp_path, settings):
    (tmp_path / "e.txt").write_bytes(b"")
    (tmp_path / "w.txt").write_bytes(b" \n\t\n")
    assert _one(tmp_path / "e.txt", settings)[0].reject_reason == "empty file"
    assert _one(tmp_path / "w.txt", settings)[0].reject_reason == "file holds only whitespace"


def test_gzip_is_read_and_hashed_on_the_compressed_bytes(tmp_path, settings):
    p = tmp_path / "a.txt.gz"
    p.write_bytes(gzip.compress(b"Titre\n\nCorps du texte."))
    [rec] = _one(p, settings)
    assert rec.reject_reason is None
    assert rec.content.startswith("Titre")
    assert rec.size_bytes == p.stat().st_size


def test_truncated_gzip_is_rejected(tmp_path, settings):
    p = tmp_path / "t.html.gz"
    p.write_bytes(gzip.compress(b"<html>" + b"x" * 5000)[:-20])
    [rec] = _one(p, settings)
    assert "gzip" in rec.reject_reason


def test_gzip_bomb_is_capped(tmp_path, settings):
    p = tmp_path / "bomb.txt.gz"
    p.write_bytes(gzip.compress(b"a" * 3_000_000))
    [rec] = read_source(next(iter(discover([p]))), settings.replace(max_decompressed_bytes=1_000_000))
    assert "exceeds" in rec.reject_reason and "gzip-bomb" in rec.reject_reason


def test_gz_name_without_gzip_content(tmp_path, settings):
    p = tmp_path / "fake.txt.gz"
    p.write_text("plain text")
    assert "not gzip" in _one(p, settings)[0].reject_reason


def test_unsupported_extension_is_a_rejected_record(tmp_path, settings):
    p = tmp_path / "notes.docx"
    p.write_bytes(b"PK\x03\x04")
    assert "unsupported file type" in _one(p, settings)[0].reject_reason


def test_jsonl_good_and_bad_lines(tmp_path, settings):
    lines = [
        json.dumps({"url": "https://ex.org/a", "title": "T", "text": "Du texte.", "author": "A B"}),
        "{not json",
        json.dumps({"title": "no body"}),
        json.dumps({"text": 42}),
        json.dumps([1, 2]),
        "",
        json.dumps({"html": "<p>Hello</p>", "published": "2025-01-02"}),
    ]
    p = tmp_path / "feed.jsonl"
    p.write_text("\n".join(lines))
    recs = _one(p, settings)
    by_index = {r.record_index: r for r in recs}
    assert sorted(by_index) == [0, 1, 2, 3, 4, 6]  # the blank line is not a record
    assert by_index[0].reject_reason is None and by_index[0].hints["url"] == "https://ex.org/a"
    assert "invalid JSON" in by_index[1].reject_reason and by_index[1].reject_reason.startswith("line 2:")
    assert "neither" in by_index[2].reject_reason
    assert "must be strings" in by_index[3].reject_reason
    assert "JSON object" in by_index[4].reject_reason
    assert by_index[6].content_type == "html"
    assert len({r.sha256 for r in recs}) == 1


def test_unreadable_file_is_rejected(tmp_path, settings):
    if os.geteuid() == 0:
        pytest.skip("root reads any file")
    p = tmp_path / "locked.txt"
    p.write_text("secret")
    p.chmod(0)
    assert "permission denied" in _one(p, settings)[0].reject_reason


def test_file_that_disappears_is_rejected(tmp_path, settings):
    p = tmp_path / "gone.txt"
    p.write_text("soon gone")
    [sf] = list(discover([p]))
    p.unlink()
    assert "disappeared" in read_source(sf, settings)[0].reject_reason
