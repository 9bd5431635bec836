// Tacitus web UI: one page over the JSON API. Every value from the server is put in the page as text
// (textContent), never as markup, so article text cannot inject anything.
"use strict";

const $ = (id) => document.getElementById(id);
const SVG = "http://www.w3.org/2000/svg";
const QUADS = ["verbal_coop", "material_coop", "verbal_conflict", "material_conflict"];
let health = null;

// ---- small helpers ------------------------------------------------------------------------------------

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") node.className = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : value);
  }
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
  for (const child of children) node.append(child instanceof Node ? child : String(child));
  return node;
}

async function api(path, params, body) {
  let url = path;
  if (params) {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(params)) {
      if (value !== "" && value !== null && value !== undefined && value !== false) query.set(key, value);
    }
    if ([...query].length) url += "?" + query;
  }
  const options = body === undefined ? {} : {
    method: "POST", headers: {"Content-Type": "application/json"}, body: JSON.stringify(body)};
  const response = await fetch(url, options);
  let data = null;
  try { data = await response.json(); } catch (e) { data = null; }
  if (!response.ok) {
    throw new Error((data && data.detail) || `${response.status} ${response.statusText}`);
  }
  return data;
}

function fill(table, rows, cells, empty = "Nothing found.") {
  const body = table.tBodies[0];
  body.replaceChildren();
  if (!rows.length) {
    const width = table.tHead.rows[0].cells.length;
    body.append(el("tr", {}, el("td", {colspan: width, class: "empty"}, empty)));
    return;
  }
  for (const row of rows) {
    const tr = el("tr");
    for (const cell of cells(row)) tr.append(el("td", {}, cell ?? "–"));
    body.append(tr);
  }
}

function showError(id, error) {
  const node = $(id);
  node.textContent = error ? String(error.message || error) : "";
  node.hidden = !error;
}

function formValues(form) {
  const values = {};
  for (const input of form.elements) {
    if (!input.name) continue;
    values[input.name] = input.type === "checkbox" ? input.checked : input.value.trim();
  }
  return values;
}

function actorLabel(name, code) {
  if (!name && !code) return "–";
  return code ? `${name || "?"} (${code})` : name;
}

function number(value, digits = 2) {
  return value === null || value === undefined ? "–" : Number(value).toFixed(digits);
}

function onSubmit(id, handler) {
  $(id).addEventListener("submit", (event) => { event.preventDefault(); handler(event.target); });
}

// ---- views --------------------------------------------------------------------------------------------

function route() {
  const hash = location.hash.slice(1) || "code";
  const [name, ...rest] = hash.split("/");
  const view = $(name) && $(name).classList.contains("view") ? name : "code";
  for (const section of document.querySelectorAll(".view")) section.hidden = section.id !== view;
  for (const link of document.querySelectorAll("nav a")) {
    if (link.getAttribute("href") === "#" + view) link.setAttribute("aria-current", "page");
    else link.removeAttribute("aria-current");
  }
  const loaders = {summary: loadSummary, event: () => loadEvent(decodeURIComponent(rest.join("/")))};
  if (loaders[view] && health && health.store) loaders[view]();
}

async function loadHealth() {
  try {
    health = await api("/api/health");
  } catch (error) {
    $("status").textContent = "The server does not answer: " + error.message;
    return;
  }
  const status = $("status");
  if (health.store) {
    status.textContent = `Store ${health.store}: ${health.articles} articles` +
      (health.read_only ? " (read-only)" : " (articles may be stored)");
  } else {
    status.textContent = "No store is open: coding only (start the server with --db FILE to explore a store).";
  }
  for (const item of document.querySelectorAll(".needs-store")) item.hidden = !health.store;
  $("code-store").hidden = !health.allow_ingest;
  if (health.store) loadTypes();
  route();
}

// ---- code an article ----------------------------------------------------------------------------------

function articleBody() {
  const values = formValues($("code-form"));
  const body = {text: $("code-text").value};
  for (const key of ["date", "title", "source"]) if (values[key]) body[key] = values[key];
  if (values.any_language) body.any_language = true;
  return body;
}

async function codeArticle(store) {
  showError("code-error", null);
  $("code-note").textContent = store ? "Coding and storing…" : "Coding…";
  const buttons = [$("code-submit"), $("code-store")];
  buttons.forEach((b) => { b.disabled = true; });
  try {
    const result = store ? await api("/api/articles", null, articleBody()) : await api("/api/code", null, articleBody());
    const coded = store ? result.article : result;
    showCoded(coded);
    $("code-note").textContent = store
      ? (result.stored ? `Stored as article ${result.id}.` : `Already stored (article ${result.id}); nothing changed.`)
      : `Coded: ${coded.actors.length} actors, ${coded.events.length} events, ${coded.quotes.length} quotes.`;
  } catch (error) {
    $("code-note").textContent = "";
    showError("code-error", error);
  } finally {
    buttons.forEach((b) => { b.disabled = false; });
  }
}

