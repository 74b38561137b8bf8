// Do everything a reader might do to a page, so that any injected code runs.
// Injected inline handlers live in on* attributes, so every element that has one
// gets the events those attributes name plus the common ones; then every link and
// button is clicked and every focusable element focused. Navigations are cancelled
// except to javascript: URLs, which run in place (what an attack would use).
// Returns how many clicks act later (javascript: links, form submissions): the
// caller then waits a moment for them to run.
(() => {
  const COMMON = [
    "click", "dblclick", "auxclick", "contextmenu", "mousedown", "mouseup", "mouseover",
    "mouseout", "mouseenter", "mouseleave", "mousemove", "pointerdown", "pointerup",
    "pointerover", "pointerenter", "focus", "blur", "focusin", "focusout", "keydown",
    "keyup", "keypress", "input", "change", "select", "invalid", "submit", "reset",
    "toggle", "load", "error", "scroll", "copy", "paste", "drag", "dragstart", "drop",
    "animationstart", "animationend", "transitionend", "beginEvent", "endEvent",
  ];
  const isJavascript = (url) => /^[\s\u0000-\u001f]*javascript:/i.test(String(url || ""));
  const hrefOf = (element) => element.href instanceof SVGAnimatedString
    ? element.href.animVal : element.href || element.getAttribute("xlink:href");
  document.addEventListener("click", (event) => {
    const link = event.target && event.target.closest && event.target.closest("[href], [xlink\\:href]");
    if (link && !isJavascript(hrefOf(link))) {
      event.preventDefault();
    }
  }, true);
  document.addEventListener("submit", (event) => {
    const action = (event.submitter && event.submitter.formAction) || event.target.action;
    if (!isJavascript(action)) {
      event.preventDefault();
    }
  }, true);
  const all = Array.from(document.querySelectorAll("*"));
  const handled = all.filter((element) =>
    Array.from(element.attributes).some((attribute) => /^on/i.test(attribute.name)));
  for (const element of handled) {
    const named = Array.from(element.attributes)
      .filter((attribute) => /^on/i.test(attribute.name))
      .map((attribute) => attribute.name.slice(2).toLowerCase());
    for (const type of new Set([...named, ...COMMON])) {
      try {
        element.dispatchEvent(new Event(type, { bubbles: false, cancelable: true }));
      } catch (error) { /* keep going */ }
    }
  }
  const focusable = "a[href], area[href], button, input, select, textarea, summary, iframe, " +
    "[tabindex], [contenteditable], [autofocus]";
  for (const element of document.querySelectorAll(focusable)) {
    try {
      element.focus();
      element.blur();
    } catch (error) { /* keep going */ }
  }
  const clickable = "a, area, [href], [xlink\\:href], button, input[type=submit], " +
    "input[type=image], summary";
  let deferred = 0;
  for (const element of document.querySelectorAll(clickable)) {
    try {
      if (isJavascript(hrefOf(element)) || element.form || element.closest("form")) {
        deferred += 1;
      }
      if (typeof element.click === "function") {
        element.click();
      } else {
        element.dispatchEvent(new MouseEvent("click", { bubbles: true, cancelable: true }));
      }
    } catch (error) { /* keep going */ }
  }
  return deferred;
})()
