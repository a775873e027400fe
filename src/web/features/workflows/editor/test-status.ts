import type { RunDetail, StepStatus } from "@/contract/api/workflows";
import type { DryRunResult, DryRunStatus } from "@/contract/workflows";
import type { NodeRunStatus } from "./editor-store";

const dryTone: Record<DryRunStatus, NodeRunStatus["tone"]> = {
  "would-run": "ok",
  "needs-approval": "wait",
  error: "error",
  "condition-passed": "ok",
  "condition-failed": "skip",
  skipped: "skip",
};

/** Node statuses from a dry run: what each step would send, or why it cannot. */
export function dryRunStatus(result: DryRunResult): Record<string, NodeRunStatus> {
  const out: Record<string, NodeRunStatus> = {
    trigger: result.triggerMatched
      ? { status: "conditions pass", tone: "ok" }
      : { status: "conditions do not pass", tone: "skip", detail: "Steps are previewed anyway" },
  };
  for (const s of result.steps) {
    const req = s.request;
    const detail = s.problems[0]?.message ?? (req ? `${req.method} ${req.path}` : undefined);
    out[s.stepId] = { status: s.status.replace("-", " "), tone: dryTone[s.status], ...(detail ? { detail } : {}) };
  }
  return out;
}

const stepTone: Record<StepStatus, NodeRunStatus["tone"]> = {
  pending: "skip",
  in_flight: "wait",
  retrying: "wait",
  succeeded: "ok",
  partial: "error",
  failed: "error",
  waiting_approval: "wait",
  approved: "ok",
  rejected: "error",
  expired: "error",
  uncertain: "wait",
  condition_passed: "ok",
  condition_failed: "skip",
  skipped: "skip",
};

/** Node statuses from a real run: each step's outcome and Postmark's answer. */
export function realRunStatus(run: RunDetail): Record<string, NodeRunStatus> {
  const out: Record<string, NodeRunStatus> = {
    trigger: {
      status: `run #${run.id} ${run.status}`,
      tone: run.status === "succeeded" ? "ok" : run.status === "failed" ? "error" : "wait",
    },
  };
  for (const s of run.steps) {
    const detail = s.error
      ? `${s.error.errorCode != null ? `ErrorCode ${s.error.errorCode}: ` : ""}${s.error.message}`
      : s.responseStatus != null
        ? `HTTP ${s.responseStatus}`
        : undefined;
    out[s.stepId] = { status: s.status.replace("_", " "), tone: stepTone[s.status], ...(detail ? { detail } : {}) };
  }
  return out;
}
