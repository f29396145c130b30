/* dyadwatch dashboard: draws the read API's figures as SVG, with no library and no network
 * beyond this server. Text from the database is always set with textContent, never as HTML. */
"use strict";

(function () {
  const SVG = "http://www.w3.org/2000/svg";
  const DAY = 86400000;
  const PALETTE = ["#2f6fb0", "#d9822b", "#2e9c5a", "#b03a2e", "#7d5ba6", "#8c6d31",
    "#c2528b", "#5f6b78"];
  const QUADS = [
    ["1", "bar-q1", "verbal cooperation"], ["2", "bar-q2", "material cooperation"],
    ["3", "bar-q3", "verbal conflict"], ["4", "bar-q4", "material conflict"],
  ];
  const state = {
    summary: null,
    chart: { freq: "month", source: "dyadwatch", since: "", until: "" },
    events: { type: "", actor: "", issue: "", direction: "", since: "", until: "", freq: "",
      period: "", offset: 0, limit: 50 },
  };

  // --- small helpers ------------------------------------------------------------------------

  function $(selector) { return document.querySelector(selector); }

  function el(tag, attrs, parent, text) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) node.setAttribute(key, value);
    if (text !== undefined && text !== null) node.textContent = text;
    if (parent) parent.appendChild(node);
    return node;
  }

  function svg(tag, attrs, parent, text) {
    const node = document.createElementNS(SVG, tag);
    for (const [key, value] of Object.entries(attrs || {})) node.setAttribute(key, value);
    if (text !== undefined && text !== null) node.textContent = text;
    if (parent) parent.appendChild(node);
    return node;
  }

  function tip(node, text) { svg("title", {}, node, text); return node; }

  function day(iso) {
    const [y, m, d] = iso.split("-").map(Number);
    return Date.UTC(y, (m || 1) - 1, d || 1);
  }

  function signed(value, digits) {
    return (value > 0 ? "+" : "") + value.toFixed(digits === undefined ? 1 : digits);
  }

  function arrow(direction) { return direction.replace("<>", " ⇄ ").replace(">", " → "); }

  // Only http(s) URLs become links: a javascript: or data: URL from an input stays text.
  function isWebUrl(url) { return Boolean(url) && /^\s*https?:/i.test(url); }

  function showError(message) {
    const box = $("#error");
    box.textContent = message;
    box.hidden = false;
  }

  async function getJSON(path, params) {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(params || {})) {
      if (value !== "" && value !== null && value !== undefined) query.set(key, value);
    }
    const url = "api/" + path + (query.toString() ? "?" + query : "");
    const response = await fetch(url, { headers: { Accept: "application/json" } });
    const body = await response.json().catch(() => ({}));
    if (!response.ok) {
      let detail = body.detail;
      if (Array.isArray(detail)) detail = detail.map((d) => `${d.loc.at(-1)}: ${d.msg}`).join("; ");
      throw new Error(detail || `${url} answered ${response.status}`);
    }
    return body;
  }

  // --- a time chart -------------------------------------------------------------------------

  function timeTicks(t0, t1) {
    const years = (t1 - t0) / (365.25 * DAY);
    const ticks = [];
    if (years < 2.5) {
      const step = years < 0.6 ? 1 : years < 1.2 ? 2 : 3;
      const first = new Date(t0);
      for (let k = first.getUTCFullYear() * 12 + first.getUTCMonth() + 1; ; k += 1) {
        const t = Date.UTC(Math.floor(k / 12), k % 12, 1);
        if (t > t1) break;
        if ((k % 12) % step === 0) {
          ticks.push([t, `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, "0")}`]);
        }
      }
      return ticks;
    }
    const step = [1, 2, 5, 10, 20, 50].find((s) => years / s <= 12) || 100;
    const from = new Date(t0).getUTCFullYear() + (t0 > Date.UTC(new Date(t0).getUTCFullYear(), 0, 1));
    const first = Math.ceil(from / step) * step;
    for (let y = first; Date.UTC(y, 0, 1) <= t1; y += step) ticks.push([Date.UTC(y, 0, 1), String(y)]);
    return ticks;
  }

  /* opts: {height, yMin, yMax, yTicks, yFormat, t0, t1, label, band} → {root, x, y, plot} */
  function frame(container, opts) {
    const width = 1100;
    const margin = { top: opts.top || 16, right: 16, bottom: 26, left: 44 };
    const height = opts.height;
    const root = svg("svg", {
      viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": opts.label,
    });
    container.replaceChildren(root);
    const span = Math.max(opts.t1 - opts.t0, DAY);
    const x = (t) => margin.left + ((t - opts.t0) / span) * (width - margin.left - margin.right);
    const y = (v) => margin.top + ((opts.yMax - v) / (opts.yMax - opts.yMin))
      * (height - margin.top - margin.bottom);
    const plot = { left: margin.left, right: width - margin.right, top: margin.top,
      bottom: height - margin.bottom, width: width - margin.left - margin.right };
    if (opts.band) {
      svg("rect", { class: "band-up", x: plot.left, y: y(opts.yMax), width: plot.width,
        height: y(0) - y(opts.yMax) }, root);
      svg("rect", { class: "band-down", x: plot.left, y: y(0), width: plot.width,
        height: y(opts.yMin) - y(0) }, root);
    }
    const grid = svg("g", { class: "grid" }, root);
    for (const value of opts.yTicks) {
      svg("line", { x1: plot.left, x2: plot.right, y1: y(value), y2: y(value),
        class: value === 0 && (opts.band || opts.yMin < 0) ? "zero" : "" }, grid);
      svg("text", { x: plot.left - 6, y: y(value) + 4, "text-anchor": "end" }, root,
        opts.yFormat(value));
    }
    const axis = svg("g", { class: "axis" }, root);
    for (const [t, text] of timeTicks(opts.t0, opts.t1)) {
      svg("line", { x1: x(t), x2: x(t), y1: plot.bottom, y2: plot.bottom + 4 }, axis);
      svg("text", { x: x(t), y: plot.bottom + 17, "text-anchor": "middle" }, root, text);
    }
    return { root, x, y, plot };
  }

  function domain(items, padDays) {
    let t0 = Infinity;
    let t1 = -Infinity;
    for (const item of items) {
      t0 = Math.min(t0, day(item.start));
      t1 = Math.max(t1, day(item.end) + DAY);
    }
    const pad = Math.max((t1 - t0) * 0.02, padDays * DAY);
    return [t0 - pad, t1 + pad];
  }

  function empty(container, text) {
    container.replaceChildren();
    el("div", { class: "empty" }, container, text);
  }

  function mid(x, p) { return (x(day(p.start)) + x(day(p.end) + DAY)) / 2; }

  // --- relation index -----------------------------------------------------------------------

  function pointText(p, label) {
    const apart = [];
    if (p.hypothetical) apart.push(`${p.hypothetical} hypothetical`);
    if (p.negated) apart.push(`${p.negated} negated`);
    return `${label} ${p.period}: index ${signed(p.value, 2)} over ${p.scored} events `
      + `(${p.mentions} mentions; ${p.cooperation} cooperative, ${p.conflict} conflictual)`
      + (apart.length ? `; not scored: ${apart.join(", ")}` : "") + ". Click for the events.";
  }

  function drawIndex(both, ways, alerts) {
    const container = $("#index-chart");
    $("#index-method").textContent = "Method: " + both.method + ".";
    const points = both.points.filter((p) => p.value !== null);
    if (!points.length) {
      empty(container, "No dated, scored events between the two countries for these settings.");
      return;
    }
    const [t0, t1] = domain(points, 15);
    const { x, y, root } = frame(container, {
      height: 360, yMin: -10, yMax: 10, yTicks: [-10, -5, 0, 5, 10], band: true,
      yFormat: (v) => (v > 0 ? "+" : "") + v, t0, t1, label: "Relation index over time",
    });
    // Scored events by QuadClass: cooperation stacked up, conflict stacked down, in the low band.
    const most = Math.max(1, ...points.map((p) => Math.max(p.cooperation, p.conflict)));
    const unit = (y(-10) - y(-4)) / 2 / most;
    const base = y(-7);
    const bars = svg("g", { class: "bars" }, root);
    for (const p of points) {
      const left = x(day(p.start));
      const width = Math.max(3, x(day(p.end) + DAY) - left - 1);
      let up = base;
      let down = base;
      for (const [q, cls, name] of QUADS) {
        const n = p.quad_classes[q] || 0;
        if (!n) continue;
        const h = n * unit;
        const top = q <= "2" ? up - h : down;
        if (q <= "2") up -= h; else down += h;
        const bar = svg("rect", { class: cls, x: left, width, y: top, height: h,
          "data-period": p.period }, bars);
        tip(bar, `${p.period}: ${n} ${name} events`).addEventListener(
          "click", () => focusPeriod(p, "both"));
      }
    }
    // One line per direction, then the index of both directions on top.
    const series = [[both.direction, points, "index-line", "point"]];
    ways.forEach((s, i) => {
      series.unshift([s.direction, s.points.filter((p) => p.value !== null),
        `dir-line dir-${i}`, `dir-point dir-${i}`]);
    });
    for (const [label, pts, lineClass, dotClass] of series) {
      const g = svg("g", { "data-direction": label }, root);
      for (let i = 1; i < pts.length; i += 1) {
        const a = pts[i - 1];
        const b = pts[i];
        const gap = day(b.start) - (day(a.end) + DAY) > DAY;
        svg("path", { class: lineClass + (gap ? " gap" : ""),
          d: `M${mid(x, a)},${y(a.value)}L${mid(x, b)},${y(b.value)}` }, g);
      }
      for (const p of pts) {
        const main = dotClass === "point";
        const r = main ? Math.min(9, 3 + Math.sqrt(p.scored)) : 3;
        const dot = svg("circle", { class: dotClass, cx: mid(x, p), cy: y(p.value), r,
          "data-period": p.period }, g);
        tip(dot, pointText(p, label === "both" ? "both directions," : arrow(label) + ","));
        dot.addEventListener("click", () => focusPeriod(p, label));
      }
    }
    const marks = svg("g", {}, root);
    for (const alert of alerts.items) {
      const point = points.find((p) => p.period === alert.period);
      if (!point) continue;
      const cx = mid(x, point);
      const cy = y(point.value);
      const shape = alert.kind === "rise"
        ? `M${cx},${cy - 22}l7,12h-14z` : `M${cx},${cy + 22}l7,-12h-14z`;
      const mark = svg("path", { class: alert.kind === "rise" ? "alert-up" : "alert-down",
        d: shape, "data-period": alert.period }, marks);
      tip(mark, alert.message);
      mark.addEventListener("click", () => focusPeriod(alert, "both"));
    }
  }

  function drawAlerts(lists) {
    const list = $("#alerts");
    list.replaceChildren();
    if (!lists.length) {
      const c = state.chart;
      $("#alerts-method").textContent = c.source === "dyadwatch"
        ? `Alerts are computed by ${state.summary.alert_freqs.join(", ") || "no period"} only,`
          + ` not by ${c.freq}: choose one of those to see them.`
        : "Alerts are computed from dyadwatch's own events, not from GDELT rows.";
      return;
    }
    $("#alerts-method").textContent = "An alert marks a period whose " + lists[0].method
      + ". Computed by " + lists[0].computed_freqs.join(", ") + " for "
      + lists[0].computed_directions.map((d) => (d === "both" ? "both directions" : arrow(d)))
        .join(", ") + ".";
    const items = lists.flatMap((l) => l.items).sort((a, b) => day(a.start) - day(b.start));
    if (!items.length) {
      el("li", { class: "muted" }, list, "No sharp moves for these settings.");
      return;
    }
    for (const alert of items) {
      const item = el("li", { "data-id": alert.id }, list);
      el("span", { class: alert.kind }, item, alert.kind === "drop" ? "▼ drop" : "▲ rise");
      item.append(" ");
      const link = el("a", { role: "button", tabindex: "0" }, item, alert.period);
      link.addEventListener("click", () => focusPeriod(alert, alert.direction));
      item.append(` (${alert.direction === "both" ? "both directions" : arrow(alert.direction)}):`
        + ` index ${signed(alert.value, 2)} against ${signed(alert.baseline, 2)} before, `
        + `${alert.events} events, ${alert.event_ids.length} pulling it`);
    }
  }

  // --- line charts: tone, issue salience, polls ---------------------------------------------

  function lineChart(container, groups, opts) {
    const all = groups.flatMap((g) => g.points);
    const [t0, t1] = domain(all, opts.padDays);
    const top = opts.yMax(all);
    const bottom = opts.yMin ? opts.yMin(all) : 0;
    // Legend above the plot: four names a row, or two when names are long.
    const perRow = Math.max(...groups.map((g) => g.name.length)) <= 40 ? 4 : 2;
    const legendRows = Math.ceil(groups.length / perRow);
    const chart = frame(container, {
      height: opts.height + legendRows * 16, yMin: bottom, yMax: top,
      yTicks: opts.yTicks(top, bottom), yFormat: opts.yFormat, t0, t1, label: opts.label,
      top: 20 + legendRows * 16,
    });
    const { x, y, root, plot } = chart;
    groups.forEach((group, i) => {
      const color = PALETTE[i % PALETTE.length];
      const g = svg("g", { "data-series": group.name }, root);
      // Consecutive periods are joined; across periods without a value the line breaks and a
      // thin dashed one bridges the gap, so years without data do not read as a steady trend.
      let solid = "";
      let dashed = "";
      group.points.forEach((p, j) => {
        const xy = `${mid(x, p)},${y(p.y)}`;
        const before = group.points[j - 1];
        if (before && day(p.start) - (day(before.end) + DAY) > 0) {
          dashed += `M${mid(x, before)},${y(before.y)}L${xy}`;
          solid += `M${xy}`;
        } else {
          solid += `${j ? "L" : "M"}${xy}`;
        }
      });
      svg("path", { class: "series", d: solid, stroke: color }, g);
      if (dashed) svg("path", { class: "series-gap", d: dashed, stroke: color }, g);
      for (const p of group.points) {
        tip(svg("circle", { cx: mid(x, p), cy: y(p.y), r: 3.5, fill: color, class: "dot" }, g),
          p.title);
      }
      const lx = plot.left + (i % perRow) * (1040 / perRow);
      const ly = 4 + Math.floor(i / perRow) * 16;
      svg("rect", { x: lx, y: ly, width: 12, height: 4, fill: color }, root);
      svg("text", { x: lx + 16, y: ly + 6, class: "legend-text" }, root, group.name);
    });
  }

  function drawTone(both) {
    const container = $("#tone-chart");
    const gdelt = both.source === "gdelt";
    $("#tone-method").textContent = gdelt
      ? "GDELT's AvgTone of the imported rows, weighted like the index (GDELT's own scale, "
        + "not comparable with dyadwatch's −1 … +1)."
      : "Plain mean tone (VADER, −1 … +1) of the sentences reporting each period's scored "
        + "events between the two countries, one line per genre: news, official text, "
        + "encyclopedia text, forum posts and readers' comments are never averaged together.";
    const groups = gdelt
      ? [{
        name: "GDELT AvgTone",
        points: both.points.filter((p) => p.gdelt_avg_tone !== null).map((p) => ({
          start: p.start, end: p.end, y: p.gdelt_avg_tone,
          title: `${p.period}: GDELT AvgTone ${signed(p.gdelt_avg_tone, 2)} over ${p.scored} rows`,
        })),
      }]
      : state.summary.tone_genres.map((genre) => ({
        name: genre,
        points: both.points.filter((p) => p.tone_by_genre[genre]).map((p) => ({
          start: p.start, end: p.end, y: p.tone_by_genre[genre].mean,
          title: `${genre}, ${p.period}: tone ${signed(p.tone_by_genre[genre].mean, 2)} over `
            + `${p.tone_by_genre[genre].sentences} sentences`,
        })),
      }));
    const drawn = groups.filter((g) => g.points.length);
    if (!drawn.length) {
      empty(container, "No tone scores for these events.");
      return;
    }
    const bound = (all) => {
      const most = Math.max(...all.map((p) => Math.abs(p.y)));
      return most <= 1 ? 1 : Math.ceil(most);
    };
    lineChart(container, drawn, {
      height: 200, padDays: 15, label: "Tone by genre over time",
      yMax: bound, yMin: (all) => -bound(all), yTicks: (top) => [-top, 0, top],
      yFormat: (v) => (v > 0 ? "+" : "") + v,
    });
  }

  function drawIssues(series) {
    const container = $("#issues-chart");
    $("#issues-method").textContent = "Method: " + series.method + ".";
    if (!series.points.length) {
      empty(container, "No event in these periods is tagged with an issue.");
      return;
    }
    const byIssue = new Map();
    for (const p of series.points) {
      if (!byIssue.has(p.issue)) byIssue.set(p.issue, { name: p.label, total: 0, points: [] });
      const group = byIssue.get(p.issue);
      group.total += p.events;
      group.points.push({ start: p.start, end: p.end, y: p.share,
        title: `${p.label}, ${p.period}: ${p.events} of ${series.totals[p.period]} events `
          + `(${Math.round(p.share * 100)}%)` });
    }
    const groups = [...byIssue.values()].sort((a, b) => b.total - a.total).slice(0, 8);
    lineChart(container, groups, {
      height: 260, padDays: 15, label: "Issue salience over time",
      yMax: (all) => Math.min(1, Math.ceil(Math.max(...all.map((p) => p.y)) * 5 + 0.5) / 5),
      yTicks: (top) => [0, top / 2, top],
      yFormat: (v) => Math.round(v * 100) + "%",
    });
  }

  function drawPolls(polls) {
    const container = $("#polls-chart");
    const table = $("#polls-table");
    table.replaceChildren();
    if (!polls.items.length) {
      empty(container, "No poll figures in this database.");
      return;
    }
    const bySeries = new Map();
    for (const poll of polls.items) {
      if (!poll.start) continue;
      if (!bySeries.has(poll.series)) bySeries.set(poll.series, { name: poll.series, points: [] });
      bySeries.get(poll.series).points.push({
        start: poll.start, end: poll.end, y: poll.value,
        title: `${poll.series}, ${poll.date || poll.year}: ${poll.value}% — `
          + (poll.title || poll.source),
      });
    }
    const groups = [...bySeries.values()];
    for (const group of groups) group.points.sort((a, b) => day(a.start) - day(b.start));
    if (groups.length) {
      lineChart(container, groups, {
        height: 240, padDays: 60, label: "Poll figures over time",
        yMax: () => 100, yTicks: () => [0, 25, 50, 75, 100], yFormat: (v) => v + "%",
      });
    } else {
      empty(container, "No poll figure has a date.");
    }
    const head = el("tr", {}, el("thead", {}, table));
    for (const name of ["When", "Series", "Value", "Said in"]) el("th", {}, head, name);
    const body = el("tbody", {}, table);
    for (const poll of polls.items) {
      const row = el("tr", {}, body);
      el("td", {}, row, poll.date || poll.year || "—");
      el("td", {}, row, poll.series);
      el("td", {}, row, `${poll.value}%` + (poll.change !== null ? ` (${signed(poll.change)})` : ""));
      const said = el("td", {}, row);
      el("q", {}, said, poll.quote);
      el("div", { class: "muted" }, said, poll.title || poll.source);
    }
  }

  // --- events -------------------------------------------------------------------------------

  function quadClass(item) {
    if (item.quad_class === 1 || item.quad_class === 2) return "coop";
    if (item.quad_class === 3 || item.quad_class === 4) return "conf";
    return "";
  }

  function who(item) {
    const actors = item.actors || "?";
    return item.recipients ? `${actors} → ${item.recipients}` : actors;
  }

  async function loadEvents() {
    const f = state.events;
    const page = await getJSON("events", {
      type: f.type, actor: f.actor, issue: f.issue, direction: f.direction, since: f.since,
      until: f.until, freq: f.period ? f.freq : "", period: f.period, limit: f.limit,
      offset: f.offset,
    });
    const focus = $("#focus");
    focus.hidden = !f.period;
    $("#focus-text").textContent = f.period
      ? `Showing the ${page.total} events of ${f.period}`
        + (f.direction && f.direction !== "both" ? ` (${arrow(f.direction)})` : "")
        + " counted in the index point." : "";
    const body = $("#events tbody");
    body.replaceChildren();
    for (const item of page.items) {
      const row = el("tr", { class: "event", "data-id": item.id, "data-type": item.event_type,
        tabindex: "0" }, body);
      el("td", { class: "date" }, row, item.date || "undated");
      const kind = el("td", {}, row);
      el("span", { class: "tag " + quadClass(item) }, kind, item.event_type);
      if (item.negated) el("span", { class: "flag" }, kind, "negated");
      if (item.hypothetical) el("span", { class: "flag" }, kind, "not (yet) real");
      const whom = el("td", {}, row, who(item));
      el("div", { class: "muted" }, whom, item.dyadic ? arrow(item.direction) : "other countries");
      el("td", { class: "reports" }, row,
        `${item.n_mentions} × in ${item.n_documents} doc., ${item.n_sources} src.`);
      el("td", { class: "quote" }, row, item.quote);
      el("td", { class: "source" }, row, item.title || item.source);
      row.addEventListener("click", () => toggleDetail(row, item));
      row.addEventListener("keydown", (e) => { if (e.key === "Enter") toggleDetail(row, item); });
    }
    if (!page.items.length) {
      el("td", { colspan: "6", class: "muted" }, el("tr", {}, body), "No event matches.");
    }
    const last = Math.min(page.offset + page.limit, page.total);
    $("#page-info").textContent = page.total
      ? `${page.offset + 1}–${last} of ${page.total}` : "0 events";
    $("#prev").disabled = page.offset === 0;
    $("#next").disabled = last >= page.total;
  }

  async function toggleDetail(row, item) {
    const next = row.nextElementSibling;
    if (next && next.classList.contains("detail")) {
      next.remove();
      row.classList.remove("open");
      return;
    }
    row.classList.add("open");
    const detailRow = el("tr", { class: "detail" });
    row.after(detailRow);
    const cell = el("td", { colspan: "6" }, detailRow, "Loading…");
    try {
      const event = await getJSON("events/" + encodeURIComponent(item.id));
      cell.replaceChildren();
      el("div", { class: "muted" }, cell, `${event.n_mentions} mention(s) of this event in `
        + `${event.n_documents} document(s) from ${event.n_sources} source(s):`);
      for (const mention of event.mentions) {
        const quote = el("blockquote", { class: "sentence", "data-mention": mention.id }, cell);
        const s = mention.sentence;
        quote.append(s.slice(0, mention.evidence_start));
        el("mark", {}, quote, s.slice(mention.evidence_start, mention.evidence_end));
        quote.append(s.slice(mention.evidence_end));
        const meta = el("div", { class: "meta" }, cell);
        meta.append("— ");
        if (isWebUrl(mention.url)) {
          el("a", { href: mention.url, rel: "noreferrer" }, meta, mention.title || mention.url);
        } else {
          el("strong", {}, meta, mention.title || mention.url || "untitled");
        }
        meta.append(` · ${mention.source}`
          + (mention.publisher ? ` · ${mention.publisher}` : "")
          + (mention.published ? ` · published ${mention.published}` : "")
          + (mention.date ? ` · dated ${mention.date} (${mention.date_source || "?"})` : "")
          + (mention.duplicate_of ? ` · near-copy of ${mention.duplicate_of}` : ""));
      }
      const facts = el("dl", {}, cell);
      const add = (term, value) => {
        if (value === null || value === undefined || value === "") return;
        el("dt", {}, facts, term);
        el("dd", {}, facts, String(value));
      };
      add("Date", event.date || "undated");
      add("Direction", event.dyadic ? arrow(event.direction) : "other countries");
      add("Actors", event.actors);
      add("Recipients", event.recipients);
      add("Issues", event.issues.join(", "));
      add("Goldstein / QuadClass", event.goldstein !== null
        ? `${signed(event.goldstein)} / ${event.quad_class}` : null);
      add("Weight in the index", event.weight.toFixed(2));
      add("Tone", event.tone !== null ? signed(event.tone, 2) : null);
      add("Event id", event.id);
    } catch (error) {
      cell.textContent = "Could not load the event: " + error.message;
    }
  }

  function focusPeriod(p, direction) {
    const form = $("#event-filters");
    form.reset();
    Object.assign(state.events, {
      type: "", actor: "", issue: "", since: "", until: "",
      direction: direction || "both", freq: state.chart.freq, period: p.period, offset: 0,
    });
    form.direction.value = state.events.direction;
    run(loadEvents());
    $("#events-section").scrollIntoView({ behavior: "smooth" });
  }

  function readEventFilters() {
    const form = $("#event-filters");
    Object.assign(state.events, {
      type: form.type.value, actor: form.actor.value.trim(), issue: form.issue.value,
      direction: form.direction.value, since: form.since.value.trim(),
      until: form.until.value.trim(), freq: "", period: "", offset: 0,
    });
  }

  // --- wiring -------------------------------------------------------------------------------

  async function loadCharts() {
    const c = state.chart;
    const summary = state.summary;
    const [, ab, ba] = summary.directions;
    const common = { freq: c.freq, since: c.since, until: c.until };
    const index = (direction) => getJSON("index", { ...common, direction, source: c.source });
    // Alerts exist only for the frequencies and directions `dyadwatch analyze` computes.
    const computed = c.source === "dyadwatch" && summary.alert_freqs.includes(c.freq);
    const alerts = (direction) => (computed && summary.alert_directions.includes(direction)
      ? getJSON("alerts", { ...common, direction }) : Promise.resolve(null));
    const [both, one, other, alertsBoth, alertsAB, alertsBA, issues, polls] = await Promise.all([
      index("both"), index(ab), index(ba), alerts("both"), alerts(ab), alerts(ba),
      getJSON("issues", common), getJSON("polls"),
    ]);
    const lists = [alertsBoth, alertsAB, alertsBA].filter((l) => l);
    drawIndex(both, [one, other], alertsBoth || { items: [] });
    drawAlerts(lists);
    drawTone(both);
    drawIssues(issues);
    drawPolls(polls);
    document.body.dataset.charts = "ready";
  }

  function fillSummary(summary) {
    $("#dyad-name").textContent = "· " + summary.dyad.name;
    document.title = `dyadwatch · ${summary.dyad.name}`;
    const range = summary.date_min ? `${summary.date_min} … ${summary.date_max}` : "no dated events";
    $("#summary").textContent = `${summary.documents} documents (${summary.duplicates} near-copies), `
      + `${summary.mentions} mentions merged into ${summary.events} events `
      + `(${summary.dyadic_events} between the two countries, ${summary.undated_events} undated), `
      + `${summary.polls} poll figures; events dated ${range}.`;
    if (summary.analysis.message) {
      const note = $("#analysis-note");
      note.textContent = summary.analysis.message;
      note.hidden = false;
    }
    const [, ab, ba, joint] = summary.directions;
    const legend = $("#direction-legend");
    legend.replaceChildren();
    [ab, ba].forEach((d, i) => {
      el("span", { class: `key dir-${i}` }, legend);
      legend.append(` ${arrow(d)} `);
    });
    const form = $("#event-filters");
    for (const value of [ab, ba, joint]) el("option", { value }, form.direction, arrow(value));
    el("option", { value: "other" }, form.direction, "other countries");
    for (const type of summary.event_types) el("option", { value: type }, form.type, type);
    for (const [id, label] of Object.entries(summary.issues)) {
      el("option", { value: id }, form.issue, label);
    }
  }

  function run(promise) {
    return promise.catch((error) => showError(error.message));
  }

  function wire() {
    $("#chart-controls").addEventListener("submit", (e) => {
      e.preventDefault();
      const form = e.target;
      Object.assign(state.chart, { freq: form.freq.value, source: form.source.value,
        since: form.since.value.trim(), until: form.until.value.trim() });
      $("#error").hidden = true;
      run(loadCharts());
    });
    $("#event-filters").addEventListener("submit", (e) => {
      e.preventDefault();
      $("#error").hidden = true;
      readEventFilters();
      run(loadEvents());
    });
    const clear = () => {
      $("#event-filters").reset();
      readEventFilters();
      run(loadEvents());
    };
    $("#clear-filters").addEventListener("click", clear);
    $("#clear-focus").addEventListener("click", clear);
    $("#prev").addEventListener("click", () => {
      state.events.offset = Math.max(0, state.events.offset - state.events.limit);
      run(loadEvents());
    });
    $("#next").addEventListener("click", () => {
      state.events.offset += state.events.limit;
      run(loadEvents());
    });
  }

  async function start() {
    wire();
    state.summary = await getJSON("summary");
    fillSummary(state.summary);
    await Promise.all([loadCharts(), loadEvents()]);
    document.body.dataset.ready = "true";
  }

  run(start());
})();
