// CodeMirror 6, loaded only by the template editor (React.lazy): it stays out of the first page's JavaScript.
import {
  autocompletion,
  closeBrackets,
  completionKeymap,
  type CompletionContext,
  type CompletionResult,
} from "@codemirror/autocomplete";
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import { html } from "@codemirror/lang-html";
import {
  bracketMatching,
  defaultHighlightStyle,
  foldGutter,
  foldKeymap,
  foldService,
  indentOnInput,
  syntaxHighlighting,
} from "@codemirror/language";
import { lintGutter, setDiagnostics, type Diagnostic } from "@codemirror/lint";
import { highlightSelectionMatches, searchKeymap } from "@codemirror/search";
import { Compartment, EditorState, type Extension } from "@codemirror/state";
import {
  Decoration,
  drawSelection,
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  keymap,
  lineNumbers,
  MatchDecorator,
  ViewPlugin,
  type DecorationSet,
  type ViewUpdate,
} from "@codemirror/view";
import { useEffect, useRef } from "react";
import type { ModelPath } from "../lib/model-paths";

export interface EditorMark {
  /** 1-based, as Postmark reports them; null when Postmark gave no place. */
  line: number | null;
  column: number | null;
  message: string;
}

export interface CodeEditorProps {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  language: "html" | "text";
  paths: readonly ModelPath[];
  marks: readonly EditorMark[];
  invalid?: boolean;
}

