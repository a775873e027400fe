import { conflictCount, merge3, resolveMerge, type MergeChunk, type Resolution } from "./diff";

/** The fields a save changes, as text (a missing layout or alias is ""). */
export const mergeFields = ["Name", "Alias", "Subject", "LayoutTemplate", "HtmlBody", "TextBody"] as const;
export type MergeField = (typeof mergeFields)[number];
export type FieldTexts = Record<MergeField, string>;

export interface FieldMerge {
  field: MergeField;
  base: string;
  mine: string;
  theirs: string;
  /** unchanged: nobody changed it; mine / theirs: one side did; same: both made the same change; merged: both changed different lines; conflict: choices needed. */
  status: "unchanged" | "mine" | "theirs" | "same" | "merged" | "conflict";
  chunks: MergeChunk[];
}

export function planMerge(base: FieldTexts, mine: FieldTexts, theirs: FieldTexts): FieldMerge[] {
  return mergeFields.map((field) => {
    const b = base[field];
    const m = mine[field];
    const t = theirs[field];
    const chunks = merge3(b, m, t);
    const status: FieldMerge["status"] =
      m === t
        ? m === b
          ? "unchanged"
          : "same"
        : m === b
          ? "theirs"
          : t === b
            ? "mine"
            : conflictCount(chunks) > 0
              ? "conflict"
              : "merged";
    return { field, base: b, mine: m, theirs: t, status, chunks };
  });
}

/** The merged fields given choices per field (one per conflict, in order); null while any is open. */
export function applyMerge(
  plan: readonly FieldMerge[],
  choices: Partial<Record<MergeField, Array<Resolution | undefined>>>,
): FieldTexts | null {
  const out = {} as FieldTexts;
  for (const f of plan) {
    if (f.status === "unchanged" || f.status === "same" || f.status === "mine") out[f.field] = f.mine;
    else if (f.status === "theirs") out[f.field] = f.theirs;
    else {
      const text = resolveMerge(f.chunks, choices[f.field] ?? [], f.mine.endsWith("\n") || f.theirs.endsWith("\n"));
      if (text === null) return null;
      out[f.field] = text;
    }
  }
  return out;
}
