"""Language identification benchmark: langdetect alone vs langdetect + lingua, on the labeled set in corpus/.

    .venv/bin/python tests/lang_bench/run_bench.py [--json PATH] [--split all|dev|held-out]

Prints accuracy, 'und' rate and confident wrong answers per text length (sentence < 20 words, paragraph
40-120 words, article 250+ words), per language, on the hard cases and on the mixed-language check, texts/s
for each configuration (both measured in this run), the targets and whether they are met. Writes everything
to results.json. Always exits 0: it is a report, not a test.
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import time
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))
sys.path.insert(0, str(HERE))

from corpus_loader import CORPUS, LENGTHS, Text, load  # noqa: E402

from pipeline import language  # noqa: E402
from pipeline.language import UNDETERMINED, detect_language, paragraph_languages  # noqa: E402

TARGETS = {"article": 0.995, "paragraph": 0.97}
CONFIGS = {"langdetect": False, "langdetect+lingua": True}
RELATED_PAIRS = [("da", "no"), ("no", "sv"), ("sv", "da"), ("es", "pt"), ("pt", "es"), ("es", "ca"),
                 ("ru", "uk"), ("uk", "ru"), ("bg", "ru"), ("cs", "sk"), ("sk", "cs"), ("hr", "sl")]


def rss_mb() -> float | None:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def score(texts: list[Text], answers: list[str], seconds: list[float]) -> dict:
    out: dict = {}
    for length in LENGTHS:
        idx = [i for i, t in enumerate(texts) if t.length == length]
        n = len(idx)
        correct = sum(answers[i] == texts[i].lang for i in idx)
        und = sum(answers[i] == UNDETERMINED for i in idx)
        wrong = n - correct - und
        secs = sum(seconds[i] for i in idx)
        out[length] = {"n": n, "correct": correct, "und": und, "wrong": wrong,
                       "accuracy": correct / n if n else None, "und_rate": und / n if n else None,
                       "accuracy_when_answered": correct / (n - und) if n - und else None,
                       "texts_per_s": n / secs if secs else None}
    return out


def run_config(texts: list[Text], second: bool) -> tuple[list[str], list[float]]:
    answers, seconds = [], []
    for t in texts:
        t0 = time.perf_counter()
        code, _ = detect_language(t.text, second_opinion=second)
        seconds.append(time.perf_counter() - t0)
        answers.append(code)
    return answers, seconds


def mixed_check(texts: list[Text], second: bool) -> dict:
    """Monolingual articles must not come out mixed; an inserted foreign paragraph must, with its share."""
    articles: dict[str, list[list[str]]] = defaultdict(list)
    for t in texts:
        if t.length == "article":
            articles[t.lang].append(t.text.split("\n\n"))
    langs = sorted(articles)
    res = {"monolingual": 0, "false_mixed": 0, "inserted": 0, "detected": 0, "share_exact": 0,
           "related_inserted": 0, "related_detected": 0, "short_quote": 0, "short_quote_mixed": 0,
           "false_mixed_examples": []}

    def insert(paras: list[str], extra: str) -> tuple[list[str], float]:
        mixed = paras[:2] + [extra] + paras[2:]
        return mixed, round(len(extra) / sum(len(p) for p in mixed), 4)

    for k, lang in enumerate(langs):
        other = langs[(k + 1) % len(langs)]
        for i, paras in enumerate(articles[lang]):
            got, is_mixed, share = paragraph_languages(paras, lang, second_opinion=second)
            res["monolingual"] += 1
            if is_mixed:
                res["false_mixed"] += 1
                res["false_mixed_examples"].append({"lang": lang, "article": i + 1, "languages": got})
            foreign = max(articles[other][i % len(articles[other])], key=len)
            doc, expected = insert(paras, foreign)
            _, is_mixed, share = paragraph_languages(doc, lang, second_opinion=second)
            res["inserted"] += 1
            res["detected"] += is_mixed
            res["share_exact"] += share == expected
            quote = min(foreign.split(". "), key=lambda s: abs(len(s) - 80))[:110]
            _, is_mixed, _ = paragraph_languages(paras[:2] + [f"« {quote} »"] + paras[2:], lang,
                                                 second_opinion=second)
            res["short_quote"] += 1
            res["short_quote_mixed"] += is_mixed
    for a, b in RELATED_PAIRS:
        if a in articles and b in articles:
            for i, paras in enumerate(articles[a]):
                doc, _ = insert(paras, max(articles[b][i % len(articles[b])], key=len))
                _, is_mixed, _ = paragraph_languages(doc, a, second_opinion=second)
                res["related_inserted"] += 1
                res["related_detected"] += is_mixed
    return res


def unsupported_check(second: bool) -> dict:
    """Languages no detector here knows: what comes back instead (a close relative, or 'und')."""
    texts = load(CORPUS / "unsupported")
    answers = [detect_language(t.text, second_opinion=second)[0] for t in texts]
    given: dict[str, int] = defaultdict(int)
    for t, a in zip(texts, answers, strict=True):
        if a != UNDETERMINED:
            given[f"{t.lang}->{a} ({t.length[:4]})"] += 1
    return {"n": len(texts), "und": answers.count(UNDETERMINED), "answers": dict(sorted(given.items()))}


def pct(x: float | None) -> str:
    return "   -  " if x is None else f"{100 * x:6.2f}"


def print_tables(texts: list[Text], results: dict) -> None:
    names = list(results)
    head = " | ".join(f"{n:^44}" for n in names)
    print(f"\n{'length':<10} {'n':>5} | {head}")
    print(f"{'':<10} {'':>5} | " + " | ".join(f"{'acc%':>7} {'und%':>7} {'wrong':>6} {'ans-acc%':>9} {'texts/s':>9}"
                                             for _ in names))
    for length in LENGTHS:
        n = results[names[0]]["overall"][length]["n"]
        cells = []
        for name in names:
            s = results[name]["overall"][length]
            tps = f"{s['texts_per_s']:9.0f}" if s["texts_per_s"] else "        -"
            cells.append(f"{pct(s['accuracy']):>7} {pct(s['und_rate']):>7} {s['wrong']:>6} "
                         f"{pct(s['accuracy_when_answered']):>9} {tps}")
        print(f"{length:<10} {n:>5} | " + " | ".join(cells))
    print("  acc% = correct / all ('und' is not correct); ans-acc% = correct / answered; wrong = confident wrong"
          " answers (a code other than the truth and other than 'und')")

    for split in ("dev", "held-out"):
        line = []
        for name in names:
            s = results[name]["by_split"][split]
            line.append(f"{name}: " + ", ".join(f"{length[:4]} {pct(s[length]['accuracy']).strip()}%"
                                                 f"/{s[length]['wrong']}w" for length in LENGTHS))
        print(f"  {split:<8} " + " | ".join(line))

    print(f"\nper language: accuracy % (sentence / paragraph / article), und % on sentences; "
          f"{' vs '.join(names)}")
    for lang in sorted({t.lang for t in texts}):
        cells = []
        for name in names:
            s = results[name]["by_language"][lang]
            cells.append(" / ".join(pct(s[length]["accuracy"]).strip() for length in LENGTHS)
                         + f"  und {pct(s['sentence']['und_rate']).strip()}  wrong "
                         + str(sum(s[length]["wrong"] for length in LENGTHS)))
        print(f"  {lang:<3} " + "  |  ".join(f"{c:<44}" for c in cells))

    print("\nhard cases (confusable texts written on purpose):")
    for name in names:
        h = results[name]["hard"]
        print(f"  {name:<18} {h['n']} texts: {h['correct']} correct, {h['und']} und, {h['wrong']} wrong "
              f"{h['wrong_examples'][:4]}")

    print("\noutside the label set (gl, sr, bs: neither detector can answer them; 'und' is the best outcome):")
    for name in names:
        u = results[name]["unsupported"]
        print(f"  {name:<18} {u['n']} texts: {u['und']} und; answered: {u['answers']}")

    print("\nmixed-language check (paragraph_languages):")
    for name in names:
        m = results[name]["mixed"]
        print(f"  {name:<18} monolingual articles flagged mixed {m['false_mixed']}/{m['monolingual']}; "
              f"foreign paragraph found {m['detected']}/{m['inserted']} (share exact {m['share_exact']}); "
              f"close relative found {m['related_detected']}/{m['related_inserted']}; "
              f"short quote flagged {m['short_quote_mixed']}/{m['short_quote']}")


def targets(results: dict) -> dict:
    out = {}
    print("\ntargets:")
    for name, r in results.items():
        o = r["overall"]
        checks = {
            "article accuracy >= 99.5%": o["article"]["accuracy"] >= TARGETS["article"],
            "paragraph accuracy >= 97%": o["paragraph"]["accuracy"] >= TARGETS["paragraph"],
            "no confident wrong answer under 20 words": o["sentence"]["wrong"] == 0,
        }
        out[name] = checks
        print(f"  {name:<18} " + "; ".join(f"{k}: {'MET' if v else 'NOT MET'}" for k, v in checks.items()))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--json", type=Path, default=HERE / "results.json")
    ap.add_argument("--split", choices=("all", "dev", "held-out"), default="all")
    args = ap.parse_args(argv)

    texts = [t for t in load() if args.split == "all" or t.split == args.split]
    langs = sorted({t.lang for t in texts})
    counts = {length: sum(t.length == length for t in texts) for length in LENGTHS}
    print(f"{len(texts)} texts in {len(langs)} languages ({', '.join(langs)}): "
          + ", ".join(f"{n} {k}s" for k, n in counts.items()) + f"; split: {args.split}")

    env: dict = {"python": platform.python_version(), "rss_mb_start": rss_mb()}
    detect_language("Warm up langdetect: its profiles load on the first call, which must not be timed.",
                    second_opinion=False)
    env["rss_mb_langdetect"] = rss_mb()
    results: dict = {}
    configs: dict[str, bool] = dict(CONFIGS)
    if not language.second_opinion_available():
        print("lingua is not installed: only langdetect is measured")
        configs.pop("langdetect+lingua")
    else:
        t0 = time.perf_counter()
        for warm in ("Ceci est une phrase.", "Это предложение.", "هذه جملة.", "Αυτή είναι μια πρόταση."):
            language._lingua_scores(warm)  # load the models of every script the corpus uses, once
        env["lingua_model_load_s"] = round(time.perf_counter() - t0, 2)
        env["rss_mb_with_lingua"] = rss_mb()

    for name, second in configs.items():
        answers, seconds = run_config(texts, second)
        by_lang = {lang: score([t for t in texts if t.lang == lang],
                               [a for a, t in zip(answers, texts, strict=True) if t.lang == lang],
                               [s for s, t in zip(seconds, texts, strict=True) if t.lang == lang]) for lang in langs}
        by_split = {}
        for split in ("dev", "held-out"):
            keep = [i for i, t in enumerate(texts) if t.split == split]
            if keep:
                by_split[split] = score([texts[i] for i in keep], [answers[i] for i in keep],
                                        [seconds[i] for i in keep])
        hard = [i for i, t in enumerate(texts) if t.hard]
        wrong_hard = [f"{texts[i].source}->{answers[i]}" for i in hard
                      if answers[i] not in (texts[i].lang, UNDETERMINED)]
        errors = [{"source": t.source, "truth": t.lang, "answer": a, "length": t.length, "text": t.text[:200]}
                  for t, a in zip(texts, answers, strict=True) if a != t.lang]
        results[name] = {
            "overall": score(texts, answers, seconds), "by_split": by_split, "by_language": by_lang,
            "hard": {"n": len(hard), "correct": sum(answers[i] == texts[i].lang for i in hard),
                     "und": sum(answers[i] == UNDETERMINED for i in hard), "wrong": len(wrong_hard),
                     "wrong_examples": wrong_hard},
            "mixed": mixed_check(texts, second),
            "unsupported": unsupported_check(second),
            "seconds_total": round(sum(seconds), 3),
            "not_correct": errors,
        }

    print_tables(texts, results)
    met = targets(results)
    print("\nenvironment: " + ", ".join(f"{k}={v}" for k, v in env.items()))
    args.json.write_text(json.dumps({"counts": counts, "languages": langs, "targets": met, "environment": env,
                                     "results": results}, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"written: {args.json}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
