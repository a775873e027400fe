import { lazy, Suspense, useSyncExternalStore } from "react";
import { Textarea } from "@/web/components/ui/textarea";
import type { ModelPath } from "../lib/model-paths";
import type { EditorMark } from "./code-editor";

// CodeMirror arrives only with this chunk, only on the template editor, only where it fits.
const CodeEditor = lazy(() => import("./code-editor").then((m) => ({ default: m.CodeEditor })));

const query = "(min-width: 768px) and (pointer: fine)";
const subscribe = (cb: () => void) => {
  const mq = window.matchMedia(query);
  mq.addEventListener("change", cb);
  return () => mq.removeEventListener("change", cb);
};
/** A pointer and room for a code editor; phones get a plain text area. */
export const useCodeEditorFits = () =>
  useSyncExternalStore(
    subscribe,
    () => window.matchMedia(query).matches,
    () => false,
  );

export interface BodyEditorProps {
  id: string;
  label: string;
  value: string;
  onChange(v: string): void;
  language: "html" | "text";
  paths: readonly ModelPath[];
  marks: readonly EditorMark[];
  invalid?: boolean;
  plain: boolean;
  rows: number;
}

export function BodyEditor({ plain, rows, ...props }: BodyEditorProps) {
  const textarea = (
    <Textarea
      id={props.id}
      value={props.value}
      onChange={(e) => props.onChange(e.target.value)}
      rows={rows}
      spellCheck={false}
      className="font-mono text-xs"
      aria-invalid={props.invalid}
    />
  );
  if (plain) return textarea;
  return (
    <Suspense fallback={textarea}>
      <CodeEditor {...props} />
    </Suspense>
  );
}
