import type { Transaction } from "kysely";
import type { WorkflowDocument } from "../../contract/workflows/index";
import type { Database } from "../store/schema";
import type { RunsRepo, StepRow } from "./runs-repo";

/** A step row of a run with everything unset but what is given. */
export function stepRow(
  runId: number,
  index: number,
  stepId: string,
  kind: string,
  status: string,
  x: Partial<StepRow> = {},
) {
  return {
    run_id: runId,
    step_index: index,
    step_id: stepId,
    kind,
    status,
    request: null,
    response: null,
    response_status: null,
    attempts: "[]",
    error: null,
    item_errors: null,
    started_at: null,
    finished_at: null,
    approval_id: null,
    ...x,
  };
}

/** The run fields of a run that ended: no one holds it any more. */
export const finished = (status: string, now: string) => ({
  status,
  finished_at: now,
  claimed_by: null,
  claimed_at: now,
});

/** Marks the steps after `from` skipped: the run ended before them. */
export async function skipRest(
  runs: RunsRepo,
  trx: Transaction<Database>,
  runId: number,
  doc: WorkflowDocument,
  from: number,
) {
  for (let j = from; j < doc.steps.length; j++)
    await runs.putStep(stepRow(runId, j, doc.steps[j]!.id, doc.steps[j]!.kind, "skipped"), trx);
}

export const json = (v: unknown) => (v === undefined ? null : JSON.stringify(v));
export const parseOr = <T>(text: string | null, fallback: T): T => (text === null ? fallback : (JSON.parse(text) as T));
