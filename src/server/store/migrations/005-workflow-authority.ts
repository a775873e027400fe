import { sql } from "kysely";
import type { Migration } from "./types";

/**
 * Workflows act with their author's authority: a version remembers the role its author had when
 * saving it; a workflow disabled because its author lost that authority says why; an approval
 * item edited by an approver keeps the request the workflow produced beside the edited one.
 */
export const migration005: Migration = {
  version: 5,
  name: "workflow authority: saved-by role, disabled reason, original request of edited approvals",
  async up(db) {
    await sql`alter table workflow_versions add column saved_by_role text`.execute(db);
    await sql`alter table workflows add column disabled_reason text`.execute(db);
    await sql`alter table approvals add column original_request text`.execute(db);
  },
};
