// Return the visible interactive controls that keyboard focus never reached.
(() => {
  const selector = [
    "a[href]", "area[href]", "button", "input:not([type=hidden])", "select", "textarea",
    "summary", "iframe", "[tabindex]:not([tabindex='-1'])", "[contenteditable='true']",
    "[contenteditable='']",
  ].join(", ");
  const describe = (element) => {
    const text = (element.innerText || element.value || element.getAttribute("aria-label") || "").trim();
    return `<${element.tagName.toLowerCase()}${element.id ? "#" + element.id : ""}> ${text.slice(0, 60)}`;
  };
  const visible = (element) => {
    if (element.disabled || element.closest("[hidden], [inert]")) {
      return false;
    }
    const style = getComputedStyle(element);
    return element.getClientRects().length > 0 && style.visibility !== "hidden" && style.display !== "none";
  };
  const controls = Array.from(document.querySelectorAll(selector)).filter(visible);
  const reached = window.__candorFocused || new Set();
  return {
    total: controls.length,
    missed: controls.filter((element) => !reached.has(element)).map(describe),
  };
})()