function showCoded(coded) {
  const text = coded.article.text;
  const actors = new Map(coded.actors.map((a) => [a.id, a]));
  const places = new Map(coded.places.map((p) => [p.id, p]));
  const spans = [];
  coded.events.forEach((e) => spans.push({start: e.evidence[0], end: e.evidence[1], cls: "evidence", key: "event-" + e.id}));
  coded.quotes.forEach((q) => q.content.forEach(([s, e]) => spans.push({start: s, end: e, cls: "quote", key: "quote-" + q.id})));
  coded.mentions.forEach((m) => {
    const actor = actors.get(m.actor);
    if (actor) spans.push({start: m.start, end: m.end, cls: "mention", key: "actor-" + actor.id,
                           title: actorLabel(actor.name, actor.code)});
  });
  renderText($("code-doc"), text, spans);

  fill($("code-actors"), coded.actors, (a) => [a.id, a.name, a.code || "–", a.kind, a.mentions.length, a.source]);
  const who = (id) => { const a = actors.get(id); return a ? actorLabel(a.name, a.code) : "–"; };
  fill($("code-events"), coded.events, (e) => [
    e.date || "–", who(e.source), `${e.cameo} ${e.name}`, e.plover || "–", who(e.target),
    places.get(e.place) ? places.get(e.place).name : "–", number(e.confidence),
    el("button", {type: "button", class: "link", onclick: () => focusSpan("event-" + e.id)},
       text.slice(e.evidence[0], e.evidence[1]))]);
  fill($("code-quotes"), coded.quotes, (q) => [
    q.speaker ? who(q.speaker) : (q.speaker_span ? text.slice(q.speaker_span[0], q.speaker_span[1]) : "?"),
    q.direct ? "direct" : "indirect", q.cue_text || "–",
    el("button", {type: "button", class: "link", onclick: () => focusSpan("quote-" + q.id)},
       q.content.map(([s, e]) => text.slice(s, e)).join(" … "))]);
  $("code-result").hidden = false;
}

// The text cut at every span boundary; each piece carries the classes of the spans covering it, so
// overlapping spans (a mention inside a quote inside an event's evidence) all show.
function renderText(container, text, spans) {
  const cuts = new Set([0, text.length]);
  for (const s of spans) { cuts.add(Math.max(0, s.start)); cuts.add(Math.min(text.length, s.end)); }
  const points = [...cuts].sort((a, b) => a - b);
  const byStart = [...spans].sort((a, b) => a.start - b.start);
  let next = 0;
  let open = [];
  container.replaceChildren();
  for (let i = 0; i < points.length - 1; i++) {
    const [from, to] = [points[i], points[i + 1]];
    while (next < byStart.length && byStart[next].start <= from) open.push(byStart[next++]);
    open = open.filter((s) => s.end > from);
    const piece = text.slice(from, to);
    const covering = open.filter((s) => s.start <= from && s.end >= to);
    if (!covering.length) { container.append(piece); continue; }
    const mark = el("mark", {class: [...new Set(covering.map((s) => s.cls))].join(" "),
                             "data-keys": covering.map((s) => s.key).join(" "),
                             title: covering.map((s) => s.title).filter(Boolean).join("; ") || null}, piece);
    container.append(mark);
  }
}

function focusSpan(key) {
  let first = null;
  for (const mark of $("code-doc").querySelectorAll("mark")) {
    const hit = mark.dataset.keys.split(" ").includes(key);
    mark.classList.toggle("active", hit);
    if (hit && !first) first = mark;
  }
  if (first) first.scrollIntoView({block: "center", behavior: "smooth"});
}

// ---- store views --------------------------------------------------------------------------------------

async function loadSummary() {
  showError("summary-error", null);
  try {
    const data = await api("/api/summary");
    const n = data.counts;
    const facts = [["Articles", n.articles], ["Sources", data.sources],
                   ["Dates", data.dates.first ? `${data.dates.first} to ${data.dates.last}` : "–"],
                   ["Actors", data.actors], ["Events", n.merged_events], ["Event mentions", n.events],
                   ["Quotes", n.quotes], ["Place mentions", n.places]];
    $("summary-counts").replaceChildren(...facts.flatMap(([k, v]) => [el("dt", {}, k), el("dd", {}, v ?? "–")]));
    fill($("summary-types"), data.events_by_plover, (r) => [r.type, r.events, r.mentions]);
    fill($("summary-places"), data.places, (r) => [r.name, r.country || "–", r.mentions]);
    fill($("summary-speakers"), data.speakers, (r) => [r.name, r.quotes]);
  } catch (error) {
    showError("summary-error", error);
  }
}

