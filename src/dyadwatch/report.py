"""``write_report``: one self-contained HTML file with the dashboard's charts and quoted events.

The file needs nothing else to be read: the style, the SVG charts and the figures (as JSON in a
``<script type="application/json">`` block, for reuse) are inside it, and it runs no script.
Its figures come from ``server.data.DataSource``, the same as the API's: merged events, the
relation index of ``analyze.index`` per direction, and the alerts ``dyadwatch analyze`` stored.
Each point of the index chart links to the section listing that period's events, and the JSON
block gives every point's event ids. A Content-Security-Policy in the page forbids scripts,
outside resources and forms, and only ``http(s)`` source URLs become links.
"""

from __future__ import annotations

import datetime as dt
import html
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from urllib.parse import urlsplit

from . import __version__
from .analyze.index import check_freq
from .analyze.settings import AnalysisSettings
from .analyze.tone import TONE_GENRES
from .config import Dyad
from .errors import StoreError
from .server import schemas
from .server.data import DataSource

PALETTE = ("#2f6fb0", "#d9822b", "#2e9c5a", "#b03a2e", "#7d5ba6", "#8c6d31", "#c2528b", "#5f6b78")
DIRECTION_COLORS = ("#d9822b", "#7d5ba6")
WIDTH = 1100
LISTED = 40  # events of a period listed in short after its quoted top events
# The report runs no script and loads nothing: its style is inline, its charts inline SVG.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
    "form-action 'none'"
)


def write_report(
    db_path: str | Path,
    out_path: str | Path,
    dyad: Dyad | None = None,
    *,
    freq: str = "month",
    per_period: int = 3,
    analysis: AnalysisSettings | None = None,
) -> Path:
    """Write the report on the database at ``db_path`` to ``out_path`` and return its path.

    The dyad is the one the events were built for (``dyad``, when given, must be it); the method
    texts follow the settings they were built with (``analysis`` before the first rebuild).
    Raises ``StoreError`` when the database cannot be read or the file cannot be written,
    ``QueryError`` for an unknown ``freq`` and ``DyadMismatchError`` for another dyad.
    """
    check_freq(freq)
    data = DataSource.open(db_path, dyad, analysis)
    with data.session():
        _, ab, ba, _ = data.directions()
        computed = data.alert_directions() if freq in data.alert_freqs() else []
        figures = Figures(
            summary=data.summary(),
            index=data.index(freq),
            ways=[data.index(freq, ab), data.index(freq, ba)],
            yearly=[data.index("year", d) for d in ("both", ab, ba)],
            alerts=[data.alerts(freq, direction=d) for d in ("both", ab, ba) if d in computed],
            issues=data.issues(freq),
            polls=data.polls(),
            periods=data.top_events(freq, per_period),
            listed={
                point.period: data.events(
                    freq=freq, period=point.period, direction="both", limit=LISTED
                ).items
                for point in data.index(freq).points
            },
        )
    page = render(figures, Path(db_path).name)
    out = Path(out_path)
    try:
        out.write_text(page, encoding="utf-8")
    except OSError as exc:
        raise StoreError(
            f"cannot write the report to {out}: {exc.strerror}; choose another --out"
        ) from exc
    return out


@dataclass(frozen=True, slots=True)
class Figures:
    summary: schemas.Summary
    index: schemas.IndexSeries
    ways: list[schemas.IndexSeries]
    yearly: list[schemas.IndexSeries]
    alerts: list[schemas.AlertList]
    issues: schemas.IssueSeries
    polls: schemas.PollList
    periods: list[schemas.PeriodEvents]
    listed: dict[str, list[schemas.EventItem]]

    def as_json(self) -> str:
        parts = {
            "summary": self.summary,
            "index": self.index,
            "issues": self.issues,
            "polls": self.polls,
        }
        payload = {key: value.model_dump(mode="json") for key, value in parts.items()}
        payload["ways"] = [s.model_dump(mode="json") for s in self.ways]
        payload["yearly"] = [s.model_dump(mode="json") for s in self.yearly]
        payload["alerts"] = [a.model_dump(mode="json") for a in self.alerts]
        payload["periods"] = [p.model_dump(mode="json") for p in self.periods]
        # "</" must not end the script block early.
        return json.dumps(payload, ensure_ascii=False).replace("</", "<\\/")


# --- page ---------------------------------------------------------------------------------------


