/* filing-kg explorer.
 * One page, two data sources: the graph embedded in the file (`filing-kg view`, works
 * offline) or the live JSON endpoints of `filing-kg serve`. Either way the canvas shows a
 * bounded selection (a focus neighbourhood or an overview of the hubs), never everything.
 */
(function () {
  "use strict";
  const cfg = JSON.parse(document.getElementById("fkg-config").textContent);
  const STYLES = cfg.styles;
  const TYPE_PRIORITY = { company: 0, agency: 1, person: 2, instrument: 3, filing: 4 };
  const $ = (sel) => document.querySelector(sel);
  const esc = (s) => String(s == null ? "" : s).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));
  const norm = (s) => String(s || "").replace(/\s+/g, " ").trim().toLowerCase();

  // ------------------------------------------------------------------ data sources

  function rankMatch(q, name) {
    if (name === q) return 0;
    if (name.startsWith(q)) return 1;
    const i = name.indexOf(q);
    if (i > 0 && /[\s,./(-]/.test(name[i - 1])) return 2;
    return i >= 0 ? 3 : 99;
  }

  class EmbeddedSource {
    constructor(data) {
      this.nodes = new Map(data.nodes.map((n) => [n.id, n]));
      this.edges = data.edges;
      this.adj = new Map();
      for (const e of this.edges) {
        for (const end of [e.source, e.target]) {
          if (!this.adj.has(end)) this.adj.set(end, []);
          this.adj.get(end).push(e);
        }
      }
      this.initial = data.initial || {};
    }
    degree(id) { return (this.adj.get(id) || []).length; }
    neighbours(id) {
      return new Set((this.adj.get(id) || []).map((e) => (e.source === id ? e.target : e.source)));
    }
    induced(ids, extra) {
      const keep = new Set(ids);
      return Object.assign({
        nodes: [...keep].map((id) => this.nodes.get(id)).filter(Boolean),
        edges: this.edges.filter((e) => keep.has(e.source) && keep.has(e.target)),
      }, extra);
    }
    async search(text) {
      const q = norm(text);
      if (!q) return [];
      const hits = [];
      for (const n of this.nodes.values()) {
        const names = [n.label, ...(n.aliases || [])];
        let rank = 99;
        names.forEach((name, i) => { rank = Math.min(rank, rankMatch(q, norm(name)) + (i ? 4 : 0)); });
        if (rank < 99) hits.push([rank, TYPE_PRIORITY[n.type] ?? 9, -this.degree(n.id), n.label, n]);
      }
      hits.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2] || (a[3] < b[3] ? -1 : a[3] > b[3] ? 1 : 0));
      return hits.slice(0, 20).map((h) => h[4]);
    }
    async neighbourhood(focus, depth, maxNodes) {
      const order = [focus], seen = new Set(order);
      let frontier = [focus], leftOut = 0;
      for (let level = 1; level <= depth && frontier.length; level++) {
        const ring = new Set();
        frontier.forEach((f) => this.neighbours(f).forEach((n) => { if (!seen.has(n)) ring.add(n); }));
        const sorted = [...ring].sort((a, b) => this.degree(b) - this.degree(a) || (this.nodes.get(a).label < this.nodes.get(b).label ? -1 : 1));
        const room = Math.max(maxNodes - order.length, 0);
        leftOut += Math.max(sorted.length - room, 0);
        frontier = sorted.slice(0, room);
        frontier.forEach((n) => { seen.add(n); order.push(n); });
      }
      return this.induced(order, { focus, depth, truncated: leftOut });
    }
    async overview() {
      const ids = this.initial.ids && this.initial.ids.length ? this.initial.ids : [...this.nodes.keys()];
      return this.induced(ids, { focus: null, truncated: Math.max(this.nodes.size - ids.length, 0) });
    }
  }

  class LiveSource {
    constructor(urls) { this.urls = urls; this.initial = cfg.initial || {}; }
    async get(url, params) {
      const u = new URL(url, window.location.href);
      Object.entries(params || {}).forEach(([k, v]) => { if (v != null) u.searchParams.set(k, v); });
      const r = await fetch(u);
      if (!r.ok) throw new Error((await r.text()) || r.statusText);
      return r.json();
    }
    async search(text) { return text.trim() ? (await this.get(this.urls.search, { q: text })).results : []; }
    async neighbourhood(focus, depth, maxNodes) { return this.get(this.urls.graph, { focus, depth, max_nodes: maxNodes }); }
    async overview() { return this.get(this.urls.graph, { max_nodes: cfg.maxNodes }); }
  }

  const source = cfg.mode === "live" ? new LiveSource(cfg.urls)
    : new EmbeddedSource(JSON.parse(document.getElementById("fkg-data").textContent));

  // ------------------------------------------------------------------ canvas

  const state = { view: null, focus: null, selected: null, hiddenTypes: new Set(), hiddenRelations: new Set(), ready: false };
  const nodeStyle = (t) => STYLES[t] || { color: "#a0a7b0", shape: "ellipse", label: t };

  const cy = cytoscape({
    container: $("#cy"),
    minZoom: 0.1,
    maxZoom: 3,
    style: [
      { selector: "node", style: {
        "background-color": (n) => nodeStyle(n.data("type")).color,
        shape: (n) => nodeStyle(n.data("type")).shape,
        label: "data(short)", "font-size": 11, color: "#1d2330",
        "text-valign": "bottom", "text-halign": "center", "text-margin-y": 4,
        "text-wrap": "wrap", "text-max-width": 130,
        "text-background-color": "#ffffff", "text-background-opacity": 0.8, "text-background-padding": 1,
        "min-zoomed-font-size": 7,
        width: "mapData(degree, 1, 40, 22, 54)", height: "mapData(degree, 1, 40, 22, 54)",
        "border-width": 1.5, "border-color": "#ffffff",
      } },
      { selector: "node.focus", style: { "border-width": 4, "border-color": "#1d2330", "font-weight": 700, "font-size": 13 } },
      { selector: "node:selected", style: { "border-width": 4, "border-color": "#f2b01e" } },
      { selector: "edge", style: {
        width: 1.4, "line-color": "#aab2bf", "target-arrow-color": "#aab2bf", "target-arrow-shape": "triangle", "arrow-scale": 0.9,
        "curve-style": "bezier", label: "data(caption)", "font-size": 9, color: "#4b5563",
        "text-rotation": "autorotate", "text-wrap": "wrap", "text-max-width": 160,
        "text-background-color": "#fbfcfd", "text-background-opacity": 0.9, "text-background-padding": 1,
        "min-zoomed-font-size": 8,
      } },
      { selector: "edge.quiet", style: { label: "" } },
      { selector: "edge.quiet:selected", style: { label: "data(caption)" } },
      { selector: "edge:selected", style: { width: 3, "line-color": "#f2b01e", "target-arrow-color": "#f2b01e" } },
      { selector: ".hidden", style: { display: "none" } },
      { selector: ".faded", style: { opacity: 0.25 } },
    ],
  });

  function render(view) {
    state.view = view;
    state.focus = view.focus || null;
    const dist = new Map();
    if (state.focus) {
      dist.set(state.focus, 0);
      const queue = [state.focus];
      const adj = new Map();
      view.edges.forEach((e) => { [[e.source, e.target], [e.target, e.source]].forEach(([a, b]) => { if (!adj.has(a)) adj.set(a, []); adj.get(a).push(b); }); });
      while (queue.length) { const c = queue.shift(); (adj.get(c) || []).forEach((n) => { if (!dist.has(n)) { dist.set(n, dist.get(c) + 1); queue.push(n); } }); }
    }
    cy.elements().remove();
    const RING = { company: 0, agency: 1, instrument: 2, person: 3, filing: 4 };  // people next to the filings they sign
    const ordered = [...view.nodes].sort((a, b) => (dist.get(a.id) ?? 9) - (dist.get(b.id) ?? 9)
      || (RING[a.type] ?? 9) - (RING[b.type] ?? 9) || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
    cy.add(ordered.map((n) => ({ group: "nodes", data: { id: n.id, short: n.short || n.label, label: n.label, type: n.type, degree: n.degree || 1, dist: dist.has(n.id) ? dist.get(n.id) : 9 }, classes: n.id === state.focus ? "focus" : "" })));
    cy.add(view.edges.map((e) => ({ group: "edges", data: { id: e.id, source: e.source, target: e.target, caption: e.caption || e.label, relation: e.relation } })));
    buildRelationFilters(view);
    applyFilters();
    const visible = cy.elements(":visible");
    const layout = state.focus
      ? { name: "concentric", concentric: (n) => 10 - n.data("dist"), levelWidth: () => 1, minNodeSpacing: 46, spacingFactor: 1.05, animate: false, fit: true, padding: 40 }
      : { name: "cose", animate: false, fit: true, padding: 30, nodeDimensionsIncludeLabels: true, nodeRepulsion: () => 14000,
          idealEdgeLength: () => 45, nodeOverlap: 30, componentSpacing: 30, gravity: 0.6, randomize: false, numIter: 2500 };
    cy.edges().toggleClass("quiet", !state.focus);
    visible.layout(layout).run();
    const total = view.nodes.length;
    $("#notice").textContent = view.truncated ? `showing ${total} nodes; ${view.truncated} more not shown (raise --max-nodes or focus an entity)` : `${total} nodes, ${view.edges.length} relations`;
    $("#status").textContent = state.focus ? `focus: ${labelOf(state.focus)} · depth ${view.depth}` : "overview: most connected entities";
    document.body.dataset.focus = state.focus || "";
    state.ready = true;
    document.body.dataset.ready = "true";
  }

  function labelOf(id) { const n = (state.view.nodes || []).find((x) => x.id === id); return n ? n.label : id; }
  function nodeOf(id) { return (state.view.nodes || []).find((x) => x.id === id); }

  // ------------------------------------------------------------------ filters (also the legend)

  function buildTypeFilters() {
    const box = $("#types");
    box.innerHTML = Object.entries(STYLES).map(([t, s]) =>
      `<label><input type="checkbox" data-type="${esc(t)}" checked><span class="swatch ${esc(t)}" style="background:${esc(s.color)}"></span>${esc(s.label)}</label>`).join("");
    box.querySelectorAll("input").forEach((cb) => cb.addEventListener("change", () => {
      cb.checked ? state.hiddenTypes.delete(cb.dataset.type) : state.hiddenTypes.add(cb.dataset.type);
      applyFilters();
    }));
  }

  function buildRelationFilters(view) {
    const counts = new Map();
    view.edges.forEach((e) => counts.set(e.relation, [(counts.get(e.relation) || [0])[0] + 1, e.label]));
    const box = $("#relations");
    box.innerHTML = [...counts.entries()].sort((a, b) => b[1][0] - a[1][0]).map(([rel, [n, label]]) =>
      `<label><input type="checkbox" data-relation="${esc(rel)}" ${state.hiddenRelations.has(rel) ? "" : "checked"}>${esc(label)}<span class="count">${n}</span></label>`).join("") || "<em>none</em>";
    box.querySelectorAll("input").forEach((cb) => cb.addEventListener("change", () => {
      cb.checked ? state.hiddenRelations.delete(cb.dataset.relation) : state.hiddenRelations.add(cb.dataset.relation);
      applyFilters();
    }));
  }

  function applyFilters() {
    cy.batch(() => {
      cy.nodes().forEach((n) => n.toggleClass("hidden", state.hiddenTypes.has(n.data("type")) && n.id() !== state.focus));
      cy.edges().forEach((e) => e.toggleClass("hidden", state.hiddenRelations.has(e.data("relation"))
        || e.source().hasClass("hidden") || e.target().hasClass("hidden")));
    });
  }

  // ------------------------------------------------------------------ side panel

  function docLink(s) {
    if (!s.document) return "";
    const span = s.start != null ? ` · chars ${s.start}–${s.end}` : "";
    const name = esc(s.document);
    if (!cfg.docUrl) return `<span class="doc">${name}</span>${span}`;
    const href = cfg.docUrl.replace("{doc}", encodeURIComponent(s.document)).replace("{start}", s.start ?? "").replace("{end}", s.end ?? "");
    return `<a class="doc" href="${esc(href)}" target="_blank" rel="noopener">${name}${span}</a>`;
  }

  function highlight(sentence, names) {
    let html = esc(sentence);
    names.filter((n) => n && n.length > 2).sort((a, b) => b.length - a.length).forEach((name) => {
      const pattern = esc(name).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      html = html.replace(new RegExp(`(${pattern})(?![^<]*>)`, "gi"), "<mark>$1</mark>");
    });
    return html;
  }

  function sourcesHtml(sources, names) {
    if (!sources || !sources.length) return `<div class="source"><div class="cite">no source sentence recorded</div></div>`;
    const items = sources.map((s) => `<div class="source">${s.sentence ? `<p class="sentence">${highlight(s.sentence, names)}</p>` : ""}
      <div class="cite">${docLink(s)}${s.title ? ` · ${esc(s.title)}` : ""}${s.method ? ` · ${esc(s.method)}` : ""}${s.confidence != null ? ` · ${s.confidence}` : ""}</div></div>`);
    return items.slice(0, 3).join("") + (items.length > 3 ? `<details><summary class="more">${items.length - 3} more sources</summary>${items.slice(3).join("")}</details>` : "");
  }

  const REL_ORDER = ["OFFICER_OF", "DIRECTOR_OF", "SUBSIDIARY_OF", "ACQUIRED", "PLACEMENT_AGENT_FOR", "UNDERWRITER_FOR",
    "INVESTOR_IN", "SHAREHOLDER_OF", "ISSUED", "ISSUED_BY", "CONVERTIBLE_INTO", "EXERCISABLE_FOR"];
  const LATE = ["SIGNED", "FILED_BY"];
  function relOrder(e) {
    const i = REL_ORDER.indexOf(e.relation);
    return i >= 0 ? i : LATE.includes(e.relation) ? 100 + LATE.indexOf(e.relation) : 50;
  }

  function valueText(v) { return Array.isArray(v) ? v.join(", ") : String(v); }

  function showNode(id) {
    const n = nodeOf(id);
    if (!n) return;
    state.selected = id;
    const st = nodeStyle(n.type);
    const props = Object.entries(n.properties || {}).filter(([k]) => k !== "iri")
      .map(([k, v]) => `<tr><td>${esc(k.replace(/_/g, " "))}</td><td>${esc(valueText(v))}</td></tr>`).join("");
    const nameOf = (x) => (nodeOf(x) || { label: x }).label;
    const edges = state.view.edges.filter((e) => e.source === id || e.target === id)
      .sort((a, b) => relOrder(a) - relOrder(b) || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
    const rels = edges.map((e) => {
      const out = e.source === id, other = out ? e.target : e.source;
      const titles = (e.details || []).filter((d) => d.title).map((d) => d.title + (d.start_date ? ` from ${d.start_date}` : "") + (d.end_date ? ` until ${d.end_date}` : ""));
      const head = out ? `<span class="rel">${esc(e.label)}</span> <a class="node" data-id="${esc(other)}">${esc(nameOf(other))}</a>`
        : `<a class="node" data-id="${esc(other)}">${esc(nameOf(other))}</a> <span class="rel">${esc(e.label)}</span> this`;
      return `<div class="fact" data-relation="${esc(e.relation)}"><div class="head">${head}${titles.length ? ` <span class="rel">(${esc(titles.join("; "))})</span>` : ""}</div>${sourcesHtml(e.sources, [n.label, nameOf(other), (nodeOf(other) || {}).short])}</div>`;
    }).join("");
    const facts = (n.facts || []).map((f) => `<div class="fact"><div class="head"><span class="rel">${esc(f.property)}</span> ${esc(f.value)}</div>${sourcesHtml(f.sources, [String(f.value)])}</div>`).join("");
    $("#panel").innerHTML = `
      <p class="title">${esc(n.label)}</p>
      <span class="badge" style="background:${esc(st.color)}">${esc(st.label)}${n.subtype && n.subtype !== st.label ? " · " + esc(n.subtype) : ""}</span>
      <div class="actions">${id !== state.focus ? `<button id="focus-here">Focus here</button>` : ""}<button id="center-here">Center</button></div>
      ${props ? `<h2>Properties</h2><table>${props}</table>` : ""}
      <h2>Relations (${edges.length})</h2>${rels || '<p class="empty">none in this view</p>'}
      ${facts ? `<h2>Facts and sources</h2>${facts}` : ""}`;
    const fh = $("#focus-here");
    if (fh) fh.addEventListener("click", () => focus(id));
    $("#center-here").addEventListener("click", () => cy.animate({ center: { eles: cy.getElementById(id) }, duration: 200 }));
    $("#panel").querySelectorAll("a.node").forEach((a) => a.addEventListener("click", () => {
      const other = a.dataset.id;
      cy.elements().unselect();
      cy.getElementById(other).select();
      showNode(other);
    }));
  }

  function showEdge(id) {
    const e = state.view.edges.find((x) => x.id === id);
    if (!e) return;
    const s = nodeOf(e.source) || { label: e.source }, t = nodeOf(e.target) || { label: e.target };
    $("#panel").innerHTML = `<p class="title">${esc(e.caption || e.label)}</p>
      <div class="fact"><div class="head"><a class="node" data-id="${esc(e.source)}">${esc(s.label)}</a> <span class="rel">${esc(e.label)}</span> <a class="node" data-id="${esc(e.target)}">${esc(t.label)}</a></div></div>
      <h2>Sources</h2>${sourcesHtml(e.sources, [s.label, t.label, t.short, s.short])}
      ${(e.documents || []).length ? `<h2>Documents</h2><p>${e.documents.map(esc).join("<br>")}</p>` : ""}`;
    $("#panel").querySelectorAll("a.node").forEach((a) => a.addEventListener("click", () => showNode(a.dataset.id)));
  }

  cy.on("tap", "node", (ev) => showNode(ev.target.id()));
  cy.on("tap", "edge", (ev) => showEdge(ev.target.id()));
  cy.on("dbltap", "node", (ev) => focus(ev.target.id()));

  // ------------------------------------------------------------------ actions

  async function focus(id, depth) {
    const d = depth || Number($("#depth").value) || 1;
    $("#depth").value = String(d);
    state.ready = false;
    document.body.dataset.ready = "false";
    try {
      const view = await source.neighbourhood(id, d, cfg.maxNodes);
      render(view);
      cy.getElementById(id).select();
      showNode(id);
    } catch (err) {
      $("#status").textContent = "error: " + err.message;
    }
  }

  async function overview() {
    state.ready = false;
    document.body.dataset.ready = "false";
    render(await source.overview());
    $("#panel").innerHTML = `<p class="empty">Search for an entity, or click a node to see its properties and the sentences each fact was read from. Double-click a node to focus on its neighbourhood.</p>`;
  }

  let searchTimer = null, hits = [], active = -1;
  function showResults() {
    $("#results").innerHTML = hits.map((n, i) => `<li data-id="${esc(n.id)}" class="${i === active ? "active" : ""}"><span class="swatch ${esc(n.type)}" style="background:${esc(nodeStyle(n.type).color)}"></span><span class="label">${esc(n.label)}</span><span class="meta">${esc(nodeStyle(n.type).label)}${n.degree != null ? " · " + n.degree : ""}</span></li>`).join("");
    $("#results").querySelectorAll("li").forEach((li) => li.addEventListener("mousedown", (ev) => { ev.preventDefault(); choose(li.dataset.id); }));
  }
  function choose(id) { hits = []; showResults(); $("#search").blur(); focus(id); }
  function withDegree(list) { return list.map((n) => Object.assign({ degree: source.degree ? source.degree(n.id) : n.degree }, n)); }

  $("#search").addEventListener("input", () => {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(async () => { hits = withDegree(await source.search($("#search").value)); active = -1; showResults(); }, 120);
  });
  $("#search").addEventListener("keydown", (ev) => {
    if (ev.key === "ArrowDown" || ev.key === "ArrowUp") { active = Math.max(0, Math.min(hits.length - 1, active + (ev.key === "ArrowDown" ? 1 : -1))); showResults(); ev.preventDefault(); }
    else if (ev.key === "Enter" && hits.length) choose(hits[Math.max(active, 0)].id);
    else if (ev.key === "Escape") { hits = []; showResults(); }
  });
  $("#search").addEventListener("blur", () => setTimeout(() => { hits = []; showResults(); }, 150));
  $("#depth").addEventListener("change", () => { if (state.focus) focus(state.focus); });
  $("#overview").addEventListener("click", overview);
  $("#fit").addEventListener("click", () => cy.fit(cy.elements(":visible"), 40));

  buildTypeFilters();
  window.fkgExplorer = { cy, state, focus, overview, search: (q) => source.search(q) };
  const start = (source.initial || {}).focus;
  if (start) focus(start, source.initial.depth); else overview();
})();
