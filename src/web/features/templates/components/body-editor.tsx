import { lazy, Suspense, useSyncExternalStore } from "react";
import { Textarea } from "@/web/components/ui/textarea";
import type { ModelPath } from "../lib/model-paths";
import type { EditorMark } from "./code-editor";
import { codeEditorFits, loadCodeEditor, subscribeCodeEditorFits } from "./code-editor-load";

// CodeMirror arrives only with this chunk, only on the template editor, only where it fits.
const CodeEditor = lazy(() => loadCodeEditor().then((m) => ({ default: m.CodeEditor })));

/** A pointer and room for a code editor; phones get a plain text area. */
export const useCodeEditorFits = () => useSyncExternalStore(subscribeCodeEditorFits, codeEditorFits, () => false);

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
  const textarea = (loading: boolean) => (
    <Textarea
      id={props.id}
      value={props.value}
      onChange={(e) => props.onChange(e.target.value)}
      rows={rows}
      spellCheck={false}
      className="font-mono text-xs"
      aria-invalid={props.invalid}
      // While CodeMirror loads, the text shows but takes no typing: the editor replaces this
      // element when it arrives, and keys pressed into a vanishing element would be lost.
      readOnly={loading}
      aria-busy={loading || undefined}
      title={loading ? "Loading the code editor…" : undefined}
    />
  );
  if (plain) return textarea(false);
  return (
    <Suspense fallback={textarea(true)}>
      <CodeEditor {...props} />
    </Suspense>
  );
}
