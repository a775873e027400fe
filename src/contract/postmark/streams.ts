import { z } from "zod";
import { operation } from "./operation";
import { streamIdParam, queryBoolean } from "./shared";

export const streamsArchive = operation({
  id: "streams.archive",
  area: "streams",
  title: "Archive a message stream",
  description: "Archive a stream; it stops sending and can be restored for 45 days.",
  method: "POST",
  path: "/message-streams/{streamId}/archive",
  token: "server",
  risk: "destructive",
  params: z.object({ streamId: streamIdParam }),
  response: z.looseObject({
    ID: z.string().nullable(),
    ServerID: z.number(),
    ExpectedPurgeDate: z.string().nullable(),
  }),
  invalidates: ["streams"],
  notes:
    "POST with empty body. Stream is purged 45 days after archiving unless unarchived. Default transactional and inbound streams cannot be archived (1229); 1241 'unable to be archived at this time'. postmark.js types ID as a number; docs show the string stream ID.",
});

export const streamsCreate = operation({
  id: "streams.create",
  area: "streams",
  title: "Create a message stream",
  description: "Create a transactional, broadcast or inbound stream.",
  method: "POST",
  path: "/message-streams",
  token: "server",
  risk: "write",
  body: z.object({
    ID: z.string(),
    Name: z.string(),
    MessageStreamType: z.string(),
    Description: z.string().optional(),
    SubscriptionManagementConfiguration: z
      .object({
        UnsubscribeHandlingType: z.string().optional(),
      })
      .optional(),
  }),
  response: z.looseObject({
    ID: z.string().nullable(),
    ServerID: z.number(),
    Name: z.string().nullable(),
    Description: z.string().nullable(),
    MessageStreamType: z.string().nullable(),
    CreatedAt: z.string().nullable(),
    UpdatedAt: z.unknown(),
    ArchivedAt: z.unknown(),
    ExpectedPurgeDate: z.unknown(),
    SubscriptionManagementConfiguration: z.looseObject({
      UnsubscribeHandlingType: z.string().nullable(),
    }),
  }),
  invalidates: ["streams"],
  notes: "Max 10 streams per server including defaults (1225); one inbound stream only.",
});

export const streamsGet = operation({
  id: "streams.get",
  area: "streams",
  title: "Get a message stream",
  description: "One stream with its type and unsubscribe handling.",
  method: "GET",
  path: "/message-streams/{streamId}",
  token: "server",
  risk: "read",
  params: z.object({ streamId: streamIdParam }),
  response: z.looseObject({
    ID: z.string().nullable(),
    ServerID: z.number(),
    Name: z.string().nullable(),
    Description: z.string().nullable(),
    MessageStreamType: z.string().nullable(),
    CreatedAt: z.string().nullable(),
    UpdatedAt: z.string().nullable(),
    ArchivedAt: z.unknown(),
    ExpectedPurgeDate: z.unknown(),
    SubscriptionManagementConfiguration: z.looseObject({
      UnsubscribeHandlingType: z.string().nullable(),
    }),
  }),
  invalidates: [],
  notes: "Unknown ID -> 422 ErrorCode 1226.",
});

export const streamsList = operation({
  id: "streams.list",
  area: "streams",
  title: "List message streams",
  description: "Streams of the server, optionally with archived ones.",
  method: "GET",
  path: "/message-streams",
  token: "server",
  risk: "read",
  query: z.object({
    MessageStreamType: z.string().optional(),
    IncludeArchivedStreams: queryBoolean.optional(),
  }),
  response: z.looseObject({
    MessageStreams: z.array(
      z.looseObject({
        ID: z.string().nullable(),
        ServerID: z.number(),
        Name: z.string().nullable(),
        Description: z.string().nullable(),
        MessageStreamType: z.string().nullable(),
        CreatedAt: z.string().nullable(),
        UpdatedAt: z.string().nullable(),
        ArchivedAt: z.unknown(),
        ExpectedPurgeDate: z.unknown(),
        SubscriptionManagementConfiguration: z.looseObject({
          UnsubscribeHandlingType: z.string().nullable(),
        }),
      }),
    ),
    TotalCount: z.number(),
  }),
  invalidates: [],
  notes:
    "No paging. New servers come with 'outbound' (Transactional), 'inbound' (Inbound) and a default Broadcasts stream (id 'broadcast' per live SDK tests; unconfirmed in docs). postmark.js sends messageStreamType/includeArchivedStreams (camelCase) -> query names are matched case-insensitively.",
});

export const streamsUnarchive = operation({
  id: "streams.unarchive",
  area: "streams",
  title: "Restore an archived message stream",
  description: "Restore an archived stream.",
  method: "POST",
  path: "/message-streams/{streamId}/unarchive",
  token: "server",
  risk: "write",
  params: z.object({ streamId: streamIdParam }),
  response: z.looseObject({
    ID: z.string().nullable(),
    ServerID: z.number(),
    Name: z.string().nullable(),
    Description: z.string().nullable(),
    MessageStreamType: z.string().nullable(),
    CreatedAt: z.string().nullable(),
    UpdatedAt: z.string().nullable(),
    ArchivedAt: z.unknown(),
    ExpectedPurgeDate: z.unknown(),
    SubscriptionManagementConfiguration: z.looseObject({
      UnsubscribeHandlingType: z.string().nullable(),
    }),
  }),
  invalidates: ["streams"],
  notes: "POST with empty body. Returns the stream with ArchivedAt null. After the purge date -> 1232.",
});

export const streamsUpdate = operation({
  id: "streams.update",
  area: "streams",
  title: "Update a message stream",
  description: "Rename a stream or change its description or unsubscribe handling.",
  method: "PATCH",
  path: "/message-streams/{streamId}",
  token: "server",
  risk: "write",
  params: z.object({ streamId: streamIdParam }),
  body: z.object({
    Name: z.string().optional(),
    Description: z.string().optional(),
    SubscriptionManagementConfiguration: z
      .object({
        UnsubscribeHandlingType: z.string().optional(),
      })
      .optional(),
  }),
  response: z.looseObject({
    ID: z.string().nullable(),
    ServerID: z.number(),
    Name: z.string().nullable(),
    Description: z.string().nullable(),
    MessageStreamType: z.string().nullable(),
    CreatedAt: z.string().nullable(),
    UpdatedAt: z.string().nullable(),
    ArchivedAt: z.unknown(),
    ExpectedPurgeDate: z.unknown(),
    SubscriptionManagementConfiguration: z.looseObject({
      UnsubscribeHandlingType: z.string().nullable(),
    }),
  }),
  invalidates: ["streams"],
  notes: "Method is PATCH (not PUT). ID and MessageStreamType cannot change.",
});
