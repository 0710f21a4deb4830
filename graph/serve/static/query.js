/* The query page: YASGUI set up for this endpoint only, with the shipped query library as a picker.
 *
 * Settings come from the page's JSON block (#fkg-config), written by graph/serve/page.py, so this
 * file is static and the page carries no inline script (its CSP allows scripts from 'self' only).
 * Network: every request goes to this server. YASGUI's remote helpers are switched off or pointed
 * here: the property/class autocompleters (they ask a public vocabulary service) are dropped, the
 * prefix autocompleter reads the endpoint's prefixes, and a permalink's endpoint is replaced by ours.
 */
(function () {
  "use strict";
  var config = JSON.parse(document.getElementById("fkg-config").textContent);
  var endpoint = new URL(config.endpoint, window.location.href).href;

  // Yasgui.defaults.yasqe is Yasqe.defaults; lodash's merge would mix arrays element by element,
  // so the autocompleter list is replaced here, before the first editor is made.
  window.Yasqe.defaults.autocompleters = ["prefixes", "variables"];
  window.Yasqe.defaults.prefixCcApi = new URL(config.prefixesUrl, window.location.href).href;

  function ownEndpoint(tab) {
    // A permalink may name any endpoint and headers: the page only ever talks to this server.
    tab.requestConfig = Object.assign({}, tab.requestConfig, { endpoint: endpoint, headers: {} });
    return tab;
  }

  var yasgui = new window.Yasgui(document.getElementById("yasgui"), {
    persistenceId: "filing-kg",
    tabName: "Query",
    copyEndpointOnNewTab: false,
    populateFromUrl: ownEndpoint,
    endpointCatalogueOptions: { getData: function () { return [{ endpoint: endpoint }]; } },
    requestConfig: {
      endpoint: endpoint,
      method: "POST",
      acceptHeaderSelect: "application/sparql-results+json,*/*;q=0.9",
      acceptHeaderGraph: "text/turtle,*/*;q=0.9",
    },
    yasqe: { value: config.defaultQuery },
    yasr: { prefixes: config.prefixes },
  });

  // Tabs restored from this browser's storage keep whatever endpoint was typed into them.
  Object.keys(yasgui._tabs).forEach(function (id) {
    var tab = yasgui._tabs[id];
    if (tab.getEndpoint() !== endpoint) tab.setEndpoint(endpoint);
  });

  var byName = {};
  config.queries.forEach(function (q) { byName[q.name] = q; });

  /** Open library query ``name`` in its own tab (the tab already open for it, if any). */
  function openLibraryQuery(name) {
    var q = byName[name];
    if (!q) return undefined;
    var tabs = yasgui._tabs;
    for (var id in tabs) {
      if (tabs[id].getName() === q.name) {
        yasgui.selectTabId(id);
        tabs[id].setQuery(q.text);
        return tabs[id];
      }
    }
    return yasgui.addTab(true, { name: q.name, yasqe: { value: q.text },
                                 requestConfig: Object.assign({}, yasgui.config.requestConfig) });
  }

  /** One line under the header about the last answer: rows, time, and whether the row cap cut it. */
  var status = document.getElementById("fkg-status");
  function showStatus(tab, response, ms) {
    var header = (response && response.header) || {};
    var rows = response && response.body && response.body.results ? response.body.results.bindings.length : null;
    var text = tab.getName() + ": HTTP " + (response && response.status) + " in " + ms + " ms";
    if (rows !== null) text += ", " + rows + " rows";
    var cut = header["x-sparql-truncated"] === "true";
    if (cut) text += " (cut at the server's row cap of " + (header["x-sparql-max-rows"] || "?") + ")";
    status.textContent = text;
    status.className = cut ? "truncated" : "";
  }
  function watch(tab) {
    var yasqe = tab.getYasqe();
    if (!yasqe || yasqe.fkgStatus) return;
    yasqe.fkgStatus = true;
    yasqe.on("queryResponse", function (_yasqe, response, ms) { showStatus(tab, response, ms); });
  }
  // A permalink's query already started inside the constructor: watch the tabs there are, then new ones.
  Object.keys(yasgui._tabs).forEach(function (id) { watch(yasgui._tabs[id]); });
  yasgui.on("query", function (_yasgui, tab) { watch(tab); });

  var picker = document.getElementById("fkg-library");
  picker.addEventListener("change", function () {
    if (picker.value) openLibraryQuery(picker.value);
    picker.value = "";
  });

  window.fkgQueryPage = { yasgui: yasgui, endpoint: endpoint, openLibraryQuery: openLibraryQuery };
  document.body.setAttribute("data-ready", "true");
})();