def _e(value: object) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _signed(value: float | None, digits: int = 1) -> str:
    return "—" if value is None else f"{value:+.{digits}f}"


def _arrow(direction: str) -> str:
    return direction.replace("<>", " ⇄ ").replace(">", " → ")


def _link(url: str | None, text: str) -> str:
    """``text`` as a link to ``url`` when it is an http(s) URL, else as plain text: a
    ``javascript:`` or ``data:`` URL from an input never becomes clickable."""
    if url and urlsplit(url.strip()).scheme.lower() in ("http", "https"):
        return f'<a href="{_e(url.strip())}" rel="noreferrer">{_e(text)}</a>'
    return f"<strong>{_e(text)}</strong>"


def _genre_tones(point: schemas.IndexPoint) -> str:
    """``news −0.12 (4) · comment −0.40 (2)``: a point's tone by genre with its counts."""
    return " · ".join(
        f"{genre} {t.mean:+.2f} ({t.sentences})" for genre, t in point.tone_by_genre.items()
    ) or "—"


def anchor(period: str) -> str:
    """The id of a period's section in the events part of the report."""
    return "period-" + "".join(c if c.isalnum() or c == "-" else "-" for c in period)


def render(figures: Figures, db_name: str) -> str:
    summary = figures.summary
    style = resources.files("dyadwatch").joinpath("web/style.css").read_text(encoding="utf-8")
    made = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    dated = f"{summary.date_min} … {summary.date_max}" if summary.date_min else "no dated events"
    note = f'<p class="note">{_e(summary.analysis.message)}</p>' if summary.analysis.message else ""
    sections = [
        _index_section(figures),
        _tone_section(figures),
        _issues_section(figures.issues),
        _polls_section(figures.polls),
        _events_section(figures),
    ]
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{CONTENT_SECURITY_POLICY}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>dyadwatch report · {_e(summary.dyad.name)}</title>
<style>
{style}
</style>
</head>
<body class="report">
<header>
  <div class="title">
    <h1>dyadwatch report <span>· {_e(summary.dyad.name)}</span></h1>
    <p class="muted">{summary.documents} documents ({summary.duplicates} near-copies),
    {summary.mentions} event mentions merged into {summary.events} events
    ({summary.dyadic_events} between the two countries, {summary.undated_events} undated),
    {summary.polls} poll figures; events dated {_e(dated)}.
    From {_e(db_name)}, made {made} by dyadwatch {__version__}; events built
    {_e(summary.analysis.refreshed_at or "never")}.</p>
  </div>
</header>
{note}
<main>
{"".join(sections)}
</main>
<footer class="muted">Every event below is quoted from its sources; the evidence is highlighted.
The figures as JSON, with the event ids of every index point, are in the
<code>dyadwatch-figures</code> block of this file.</footer>
<script type="application/json" id="dyadwatch-figures">{figures.as_json()}</script>
</body>
</html>
"""


def _alert_items(figures: Figures) -> str:
    if not figures.alerts:
        return ""  # not computed at this period length: the method text says so
    items = sorted((a for lst in figures.alerts for a in lst.items), key=lambda a: a.start)
    return (
        "".join(
            f'<li><span class="{a.kind}">{"▼ drop" if a.kind == "drop" else "▲ rise"}</span> '
            f'<a href="#{anchor(a.period)}"><strong>{_e(a.period)}</strong></a> '
            f"({_e('both directions' if a.direction == 'both' else _arrow(a.direction))}): "
            f"index {_signed(a.value, 2)} against {_signed(a.baseline, 2)} before "
            f"(threshold {a.threshold:.2f}), {a.events} events, "
            f"{len(a.event_ids)} pulling it</li>"
            for a in items
        )
        or '<li class="muted">No sharp moves.</li>'
    )


def _alerts_method(figures: Figures) -> str:
    if figures.alerts:
        return f"An alert marks a period whose {_e(figures.alerts[0].method)}."
    computed = ", ".join(figures.summary.alert_freqs) or "no period length"
    return (
        f"Alerts are computed by {_e(computed)} only, not by {_e(figures.index.freq)}: write "
        "the report with one of those (<code>--freq</code>) to see them."
    )


def _index_section(figures: Figures) -> str:
    series = figures.index
    points = [p for p in series.points if p.value is not None]
    marks = next((a.items for a in figures.alerts if a.direction == "both"), [])
    chart = (
        index_svg(points, figures.ways, marks)
        if points
        else '<div class="empty">No dated, scored events between the two countries.</div>'
    )
    both, *ways = figures.yearly
    by_way = [{p.period: p for p in w.points} for w in ways]
    rows = "".join(
        f"<tr><td>{_e(p.period)}</td><td>{_signed(p.value, 2)}</td>"
        + "".join(
            f"<td>{_signed(w[p.period].value, 2) if p.period in w else '—'}</td>" for w in by_way
        )
        + f"<td>{p.scored}</td><td>{p.mentions}</td><td>{p.hypothetical}</td>"
        f"<td>{p.negated}</td><td>{p.quad_classes['1']} / {p.quad_classes['2']} / "
        f"{p.quad_classes['3']} / {p.quad_classes['4']}</td>"
        f"<td>{_e(_genre_tones(p))}</td></tr>"
        for p in both.points
    )
    heads = "".join(f"<th>{_e(_arrow(w.direction))}</th>" for w in ways)
    legend = " ".join(
        f'<span style="color:{DIRECTION_COLORS[i]}">━ {_e(_arrow(w.direction))}</span>'
        for i, w in enumerate(figures.ways)
    )
    return f"""<section id="index-section">
