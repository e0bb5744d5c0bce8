// A subscription's form (SSRS's Subscribe): description, format, e-mail or file-share delivery, its own schedule
// (hourly, daily, weekly, monthly, once or cron, in a time zone, between a start and an end) or a shared one, and the
// report's parameter values (the viewer's parameter pane). Saves through /api/v2.0/Subscriptions; the server's refusal
// is shown in the form and focused. Every value is inserted as text, never as markup.
"use strict";

window.RsSubsApi = (() => {
  const root = "/api/v2.0";

  // The viewer's calls: same-origin session, JSON, and the X-Viewer-Request header its own API asks for.
  async function call(method, url, body) {
    const init = { method, credentials: "same-origin", headers: { Accept: "application/json", "X-Viewer-Request": "1" } };
    if (body !== undefined) { init.headers["Content-Type"] = "application/json"; init.body = JSON.stringify(body); }
    const response = await fetch(root + url, init);
    const text = await response.text();
    const json = text ? JSON.parse(text) : null;
    if (!response.ok) throw Object.assign(new Error(json?.detail ?? json?.title ?? `${response.status} ${response.statusText}`), { problem: json, status: response.status });
    return json;
  }

  const dayNames = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
  const dayIndex = (d) => (typeof d === "number" ? d : dayNames.indexOf(String(d)));

  // A schedule as a sentence: "Daily at 07:00 (Europe/Berlin)".
  function describe(s) {
    if (!s) return "No schedule";
    const zone = ` (${s.timeZone || "UTC"})`;
    const at = s.at ?? "00:00";
    const every = s.interval > 1 ? s.interval : null;
    switch (s.kind) {
      case "hourly": return `${every ? `Every ${every} hours` : "Hourly"} at minute ${at.split(":")[1] ?? "00"}${zone}`;
      case "daily": return `${every ? `Every ${every} days` : "Daily"} at ${at}${zone}`;
      case "weekly": return `Weekly on ${(s.days ?? []).map((d) => dayNames[dayIndex(d)]).join(", ")} at ${at}${zone}`;
      case "monthly": return `Monthly on day ${s.dayOfMonth} at ${at}${zone}`;
      case "once": return `Once at ${s.start ? new Date(s.start).toLocaleString() : "?"}`;
      case "cron": return `Cron ${s.cron}${zone}`;
      default: return s.kind;
    }
  }

  return { call, describe, dayNames, dayIndex };
})();