async function loadEvents(form) {
  showError("events-error", null);
  const v = formValues(form);
  try {
    const data = await api("/api/events", {actor: v.actor, type: v.type, start: v.start, end: v.end,
                                           merged: v.mentions ? "false" : null, limit: 500});
    $("events-note").textContent = `${data.count} events${data.more ? " (the first 500; narrow the filters)" : ""}.`;
    fill($("events-table"), data.events, (e) => [
      e.day, actorLabel(e.source_name, e.source_code), `${e.cameo} ${e.event || ""}`,
      actorLabel(e.target_name, e.target_code), e.plover || "–", e.place || "–", e.num_mentions, e.num_articles,
      e.id ? el("a", {href: "#event/" + encodeURIComponent(e.id)}, "trace") : "–"]);
  } catch (error) {
    $("events-note").textContent = "";
    showError("events-error", error);
  }
}

async function loadEvent(id) {
  showError("event-error", null);
  $("event-facts").replaceChildren();
  fill($("event-mentions"), [], () => [], "Loading…");
  try {
    const e = await api("/api/events/" + encodeURIComponent(id));
    const actor = (a) => (a ? actorLabel(a.name, a.code) : "–");
    $("event-heading").textContent = `${actor(e.source)} – ${e.cameo} ${e.event || ""} – ${actor(e.target)}`;
    const facts = [["Id", e.id], ["Days", e.day === e.last_day ? e.day : `${e.day} to ${e.last_day}`],
                   ["CAMEO", `${e.cameo} ${e.event || ""}`], ["PLOVER", e.plover], ["Goldstein", number(e.goldstein, 1)],
                   ["Place", e.place ? e.place.name : null], ["Mentions", e.num_mentions],
                   ["Articles", e.num_articles], ["Sources", e.num_sources], ["Confidence", number(e.confidence)]];
    $("event-facts").replaceChildren(...facts.flatMap(([k, v]) => [el("dt", {}, k), el("dd", {}, v ?? "–")]));
    fill($("event-mentions"), e.mentions, (m) => [
      m.day, `${m.cameo} ${m.event_name || ""}`, m.title || m.article, m.source || m.url || "–",
      el("q", {}, m.evidence || "")]);
  } catch (error) {
    $("event-heading").textContent = "Event";
    fill($("event-mentions"), [], () => []);
    showError("event-error", error);
  }
}

async function loadDyad(form) {
  showError("dyad-error", null);
  const v = formValues(form);
  try {
    const data = await api("/api/dyad", {a: v.a, b: v.b, by: v.by, directed: v.directed ? "true" : null});
    const series = data.series;
    $("dyad-note").textContent = series.length
      ? `${series.reduce((n, r) => n + r.events, 0)} events between ${data.a} and ${data.b} in ${series.length} periods.`
      : `No events between ${data.a} and ${data.b}.`;
    $("dyad-figure").hidden = !series.length;
    $("dyad-table").hidden = !series.length;
    $("dyad-chart").replaceChildren(series.length ? drawDyad(series, data) : "");
    fill($("dyad-table"), series, (r) => [r.period, r.events, r.verbal_coop, r.material_coop, r.verbal_conflict,
      r.material_conflict, number(r.goldstein, 1),
      Object.entries(r.plover).map(([k, n]) => `${k} ${n}`).join(", ")]);
  } catch (error) {
    $("dyad-note").textContent = "";
    showError("dyad-error", error);
  }
}

