"""Nothing lost, nothing doubled: hostile input, SIGKILL mid-run, overlapping ingests, readers during a load."""

from __future__ import annotations

import gzip
import io
import json
import os
import shutil
import subprocess
import sys
import threading
import time
import zipfile
import zlib
from pathlib import Path

import duckdb
import pytest

from tests.cli_run import articles_cmd

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 30

ARTICLE = ("Le conseil municipal de Valmorin a adopté mardi soir un budget de 48 millions d'euros pour l'année "
           "prochaine, après quatre heures de débat sur le financement des transports et des écoles. "
           "L'opposition a dénoncé une hausse des tarifs de l'eau, tandis que la majorité a défendu un plan "
           "d'investissement qu'elle juge indispensable pour rénover un réseau vieux de soixante ans.")


OTHER = ("La bibliothèque de l'Est a rouvert samedi après dix-huit mois de travaux, avec une salle de lecture "
         "agrandie, un atelier de réparation de vélos et des horaires étendus jusqu'à vingt-deux heures. Les "
         "habitants ont été nombreux à découvrir les nouveaux espaces, dont une terrasse plantée d'arbres "
         "fruitiers et une salle de musique insonorisée ouverte aux groupes amateurs du quartier.")
THIRD = ("Les pêcheurs du lac ont signé jeudi un accord avec la préfecture pour limiter les prises de perches "
         "pendant la période de reproduction, du premier avril au quinze juin. En échange, la région financera "
         "un programme de repeuplement et l'achat de filets plus sélectifs, une mesure réclamée depuis des "
         "années par les associations de protection de la faune aquatique.")


def _zip_bytes() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("a.txt", "hello")
    return buf.getvalue()


