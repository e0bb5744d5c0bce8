// The embedding library: embed(container, { reportId, token, parameters }) puts the report in an iframe served by this
// report server and talks to it by postMessage. Messages are sent only to the server's origin (where this script
// came from) and accepted only from the iframe's window at that origin. Events: loaded, rendered, error,
// pageChanged, tokenExpiring. Methods: setParameters, goToPage, export, refreshToken.
(function (global) {
  "use strict";
  const script = document.currentScript;
  const serverOrigin = new URL(script.src).origin;

  function claims(token) {
    try {
      const payload = token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/");
      return JSON.parse(atob(payload + "===".slice((payload.length + 3) % 4)));
    } catch {
      return {};
    }
  }

  function embed(container, options) {
    if (!container || !options || !options.reportId || !options.token) throw new Error("embed(container, { reportId, token }) needs a container, a report id and a token.");
    const application = options.application || claims(options.token).azp;
    const iframe = document.createElement("iframe");
    iframe.src = `${serverOrigin}/embed/frame?app=${encodeURIComponent(application)}&report=${encodeURIComponent(options.reportId)}`;
    iframe.title = options.title || "Report";
    iframe.style.cssText = "width:100%;height:100%;border:0";
    const handlers = new Map();
    let token = options.token;
    let ready = false;
    const waiting = [];

    function send(type, data) {
      const message = Object.assign({ target: "renderer-embed", type }, data);
      if (ready) iframe.contentWindow.postMessage(message, serverOrigin);
      else waiting.push(message);
    }

    function receive(event) {
      if (event.origin !== serverOrigin || event.source !== iframe.contentWindow) return;
      const message = event.data;
      if (!message || message.source !== "renderer-embed") return;
      if (message.type === "ready") {
        if (ready) return;
        ready = true;
        iframe.contentWindow.postMessage({ target: "renderer-embed", type: "init", token, parameters: options.parameters || {} }, serverOrigin);
        for (const queued of waiting.splice(0)) iframe.contentWindow.postMessage(queued, serverOrigin);
        return;
      }
      for (const handler of handlers.get(message.type) || []) handler(message.detail);
    }

    global.addEventListener("message", receive);
    container.append(iframe);
    for (const [name, handler] of Object.entries(options.on || {})) (handlers.get(name) || handlers.set(name, []).get(name)).push(handler);

    return {
      iframe,
      on(name, handler) { (handlers.get(name) || handlers.set(name, []).get(name)).push(handler); return this; },
      off(name, handler) { handlers.set(name, (handlers.get(name) || []).filter((h) => h !== handler)); return this; },
      setParameters(parameters) { send("setParameters", { parameters }); },
      goToPage(page) { send("goToPage", { page }); },
      export(format) { send("export", { format }); },
      refreshToken(newToken) { token = newToken; send("refreshToken", { token: newToken }); },
      destroy() { global.removeEventListener("message", receive); iframe.remove(); },
    };
  }

  global.RendererEmbed = { embed };
  if (!("embed" in global)) global.embed = embed;
})(window);
