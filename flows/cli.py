"""`articles`: ingest (through the Prefect flow), clean one file (no Prefect, no DuckDB), query the warehouse."""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import sys
from contextlib import contextmanager
from pathlib import Path

from warehouse.db import DEFAULT_DB


class _Parser(argparse.ArgumentParser):
    """Bad arguments: one line naming the command and the problem, exit 2 (no usage dump, no traceback)."""

    def error(self, message: str):  # noqa: D102 - argparse's hook
        self.exit(2, f"{self.prog}: {message} (see `{self.prog} --help`)\n")


class _Help(argparse.HelpFormatter):
    """Each option's help ends with its default, unless it says it already or there is none to say."""

    def _get_help_string(self, action: argparse.Action) -> str:
        text = action.help or ""
        if "default" not in text and action.default not in (None, False, argparse.SUPPRESS) \
                and action.option_strings:
            text += " (default: %(default)s)"
        return text


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {value}")
    return value


def _preflight_ingest(args: argparse.Namespace) -> str | None:
    """What is wrong with the arguments, checked before Prefect starts (seconds and a page of traceback)."""
    from pipeline.rules import cached_rules
    from pipeline.settings import ConfigError, load_settings

    missing = [s for s in args.source if not Path(s).exists()]
    if missing:
        return f"source {missing[0]} does not exist"
    db = Path(args.db)
    if db.is_dir():
        return f"--db {db} is a folder; give the warehouse file's path (e.g. {db / 'articles.duckdb'})"
    parent = db.absolute().parent
    existing = next((p for p in (parent, *parent.parents) if p.exists()), None)
    if existing is None or not existing.is_dir():
        return f"--db {db}: {existing} is not a folder"
    if not os.access(existing, os.W_OK) or (db.exists() and not os.access(db, os.W_OK)):
        return f"--db {db}: not writable"
    if args.config and not Path(args.config).is_dir():
        return f"--config {args.config} is not a folder"
    try:
        cached_rules(load_settings(args.config).config_dir)
    except ConfigError as exc:
        return f"config: {exc}"
    return None


def _cmd_ingest(args: argparse.Namespace) -> int:
    problem = _preflight_ingest(args)
    if problem:
        print(f"articles ingest: {problem}", file=sys.stderr)
        return 2
    import time

    from prefect.settings import PREFECT_API_URL

    from flows.ingest import run_ingest
    from flows.progress import listening, quiet_console
    from flows.server import api_is_healthy
    from warehouse.lock import WarehouseBusy

    url = PREFECT_API_URL.value()
    temporary = not (url and api_is_healthy(url))
    live = sys.stderr.isatty() and not args.json
    t0 = time.perf_counter()
    try:
        with _live_progress(live) as on_snapshot, listening(on_snapshot), quiet_console(temporary, live):
            summary = run_ingest(args.source, db=args.db, batch_size=args.batch_size, config_dir=args.config)
    except WarehouseBusy as exc:
        print(f"articles ingest: {exc}", file=sys.stderr)
        return 3
    except ValueError as exc:
        print(f"articles ingest: {exc}", file=sys.stderr)
        return 2
    summary["elapsed_s"] = round(time.perf_counter() - t0, 2)
    summary["docs_per_s"] = round(summary["records_seen"] / summary["elapsed_s"], 1) if summary["elapsed_s"] else 0
    if args.json:
        print(json.dumps(summary, indent=2, ensure_ascii=False))
    else:
        print(summary_table(summary))
    return 0


