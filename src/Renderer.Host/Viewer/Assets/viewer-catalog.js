// The viewer's catalog browser (/viewer without ?path=): the folders and reports the user may see, and search.
// Lists come from the catalog API with the browser session; every name is inserted as text, never as markup.
"use strict";

window.RsCatalog = (() => {
  const api = "/api/v2.0";

  async function getJson(url) {
    const response = await fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } });
    if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
    return response.json();
  }

  function link(href, text, className) {
    const a = document.createElement("a");
    a.href = href;
    a.textContent = text;
    if (className) a.className = className;
    return a;
  }

  function render(host, items, folder) {
    host.replaceChildren();
    const heading = document.createElement("h1");
    heading.textContent = folder;
    host.append(heading);
    if (folder !== "/") {
      const up = folder.substring(0, folder.lastIndexOf("/")) || "/";
      const p = document.createElement("p");
      p.append(link(`/viewer?folder=${encodeURIComponent(up)}`, "Up one folder"));
      host.append(p);
    }
    const list = document.createElement("ul");
    list.id = "catalog-items";
    for (const item of items) {
      const li = document.createElement("li");
      li.dataset.kind = item.type ?? item.kind ?? "";
      const kind = (item.type ?? item.kind ?? "").toLowerCase();
      if (kind === "folder") li.append(link(`/viewer?folder=${encodeURIComponent(item.path)}`, item.name, "folder"));
      else if (kind === "report") li.append(link(`/viewer?path=${encodeURIComponent(item.path)}`, item.name, "report"));
      else li.append(document.createTextNode(item.name));
      if (item.description) {
        const d = document.createElement("span");
        d.className = "description";
        d.textContent = ` ${item.description}`;
        li.append(d);
      }
      list.append(li);
    }
    if (items.length === 0) {
      const li = document.createElement("li");
      li.textContent = "Nothing here that you may see.";
      list.append(li);
    }
    host.append(list);
  }

  function searchForm(host, folder) {
    const form = document.createElement("form");
    form.setAttribute("role", "search");
    form.innerHTML = '<label for="catalog-search">Search reports</label> <input id="catalog-search" type="search" name="search"> <button type="submit">Search</button>';
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const text = form.querySelector("input").value.trim();
      if (!text) return;
      const page = await getJson(`${api}/CatalogItems?search=${encodeURIComponent(text)}`);
      render(host.querySelector(".catalog-list"), page.value ?? [], `Search: ${text}`);
    });
    host.prepend(form);
  }

  async function show(host, folder) {
    host.hidden = false;
    host.replaceChildren();
    const listHost = document.createElement("div");
    listHost.className = "catalog-list";
    host.append(listHost);
    searchForm(host, folder);
    const query = folder === "/" ? "" : `?parent=${encodeURIComponent(folder)}`;
    const page = await getJson(`${api}/CatalogItems${query}`);
    render(listHost, page.value ?? [], folder);
  }

  return { show };
})();
