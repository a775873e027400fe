import {
  custom,
  optionalOneOf,
  optionalPositiveInt,
  optionalText,
  readIsoDate,
  searchSchema,
} from "@/web/lib/search-params";

// Route-safe: no zod here (validateSearch runs in the app chunk).

export const suppressionReasons = ["HardBounce", "SpamComplaint", "ManualSuppression"] as const;
export const suppressionOrigins = ["Recipient", "Customer", "Admin"] as const;

/** Stream and filters in the URL; the stream id follows Postmark's id rule, anything else falls back. */
export const suppressionsSearch = searchSchema({
  stream: custom<string, string | undefined>((raw) =>
    typeof raw === "string" && /^[a-z][a-z0-9_-]{0,29}$/i.test(raw) ? raw : undefined,
  ),
  reason: optionalOneOf(suppressionReasons),
  origin: optionalOneOf(suppressionOrigins),
  email: optionalText({ trim: true, min: 1, max: 200 }),
  from: custom<string, string | undefined>(readIsoDate),
  to: custom<string, string | undefined>(readIsoDate),
  /** The bulk removal job shown above the list. */
  job: optionalPositiveInt(),
});
export type SuppressionsSearch = Partial<ReturnType<typeof suppressionsSearch.parse>>;