@contextmanager
def _live_progress(enabled: bool):
    """A live bar on a terminal (rich): files done / total, docs/s, ETA. Yields the snapshot callback."""
    if not enabled:
        yield lambda snap: None
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    with Progress(TextColumn("ingest"), BarColumn(), MofNCompleteColumn(), TextColumn("files"),
                  TextColumn("{task.fields[rate]}"), TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(),
                  console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("ingest", total=None, rate="")

        def update(snap) -> None:
            bar.update(task, total=snap.files_total, completed=snap.files_done, rate=f"{snap.docs_per_s:.1f} docs/s")

        yield update


def summary_table(summary: dict) -> str:
    """The run's summary as an aligned table: counts with their share of the records, time and rate."""
    records = summary["records_seen"] or 1
    rows = [("files", summary["files_seen"], ""), ("records", summary["records_seen"], "")]
    for key in ("loaded", "duplicate", "rejected", "unchanged", "already_known"):
        share = f"{summary[key] / records:.1%}" if key in ("loaded", "duplicate", "rejected") else ""
        rows.append((key.replace("_", " "), summary[key], share))
    lines = [f"run {summary['run_id']} -> {summary['db']}",
             f"  {summary['elapsed_s']:.1f} s, {summary['docs_per_s']:.1f} docs/s", ""]
    lines += [f"  {name:<14}{count:>9}  {share:>6}" for name, count, share in rows]
    if summary["languages"]:
        lines.append("  languages     " + ", ".join(f"{k} {v}" for k, v in summary["languages"].items()))
    if summary["top_rejection_reasons"]:
        lines.append("  rejections    " + ", ".join(f"{k} {v}" for k, v in summary["top_rejection_reasons"].items()))
    return "\n".join(lines)


def _cmd_clean(args: argparse.Namespace) -> int:
    from pipeline.process import process_files
    from pipeline.settings import load_settings
    from pipeline.sources import discover

    path = Path(args.file)
    if not path.exists():
        print(f"articles clean: no such file: {path}", file=sys.stderr)
        return 2
    if path.is_file() and not os.access(path, os.R_OK):
        print(f"articles clean: cannot read {path}: permission denied", file=sys.stderr)
        return 1
    files = list(discover([args.file]))
    if path.is_dir():
        print(f"articles clean: {path} is a folder: cleaning its {len(files)} file(s)", file=sys.stderr)
    settings = load_settings(args.config)
    docs, _ = process_files(files, settings)
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

        w = csv.writer(sys.stdout, lineterminator="\n")
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
    from warehouse.search import indexed_languages, open_for_search, search

    try:
        since = date.fromisoformat(args.since) if args.since else None
    except ValueError:
        print(f"articles search: --since wants a date as YYYY-MM-DD, not {args.since!r}", file=sys.stderr)
        return 2
    try:
        con = open_for_search(args.db, memory_limit=load_settings().memory_limit)
    except FileNotFoundError as exc:
        print(f"articles search: {exc}", file=sys.stderr)
        return 2
    except duckdb.Error as exc:
        print(f"articles search: cannot open the search index: {exc}", file=sys.stderr)
        return 1
    if args.lang and args.lang not in (langs := indexed_languages(con)):
        con.close()
        print(f"articles search: no articles in language {args.lang!r} (indexed: {', '.join(langs) or 'none'})",
              file=sys.stderr)
        return 2
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
    from warehouse.export import export

    try:
        written = export(args.db, args.out, args.format, args.partition)
    except FileNotFoundError as exc:
        print(f"articles export: {exc}", file=sys.stderr)
        return 2
    for table, (n, path) in written.items():
        where = f"{path}/" + "/".join(f"{k}=*" for k in ("language", "month") if k in args.partition) \
            if path.is_dir() else str(path)
        print(f"{table:<11} {n:>8} rows -> {where}")
    return 0


def _cmd_stats(args: argparse.Namespace) -> int:
    from warehouse.stats import render_stats

    try:
        if args.json:
            from warehouse.stats import stats_dict

            print(json.dumps(stats_dict(args.db, top=args.top), indent=2, ensure_ascii=False, default=str))
        else:
            print(render_stats(args.db, top=args.top))
    except FileNotFoundError as exc:
        print(f"articles stats: {exc}", file=sys.stderr)
        return 2
    return 0


def _cmd_report(args: argparse.Namespace) -> int:
    from flows.audit_page import write_audit_page

    try:
        out = write_audit_page(args.db, args.out, args.run, args.limit)
    except (FileNotFoundError, LookupError) as exc:
        print(f"articles report: {str(exc).strip(chr(39))}", file=sys.stderr)
        return 2
    print(f"audit page written to {out} ({out.stat().st_size / 1e3:.0f} KB); open it in a browser")
    return 0


def _cmd_serve(args: argparse.Namespace) -> int:
    from prefect.settings import PREFECT_API_URL

    from flows.deploy import serve_deployments
    from flows.server import api_is_healthy

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
    fmt = _Help
    p = _Parser(prog="articles", description=__doc__)
    sub = p.add_subparsers(dest="command", required=True, parser_class=_Parser)
    db_help = "the DuckDB warehouse file"

    pi = sub.add_parser("ingest", help="ingest files or folders into the warehouse (runs the Prefect flow)",
                        formatter_class=fmt)
    pi.add_argument("source", nargs="+", help="files or folders (searched recursively)")
    pi.add_argument("--db", default=DEFAULT_DB, help=db_help)
    pi.add_argument("--batch-size", type=_positive_int, default=None,
                    help="files per Prefect task (default: [ingest] batch_size of config/pipeline.toml)")
    pi.add_argument("--config", default=None, help="config folder (default: the project's config/)")
    pi.add_argument("--json", action="store_true", help="print the run summary as JSON instead of a table")
    pi.set_defaults(func=_cmd_ingest)

    pc = sub.add_parser("clean", help="clean one file (or each file of a folder) and print the result; no Prefect, "
                                      "no warehouse", formatter_class=fmt)
    pc.add_argument("file", help="a .txt, .html, .jsonl file (or .gz of them), or a folder of them")
    pc.add_argument("--json", action="store_true", help="print JSON (one object, or a list for several records)")
    pc.add_argument("--config", default=None, help="config folder (default: the project's config/)")
    pc.set_defaults(func=_cmd_clean)

    pq = sub.add_parser("query", help="run read-only SQL against the warehouse", formatter_class=fmt)
    pq.add_argument("sql", nargs="?", help="one SQL statement (SELECT, EXPLAIN or PRAGMA)")
    pq.add_argument("--file", help="read the SQL from this file instead")
    pq.add_argument("--db", default=DEFAULT_DB, help=db_help)
    pq.add_argument("--format", choices=["table", "csv", "json", "markdown"], default="table",
                    help="output format")
    pq.set_defaults(func=_cmd_query)

    pf = sub.add_parser("search", help="full-text search (BM25, stemmed per language) over canonical articles",
                        formatter_class=fmt)
    pf.add_argument("terms", help="words to look for (any of them; stemmed like the articles)")
    pf.add_argument("--db", default=DEFAULT_DB, help=db_help)
    pf.add_argument("--lang", default=None, help="only articles in this language (ISO code, e.g. fr)")
    pf.add_argument("--site", action="append", default=None, help="only this site (repeat for several)")
    pf.add_argument("--since", default=None, help="only articles published on or after YYYY-MM-DD")
    pf.add_argument("--limit", type=_positive_int, default=10, help="most results to show")
    pf.add_argument("--json", action="store_true", help="print the hits as JSON")
    pf.set_defaults(func=_cmd_search)

    pe = sub.add_parser("export", help="write articles and paragraphs as Parquet, JSON lines or CSV",
                        formatter_class=fmt)
    pe.add_argument("out", help="output folder (what an export writes there is replaced whole)")
    pe.add_argument("--db", default=DEFAULT_DB, help=db_help)
    pe.add_argument("--format", choices=["parquet", "jsonl", "csv"], default="parquet", help="file format")
    pe.add_argument("--partition", choices=["none", "language", "month", "language-month"], default="none",
                    help="one file a table, or Hive folders per language, month or both")
    pe.set_defaults(func=_cmd_export)

    pt = sub.add_parser("stats", help="one-screen summary of the warehouse", formatter_class=fmt)
    pt.add_argument("--db", default=DEFAULT_DB, help=db_help)
    pt.add_argument("--top", type=_positive_int, default=15,
                    help="rows per list (sites, rejection codes, rules); the rest are summed in one line")
    pt.add_argument("--json", action="store_true", help="print the summary as JSON")
    pt.set_defaults(func=_cmd_stats)

    pr = sub.add_parser("report", help="write a self-contained HTML audit page of a run (no server, no network)",
                        formatter_class=fmt)
    pr.add_argument("--db", default=DEFAULT_DB, help=db_help)
    pr.add_argument("--out", default="report.html", help="the HTML file to write")
    pr.add_argument("--run", default=None, help="run id (default: the latest run)")
    pr.add_argument("--limit", type=_positive_int, default=500, help="most articles and rejected records shown")
    pr.set_defaults(func=_cmd_report)

    pv = sub.add_parser("server", help="start (or --stop) a local Prefect server with state in .prefect/",
                        formatter_class=fmt)
    pv.add_argument("--port", type=int, default=4200, help="port on 127.0.0.1")
    pv.add_argument("--stop", action="store_true", help="stop the server started from this project")
    pv.add_argument("--project", default=".", help="project folder (holds .prefect/ and prefect.toml)")
    pv.set_defaults(func=_cmd_server)

    ps = sub.add_parser("serve", help="register the `scheduled` deployment and run its flow runs (foreground)",
                        formatter_class=fmt)
    ps.add_argument("--source", default=None, help="inbox to ingest (default: config/deployment.toml)")
    ps.add_argument("--db", default=None, help="warehouse file (default: config/deployment.toml)")
    ps.add_argument("--cron", default=None, help="override the schedule for this session")
    ps.add_argument("--config", default=None, help="config folder (default: the project's config/)")
    ps.set_defaults(func=_cmd_serve)
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except BrokenPipeError:
        # the reader stopped reading (`| head`): end quietly, and keep Python from failing on the final flush
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    sys.exit(main())
