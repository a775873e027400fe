import { z } from "zod";
import { operation } from "./operation";
import { webhook, webhookSettings } from "./entities";
import { idParam } from "./shared";

export const webhooksCreate = operation({
  id: "webhooks.create",
  area: "webhooks",
  title: "Create a webhook configuration",
  description: "Send chosen events of a stream to a URL.",
  method: "POST",
  path: "/webhooks",
  token: "server",
  risk: "write",
  body: z.object({
    Url: z.string(),
    MessageStream: z.string().optional(),
    ...webhookSettings.omit({ Url: true }).shape,
  }),
  response: webhook,
  invalidates: ["webhooks"],
  notes:
    "Returns the created webhook. Newer docs (2026) add a read-only Status (verified|unverified) field, a Verify flag (default true: Postmark test-posts each enabled trigger and rejects with 422/1364 if any fails) and extra endpoints /webhooks/{id}/verify and /webhooks/{id}/statistics \u2014 not in any SDK, unconfirmed. Max webhooks per stream -> 1359.",
});

export const webhooksDelete = operation({
  id: "webhooks.delete",
  area: "webhooks",
  title: "Delete a webhook configuration",
  description: "Stop sending events to a webhook URL.",
  method: "DELETE",
  path: "/webhooks/{webhookid}",
  token: "server",
  risk: "destructive",
  params: z.object({ webhookid: idParam }),
  response: z.looseObject({
    ErrorCode: z.number(),
    Message: z.string().nullable(),
  }),
  invalidates: ["webhooks"],
  notes: "Unknown id -> 1352.",
});

export const webhooksGet = operation({
  id: "webhooks.get",
  area: "webhooks",
  title: "Get webhook configuration details",
  description: "One webhook's URL, auth, headers and triggers.",
  method: "GET",
  path: "/webhooks/{webhookid}",
  token: "server",
  risk: "read",
  params: z.object({ webhookid: idParam }),
  response: webhook,
  invalidates: [],
  notes: "HttpAuth/HttpHeaders may be absent when not configured.",
});

export const webhooksList = operation({
  id: "webhooks.list",
  area: "webhooks",
  title: "List webhook configurations",
  description: "Webhooks of the server, optionally for one stream.",
  method: "GET",
  path: "/webhooks",
  token: "server",
  risk: "read",
  query: z.object({
    MessageStream: z.string().optional(),
  }),
  response: z.looseObject({
    Webhooks: z.array(webhook),
  }),
  invalidates: [],
  notes: "No paging and no TotalCount. postmark.js sends messageStream (camelCase).",
});

export const webhooksUpdate = operation({
  id: "webhooks.update",
  area: "webhooks",
  title: "Update a webhook configuration",
  description: "Change a webhook's URL, auth, headers or triggers.",
  method: "PUT",
  path: "/webhooks/{webhookid}",
  token: "server",
  risk: "write",
  params: z.object({ webhookid: idParam }),
  body: webhookSettings,
  response: webhook,
  invalidates: ["webhooks"],
  notes: "MessageStream and ID cannot be changed (1357). A partial Triggers object only changes the listed triggers.",
});
