"""`articles report`: one self-contained HTML page (no server, no network) to audit a run in a browser."""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup, escape

from warehouse.audit import Audit, Removed, read_audit

TEMPLATES = Path(__file__).resolve().parent / "templates"


def _bars(rows: list[tuple[str, int]], width: int = 300) -> Markup:
    """A horizontal bar chart as inline SVG (no script, no network)."""
    if not rows:
        return Markup("<p class='meta'>(none)</p>")
    top = max(n for _, n in rows) or 1
    height = 20 * len(rows)
    parts = [f"<svg role='img' width='{width + 180}' height='{height}' viewBox='0 0 {width + 180} {height}'>"]
    for i, (label, n) in enumerate(rows):
        y = 20 * i
        w = max(2, round(width * n / top)) if n else 0
        parts.append(f"<text x='0' y='{y + 14}'>{escape(label)}</text>"
                     f"<rect x='120' y='{y + 3}' width='{w}' height='14' fill='#4a78b5'/>"
                     f"<text x='{126 + w}' y='{y + 14}'>{n}</text>")
    parts.append("</svg>")
    return Markup("".join(parts))


def _removed(r: Removed) -> Markup:
    return Markup(f"<del class='removed' data-rule='{escape(r.rule_id)}'>{escape(r.text)}"
                  f"<span class='rule'>{escape(r.rule_id)}</span><span class='rule cat'>{escape(r.category)}</span>"
                  f"</del>")


def render_audit(audit: Audit) -> str:
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html", "j2"]))
    outcome = [(k, int(audit.run.get(k) or 0)) for k in ("loaded", "duplicate", "rejected", "unchanged")]
    return env.get_template("audit.html.j2").render(audit=audit, outcome=outcome, bars=_bars, removed=_removed)


def write_audit_page(db: str | Path, out: str | Path, run_id: str | None = None, limit: int = 500) -> Path:
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render_audit(read_audit(db, run_id, limit)), encoding="utf-8")
    return out
