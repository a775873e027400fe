import { createLocalStore } from "@/web/lib/local-store";

/** A request created from this browser: Postmark offers no list of requests, so we remember their ids. */
export interface StoredRemoval {
  id: number;
  requestedFor: string;
  requestedBy: string;
  createdAt: string;
  /** The last status seen, shown until a fresh check answers. */
  status: string | null;
}

export const MAX_STORED_REMOVALS = 50;

function isStoredRemoval(v: unknown): v is StoredRemoval {
  if (typeof v !== "object" || v === null) return false;
  const r = v as Record<string, unknown>;
  return Number.isSafeInteger(r.id) && (r.id as number) > 0 && typeof r.requestedFor === "string" && typeof r.requestedBy === "string"
    && typeof r.createdAt === "string" && (r.status === null || typeof r.status === "string");
}

/** Reads what localStorage holds, keeping only well-formed entries; anything else is an empty list. */
export function parseStoredRemovals(raw: string | null): StoredRemoval[] {
  if (!raw) return [];
  try {
    const v: unknown = JSON.parse(raw);
    return Array.isArray(v) ? v.filter(isStoredRemoval).slice(0, MAX_STORED_REMOVALS) : [];
  } catch {
    return [];
  }
}

/** Newest first, one entry per id, at most MAX_STORED_REMOVALS. */
export function rememberRemoval(list: readonly StoredRemoval[], entry: StoredRemoval): StoredRemoval[] {
  return [entry, ...list.filter((r) => r.id !== entry.id)].slice(0, MAX_STORED_REMOVALS);
}

export function updateRemovalStatus(list: readonly StoredRemoval[], id: number, status: string | null): StoredRemoval[] {
  return list.map((r) => (r.id === id && r.status !== status ? { ...r, status } : r));
}

export function forgetRemoval(list: readonly StoredRemoval[], id: number): StoredRemoval[] {
  return list.filter((r) => r.id !== id);
}

export const storedRemovals = createLocalStore<StoredRemoval[]>(
  "mailroom.data-removals",
  parseStoredRemovals,
  (v) => (v.length === 0 ? null : JSON.stringify(v)),
);
