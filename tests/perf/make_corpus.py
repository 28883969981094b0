"""`make corpus N=2000`: N realistic documents from a fixed seed — HTML pages of 30-150 KB like real news
sites (menus, scripts, chrome), text files and JSONL — with a share of exact and syndicated duplicates."""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.synthetic import article, as_html, as_text  # noqa: E402

SITES = ["harbourtimes.example", "lequotidien.example", "rheinpost.example", "northwire.example",
         "valleyfeed.example", "citydesk.example"]


def make(out: Path, n: int, seed: int = 42) -> dict[str, int]:
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    counts = {"html": 0, "txt": 0, "jsonl_records": 0, "duplicates": 0}
    made: list[tuple[str, list[str], str]] = []
    i = 0
    while i < n:
        site = rng.choice(SITES)
        lang = {"lequotidien.example": "fr", "rheinpost.example": "de"}.get(site, "en")
        if made and rng.random() < 0.08:  # a syndicated copy: same body, another site's page
            title, body, lang = rng.choice(made)
            counts["duplicates"] += 1
        else:
            title, body = article(rng, lang, paragraphs=rng.randint(5, 10))
            made.append((title, body, lang))
        folder = out / site / f"{i // 500:03d}"
        folder.mkdir(parents=True, exist_ok=True)
        kind = rng.random()
        if kind < 0.8:
            pad = rng.randint(25, 140)  # KB of menus and inline scripts around the article
            (folder / f"p{i:06d}.html").write_text(as_html(title, body, lang, site, pad_kb=pad), encoding="utf-8")
            counts["html"] += 1
            i += 1
        elif kind < 0.92:
            (folder / f"t{i:06d}.txt").write_text(as_text(title, body, lang, site), encoding="utf-8")
            counts["txt"] += 1
            i += 1
        else:
            recs = []
            for _ in range(min(5, n - i)):
                t, b = article(rng, lang, paragraphs=rng.randint(4, 8))
                recs.append(json.dumps({"url": f"https://{site}/a/{i}", "title": t, "text": "\n\n".join(b),
                                        "published": "2025-05-06"}))
                i += 1
            (folder / f"f{i:06d}.jsonl").write_text("\n".join(recs), encoding="utf-8")
            counts["jsonl_records"] += len(recs)
    return counts


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--out", default="build/corpus")
    ap.add_argument("--seed", type=int, default=42)
    args = ap.parse_args()
    counts = make(Path(args.out), args.n, args.seed)
    size = sum(p.stat().st_size for p in Path(args.out).rglob("*") if p.is_file())
    print(f"{args.n} documents in {args.out}: {counts}; {size / 1e6:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
