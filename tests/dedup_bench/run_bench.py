"""`make bench-dedup`: near-duplicate detection on variants generated from our own articles (fixed seed).

Must match their original: the same article on another site with other chrome, an edited headline, 1-5% of
words edited, 80% truncation, reordered paragraphs, Unicode/whitespace variants. Must not match: other
outlets' stories on the same event, follow-up stories, short briefs sharing a site template.
Every document goes through the real cleaning (process_record) and the real dedup (resolve_batch).
Prints pair precision / recall / F1 per kind and overall, ms per document, and index load time vs size.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import sys
import tempfile
import time
import tomllib
import unicodedata
from collections import defaultdict
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from pipeline.dedup import DedupIndex, resolve_batch  # noqa: E402
from pipeline.models import RawRecord  # noqa: E402
from pipeline.process import process_record  # noqa: E402
from pipeline.rules import load_rules  # noqa: E402
from pipeline.settings import load_settings  # noqa: E402

CORPUS = Path(__file__).resolve().parent / "corpus"
CHROMES = [
    ("Par Claire Martin", "4 min de lecture", "Lire aussi", "Abonnez-vous à notre newsletter",
     "© 2025 Le Quotidien. Tous droits réservés."),
    ("By Sam Carter", "3 min read", "Read more", "Sign up for our newsletter",
     "© 2025 Northwire. All rights reserved."),
    ("Von Lena Vogt", "Lesezeit: 5 Minuten", "Mehr zum Thema", "Newsletter abonnieren",
     "© 2025 Rheinblick. Alle Rechte vorbehalten."),
]
TARGETS = {"precision": 0.99, "recall": 0.95, "ms_per_doc": 3.0}


def _read(path: Path) -> tuple[str, list[str]]:
    blocks = [b.strip() for b in path.read_text(encoding="utf-8").split("\n\n") if b.strip()]
    return blocks[0], blocks[1:]


def originals() -> list[tuple[str, list[str]]]:
    """Our own articles: the eval set's labeled bodies, the sample corpus seeds, the bench's originals."""
    out = []
    labels = tomllib.loads((ROOT / "tests/eval/labels.toml").read_text(encoding="utf-8"))["doc"]
    out += [(d["title"], d["body"]) for d in labels
            if d["kind"] == "article" and len(" ".join(d["body"]).split()) > 120]
    out += [_read(p) for p in sorted((CORPUS / "originals").glob("*.txt"))] if (CORPUS / "originals").exists() else []
    return out


def as_page(title: str, paragraphs: list[str], chrome: tuple[str, ...]) -> str:
    by, rt, rel, news, copy = chrome
    return "\n\n".join([title, by, rt, *paragraphs, rel, "Un autre titre sans rapport", news, copy])


def edit_words(paragraphs: list[str], share: float, rng: random.Random) -> list[str]:
    words = [p.split() for p in paragraphs]
    flat = [(i, j) for i, ws in enumerate(words) for j in range(len(ws))]
    for i, j in rng.sample(flat, max(1, int(len(flat) * share))):
        words[i][j] = rng.choice(["nouveau", "update", "neu", "nuevo", words[i][j].upper(), words[i][j][::-1]])
    return [" ".join(ws) for ws in words]


def truncate(paragraphs: list[str], keep: float) -> list[str]:
    total = sum(len(p.split()) for p in paragraphs)
    out, n = [], 0
    for p in paragraphs:
        ws = p.split()
        if n + len(ws) > total * keep:
            out.append(" ".join(ws[: max(1, int(total * keep) - n)]))
            break
        out.append(p)
        n += len(ws)
    return out


def unicode_variant(paragraphs: list[str]) -> list[str]:
    swap = str.maketrans({"'": "’", '"': "”", " ": "\u00a0"})
    return [unicodedata.normalize("NFD", p.translate(swap)).replace(",", " ,  ") for p in paragraphs]


VARIANTS = {
    "syndicated": lambda t, ps, rng: (t, ps),  # same body, other site chrome (chrome differs below)
    "edited_headline": lambda t, ps, rng: (t + " — " + rng.choice(["update", "mise à jour", "aktualisiert"]), ps),
    "edit_1pct": lambda t, ps, rng: (t, edit_words(ps, 0.01, rng)),
    "edit_5pct": lambda t, ps, rng: (t, edit_words(ps, 0.05, rng)),
    "truncated_80": lambda t, ps, rng: (t, truncate(ps, 0.8)),
    "reordered": lambda t, ps, rng: (t, rng.sample(ps, len(ps))),
    "unicode_ws": lambda t, ps, rng: (t, unicode_variant(ps)),
}


RENDERS = ROOT / "build" / "eval-real" / "text" / "renders"


def real_chromes(limit: int = 40) -> list[tuple[list[str], list[str]]]:
    """(lines above the article, lines below it) of real pages saved as text, read at run time from the renders
    `make eval-real` writes (../shared/realworld through render_text.py); nothing of them is stored here.
    Each page's own article is cut out where the text cleaner finds it, so only its chrome remains."""
    if not RENDERS.is_dir():
        return []
    from pipeline.segment import split_lines
    from pipeline.textpage import find_article

    out = []
    for path in sorted(RENDERS.glob("*/*.txt"))[:limit]:
        lines = split_lines(path.read_text(encoding="utf-8"))
        page = find_article(lines, None)
        if page.start >= 5 and len(lines) - page.end >= 5:
            out.append((lines[: page.start], lines[page.end:]))
    return out


