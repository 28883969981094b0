"""Score the real flow against trafilatura alone on the real pages of ../shared/realworld, in one run.

    .venv/bin/python tests/eval_real/run.py            # what `make eval-real` runs
    .venv/bin/python tests/eval_real/run.py --html-only

HTML: every page goes, with its URL, into one JSONL file of {"url", "html"} records (bytes decoded by the
pipeline's own decoder); `articles ingest` (the CLI, through Prefect, into a fresh DuckDB file) loads it and
the predictions are read back from the warehouse with SQL. trafilatura alone runs on the same pages in the
same run (the corpus's own `score.py --baseline trafilatura`).

Text: the same pages rendered as browser text by the corpus's `render_text.py` (inscriptis, installed into
the venv on first use), ingested as .txt files, scored beside the keep-every-line and C4 line baselines.

Everything lands in build/eval-real/: predictions, per-page TSVs, and summary.txt with every SCORE line and
the gap per metric. Nothing from the corpus is copied into the repository: the corpus is read where it is.
Exits 0; tests/test_eval_real.py holds the floors.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
REALWORLD = Path(os.environ.get("REALWORLD_DIR", ROOT.parent / "shared" / "realworld"))
OUT = ROOT / "build" / "eval-real"
METRICS = ("text_f1", "text_docs_ge_0.9", "lead", "title", "author", "date", "rejected")

if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def load_gold(realworld: Path = REALWORLD) -> list[dict]:
    with open(realworld / "gold.jsonl", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def build_html_input(gold: list[dict], path: Path, realworld: Path = REALWORLD) -> None:
    """One JSONL line per gold page, in gold order: record_index = position in gold.jsonl."""
    from pipeline.decode import decode_bytes

    with open(path, "w", encoding="utf-8") as fh:
        for g in gold:
            with gzip.open(realworld / g["page"]) as page:
                raw = page.read()
            html, _ = decode_bytes(raw, is_html=True)
            rec = {"html": html}
            if g.get("url"):
                rec["url"] = g["url"]
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")


def ingest(sources: list[Path], db: Path, log: Path) -> float:
    """`articles ingest` into a fresh warehouse; returns the wall time."""
    for suffix in ("", ".wal", ".lock"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    env = dict(os.environ)
    env.setdefault("PREFECT_HOME", str(OUT / "prefect-home"))
    env.pop("PREFECT_API_URL", None)
    t0 = time.perf_counter()
    with open(log, "w") as fh:
        proc = subprocess.run([str(ROOT / ".venv" / "bin" / "articles"), "ingest", *map(str, sources),
                               "--db", str(db), "--json"], stdout=fh, stderr=subprocess.STDOUT, env=env,
                              cwd=OUT)
    if proc.returncode != 0:
        raise SystemExit(f"articles ingest failed (exit {proc.returncode}); see {log}")
    return time.perf_counter() - t0


def predictions_from_warehouse(db: Path, key_of) -> dict[str, dict]:
    """Page id -> prediction, read with SQL from the warehouse; rejected pages are predicted rejected."""
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    rows = con.execute("""
        SELECT d.source_path, d.record_index, d.status, a.title, a.author,
               strftime(a.published_at, '%Y-%m-%d'), a.text
        FROM documents d LEFT JOIN articles a ON a.article_id = d.article_id
    """).fetchall()
    con.close()
    out: dict[str, dict] = {}
    for path, index, status, title, author, date, text in rows:
        key = key_of(path, index)
        if key is None:
            continue
        if status == "rejected" or text is None:
            out[key] = {"id": key, "rejected": True}
        else:
            out[key] = {"id": key, "title": title, "author": author.split("; ") if author else None,
                        "published": date, "text": text}
    return out


def write_predictions(preds: dict[str, dict], gold: list[dict], path: Path) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for g in gold:
            fh.write(json.dumps(preds.get(g["id"], {"id": g["id"], "rejected": True}), ensure_ascii=False) + "\n")


def score(args: list[str], per_doc: Path) -> dict[str, float]:
    proc = subprocess.run([sys.executable, str(REALWORLD / "score.py"), "--gold", str(REALWORLD / "gold.jsonl"),
                           *args, "--per-doc", str(per_doc)], capture_output=True, text=True, check=True)
    line = next(x for x in proc.stdout.splitlines() if x.startswith("SCORE "))
    return {k: float(v) for k, v in (p.split("=") for p in line.split()[1:])}


def score_line(values: dict[str, float]) -> str:
    return "SCORE " + " ".join(f"{m}={values[m]:.3f}" for m in METRICS if m in values)


def table(title: str, rows: list[tuple[str, dict[str, float]]], ref: str) -> str:
    """Systems side by side, then each one's gap to the reference row."""
    refv = dict(rows)[ref]
    head = f"{'':<34}" + "".join(f"{m:>17}" for m in METRICS)
    lines = [title, head]
    for name, v in rows:
        cells = []
        for m in METRICS:
            if m not in v:
                cells.append(f"{'-':>17}")
                continue
            gap = "" if name == ref else f" ({v[m] - refv[m]:+.3f})"
            cells.append(f"{v[m]:.3f}{gap}".rjust(17))
        lines.append(f"{name:<34}" + "".join(cells))
    lines.append(f"(gaps against {ref})")
    return "\n".join(lines)


