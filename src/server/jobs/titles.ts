import type { CreateJobRequest } from "../../contract/api/jobs";

const sourceNames = {
  outbound: "outbound messages",
  inbound: "inbound messages",
  bounces: "bounces",
  suppressions: "suppressions",
  opens: "opens",
  clicks: "clicks",
} as const;

function describeFilter(f: Record<string, string | undefined>): string {
  const parts = Object.entries(f)
    .filter(([, v]) => v !== undefined && v !== "")
    .map(([k, v]) => `${k} ${v}`);
  return parts.length ? ` (${parts.join(", ").slice(0, 160)})` : "";
}

/** A job's name on its page and in lists, said the way a person would. */
export function jobTitle(req: CreateJobRequest, items: number): string {
  switch (req.kind) {
    case "reactivation-plan":
      return req.params.selection.by === "ids"
        ? `Dry run: reactivate ${req.params.selection.bounceIds.length} selected bounce${req.params.selection.bounceIds.length === 1 ? "" : "s"}`
        : `Dry run: reactivate bounces${describeFilter(req.params.selection.filter)}`;
    case "reactivation":
      return `Reactivate ${items} address${items === 1 ? "" : "es"} (dry run ${req.params.planJobId})`;
    case "suppression-removal":
      return `Remove ${req.params.addresses.length} suppression${req.params.addresses.length === 1 ? "" : "s"} from ${req.params.stream}`;
    case "export":
      return `Export ${sourceNames[req.params.source]}${describeFilter(req.params.filter)}`;
  }
}
