import type { Kysely, Transaction } from "kysely";
import type { Database, WorkflowsTable, WorkflowVersionsTable } from "../store/schema";

export type WorkflowRow = Omit<WorkflowsTable, "id"> & { id: number };
export type VersionRow = Omit<WorkflowVersionsTable, "id"> & { id: number };
export interface Author {
  id: number | null;
  username: string;
  /** The role the author has while saving; the version never acts with more. */
  role: string | null;
}

const wf = (r: Omit<WorkflowsTable, "id"> & { id: unknown }): WorkflowRow => ({ ...r, id: Number(r.id) });
const ver = (r: Omit<WorkflowVersionsTable, "id"> & { id: unknown }): VersionRow => ({ ...r, id: Number(r.id) });

/** Workflows and their versions. A save never changes an old version: runs pin them. */
export function createWorkflowsRepo(db: Kysely<Database>) {
  return {
    async create(input: {
      name: string;
      description: string;
      trigger: string;
      document: unknown;
      author: Author;
      now: string;
    }) {
      return db.transaction().execute(async (trx) => {
        const row = await trx
          .insertInto("workflows")
          .values({
            name: input.name,
            description: input.description,
            trigger: input.trigger,
            enabled: 0,
            current_version: 1,
            created_at: input.now,
            updated_at: input.now,
            deleted_at: null,
            disabled_reason: null,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        const id = Number(row.id);
        await trx
          .insertInto("workflow_versions")
          .values({
            workflow_id: id,
            version: 1,
            document: JSON.stringify(input.document),
            saved_by: input.author.id,
            saved_by_name: input.author.username,
            saved_by_role: input.author.role,
            saved_at: input.now,
          })
          .execute();
        return id;
      });
    },

    /** Saves a new version; an edit that breaks validation also disables the workflow (the caller decides). */
    async saveVersion(
      id: number,
      input: {
        name: string;
        description: string;
        trigger: string;
        document: unknown;
        author: Author;
        now: string;
        disable: boolean;
      },
    ) {
      return db.transaction().execute(async (trx) => {
        const cur = await trx
          .selectFrom("workflows")
          .select(["current_version"])
          .where("id", "=", id)
          .where("deleted_at", "is", null)
          .executeTakeFirst();
        if (!cur) return null;
        const version = Number(cur.current_version) + 1;
        await trx
          .insertInto("workflow_versions")
          .values({
            workflow_id: id,
            version,
            document: JSON.stringify(input.document),
            saved_by: input.author.id,
            saved_by_name: input.author.username,
            saved_by_role: input.author.role,
            saved_at: input.now,
          })
          .execute();
        await trx
          .updateTable("workflows")
          // A save by someone with the authority its steps need ends a disable for lack of it.
          .set({
            name: input.name,
            description: input.description,
            trigger: input.trigger,
            current_version: version,
            updated_at: input.now,
            disabled_reason: null,
            ...(input.disable ? { enabled: 0 } : {}),
          })
          .where("id", "=", id)
          .execute();
        return version;
      });
    },

    async get(id: number): Promise<WorkflowRow | null> {
      const r = await db
        .selectFrom("workflows")
        .selectAll()
        .where("id", "=", id)
        .where("deleted_at", "is", null)
        .executeTakeFirst();
      return r ? wf(r) : null;
    },

    async list(): Promise<WorkflowRow[]> {
      return (
        await db.selectFrom("workflows").selectAll().where("deleted_at", "is", null).orderBy("id", "asc").execute()
      ).map(wf);
    },

    async version(workflowId: number, version: number): Promise<VersionRow | null> {
      const r = await db
        .selectFrom("workflow_versions")
        .selectAll()
        .where("workflow_id", "=", workflowId)
        .where("version", "=", version)
        .executeTakeFirst();
      return r ? ver(r) : null;
    },

    /** Inside a transaction pass it as `q`: SQLite has one connection, and the transaction holds it. */
    async versionById(id: number, q: Kysely<Database> | Transaction<Database> = db): Promise<VersionRow | null> {
      const r = await q.selectFrom("workflow_versions").selectAll().where("id", "=", id).executeTakeFirst();
      return r ? ver(r) : null;
    },

    async versions(workflowId: number): Promise<VersionRow[]> {
      return (
        await db
          .selectFrom("workflow_versions")
          .selectAll()
          .where("workflow_id", "=", workflowId)
          .orderBy("version", "desc")
          .execute()
      ).map(ver);
    },

    /** Enabled workflows with their current version's id: what the engine matches events against. */
    async enabled(trigger?: string): Promise<{ workflowId: number; versionId: number; version: number }[]> {
      let q = db
        .selectFrom("workflows as w")
        .innerJoin("workflow_versions as v", (j) =>
          j.onRef("v.workflow_id", "=", "w.id").onRef("v.version", "=", "w.current_version"),
        )
        .select(["w.id as workflowId", "v.id as versionId", "v.version as version"])
        .where("w.enabled", "=", 1)
        .where("w.deleted_at", "is", null);
      if (trigger) q = q.where("w.trigger", "=", trigger);
      return (await q.execute()).map((r) => ({
        workflowId: Number(r.workflowId),
        versionId: Number(r.versionId),
        version: Number(r.version),
      }));
    },

    async setEnabled(id: number, enabled: boolean, now: string) {
      const r = await db
        .updateTable("workflows")
        .set({ enabled: enabled ? 1 : 0, updated_at: now, ...(enabled ? { disabled_reason: null } : {}) })
        .where("id", "=", id)
        .where("deleted_at", "is", null)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) > 0;
    },

    async remove(id: number, now: string) {
      const r = await db
        .updateTable("workflows")
        .set({ deleted_at: now, enabled: 0, updated_at: now })
        .where("id", "=", id)
        .where("deleted_at", "is", null)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) > 0;
    },
  };
}
export type WorkflowsRepo = ReturnType<typeof createWorkflowsRepo>;
