import { z } from "zod";
import { operation } from "./operation";
import { idParam, pageCount, pageOffset, queryBoolean } from "./shared";

export const bouncesSearch = operation({
  id: "bounces.search",
  area: "bounces",
  title: "Search bounces",
  description: "Find bounces by type, address, tag, message, stream or date.",
  method: "GET",
  path: "/bounces",
  token: "server",
  risk: "read",
  query: z.object({
    count: pageCount,
    offset: pageOffset,
    type: z.string().optional(),
    inactive: queryBoolean.optional(),
    emailFilter: z.string().optional(),
    tag: z.string().optional(),
    messageID: z.string().optional(),
    fromdate: z.string().optional(),
    todate: z.string().optional(),
    messagestream: z.string().optional(),
  }),
  response: z.looseObject({
    TotalCount: z.number(),
    Bounces: z.array(
      z.looseObject({
        RecordType: z.string().nullable(),
        ID: z.number(),
        Type: z.string().nullable(),
        TypeCode: z.number(),
        Name: z.string().nullable(),
        Tag: z.string().nullable(),
        MessageID: z.string().nullable(),
        ServerID: z.number(),
        MessageStream: z.string().nullable(),
        Description: z.string().nullable(),
        Details: z.string().nullable(),
        Email: z.string().nullable(),
        From: z.string().nullable(),
        BouncedAt: z.string().nullable(),
        DumpAvailable: z.boolean(),
        Inactive: z.boolean(),
        CanActivate: z.boolean(),
        Subject: z.string().nullable(),
      }),
    ),
  }),
  invalidates: [],
  notes:
    "count+offset must not exceed 10,000. Validation failures (negative, >500, count+offset, illegal type) -> 422 ErrorCode 1000. Newest first. List items carry no Content. Retention: 45 days by default.",
});

export const bouncesGet = operation({
  id: "bounces.get",
  area: "bounces",
  title: "Get a single bounce",
  description: "One bounce with its type, details and whether it can be reactivated.",
  method: "GET",
  path: "/bounces/{bounceid}",
  token: "server",
  risk: "read",
  params: z.object({ bounceid: idParam }),
  response: z.looseObject({
    RecordType: z.string().nullable(),
    ID: z.number(),
    Type: z.string().nullable(),
    TypeCode: z.number(),
    Name: z.string().nullable(),
    Tag: z.string().nullable(),
    MessageID: z.string().nullable(),
    ServerID: z.number(),
    MessageStream: z.string().nullable(),
    Description: z.string().nullable(),
    Details: z.string().nullable(),
    Email: z.string().nullable(),
    From: z.string().nullable(),
    BouncedAt: z.string().nullable(),
    DumpAvailable: z.boolean(),
    Inactive: z.boolean(),
    CanActivate: z.boolean(),
    Subject: z.string().nullable(),
    Content: z.string().nullable(),
  }),
  invalidates: [],
  notes:
    "bounceid is an int64. Single-bounce responses include Content (raw bounce, may be long). Unknown id -> 422 ErrorCode 1001.",
});

export const bouncesDump = operation({
  id: "bounces.dump",
  area: "bounces",
  title: "Get bounce SMTP dump",
  description: "The raw SMTP conversation that produced a bounce.",
  method: "GET",
  path: "/bounces/{bounceid}/dump",
  token: "server",
  risk: "read",
  params: z.object({ bounceid: idParam }),
  response: z.looseObject({
    Body: z.string().nullable(),
  }),
  invalidates: [],
  notes:
    "Returns the raw source of the bounce. Body is an empty string when no dump is kept (dumps kept ~30 days; see DumpAvailable). Expired/unknown -> 1001; missing id -> HTTP 400 ErrorCode 1002.",
});

export const bouncesDeliveryStats = operation({
  id: "bounces.deliveryStats",
  area: "bounces",
  title: "Get delivery statistics overview",
  description: "Inactive address count and bounce totals by type.",
  method: "GET",
  path: "/deliverystats",
  token: "server",
  risk: "read",
  response: z.looseObject({
    InactiveMails: z.number(),
    Bounces: z.array(
      z.looseObject({
        Name: z.string().nullable(),
        Count: z.number(),
        Type: z.string().nullable().optional(),
      }),
    ),
  }),
  invalidates: [],
  notes:
    "First Bounces element is the 'All' total (no Type); then one entry per bounce type present. postmark.js calls '/deliveryStats' (path matching is case-insensitive in practice).",
});

export const bouncesActivate = operation({
  id: "bounces.activate",
  area: "bounces",
  title: "Reactivate a bounced email address",
  description: "Reactivate the address of a bounce so mail can be sent to it again.",
  method: "PUT",
  path: "/bounces/{bounceid}/activate",
  token: "server",
  risk: "write",
  params: z.object({ bounceid: idParam }),
  response: z.looseObject({
    Message: z.string().nullable(),
    Bounce: z.looseObject({
      RecordType: z.string().nullable(),
      ID: z.number(),
      Type: z.string().nullable(),
      TypeCode: z.number(),
      Name: z.string().nullable(),
      Tag: z.string().nullable(),
      MessageID: z.string().nullable(),
      ServerID: z.number(),
      MessageStream: z.string().nullable(),
      Description: z.string().nullable(),
      Details: z.string().nullable(),
      Email: z.string().nullable(),
      From: z.string().nullable(),
      BouncedAt: z.string().nullable(),
      DumpAvailable: z.boolean(),
      Inactive: z.boolean(),
      CanActivate: z.boolean(),
      Subject: z.string().nullable(),
      Content: z.string().nullable(),
    }),
  }),
  invalidates: ["bounces", "suppressions", "stats"],
  notes:
    "No request body needed (clients send nothing or '{}'). Only bounces with CanActivate=true; otherwise 422 ErrorCode 1003. Reactivation is expected to lift the matching suppression and emit a SubscriptionChange event with SuppressSending=false (inferred from the suppression/subscription-change docs; not stated on this endpoint).",
});
