// Showing pages: fetch a page of the session's current render (waiting while it is written), zoom (page width, whole
// page, 50-400 %), find with highlighting, and the document map. Page HTML comes from the server's HTML writer, which
// escapes all report text and writes no script.
"use strict";

window.RsPages = (() => {
  const host = () => document.getElementById("page-host");
  let zoom = "100";
  let found = { text: "", matches: [], index: -1 };

  async function fetchPage(sessionId, number, generation) {
    for (let attempt = 0; attempt < 20; attempt++) {
      const response = await fetch(`/viewer/api/sessions/${sessionId}/pages/${number}?generation=${generation}`, { credentials: "same-origin" });
      if (response.status === 200) return { html: await response.text() };
      if (response.status === 202) continue;
      const problem = await response.json().catch(() => ({ title: response.statusText }));
      return { status: response.status, problem };
    }
    return { status: 504, problem: { title: "The page took too long to arrive." } };
  }

  function show(html, number) {
    const frame = document.createElement("div");
    frame.className = "page-frame";
    frame.dataset.page = String(number);
    frame.innerHTML = html;
    host().replaceChildren(frame);
    applyZoom();
    return frame;
  }

  function setZoom(value) {
    zoom = value;
    applyZoom();
  }

  function pageSize(page) {
    // Pages declare their size in points in their style (width:...pt;height:...pt).
    const width = parseFloat(page.style.width) || page.offsetWidth * 0.75;
    const height = parseFloat(page.style.height) || page.offsetHeight * 0.75;
    return { width: width / 0.75, height: height / 0.75 };
  }

  function applyZoom() {
    const frame = host().querySelector(".page-frame");
    const page = frame && frame.firstElementChild;
    if (!page) return;
    const size = pageSize(page);
    // The report area, but never wider than the window (a wide page must not widen the area it is fitted to).
    const available = Math.min(host().clientWidth, document.documentElement.clientWidth) - 16;
    const availableHeight = window.innerHeight - host().getBoundingClientRect().top - 16;
    let scale;
    if (zoom === "page-width") scale = available / size.width;
    else if (zoom === "whole-page") scale = Math.min(available / size.width, availableHeight / size.height);
    else scale = Number(zoom) / 100;
    // Narrow screens never need to scroll sideways at 100 %: pages scale down to fit.
    if (zoom === "100" && size.width > available) scale = available / size.width;
    scale = Math.max(0.1, Math.min(4, scale || 1));
    page.style.transformOrigin = "0 0";
    page.style.transform = `scale(${scale})`;
    frame.style.width = `${size.width * scale}px`;
    frame.style.height = `${size.height * scale}px`;
    frame.dataset.scale = scale.toFixed(3);
  }

  // Find: the server says which pages hold the text; the page on screen gets <mark> around each match.
  async function find(sessionId, text) {
    const response = await fetch(`/viewer/api/sessions/${sessionId}/find?text=${encodeURIComponent(text)}`, { credentials: "same-origin" });
    const body = await response.json();
    const matches = [];
    for (const m of body.matches ?? []) for (let i = 0; i < m.count; i++) matches.push({ page: m.page, index: i });
    found = { text, matches, index: -1 };
    return matches.length;
  }

  function nextMatch(currentPage, direction) {
    const { matches } = found;
    if (matches.length === 0) return null;
    if (found.index < 0) {
      const start = direction > 0 ? matches.findIndex((m) => m.page >= currentPage) : matches.findLastIndex((m) => m.page <= currentPage);
      found.index = start >= 0 ? start : direction > 0 ? 0 : matches.length - 1;
    } else {
      found.index = (found.index + direction + matches.length) % matches.length;
    }
    return matches[found.index];
  }

  function highlight(match) {
    const frame = host().querySelector(".page-frame");
    if (!frame || !found.text) return;
    frame.querySelectorAll("mark.find").forEach((m) => m.replaceWith(document.createTextNode(m.textContent)));
    frame.normalize();
    const needle = found.text.toLocaleLowerCase();
    const walker = document.createTreeWalker(frame, NodeFilter.SHOW_TEXT);
    const hits = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.nodeValue.toLocaleLowerCase();
      let at = text.indexOf(needle);
      while (at >= 0) { hits.push({ node, at }); at = text.indexOf(needle, at + needle.length); }
    }
    const marks = [];
    for (const hit of hits.reverse()) {
      const range = document.createRange();
      range.setStart(hit.node, hit.at);
      range.setEnd(hit.node, hit.at + needle.length);
      const mark = document.createElement("mark");
      mark.className = "find";
      range.surroundContents(mark);
      marks.unshift(mark);
    }
    const current = marks[match ? match.index : 0];
    if (current) {
      current.classList.add("current");
      current.scrollIntoView({ block: "center" });
    }
    return marks.length;
  }

  function clearFind() {
    found = { text: "", matches: [], index: -1 };
  }

  function documentMap(nav, entries, go) {
    const root = nav.querySelector("ul");
    root.replaceChildren();
    const stack = [root];
    for (const entry of entries) {
      while (stack.length > entry.level + 1) stack.pop();
      while (stack.length < entry.level + 1) {
        const nested = document.createElement("ul");
        (stack[stack.length - 1].lastElementChild ?? stack[stack.length - 1]).append(nested);
        stack.push(nested);
      }
      const li = document.createElement("li");
      const a = document.createElement("a");
      a.href = `#dm-${entry.id}`;
      a.textContent = entry.label;
      a.addEventListener("click", (event) => { event.preventDefault(); go(entry.page, `dm-${entry.id}`); });
      li.append(a);
      stack[stack.length - 1].append(li);
    }
    return entries.length;
  }

  function scrollTo(anchorId) {
    const target = anchorId && document.getElementById(anchorId);
    if (target) target.scrollIntoView({ block: "start" });
  }

  return { fetchPage, show, setZoom, applyZoom, find, nextMatch, highlight, clearFind, documentMap, scrollTo, get zoom() { return zoom; } };
})();
