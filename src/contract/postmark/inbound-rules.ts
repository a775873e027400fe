import { z } from "zod";
import { operation } from "./operation";
import { idParam, pageCount, pageOffset } from "./shared";

export const inboundRulesCreate = operation({
  id: "inboundRules.create",
  area: "inbound-rules",
  title: "Create an inbound blocking rule",
  description: "Block inbound mail from an address or a domain.",
  method: "POST",
  path: "/triggers/inboundrules",
  token: "server",
  risk: "write",
  body: z.object({
    Rule: z.string(),
  }),
  response: z.looseObject({
    ID: z.number(),
    Rule: z.string().nullable(),
  }),
  invalidates: ["inbound-rules"],
  notes: "No body -> 809. postmark.js spells the path /triggers/inboundRules.",
});

export const inboundRulesDelete = operation({
  id: "inboundRules.delete",
  area: "inbound-rules",
  title: "Delete an inbound blocking rule",
  description: "Remove an inbound blocking rule.",
  method: "DELETE",
  path: "/triggers/inboundrules/{triggerid}",
  token: "server",
  risk: "destructive",
  params: z.object({ triggerid: idParam }),
  response: z.looseObject({
    ErrorCode: z.number(),
    Message: z.string().nullable(),
  }),
  invalidates: ["inbound-rules"],
  notes: "Unknown id -> 812; failure -> 811.",
});

export const inboundRulesList = operation({
  id: "inboundRules.list",
  area: "inbound-rules",
  title: "List inbound rule triggers",
  description: "Inbound blocking rules of the server.",
  method: "GET",
  path: "/triggers/inboundrules",
  token: "server",
  risk: "read",
  query: z.object({
    count: pageCount,
    offset: pageOffset,
  }),
  response: z.looseObject({
    TotalCount: z.number(),
    InboundRules: z.array(
      z.looseObject({
        ID: z.number(),
        Rule: z.string().nullable(),
      }),
    ),
  }),
  invalidates: [],
  notes: "count max 500 (800 otherwise).",
});
