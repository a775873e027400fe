/** The console's Postmark areas, in sidebar order; a module of its own so the web entry can import it cheaply. */
export const areaIds = [
  "activity",
  "bounces",
  "suppressions",
  "streams",
  "templates",
  "domains",
  "senders",
  "servers",
  "webhooks",
  "inbound-rules",
  "data-removals",
  "send",
  "stats",
] as const;
export type AreaId = (typeof areaIds)[number];
