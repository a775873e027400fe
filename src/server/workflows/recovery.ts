import type { Kysely } from "kysely";
import type { Attempt } from "../../contract/api/workflows";
import type { ApprovalQueue } from "../approvals/queue";
import type { Database } from "../store/schema";
import { parseOr } from "./run-rows";
import type { RunsRepo } from "./runs-repo";
import { readStepRequest } from "./step-request";
import type { DocFor } from "./workflow-docs";

/**
 * Takes over runs nobody is working on. A step left in flight may have reached Postmark, so it is
 * never re-sent: it goes to the approval queue marked uncertain. Other runs are queued again.
 * Every change is a compare-and-set of the runs repository on the lease as it was seen.
 */
export function createRecovery(o: {
  db: Kysely<Database>;
  runs: RunsRepo;
  docFor: DocFor;
  queue: ApprovalQueue;
  owner: string;
  now: () => string;
}) {
  return async function recover(claimedBefore: string | null): Promise<{ requeued: number; uncertain: number }> {
    const abandoned = await o.runs.abandoned(claimedBefore);
    let requeued = 0;
    let uncertain = 0;
    for (const run of abandoned) {
      const rows = await o.runs.steps(run.id);
      const inFlight = rows.find((r) => r.status === "in_flight");
      if (inFlight) {
        const doc = await o.docFor(run.version_id);
        const step = doc.steps[inFlight.step_index];
        const stored = inFlight.request;
        if (step?.kind !== "action" || !stored) continue;
        const attempts = parseOr<Attempt[]>(inFlight.attempts, []);
        const lastAttempt = attempts.at(-1);
        if (lastAttempt && lastAttempt.finishedAt === null)
          lastAttempt.error = "Mailroom stopped during this call; it may have run";
        await o.db.transaction().execute(async (trx) => {
          // Claim it for recovery with a conditional update, so two instances never both queue it.
          if (!(await o.runs.takeOver(run, o.owner, o.now(), trx))) return;
          await o.runs.updateStep(inFlight.id, { attempts: JSON.stringify(attempts) }, trx);
          await o.queue.park(
            run,
            inFlight.step_index,
            step,
            readStepRequest(stored),
            { uncertain: true, rowId: inFlight.id },
            trx,
          );
          uncertain++;
        });
      } else if (await o.runs.requeueAbandoned(run)) requeued++;
    }
    return { requeued, uncertain };
  };
}
