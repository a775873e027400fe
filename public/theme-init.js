// Applies the saved theme before first paint so dark mode does not flash (a file, not inline, for the CSP).
try {
  var t = localStorage.getItem("mailroom.theme") || "system";
  if (t === "dark" || (t === "system" && window.matchMedia("(prefers-color-scheme: dark)").matches)) {
    document.documentElement.classList.add("dark");
  }
} catch {
  // Storage can be blocked (private mode, policies); the light theme is a fine fallback.
}
