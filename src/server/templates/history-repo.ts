import type { Kysely, Selectable } from "kysely";
import type { StudioTemplate, VersionFull, VersionSource, VersionSummary } from "../../contract/api/template-studio";
import type { Database, TemplateVersionsTable } from "../store/schema";

type Row = Selectable<TemplateVersionsTable>;

const summary = (r: Row): VersionSummary => ({
  id: Number(r.id),
  serverId: Number(r.server_id),
  templateId: Number(r.template_id),
  hash: r.content_hash,
  source: r.source as VersionSource,
  actor: r.actor_name,
  at: r.at,
  name: r.name,
  alias: r.alias,
});

const full = (r: Row): VersionFull => ({
  ...summary(r),
  template: {
    TemplateId: Number(r.template_id),
    AssociatedServerId: Number(r.server_id),
    TemplateType: r.template_type === "Layout" ? "Layout" : "Standard",
    Name: r.name,
    Alias: r.alias,
    Subject: r.subject,
    HtmlBody: r.html_body,
    TextBody: r.text_body,
    LayoutTemplate: r.layout_template,
  },
});

/** Template versions: append-only; a version is filed only when its content differs from the latest. */
export function createTemplateHistoryRepo(db: Kysely<Database>) {
  const latest = (serverId: number, templateId: number) =>
    db
      .selectFrom("template_versions")
      .selectAll()
      .where("server_id", "=", serverId)
      .where("template_id", "=", templateId)
      .orderBy("id", "desc")
      .limit(1)
      .executeTakeFirst();

  return {
    /** Every template Mailroom has filed a version of (the periodic check looks at these again). */
    async known(): Promise<{ serverId: number; templateId: number }[]> {
      const rows = await db
        .selectFrom("template_versions")
        .select(["server_id", "template_id"])
        .distinct()
        .orderBy("server_id")
        .orderBy("template_id")
        .execute();
      return rows.map((r) => ({ serverId: Number(r.server_id), templateId: Number(r.template_id) }));
    },
    async latest(serverId: number, templateId: number): Promise<VersionFull | null> {
      const r = await latest(serverId, templateId);
      return r ? full(r) : null;
    },
    /** Files `t` unless the latest version already has this content; returns the version and whether it is new. */
    async record(
      t: StudioTemplate,
      hash: string,
      source: VersionSource,
      actor: { id: number | null; name: string },
      at: string,
    ): Promise<{ version: VersionSummary; added: boolean }> {
      // Inside a caller's transaction (the save lock's on PostgreSQL) file in it; otherwise in one of our own.
      const inTransaction = <R>(work: (trx: Kysely<Database>) => Promise<R>) =>
        db.isTransaction ? work(db) : db.transaction().execute(work);
      return inTransaction(async (trx) => {
        const last = await trx
          .selectFrom("template_versions")
          .selectAll()
          .where("server_id", "=", t.AssociatedServerId)
          .where("template_id", "=", t.TemplateId)
          .orderBy("id", "desc")
          .limit(1)
          .executeTakeFirst();
        if (last && last.content_hash === hash) return { version: summary(last), added: false };
        const row = await trx
          .insertInto("template_versions")
          .values({
            server_id: t.AssociatedServerId,
            template_id: t.TemplateId,
            template_type: t.TemplateType,
            name: t.Name,
            alias: t.Alias,
            subject: t.Subject,
            html_body: t.HtmlBody,
            text_body: t.TextBody,
            layout_template: t.LayoutTemplate,
            content_hash: hash,
            source,
            actor_id: actor.id,
            actor_name: actor.name,
            at,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        return { version: summary(row), added: true };
      });
    },
    async list(serverId: number, templateId: number, limit = 200): Promise<VersionSummary[]> {
      const rows = await db
        .selectFrom("template_versions")
        .selectAll()
        .where("server_id", "=", serverId)
        .where("template_id", "=", templateId)
        .orderBy("id", "desc")
        .limit(limit)
        .execute();
      return rows.map(summary);
    },
    async get(id: number): Promise<VersionFull | null> {
      const r = await db.selectFrom("template_versions").selectAll().where("id", "=", id).executeTakeFirst();
      return r ? full(r) : null;
    },
  };
}
export type TemplateHistoryRepo = ReturnType<typeof createTemplateHistoryRepo>;
