// Kept apart from body-editor so the route can warm the CodeMirror chunk without pulling the page in.

const query = "(min-width: 768px) and (pointer: fine)";

/** A pointer and room for a code editor; phones get a plain text area. */
export const codeEditorFits = (): boolean => window.matchMedia(query).matches;

export const subscribeCodeEditorFits = (cb: () => void) => {
  const mq = window.matchMedia(query);
  mq.addEventListener("change", cb);
  return () => mq.removeEventListener("change", cb);
};

/** The CodeMirror chunk; one import, shared by the lazy editor and the route's warm-up. */
export const loadCodeEditor = () => import("./code-editor");

/** Starts loading the editor where it will be used, so it is usually there before the page renders. */
export function warmCodeEditor(): void {
  if (codeEditorFits()) void loadCodeEditor().catch(() => undefined);
}