window.RsSubscriptionForm = (() => {
  const $ = (id) => document.getElementById(id);
  let editing = null;
  let report = null;
  let onSaved = null;

  const split = (text) => text.split(/[;,]/).map((s) => s.trim()).filter((s) => s.length > 0);
  const radio = (name) => document.querySelector(`input[name="${name}"]:checked`).value;

  // datetime-local <-> ISO instant, in the browser's own time zone.
  function toLocalInput(iso) {
    if (!iso) return "";
    const d = new Date(iso);
    const pad = (n) => String(n).padStart(2, "0");
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
  }
  const fromLocalInput = (value) => (value ? new Date(value).toISOString() : null);

  function fillStatic() {
    const zones = $("sub-timezone");
    if (zones.options.length === 0) {
      const own = Intl.DateTimeFormat().resolvedOptions().timeZone;
      const all = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [own];
      for (const z of ["UTC", ...all.filter((z) => z !== "UTC")]) zones.append(new Option(z, z, false, z === own));
    }
    const days = $("sub-days");
    if (days.childElementCount === 0) {
      RsSubsApi.dayNames.forEach((name, i) => {
        const row = document.createElement("div");
        row.className = "choice";
        const box = Object.assign(document.createElement("input"), { type: "checkbox", id: `sub-day-${i}`, value: String(i) });
        const label = Object.assign(document.createElement("label"), { htmlFor: box.id, textContent: name });
        row.append(box, label);
        days.append(row);
      });
    }
    for (const input of document.querySelectorAll('input[name="delivery-kind"], input[name="schedule-kind"]')) input.addEventListener("change", showFields);
    $("sub-recurrence").addEventListener("change", showFields);
    $("sub-form").addEventListener("submit", save);
  }

  // Only the fields of the chosen delivery, schedule and recurrence are shown.
  function showFields() {
    const share = radio("delivery-kind") === "fileshare";
    $("email-fields").hidden = share;
    $("share-fields").hidden = !share;
    const shared = radio("schedule-kind") === "shared";
    $("shared-fields").hidden = !shared;
    $("own-fields").hidden = shared;
    const kind = $("sub-recurrence").value;
    for (const field of $("own-fields").querySelectorAll("[data-for]")) field.hidden = !field.dataset.for.split(" ").includes(kind);
  }

  async function loadSchedules(selected) {
    const select = $("sub-shared");
    select.replaceChildren();
    const list = (await RsSubsApi.call("GET", "/Schedules")).value ?? [];
    for (const s of list) select.append(new Option(`${s.name}: ${RsSubsApi.describe(s.schedule)}${s.paused ? " (paused)" : ""}`, s.id, false, s.id === selected));
    $("schedule-shared").disabled = list.length === 0;
  }

  function setValues(s) {
    const d = s?.delivery ?? {};
    $("sub-description").value = s?.description ?? "";
    if (s) $("sub-format").value = s.format;
    $(s?.deliveryKind === "fileshare" ? "kind-fileshare" : "kind-email").checked = true;
    $("sub-to").value = (d.to ?? []).join("; ");
    $("sub-cc").value = (d.cc ?? []).join("; ");
    $("sub-bcc").value = (d.bcc ?? []).join("; ");
    $("sub-replyto").value = d.replyTo ?? "";
    if (s) $("sub-subject").value = d.subject ?? "";
    $("sub-body").value = d.body ?? "";
    $("sub-include-report").checked = d.includeReport ?? true;
    $("sub-include-link").checked = d.includeLink ?? false;
    if (d.fileShare) $("sub-share").value = d.fileShare;
    $("sub-filename").value = d.fileName ?? "";
    $("sub-overwrite").checked = d.overwrite ?? true;
    $(s?.sharedScheduleId ? "schedule-shared" : "schedule-own").checked = true;
    const sc = s?.schedule;
    if (sc) {
      $("sub-recurrence").value = sc.kind;
      $("sub-interval").value = String(sc.interval ?? 1);
      if (sc.at) $("sub-at").value = sc.at.padStart(5, "0");
      const days = new Set((sc.days ?? []).map(RsSubsApi.dayIndex));
      RsSubsApi.dayNames.forEach((_, i) => { $(`sub-day-${i}`).checked = days.has(i); });
      if (sc.dayOfMonth) $("sub-day-of-month").value = String(sc.dayOfMonth);
      if (sc.cron) $("sub-cron").value = sc.cron;
      // A zone this browser does not list (the server knows more) is added, so saving keeps it.
      const zone = sc.timeZone || "UTC";
      if (![...$("sub-timezone").options].some((o) => o.value === zone)) $("sub-timezone").append(new Option(zone, zone));
      $("sub-timezone").value = zone;
      $("sub-start").value = toLocalInput(sc.start);
      $("sub-end").value = toLocalInput(sc.end);
    }
    showFields();
  }

  function readSchedule() {
    const kind = $("sub-recurrence").value;
    const schedule = { kind, timeZone: $("sub-timezone").value, start: fromLocalInput($("sub-start").value), end: fromLocalInput($("sub-end").value) };
    if (kind === "hourly" || kind === "daily") schedule.interval = parseInt($("sub-interval").value, 10) || 1;
    if (kind !== "once" && kind !== "cron") schedule.at = $("sub-at").value;
    if (kind === "weekly") schedule.days = RsSubsApi.dayNames.map((_, i) => i).filter((i) => $(`sub-day-${i}`).checked);
    if (kind === "monthly") schedule.dayOfMonth = parseInt($("sub-day-of-month").value, 10);
    if (kind === "cron") schedule.cron = $("sub-cron").value.trim();
    return schedule;
  }

  function readRequest() {
    const kind = radio("delivery-kind");
    const delivery = kind === "email"
      ? { to: split($("sub-to").value), cc: split($("sub-cc").value), bcc: split($("sub-bcc").value), replyTo: $("sub-replyto").value.trim() || null,
        subject: $("sub-subject").value, body: $("sub-body").value || null, includeReport: $("sub-include-report").checked, includeLink: $("sub-include-link").checked }
      : { fileShare: $("sub-share").value || null, fileName: $("sub-filename").value.trim() || null, overwrite: $("sub-overwrite").checked };
    const shared = radio("schedule-kind") === "shared";
    return {
      reportId: report.id,
      description: $("sub-description").value.trim() || null,
      format: $("sub-format").value,
      deliveryKind: kind,
      delivery,
      dataDriven: editing?.dataDriven ?? null,
      schedule: shared ? null : readSchedule(),
      sharedScheduleId: shared ? $("sub-shared").value : null,
      parameters: RsParams.read($("param-grid"), editing?.parameters ?? {}),
      enabled: editing?.enabled ?? true,
    };
  }

  function showError(text) {
    const box = $("form-error");
    box.textContent = text;
    if (text) box.focus();
  }

  async function save(event) {
    event.preventDefault();
    showError("");
    const body = readRequest();
    if (body.deliveryKind === "email" && body.delivery.to.length === 0 && !body.dataDriven) { showError("Enter at least one address in To."); $("sub-to").focus(); return; }
    try {
      const saved = editing
        ? await RsSubsApi.call("PUT", `/Subscriptions(${editing.id})`, body)
        : await RsSubsApi.call("POST", "/Subscriptions", body);
      onSaved?.(saved, editing !== null);
    } catch (e) {
      showError(e.message);
    }
  }

  // Opens the form for a new subscription to the report at reportPath, or for the subscription view (as the API lists it).
  async function open(options) {
    fillStatic();
    onSaved = options.onSaved;
    editing = options.subscription?.subscription ?? null;
    const path = options.subscription?.reportPath ?? options.reportPath;
    const found = await fetch(`/api/v2.0/CatalogItems/ByPath?path=${encodeURIComponent(path)}`, { credentials: "same-origin" });
    if (!found.ok) throw new Error(`The report '${path}' was not found.`);
    report = await found.json();
    $("form-title").textContent = editing ? `Edit subscription to ${report.name}` : `Subscribe to ${report.name}`;
    $("form-report").textContent = `Report: ${path}`;
    $("sub-save").textContent = editing ? "Save changes" : "Create subscription";
    await loadSchedules(editing?.sharedScheduleId ?? null);
    setValues(editing);
    await RsParams.load(report.id, editing?.parameters ?? {});
    RsParams.render($("param-grid"), RsParams.initialValues(editing?.parameters ?? {}));
    $("sub-params").hidden = RsParams.definitions.every((p) => p.hidden || !p.prompt);
    $("sub-form").hidden = false;
    $("form-title").focus();
  }

  return { open };
})();
