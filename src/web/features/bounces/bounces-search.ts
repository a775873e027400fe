import { bounceTypeIds } from "@/contract/postmark/bounce-types";
import {
  custom,
  optionalOneOf,
  optionalPositiveInt,
  optionalText,
  readIsoDate,
  searchSchema,
} from "@/web/lib/search-params";

// Route-safe: no zod here (validateSearch runs in the app chunk).

export { bounceTypeNames, type BounceType } from "@/contract/postmark/bounce-types";
export const bounceTypes = bounceTypeIds;

const text = optionalText({ trim: true, min: 1, max: 200 });

/** Bounce filters, page and the open bounce live in the URL so a view can be shared. */
export const bouncesSearch = searchSchema({
  type: optionalOneOf(bounceTypes),
  inactive: optionalOneOf(["true", "false"] as const),
  email: text,
  tag: text,
  stream: text,
  from: custom<string, string | undefined>(readIsoDate),
  to: custom<string, string | undefined>(readIsoDate),
  page: optionalPositiveInt(),
  bounce: optionalPositiveInt(),
  /** The bulk reactivation job (dry run or run) shown above the list. */
  job: optionalPositiveInt(),
});
export type BouncesSearch = Partial<ReturnType<typeof bouncesSearch.parse>>;
export type BounceFilters = Omit<BouncesSearch, "page" | "bounce" | "job">;