<h2>Relation index by {_e(series.freq)}</h2>
<p class="method">Method: {_e(series.method)}. The thick line is both directions together,
the thin ones each direction ({legend}); dashed lines cross periods without events. Bars below
count the scored events by QuadClass (cooperation up: verbal light, material dark; conflict
down). Each point links to its period's events below.</p>
<div class="chart">{chart}</div>
<h3>Alerts</h3>
<p class="method">{_alerts_method(figures)}</p>
<ul class="alerts">{_alert_items(figures)}</ul>
<h3>By year</h3>
<table class="data"><thead><tr><th>Year</th><th>Index (both)</th>{heads}<th>Scored events</th>
<th>Mentions</th><th>Hypothetical</th><th>Negated</th><th>QuadClass 1 / 2 / 3 / 4</th>
<th>Tone by genre (sentences)</th></tr></thead><tbody>{rows}</tbody></table>
</section>
"""


def _tone_section(figures: Figures) -> str:
    series = figures.index
    groups = []
    for genre in TONE_GENRES:
        points = [
            (
                p.start,
                p.end,
                p.tone_by_genre[genre].mean,
                f"{genre}, {p.period}: tone {p.tone_by_genre[genre].mean:+.2f} over "
                f"{p.tone_by_genre[genre].sentences} sentences",
            )
            for p in series.points
            if genre in p.tone_by_genre
        ]
        if points:
            groups.append((genre, points))
    if not groups:
        chart = '<div class="empty">No tone scores for these events.</div>'
    else:
        chart = lines_svg(
            groups,
            y_min=-1.0,
            y_max=1.0,
            y_ticks=(-1.0, 0, 1.0),
            y_format=lambda v: f"{v:+g}" if v else "0",
            height=200,
            label="Tone by genre over time",
        )
    return f"""<section id="tone-section">
<h2>Tone by genre</h2>
<p class="method">Plain mean tone (VADER, −1 … +1) of the sentences that report each period's
scored events between the two countries, one line per genre: news, official text, encyclopedia
text, forum posts and readers' comments are never averaged together. The yearly table above gives
the number of sentences behind each mean.</p>
<div class="chart">{chart}</div>
</section>
"""


def _issues_section(issues: schemas.IssueSeries) -> str:
    if not issues.points:
        chart = '<div class="empty">No event is tagged with an issue.</div>'
    else:
        groups: dict[str, list[tuple[dt.date, dt.date, float, str]]] = {}
        totals: dict[str, int] = {}
        for p in issues.points:
            title = f"{p.label}, {p.period}: {p.events} of {issues.totals.get(p.period)} events"
            groups.setdefault(p.label, []).append((p.start, p.end, p.share, title))
            totals[p.label] = totals.get(p.label, 0) + p.events
        ordered = sorted(groups, key=lambda name: -totals[name])[:8]
        top = min(1.0, max(v for g in groups.values() for _, _, v, _ in g))
        top = min(1.0, (int(top * 5) + 1) / 5)
        chart = lines_svg(
            [(name, groups[name]) for name in ordered],
            y_max=top,
            y_ticks=(0, top / 2, top),
            y_format=lambda v: f"{v * 100:.0f}%",
            height=260,
            label="Issue salience over time",
        )
    return f"""<section id="issues-section">
