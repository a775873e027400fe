import type { EventKind } from "@/contract/api/events";
import { eventKinds } from "@/web/lib/event-kinds";
import { searchSchema } from "@/web/lib/search-params";

// The route validates with the light Standard Schema builders (lib/search-params), not zod:
// validateSearch runs in the app chunk.

/** "bounce,open" → the known kinds in catalog order; unknown names are dropped. */
export function parseTypes(value: string | undefined): EventKind[] {
  if (!value) return [];
  const wanted = new Set(value.split(",").map((t) => t.trim()));
  return eventKinds.filter((k) => wanted.has(k));
}

export function formatTypes(types: readonly EventKind[]): string | undefined {
  const list = parseTypes(types.join(","));
  return list.length ? list.join(",") : undefined;
}

type Field<T> = { read: (raw: unknown) => T; readonly _in?: T };

/** A readable comma list of kinds, normalised; nothing known → absent. */
const typesField: Field<string | undefined> = {
  read: (raw) => (typeof raw === "string" ? formatTypes(parseTypes(raw)) : undefined),
};

/** Trimmed text of at most 200 characters (the API's limit); blank → absent. */
const filterText: Field<string | undefined> = {
  read: (raw) => {
    const text = typeof raw === "string" ? raw.trim() : typeof raw === "number" ? String(raw) : "";
    return text && text.length <= 200 ? text : undefined;
  },
};

/** An event id: links may carry it as a number or a string. */
const eventId: Field<number | undefined> = {
  read: (raw) => {
    const n = typeof raw === "number" ? raw : typeof raw === "string" && /^\d{1,15}$/.test(raw) ? Number(raw) : NaN;
    return Number.isSafeInteger(n) && n > 0 ? n : undefined;
  },
};

/** The feed's filters in the URL, so a filtered view can be shared; a bad value is dropped, never fatal. */
export const feedSearch = searchSchema({
  types: typesField,
  stream: filterText,
  /** Matches the recipient or the sender. */
  recipient: filterText,
  tag: filterText,
  q: filterText,
  /** The event whose detail panel is open. */
  event: eventId,
});
export type FeedSearch = ReturnType<typeof feedSearch.parse>;
export type FeedFilters = Partial<Omit<FeedSearch, "event">>;

export const allKinds = eventKinds;

export function hasFilters(f: FeedFilters): boolean {
  return Boolean(f.types || f.stream || f.recipient || f.tag || f.q);
}

/** The filter part of `GET /api/events` (paging is added by the caller). */
export function filterParams(f: FeedFilters): URLSearchParams {
  const p = new URLSearchParams();
  if (f.types) p.set("types", f.types);
  if (f.stream) p.set("stream", f.stream);
  if (f.recipient) p.set("recipient", f.recipient);
  if (f.tag) p.set("tag", f.tag);
  if (f.q) p.set("q", f.q);
  return p;
}

/** Filters only: the detail panel's id never changes which events are listed. */
export function filtersOf(s: FeedSearch): FeedFilters {
  return { types: s.types, stream: s.stream, recipient: s.recipient, tag: s.tag, q: s.q };
}
