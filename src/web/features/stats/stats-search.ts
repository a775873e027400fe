import { custom, oneOf, optionalText, searchSchema } from "@/web/lib/search-params";

// Light builders, not zod: validateSearch runs in the app chunk.

// "7d", not "7": the router would write a digit-only string into the URL with JSON quotes.
export const rangePresets = ["7d", "30d", "45d", "custom"] as const;
export type RangePreset = (typeof rangePresets)[number];

/** `YYYY-MM-DD` (Postmark stats take days, not times); anything else is dropped. */
const day = custom<string | undefined, string | undefined>((raw) =>
  typeof raw === "string" && /^\d{4}-\d{2}-\d{2}$/.test(raw) ? raw : undefined,
);

export const statsSearch = searchSchema({
  range: oneOf(rangePresets, "30d"),
  from: day,
  to: day,
  stream: optionalText({ min: 1, max: 30, trim: true }),
  tag: optionalText({ min: 1, max: 1000, trim: true }),
});
export type StatsSearch = ReturnType<typeof statsSearch.parse>;