def build(seed: int, limit: int | None = None, real: bool = True) -> list[dict]:
    """Documents with their true cluster and kind. With real=True and the renders present, each original is
    also saved inside two real pages' menus and footers, whole and truncated (kinds real_chrome*)."""
    rng = random.Random(seed)
    chromes = real_chromes() if real else []
    docs = []
    for n, (title, paras) in enumerate(originals()[:limit]):
        base_chrome = CHROMES[n % 3]
        docs.append({"name": f"orig{n}", "cluster": f"c{n}", "kind": "original",
                     "text": as_page(title, paras, base_chrome)})
        for kind, make in VARIANTS.items():
            t, ps = make(title, paras, rng)
            docs.append({"name": f"orig{n}-{kind}", "cluster": f"c{n}", "kind": kind,
                         "text": as_page(t, ps, CHROMES[(n + 1) % 3])})
        if chromes:
            for kind, body in (("real_chrome", paras), ("real_chrome_truncated", truncate(paras, 0.8))):
                head, tail = chromes[rng.randrange(len(chromes))]
                docs.append({"name": f"orig{n}-{kind}", "cluster": f"c{n}", "kind": kind,
                             "text": "\n\n".join([*head, title, *body, *tail])})
    for group in ("same_event", "follow_up", "briefs"):
        for p in sorted((CORPUS / group).glob("*/*.txt")) if (CORPUS / group).exists() else []:
            title, paras = _read(p)
            docs.append({"name": f"{group}/{p.parent.name}/{p.stem}", "cluster": f"{group}/{p.parent.name}/{p.stem}",
                         "kind": group, "group": f"{group}/{p.parent.name}",
                         "text": as_page(title, paras, CHROMES[hash(p.stem) % 3])})
    rng.shuffle(docs)
    return docs


def score(docs: list[dict], predicted: dict[str, str]) -> dict:
    by_kind: dict[str, dict[str, int]] = defaultdict(lambda: {"tp": 0, "fp": 0, "fn": 0})
    total = {"tp": 0, "fp": 0, "fn": 0}
    errors = []
    for a, b in itertools.combinations(docs, 2):
        truth = a["cluster"] == b["cluster"]
        pred = predicted.get(a["name"]) is not None and predicted.get(a["name"]) == predicted.get(b["name"])
        if not truth and not pred:
            continue
        kind = next((d["kind"] for d in (a, b) if d["kind"] != "original"), "original")
        key = "tp" if truth and pred else "fp" if pred else "fn"
        by_kind[kind][key] += 1
        total[key] += 1
        if key != "tp" and len(errors) < 15:
            errors.append(f"{key}: {a['name']} ~ {b['name']}")

    def prf(c):
        p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 1.0
        r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 1.0
        return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(2 * p * r / (p + r), 4) if p + r else 0,
                **c}

    return {"overall": prf(total), "by_kind": {k: prf(v) for k, v in sorted(by_kind.items())}, "errors": errors}


def lookup_scaling(sizes: list[int], probes: int = 100) -> list[dict]:
    """Time to find one batch's neighbourhood (candidates and their clusters) in warehouses of growing size:
    the index lives in the warehouse (lsh_bands), so this is what grows with it, not a load at start."""
    from pipeline.dedup import neighbourhood
    from pipeline.models import Metadata, ProcessedDoc, ResolvedDoc
    from pipeline.signatures import content_hash, minhash
    from tests.synthetic import article
    from warehouse.store import Warehouse

    out = []
    rng = random.Random(1)
    layout = DedupIndex()
    with tempfile.TemporaryDirectory() as tmp:
        wh = Warehouse(Path(tmp) / "scale.duckdb")
        wh.init()
        wh.ensure_lsh_bands(layout)
        have = 0
        for size in sizes:
            batch = []
            while have < size:
                title, body = article(rng, rng.choice(["en", "fr", "de"]), paragraphs=3)
                text = "\n\n".join(body)
                d = ProcessedDoc(f"/s/{have}.txt", 0, "txt", f"sha{have}", 1, "utf-8", "article",
                                 metadata=Metadata(title=title), text=text, word_count=len(text.split()),
                                 content_hash=content_hash(text), minhash=[int(x) for x in minhash(text)])
                batch.append(ResolvedDoc(d, f"d{have:08d}", f"a{have:08d}", "loaded"))
                have += 1
                if len(batch) == 2000:
                    _load(wh, batch, layout)
                    batch = []
            _load(wh, batch, layout)
            new = []
            for _ in range(probes):
                _, body = article(rng, rng.choice(["en", "fr", "de"]), paragraphs=3)
                text = "\n\n".join(body)
                new.append((content_hash(text), minhash(text)))
            t = time.perf_counter()
            with wh.batch() as tx:
                found = neighbourhood(tx, DedupIndex(), new)
            out.append({"articles": size, "batch_ms": round((time.perf_counter() - t) * 1000, 1),
                        "neighbours": found})
    return out


