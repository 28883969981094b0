"""`articles`: ingest (through the Prefect flow), clean one file (no Prefect, no DuckDB), query the warehouse."""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from pathlib import Path

DEFAULT_DB = "warehouse/articles.duckdb"


def _cmd_ingest(args: argparse.Namespace) -> int:
    from flows.ingest import run_ingest
    from warehouse.lock import WarehouseBusy

    try:
        summary = run_ingest(args.source, db=args.db, batch_size=args.batch_size, config_dir=args.config)
    except WarehouseBusy as exc:
        print(f"articles ingest: {exc}", file=sys.stderr)
        return 3
    except ValueError as exc:
        print(f"articles ingest: {exc}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(summary, indent=2, ensure_ascii=False))
    else:
        print(f"\nrun {summary['run_id']} -> {summary['db']}")
        for key in ("files_seen", "records_seen", "loaded", "duplicate", "rejected", "unchanged", "already_known"):
            print(f"  {key:<14} {summary[key]}")
        if summary["languages"]:
            print("  languages      " + ", ".join(f"{k}={v}" for k, v in summary["languages"].items()))
        if summary["top_rejection_reasons"]:
            print("  rejections     " + "; ".join(f"{k} ({v})" for k, v in summary["top_rejection_reasons"].items()))
    return 0


def _cmd_clean(args: argparse.Namespace) -> int:
    from pipeline.process import process_files
    from pipeline.settings import load_settings
    from pipeline.sources import discover

    settings = load_settings(args.config)
    docs, _ = process_files(discover([args.file]), settings)
    out = []
    for d in docs:
        out.append({
            "source_path": d.source_path, "record_index": d.record_index, "status": d.status, "reason": d.reason,
            **dataclasses.asdict(d.metadata), "language": d.language, "language_prob": d.language_prob,
            "word_count": d.word_count, "content_hash": d.content_hash,
            "paragraphs": [dataclasses.asdict(p) for p in d.paragraphs],
            "removed": [dataclasses.asdict(r) for r in d.removals],
        })
    if args.json:
        print(json.dumps(out if len(out) != 1 else out[0], indent=2, ensure_ascii=False))
    else:
        for d in out:
            print(f"# {d['title']}  [{d['status']}{': ' + d['reason'] if d['reason'] else ''}]")
            print(f"author={d['author']} date={d['published_at']} site={d['site']} language={d['language']}\n")
            for p in d["paragraphs"]:
                print(f"[{p['kind']}] {p['text']}\n")
            for r in d["removed"]:
                print(f"  - removed by {r['rule_id']} ({r['category']}): {r['text'][:100]}")
    return 0


def _cmd_query(args: argparse.Namespace) -> int:
    import duckdb

    from warehouse.query import QueryRefused, format_markdown, format_table, run_query

    if args.file and not Path(args.file).is_file():
        print(f"articles query: no SQL file at {args.file}", file=sys.stderr)
        return 2
    sql = Path(args.file).read_text(encoding="utf-8") if args.file else args.sql
    if not sql:
        print("articles query: give SQL or --file", file=sys.stderr)
        return 2
    try:
        cols, rows = run_query(args.db, sql, source=args.file or "the SQL")
    except (QueryRefused, FileNotFoundError) as exc:
        print(f"articles query: {exc}", file=sys.stderr)
        return 2
    except duckdb.Error as exc:  # QueryError (with the SQL position) or e.g. the file staying locked
        print(f"articles query: {exc}", file=sys.stderr)
        return 1
    if args.format == "json":
        print(json.dumps([dict(zip(cols, r, strict=True)) for r in rows], indent=2, ensure_ascii=False, default=str))
    elif args.format == "csv":
        import csv

        w = csv.writer(sys.stdout)
        w.writerow(cols)
        w.writerows(rows)
    elif args.format == "markdown":
        print(format_markdown(cols, rows))
    else:
        print(format_table(cols, rows))
    return 0


def _cmd_search(args: argparse.Namespace) -> int:
    from datetime import date

    import duckdb

    from pipeline.settings import load_settings
    from warehouse.search import open_for_search, search

    try:
        since = date.fromisoformat(args.since) if args.since else None
    except ValueError:
        print(f"articles search: --since wants a date as YYYY-MM-DD, not {args.since!r}", file=sys.stderr)
        return 2
    if args.limit < 1:
        print("articles search: --limit must be at least 1", file=sys.stderr)
        return 2
    try:
        con = open_for_search(args.db, memory_limit=load_settings().memory_limit)
    except FileNotFoundError as exc:
        print(f"articles search: {exc}", file=sys.stderr)
        return 2
    except duckdb.Error as exc:
        print(f"articles search: cannot open the search index: {exc}", file=sys.stderr)
        return 1
    try:
        hits = search(con, args.terms, language=args.lang, sites=args.site, since=since, limit=args.limit)
    except duckdb.Error as exc:
        print(f"articles search: {exc}", file=sys.stderr)
        return 1
    finally:
        con.close()
    if args.json:
        print(json.dumps([dataclasses.asdict(h) for h in hits], indent=2, ensure_ascii=False, default=str))
        return 0
    for i, h in enumerate(hits, 1):
        day = h.published_at.date().isoformat() if h.published_at else "undated"
        print(f"{i}. {h.title}\n   {h.site or '(no site)'} | {h.language} | {day} | score {h.score:.3f}\n"
              f"   {h.snippet}\n")
    print(f"({len(hits)} result{'s' if len(hits) != 1 else ''})")
    return 0


def _cmd_export(args: argparse.Namespace) -> int:
    from warehouse.export import export_parquet

    if not Path(args.db).exists():
        print(f"articles export: no warehouse at {args.db}: run `articles ingest` first", file=sys.stderr)
        return 2
    written = export_parquet(args.db, args.out)
    for table, n in written.items():
        print(f"{table:<11} {n:>8} rows -> {Path(args.out) / table}/language=*/month=*/")
    return 0


def _cmd_stats(args: argparse.Namespace) -> int:
    from warehouse.stats import render_stats

    try:
        print(render_stats(args.db))
    except FileNotFoundError as exc:
        print(f"articles stats: {exc}", file=sys.stderr)
        return 2
    return 0


def _cmd_serve(args: argparse.Namespace) -> int:
    from prefect.settings import PREFECT_API_URL

    from flows.deploy import serve_deployments
    from flows.ingest import api_is_healthy

    url = PREFECT_API_URL.value()
    if not url or not api_is_healthy(url):
        print("articles serve: no Prefect server answers at "
              f"{url or '(PREFECT_API_URL unset)'}; start one with `make server` first", file=sys.stderr)
        return 2
    serve_deployments(args.config, args.source, args.db, args.cron)
    return 0


def _cmd_server(args: argparse.Namespace) -> int:
    from flows.server import start_server, stop_server

    project = Path(args.project).absolute()
    if args.stop:
        print("stopped" if stop_server(project) else "no server was running from this project")
        return 0
    try:
        url = start_server(project, port=args.port)
    except RuntimeError as exc:
        print(f"articles server: {exc}", file=sys.stderr)
        return 1
    print(f"Prefect server healthy at {url} (UI: {url[:-4]}); state in {project / '.prefect'}; "
          f"stop it with `make server-stop`")
    return 0


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="articles", description=__doc__)
    sub = p.add_subparsers(dest="command", required=True)

    pi = sub.add_parser("ingest", help="ingest files or folders into the warehouse (runs the Prefect flow)")
    pi.add_argument("source", nargs="+", help="files or folders (searched recursively)")
    pi.add_argument("--db", default=DEFAULT_DB)
    pi.add_argument("--batch-size", type=int, default=None)
    pi.add_argument("--config", default=None, help="config folder (default: the project's config/)")
    pi.add_argument("--json", action="store_true", help="print the run summary as JSON")
    pi.set_defaults(func=_cmd_ingest)

    pc = sub.add_parser("clean", help="clean one file and print the result (no Prefect, no warehouse)")
    pc.add_argument("file")
    pc.add_argument("--json", action="store_true")
    pc.add_argument("--config", default=None)
    pc.set_defaults(func=_cmd_clean)

    pq = sub.add_parser("query", help="run read-only SQL against the warehouse")
    pq.add_argument("sql", nargs="?")
    pq.add_argument("--file", help="read the SQL from this file")
    pq.add_argument("--db", default=DEFAULT_DB)
    pq.add_argument("--format", choices=["table", "csv", "json", "markdown"], default="table")
    pq.set_defaults(func=_cmd_query)

    pf = sub.add_parser("search", help="full-text search (BM25, stemmed per language) over canonical articles")
    pf.add_argument("terms", help="words to look for (any of them; stemmed like the articles)")
    pf.add_argument("--db", default=DEFAULT_DB)
    pf.add_argument("--lang", default=None, help="only articles in this language (ISO code, e.g. fr)")
    pf.add_argument("--site", action="append", default=None, help="only this site (repeat for several)")
    pf.add_argument("--since", default=None, help="only articles published on or after YYYY-MM-DD")
    pf.add_argument("--limit", type=int, default=10)
    pf.add_argument("--json", action="store_true")
    pf.set_defaults(func=_cmd_search)

    pe = sub.add_parser("export", help="write articles and paragraphs as Hive-partitioned Parquet")
    pe.add_argument("out", help="output folder (its articles/ and paragraphs/ subfolders are replaced)")
    pe.add_argument("--db", default=DEFAULT_DB)
    pe.add_argument("--format", choices=["parquet"], default="parquet")
    pe.set_defaults(func=_cmd_export)

    pt = sub.add_parser("stats", help="one-screen summary of the warehouse")
    pt.add_argument("--db", default=DEFAULT_DB)
    pt.set_defaults(func=_cmd_stats)

    pv = sub.add_parser("server", help="start (or --stop) a local Prefect server with state in .prefect/")
    pv.add_argument("--port", type=int, default=4200)
    pv.add_argument("--stop", action="store_true")
    pv.add_argument("--project", default=".", help="project folder (holds .prefect/ and prefect.toml)")
    pv.set_defaults(func=_cmd_server)

    ps = sub.add_parser("serve", help="register the `scheduled` deployment and run its flow runs (foreground)")
    ps.add_argument("--source", default=None, help="inbox to ingest (default: config/deployment.toml)")
    ps.add_argument("--db", default=None, help="warehouse file (default: config/deployment.toml)")
    ps.add_argument("--cron", default=None, help="override the schedule for this session")
    ps.add_argument("--config", default=None)
    ps.set_defaults(func=_cmd_serve)
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
