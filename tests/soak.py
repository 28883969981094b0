"""`make soak`: 20 scheduled-style runs over an inbox that grows between runs (not part of `make test`).

Each round adds new articles, exact and syndicated copies of earlier ones, bad files, and edits one earlier
file. At the end every file version must be accounted for exactly once and the run counts must add up.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.synthetic import article, as_html, as_text  # noqa: E402


def grow(inbox: Path, rng: random.Random, round_no: int, made: list[Path]) -> dict[str, int]:
    added = {"new": 0, "copies": 0, "bad": 0, "edited": 0}
    site = f"site{round_no % 3}.example"
    for i in range(rng.randint(8, 14)):
        lang = rng.choice(["en", "fr", "de"])
        title, body = article(rng, lang)
        d = inbox / site / f"r{round_no:02d}"
        d.mkdir(parents=True, exist_ok=True)
        kind = rng.random()
        if kind < 0.5:
            p = d / f"a{i}.html"
            p.write_text(as_html(title, body, lang, site), encoding="utf-8")
        elif kind < 0.8:
            p = d / f"a{i}.txt"
            p.write_text(as_text(title, body, lang, site), encoding="utf-8")
        else:
            p = d / f"a{i}.jsonl.gz"
            recs = [{"url": f"https://{site}/{round_no}/{i}/{j}", "title": t, "text": "\n\n".join(b)}
                    for j, (t, b) in enumerate(article(rng, lang) for _ in range(3))]
            p.write_bytes(gzip.compress("\n".join(json.dumps(r) for r in recs).encode()))
        made.append(p)
        added["new"] += 1
    for _ in range(rng.randint(1, 3)):  # exact copies of earlier files, elsewhere
        src = rng.choice(made)
        dst = inbox / "mirror.example" / f"r{round_no:02d}-{src.name}"
        dst.parent.mkdir(parents=True, exist_ok=True)
        dst.write_bytes(src.read_bytes())
        added["copies"] += 1
    bad = inbox / "junk" / f"r{round_no:02d}"
    bad.mkdir(parents=True, exist_ok=True)
    (bad / "empty.txt").write_bytes(b"")
    (bad / "image.html").write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(64))
    (bad / "feed.jsonl").write_text('{"text": "short"}\n{broken\n')
    added["bad"] += 3
    if round_no > 1:  # a file whose content changed since it was ingested
        victim = rng.choice([p for p in made if p.suffix in (".txt", ".html")])
        victim.write_text(victim.read_text(encoding="utf-8").replace(".", ". Edited.", 1), encoding="utf-8")
        added["edited"] += 1
    return added


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=20)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    import duckdb

    from flows.ingest import run_ingest
    from flows.server import prefect_api

    work = Path(tempfile.mkdtemp(prefix="articles-soak-"))
    inbox, db = work / "inbox", work / "soak.duckdb"
    rng = random.Random(args.seed)
    made: list[Path] = []
    t0 = time.perf_counter()
    summaries = []
    with prefect_api():
        for r in range(1, args.rounds + 1):
            grow(inbox, rng, r, made)
            t = time.perf_counter()
            s = run_ingest(str(inbox), db=str(db), batch_size=50)
            summaries.append(s)
            print(f"round {r:2d}: files {s['files_seen']:4d}  loaded {s['loaded']:3d}  duplicate {s['duplicate']:3d}  "
                  f"rejected {s['rejected']:3d}  unchanged {s['unchanged']:4d}  {time.perf_counter() - t:5.1f} s")
    con = duckdb.connect(str(db), read_only=True)
    problems = []
    try:
        files_now = sorted(p for p in inbox.rglob("*") if p.is_file())
        for p in files_now:
            import hashlib

            sha = hashlib.sha256(p.read_bytes()).hexdigest()
            n = con.execute("SELECT count(*) FROM documents WHERE source_path = ? AND sha256 = ?",
                            [str(p), sha]).fetchone()[0]
            if n == 0:
                problems.append(f"no documents row for current version of {p}")
        dup_ids = con.execute("SELECT count(*) - count(DISTINCT doc_id) FROM documents").fetchone()[0]
        if dup_ids:
            problems.append(f"{dup_ids} duplicated doc_id")
        total_docs = con.execute("SELECT count(*) FROM documents").fetchone()[0]
        run_sum = con.execute("SELECT sum(loaded + duplicate + rejected), count(*), "
                              "count(*) FILTER (WHERE status = 'completed') FROM runs").fetchone()
        if run_sum[0] != total_docs:
            problems.append(f"runs add up to {run_sum[0]} records, documents has {total_docs}")
        if run_sum[2] != args.rounds:
            problems.append(f"{run_sum[2]} completed runs of {args.rounds}")
        orphan = con.execute("SELECT count(*) FROM documents d LEFT JOIN articles a USING (doc_id) "
                             "WHERE (d.status = 'rejected') = (a.doc_id IS NOT NULL)").fetchone()[0]
        if orphan:
            problems.append(f"{orphan} documents whose status disagrees with articles")
        counts = dict(con.execute("SELECT status, count(*) FROM documents GROUP BY 1").fetchall())
    finally:
        con.close()
    wall = time.perf_counter() - t0
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\n{args.rounds} runs in {wall:.0f} s; {len(files_now)} files in the inbox, {total_docs} document rows "
          f"({counts}); peak RSS of the flow process {rss:.0f} MB")
    if problems:
        print("SOAK FAILED:\n  " + "\n  ".join(problems))
        return 1
    print("SOAK OK: every file version accounted for exactly once; run counts add up")
    return 0


if __name__ == "__main__":
    sys.exit(main())
