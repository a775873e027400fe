import type { StudioState } from "@/contract/api/template-studio";

/** An unsaved edit, kept in this browser until it is saved or discarded: it outlives a reload or a crashed tab. */
export interface Draft<F> {
  form: F;
  modelText: string;
  /** The version the edit started from (null for a new template): the base of any later merge. */
  base: StudioState | null;
  savedAt: string;
}

const PREFIX = "mailroom.template-draft.v1";

/** Keyed by the Mailroom origin (the storage is), the Postmark server and the template. */
export const draftKey = (serverId: number | null, template: number | "new") =>
  `${PREFIX}:${serverId ?? "default"}:${template}`;

export function readDraft<F>(key: string, isForm: (v: unknown) => v is F): Draft<F> | null {
  try {
    const raw = localStorage.getItem(key);
    if (!raw) return null;
    const v = JSON.parse(raw) as Partial<Draft<unknown>>;
    if (!isForm(v.form) || typeof v.savedAt !== "string") return null;
    return {
      form: v.form,
      modelText: typeof v.modelText === "string" ? v.modelText : "",
      base: (v.base as StudioState | null | undefined) ?? null,
      savedAt: v.savedAt,
    };
  } catch {
    return null;
  }
}

/** False when the browser refused (storage full or blocked), so the page can say the draft is not kept. */
export function writeDraft<F>(key: string, draft: Draft<F>): boolean {
  try {
    localStorage.setItem(key, JSON.stringify(draft));
    return true;
  } catch {
    return false;
  }
}

export function clearDraft(key: string) {
  try {
    localStorage.removeItem(key);
  } catch {
    // Nothing to clear when storage is blocked.
  }
}
