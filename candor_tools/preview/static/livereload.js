// Candor live preview: reload this page when its source is saved, and show build problems.
// Served by the preview server only (`invoke serve`); never part of the built site.
(function () {
  "use strict";
  var PREFIX = "/__candor_preview/";
  var overlay = null;
  var badge = null;

  function normalise(path) {
    if (path.charAt(0) !== "/") { path = "/" + path; }
    return path.replace(/index\.html$/, "");
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text) { node.textContent = text; }
    return node;
  }

  function addStylesheet() {
    var link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = PREFIX + "preview.css";
    document.head.appendChild(link);
  }

  function onReload(event) {
    var data = JSON.parse(event.data);
    var here = normalise(window.location.pathname);
    var moved = data.moved || {};
    for (var from in moved) {
      if (Object.prototype.hasOwnProperty.call(moved, from) && normalise(from) === here) {
        window.location.replace(normalise(moved[from]));
        return;
      }
    }
    var paths = (data.paths || []).map(normalise);
    if (paths.indexOf("/*") !== -1 || paths.indexOf(here) !== -1) {
      window.location.reload();
    }
  }

  function describe(problem) {
    var item = element("li");
    var where = problem.path + (problem.line ? ", line " + problem.line : "");
    item.appendChild(element("strong", "", where));
    item.appendChild(document.createTextNode(" — "));
    item.appendChild(element("code", "", problem.field));
    item.appendChild(document.createTextNode(": " + problem.problem.replace(/\.$/, "") + ". "));
    item.appendChild(element("span", "candor-preview-fix", "Fix: " + problem.fix));
    return item;
  }

  function showProblems(data) {
    if (overlay) { overlay.remove(); overlay = null; }
    var problems = data.problems || [];
    var lines = data.build_errors || [];
    if (!problems.length && !lines.length) { return; }
    overlay = element("section", "candor-preview-overlay");
    overlay.setAttribute("role", "alert");
    overlay.setAttribute("aria-label", "Preview problems");
    overlay.appendChild(element("h2", "", problems.length ?
      "Your last save was not applied" : "The site could not be rebuilt"));
    overlay.appendChild(element("p", "", "This page shows the last version that worked. " +
      "Fix the problem below and save again: the page updates by itself."));
    var list = element("ul");
    problems.forEach(function (problem) { list.appendChild(describe(problem)); });
    if (!problems.length) {
      lines.forEach(function (line) { list.appendChild(element("li", "", line)); });
    }
    overlay.appendChild(list);
    var hide = element("button", "", "Hide");
    hide.type = "button";
    hide.addEventListener("click", function () { overlay.remove(); overlay = null; });
    overlay.appendChild(hide);
    document.body.appendChild(overlay);
  }

  function showStatus(data) {
    if (!badge) {
      badge = element("p", "candor-preview-badge");
      badge.setAttribute("role", "status");
      document.body.appendChild(badge);
    }
    badge.textContent = data.building ? "Updating lists, feeds and search…" : "";
    badge.hidden = !data.building;
  }

  function connect() {
    var source = new EventSource(PREFIX + "events");
    source.addEventListener("reload", onReload);
    source.addEventListener("problems", function (event) { showProblems(JSON.parse(event.data)); });
    source.addEventListener("status", function (event) { showStatus(JSON.parse(event.data)); });
  }

  function start() {
    addStylesheet();
    connect();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
}());