def _load(wh, resolved: list, layout: DedupIndex) -> None:
    from pipeline.batch import BatchPlan

    bands = {r.article_id: layout.band_keys(np.asarray(r.doc.minhash, dtype=np.uint32)).tolist() for r in resolved}
    with wh.batch() as tx:
        tx.write("scale", BatchPlan(resolved, bands=bands))


def run(docs: list[dict]) -> tuple[dict, float, float, float, list]:
    """Clean and dedup the documents; returns the scores and the timings."""
    settings, rules = load_settings(), load_rules()
    t0 = time.perf_counter()
    processed = []
    for i, d in enumerate(docs):
        raw = RawRecord(f"/bench/{i}.txt", 0, "txt", f"sha{i}", len(d["text"]), content=d["text"])
        processed.append(process_record(raw, settings, rules))
    t_clean = time.perf_counter() - t0
    sig_s = sum(p.timings.get("signatures", 0) for p in processed)
    index = DedupIndex(settings.num_perm, settings.bands, settings.dedup_threshold, settings.dedup_containment,
                       settings.shingle_size)
    t1 = time.perf_counter()
    resolved, _ = resolve_batch(processed, index, set())
    t_dedup = time.perf_counter() - t1
    name_of = {p.source_path: d["name"] for p, d in zip(processed, docs, strict=True)}
    predicted = {name_of[r.doc.source_path]: index.canonical(r.article_id) for r in resolved if r.article_id}
    rejected = [name_of[r.doc.source_path] for r in resolved if r.status == "rejected"]
    return score(docs, predicted), t_clean, t_dedup, sig_s, rejected


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--scaling", default="1000,5000,20000",
                    help="warehouse sizes for the timing of one batch's near-duplicate lookup")
    args = ap.parse_args()
    docs = build(args.seed)
    result, t_clean, t_dedup, sig_s, rejected = run(docs)
    ms = (t_dedup + sig_s) / len(docs) * 1000
    result.update({"documents": len(docs), "rejected": rejected, "ms_per_doc_dedup": round(ms, 3),
                   "ms_per_doc_signatures": round(sig_s / len(docs) * 1000, 3),
                   "ms_per_doc_resolve": round(t_dedup / len(docs) * 1000, 3),
                   "ms_per_doc_cleaning_total": round(t_clean / len(docs) * 1000, 2)})
    sizes = [int(x) for x in args.scaling.split(",") if x]
    result["lookup"] = lookup_scaling(sizes) if sizes else []

    kinds = len({d["kind"] for d in docs if d["kind"].startswith(tuple(VARIANTS)) or d["kind"].startswith("real_")})
    print(f"{len(docs)} documents ({len(originals())} originals x {kinds} variant kinds + must-not-merge "
          f"groups), seed {args.seed}; {len(rejected)} rejected by cleaning\n")
    print(f"{'kind':<16}{'precision':>10}{'recall':>9}{'f1':>8}{'tp':>6}{'fp':>5}{'fn':>5}")
    for kind, m in [*result["by_kind"].items(), ("OVERALL", result["overall"])]:
        print(f"{kind:<16}{m['precision']:>10.4f}{m['recall']:>9.4f}{m['f1']:>8.4f}{m['tp']:>6}{m['fp']:>5}{m['fn']:>5}")
    print(f"\ndedup cost: {ms:.3f} ms/document (signatures {result['ms_per_doc_signatures']} + resolve "
          f"{result['ms_per_doc_resolve']}); whole cleaning {result['ms_per_doc_cleaning_total']} ms/document")
    if result["lookup"]:
        print("one batch of 100 looked up in the warehouse's index: " + ", ".join(
            f"{r['articles']} articles {r['batch_ms']} ms" for r in result["lookup"]))
    for group in ("same_event", "follow_up", "briefs"):
        n = sum(1 for d in docs if d["kind"] == group)
        fp = result["by_kind"].get(group, {}).get("fp", 0)
        print(f"must not merge: {group:<11} {n:3d} documents, {fp} false merges")
    o = result["overall"]
    checks = [("precision >= 0.99", o["precision"] >= TARGETS["precision"]),
              ("recall >= 0.95", o["recall"] >= TARGETS["recall"]),
              ("<= 3 ms per document", ms <= TARGETS["ms_per_doc"])]
    print("\n" + "\n".join(f"target {name:<22} {'met' if ok else 'MISSED'}" for name, ok in checks))
    if result["errors"]:
        print("\nfirst errors:\n  " + "\n  ".join(result["errors"]))
    (Path(__file__).resolve().parent / "results.json").write_text(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
