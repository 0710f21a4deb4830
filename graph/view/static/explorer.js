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

  const GROUP_THRESHOLD = cfg.groupThreshold || 20;
  const MAX_GROUPED = 5000, MAX_PATH = 8, PAGE = 50;
  const byLabel = (nodes) => (a, b) => { const x = nodes.get(a).label, y = nodes.get(b).label; return x < y ? -1 : x > y ? 1 : a < b ? -1 : a > b ? 1 : 0; };

  /* A hub's neighbours of one relation and direction, `GROUP_THRESHOLD` or more, become one
   * group node (mirrors ViewGraph.groups): hubs most connected first, a node in one group
   * at most, never the focus. */
  function computeGroups(view, keep) {
    const nodes = new Map(view.nodes.map((n) => [n.id, n]));
    const adj = new Map();
    view.edges.forEach((e) => [e.source, e.target].forEach((end) => { if (!adj.has(end)) adj.set(end, []); adj.get(end).push(e); }));
    const deg = (id) => (adj.get(id) || []).length;
    const kept = new Set(keep || []), claimed = new Set(), hubs = new Set(), out = [];
    const order = [...nodes.keys()].sort((a, b) => deg(b) - deg(a) || byLabel(nodes)(a, b));
    for (const hub of order) {
      if (claimed.has(hub) || deg(hub) < GROUP_THRESHOLD) continue;
      const byKey = new Map();
      for (const e of adj.get(hub) || []) {
        const out_ = e.source === hub, other = out_ ? e.target : e.source;
        if (other === hub || claimed.has(other) || hubs.has(other) || kept.has(other)) continue;
        const key = `${e.relation}|${out_ ? "out" : "in"}`;
        if (!byKey.has(key)) byKey.set(key, new Set());
        byKey.get(key).add(other);
      }
      for (const key of [...byKey.keys()].sort()) {
        const members = [...byKey.get(key)].filter((m) => !claimed.has(m)).sort(byLabel(nodes));
        if (members.length < GROUP_THRESHOLD) continue;
        members.forEach((m) => claimed.add(m));
        hubs.add(hub);
        const [relation, direction] = key.split("|");
        const counts = new Map();
        members.forEach((m) => counts.set(nodes.get(m).type, (counts.get(nodes.get(m).type) || 0) + 1));
        const type = [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0];
        out.push({ id: `group:${hub}|${relation}|${direction}`, hub, relation, direction, count: members.length,
          label: groupCaption(relation, direction, members.length), type, members });
      }
    }
    return out;
  }

  function groupCaption(relation, direction, count) {
    const noun = (cfg.groupNouns || {})[`${relation}|${direction}`];
    if (noun) return `${count} ${noun}`;
    const words = relation.replace(/_/g, " ").toLowerCase();
    return direction === "in" ? `${count} × ${words}` : `${count} · ${words}`;
  }

  class EmbeddedSource {
    constructor(data) {
      this.nodes = new Map(data.nodes.map((n) => [n.id, n]));
      this.edges = data.edges;
      this.texts = data.texts || {};
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
    foldable(frontier, ring) {  // ring nodes in a group of a frontier node (ViewGraph._foldable)
      const folded = new Set();
      for (const f of frontier) {
        const byKey = new Map();
        for (const e of this.adj.get(f) || []) {
          const other = e.source === f ? e.target : e.source;
          if (!ring.has(other)) continue;
          const key = `${e.relation}|${e.source === f ? "out" : "in"}`;
          if (!byKey.has(key)) byKey.set(key, new Set());
          byKey.get(key).add(other);
        }
        byKey.forEach((members) => { if (members.size >= GROUP_THRESHOLD) members.forEach((m) => folded.add(m)); });
      }
      return folded;
    }
    async neighbourhood(focus, depth, maxNodes) {  // mirrors ViewGraph.neighbourhood
      const order = [focus], seen = new Set(order);
      let frontier = [focus], leftOut = 0, grouped = 0;
      for (let level = 1; level <= depth && frontier.length; level++) {
        const ring = new Set();
        frontier.forEach((f) => this.neighbours(f).forEach((n) => { if (!seen.has(n)) ring.add(n); }));
        const folded = this.foldable(frontier, ring);
        const foldedKept = [...folded].sort(byLabel(this.nodes)).slice(0, Math.max(MAX_GROUPED - grouped, 0));
        leftOut += folded.size - foldedKept.length;
        grouped += foldedKept.length;
        const sorted = [...ring].filter((n) => !folded.has(n))
          .sort((a, b) => this.degree(b) - this.degree(a) || (this.nodes.get(a).label < this.nodes.get(b).label ? -1 : 1));
        const room = Math.max(maxNodes - (order.length - grouped), 0);
        leftOut += Math.max(sorted.length - room, 0);
        frontier = sorted.slice(0, room);
        frontier.forEach((n) => seen.add(n));
        folded.forEach((n) => seen.add(n));
        order.push(...frontier, ...foldedKept);
      }
      const view = this.induced(order, { focus, depth, truncated: leftOut });
      view.groups = computeGroups(view, [focus]);
      return view;
    }
    async overview() {
      const ids = this.initial.ids && this.initial.ids.length ? this.initial.ids : [...this.nodes.keys()];
      return this.induced(ids, { focus: null, truncated: Math.max(this.nodes.size - ids.length, 0), groups: [] });
    }
    bfs(start, end, allow) {
      const prev = new Map([[start, null]]);
      let frontier = [start];
      for (let step = 0; step < MAX_PATH && frontier.length; step++) {
        const next = [];
        for (const c of frontier) {
          for (const n of this.neighbours(c)) {
            if (prev.has(n) || !(n === end || allow(n))) continue;
            prev.set(n, c);
            if (n === end) { const path = [n]; let p = c; while (p != null) { path.unshift(p); p = prev.get(p); } return path; }
            next.push(n);
          }
        }
        frontier = next;
      }
      return null;
    }
    async path(start, end) {  // mirrors ViewGraph.shortest_path: filings as steps only when nothing else links the two
      if (start === end) return this.pathView([start]);
      const path = this.bfs(start, end, (n) => this.nodes.get(n).type !== "filing") || this.bfs(start, end, () => true);
      if (!path) throw new Error(`no path of at most ${MAX_PATH} relations between ${this.nodes.get(start).label} and ${this.nodes.get(end).label}`);
      return this.pathView(path);
    }
    pathView(path) {
      const steps = new Set(path.slice(1).map((b, i) => [path[i], b].sort().join("\u0000")));
      const chosen = new Map();
      this.edges.forEach((e) => { const k = [e.source, e.target].sort().join("\u0000"); if (steps.has(k) && !chosen.has(k)) chosen.set(k, e); });
      return { path, nodes: path.map((id) => this.nodes.get(id)), edges: [...chosen.values()] };
    }
    snippet(s) {  // the embedded window around a source span
      const parts = this.texts[s.document] || [];
      return parts.find(([off, text]) => s.start >= off && s.end <= off + text.length) || null;
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
    async path(start, end) { return this.get(this.urls.path, { from: start, to: end }); }
    snippet() { return null; }
  }

  const source = cfg.mode === "live" ? new LiveSource(cfg.urls)
    : new EmbeddedSource(JSON.parse(document.getElementById("fkg-data").textContent));

  // ------------------------------------------------------------------ canvas

  /* state.view is what the canvas may draw (nodes, edges, groups); `shown` says how many
   * members of each group are drawn (the rest stay folded in the group node); `pinned`
   * nodes (expanded, on a path) are never folded. */
  const state = { view: null, focus: null, selected: null, hiddenTypes: new Set(), hiddenRelations: new Set(), ready: false,
    shown: new Map(), pinned: new Set(), pathFrom: null, path: null };
  const nodeStyle = (t) => STYLES[t] || { color: "#a0a7b0", shape: "ellipse", label: t };
  const LABEL_MAX = 26, OVERVIEW_LABELS = 20;
  const clip = (s) => (s.length > LABEL_MAX ? s.slice(0, LABEL_MAX - 1).trimEnd() + "…" : s);

  const cy = cytoscape({
    container: $("#cy"),
    minZoom: 0.1,
    maxZoom: 3,
    style: [
      { selector: "node", style: {
        "background-color": (n) => nodeStyle(n.data("type")).color,
        shape: (n) => nodeStyle(n.data("type")).shape,
        label: "data(display)", "font-size": 11, color: "#1d2330",
        "text-valign": "bottom", "text-halign": "center", "text-margin-y": 4,
        "text-wrap": "ellipsis", "text-max-width": 150,
        "text-background-color": "#ffffff", "text-background-opacity": 0.8, "text-background-padding": 1,
        "min-zoomed-font-size": 7,
        width: "mapData(degree, 1, 40, 22, 54)", height: "mapData(degree, 1, 40, 22, 54)",
        "border-width": 1.5, "border-color": "#ffffff",
      } },
      { selector: "node.group", style: {
        shape: "round-rectangle", "background-opacity": 0.25, "border-width": 2, "border-style": "dashed",
        "border-color": (n) => nodeStyle(n.data("type")).color, width: "mapData(count, 20, 400, 46, 90)", height: "mapData(count, 20, 400, 30, 56)",
        "text-valign": "center", "text-margin-y": 0, "font-weight": 600, "text-background-opacity": 0, "text-max-width": 200,
      } },
      { selector: "node.nolabel", style: { label: "" } },
      { selector: "node.focus", style: { "border-width": 4, "border-color": "#1d2330", "font-weight": 700, "font-size": 13 } },
      { selector: "node:selected", style: { "border-width": 4, "border-color": "#f2b01e" } },
      { selector: "node.hover, node:selected", style: { label: "data(label)", "text-wrap": "wrap", "text-max-width": 260, "z-index": 20, "text-background-opacity": 1 } },
      { selector: "node.group.hover, node.group:selected", style: { label: "data(display)" } },
      { selector: "edge", style: {
        width: 1.4, "line-color": "#aab2bf", "target-arrow-color": "#aab2bf", "target-arrow-shape": "triangle", "arrow-scale": 0.9,
        "curve-style": "bezier", label: "data(caption)", "font-size": 9, color: "#4b5563",
        "text-rotation": "autorotate", "text-wrap": "ellipsis", "text-max-width": 160,
        "text-background-color": "#fbfcfd", "text-background-opacity": 0.9, "text-background-padding": 1,
        "min-zoomed-font-size": 8,
      } },
      { selector: "edge.quiet", style: { label: "" } },
      { selector: "edge.quiet:selected", style: { label: "data(caption)" } },
      { selector: "edge:selected", style: { width: 3, "line-color": "#f2b01e", "target-arrow-color": "#f2b01e" } },
      { selector: ".hidden", style: { display: "none" } },
      { selector: ".faded", style: { opacity: 0.2 } },
      { selector: "node.path", style: { "border-width": 4, "border-color": "#d6336c", opacity: 1, label: "data(label)", "z-index": 15 } },
      { selector: "edge.path", style: { width: 4, "line-color": "#d6336c", "target-arrow-color": "#d6336c", opacity: 1, label: "data(caption)" } },
    ],
  });

  function normalize(view) {
    return { nodes: [...view.nodes], edges: [...view.edges], groups: view.groups || computeGroups(view, view.focus ? [view.focus] : []),
      focus: view.focus || null, depth: view.depth, truncated: view.truncated || 0 };
  }

  function render(view) {
    state.view = normalize(view);
    state.focus = state.view.focus;
    state.shown = new Map();
    state.pinned = new Set(state.focus ? [state.focus] : []);
    state.path = null;
    cy.elements().remove();
    draw();
    layoutAll();
    document.body.dataset.focus = state.focus || "";
    $("#status").textContent = state.focus ? `focus: ${labelOf(state.focus)} · depth ${state.view.depth}` : "overview: most connected entities";
    state.ready = true;
    document.body.dataset.ready = "true";
  }

  /* The members each group still folds: not drawn (beyond the page shown) and not pinned. */
  function folding() {
    const folded = new Map();  // member id -> group id
    for (const g of state.view.groups) {
      const free = g.members.filter((m) => !state.pinned.has(m));
      free.slice(state.shown.get(g.id) || 0).forEach((m) => { if (!folded.has(m)) folded.set(m, g.id); });
    }
    return folded;
  }

  /* Bring the canvas in line with state.view: add what is new (placed around `anchor`, or next to a
   * drawn neighbour), drop what is folded, keep everything else where it is. */
  function draw(anchor) {
    const folded = folding();
    const want = new Map();
    const degreeOf = new Map(state.view.nodes.map((n) => [n.id, n.degree || 1]));
    for (const n of state.view.nodes) {
      if (folded.has(n.id)) continue;
      want.set(n.id, { group: "nodes", data: { id: n.id, label: n.label, short: n.short || n.label, display: clip(n.short || n.label), type: n.type, degree: n.degree || 1 } });
    }
    for (const g of state.view.groups) {
      const rest = [...folded.values()].filter((x) => x === g.id).length;
      if (!rest || !want.has(g.hub)) continue;
      const display = rest === g.count ? g.label : `+${rest} more (${g.label})`;
      want.set(g.id, { group: "nodes", classes: "group", data: { id: g.id, label: display, short: display, display, type: g.type, degree: 30, count: rest, groupOf: g.id } });
    }
    const edges = new Map();
    for (const e of state.view.edges) {
      const a = folded.get(e.source) || e.source, b = folded.get(e.target) || e.target;
      if (a === b || !want.has(a) || !want.has(b)) continue;
      const id = a === e.source && b === e.target ? e.id : `agg:${a}|${e.relation}|${b}`;
      if (!edges.has(id)) edges.set(id, { group: "edges", data: { id, source: a, target: b, caption: id === e.id ? (e.caption || e.label) : e.label, relation: e.relation, real: id === e.id ? e.id : "" } });
    }
    cy.batch(() => {
      cy.elements().filter((el) => !(el.isNode() ? want.has(el.id()) : edges.has(el.id()))).remove();
      cy.nodes().forEach((n) => { const w = want.get(n.id()); n.data(w.data); });
    });
    const added = [...want.values()].filter((w) => !cy.getElementById(w.data.id).length);
    const placed = cy.add(added);
    cy.add([...edges.values()].filter((w) => !cy.getElementById(w.data.id).length));
    placeNew(placed, anchor);
    cy.nodes().forEach((n) => n.toggleClass("focus", n.id() === state.focus));
    labelPolicy(degreeOf);
    cy.edges().toggleClass("quiet", !state.focus);
    buildRelationFilters();
    applyFilters();
    markPath();
  }

  function placeNew(nodes, anchor) {
    if (!nodes.length || cy.nodes().length === nodes.length) return;  // a fresh canvas gets a layout instead
    const byCentre = new Map();
    nodes.forEach((n) => {
      let centre = anchor && cy.getElementById(anchor).length ? anchor : null;
      if (!centre) { const nb = n.neighborhood("node").filter((m) => !nodes.contains(m)); centre = nb.length ? nb[0].id() : null; }
      const key = centre || "";
      if (!byCentre.has(key)) byCentre.set(key, []);
      byCentre.get(key).push(n);
    });
    byCentre.forEach((list, centre) => {
      const c = centre ? cy.getElementById(centre).position() : { x: cy.width() / 2, y: cy.height() / 2 };
      let ring = 0, i = 0, r = 110;
      list.forEach((n) => {
        const cap = Math.max(6, Math.floor((2 * Math.PI * r) / 46));
        const angle = (2 * Math.PI * i) / Math.min(cap, list.length - ring) + ring * 0.3;
        n.position({ x: c.x + r * Math.cos(angle), y: c.y + r * Math.sin(angle) });
        if (++i >= cap) { ring += cap; i = 0; r += 60; }
      });
    });
  }

  /* Short labels everywhere (full name on hover or selection); the overview labels only its hubs. */
  function labelPolicy(degreeOf) {
    const top = new Set(state.focus ? [] : [...degreeOf.entries()].sort((a, b) => b[1] - a[1]).slice(0, OVERVIEW_LABELS).map((x) => x[0]));
    cy.nodes().forEach((n) => n.toggleClass("nolabel", !state.focus && !n.hasClass("group") && !top.has(n.id())));
  }

  function layoutAll() {
    const dist = new Map();
    if (state.focus) {
      dist.set(state.focus, 0);
      const queue = [state.focus];
      while (queue.length) { const c = queue.shift(); cy.getElementById(c).neighborhood("node").forEach((n) => { if (!dist.has(n.id())) { dist.set(n.id(), dist.get(c) + 1); queue.push(n.id()); } }); }
    }
    const visible = cy.elements(":visible");
    const layout = state.focus
      ? { name: "concentric", concentric: (n) => 10 - (dist.has(n.id()) ? dist.get(n.id()) : 9), levelWidth: () => 1, minNodeSpacing: 46, spacingFactor: 1.05, animate: false, fit: true, padding: 40 }
      : { name: "cose", animate: false, fit: true, padding: 30, nodeDimensionsIncludeLabels: true, nodeRepulsion: () => 14000,
          idealEdgeLength: () => 45, nodeOverlap: 30, componentSpacing: 30, gravity: 0.6, randomize: false, numIter: 2500 };
    visible.layout(layout).run();
  }

  function updateCounts() {
    const shown = cy.elements().not(".hidden");  // by class: computed styles lag behind a batch
    const real = shown.nodes().not(".group").length;
    const inGroups = shown.nodes(".group").reduce((sum, n) => sum + (n.data("count") || 0), 0);
    const total = state.view.nodes.length;
    const shownEdges = shown.edges().length;
    let text = `showing ${real + inGroups} of ${total} nodes${inGroups ? ` (${inGroups} in groups)` : ""} · ${shownEdges} relations drawn`;
    if (state.view.truncated) text += ` · ${state.view.truncated} more not loaded: ${state.focus ? cfg.moreHint : "search or expand a node to see more"}`;
    $("#notice").textContent = text;
    const byType = new Map();
    state.view.nodes.forEach((n) => byType.set(n.type, (byType.get(n.type) || 0) + 1));
    document.querySelectorAll("#types label").forEach((l) => { const t = l.querySelector("input").dataset.type; l.querySelector(".count").textContent = byType.get(t) || 0; });
  }

  function labelOf(id) { const n = nodeOf(id); return n ? n.label : id; }
  function nodeOf(id) { return state.view && (state.view.nodes || []).find((x) => x.id === id); }
  function groupOf(id) { return state.view && state.view.groups.find((g) => g.id === id); }

  // ------------------------------------------------------------------ filters (also the legend)

  function buildTypeFilters() {
    const box = $("#types");
    box.innerHTML = Object.entries(STYLES).map(([t, s]) =>
      `<label><input type="checkbox" data-type="${esc(t)}" checked><span class="swatch ${esc(t)}" style="background:${esc(s.color)}"></span>${esc(s.label)}<span class="count"></span></label>`).join("");
    box.querySelectorAll("input").forEach((cb) => cb.addEventListener("change", () => {
      cb.checked ? state.hiddenTypes.delete(cb.dataset.type) : state.hiddenTypes.add(cb.dataset.type);
      applyFilters();
    }));
  }

  function buildRelationFilters() {
    const counts = new Map();
    state.view.edges.forEach((e) => counts.set(e.relation, [(counts.get(e.relation) || [0])[0] + 1, e.label]));
    const box = $("#relations");
    box.innerHTML = [...counts.entries()].sort((a, b) => b[1][0] - a[1][0]).map(([rel, [n, label]]) =>
      `<label><input type="checkbox" data-relation="${esc(rel)}" ${state.hiddenRelations.has(rel) ? "" : "checked"}>${esc(label)}<span class="count">${n}</span></label>`).join("") || "<em>none</em>";
    box.querySelectorAll("input").forEach((cb) => cb.addEventListener("change", () => {
      cb.checked ? state.hiddenRelations.delete(cb.dataset.relation) : state.hiddenRelations.add(cb.dataset.relation);
      applyFilters();
    }));
  }

  /* Hide filtered types and relations; a node left with no visible relation (but the focus) goes too. */
  function applyFilters() {
    cy.batch(() => {
      cy.nodes().forEach((n) => n.toggleClass("hidden", state.hiddenTypes.has(n.data("type")) && n.id() !== state.focus));
      cy.edges().forEach((e) => e.toggleClass("hidden", state.hiddenRelations.has(e.data("relation"))
        || e.source().hasClass("hidden") || e.target().hasClass("hidden")));
      if (state.hiddenRelations.size) {
        cy.nodes().forEach((n) => { if (n.id() !== state.focus && !n.hasClass("hidden") && n.connectedEdges().length && !n.connectedEdges().not(".hidden").length) n.addClass("hidden"); });
      }
    });
    updateCounts();
  }

  // ------------------------------------------------------------------ side panel

  function docLink(s) {
    if (!s.document) return "";
    const span = s.start != null ? ` · chars ${s.start}–${s.end}` : "";
    const name = esc(s.document);
    if (s.start != null && source.snippet(s)) {
      return `<a class="doc" href="#" data-doc="${esc(s.document)}" data-start="${s.start}" data-end="${s.end}">${name}${span}</a>`;
    }
    if (!cfg.docUrl) return `<span class="doc">${name}</span>${span}`;
    const href = cfg.docUrl.replace("{doc}", encodeURIComponent(s.document)).replace("{start}", s.start ?? "").replace("{end}", s.end ?? "");
    return `<a class="doc" href="${esc(href)}" target="_blank" rel="noopener">${name}${span}</a>`;
  }

  /* The offline source viewer: the embedded text around the span, the span marked and scrolled to. */
  function openViewer(doc, start, end) {
    const found = source.snippet({ document: doc, start, end });
    if (!found) return;
    const [off, text] = found;
    const a = start - off, b = end - off;
    $("#viewer-title").textContent = `${doc} · chars ${start}–${end}`;
    const file = cfg.docUrl ? cfg.docUrl.replace("{doc}", encodeURIComponent(doc)).replace("{start}", start).replace("{end}", end) : "";
    $("#viewer-file").hidden = !file;
    if (file) $("#viewer-file").href = file;
    $("#viewer-text").innerHTML = (off > 0 ? "<span class=\"gap\">…</span>" : "") + esc(text.slice(0, a))
      + `<mark id="span">${esc(text.slice(a, b))}</mark>` + esc(text.slice(b)) + "<span class=\"gap\">…</span>";
    $("#viewer").hidden = false;
    $("#span").scrollIntoView({ block: "center" });
  }
  $("#viewer-close").addEventListener("click", () => { $("#viewer").hidden = true; });
  document.addEventListener("keydown", (ev) => { if (ev.key === "Escape") $("#viewer").hidden = true; });

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
    if (groupOf(id)) return showGroup(id);
    const n = nodeOf(id);
    if (!n) return;
    state.selected = id;
    const st = nodeStyle(n.type);
    const props = Object.entries(n.properties || {}).filter(([k]) => k !== "iri")
      .map(([k, v]) => `<tr><td>${esc(k.replace(/_/g, " "))}</td><td>${esc(valueText(v))}</td></tr>`).join("");
    const nameOf = (x) => (nodeOf(x) || { label: x }).label;
    const mine = state.view.groups.filter((g) => g.hub === id);
    const inGroup = new Set(mine.flatMap((g) => g.members));
    const edges = state.view.edges.filter((e) => (e.source === id || e.target === id) && !inGroup.has(e.source === id ? e.target : e.source))
      .sort((a, b) => relOrder(a) - relOrder(b) || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
    const rels = edges.map((e) => {
      const out = e.source === id, other = out ? e.target : e.source;
      const titles = (e.details || []).filter((d) => d.title).map((d) => d.title + (d.start_date ? ` from ${d.start_date}` : "") + (d.end_date ? ` until ${d.end_date}` : ""));
      const head = out ? `<span class="rel">${esc(e.label)}</span> <a class="node" data-id="${esc(other)}">${esc(nameOf(other))}</a>`
        : `<a class="node" data-id="${esc(other)}">${esc(nameOf(other))}</a> <span class="rel">${esc(e.label)}</span> this`;
      return `<div class="fact" data-relation="${esc(e.relation)}"><div class="head">${head}${titles.length ? ` <span class="rel">(${esc(titles.join("; "))})</span>` : ""}</div>${sourcesHtml(e.sources, [n.label, nameOf(other), (nodeOf(other) || {}).short])}</div>`;
    }).join("");
    const groups = mine.map((g) => `<div class="fact group-row"><a class="node" data-id="${esc(g.id)}">${esc(g.label)}</a>
      <button class="expand-group" data-group="${esc(g.id)}">${(state.shown.get(g.id) || 0) ? "More" : "Expand"}</button>${(state.shown.get(g.id) || 0) ? `<button class="collapse-group" data-group="${esc(g.id)}">Collapse</button>` : ""}</div>`).join("");
    const member = state.view.groups.find((g) => g.members.includes(id) && (state.shown.get(g.id) || 0));
    const facts = (n.facts || []).map((f) => `<div class="fact"><div class="head"><span class="rel">${esc(f.property)}</span> ${esc(f.value)}</div>${sourcesHtml(f.sources, [String(f.value)])}</div>`).join("");
    const pathTo = state.pathFrom && state.pathFrom !== id ? `<button id="path-to">Path from ${esc(clip(labelOf(state.pathFrom)))}</button>` : "";
    $("#panel").innerHTML = `
      <p class="title">${esc(n.label)}</p>
      <span class="badge" style="background:${esc(st.color)}">${esc(st.label)}${n.subtype && n.subtype !== st.label ? " · " + esc(n.subtype) : ""}</span>
      <div class="actions"><button id="expand-here" title="Add its neighbours to the picture (or double-click the node)">Expand</button>${id !== state.focus ? `<button id="focus-here">Focus here</button>` : ""}<button id="center-here">Center</button>
        <button id="path-from" title="Then select another node and ask for the path">Path from here</button>${pathTo}
        ${member ? `<button class="collapse-group" data-group="${esc(member.id)}">Collapse ${esc(member.label)}</button>` : ""}</div>
      ${props ? `<h2>Properties</h2><table>${props}</table>` : ""}
      ${groups ? `<h2>Groups</h2>${groups}` : ""}
      <h2>Relations (${edges.length}${inGroup.size ? ` + ${inGroup.size} in groups` : ""})</h2>${rels || '<p class="empty">none in this view</p>'}
      ${facts ? `<h2>Facts and sources</h2>${facts}` : ""}`;
    const on = (sel, fn) => { const el = $(sel); if (el) el.addEventListener("click", fn); };
    on("#focus-here", () => focus(id));
    on("#expand-here", () => expandNode(id));
    on("#center-here", () => cy.animate({ center: { eles: cy.getElementById(id) }, duration: 200 }));
    on("#path-from", () => { state.pathFrom = id; $("#status").textContent = `path from ${labelOf(id)}: now select the other end`; showNode(id); });
    on("#path-to", () => showPath(state.pathFrom, id));
    bindPanel();
  }

  function bindPanel() {
    $("#panel").querySelectorAll("a.node").forEach((a) => a.addEventListener("click", () => {
      const other = a.dataset.id;
      cy.elements().unselect();
      cy.getElementById(other).select();
      showNode(other);
    }));
    $("#panel").querySelectorAll("button.expand-group").forEach((b) => b.addEventListener("click", () => expandGroup(b.dataset.group)));
    $("#panel").querySelectorAll("button.collapse-group").forEach((b) => b.addEventListener("click", () => collapseGroup(b.dataset.group)));
    $("#panel").querySelectorAll("a.doc[data-doc]").forEach((a) => a.addEventListener("click", (ev) => {
      ev.preventDefault();
      openViewer(a.dataset.doc, Number(a.dataset.start), Number(a.dataset.end));
    }));
  }

  function showGroup(gid) {
    const g = groupOf(gid);
    state.selected = gid;
    const shown = state.shown.get(gid) || 0;
    const names = g.members.slice(0, 300).map((m) => `<a class="node" data-id="${esc(m)}">${esc(labelOf(m))}</a>`).join("<br>");
    $("#panel").innerHTML = `<p class="title">${esc(g.label)}</p>
      <p class="empty">Neighbours of <a class="node" data-id="${esc(g.hub)}">${esc(labelOf(g.hub))}</a> through “${esc(g.relation.replace(/_/g, " ").toLowerCase())}” (${g.direction === "in" ? "pointing to it" : "from it"}), drawn as one node. Expand draws them ${PAGE} at a time.</p>
      <div class="actions"><button class="expand-group" data-group="${esc(gid)}">${shown ? "Draw " + PAGE + " more" : "Expand"}</button>${shown ? `<button class="collapse-group" data-group="${esc(gid)}">Collapse</button>` : ""}</div>
      <h2>Members</h2><p>${names}${g.members.length > 300 ? `<br>… ${g.members.length - 300} more` : ""}</p>`;
    bindPanel();
  }

  function showEdge(id) {
    const e = state.view.edges.find((x) => x.id === id || x.id === cy.getElementById(id).data("real"));
    if (!e) return;
    const s = nodeOf(e.source) || { label: e.source }, t = nodeOf(e.target) || { label: e.target };
    $("#panel").innerHTML = `<p class="title">${esc(e.caption || e.label)}</p>
      <div class="fact"><div class="head"><a class="node" data-id="${esc(e.source)}">${esc(s.label)}</a> <span class="rel">${esc(e.label)}</span> <a class="node" data-id="${esc(e.target)}">${esc(t.label)}</a></div></div>
      <h2>Sources</h2>${sourcesHtml(e.sources, [s.label, t.label, t.short, s.short])}
      ${(e.documents || []).length ? `<h2>Documents</h2><p>${e.documents.map(esc).join("<br>")}</p>` : ""}`;
    bindPanel();
  }

  cy.on("tap", "node", (ev) => { const n = ev.target; if (n.hasClass("group")) { expandGroup(n.id()); } else showNode(n.id()); });
  cy.on("tap", "edge", (ev) => showEdge(ev.target.id()));
  cy.on("dbltap", "node", (ev) => { if (!ev.target.hasClass("group")) expandNode(ev.target.id()); });
  cy.on("mouseover", "node", (ev) => ev.target.addClass("hover"));
  cy.on("mouseout", "node", (ev) => ev.target.removeClass("hover"));

  // ------------------------------------------------------------------ actions

  function busy(flag) { state.ready = !flag; document.body.dataset.ready = flag ? "false" : "true"; }

  async function focus(id, depth) {
    const d = depth || Number($("#depth").value) || 1;
    $("#depth").value = String(d);
    busy(true);
    try {
      const view = await source.neighbourhood(id, d, cfg.maxNodes);
      render(view);
      cy.getElementById(id).select();
      showNode(id);
    } catch (err) {
      $("#status").textContent = "error: " + err.message;
    }
    busy(false);
  }

  /* Draw the next page of a group's members around the group node. */
  function expandGroup(gid) {
    const g = groupOf(gid);
    if (!g) return;
    const free = g.members.filter((m) => !state.pinned.has(m)).length;
    const anchor = cy.getElementById(gid).length ? gid : g.hub;
    const pos = cy.getElementById(anchor).position();
    state.shown.set(gid, Math.min(free, (state.shown.get(gid) || 0) + PAGE));
    const ghost = cy.getElementById(gid).length ? null : pos;
    draw(cy.getElementById(gid).length ? gid : g.hub);
    if (ghost == null && cy.getElementById(gid).length) cy.getElementById(gid).position({ x: pos.x, y: pos.y - 30 });
    document.body.dataset.expanded = [...state.shown.entries()].filter(([, v]) => v).map(([k]) => k).join(" ");
    showGroup(gid);
  }

  function collapseGroup(gid) {
    const g = groupOf(gid);
    if (!g) return;
    state.shown.set(gid, 0);
    g.members.forEach((m) => { if (m !== state.focus) state.pinned.delete(m); });
    draw(g.hub);
    document.body.dataset.expanded = [...state.shown.entries()].filter(([, v]) => v).map(([k]) => k).join(" ");
    cy.elements().unselect();
    cy.getElementById(gid).select();
    showGroup(gid);
  }

  /* Merge a neighbourhood (or path) into the picture: new nodes, edges and groups; nothing drawn goes away. */
  function merge(view, pin) {
    const have = new Set(state.view.nodes.map((n) => n.id));
    const drawn = new Set(cy.nodes().map((n) => n.id()));
    view.nodes.forEach((n) => { if (!have.has(n.id)) { state.view.nodes.push(n); have.add(n.id); } });
    const edgeIds = new Set(state.view.edges.map((e) => e.id));
    view.edges.forEach((e) => { if (!edgeIds.has(e.id)) { state.view.edges.push(e); edgeIds.add(e.id); } });
    const groupIds = new Set(state.view.groups.map((g) => g.id));
    const claimed = new Set(state.view.groups.flatMap((g) => g.members));
    (view.groups || []).forEach((g) => {
      if (groupIds.has(g.id)) return;
      const members = g.members.filter((m) => !drawn.has(m) && !claimed.has(m));
      if (members.length >= GROUP_THRESHOLD) state.view.groups.push(Object.assign({}, g, { members, count: members.length, label: groupCaption(g.relation, g.direction, members.length) }));
    });
    (pin || []).forEach((id) => state.pinned.add(id));
  }

  async function expandNode(id) {
    busy(true);
    try {
      const view = await source.neighbourhood(id, 1, cfg.maxNodes);
      if (!view.groups) view.groups = computeGroups(view, [id]);
      merge(view, [id]);
      draw(id);
      $("#status").textContent = `expanded ${labelOf(id)}`;
      cy.elements().unselect();
      cy.getElementById(id).select();
      showNode(id);
    } catch (err) {
      $("#status").textContent = "error: " + err.message;
    }
    busy(false);
  }

  async function showPath(a, b) {
    busy(true);
    try {
      const found = await source.path(a, b);
      merge(found, found.path);
      state.path = found;
      draw(a);
      const names = found.path.map(labelOf);
      $("#status").textContent = `path (${found.path.length - 1} relations): ${names.join(" → ")}`;
      cy.fit(cy.nodes(".path"), 80);
    } catch (err) {
      state.path = null;
      $("#status").textContent = "no path: " + err.message;
    }
    state.pathFrom = null;
    busy(false);
  }

  function markPath() {
    cy.elements().removeClass("path faded");
    if (!state.path) { document.body.dataset.path = ""; return; }
    const ids = new Set(state.path.path);
    const edgeIds = new Set(state.path.edges.map((e) => e.id));
    cy.batch(() => {
      cy.nodes().forEach((n) => n.addClass(ids.has(n.id()) ? "path" : "faded"));
      cy.edges().forEach((e) => e.addClass(edgeIds.has(e.id()) ? "path" : "faded"));
    });
    document.body.dataset.path = state.path.path.join(" ");
  }

  async function overview() {
    busy(true);
    render(await source.overview());
    busy(false);
    $("#panel").innerHTML = `<p class="empty">Search for an entity, or click a node to see its properties and the sentences each fact was read from. Double-click a node (or <b>Expand</b>) to add its neighbours in place; <b>Path from here</b> then another node finds how two entities are linked. Large sets of one relation are drawn as one group node: click it to expand.</p>`;
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
  $("#clear-path").addEventListener("click", () => { state.path = null; state.pathFrom = null; markPath(); });

  buildTypeFilters();
  window.fkgExplorer = { cy, state, focus, overview, expandNode, expandGroup, collapseGroup, showPath, search: (q) => source.search(q) };
  const start = (source.initial || {}).focus;
  if (start) focus(start, source.initial.depth); else overview();
})();