<h2>Issue salience</h2>
<p class="method">Method: {_e(issues.method)}.</p>
<div class="chart">{chart}</div>
</section>
"""


def _polls_section(polls: schemas.PollList) -> str:
    if not polls.items:
        return """<section id="polls-section"><h2>Polls</h2>
<div class="empty muted">No poll figures in this database.</div></section>
"""
    groups: dict[str, list[tuple[dt.date, dt.date, float, str]]] = {}
    for poll in polls.items:
        if poll.start is None or poll.end is None:
            continue
        title = f"{poll.series}, {poll.date or poll.year}: {poll.value:g}%"
        groups.setdefault(poll.series, []).append((poll.start, poll.end, poll.value, title))
    chart = (
        lines_svg(
            [(name, sorted(points)) for name, points in groups.items()],
            y_max=100,
            y_ticks=(0, 25, 50, 75, 100),
            y_format=lambda v: f"{v:.0f}%",
            height=240,
            label="Poll figures over time",
            pad_days=60,
        )
        if groups
        else '<div class="empty">No poll figure has a date.</div>'
    )
    rows = "".join(
        f"<tr><td>{_e(p.date or p.year or '—')}</td><td>{_e(p.series)}</td>"
        f"<td>{p.value:g}%{'' if p.change is None else f' ({p.change:+g})'}</td>"
        f'<td><q>{_e(p.quote)}</q><div class="muted">{_e(p.title or p.source)}</div></td></tr>'
        for p in polls.items
    )
    return f"""<section id="polls-section">
<h2>Polls</h2>
<p class="method">Poll figures are series of their own, never mixed into the index.</p>
<div class="chart">{chart}</div>
<table class="data"><thead><tr><th>When</th><th>Series</th><th>Value</th><th>Said in</th></tr>
</thead><tbody>{rows}</tbody></table>
</section>
"""


def _events_section(figures: Figures) -> str:
    by_period = {p.period: p for p in figures.index.points}
    blocks = []
    for period in figures.periods:
        point = by_period.get(period.period)
        listed = figures.listed.get(period.period, [])
        if point is None or not point.event_ids:
            continue
        quoted = {e.id for e in period.events}
        events = "".join(_event_html(event) for event in period.events)
        rest = [e for e in listed if e.id not in quoted]
        more = point.events - len(quoted) - len(rest)
        short = "".join(
            f"<li>{_e(e.date or 'undated')} <strong>{_e(e.event_type)}</strong>"
            f"{' (hypothetical)' if e.hypothetical else ''}{' (negated)' if e.negated else ''} "
            f"{_e(e.actors or '?')}{' → ' + _e(e.recipients) if e.recipients else ''}: "
            f'<q>{_e(e.quote)}</q> <span class="muted">{e.n_mentions}× · {_e(e.id)}</span></li>'
            for e in rest
        )
        tail = (
            f'<li class="muted">… and {more} more (ids in the figures block)</li>' if more else ""
        )
        listing = f'<ul class="listed">{short}{tail}</ul>' if short or tail else ""
        blocks.append(
            f'<div class="period" id="{anchor(period.period)}"><h3>{_e(period.period)} · index '
            f"{_signed(period.index)} · {point.scored} scored of {point.events} events</h3>"
            f"{events}{listing}</div>"
        )
    body = "".join(blocks) or '<p class="muted">No dated events between the two countries.</p>'
    return f"""<section id="events-section">
