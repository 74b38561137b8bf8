/*
 * Candor search: progressive enhancement of /search/.
 *
 * Without this script the page lists ways to browse the site. With it, the
 * search form appears and queries Pagefind's static index (pagefind/) in the
 * browser: no server, no third party, works offline. Results are built with
 * DOM methods only; excerpts keep Pagefind's <mark> highlights and nothing else.
 */
(function () {
  "use strict";

  var FILTER_ORDER = ["kind", "author", "language", "status"];
  var MAX_RESULTS = 30;

  var form = document.querySelector("form.search-form[data-pagefind]");
  if (!form || !("noModule" in HTMLScriptElement.prototype)) {
    return;
  }
  var input = form.querySelector("input[type=search]");
  var filterBox = form.querySelector(".search-filters");
  var filterList = form.querySelector(".search-filters__list");
  var statusLine = document.querySelector(".search-status");
  var resultList = document.querySelector(".search-results");
  var pagefindUrl = new URL(form.getAttribute("data-pagefind"), document.baseURI);
  var pagefind = null;
  var selects = {};
  var latest = 0;
  var timer = null;

  var names = JSON.parse(form.getAttribute("data-names") || "{}");

  function label(name, fallback) {
    return form.getAttribute("data-label-" + name) || fallback;
  }

  /* Filter values are keys ("news", "es"); show their names in the page's language. */
  function nameOf(value) {
    return Object.prototype.hasOwnProperty.call(names, value) ? names[value] : value;
  }

  function say(text) {
    statusLine.textContent = text;
  }

  /* Copy an excerpt's text and its <mark> elements; drop any other markup. */
  function excerptNode(html) {
    var paragraph = document.createElement("p");
    paragraph.className = "search-result__excerpt";
    var parsed = new DOMParser().parseFromString(html || "", "text/html");
    parsed.body.childNodes.forEach(function (node) {
      if (node.nodeType === Node.TEXT_NODE) {
        paragraph.appendChild(document.createTextNode(node.textContent));
      } else if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        paragraph.appendChild(mark);
      } else {
        paragraph.appendChild(document.createTextNode(node.textContent || ""));
      }
    });
    return paragraph;
  }

  function resultItem(data) {
    var item = document.createElement("li");
    item.className = "search-result";
    var heading = document.createElement("h2");
    heading.className = "search-result__title";
    var link = document.createElement("a");
    link.href = data.url;
    link.textContent = (data.meta && data.meta.title) || data.url;
    heading.appendChild(link);
    item.appendChild(heading);
    var facts = [];
    FILTER_ORDER.forEach(function (key) {
      var values = data.filters && data.filters[key];
      if (values && values.length) {
        facts.push(values.map(nameOf).join(", "));
      }
    });
    if (facts.length) {
      var meta = document.createElement("p");
      meta.className = "search-result__meta meta";
      meta.textContent = facts.join(" · ");
      item.appendChild(meta);
    }
    item.appendChild(excerptNode(data.excerpt));
    return item;
  }

  function chosenFilters() {
    var chosen = {};
    Object.keys(selects).forEach(function (key) {
      if (selects[key].value) {
        chosen[key] = selects[key].value;
      }
    });
    return chosen;
  }

  function remember(query) {
    var url = new URL(window.location.href);
    if (query) {
      url.searchParams.set("q", query);
    } else {
      url.searchParams.delete("q");
    }
    window.history.replaceState(null, "", url.href);
  }

  async function run() {
    var query = input.value.trim();
    var filters = chosenFilters();
    var ticket = ++latest;
    remember(query);
    if (!query && !Object.keys(filters).length) {
      resultList.replaceChildren();
      resultList.hidden = true;
      resultList.setAttribute("aria-busy", "false");
      say("");
      return;
    }
    resultList.setAttribute("aria-busy", "true");
    var search = await pagefind.search(query || null, { filters: filters });
    var found = search.results.slice(0, MAX_RESULTS);
    var pages = await Promise.all(found.map(function (result) { return result.data(); }));
    if (ticket !== latest) {
      return; /* a newer query has started */
    }
    resultList.replaceChildren.apply(resultList, pages.map(resultItem));
    resultList.hidden = pages.length === 0;
    resultList.setAttribute("aria-busy", "false");
    var total = search.results.length;
    say(total === 0 ? label("none", "Nothing found.")
      : total === 1 ? label("result", "1 result")
      : label("results", "{num} results").replace("{num}", String(total)));
  }

  function runSoon() {
    window.clearTimeout(timer);
    timer = window.setTimeout(function () { run().catch(failed); }, 200);
  }

  function failed() {
    resultList.setAttribute("aria-busy", "false");
    say(label("failed", "Search is not available right now."));
  }

  function addFilter(key, counts) {
    var values = Object.keys(counts).sort(function (a, b) {
      return nameOf(a).localeCompare(nameOf(b));
    });
    if (!values.length) {
      return;
    }
    var wrapper = document.createElement("div");
    wrapper.className = "search-filter";
    var select = document.createElement("select");
    select.id = "search-filter-" + key;
    select.name = key;
    var caption = document.createElement("label");
    caption.htmlFor = select.id;
    caption.textContent = label(key, key);
    var any = document.createElement("option");
    any.value = "";
    any.textContent = label("any", "Any");
    select.appendChild(any);
    values.forEach(function (value) {
      var option = document.createElement("option");
      option.value = value;
      option.textContent = nameOf(value);
      select.appendChild(option);
    });
    select.addEventListener("change", function () { run().catch(failed); });
    wrapper.appendChild(caption);
    wrapper.appendChild(select);
    filterList.appendChild(wrapper);
    selects[key] = select;
  }

  /*
   * A big site's index comes in parts (pagefind/parts.json lists the folders of
   * the parts after the first): each is merged into the one loaded, so a query
   * and the filters cover them all. A list that cannot be read stops the search:
   * results from one part only would look complete and not be.
   */
  async function mergeParts(options) {
    var response = await fetch(new URL("parts.json", pagefindUrl).href);
    if (!response.ok) {
      throw new Error("parts.json: " + response.status);
    }
    var parts = (await response.json()).parts;
    await Promise.all(parts.map(function (part) {
      return pagefind.mergeIndex(new URL(part, pagefindUrl).pathname, options);
    }));
  }

  async function start() {
    pagefind = await import(pagefindUrl.href);
    var options = { baseUrl: new URL("..", pagefindUrl).pathname, excerptLength: 24 };
    await pagefind.options(options);
    await mergeParts(options);
    var filters = await pagefind.filters();
    FILTER_ORDER.forEach(function (key) {
      if (filters[key]) {
        addFilter(key, filters[key]);
      }
    });
    filterBox.hidden = Object.keys(selects).length === 0;
    form.hidden = false;
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      window.clearTimeout(timer);
      run().catch(failed);
    });
    input.addEventListener("input", runSoon);
    var initial = new URL(window.location.href).searchParams.get("q");
    if (initial) {
      input.value = initial;
      await run();
    }
  }

  start().catch(failed);
})();