// Stacked bars of events per period by quad class (left axis) and the mean Goldstein score as a line with
// a point per period (right axis, -10 to +10).
function drawDyad(series, data) {
  const W = 760, H = 320, m = {top: 16, right: 48, bottom: 48, left: 44};
  const w = W - m.left - m.right, h = H - m.top - m.bottom;
  const most = Math.max(1, ...series.map((r) => r.events));
  const band = w / series.length;
  const yCount = (n) => m.top + h - (n / most) * h;
  const yScore = (g) => m.top + h / 2 - (g / 10) * (h / 2);
  const chart = svg("svg", {viewBox: `0 0 ${W} ${H}`, role: "img", class: "chart",
                            "aria-label": `Events between ${data.a} and ${data.b} per ${data.by}`});
  chart.append(svg("title", {}, `Events between ${data.a} and ${data.b} per ${data.by}`));
  const axis = svg("g", {class: "axis"});
  for (const n of [0, most / 2, most]) {
    axis.append(svg("line", {x1: m.left, x2: m.left + w, y1: yCount(n), y2: yCount(n), class: "grid"}));
    axis.append(svg("text", {x: m.left - 6, y: yCount(n) + 4, "text-anchor": "end"}, Number.isInteger(n) ? n : n.toFixed(1)));
  }
  for (const g of [-10, 0, 10]) {
    axis.append(svg("text", {x: m.left + w + 6, y: yScore(g) + 4}, g > 0 ? "+" + g : g));
  }
  axis.append(svg("line", {x1: m.left, x2: m.left + w, y1: yScore(0), y2: yScore(0), class: "zero"}));
  chart.append(axis);
  const bars = svg("g", {class: "bars"});
  const labels = svg("g", {class: "axis"});
  const every = Math.ceil(series.length / 12);  // at most about twelve period labels
  series.forEach((r, i) => {
    const x = m.left + i * band + band * 0.15;
    let base = 0;
    QUADS.forEach((quad, q) => {
      const n = r[quad] || 0;
      if (!n) return;
      bars.append(svg("rect", {x, width: band * 0.7, y: yCount(base + n), height: yCount(base) - yCount(base + n),
                               class: `bar q${q + 1}`}, svg("title", {}, `${r.period}: ${n} ${quad.replace("_", " ")}`)));
      base += n;
    });
    if (i % every === 0) {
      labels.append(svg("text", {x: m.left + (i + 0.5) * band, y: m.top + h + 18, "text-anchor": "middle"},
                        shortPeriod(r.period, data.by)));
    }
  });
  chart.append(bars, labels);
  const scored = series.map((r, i) => ({r, x: m.left + (i + 0.5) * band})).filter((p) => p.r.goldstein !== null);
  if (scored.length > 1) {
    chart.append(svg("polyline", {class: "line", points: scored.map((p) => `${p.x},${yScore(p.r.goldstein)}`).join(" ")}));
  }
  const points = svg("g", {class: "points"});
  for (const p of scored) {
    points.append(svg("circle", {class: "point", cx: p.x, cy: yScore(p.r.goldstein), r: 4, "data-period": p.r.period,
                                 "data-events": p.r.events},
                      svg("title", {}, `${p.r.period}: ${p.r.events} events, mean Goldstein ${number(p.r.goldstein, 1)}`)));
  }
  chart.append(points);
  return chart;
}

function shortPeriod(period, by) {
  return by === "year" ? period.slice(0, 4) : by === "month" ? period.slice(0, 7) : period;
}

async function loadActors(form) {
  showError("actors-error", null);
  const v = formValues(form);
  try {
    const data = await api("/api/actors/top", {n: v.n, start: v.start, end: v.end});
    fill($("actors-table"), data.actors, (a) => [a.name, a.code || "–", a.kind, a.events, a.as_source, a.as_target,
                                                 a.mentions, number(a.goldstein, 1)]);
  } catch (error) {
    showError("actors-error", error);
  }
}

async function loadQuotes(form) {
  showError("quotes-error", null);
  const v = formValues(form);
  try {
    const data = await api("/api/quotes", {speaker: v.speaker, about: v.about, limit: 200});
    $("quotes-note").textContent = `${data.count} quotes${data.more ? " (the first 200)" : ""}.`;
    fill($("quotes-table"), data.quotes, (q) => [
      q.day || q.date || "–", actorLabel(q.speaker_name || q.speaker_text, q.speaker_code),
      q.text, q.title || q.article]);
  } catch (error) {
    $("quotes-note").textContent = "";
    showError("quotes-error", error);
  }
}

async function loadTypes() {
  // The event types present in the store, offered as suggestions in the events filter.
  try {
    const data = await api("/api/summary");
    $("plover-types").replaceChildren(...data.events_by_plover.filter((r) => r.type !== "-")
      .map((r) => el("option", {value: r.type})));
  } catch (error) { /* only a convenience */ }
}

document.addEventListener("DOMContentLoaded", () => {
  onSubmit("code-form", () => codeArticle(false));
  $("code-store").addEventListener("click", () => codeArticle(true));
  onSubmit("events-form", loadEvents);
  onSubmit("dyad-form", loadDyad);
  onSubmit("actors-form", loadActors);
  onSubmit("quotes-form", loadQuotes);
  window.addEventListener("hashchange", route);
  loadHealth();
});
