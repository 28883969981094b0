"""Evaluate the cleaning pipeline against trafilatura alone on the labeled corpus in tests/eval/.

    .venv/bin/python -m tests.eval.run_eval            # from /work/main
    .venv/bin/python tests/eval/run_eval.py            # same thing

For every document in labels.toml both systems are run and scored; one table compares them, the pipeline's
worst documents are listed with what leaked and what was lost, and every figure goes to results.json.
Always exits 0: this is a report, not a test.

Systems
  pipeline     discover -> read_source -> process_record -> learned site chrome, as an ingest would (site hint
               from the folder; the whole set as one batch).
               Output text = doc.text; a rejected document outputs no text and no metadata.
  trafilatura  trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
               include_tables=True); a .txt file is taken as is (first line = title, the rest = text, no author,
               no date). Language = langdetect (seed 0) on its text. Counted as "rejecting" a page when it
               returns None or fewer than 40 words.

Metrics (all comparisons on textnorm.norm: NFKC, case-folded, whitespace collapsed, quotes unified, "|" as
a space so that table rows compare whatever the cell separator)
  recall     labeled body pieces of article documents contained in the output text (micro-average)
  leak       labeled boilerplate strings, of every document, contained in the output text (micro-average)
  title      exact title, article documents
  author     same set of author names ("A; B" split on ";"), article documents; no author must give none
  date       same first 10 characters (YYYY-MM-DD), article documents; no date must give none
  language   same ISO 639-1 code, article documents
  non-article  non_article documents rejected (pipeline status "rejected"; trafilatura None or < 40 words)
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import time
import tomllib
import warnings
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.eval.textnorm import norm  # noqa: E402

CORPUS = HERE / "corpus"
LABELS = HERE / "labels.toml"
RESULTS = HERE / "results.json"
SYSTEMS = ("pipeline", "trafilatura")
LANGS = ("fr", "en", "de", "es", "it", "pt")
# (metric, direction, threshold); the leak target is a ceiling, the others are floors
TARGETS = [("leak", "<=", 0.02), ("recall", ">=", 0.98), ("title", ">=", 0.95), ("author", ">=", 0.90),
           ("date", ">=", 0.90), ("language", ">=", 0.99)]
METRICS = ["recall", "leak", "title", "author", "date", "language", "non_article"]
TRAFILATURA_MIN_WORDS = 40


@dataclass
class Output:
    status: str  # article | rejected | error
    text: str = ""
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    date: str | None = None
    language: str | None = None
    reason: str | None = None


def split_authors(raw: str | None) -> list[str]:
    if not raw:
        return []
    return [a.strip() for a in raw.split(";") if a.strip()]


# --------------------------------------------------------------------------------------------- systems


def run_pipeline(labels: list[dict]) -> dict[str, Output]:
    from pipeline import extract as extract_mod
    from pipeline.chrome import strip_all
    from pipeline.process import process_record
    from pipeline.rules import load_rules
    from pipeline.settings import load_settings
    from pipeline.sources import discover, read_source

    settings = load_settings()
    rules = load_rules()
    # one discover over the corpus root, so every file gets its site hint from its host-named folder
    found = {os.path.realpath(sf.path): sf for sf in discover([CORPUS])}
    outs: dict[str, Output] = {}
    docs = {}
    for d in labels:
        path = os.path.realpath(CORPUS / d["path"])
        sf = found.get(path)
        if sf is None:
            outs[d["path"]] = Output("error", reason="not found by discover()")
            continue
        try:
            records = read_source(sf, settings)
            docs[d["path"]] = process_record(records[0], settings, rules)
        except Exception as exc:  # a crash is a result too
            outs[d["path"]] = Output("error", reason=f"{type(exc).__name__}: {exc}")
    # learned site chrome, as the flow applies it to a batch (the whole set fits in one batch)
    strip_all(list(docs.values()), settings.chrome_min_docs, settings.shingle_size, settings.num_perm)
    for path, doc in docs.items():
        if doc.status != "article":
            outs[path] = Output("rejected", reason=doc.reason, language=doc.language)
            continue
        m = doc.metadata
        outs[path] = Output("article", text=doc.text, title=m.title, authors=split_authors(m.author),
                            date=m.published_at, language=doc.language)
    extract_mod.reset_caches()
    return outs


def _langdetect(text: str) -> str:
    from langdetect import DetectorFactory, detect
    from langdetect.lang_detect_exception import LangDetectException

    DetectorFactory.seed = 0
    if sum(c.isalpha() for c in text) < 1:
        return "und"
    try:
        return detect(text)
    except LangDetectException:
        return "und"


def run_trafilatura(labels: list[dict]) -> dict[str, Output]:
    import trafilatura

    outs: dict[str, Output] = {}
    for d in labels:
        path = CORPUS / d["path"]
        try:
            raw = path.read_text(encoding="utf-8")
            if path.suffix == ".txt":
                first, _, rest = raw.partition("\n")
                text, title, authors, date = rest.strip(), first.strip(), [], None
            else:
                doc = trafilatura.bare_extraction(raw, with_metadata=True, include_comments=False,
                                                  include_tables=True)
                if doc is None:
                    outs[d["path"]] = Output("rejected", reason="bare_extraction returned None")
                    continue
                text, title, authors, date = doc.text or "", doc.title, split_authors(doc.author), doc.date
        except Exception as exc:
            outs[d["path"]] = Output("error", reason=f"{type(exc).__name__}: {exc}")
            continue
        words = len(text.split())
        status = "article" if words >= TRAFILATURA_MIN_WORDS else "rejected"
        outs[d["path"]] = Output(status, text=text, title=title, authors=authors, date=date,
                                 language=_langdetect(text),
                                 reason=None if status == "article" else f"{words} words")
    return outs


# --------------------------------------------------------------------------------------------- scoring


def score_doc(d: dict, out: Output) -> dict:
    text = norm(out.text)
    missed = [p for p in d["body"] if norm(p) not in text]
    leaked = [b for b in d["boilerplate"] if norm(b) in text]
    res = {
        "status": out.status, "reason": out.reason,
        "pieces": len(d["body"]), "found": len(d["body"]) - len(missed), "missed": missed,
        "boilerplate": len(d["boilerplate"]), "leaked": leaked,
        "title": out.title, "authors": out.authors, "date": out.date, "language": out.language,
    }
    if d["kind"] == "article":
        res["title_ok"] = norm(out.title) == norm(d["title"])
        res["author_ok"] = {norm(a) for a in out.authors} == {norm(a) for a in d["authors"]}
        res["date_ok"] = (out.date or "")[:10] == d["published"]
        res["language_ok"] = out.language == d["language"]
    else:
        res["rejected_ok"] = out.status == "rejected"
    return res


def aggregate(rows: list[tuple[dict, dict]]) -> dict:
    """rows: (label, per-document score) pairs."""
    arts = [(d, s) for d, s in rows if d["kind"] == "article"]
    nons = [(d, s) for d, s in rows if d["kind"] != "article"]

    def share(num: int, den: int) -> float | None:
        return num / den if den else None

    pieces = sum(s["pieces"] for _, s in arts)
    bps = sum(s["boilerplate"] for _, s in rows)
    return {
        "docs": len(rows), "articles": len(arts), "non_articles": len(nons), "pieces": pieces,
        "boilerplate_strings": bps,
        "recall": share(sum(s["found"] for _, s in arts), pieces),
        "leak": share(sum(len(s["leaked"]) for _, s in rows), bps),
        "title": share(sum(s["title_ok"] for _, s in arts), len(arts)),
        "author": share(sum(s["author_ok"] for _, s in arts), len(arts)),
        "date": share(sum(s["date_ok"] for _, s in arts), len(arts)),
        "language": share(sum(s["language_ok"] for _, s in arts), len(arts)),
        "non_article": share(sum(s["rejected_ok"] for _, s in nons), len(nons)),
    }


def badness(d: dict, s: dict) -> tuple[float, int]:
    """How bad a pipeline result is, by leak and by missed recall (a non-article kept counts as a full miss)."""
    leak = len(s["leaked"]) / s["boilerplate"] if s["boilerplate"] else 0.0
    if d["kind"] == "article":
        miss = (s["pieces"] - s["found"]) / s["pieces"] if s["pieces"] else 0.0
    else:
        miss = 0.0 if s["rejected_ok"] else 1.0
    return leak + miss, len(s["leaked"]) + (s["pieces"] - s["found"])


# --------------------------------------------------------------------------------------------- report


def _pct(v: float | None) -> str:
    return "  n/a" if v is None else f"{100 * v:5.1f}"


def table(summary: dict) -> str:
    scopes = ["all", *LANGS]
    head1 = f"{'metric (%)':<13}" + "".join(f"| {sc:^13} " for sc in scopes)
    head2 = f"{'':<13}" + "".join(f"| {'pipe':>5} {'traf':>6} " for _ in scopes)
    lines = [head1, head2, "-" * len(head2)]
    for metric in METRICS:
        row = f"{metric:<13}"
        for sc in scopes:
            p = summary["pipeline"]["all"] if sc == "all" else summary["pipeline"]["by_language"].get(sc)
            t = summary["trafilatura"]["all"] if sc == "all" else summary["trafilatura"]["by_language"].get(sc)
            row += f"| {_pct(p and p[metric])} {_pct(t and t[metric]):>6} "
        lines.append(row)
    counts = f"{'docs':<13}"
    for sc in scopes:
        a = summary["pipeline"]["all"] if sc == "all" else summary["pipeline"]["by_language"].get(sc, {})
        counts += f"| {a.get('docs', 0):>5} {'':>6} "
    lines.append(counts)
    return "\n".join(lines)


def targets(summary: dict) -> tuple[str, dict]:
    lines = [f"{'target':<22}{'pipeline':>10}{'':>8}{'trafilatura':>13}"]
    out: dict = {}
    for metric, op, thr in TARGETS:
        cells = []
        out[metric] = {"op": op, "threshold": thr}
        for sysname in SYSTEMS:
            v = summary[sysname]["all"][metric]
            met = v is not None and (v <= thr if op == "<=" else v >= thr)
            out[metric][sysname] = {"value": v, "met": met}
            cells.append((v, met))
        (pv, pm), (tv, tm) = cells
        lines.append(f"{metric + ' ' + op + ' ' + format(100 * thr, 'g') + '%':<22}{_pct(pv):>10}"
                     f"{'  met' if pm else '  MISSED':<8}{_pct(tv):>13}{'  met' if tm else '  MISSED'}")
    return "\n".join(lines), out


def _short(s: str, n: int = 110) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "…"


def worst(labels: list[dict], per_doc: dict[str, dict], n: int) -> str:
    ranked = sorted(labels, key=lambda d: badness(d, per_doc[d["path"]]["pipeline"]), reverse=True)
    lines = []
    for i, d in enumerate(ranked[:n], 1):
        s = per_doc[d["path"]]["pipeline"]
        bad, _ = badness(d, s)
        if bad == 0:
            break
        tag = f" [{d['hard_case']}]" if d["hard_case"] else ""
        rec = f"{s['found']}/{s['pieces']}" if d["kind"] == "article" else "n/a"
        lines.append(f"{i:>2}. {d['path']} ({d['language']}, {d['kind']}){tag}")
        lines.append(f"    status {s['status']}" + (f" — {_short(s['reason'], 90)}" if s["reason"] else "")
                     + f"; recall {rec}; leaked {len(s['leaked'])}/{s['boilerplate']}")
        for b in s["leaked"]:
            lines.append(f"    LEAK  {_short(b)}")
        for p in s["missed"]:
            lines.append(f"    MISS  {_short(p)}")
        if d["kind"] == "article":
            meta = []
            if not s["title_ok"]:
                meta.append(f"title={s['title']!r}")
            if not s["author_ok"]:
                meta.append(f"authors={s['authors']} (want {d['authors']})")
            if not s["date_ok"]:
                meta.append(f"date={s['date']!r} (want {d['published']!r})")
            if not s["language_ok"]:
                meta.append(f"language={s['language']!r}")
            if meta:
                lines.append("    META  " + "; ".join(meta))
    return "\n".join(lines) if lines else "    (none: every document is clean)"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--only", help="evaluate only documents whose path contains this")
    ap.add_argument("--worst", type=int, default=10, help="how many of the pipeline's worst documents to list")
    ap.add_argument("--json", default=str(RESULTS), help="where to write the figures")
    args = ap.parse_args(argv)

    warnings.filterwarnings("ignore")
    for name in ("trafilatura", "htmldate", "courlan", "charset_normalizer"):
        logging.getLogger(name).setLevel(logging.CRITICAL)

    labels = tomllib.loads(LABELS.read_text(encoding="utf-8"))["doc"]
    if args.only:
        labels = [d for d in labels if args.only in d["path"]]
    t0 = time.perf_counter()
    outputs = {"pipeline": run_pipeline(labels), "trafilatura": run_trafilatura(labels)}
    seconds = time.perf_counter() - t0

    per_doc = {d["path"]: {sysname: score_doc(d, outputs[sysname][d["path"]]) for sysname in SYSTEMS}
               for d in labels}
    summary: dict = {}
    for sysname in SYSTEMS:
        rows = [(d, per_doc[d["path"]][sysname]) for d in labels]
        summary[sysname] = {
            "all": aggregate(rows),
            "by_language": {lang: aggregate([r for r in rows if r[0]["language"] == lang])
                            for lang in LANGS if any(r[0]["language"] == lang for r in rows)},
            "by_hard_case": {hc: aggregate([r for r in rows if r[0]["hard_case"] == hc])
                             for hc in sorted({d["hard_case"] for d in labels if d["hard_case"]})},
            "by_site": {site: aggregate([r for r in rows if r[0]["path"].split("/")[0] == site])
                        for site in sorted({d["path"].split("/")[0] for d in labels})},
        }

    a = summary["pipeline"]["all"]
    print(f"Evaluation set: {a['docs']} documents ({a['articles']} articles, {a['non_articles']} non-articles), "
          f"{a['pieces']} body pieces, {a['boilerplate_strings']} boilerplate strings; {seconds:.1f} s\n")
    print(table(summary))
    print("\nrecall/leak/non_article: share of pieces/strings/docs; title/author/date/language: share of articles\n")
    ttext, tjson = targets(summary)
    print(ttext)
    print(f"\nWorst {args.worst} pipeline documents (by leak share + missed-recall share):")
    print(worst(labels, per_doc, args.worst))

    result = {
        "generated_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "seconds": round(seconds, 2),
        "targets": tjson,
        "summary": summary,
        "documents": [{"path": d["path"], "language": d["language"], "kind": d["kind"], "hard_case": d["hard_case"],
                       **{s: per_doc[d["path"]][s] for s in SYSTEMS}} for d in labels],
    }
    Path(args.json).write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"\nFigures written to {os.path.relpath(args.json, ROOT)}")
    return 0


if __name__ == "__main__":
    try:
        main()
    except SystemExit as exc:  # argparse --help / bad arguments
        sys.exit(exc.code if exc.code not in (None, 0) else 0)
    sys.exit(0)
