import crypto from "node:crypto";
import type { z } from "zod";
import type {
  createRequest,
  observeRequest,
  saveRequest,
  StudioState,
  StudioTemplate,
  TemplateContent,
  VersionSource,
} from "../../contract/api/template-studio";
import type { Clock } from "../clock";
import { ApiFailure } from "../errors";
import type { Actor, ExecuteById, ExecuteResult } from "../proxy/execute";
import type { Services } from "../services";
import { createTemplateHistoryRepo } from "./history-repo";
import { createSaveLock, type SaveLockOptions } from "./save-lock";

/** Postmark answered with an error: the route hands it back unchanged so ErrorCode and Message reach the user. */
export class PostmarkAnswer extends Error {
  constructor(readonly result: ExecuteResult) {
    super(`Postmark answered ${result.status}`);
  }
}

/** The content hash a save's conflict check compares: every field a save could change, plus the type. */
export function contentHash(t: Pick<StudioTemplate, "TemplateType" | keyof TemplateContent>): string {
  const fields = [t.TemplateType, t.Name, t.Alias, t.Subject, t.HtmlBody, t.TextBody, t.LayoutTemplate];
  return crypto.createHash("sha256").update(JSON.stringify(fields)).digest("hex");
}

function toStudio(raw: Record<string, unknown>): StudioTemplate {
  const str = (k: string) => (typeof raw[k] === "string" ? (raw[k] as string) : "");
  const opt = (k: string) => (typeof raw[k] === "string" && raw[k] !== "" ? (raw[k] as string) : null);
  if (typeof raw.TemplateId !== "number" || typeof raw.AssociatedServerId !== "number")
    throw new ApiFailure(
      502,
      "upstream_unreachable",
      "Postmark's template answer lacked TemplateId or AssociatedServerId.",
    );
  return {
    TemplateId: raw.TemplateId,
    AssociatedServerId: raw.AssociatedServerId,
    TemplateType: raw.TemplateType === "Layout" ? "Layout" : "Standard",
    Name: str("Name"),
    Alias: opt("Alias"),
    Subject: str("Subject"),
    HtmlBody: str("HtmlBody"),
    TextBody: str("TextBody"),
    LayoutTemplate: opt("LayoutTemplate"),
  };
}

interface Who {
  user: Actor;
  requestId?: string;
}

/** Opening, saving and creating templates with every version filed in Mailroom's store. */
export function createTemplateStudio(
  s: Pick<Services, "execute" | "store"> & { config?: Pick<Services["config"], "databasePoolSize"> },
  clock: Clock,
  opts: { saveLock?: SaveLockOptions } = {},
) {
  const history = createTemplateHistoryRepo(s.store.db);
  // Half the pool at most for save locks: the rest serves their Postmark calls and every other request.
  const maxHolders = Math.max(1, Math.floor((s.config?.databasePoolSize ?? 10) / 2));
  const withSaveLock = createSaveLock(s.store.db, s.store.dialect, { maxHolders, ...opts.saveLock });
  const now = () => new Date(clock()).toISOString();
  const actorOf = (w: Who) => ({ id: w.user.id ?? null, name: w.user.username });

  async function call(w: Who, serverId: number | null, input: Omit<ExecuteById, "user" | "serverId" | "requestId">) {
    const result = await s.execute({ ...input, user: w.user, serverId, requestId: w.requestId });
    if (result.status >= 400) throw new PostmarkAnswer(result);
    return JSON.parse(result.body) as Record<string, unknown>;
  }

  async function fetchCurrent(w: Who, serverId: number | null, idOrAlias: string): Promise<StudioTemplate> {
    return toStudio(
      await call(w, serverId, { operationId: "templates.get", params: { templateIdOrAlias: idOrAlias } }),
    );
  }

  async function file(t: StudioTemplate, source: VersionSource, w: Who, repo = history): Promise<StudioState> {
    const hash = contentHash(t);
    const { version, added } = await repo.record(t, hash, source, actorOf(w), now());
    return { template: t, hash, versionId: version.id, changed: added };
  }

  return {
    history,
    /** Reads the template from Postmark and files it when Mailroom has not seen this content. */
    async observe(w: Who, req: z.infer<typeof observeRequest>): Promise<StudioState> {
      return file(await fetchCurrent(w, req.serverId, req.templateIdOrAlias), req.source, w);
    },

    /**
     * Saves only when Postmark still has the version the edit started from; otherwise files theirs and
     * answers 409 with it, so the editor can show base, theirs and mine. Nothing is overwritten unseen.
     * Saves of one template run one at a time (on every instance), so two cannot both pass the check:
     * the later one reads what the earlier one wrote and gets the 409. Postmark's template ids are unique
     * across an account's servers, so the id alone names the template whichever way the server is given.
     */
    async save(w: Who, req: z.infer<typeof saveRequest>): Promise<StudioState> {
      const outcome = await withSaveLock(`template-save:${req.templateId}`, async (db) => {
        const repo = createTemplateHistoryRepo(db);
        const current = await fetchCurrent(w, req.serverId, String(req.templateId));
        if (contentHash(current) !== req.baseHash) return { theirs: await file(current, "seen", w, repo) };
        const c = req.content;
        const layout = current.TemplateType === "Layout";
        await call(w, req.serverId, {
          operationId: "templates.update",
          params: { templateIdOrAlias: String(req.templateId) },
          body: {
            Name: c.Name,
            Alias: c.Alias,
            HtmlBody: c.HtmlBody,
            TextBody: c.TextBody,
            ...(layout ? {} : { Subject: c.Subject, LayoutTemplate: c.LayoutTemplate }),
          },
        });
        // Read back what Postmark stored (it may normalise), and file that.
        return { saved: await file(await fetchCurrent(w, req.serverId, String(req.templateId)), req.source, w, repo) };
      });
      // Answered outside the lock, so theirs stays filed (on PostgreSQL the lock's transaction commits first).
      if ("theirs" in outcome)
        throw new ApiFailure(
          409,
          "conflict",
          "The template changed on Postmark since you opened it. Compare the versions and choose what to keep.",
          { theirs: outcome.theirs },
        );
      return outcome.saved;
    },

    async create(w: Who, req: z.infer<typeof createRequest>): Promise<StudioState> {
      const c = req.content;
      const layout = req.TemplateType === "Layout";
      const created = await call(w, req.serverId, {
        operationId: "templates.create",
        body: {
          Name: c.Name,
          ...(c.Alias ? { Alias: c.Alias } : {}),
          HtmlBody: c.HtmlBody,
          TextBody: c.TextBody,
          TemplateType: req.TemplateType,
          ...(layout ? {} : { Subject: c.Subject, ...(c.LayoutTemplate ? { LayoutTemplate: c.LayoutTemplate } : {}) }),
        },
      });
      if (typeof created.TemplateId !== "number")
        throw new ApiFailure(502, "upstream_unreachable", "Postmark's answer to the create lacked a TemplateId.");
      return file(await fetchCurrent(w, req.serverId, String(created.TemplateId)), req.source, w);
    },
  };
}
export type TemplateStudio = ReturnType<typeof createTemplateStudio>;
