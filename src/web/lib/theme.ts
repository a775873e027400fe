import { createLocalStore } from "./local-store";

export const themes = ["light", "dark", "system"] as const;
export type Theme = (typeof themes)[number];

export const themeStore = createLocalStore<Theme>(
  "mailroom.theme",
  (raw) => (themes.includes(raw as Theme) ? (raw as Theme) : "system"),
  (v) => v,
);

function prefersDark(): boolean {
  return typeof matchMedia === "function" && matchMedia("(prefers-color-scheme: dark)").matches;
}

export function applyTheme(theme: Theme): void {
  const dark = theme === "dark" || (theme === "system" && prefersDark());
  document.documentElement.classList.toggle("dark", dark);
}

export function setTheme(theme: Theme): void {
  themeStore.set(theme);
  applyTheme(theme);
}

/** Applies the saved theme and follows the OS while the choice is "system". */
export function startThemeSync(): () => void {
  applyTheme(themeStore.get());
  if (typeof matchMedia !== "function") return () => {};
  const media = matchMedia("(prefers-color-scheme: dark)");
  const onMedia = () => applyTheme(themeStore.get());
  media.addEventListener("change", onMedia);
  return () => media.removeEventListener("change", onMedia);
}
