// The report viewer: opens a session for the report in the address (?path=, parameters, SSRS rc: settings), shows
// page 1 as soon as it is written, and drives paging, zoom, find, export, print, refresh, drilldown toggles,
// interactive sort, bookmarks, the document map and drillthrough (with a breadcrumb back).
"use strict";

(() => {
  const $ = (id) => document.getElementById(id);
  const state = { path: null, reportId: null, values: {}, session: null, page: 1, stack: [], settings: {}, navigation: 0 };
  const post = (url, body) => fetch(url, {
    method: "POST", credentials: "same-origin",
    headers: { "Content-Type": "application/json", "X-Viewer-Request": "1" },
    body: JSON.stringify(body ?? {}),
  });

  function status(text) { $("status").textContent = text; }

  function showErrors(problem) {
    const box = $("errors");
    box.replaceChildren();
    if (!problem) return;
    const title = document.createElement("p");
    title.textContent = problem.title ?? "Something went wrong.";
    box.append(title);
    const list = document.createElement("ul");
    for (const d of problem.diagnostics ?? []) {
      const li = document.createElement("li");
      li.textContent = `${d.code}: ${d.message}` + (d.file ? ` (${d.file}${d.line ? `, line ${d.line}` : ""})` : "");
      list.append(li);
    }
    if (list.childElementCount === 0 && problem.detail) { const li = document.createElement("li"); li.textContent = problem.detail; list.append(li); }
    box.append(list);
  }

  // Address: /viewer?path=/Folder/Report&Name=value&Name:isnull=true&rc:Toolbar=false ...
  function readAddress() {
    const query = new URLSearchParams(location.search);
    const values = {};
    const settings = {};
    let path = null;
    let folder = null;
    for (const [key, value] of query) {
      const lower = key.toLowerCase();
      if (lower === "path") path = value;
      else if (lower === "folder") folder = value;
      else if (lower.startsWith("rc:")) settings[lower.substring(3)] = value;
      else if (lower.startsWith("rs:")) continue;
      else if (lower.endsWith(":isnull")) { if (value.toLowerCase() === "true") values[key.substring(0, key.length - 7)] = [null]; }
      else (values[key] ??= []).push(value);
    }
    return { path, folder, values, settings };
  }

  function pageCountText(s) {
    if (!s) return "of ?";
    return s.pageCountFinal ? `of ${s.pageCount ?? s.pagesReady}` : `of ${s.pageCount ?? s.pagesReady}?`;
  }

  function updateToolbar() {
    const s = state.session;
    const count = s && s.pageCountFinal ? (s.pageCount ?? s.pagesReady) : null;
    $("page-number").value = String(state.page);
    $("page-count").textContent = pageCountText(s);
    $("first").disabled = $("prev").disabled = state.page <= 1;
    $("next").disabled = $("last").disabled = count !== null && state.page >= count;
    $("back").hidden = state.stack.length === 0;
    renderBreadcrumb();
  }

  function renderBreadcrumb() {
    const list = $("breadcrumb").querySelector("ol");
    list.replaceChildren();
    const crumbs = [...state.stack.map((s) => s.path), state.path];
    crumbs.forEach((path, i) => {
      const li = document.createElement("li");
      li.textContent = (path ?? "").split("/").pop() || "Home";
      if (i === crumbs.length - 1) li.setAttribute("aria-current", "page");
      list.append(li);
    });
  }

  async function refreshState() {
    if (!state.session) return;
    const response = await fetch(`/viewer/api/sessions/${state.session.id}`, { credentials: "same-origin" });
    if (response.ok) state.session = await response.json();
    updateToolbar();
    if (state.session.state === "running") setTimeout(refreshState, 250);
    else onRenderEnded();
  }

  function onRenderEnded() {
    const s = state.session;
    if (s.state === "failed") { showErrors({ title: "The report could not be rendered.", diagnostics: s.diagnostics }); return; }
    const map = s.outline?.documentMap ?? [];
    $("docmap-toggle").hidden = map.length === 0;
    if (map.length > 0) RsPages.documentMap($("docmap"), map, (page, anchor) => goTo(page, anchor));
    status(`Page ${state.page} of ${s.pageCount ?? s.pagesReady}`);
  }

  async function goTo(number, anchor) {
    const s = state.session;
    if (!s) return;
    const final = s.pageCountFinal ? (s.pageCount ?? s.pagesReady) : null;
    number = Math.max(1, final ? Math.min(number, final) : number);
    status(`Loading page ${number}...`);
    // The latest navigation wins: a page that arrives after the user asked for another is dropped.
    const ticket = ++state.navigation;
    state.page = number;
    const result = await RsPages.fetchPage(s.id, number, s.generation);
    if (ticket !== state.navigation) return;
    if (result.html === undefined) {
      if (result.status === 409) { await refreshState(); return goTo(number, anchor); }
      if (result.status === 404 && final === null) { await refreshState(); return goTo(state.session.pageCount ?? 1, anchor); }
      showErrors(result.problem);
      status("");
      return;
    }
    state.page = number;
    RsPages.show(result.html, number);
    updateToolbar();
    status(`Page ${number} ${pageCountText(state.session)}`);
    if (anchor) RsPages.scrollTo(anchor);
  }

  async function openSession(scrollPage) {
    showErrors(null);
    status("Running the report...");
    const response = await post("/viewer/api/sessions", { path: state.path, parameters: state.values });
    const body = await response.json();
    if (!response.ok) {
      if (RsParams.showProblems($("param-grid"), body) === 0) showErrors(body);
      status("");
      return;
    }
    state.session = body;
    state.page = 1;
    $("toolbar").hidden = state.settings.toolbar === "false";
    await goTo(scrollPage ?? 1);
    refreshState();
    if (state.settings.findstring) { $("find-text").value = state.settings.findstring; await doFind(1); }
  }

  async function rerender(url, body) {
    const response = await post(url, body);
    if (!response.ok) { showErrors(await response.json()); return; }
    state.session = await response.json();
    await goTo(state.page);
    refreshState();
  }

  async function doFind(direction) {
    const text = $("find-text").value.trim();
    if (!text || !state.session) return;
    if (RsPages.findText !== text) {
      RsPages.findText = text;
      const count = await RsPages.find(state.session.id, text);
      if (count === 0) { status(`"${text}" was not found.`); return; }
    }
    const match = RsPages.nextMatch(state.page, direction);
    if (!match) return;
    if (match.page !== state.page) await goTo(match.page);
    RsPages.highlight(match);
    status(`Match on page ${match.page}`);
  }

  function drillthrough(link) {
    const url = new URL(link.href, location.href);
    if (url.origin !== location.origin || url.pathname !== "/viewer") return false;
    const target = readAddressFrom(url.search);
    if (target.path && !target.path.startsWith("/")) target.path = `${state.path.substring(0, state.path.lastIndexOf("/"))}/${target.path}`;
    state.stack.push({ path: state.path, values: state.values, page: state.page, reportId: state.reportId });
    history.pushState({ drill: state.stack.length }, "", url.pathname + url.search);
    startReport(target.path, target.values, 1);
    return true;
  }

  function readAddressFrom(search) {
    const saved = location.search;
    const parsed = new URLSearchParams(search);
    const values = {};
    let path = null;
    for (const [key, value] of parsed) {
      if (key.toLowerCase() === "path") path = value;
      else if (!key.includes(":")) (values[key] ??= []).push(value);
    }
    void saved;
    return { path, values };
  }

  async function back() {
    const previous = state.stack.pop();
    if (!previous) return;
    history.back();
    await startReport(previous.path, previous.values, previous.page);
  }

  function wirePageClicks() {
    $("page-host").addEventListener("click", async (event) => {
      const toggle = event.target.closest("[data-toggle]");
      if (toggle) { event.preventDefault(); await rerender(`/viewer/api/sessions/${state.session.id}/toggle`, { id: toggle.dataset.toggle }); return; }
      const sort = event.target.closest("[data-sort]");
      if (sort) {
        event.preventDefault();
        const direction = sort.dataset.state === "asc" ? "desc" : "asc";
        await rerender(`/viewer/api/sessions/${state.session.id}/sort`, { id: sort.dataset.sort, direction });
        return;
      }
      const bookmark = event.target.closest("a[data-bookmark]");
      if (bookmark) {
        event.preventDefault();
        const page = state.session.outline?.bookmarks?.[bookmark.dataset.bookmark];
        if (page) await goTo(page, `bm-${bookmark.dataset.bookmark}`);
        return;
      }
      const link = event.target.closest("a[data-drillthrough]");
      if (link && drillthrough(link)) event.preventDefault();
    });
  }

  function wireToolbar() {
    $("first").addEventListener("click", () => goTo(1));
    $("prev").addEventListener("click", () => goTo(state.page - 1));
    $("next").addEventListener("click", () => goTo(state.page + 1));
    $("last").addEventListener("click", async () => {
      if (!state.session.pageCountFinal) { status("Counting pages..."); while (state.session.state === "running") { await new Promise((r) => setTimeout(r, 200)); } }
      await goTo(state.session.pageCount ?? state.session.pagesReady);
    });
    $("page-number").addEventListener("change", () => goTo(parseInt($("page-number").value, 10) || 1));
    $("zoom").addEventListener("change", () => RsPages.setZoom($("zoom").value));
    $("find-form").addEventListener("submit", (event) => { event.preventDefault(); doFind(1); });
    $("find-prev").addEventListener("click", () => doFind(-1));
    $("find-text").addEventListener("input", () => { RsPages.findText = null; RsPages.clearFind(); });
    $("export").addEventListener("click", () => {
      location.href = `/viewer/api/sessions/${state.session.id}/export?format=${encodeURIComponent($("export-format").value)}`;
    });
    $("print").addEventListener("click", () => window.open(`/viewer/api/sessions/${state.session.id}/export?format=pdf&inline=true`, "_blank", "noopener"));
    $("refresh").addEventListener("click", () => rerender(`/viewer/api/sessions/${state.session.id}/refresh`));
    $("back").addEventListener("click", back);
    $("docmap-toggle").addEventListener("click", () => {
      const open = $("docmap").hidden;
      $("docmap").hidden = !open;
      $("docmap-toggle").setAttribute("aria-expanded", String(open));
    });
    $("toolbar-menu").addEventListener("click", () => {
      const open = $("toolbar-menu").getAttribute("aria-expanded") !== "true";
      $("toolbar-menu").setAttribute("aria-expanded", String(open));
      $("toolbar").classList.toggle("open", open);
    });
    window.addEventListener("resize", () => RsPages.applyZoom());
    window.addEventListener("popstate", () => { if (state.stack.length > 0) back(); });
    document.addEventListener("keydown", (event) => {
      if (event.target.closest("input, select, textarea")) return;
      if (event.key === "PageDown") goTo(state.page + 1);
      if (event.key === "PageUp") goTo(state.page - 1);
    });
  }

  function wireParams() {
    $("params-toggle").addEventListener("click", () => {
      const collapsed = $("params").classList.toggle("collapsed");
      $("params-toggle").setAttribute("aria-expanded", String(!collapsed));
    });
    $("param-form").addEventListener("submit", (event) => {
      event.preventDefault();
      const values = RsParams.read($("param-grid"), state.values);
      if (!RsParams.validate($("param-grid"), values)) return;
      state.values = values;
      openSession();
    });
  }

  async function startReport(path, given, page) {
    state.path = path;
    state.session = null;
    $("page-host").replaceChildren();
    $("catalog").hidden = true;
    const found = await fetch(`/api/v2.0/CatalogItems/ByPath?path=${encodeURIComponent(path)}`, { credentials: "same-origin" });
    if (!found.ok) { showErrors(await found.json().catch(() => ({ title: "The report was not found." }))); return; }
    const item = await found.json();
    state.reportId = item.id;
    $("subscribe").href = `/viewer/subscriptions?report=${encodeURIComponent(path)}`;
    document.title = `${item.name} - Report viewer`;
    let definitions;
    let refused = null;
    try { definitions = await RsParams.load(item.id, given); } catch (e) {
      // Values from the address the server refuses: show the pane without them and say why beside each field.
      refused = e.problem ?? { title: e.message };
      try { definitions = await RsParams.load(item.id, {}); } catch (again) { showErrors(again.problem ?? { title: again.message }); return; }
    }
    state.values = RsParams.initialValues(given);
    const pane = state.settings.parameters ?? "true";
    const visible = definitions.some((p) => !p.hidden && p.prompt);
    $("params").hidden = pane === "false" || !visible;
    $("params").classList.toggle("collapsed", pane.toLowerCase() === "collapsed");
    $("params-toggle").setAttribute("aria-expanded", String(pane.toLowerCase() !== "collapsed"));
    RsParams.render($("param-grid"), state.values);
    if (refused) {
      $("params").hidden = false;
      if (RsParams.showProblems($("param-grid"), refused) === 0) showErrors(refused);
      status("Correct the parameter values, then View report.");
      return;
    }
    if (state.settings.zoom) {
      const z = state.settings.zoom.toLowerCase();
      const value = z === "page width" ? "page-width" : z === "whole page" ? "whole-page" : z;
      $("zoom").value = value;
      RsPages.setZoom(value);
    }
    if (RsParams.complete(state.values)) await openSession(page);
    else status("Choose the parameter values, then View report.");
  }

  async function main() {
    const address = readAddress();
    state.settings = address.settings;
    wireToolbar();
    wireParams();
    wirePageClicks();
    if (!address.path) {
      $("toolbar").hidden = true;
      await RsCatalog.show($("catalog"), address.folder ?? "/");
      return;
    }
    const section = parseInt(state.settings.section ?? "1", 10) || 1;
    await startReport(address.path, address.values, section);
  }

  document.addEventListener("DOMContentLoaded", () => main().catch((e) => showErrors({ title: e.message })));
})();
