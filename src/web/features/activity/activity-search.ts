import { custom, oneOf, optionalOneOf, optionalPositiveInt, optionalText, readIsoDate, searchSchema } from "@/web/lib/search-params";

// Route-safe: no zod here (validateSearch runs in the entry chunk).

export const activityTabs = ["outbound", "inbound", "opens", "clicks"] as const;
export type ActivityTab = (typeof activityTabs)[number];
export const outboundStatuses = ["queued", "sent", "processed"] as const;
export const inboundStatuses = ["blocked", "failed", "processed", "queued", "scheduled"] as const;

const text = optionalText({ trim: true, min: 1, max: 200 });

/** Tab, filters, page and the open message live in the URL. */
export const activitySearch = searchSchema({
  tab: oneOf(activityTabs, "outbound"),
  recipient: text,
  sender: text,
  tag: text,
  status: optionalOneOf([...new Set([...outboundStatuses, ...inboundStatuses])]),
  subject: text,
  stream: text,
  from: custom<string, string | undefined>(readIsoDate),
  to: custom<string, string | undefined>(readIsoDate),
  page: optionalPositiveInt(),
  /** The message whose detail panel is open; `kind` says which API holds it. */
  message: optionalText({ trim: true, min: 1, max: 100 }),
  kind: optionalOneOf(["outbound", "inbound"] as const),
});
export type ActivitySearch = Partial<ReturnType<typeof activitySearch.parse>>;
export type ActivityFilters = Pick<ActivitySearch, "recipient" | "sender" | "tag" | "status" | "subject" | "stream" | "from" | "to">;