const mustachioMatcher = new MatchDecorator({
  regexp: /\{\{\{?[\s\S]*?\}\}\}?/g,
  decoration: (m) =>
    Decoration.mark({ class: /^\{\{\s*[#^/]/.test(m[0]) ? "cm-mustachio cm-mustachio-section" : "cm-mustachio" }),
});

/** Mustachio tags stand out over the HTML highlighting. */
const mustachioHighlight = ViewPlugin.fromClass(
  class {
    decorations: DecorationSet;
    constructor(view: EditorView) {
      this.decorations = mustachioMatcher.createDeco(view);
    }
    update(u: ViewUpdate) {
      this.decorations = mustachioMatcher.updateDeco(u, this.decorations);
    }
  },
  { decorations: (v) => v.decorations },
);

/** Folds a {{#section}} … {{/section}} (or {{#each}} … {{/each}}) that opens on a line. */
const mustachioFolding = foldService.of((state, from, to) => {
  const line = state.doc.sliceString(from, to);
  const open = /\{\{\s*[#^]\s*(each\s+)?([\w.@]+)[^}]*\}\}/.exec(line);
  if (!open) return null;
  const name = open[1] ? "each" : open[2];
  const rest = state.doc.sliceString(to, Math.min(state.doc.length, to + 200_000));
  let depth = 1;
  const re = open[1]
    ? /\{\{\s*(#each\b|\/each\b)[^}]*\}\}/g
    : new RegExp(
        `\\{\\{\\s*([#^]\\s*${name!.replace(/[.]/g, "\\.")}|/\\s*${name!.replace(/[.]/g, "\\.")})\\s*\\}\\}`,
        "g",
      );
  for (let m = re.exec(rest); m; m = re.exec(rest)) {
    depth += m[1]!.startsWith("/") ? -1 : 1;
    if (depth === 0) {
      const end = to + m.index;
      return state.doc.lineAt(end).number > state.doc.lineAt(from).number
        ? { from: to, to: state.doc.lineAt(end).from - 1 }
        : null;
    }
  }
  return null;
});

function completeModel(paths: () => readonly ModelPath[]) {
  return (ctx: CompletionContext): CompletionResult | null => {
    const before = ctx.matchBefore(/\{\{\{?\s*(?:[#^/]\s*|#each\s+)?[\w.@]*$/);
    if (!before) return null;
    const word = /[\w.@]*$/.exec(before.text)![0];
    if (!ctx.explicit && before.text.length === 0) return null;
    return {
      from: before.to - word.length,
      options: paths().map((p) => ({ label: p.label, detail: p.detail, type: "variable" })),
      validFor: /^[\w.@]*$/,
    };
  };
}

const theme = EditorView.theme({
  "&": {
    fontSize: "12px",
    border: "1px solid var(--color-input, hsl(var(--input)))",
    borderRadius: "0.375rem",
    backgroundColor: "var(--color-background)",
  },
  "&.cm-focused": { outline: "2px solid var(--color-ring)", outlineOffset: "1px" },
  ".cm-scroller": {
    fontFamily: "ui-monospace, SFMono-Regular, Menlo, monospace",
    minHeight: "12rem",
    maxHeight: "32rem",
    overflow: "auto",
  },
  ".cm-mustachio": { color: "#7c3aed", backgroundColor: "rgba(124,58,237,0.08)", borderRadius: "2px" },
  ".cm-mustachio-section": { fontWeight: "600" },
  ".cm-gutters": { backgroundColor: "transparent", borderRight: "1px solid var(--color-border)" },
});

function toDiagnostics(state: EditorState, marks: readonly EditorMark[]): Diagnostic[] {
  return marks.map((m) => {
    const lineNo = Math.min(Math.max(m.line ?? 1, 1), state.doc.lines);
    const line = state.doc.line(lineNo);
    const from = Math.min(line.from + Math.max((m.column ?? 1) - 1, 0), line.to);
    // Mark the tag at the position when there is one, else the rest of the line.
    const tag = /^\{\{\{?[^}]*\}?\}\}/.exec(state.doc.sliceString(from, line.to));
    const to = tag ? from + tag[0].length : Math.max(line.to, from);
    return {
      from,
      to: to > from ? to : Math.min(from + 1, state.doc.length),
      severity: "error",
      message:
        m.line === null
          ? m.message
          : `Line ${m.line}${m.column !== null ? `, position ${m.column}` : ""}: ${m.message}`,
    };
  });
}

/** A CodeMirror editor bound to a string; the value may also change from outside (drafts, merges). */
export function CodeEditor({ id, label, value, onChange, language, paths, marks, invalid }: CodeEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const onChangeRef = useRef(onChange);
  const pathsRef = useRef(paths);
  onChangeRef.current = onChange;
  pathsRef.current = paths;
  const a11y = useRef(new Compartment());

  useEffect(() => {
    const extensions: Extension[] = [
      lineNumbers(),
      highlightActiveLineGutter(),
      foldGutter(),
      lintGutter(),
      drawSelection(),
      history(),
      indentOnInput(),
      bracketMatching(),
      closeBrackets(),
      highlightActiveLine(),
      highlightSelectionMatches(),
      syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
      language === "html" ? html() : [],
      mustachioHighlight,
      mustachioFolding,
      autocompletion({ override: [completeModel(() => pathsRef.current)], activateOnTyping: true }),
      keymap.of([
        ...completionKeymap,
        ...searchKeymap,
        ...foldKeymap,
        ...historyKeymap,
        ...defaultKeymap,
        indentWithTab,
      ]),
      EditorView.lineWrapping,
      theme,
      a11y.current.of(
        EditorView.contentAttributes.of({ "aria-label": label, id, "aria-invalid": String(Boolean(invalid)) }),
      ),
      EditorView.updateListener.of((u) => {
        if (u.docChanged) onChangeRef.current(u.state.doc.toString());
      }),
    ];
    const v = new EditorView({ parent: host.current!, state: EditorState.create({ doc: value, extensions }) });
    view.current = v;
    return () => {
      v.destroy();
      view.current = null;
    };
    // The editor is built once per language; value and marks are synced by the effects below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [language]);

  useEffect(() => {
    const v = view.current;
    if (v && v.state.doc.toString() !== value)
      v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: value } });
  }, [value]);

  useEffect(() => {
    const v = view.current;
    if (v)
      v.dispatch({
        effects: a11y.current.reconfigure(
          EditorView.contentAttributes.of({ "aria-label": label, id, "aria-invalid": String(Boolean(invalid)) }),
        ),
      });
  }, [label, id, invalid]);

  useEffect(() => {
    const v = view.current;
    if (v) v.dispatch(setDiagnostics(v.state, toDiagnostics(v.state, marks)));
  }, [marks, value]);

  return <div ref={host} className="min-w-0" data-testid={`code-editor-${id}`} data-marks={marks.length} />;
}
