// Record every element that receives focus, for the keyboard test.
window.__candorFocused = new Set();
document.addEventListener("focusin", (event) => window.__candorFocused.add(event.target), true);