def _bomb(size: int) -> bytes:
    c = zlib.compressobj(9, zlib.DEFLATED, 31)
    chunk = b"\0" * 1_000_000
    out = [c.compress(chunk) for _ in range(size // 1_000_000)]
    return b"".join(out) + c.flush()


def build_hostile(root: Path) -> dict[str, str]:
    """Write the hostile corpus; returns {relative path: expected reason fragment or 'loaded'}."""
    root.mkdir(parents=True, exist_ok=True)
    exp: dict[str, str] = {}

    def put(name: str, data: bytes, expect: str) -> None:
        p = root / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(data)
        exp[name] = expect

    put("good.txt", f"Un budget voté à Valmorin\n\n{ARTICLE}\n".encode(), "loaded")
    put("empty.txt", b"", "empty file")
    put("blank.html", b"  \n\t \n", "only whitespace")
    put("png.txt", PNG, "PNG image")
    put("zip.html", _zip_bytes(), "ZIP archive")
    put("truncated.html.gz", gzip.compress(b"<html><body>" + b"<p>texte</p>" * 4000)[:-40], "truncated gzip")
    put("bomb.txt.gz", _bomb(60_000_000), "gzip-bomb guard")
    put("not-gzip.txt.gz", b"plain text pretending", "not gzip data")
    put("invalid-utf8.txt", b"Titre\n\n" + bytes(range(0x80, 0x100)) * 4, "")  # decodes as cp1252: judged on text
    mixed = (f"La bibliothèque rouvre\n\n{OTHER}\n".encode()
             + "Le maire a salué « un budget de cœur ».\n".encode("cp1252"))
    put("mixed-encodings.txt", mixed, "loaded")
    para = ("<p>" + "Le conseil municipal a voté un budget important pour les écoles de la ville. " * 20
            + "</p>\n").encode()
    put("huge.html", b"<html><body><article>" + para * (49_000_000 // len(para)) + b"</article></body></html>",
        "too large to extract")
    put("deep.html", ("<html><body>" + "<div>" * 10_000 + f"<p>{ARTICLE}</p>" + "</div>" * 10_000
                      + "</body></html>").encode(), "levels deep")
    put("no-text.html", b"<html><head><title>x</title></head><body><div><img src=a.png></div></body></html>",
        "no article content")
    links = "".join(f"<li><a href='/a{i}'>Titre numéro {i} sur le budget de la ville et ses écoles</a></li>"
                    for i in range(15))
    put("index.html", f"<html><body><main><h1>Politique</h1><ul>{links}</ul></main></body></html>".encode(),
        "not an article")
    lines = [
        json.dumps({"url": "https://ex.example/a", "title": "Pêche", "text": THIRD}),
        '{"title": "broken',
        json.dumps({"title": "no body"}),
        json.dumps({"text": ["not", "a", "string"]}),
        json.dumps({"text": "x" * 21_000_000}),
        json.dumps(17),
    ]
    put("feed.jsonl", "\n".join(lines).encode(), "jsonl")
    (root / "loop").mkdir()
    os.symlink(root, root / "loop" / "back")
    os.symlink(root / "missing.txt", root / "dangling.txt")
    exp["dangling.txt"] = "broken symbolic link"
    os.mkfifo(root / "pipe.txt")
    exp["pipe.txt"] = "named pipe"
    return exp


def test_hostile_corpus_every_file_accounted_for(prefect_server, tmp_path):
    from flows.ingest import run_ingest

    inbox = tmp_path / "hostile"
    expected = build_hostile(inbox)
    db = tmp_path / "h.duckdb"
    summary = run_ingest(str(inbox), db=str(db), batch_size=4)
    con = duckdb.connect(str(db), read_only=True)
    try:
        rows = con.execute("SELECT source_path, record_index, status, reason FROM documents").fetchall()
    finally:
        con.close()
    by_file: dict[str, list] = {}
    for path, idx, status, reason in rows:
        by_file.setdefault(os.path.relpath(path, inbox), []).append((idx, status, reason or ""))
    assert set(by_file) == set(expected), set(by_file) ^ set(expected)
    for name, want in expected.items():
        got = by_file[name]
        if name == "feed.jsonl":
            reasons = {i: r for i, s, r in got}
            assert [s for i, s, _ in sorted(got)] == ["loaded", "rejected", "rejected", "rejected", "rejected",
                                                      "rejected"]
            assert "invalid JSON" in reasons[1] and "neither" in reasons[2] and "must be strings" in reasons[3]
            assert "line too long" in reasons[4] and "JSON object" in reasons[5]
            continue
        [(idx, status, reason)] = got
        if want == "loaded":
            assert status == "loaded", (name, reason)
        elif want:
            assert status == "rejected" and want in reason, (name, status, reason)
        else:
            assert status == "rejected" and reason, (name, status, reason)
    assert summary["records_seen"] == len(rows)
    assert summary["loaded"] + summary["duplicate"] + summary["rejected"] == len(rows)


def _state(db: Path) -> dict:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {
            "documents": con.execute("SELECT doc_id, source_path, record_index, status, reason, article_id "
                                     "FROM documents ORDER BY doc_id").fetchall(),
            "articles": con.execute("SELECT article_id, title, author, language, text, content_hash, duplicate_of, "
                                    "similarity FROM articles ORDER BY article_id").fetchall(),
            "paragraphs": con.execute("SELECT * FROM paragraphs ORDER BY article_id, position").fetchall(),
            "removed": con.execute("SELECT * FROM removed_blocks ORDER BY doc_id, position").fetchall(),
            "signatures": con.execute("SELECT * FROM signatures ORDER BY article_id").fetchall(),
        }
    finally:
        con.close()


@pytest.fixture(scope="module")
def clean_reference(prefect_server, tmp_path_factory):
    """One clean run over samples/ with batch size 3, through the CLI like the crash runs."""
    db = tmp_path_factory.mktemp("ref") / "ref.duckdb"
    env = {**os.environ, "PREFECT_API_URL": prefect_server}
    proc = articles_cmd(["ingest", str(SAMPLES), "--db", str(db), "--batch-size", "3"], env)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return _state(db)


@pytest.mark.slow
@pytest.mark.parametrize("crash_at", ["before-commit:3", "between-batches:2", "before-commit:1"])
def test_sigkill_then_rerun_gives_the_clean_warehouse(prefect_server, clean_reference, tmp_path, crash_at):
    db = tmp_path / "crash.duckdb"
    env = {**os.environ, "PREFECT_API_URL": prefect_server}
    crashed = articles_cmd(["ingest", str(SAMPLES), "--db", str(db), "--batch-size", "3"],
                            {**env, "ARTICLES_CRASH_AT": crash_at})
    assert crashed.returncode == -9, (crashed.returncode, crashed.stderr[-2000:])
    partial = _state(db)
    assert len(partial["documents"]) < len(clean_reference["documents"])
    # no half-loaded article: every committed article has its document, its paragraphs and its signature
    committed = {r[5] for r in partial["documents"] if r[3] != "rejected"}
    assert committed == {a[0] for a in partial["articles"]}
    assert committed == {p[0] for p in partial["paragraphs"]} == {s[0] for s in partial["signatures"]}
    resumed = articles_cmd(["ingest", str(SAMPLES), "--db", str(db), "--batch-size", "3"], env)
    assert resumed.returncode == 0, resumed.stderr[-2000:]
    assert _state(db) == clean_reference
    con = duckdb.connect(str(db), read_only=True)
    try:
        statuses = [r[0] for r in con.execute("SELECT status FROM runs ORDER BY started_at").fetchall()]
    finally:
        con.close()
    assert statuses == ["interrupted", "completed"]


def test_two_ingests_at_once_and_a_reader_during_the_load(prefect_server, clean_reference, tmp_path):
    from warehouse.query import run_query

    inbox = tmp_path / "inbox"
    shutil.copytree(SAMPLES, inbox / "a")
    db = tmp_path / "both.duckdb"
    env = {**os.environ, "PREFECT_API_URL": prefect_server}
    args = ["ingest", str(inbox), "--db", str(db), "--batch-size", "2", "--json"]
    procs = [subprocess.Popen([sys.executable, "-m", "flows.cli", *args], cwd=ROOT, env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    answers: list[int] = []
    errors: list[str] = []

    def read_while_loading():
        while any(p.poll() is None for p in procs):
            if db.exists():
                try:
                    _, rows = run_query(db, "SELECT count(*) FROM documents", retry_s=60)
                    answers.append(rows[0][0])
                except Exception as exc:  # noqa: BLE001 - collected and asserted below
                    if "Catalog Error" not in str(exc):  # the schema may not exist yet at the very start
                        errors.append(repr(exc))
            time.sleep(0.3)

    reader = threading.Thread(target=read_while_loading)
    reader.start()
    outs = [p.communicate(timeout=600) for p in procs]
    reader.join()
    assert all(p.returncode == 0 for p in procs), [o[1][-1500:] for o in outs]
    summaries = [json.loads(o[0][o[0].index("{"):]) for o in outs]
    assert sorted(s["loaded"] for s in summaries)[0] == 0, "the second ingest must not load anything again"
    assert sum(s["records_seen"] for s in summaries) == len(clean_reference["documents"])
    assert not errors, errors
    assert answers and answers == sorted(answers), "readers saw counts go backwards"
    con = duckdb.connect(str(db), read_only=True)
    try:
        n = con.execute("SELECT count(*), count(DISTINCT doc_id) FROM documents").fetchone()
    finally:
        con.close()
    assert n == (len(clean_reference["documents"]),) * 2
