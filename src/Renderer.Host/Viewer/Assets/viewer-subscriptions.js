// My subscriptions (/viewer/subscriptions): the user's subscriptions (a Content Manager's: everyone's) with their
// delivery, schedule, status, last and next run, and actions: edit, pause or resume, run now, history, delete.
// ?report=/Folder/Report opens a new subscription's form, ?edit={id} an existing one's.
"use strict";

(() => {
  const $ = (id) => document.getElementById(id);
  let historyOf = null;
  let historyTimer = 0;

  function status(text) { $("status").textContent = text; }

  function showErrors(text) {
    const box = $("errors");
    box.replaceChildren();
    if (text) { const p = document.createElement("p"); p.textContent = text; box.append(p); }
  }

  const cell = (text) => { const td = document.createElement("td"); td.textContent = text ?? ""; return td; };
  const when = (iso) => (iso ? new Date(iso).toLocaleString() : "—");

  function nameOf(view) {
    const s = view.subscription;
    return s.description || `${(view.reportPath ?? "").split("/").pop() || "Deleted report"}, ${deliveryText(s)}`;
  }

  function deliveryText(s) {
    if (s.dataDriven) return `Data-driven (${s.dataDriven.dataSource})`;
    if (s.deliveryKind === "fileshare") return `File share ${s.delivery.fileShare}: ${s.delivery.fileName ?? "(report name)"}`;
    return `E-mail to ${(s.delivery.to ?? []).join("; ")}`;
  }

  // A button whose accessible name says what it acts on: "Run now" + (hidden) " Sales, E-mail to ...".
  function action(label, view, handler) {
    const button = document.createElement("button");
    button.type = "button";
    button.append(document.createTextNode(label));
    const hidden = document.createElement("span");
    hidden.className = "visually-hidden";
    hidden.textContent = `: ${nameOf(view)}`;
    button.append(hidden);
    button.addEventListener("click", () => handler(view).catch((e) => showErrors(e.message)));
    return button;
  }

  async function list() {
    const views = (await RsSubsApi.call("GET", "/Subscriptions")).value ?? [];
    const schedules = new Map(((await RsSubsApi.call("GET", "/Schedules")).value ?? []).map((s) => [s.id, s]));
    const body = $("subscriptions").querySelector("tbody");
    body.replaceChildren();
    for (const view of views) {
      const s = view.subscription;
      const row = document.createElement("tr");
      row.dataset.id = s.id;
      const report = document.createElement("td");
      if (view.reportPath) {
        const a = document.createElement("a");
        a.href = `/viewer?path=${encodeURIComponent(view.reportPath)}`;
        a.textContent = view.reportPath;
        report.append(a);
      } else report.textContent = "(report deleted)";
      const shared = s.sharedScheduleId ? schedules.get(s.sharedScheduleId) : null;
      const schedule = s.sharedScheduleId ? `Shared: ${shared?.name ?? "?"}${shared?.paused ? " (paused)" : ""}` : RsSubsApi.describe(s.schedule);
      row.append(report, cell(s.description), cell(s.owner), cell(`${deliveryText(s)} (${s.format})`), cell(schedule),
        cell(s.enabled ? "Enabled" : "Paused"), cell(s.lastRunAt ? `${when(s.lastRunAt)}: ${s.lastStatus ?? ""}` : "Never"), cell(when(view.nextFire)));
      const actions = document.createElement("td");
      actions.className = "actions";
      const edit = document.createElement("a");
      edit.href = `/viewer/subscriptions?edit=${s.id}`;
      edit.append(document.createTextNode("Edit"));
      const hidden = document.createElement("span");
      hidden.className = "visually-hidden";
      hidden.textContent = `: ${nameOf(view)}`;
      edit.append(hidden);
      actions.append(edit,
        action(s.enabled ? "Pause" : "Resume", view, pauseOrResume),
        action("Run now", view, runNow),
        action("History", view, (v) => showHistory(v, null)),
        action("Delete", view, remove));
      row.append(actions);
      body.append(row);
    }
    if (views.length === 0) {
      const row = document.createElement("tr");
      const td = cell("You have no subscriptions.");
      td.colSpan = 9;
      row.append(td);
      body.append(row);
    }
    return views;
  }

  async function pauseOrResume(view) {
    const s = view.subscription;
    await RsSubsApi.call("POST", `/Subscriptions(${s.id})/${s.enabled ? "Pause" : "Resume"}`);
    status(`${s.enabled ? "Paused" : "Resumed"}: ${nameOf(view)}.`);
    await list();
  }

  async function runNow(view) {
    await RsSubsApi.call("POST", `/Subscriptions(${view.subscription.id})/Run`);
    status(`Started: ${nameOf(view)}. Its deliveries appear in its history.`);
    await showHistory(view, { lastRunAt: view.subscription.lastRunAt ?? null });
  }

  async function remove(view) {
    if (!window.confirm(`Delete the subscription "${nameOf(view)}"?`)) return;
    await RsSubsApi.call("DELETE", `/Subscriptions(${view.subscription.id})`);
    if (historyOf === view.subscription.id) closeHistory();
    status(`Deleted: ${nameOf(view)}.`);
    await list();
    $("page-title").focus();
  }

  // The deliveries of one subscription; while a delivery is pending, or a run was just asked for (run: the
  // subscription's last run before it) and has not ended, it refreshes itself every second, for up to two minutes.
  async function showHistory(view, run) {
    clearTimeout(historyTimer);
    historyOf = view.subscription.id;
    $("history").hidden = false;
    $("history-title").textContent = `History of ${nameOf(view)}`;
    const started = Date.now();
    const load = async () => {
      if (historyOf !== view.subscription.id) return;
      const deliveries = (await RsSubsApi.call("GET", `/Subscriptions(${view.subscription.id})/History`)).value ?? [];
      const body = $("history-table").querySelector("tbody");
      body.replaceChildren();
      for (const d of deliveries) {
        const row = document.createElement("tr");
        row.dataset.state = d.state;
        row.append(cell(when(d.fireTime)), cell(d.recipient), cell(d.state), cell(String(d.attempts)), cell(d.lastError ?? ""), cell(when(d.updatedAt)));
        body.append(row);
      }
      if (deliveries.length === 0) { const row = document.createElement("tr"); const td = cell("Nothing delivered yet."); td.colSpan = 6; row.append(td); body.append(row); }
      let busy = deliveries.some((d) => d.state === "pending");
      if (run && !busy) busy = (await RsSubsApi.call("GET", `/Subscriptions(${view.subscription.id})`)).subscription.lastRunAt === run.lastRunAt;
      if (busy && Date.now() - started < 120000) historyTimer = setTimeout(() => load().catch((e) => showErrors(e.message)), 1000);
      else if (run) await list();
    };
    await load();
    $("history-title").focus();
  }

  function closeHistory() {
    clearTimeout(historyTimer);
    historyOf = null;
    $("history").hidden = true;
  }

  async function openForm(options) {
    $("list").hidden = true;
    $("history").hidden = true;
    $("page-title").textContent = options.subscription ? "Edit subscription" : "New subscription";
    document.title = `${$("page-title").textContent} - Report viewer`;
    await RsSubscriptionForm.open({
      ...options,
      onSaved: () => { location.href = `/viewer/subscriptions?saved=${options.subscription ? "edit" : "new"}`; },
    });
  }

  async function main() {
    const query = new URLSearchParams(location.search);
    $("history-refresh").addEventListener("click", async () => {
      const view = (await list()).find((v) => v.subscription.id === historyOf);
      if (view) await showHistory(view, null);
    });
    $("history-close").addEventListener("click", () => { closeHistory(); $("page-title").focus(); });
    if (query.get("report")) { await openForm({ reportPath: query.get("report") }); return; }
    if (query.get("edit")) {
      const view = await RsSubsApi.call("GET", `/Subscriptions(${query.get("edit")})`);
      await openForm({ subscription: view });
      return;
    }
    if (query.get("saved")) status(query.get("saved") === "edit" ? "The subscription was saved." : "The subscription was created.");
    await list();
  }

  document.addEventListener("DOMContentLoaded", () => main().catch((e) => showErrors(e.message)));
})();
