// Hook the functions an XSS payload calls to prove it ran. Each call is reported
// to the test through the __candorXss binding; the dialog never opens. Dialogs
// that still open (a frame this hook missed) are counted by page.on("dialog").
(() => {
  for (const name of ["alert", "confirm", "prompt", "print"]) {
    const hook = function (message) {
      try {
        window.__candorXss(name, String(message));
      } catch (error) {
        // The binding is missing in this frame: fall through to a real dialog.
      }
      return name === "confirm" ? false : name === "prompt" ? null : undefined;
    };
    try {
      Object.defineProperty(window, name, { value: hook, configurable: false, writable: false });
    } catch (error) {
      window[name] = hook;
    }
  }
})();
