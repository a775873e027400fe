import { METADATA_KEY_PATTERN, METADATA_VALUE_MAX } from "@/contract/postmark/metadata-keys";
import {
  custom,
  oneOf,
  optionalOneOf,
  optionalPositiveInt,
  optionalText,
  readIsoDate,
  searchSchema,
} from "@/web/lib/search-params";

// Route-safe: no zod here (validateSearch runs in the app chunk).

export const activityTabs = ["outbound", "inbound", "opens", "clicks"] as const;
export type ActivityTab = (typeof activityTabs)[number];
export const outboundStatuses = ["queued", "sent", "processed"] as const;
export const inboundStatuses = ["blocked", "failed", "processed", "queued", "scheduled"] as const;

const text = optionalText({ trim: true, min: 1, max: 200 });
const metaKey = (raw: unknown) =>
  typeof raw === "string" && METADATA_KEY_PATTERN.test(raw.trim()) ? raw.trim() : undefined;

/** Tab, filters, page and the open message live in the URL. */
export const activitySearch = searchSchema({
  tab: oneOf(activityTabs, "outbound"),
  recipient: text,
  sender: text,
  tag: text,
  status: optionalOneOf([...new Set([...outboundStatuses, ...inboundStatuses])]),
  subject: text,
  stream: text,
  /** Outbound: Postmark's `metadata_<key>=<value>`; both halves or neither take effect. */
  metaKey: custom<string, string | undefined>(metaKey),
  metaValue: optionalText({ trim: true, min: 1, max: METADATA_VALUE_MAX }),
  /** Inbound: Postmark's `mailboxhash` (the part after + in the inbound address). */
  mailboxHash: text,
  from: custom<string, string | undefined>(readIsoDate),
  to: custom<string, string | undefined>(readIsoDate),
  page: optionalPositiveInt(),
  /** The message whose detail panel is open; `kind` says which API holds it. */
  message: optionalText({ trim: true, min: 1, max: 100 }),
  kind: optionalOneOf(["outbound", "inbound"] as const),
});
export type ActivitySearch = Partial<ReturnType<typeof activitySearch.parse>>;
export type ActivityFilters = Pick<
  ActivitySearch,
  | "recipient"
  | "sender"
  | "tag"
  | "status"
  | "subject"
  | "stream"
  | "metaKey"
  | "metaValue"
  | "mailboxHash"
  | "from"
  | "to"
>;
