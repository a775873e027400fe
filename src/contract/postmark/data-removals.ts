import { z } from "zod";
import { operation } from "./operation";
import { idParam } from "./shared";

export const dataRemovalsCreate = operation({
  id: "dataRemovals.create",
  area: "data-removals",
  title: "Create a data removal request",
  description: "Ask Postmark to erase everything it holds about an address.",
  method: "POST",
  path: "/data-removals",
  token: "account",
  risk: "destructive",
  body: z.object({
    RequestedBy: z.string(),
    RequestedFor: z.string(),
    NotifyWhenCompleted: z.boolean().optional(),
  }),
  response: z.looseObject({
    ID: z.number(),
    Status: z.string().nullable(),
  }),
  invalidates: ["data-removals"],
  notes:
    "Feature is enabled on request by support (422 ErrorCode 1302 otherwise). Status: Pending | Done. Empty body -> 1300.",
  help: "Erases what Postmark holds about one address, across the account. It cannot be undone and runs in the background (Pending, then Done). The feature must be enabled for the account.",
});

export const dataRemovalsGet = operation({
  id: "dataRemovals.get",
  area: "data-removals",
  title: "Get data removal request status",
  description: "Status of a data removal request.",
  method: "GET",
  path: "/data-removals/{id}",
  token: "account",
  risk: "read",
  params: z.object({ id: idParam }),
  response: z.looseObject({
    ID: z.number(),
    Status: z.string().nullable(),
  }),
  invalidates: [],
  notes: "id is an integer. Missing/incorrect id -> 422 ErrorCode 1301.",
  help: "Whether a data removal request is still Pending or Done.",
});
