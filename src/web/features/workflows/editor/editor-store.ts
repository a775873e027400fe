import type { Role } from "@/contract/api/auth";
import {
  authorityProblems,
  hasErrors,
  validateWorkflow,
  type Problem,
  type ValidationResult,
  type WorkflowDocumentInput,
} from "@/contract/workflows";

/** What a test run says about one node; shown on the node itself. */
export interface NodeRunStatus {
  status: string;
  tone: "ok" | "wait" | "error" | "skip";
  detail?: string;
}

export interface EditorState {
  doc: WorkflowDocumentInput;
  /** The last saved document: the editor is dirty while `doc` is another object. */
  saved: WorkflowDocumentInput | null;
  past: WorkflowDocumentInput[];
  future: WorkflowDocumentInput[];
  selected: string | null;
  validation: ValidationResult;
  /** Problems keyed by node id (`trigger` for the trigger and the document as a whole). */
  problemsByNode: Record<string, Problem[]>;
  runStatus: Record<string, NodeRunStatus>;
  /** The event previews and dry runs use: a template's sample, or the trigger's example when null. */
  sample: Record<string, unknown> | null;
}

const HISTORY_LIMIT = 100;
// Keystrokes in one field within this window are one undo step.
const COALESCE_MS = 1000;

function groupProblems(problems: Problem[]): Record<string, Problem[]> {
  const out: Record<string, Problem[]> = {};
  for (const p of problems) (out[p.stepId ?? "trigger"] ??= []).push(p);
  return out;
}

/**
 * Validation, plus (for changes the user is about to save, when their role is known) the server's
 * rule that no one saves steps beyond their own role. A saved document is not held against a
 * reader who did not write it.
 */
function derive(doc: WorkflowDocumentInput, role: Role | null) {
  const checked = validateWorkflow(doc);
  const own = role && checked.document ? authorityProblems(checked.document, role) : [];
  const problems = [...checked.problems, ...own];
  const validation = { ...checked, problems, ok: !hasErrors(problems) };
  return { validation, problemsByNode: groupProblems(validation.problems) };
}

export type EditorStore = ReturnType<typeof createEditorStore>;

/** A small external store: undo/redo over whole documents, selection, validation and test status. */
export function createEditorStore(
  initial: WorkflowDocumentInput,
  saved: boolean,
  sample: Record<string, unknown> | null = null,
  role: Role | null = null,
) {
  let state: EditorState = {
    doc: initial,
    saved: saved ? initial : null,
    past: [],
    future: [],
    selected: null,
    runStatus: {},
    sample,
    ...derive(initial, saved ? null : role),
  };
  let lastKey: string | null = null;
  let lastAt = 0;
  const listeners = new Set<() => void>();
  const set = (next: Partial<EditorState>) => {
    state = { ...state, ...next };
    listeners.forEach((l) => l());
  };

  const replaceDoc = (doc: WorkflowDocumentInput, past: WorkflowDocumentInput[], future: WorkflowDocumentInput[]) => {
    const selected =
      state.selected && state.selected !== "trigger" && !doc.steps.some((s) => s.id === state.selected)
        ? null
        : state.selected;
    // A changed document makes earlier test results stale.
    set({ doc, past, future, selected, runStatus: {}, ...derive(doc, doc === state.saved ? null : role) });
  };

  return {
    getState: () => state,
    subscribe: (l: () => void) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    /** Applies an edit as one undo step; edits with the same `coalesce` key in quick succession merge. */
    update(edit: (doc: WorkflowDocumentInput) => WorkflowDocumentInput, coalesce?: string) {
      const next = edit(state.doc);
      if (next === state.doc) return;
      const now = Date.now();
      const merge =
        coalesce !== undefined && coalesce === lastKey && now - lastAt < COALESCE_MS && state.past.length > 0;
      lastKey = coalesce ?? null;
      lastAt = now;
      replaceDoc(next, merge ? state.past : [...state.past, state.doc].slice(-HISTORY_LIMIT), []);
    },
    undo() {
      const prev = state.past.at(-1);
      if (!prev) return;
      lastKey = null;
      replaceDoc(prev, state.past.slice(0, -1), [state.doc, ...state.future]);
    },
    redo() {
      const next = state.future[0];
      if (!next) return;
      lastKey = null;
      replaceDoc(next, [...state.past, state.doc], state.future.slice(1));
    },
    select(id: string | null) {
      if (id !== state.selected) set({ selected: id });
    },
    markSaved(doc: WorkflowDocumentInput = state.doc) {
      set({ saved: doc });
    },
    setSample(sample: Record<string, unknown> | null) {
      set({ sample });
    },
    setRunStatus(runStatus: Record<string, NodeRunStatus>) {
      set({ runStatus });
    },
  };
}

export const isDirty = (s: EditorState) => s.saved !== s.doc;