def run_html(gold: list[dict]) -> tuple[str, list[str]]:
    html_dir = OUT / "html"
    html_dir.mkdir(parents=True, exist_ok=True)
    src = html_dir / "pages.jsonl"
    build_html_input(gold, src)
    t0 = time.perf_counter()
    traf = score(["--baseline", "trafilatura", "--save-predictions", str(html_dir / "trafilatura.jsonl")],
                 html_dir / "trafilatura.tsv")
    t_traf = time.perf_counter() - t0
    wall = ingest([src], html_dir / "eval.duckdb", html_dir / "ingest.log")
    ids = [g["id"] for g in gold]
    preds = predictions_from_warehouse(html_dir / "eval.duckdb", lambda _p, i: ids[i] if 0 <= i < len(ids) else None)
    write_predictions(preds, gold, html_dir / "pipeline.jsonl")
    ours = score(["--predictions", str(html_dir / "pipeline.jsonl")], html_dir / "pipeline.tsv")
    traf_sd = score(["--predictions", str(html_dir / "trafilatura.jsonl"), "--skip-doubtful"],
                    html_dir / "trafilatura-skip-doubtful.tsv")
    ours_sd = score(["--predictions", str(html_dir / "pipeline.jsonl"), "--skip-doubtful"],
                    html_dir / "pipeline-skip-doubtful.tsv")
    ref = "trafilatura 2.3.1 alone"
    text = table(f"HTML: {len(gold)} real pages with their URL "
                 f"(pipeline {wall:.0f} s with Prefect start; trafilatura {t_traf:.0f} s)",
                 [(ref, traf), ("pipeline (articles ingest)", ours)], ref)
    text += "\n\n" + table("HTML, --skip-doubtful (gold fields flagged unreliable not scored)",
                            [(ref, traf_sd), ("pipeline (articles ingest)", ours_sd)], ref)
    return text, [f"html trafilatura {score_line(traf)}", f"html pipeline    {score_line(ours)}",
                  f"html trafilatura --skip-doubtful {score_line(traf_sd)}",
                  f"html pipeline    --skip-doubtful {score_line(ours_sd)}"]


def justext_baseline(renders: Path, gold: list[dict], out: Path) -> None:
    """jusText itself on the renders (each line a paragraph, the page language's stopword list, its defaults)."""
    import html as html_mod

    import justext

    from pipeline.language import detect_language
    from pipeline.segment import split_lines
    from pipeline.textpage import stoplist

    with open(out, "w", encoding="utf-8") as fh:
        for g in gold:
            lines = split_lines((renders / f"{g['id']}.txt").read_text(encoding="utf-8"))
            sample = "\n".join(line for line in lines if len(line) >= 80)[:4000] or "\n".join(lines)[:4000]
            stops = stoplist(detect_language(sample)[0])
            page = "<html><body>" + "".join(f"<p>{html_mod.escape(line)}</p>" for line in lines) + "</body></html>"
            kw = {} if stops else {"stopwords_low": 0, "stopwords_high": 0}
            paragraphs = justext.justext(page.encode("utf-8"), stops, **kw)
            text = "\n\n".join(p.text for p in paragraphs if not p.is_boilerplate)
            fh.write(json.dumps({"id": g["id"], "text": text}, ensure_ascii=False) + "\n")


