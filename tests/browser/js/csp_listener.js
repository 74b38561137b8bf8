// Report every Content-Security-Policy violation to the test (binding from browse()).
document.addEventListener("securitypolicyviolation", (event) => {
  window.__candorCspViolation(
    `${event.effectiveDirective} blocked ${event.blockedURI || "inline"} ` +
    `(${event.sourceFile || "?"}:${event.lineNumber || 0}) ${event.sample || ""}`);
});
