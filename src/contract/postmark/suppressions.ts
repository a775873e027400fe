import { z } from "zod";
import { operation } from "./operation";
import { streamIdParam } from "./shared";

export const suppressionsCreate = operation({
  id: "suppressions.create",
  area: "suppressions",
  title: "Add addresses to suppression list",
  description: "Suppress up to 50 addresses on a stream.",
  method: "POST",
  path: "/message-streams/{streamId}/suppressions",
  token: "server",
  risk: "write",
  params: z.object({ streamId: streamIdParam }),
  body: z.object({
    Suppressions: z.array(
      z.object({
        EmailAddress: z.string(),
      }),
    ),
  }),
  response: z.looseObject({
    Suppressions: z.array(
      z.looseObject({
        EmailAddress: z.string().nullable(),
        Status: z.string().nullable(),
        Message: z.string().nullable(),
      }),
    ),
  }),
  invalidates: ["suppressions"],
  notes:
    "HTTP 200 with per-item results (Status Suppressed | Failed), same order as the request. New rows get SuppressionReason ManualSuppression, Origin Customer. Unknown stream -> 1226. Changes may take a moment to appear in the dump.",
  help: "Up to 50 addresses per call; they stop receiving mail on this stream until reactivated.",
});

export const suppressionsDump = operation({
  id: "suppressions.dump",
  area: "suppressions",
  title: "List suppressed email addresses",
  description: "Suppressed addresses of a stream with reason and origin.",
  method: "GET",
  path: "/message-streams/{streamId}/suppressions/dump",
  token: "server",
  risk: "read",
  params: z.object({ streamId: streamIdParam }),
  query: z.object({
    SuppressionReason: z.string().optional(),
    Origin: z.string().optional(),
    fromdate: z.string().optional(),
    todate: z.string().optional(),
    EmailAddress: z.string().optional(),
  }),
  response: z.looseObject({
    Suppressions: z.array(
      z.looseObject({
        EmailAddress: z.string().nullable(),
        SuppressionReason: z.string().nullable(),
        Origin: z.string().nullable(),
        CreatedAt: z.string().nullable(),
      }),
    ),
  }),
  invalidates: [],
  notes:
    "Not paged; no TotalCount. postmark.js sends camelCase filter names (suppressionReason, emailAddress) -> names matched case-insensitively. A recipient unsubscribe is stored as ManualSuppression with Origin Recipient.",
});

export const suppressionsDelete = operation({
  id: "suppressions.delete",
  area: "suppressions",
  title: "Remove addresses from suppression list",
  description: "Lift suppressions for up to 50 addresses on a stream.",
  method: "POST",
  path: "/message-streams/{streamId}/suppressions/delete",
  token: "server",
  risk: "write",
  params: z.object({ streamId: streamIdParam }),
  body: z.object({
    Suppressions: z.array(
      z.object({
        EmailAddress: z.string(),
      }),
    ),
  }),
  response: z.looseObject({
    Suppressions: z.array(
      z.looseObject({
        EmailAddress: z.string().nullable(),
        Status: z.string().nullable(),
        Message: z.string().nullable(),
      }),
    ),
  }),
  invalidates: ["suppressions", "bounces"],
  notes:
    "POST to .../suppressions/delete (not DELETE). SpamComplaint suppressions cannot be removed (Failed). Removing a HardBounce suppression reactivates the address. Address not on the list still reports Deleted.",
  help: "Up to 50 addresses per call. Hard bounces and spam complaints cannot always be reactivated.",
});
