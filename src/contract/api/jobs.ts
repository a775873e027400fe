import { z } from "zod";

/** Server-side jobs: bulk actions and exports, with progress that outlives the page. */
export const jobKinds = ["reactivation-plan", "reactivation", "suppression-removal", "export"] as const;
export type JobKind = (typeof jobKinds)[number];
export const jobStatuses = ["queued", "running", "cancelling", "cancelled", "succeeded", "failed"] as const;
export type JobStatus = (typeof jobStatuses)[number];
export const finishedStatuses: readonly JobStatus[] = ["cancelled", "succeeded", "failed"];
export const itemStatuses = ["pending", "succeeded", "failed", "skipped"] as const;
export type ItemStatus = (typeof itemStatuses)[number];

const serverId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER).nullable();
const text = (max: number) => z.string().trim().min(1).max(max);
/** Postmark's date filter form (US Eastern wall-clock time). */
const postmarkDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?)?$/, "Use YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS");

/** The Bounces page's filter, in Postmark's query names. */
export const bounceFilter = z.strictObject({
  type: text(40).optional(),
  inactive: z.enum(["true", "false"]).optional(),
  emailFilter: text(200).optional(),
  tag: text(200).optional(),
  messagestream: text(100).optional(),
  fromdate: postmarkDate.optional(),
  todate: postmarkDate.optional(),
});
export type BounceFilter = z.infer<typeof bounceFilter>;

export const MAX_HAND_PICKED = 500;
export const reactivationPlanParams = z.strictObject({
  serverId,
  selection: z.discriminatedUnion("by", [
    z.strictObject({ by: z.literal("filter"), filter: bounceFilter }),
    z.strictObject({
      by: z.literal("ids"),
      bounceIds: z
        .array(z.number().int().positive())
        .min(1, "Pick at least one bounce")
        .max(MAX_HAND_PICKED, `At most ${MAX_HAND_PICKED} bounces at once`),
    }),
  ]),
});
export type ReactivationPlanParams = z.infer<typeof reactivationPlanParams>;

/** A run carries out a finished dry run: the plan's reactivatable addresses become its items. */
export const reactivationParams = z.strictObject({ planJobId: z.number().int().positive() });

export const MAX_BULK_ADDRESSES = 5_000;
export const suppressionRemovalParams = z.strictObject({
  serverId,
  stream: text(100),
  addresses: z
    .array(text(320))
    .min(1, "Give at least one address")
    .max(MAX_BULK_ADDRESSES, `At most ${MAX_BULK_ADDRESSES.toLocaleString("en")} addresses at once`),
});

export const exportSources = ["outbound", "inbound", "bounces", "suppressions", "opens", "clicks"] as const;
export type ExportSource = (typeof exportSources)[number];
/** Query filters passed to Postmark's search as given (names and values are Postmark's). */
export const exportParams = z.strictObject({
  serverId,
  source: z.enum(exportSources),
  filter: z
    .record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_.-]{0,63}$/, "Not a query parameter name"), z.string().max(500))
    .refine((f) => Object.keys(f).length <= 30, "Too many filters"),
});
export type ExportParams = z.infer<typeof exportParams>;

export const createJobRequest = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("reactivation-plan"), params: reactivationPlanParams }),
  z.strictObject({ kind: z.literal("reactivation"), params: reactivationParams }),
  z.strictObject({ kind: z.literal("suppression-removal"), params: suppressionRemovalParams }),
  z.strictObject({ kind: z.literal("export"), params: exportParams }),
]);
export type CreateJobRequest = z.infer<typeof createJobRequest>;

export const jobSummary = z.object({
  id: z.number(),
  kind: z.enum(jobKinds),
  title: z.string(),
  serverId: z.number().nullable(),
  status: z.enum(jobStatuses),
  total: z.number().nullable(),
  processed: z.number(),
  succeeded: z.number(),
  failed: z.number(),
  skipped: z.number(),
  result: z.record(z.string(), z.unknown()).nullable(),
  error: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  updatedAt: z.string(),
  cancelRequestedBy: z.string().nullable(),
  params: z.record(z.string(), z.unknown()),
  /** A download URL when the job wrote a file. */
  download: z.string().nullable(),
});
export type JobSummary = z.infer<typeof jobSummary>;

export const jobItem = z.object({
  seq: z.number(),
  key: z.string(),
  status: z.enum(itemStatuses),
  verdict: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()).nullable(),
  updatedAt: z.string(),
});
export type JobItem = z.infer<typeof jobItem>;

export const jobsQuery = z.object({
  kind: z.enum(jobKinds).optional(),
  serverId: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export const jobsResponse = z.object({ jobs: z.array(jobSummary) });
export type JobsResponse = z.infer<typeof jobsResponse>;

export const jobItemsQuery = z.object({
  status: z.enum(itemStatuses).optional(),
  verdict: z.string().max(40).optional(),
  after: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export const jobDetailResponse = z.object({
  job: jobSummary,
  items: z.array(jobItem),
  /** Item counts by verdict (dry runs) and by status. */
  verdicts: z.record(z.string(), z.number()),
  nextAfter: z.number().nullable(),
});
export type JobDetailResponse = z.infer<typeof jobDetailResponse>;

/** Verdicts of a reactivation dry run, with the words the page shows. */
export const reactivationVerdicts = {
  reactivatable: "Can be reactivated",
  "spam-complaint": "Spam complaint: Postmark never reactivates these",
  "cannot-activate": "Postmark does not allow reactivating this one",
  active: "Already active",
  unknown: "Unknown to Postmark",
} as const;
export type ReactivationVerdict = keyof typeof reactivationVerdicts;