<h2>The events of each period</h2>
<p class="method">For each point of the index, its events between the two countries: first the
scored ones that weigh most (weight × |Goldstein|), each quoted from every sentence that reports
it, then the others in short.</p>
{body}
</section>
"""


def _event_html(event: schemas.EventDetail) -> str:
    quad = {1: "coop", 2: "coop", 3: "conf", 4: "conf"}.get(event.quad_class or 0, "")
    flags = "".join(
        f'<span class="flag">{name}</span>'
        for name, on in (("negated", event.negated), ("not (yet) real", event.hypothetical))
        if on
    )
    quotes = []
    for mention in event.mentions:
        s = mention.sentence
        start, end = mention.evidence_start, mention.evidence_end
        where = _link(mention.url, mention.title or mention.url or "untitled")
        extra = f" · {_e(mention.publisher)}" if mention.publisher else ""
        extra += f" · published {_e(mention.published)}" if mention.published else ""
        extra += f" · near-copy of {_e(mention.duplicate_of)}" if mention.duplicate_of else ""
        quotes.append(
            f'<blockquote class="sentence">{_e(s[:start])}<mark>{_e(s[start:end])}</mark>'
            f"{_e(s[end:])}</blockquote>"
            f'<div class="meta">— {where} · {_e(mention.source)}{extra}</div>'
        )
    direction = _arrow(event.direction) if event.dyadic else "other countries"
    return (
        f'<div class="event detail" id="event-{_e(event.id)}"><div class="head">'
        f'{_e(event.date or "undated")} <span class="tag {quad}">{_e(event.event_type)}</span>'
        f"{flags} {_e(event.actors or '?')}"
        f"{' → ' + _e(event.recipients) if event.recipients else ''} "
        f'<span class="muted">({_e(direction)}; Goldstein {_signed(event.goldstein)}; '
        f"{event.n_mentions} mentions, {event.n_sources} sources, weight "
        f"{event.weight:.2f})</span></div>"
        f"{''.join(quotes)}</div>"
    )


# --- SVG charts ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Frame:
    """Scales and the drawn axes of one chart."""

    t0: float
    t1: float
    y_min: float
    y_max: float
    height: int
    left: float = 44
    right: float = WIDTH - 16
    top: float = 16

    @property
    def bottom(self) -> float:
        return self.height - 26

    def x(self, day: dt.date) -> float:
        span = max(self.t1 - self.t0, 1)
        return self.left + (day.toordinal() - self.t0) / span * (self.right - self.left)

    def y(self, value: float) -> float:
        share = (self.y_max - value) / (self.y_max - self.y_min)
        return self.top + share * (self.bottom - self.top)

    def mid(self, start: dt.date, end: dt.date) -> float:
        return (self.x(start) + self.x(end + dt.timedelta(days=1))) / 2


def _domain(spans: Sequence[tuple[dt.date, dt.date]], pad_days: int) -> tuple[float, float]:
    t0 = min(s.toordinal() for s, _ in spans)
    t1 = max(e.toordinal() + 1 for _, e in spans)
    pad = max((t1 - t0) * 0.02, pad_days)
    return t0 - pad, t1 + pad


def _time_ticks(t0: float, t1: float) -> list[tuple[dt.date, str]]:
    first, last = dt.date.fromordinal(int(t0)), dt.date.fromordinal(int(t1))
    years = (t1 - t0) / 365.25
    if years < 2.5:
        step = 1 if years < 0.6 else 2 if years < 1.2 else 3
        ticks = []
        k = first.year * 12 + first.month  # the month after ``first`` (0-based months)
        while (day := dt.date(k // 12, k % 12 + 1, 1)) <= last:
            if (k % 12) % step == 0:
                ticks.append((day, f"{day.year}-{day.month:02d}"))
            k += 1
        return ticks
    step = next((s for s in (1, 2, 5, 10, 20, 50) if years / s <= 12), 100)
    after = first.year + (1 if first > dt.date(first.year, 1, 1) else 0)
    start = -(-after // step) * step  # the first multiple of ``step`` in the domain
    return [
        (dt.date(y, 1, 1), str(y))
        for y in range(start, last.year + 1, step)
        if first <= dt.date(y, 1, 1) <= last
    ]


def _frame_svg(
    frame: _Frame,
    y_ticks: Sequence[float],
    y_format: Callable[[float], str],
    label: str,
    band: bool = False,
) -> list[str]:
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {frame.height}" '
        f'role="img" aria-label="{_e(label)}">'
    ]
    width = frame.right - frame.left
    if band:
        zero = frame.y(0)
        parts.append(
            f'<rect class="band-up" x="{frame.left}" y="{frame.top}" width="{width}" '
            f'height="{zero - frame.top:.1f}" fill="#e9f5ef"/>'
            f'<rect class="band-down" x="{frame.left}" y="{zero:.1f}" width="{width}" '
            f'height="{frame.bottom - zero:.1f}" fill="#fbecea"/>'
        )
    for value in y_ticks:
        y = frame.y(value)
        stroke = "#8795a3" if band and value == 0 else "#d8dee5"
        parts.append(
            f'<line x1="{frame.left}" x2="{frame.right}" y1="{y:.1f}" y2="{y:.1f}" '
            f'stroke="{stroke}"/><text x="{frame.left - 6}" y="{y + 4:.1f}" '
            f'text-anchor="end" fill="#5d6b7a" font-size="11">{_e(y_format(value))}</text>'
        )
    for day, text in _time_ticks(frame.t0, frame.t1):
        x = frame.x(day)
        parts.append(
            f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{frame.bottom}" y2="{frame.bottom + 4}" '
            f'stroke="#d8dee5"/><text x="{x:.1f}" y="{frame.bottom + 17}" '
            f'text-anchor="middle" fill="#5d6b7a" font-size="11">{_e(text)}</text>'
        )
    return parts


def _line_parts(
    frame: _Frame, points: Sequence[schemas.IndexPoint], cls: str, color: str, width: float
) -> list[str]:
    parts = []
    for a, b in zip(points, points[1:], strict=False):
        gap = (b.start - a.end).days > 1
        if gap:
            style = f' stroke-dasharray="4 4" stroke-width="{width * 0.6:.1f}" opacity="0.6"'
        else:
            style = f' stroke-width="{width}"'
        parts.append(
            f'<path class="{cls}{" gap" if gap else ""}" fill="none" stroke="{color}"{style} '
            f'd="M{frame.mid(a.start, a.end):.1f},{frame.y(a.value or 0):.1f}'
            f'L{frame.mid(b.start, b.end):.1f},{frame.y(b.value or 0):.1f}"/>'
        )
    return parts


def index_svg(
    points: Sequence[schemas.IndexPoint],
    ways: Sequence[schemas.IndexSeries],
    alerts: Sequence[schemas.Alert],
) -> str:
    """The relation index (-10…+10) of both directions, a thin line per direction, QuadClass
    bars and alert triangles, as SVG. Each point of the main line links to its events."""
    t0, t1 = _domain([(p.start, p.end) for p in points], 15)
    frame = _Frame(t0, t1, -10, 10, 360)
    parts = _frame_svg(
        frame,
        (-10, -5, 0, 5, 10),
        lambda v: f"{v:+g}" if v else "0",
        "Relation index over time",
        band=True,
    )
    most = max(1, *(max(p.cooperation, p.conflict) for p in points))
    unit = (frame.y(-10) - frame.y(-4)) / 2 / most
    base = frame.y(-7)
    quads = (
        ("1", "bar-q1", "#1a7f5a", 0.45, "verbal cooperation"),
        ("2", "bar-q2", "#1a7f5a", 0.85, "material cooperation"),
        ("3", "bar-q3", "#c0392b", 0.45, "verbal conflict"),
        ("4", "bar-q4", "#c0392b", 0.85, "material conflict"),
    )
    for p in points:
        left = frame.x(p.start)
        width = max(3.0, frame.x(p.end + dt.timedelta(days=1)) - left - 1)
        up = down = base
        for q, cls, color, opacity, name in quads:
            n = p.quad_classes.get(q, 0)
            if not n:
                continue
            h = n * unit
            if q in ("1", "2"):
                up -= h
                top = up
            else:
                top = down
                down += h
            parts.append(
                f'<rect class="{cls}" x="{left:.1f}" y="{top:.1f}" width="{width:.1f}" '
                f'height="{h:.1f}" fill="{color}" opacity="{opacity}"><title>{_e(p.period)}: '
                f"{n} {name} events</title></rect>"
            )
    for i, way in enumerate(ways):
        color = DIRECTION_COLORS[i % len(DIRECTION_COLORS)]
        valued = [p for p in way.points if p.value is not None]
        parts.extend(_line_parts(frame, valued, f"dir-line dir-{i}", color, 1.3))
        for p in valued:
            parts.append(
                f'<circle class="dir-point" cx="{frame.mid(p.start, p.end):.1f}" '
                f'cy="{frame.y(p.value or 0):.1f}" r="3" fill="{color}">'
                f"<title>{_e(_arrow(way.direction))}, {_e(p.period)}: index "
                f"{_signed(p.value, 2)} over {p.scored} events</title></circle>"
            )
    parts.extend(_line_parts(frame, points, "index-line", "#24476b", 2))
    for p in points:
        r = min(9.0, 3 + (p.scored**0.5))
        apart = (
            f"; not scored: {p.hypothetical} hypothetical, {p.negated} negated"
            if (p.hypothetical or p.negated)
            else ""
        )
        parts.append(
            f'<a href="#{anchor(p.period)}"><circle class="point" '
            f'cx="{frame.mid(p.start, p.end):.1f}" cy="{frame.y(p.value or 0):.1f}" '
            f'r="{r:.1f}" fill="#24476b" stroke="#fff">'
            f"<title>{_e(p.period)}: index {_signed(p.value, 2)} over {p.scored} events, "
            f"{p.mentions} mentions ({p.cooperation} cooperative, {p.conflict} "
            f"conflictual){apart}</title></circle></a>"
        )
    by_period = {p.period: p for p in points}
    for alert in alerts:
        point = by_period.get(alert.period)
        if point is None:
            continue
        cx, cy = frame.mid(point.start, point.end), frame.y(point.value or 0)
        if alert.kind == "rise":
            shape, cls, color = f"M{cx:.1f},{cy - 22:.1f}l7,12h-14z", "alert-up", "#1a7f5a"
        else:
            shape, cls, color = f"M{cx:.1f},{cy + 22:.1f}l7,-12h-14z", "alert-down", "#c0392b"
        parts.append(
            f'<path class="{cls}" d="{shape}" fill="{color}"><title>{_e(alert.message)}</title>'
            "</path>"
        )
        parts.append(
            f'<text x="{cx:.1f}" y="{cy - 26 if alert.kind == "rise" else cy + 36:.1f}" '
            f'text-anchor="middle" fill="{color}" font-size="11">{_e(alert.period)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def lines_svg(
    groups: Sequence[tuple[str, Sequence[tuple[dt.date, dt.date, float, str]]]],
    *,
    y_max: float,
    y_min: float = 0,
    y_ticks: Sequence[float],
    y_format: Callable[[float], str],
    height: int,
    label: str,
    pad_days: int = 15,
) -> str:
    """Lines over time, one per named group of (start, end, value, tooltip) points, as SVG.

    Points of consecutive periods are joined by a solid line; across periods without a value
    the line breaks and a thin dashed one bridges the gap, so a decade without data does not
    read as a steady trend."""
    spans = [(s, e) for _, points in groups for s, e, _, _ in points]
    t0, t1 = _domain(spans, pad_days)
    # Legend above the plot: four names a row, or two when names are long (about 6 px a letter).
    per_row = 4 if max(len(name) for name, _ in groups) <= 40 else 2
    rows = -(-len(groups) // per_row)
    frame = _Frame(t0, t1, y_min, y_max, height + rows * 16, top=20 + rows * 16)
    parts = _frame_svg(frame, y_ticks, y_format, label)
    for i, (name, points) in enumerate(groups):
        color = PALETTE[i % len(PALETTE)]
        solid, dashed = [], []
        for j, (s, e, v, _) in enumerate(points):
            xy = f"{frame.mid(s, e):.1f},{frame.y(v):.1f}"
            if j and (s - points[j - 1][1]).days > 1:  # periods without a value in between
                before = points[j - 1]
                dashed.append(f"M{frame.mid(before[0], before[1]):.1f},{frame.y(before[2]):.1f}")
                dashed.append(f"L{xy}")
                solid.append(f"M{xy}")
            else:
                solid.append(f"{'L' if j else 'M'}{xy}")
        parts.append(
            f'<path class="series" fill="none" stroke-width="2" stroke="{color}" '
            f'd="{"".join(solid)}"/>'
        )
        if dashed:
            parts.append(
                f'<path class="series-gap" fill="none" stroke-width="1.2" stroke="{color}" '
                f'stroke-dasharray="4 4" opacity="0.6" d="{"".join(dashed)}"/>'
            )
        for s, e, v, title in points:
            parts.append(
                f'<circle cx="{frame.mid(s, e):.1f}" cy="{frame.y(v):.1f}" r="3.5" '
                f'fill="{color}"><title>{_e(title)}</title></circle>'
            )
        lx = frame.left + (i % per_row) * (1040 // per_row)
        ly = 4 + (i // per_row) * 16
        parts.append(
            f'<rect x="{lx}" y="{ly}" width="12" height="4" fill="{color}"/>'
            f'<text x="{lx + 16}" y="{ly + 6}" fill="#1d2733" font-size="11">{_e(name)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)
