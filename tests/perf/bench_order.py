"""`make bench-order`: what order independence costs on a 10k-article warehouse, and a check that it holds.

Text pages of three sites with lines only learned chrome removes (tests/chrome_corpus.py), about 10,000 of
them: one run over the whole folder, then the same folders shuffled and split over three runs into another
warehouse. Prints the seconds of the batch stages (learned chrome with its re-cleaning, dedup), how many loaded
articles were stripped again and how many verdicts changed, and whether the two warehouses are identical.
Figures go to build/bench-order.json.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.chrome_corpus import write_corpus  # noqa: E402
from tests.warehouse_content import content, differences  # noqa: E402

STAGES = ("site_chrome", "dedup", "load", "wall")


def _ingest(sources: list[str], db: Path) -> dict:
    from flows.ingest import run_ingest

    t = time.perf_counter()
    s = run_ingest(sources, db=str(db))
    return {"wall_s": time.perf_counter() - t, "batches": s["batches"], "records": s["records_seen"],
            "recleaned": s["recleaned"], "verdicts_changed": s["verdicts_changed"],
            "stages": {k: s["seconds_by_stage"].get(k, 0.0) for k in STAGES}}


def _sum(runs: list[dict]) -> dict:
    out = {"wall_s": sum(r["wall_s"] for r in runs), "batches": sum(r["batches"] for r in runs),
           "records": sum(r["records"] for r in runs), "recleaned": sum(r["recleaned"] for r in runs),
           "verdicts_changed": sum(r["verdicts_changed"] for r in runs)}
    out["stages"] = {k: sum(r["stages"][k] for r in runs) for k in STAGES}
    return out


def _line(name: str, r: dict) -> str:
    st = r["stages"]
    per_batch = 1000 * (st["site_chrome"] + st["dedup"]) / max(1, r["batches"])
    return (f"{name:<28} {r['wall_s']:7.1f} s  {r['batches']:4d} batches  learned chrome {st['site_chrome']:6.2f} s  "
            f"dedup {st['dedup']:6.2f} s  ({per_batch:5.1f} ms a batch)  re-cleaned {r['recleaned']:5d}  "
            f"verdicts changed {r['verdicts_changed']:4d}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--per-site", type=int, default=3333, help="pages per site (three sites)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", default=str(ROOT / "build" / "bench-order.json"))
    args = ap.parse_args()
    from flows.server import prefect_api

    with tempfile.TemporaryDirectory(prefix="bench-order-") as tmp, prefect_api():
        corpus = Path(tmp) / "inbox"
        files = write_corpus(corpus, per_site=args.per_site)
        print(f"{len(files)} text pages written to {corpus}", flush=True)
        one = _ingest([str(corpus)], Path(tmp) / "one.duckdb")
        print(_line("one run", one), flush=True)
        folders = sorted({str(f.parent) for f in files})
        random.Random(args.seed).shuffle(folders)
        cut = [0, len(folders) // 3, 2 * len(folders) // 3, len(folders)]
        split = _sum([_ingest(folders[a:b], Path(tmp) / "split.duckdb") for a, b in itertools.pairwise(cut)])
        print(_line("shuffled, three runs", split), flush=True)
        a, b = content(Path(tmp) / "one.duckdb"), content(Path(tmp) / "split.duckdb")
        diff = differences(a, b)
        print("warehouses identical: " + ("yes" if not diff else "NO\n" + diff), flush=True)
        result = {"documents": len(files), "articles": len(a["articles"]), "one_run": one, "three_runs": split,
                  "identical": not diff}
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2))
    print(f"figures written to {out}")
    return 0 if not diff else 1


if __name__ == "__main__":
    sys.exit(main())
