import { approvalStatuses } from "@/contract/api/statuses";
import { oneOf, searchSchema } from "@/web/lib/search-params";

/** The tab of the queue, in the URL so "the expired ones" can be shared; the item page keeps it to know its neighbours. */
export const approvalsSearch = searchSchema({ status: oneOf(approvalStatuses, "pending") });
export type ApprovalsSearch = ReturnType<typeof approvalsSearch.parse>;
