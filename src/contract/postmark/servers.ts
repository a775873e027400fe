import { z } from "zod";
import { operation } from "./operation";
import { newServer, server, serverSettings } from "./entities";
import { idParam, pageCount, pageOffset } from "./shared";

export const serverGet = operation({
  id: "server.get",
  area: "servers",
  title: "Get current server configuration",
  description: "Settings of the server the token belongs to.",
  method: "GET",
  path: "/server",
  token: "server",
  risk: "read",
  response: server,
  invalidates: [],
  notes: "Server identified by the token. DeliveryType: Live | Sandbox.",
});

export const serverUpdate = operation({
  id: "server.update",
  area: "servers",
  title: "Update server configuration",
  description: "Change the current server's settings, hooks and tracking.",
  method: "PUT",
  path: "/server",
  token: "server",
  risk: "write",
  body: serverSettings,
  response: server,
  invalidates: ["servers"],
  notes:
    "Partial update; returns the full server. ID, ApiTokens, ServerLink, InboundAddress, InboundHash, DeliveryType are read-only. No data -> 609.",
  help: "Only the settings you change are updated; everything else stays as it is.",
});

export const serversCreate = operation({
  id: "servers.create",
  area: "servers",
  title: "Create a new server",
  description: "Create a server with its own tokens and streams.",
  method: "POST",
  path: "/servers",
  token: "account",
  risk: "write",
  body: newServer,
  response: server,
  invalidates: ["servers"],
  notes: "Returns the new server with a fresh ApiTokens entry. Entitlement limits -> 614.",
});

export const serversDelete = operation({
  id: "servers.delete",
  area: "servers",
  title: "Delete a server",
  description: "Delete a server and all of its messages and settings.",
  method: "DELETE",
  path: "/servers/{serverid}",
  token: "account",
  risk: "destructive",
  params: z.object({ serverid: idParam }),
  response: z.looseObject({
    ErrorCode: z.number(),
    Message: z.string().nullable(),
  }),
  invalidates: ["servers"],
  notes: "Deleting servers via API must be enabled by support (604); failure 605.",
  help: "Deletes the server with its messages, streams, templates and tokens; apps sending with its token stop working. Deleting servers through the API must be enabled for the account.",
});

export const serversGet = operation({
  id: "servers.get",
  area: "servers",
  title: "Get a server by ID",
  description: "One server's settings and tokens.",
  method: "GET",
  path: "/servers/{serverid}",
  token: "account",
  risk: "read",
  params: z.object({ serverid: idParam }),
  response: server,
  invalidates: [],
  notes: "Same object as GET /server.",
});

export const serversList = operation({
  id: "servers.list",
  area: "servers",
  title: "List all servers in the account",
  description: "Servers of the account, optionally filtered by name.",
  method: "GET",
  path: "/servers",
  token: "account",
  risk: "read",
  query: z.object({
    count: pageCount,
    offset: pageOffset,
    name: z.string().optional(),
  }),
  response: z.looseObject({
    TotalCount: z.number(),
    Servers: z.array(server),
  }),
  invalidates: [],
  notes: "count max 500 (600 otherwise).",
});

export const serversUpdate = operation({
  id: "servers.update",
  area: "servers",
  title: "Update a server by ID",
  description: "Change a server's settings, hooks and tracking.",
  method: "PUT",
  path: "/servers/{serverid}",
  token: "account",
  risk: "write",
  params: z.object({ serverid: idParam }),
  body: serverSettings,
  response: server,
  invalidates: ["servers"],
  notes: "Same fields as PUT /server (DeliveryType not editable). EnableSmtpApiErrorHooks can only be set via API.",
});