def run_text(gold: list[dict], html_scores: dict[str, float] | None = None) -> tuple[str, list[str]]:
    text_dir = OUT / "text"
    renders = text_dir / "renders"
    baselines = text_dir / "baselines"
    subprocess.run([sys.executable, str(REALWORLD / "render_text.py"), "--out", str(renders),
                    "--baselines", str(baselines)], check=True, capture_output=True)
    keepall = score(["--predictions", str(baselines / "keepall.jsonl")], text_dir / "keepall.tsv")
    c4 = score(["--predictions", str(baselines / "c4lines.jsonl")], text_dir / "c4lines.tsv")
    justext_baseline(renders, gold, baselines / "justext.jsonl")
    jt = score(["--predictions", str(baselines / "justext.jsonl")], text_dir / "justext.tsv")
    wall = ingest([renders], text_dir / "eval.duckdb", text_dir / "ingest.log")
    root = str(renders.absolute())

    def key_of(path: str, _index: int) -> str | None:
        rel = os.path.relpath(path, root)
        return rel[:-4] if rel.endswith(".txt") else None

    preds = predictions_from_warehouse(text_dir / "eval.duckdb", key_of)
    write_predictions(preds, gold, text_dir / "pipeline.jsonl")
    ours = score(["--predictions", str(text_dir / "pipeline.jsonl")], text_dir / "pipeline.tsv")
    sd = {name: score(["--predictions", str(path), "--skip-doubtful"], text_dir / f"{name}-skip-doubtful.tsv")
          for name, path in (("keepall", baselines / "keepall.jsonl"), ("c4lines", baselines / "c4lines.jsonl"),
                             ("justext", baselines / "justext.jsonl"), ("pipeline", text_dir / "pipeline.jsonl"))}
    names = {"keepall": "every line kept", "c4lines": "C4 line filter", "justext": "jusText 3.0 (lines)",
             "pipeline": "pipeline (articles ingest)"}
    rows = [(names["keepall"], keepall), (names["c4lines"], c4), (names["justext"], jt), (names["pipeline"], ours)]
    text = table(f"Text: the same pages as browser text (render_text.py), pipeline {wall:.0f} s", rows,
                 "C4 line filter")
    text += "\n\n" + table("Text, --skip-doubtful", [(names[k], v) for k, v in sd.items()], "C4 line filter")
    return text, [f"text keepall     {score_line(keepall)}", f"text c4lines     {score_line(c4)}",
                  f"text justext     {score_line(jt)}", f"text pipeline    {score_line(ours)}",
                  *(f"text {k:<11} --skip-doubtful {score_line(v)}" for k, v in sd.items())]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--html-only", action="store_true", help="skip the browser-text renders")
    ap.add_argument("--text-only", action="store_true", help="skip the HTML pages")
    args = ap.parse_args(argv)
    if not (REALWORLD / "gold.jsonl").is_file():
        print(f"no real-page corpus at {REALWORLD} (set REALWORLD_DIR)", file=sys.stderr)
        return 2
    OUT.mkdir(parents=True, exist_ok=True)
    gold = load_gold()
    sections: list[str] = []
    lines: list[str] = []
    if not args.text_only:
        t, s = run_html(gold)
        sections.append(t)
        lines += s
    if not args.html_only:
        t, s = run_text(gold)
        sections.append(t)
        lines += s
    summary = "\n\n".join(sections) + "\n\n" + "\n".join(lines) + "\n"
    (OUT / "summary.txt").write_text(summary, encoding="utf-8")
    print(summary)
    print(f"per-page TSVs and predictions under {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
