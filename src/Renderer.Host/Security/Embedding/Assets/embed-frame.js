// The page inside the embedding iframe. It takes messages only from its parent window at an origin the application
// registered (listed by the server in data-origins) and answers only to that origin. The embed token arrives by
// postMessage and goes, as "Authorization: EmbedToken", on each request to the viewer's API; it is never stored.
// Pages are shown with the viewer's own page code (RsPages).
"use strict";

(() => {
  const body = document.body;
  const origins = JSON.parse(body.dataset.origins || "[]");
  const reportId = body.dataset.report;
  const state = { token: null, parent: null, session: null, page: 1, pageCount: null, expiry: null };
  const baseFetch = window.fetch.bind(window);

  // Every request of this page (the viewer's page code included) carries the token instead of a cookie.
  window.fetch = (url, init = {}) => {
    const headers = new Headers(init.headers || {});
    if (state.token) headers.set("Authorization", `EmbedToken ${state.token}`);
    headers.set("X-Viewer-Request", "1");
    return baseFetch(url, Object.assign({}, init, { headers, credentials: "omit" }));
  };

  function post(type, detail) {
    if (state.parent) window.parent.postMessage({ source: "renderer-embed", type, detail }, state.parent);
  }

  function status(text) { document.getElementById("status").textContent = text; }

  async function fail(response, what) {
    const problem = await response.json().catch(() => ({ title: response.statusText }));
    const message = `${what}: ${problem.detail || problem.title || response.status}`;
    document.getElementById("errors").textContent = message;
    status("");
    post("error", { status: response.status, code: problem.code || null, message });
  }

  function claims(token) {
    try {
      const payload = token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/");
      return JSON.parse(atob(payload + "===".slice((payload.length + 3) % 4)));
    } catch {
      return {};
    }
  }

  // tokenExpiring two minutes before the token's expiry (at once when less is left).
  function watchExpiry() {
    clearTimeout(state.expiry);
    const exp = claims(state.token).exp;
    if (!exp) return;
    const wait = Math.max(0, exp * 1000 - Date.now() - 120000);
    state.expiry = setTimeout(() => post("tokenExpiring", { expiresAt: new Date(exp * 1000).toISOString() }), wait);
  }

  function values(parameters) {
    const result = {};
    for (const [name, value] of Object.entries(parameters || {}))
      result[name] = (Array.isArray(value) ? value : [value]).map((v) => (v === null || v === undefined ? null : String(v)));
    return result;
  }

  async function open(parameters) {
    status("Loading…");
    document.getElementById("errors").textContent = "";
    const response = await fetch("/viewer/api/sessions", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ reportId, parameters: values(parameters) }) });
    if (response.status !== 201) return fail(response, "The report could not be opened");
    state.session = await response.json();
    state.pageCount = null;
    post("loaded", { reportId, name: state.session.name });
    document.getElementById("toolbar").hidden = false;
    if (await go(1)) post("rendered", { page: 1, pageCount: await finalCount() });
  }

  async function go(number) {
    const session = state.session;
    if (!session || number < 1 || (state.pageCount && number > state.pageCount)) return false;
    const page = await RsPages.fetchPage(session.id, number, session.generation);
    if (!page.html) {
      post("error", { status: page.status, message: page.problem.detail || page.problem.title });
      document.getElementById("errors").textContent = page.problem.detail || page.problem.title;
      return false;
    }
    RsPages.show(page.html, number);
    state.page = number;
    document.getElementById("page-number").textContent = String(number);
    status("");
    post("pageChanged", { page: number, pageCount: state.pageCount });
    return true;
  }

  async function finalCount() {
    for (let attempt = 0; attempt < 120 && state.session; attempt++) {
      const response = await fetch(`/viewer/api/sessions/${state.session.id}`);
      if (!response.ok) return null;
      const session = await response.json();
      if (session.pageCountFinal) {
        state.pageCount = session.pageCount;
        document.getElementById("page-count").textContent = `of ${session.pageCount}`;
        return session.pageCount;
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    return null;
  }

  async function exportAs(format) {
    if (!state.session) return;
    const response = await fetch(`/viewer/api/sessions/${state.session.id}/export?format=${encodeURIComponent(format)}`);
    if (!response.ok) return fail(response, "The export failed");
    const disposition = response.headers.get("Content-Disposition") || "";
    const name = (/filename="?([^";]+)"?/.exec(disposition) || [])[1] || `report.${format}`;
    const link = document.createElement("a");
    link.href = URL.createObjectURL(await response.blob());
    link.download = name;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 10000);
  }

  window.addEventListener("message", (event) => {
    if (event.source !== window.parent || !origins.includes(event.origin)) return;
    if (state.parent && event.origin !== state.parent) return;
    const message = event.data;
    if (!message || message.target !== "renderer-embed") return;
    state.parent = event.origin;
    switch (message.type) {
      case "init": state.token = message.token; watchExpiry(); open(message.parameters); break;
      case "refreshToken": state.token = message.token; watchExpiry(); break;
      case "setParameters": open(message.parameters); break;
      case "goToPage": go(Number(message.page)); break;
      case "export": exportAs(String(message.format)); break;
      default: break;
    }
  });

  document.getElementById("prev").addEventListener("click", () => go(state.page - 1));
  document.getElementById("next").addEventListener("click", () => go(state.page + 1));
  window.addEventListener("resize", () => RsPages.applyZoom());
  // Tell the host page the frame is listening; only a parent at a registered origin receives it.
  for (const origin of origins) window.parent.postMessage({ source: "renderer-embed", type: "ready" }, origin);
})();
