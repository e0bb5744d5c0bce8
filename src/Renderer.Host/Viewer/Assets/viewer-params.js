// The parameter pane: one field per visible parameter (text, integer, float, date, boolean; valid values as a list,
// multi-value with Select All; NULL and blank where allowed), cascading refreshes of dependent parameters from the
// server's ParameterDefinitions, and validation messages beside the field they concern.
"use strict";

window.RsParams = (() => {
  let definitions = [];
  let layout = null;
  let reportId = null;
  let onChangeTimer = 0;

  const el = (tag, attrs = {}, text) => {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) if (v !== undefined && v !== null) e.setAttribute(k, v);
    if (text !== undefined) e.textContent = text;
    return e;
  };

  const fieldId = (name) => `param-${name.replace(/[^A-Za-z0-9_-]/g, "_")}`;

  const asText = (value, type) => {
    if (value === null || value === undefined) return null;
    if (type === "DateTime") return String(value).substring(0, 10);
    if (type === "Boolean") return String(value).toLowerCase();
    return String(value);
  };

  async function load(id, given) {
    reportId = id;
    const query = new URLSearchParams();
    for (const [name, values] of Object.entries(given)) for (const v of values) {
      if (v !== null) query.append(name, v);
    }
    const response = await fetch(`/api/v2.0/Reports(${id})/ParameterDefinitions?${query}`, { credentials: "same-origin" });
    const body = await response.json();
    if (!response.ok) throw Object.assign(new Error(body.title ?? "Parameters could not be read"), { problem: body });
    definitions = body.value ?? [];
    layout = body.layout ?? null;
    return definitions;
  }

  // Values to start with: given in the URL, else the defaults the server evaluated.
  function initialValues(given) {
    const values = {};
    for (const p of definitions) {
      if (given[p.name] !== undefined) values[p.name] = given[p.name];
      else if (p.defaultValues && p.defaultValues.length > 0) values[p.name] = p.defaultValues.map((v) => asText(v, p.parameterType));
    }
    return values;
  }

  // True when every parameter has a value, so the report can run without asking (SSRS runs it at once).
  function complete(values) {
    return definitions.every((p) => values[p.name] !== undefined && (p.multiValue || values[p.name].length === 1));
  }

  // The report's ReportParametersLayout grid when it has one; parameters without a cell follow it.
  function render(grid, values) {
    grid.replaceChildren();
    grid.style.gridTemplateColumns = layout ? `repeat(${layout.columns}, minmax(160px, 1fr))` : "";
    const cells = new Map((layout?.cells ?? []).map((c) => [c.name.toLowerCase(), c]));
    for (const p of definitions) {
      // Hidden parameters, and internal ones (no prompt, as SSRS marks them), are not asked for.
      if (p.hidden || !p.prompt) continue;
      const wrap = field(p, values[p.name]);
      const cell = cells.get(p.name.toLowerCase());
      if (cell) { wrap.style.gridRow = String(cell.row + 1); wrap.style.gridColumn = String(cell.column + 1); }
      grid.append(wrap);
    }
  }

  function field(p, current) {
    const id = fieldId(p.name);
    const wrap = el("div", { class: "param", "data-param": p.name });
    const label = p.prompt || p.name;
    const message = el("p", { class: "param-error", id: `${id}-error`, "aria-live": "polite" });
    const choices = p.validValues;
    let input;
    if (choices && p.multiValue) {
      const group = el("fieldset", { id, "aria-describedby": message.id });
      group.append(el("legend", {}, label));
      const all = el("input", { type: "checkbox", id: `${id}-all`, class: "select-all" });
      const allLabel = el("label", { for: all.id }, "(Select All)");
      group.append(el("div", { class: "choice" }));
      group.lastChild.append(all, allLabel);
      choices.forEach((c, i) => {
        const box = el("input", { type: "checkbox", id: `${id}-${i}`, value: asText(c.value, p.parameterType) ?? "" });
        box.checked = (current ?? []).includes(asText(c.value, p.parameterType));
        const row = el("div", { class: "choice" });
        row.append(box, el("label", { for: box.id }, c.label ?? String(c.value)));
        group.append(row);
      });
      all.addEventListener("change", () => group.querySelectorAll("input[type=checkbox]:not(.select-all)").forEach((b) => { b.checked = all.checked; }));
      group.addEventListener("change", () => changed(p.name));
      wrap.append(group);
    } else {
      wrap.append(el("label", { for: id }, label));
      if (choices) {
        input = el("select", { id, "aria-describedby": message.id });
        input.append(el("option", { value: "" }, "<Select a value>"));
        for (const c of choices) {
          const option = el("option", { value: asText(c.value, p.parameterType) ?? "" }, c.label ?? String(c.value));
          option.selected = (current ?? [])[0] === asText(c.value, p.parameterType);
          input.append(option);
        }
      } else if (p.parameterType === "Boolean") {
        input = el("select", { id, "aria-describedby": message.id });
        for (const v of ["", "true", "false"]) input.append(el("option", { value: v }, v === "" ? "<Select a value>" : v === "true" ? "True" : "False"));
        input.value = (current ?? [""])[0] ?? "";
      } else if (p.multiValue) {
        input = el("textarea", { id, rows: "3", "aria-describedby": message.id });
        input.value = (current ?? []).join("\n");
      } else {
        const type = p.parameterType === "DateTime" ? "date" : (p.parameterType === "Integer" || p.parameterType === "Float") ? "number" : "text";
        input = el("input", { id, type, "aria-describedby": message.id });
        if (p.parameterType === "Integer") input.step = "1";
        if (p.parameterType === "Float") input.step = "any";
        input.value = (current ?? [""])[0] ?? "";
      }
      input.addEventListener("change", () => changed(p.name));
      wrap.append(input);
    }
    if (p.nullable) {
      const nul = el("input", { type: "checkbox", id: `${id}-null`, class: "null-box" });
      nul.checked = current !== undefined && current.length === 1 && current[0] === null;
      const target = wrap.querySelector(`#${CSS.escape(id)}`);
      if (nul.checked && target) target.disabled = true;
      nul.addEventListener("change", () => { if (target) target.disabled = nul.checked; changed(p.name); });
      const row = el("div", { class: "choice" });
      row.append(nul, el("label", { for: nul.id }, "NULL"));
      wrap.append(row);
    }
    if (p.state === "HasOutstandingDependencies") wrap.append(el("p", { class: "param-note" }, "Choose the parameters above first."));
    wrap.append(message);
    return wrap;
  }

  // The values in the pane, as name -> array of strings (null for NULL); hidden parameters keep their defaults.
  function read(grid, fallback) {
    const values = {};
    for (const p of definitions) {
      const wrap = grid.querySelector(`[data-param="${CSS.escape(p.name)}"]`);
      if (!wrap) {
        if (fallback[p.name] !== undefined) values[p.name] = fallback[p.name];
        continue;
      }
      const nul = wrap.querySelector(".null-box");
      if (nul && nul.checked) { values[p.name] = [null]; continue; }
      const boxes = wrap.querySelectorAll("fieldset input[type=checkbox]:not(.select-all)");
      if (boxes.length > 0) { values[p.name] = [...boxes].filter((b) => b.checked).map((b) => b.value); continue; }
      const input = wrap.querySelector("input:not(.null-box), select, textarea");
      if (!input) continue;
      if (input.tagName === "TEXTAREA") values[p.name] = input.value.split("\n").map((s) => s.trim()).filter((s) => s.length > 0);
      else if (input.value !== "" || p.allowBlank) values[p.name] = [input.value];
    }
    return values;
  }

  // Messages for missing values, before asking the server (which checks types and valid values too).
  function validate(grid, values) {
    let ok = true;
    clearErrors(grid);
    for (const p of definitions) {
      if (p.hidden || !p.prompt) continue;
      const v = values[p.name];
      if (v === undefined || v.length === 0) { showError(grid, p.name, `Enter a value for ${p.prompt || p.name}.`); ok = false; }
    }
    return ok;
  }

  function clearErrors(grid) {
    grid.querySelectorAll(".param-error").forEach((m) => { m.textContent = ""; });
    grid.querySelectorAll("[aria-invalid]").forEach((f) => f.removeAttribute("aria-invalid"));
  }

  function showError(grid, name, text) {
    const wrap = grid.querySelector(`[data-param="${CSS.escape(name)}"]`);
    if (!wrap) return false;
    wrap.querySelector(".param-error").textContent = text;
    const f = wrap.querySelector("input, select, textarea, fieldset");
    if (f) f.setAttribute("aria-invalid", "true");
    return true;
  }

  // Server diagnostics name their parameter as "ReportParameter 'Name'"; show each beside its field.
  function showProblems(grid, problem) {
    let shown = 0;
    for (const d of problem.diagnostics ?? []) {
      const match = /ReportParameter '([^']+)'/.exec(d.objectPath ?? "");
      if (match && showError(grid, match[1], d.message)) shown++;
    }
    return shown;
  }

  // Cascading: when a parameter changes, its dependents get their values again from the server.
  function changed(name) {
    clearTimeout(onChangeTimer);
    const dependents = definitions.filter((p) => (p.dependencies ?? []).includes(name));
    if (dependents.length === 0) return;
    onChangeTimer = setTimeout(async () => {
      const grid = document.getElementById("param-grid");
      const values = read(grid, {});
      for (const d of dependents) delete values[d.name];
      const before = definitions;
      await load(reportId, values);
      const merged = initialValues(values);
      render(grid, merged);
      document.dispatchEvent(new CustomEvent("rs:params-refreshed", { detail: { before: before.length, after: definitions.length } }));
    }, 50);
  }

  return { load, initialValues, complete, render, read, validate, showProblems, get definitions() { return definitions; } };
})();
