import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StudioState, TemplateContent } from "../../contract/api/template-studio";
import { startSandbox, type RunningSandbox } from "../../sandbox/index";
import { loadConfig } from "../config";
import { ApiFailure } from "../errors";
import { createMemoryLogger } from "../logger";
import type { Execute } from "../proxy/execute";
import { createServices, type Services } from "../services";
import { openStore, type Store } from "../store/index";
import { pgTestStore, pgUrl, sqliteTestStore, type TestStore } from "../test-support/databases";
import { testClock } from "../test-support/harness";
import { until } from "../test-support/workflow-harness";
import { createTemplateStudio } from "./studio";

const admin = { username: "admin", role: "admin" as const };
const who = (requestId: string) => ({ user: admin, requestId });
const content = (t: StudioState["template"], Subject: string): TemplateContent => ({
  Name: t.Name,
  Alias: t.Alias,
  Subject,
  HtmlBody: t.HtmlBody,
  TextBody: t.TextBody,
  LayoutTemplate: t.LayoutTemplate,
});

/**
 * Postmark calls as the studio makes them, logged by request id; the first template write is held until
 * `release`, so a test can start a second save while the first is between its check and its write.
 */
function gatedExecute(execute: Execute) {
  const log: string[] = [];
  let held = false;
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  const wrapped: Execute = async (input) => {
    const op = "operationId" in input ? input.operationId : `${input.method} ${input.path}`;
    log.push(`${input.requestId} ${op}`);
    if (op === "templates.update" && !held) {
      held = true;
      await gate;
    }
    return execute(input);
  };
  return { execute: wrapped, log, isHeld: () => held, release };
}

function servicesOn(store: Store, sb: RunningSandbox, dir: string): Services {
  return createServices({
    config: loadConfig({ DATA_DIR: dir, MAILROOM_SECRET: "test-secret-0123456789" }),
    store,
    logger: createMemoryLogger(),
    clock: testClock(),
    sandbox: async () => ({ url: sb.url, accountToken: sb.accountToken }),
    version: "test",
  });
}

function suite(name: string, open: () => Promise<TestStore>) {
  describe(`studio saves of one template on ${name}`, () => {
    let sb: RunningSandbox;
    let t: TestStore;
    let dir: string;
    let services: Services;
    let serverId: number;

    beforeAll(async () => {
      sb = await startSandbox({ port: 0, eventsPerMinute: 0, historyMessages: 0 });
      t = await open();
      dir = fs.mkdtempSync(path.join(os.tmpdir(), "mailroom-save-lock-"));
      services = servicesOn(t.store, sb, dir);
      serverId = sb.servers[0]!.id;
    });
    afterAll(async () => {
      await t?.cleanup();
      await sb?.close();
      fs.rmSync(dir, { recursive: true, force: true });
    });

    /**
     * Two users save from the same base at once. The second must wait for the first (Postmark sees nothing
     * from it meanwhile), then read what the first wrote and get the 409 with it: nothing overwritten unseen.
     */
    async function race(instances: 1 | 2, alias: string) {
      const gated = gatedExecute(services.execute);
      const waits: string[] = [];
      const onWait = (key: string) => void waits.push(key);
      const deps = { store: t.store, execute: gated.execute };
      const first = createTemplateStudio(deps, testClock(), { saveLock: { onWait } });
      const second = instances === 1 ? first : createTemplateStudio(deps, testClock(), { saveLock: { onWait } });

      const created = await first.create(who("setup"), {
        serverId,
        TemplateType: "Standard",
        source: "created",
        content: {
          Name: alias,
          Alias: alias,
          Subject: "Base",
          HtmlBody: "<p>x</p>",
          TextBody: "x",
          LayoutTemplate: null,
        },
      });
      const base = created.template;
      const a = first.save(who("A"), {
        serverId,
        templateId: base.TemplateId,
        baseHash: created.hash,
        content: content(base, "From A"),
        source: "saved",
      });
      await until(async () => gated.isHeld());
      const b = second
        .save(who("B"), {
          serverId,
          templateId: base.TemplateId,
          baseHash: created.hash,
          content: content(base, "From B"),
          source: "saved",
        })
        .then(
          (state) => ({ state, error: null }),
          (error: unknown) => ({ state: null, error }),
        );
      // Either B waits for A (right) or B reads Postmark while A is between check and write (the race).
      await until(async () => waits.length > 0 || gated.log.some((l) => l.startsWith("B ")));
      expect(gated.log.filter((l) => l.startsWith("B "))).toEqual([]);
      expect(waits).toEqual([`template-save:${base.TemplateId}`]);
      gated.release();

      expect((await a).template.Subject).toBe("From A");
      const lost = await b;
      expect(lost.error).toBeInstanceOf(ApiFailure);
      const failure = lost.error as ApiFailure;
      expect(failure.status).toBe(409);
      expect(failure.code).toBe("conflict");
      expect((failure.details as { theirs: StudioState }).theirs.template.Subject).toBe("From A");
      // B read only after A's write had finished, and never wrote.
      expect(gated.log.filter((l) => l.startsWith("B "))).toEqual(["B templates.get"]);
      expect(gated.log.indexOf("B templates.get")).toBeGreaterThan(gated.log.lastIndexOf("A templates.get"));
      const now = await first.observe(who("check"), { serverId, templateIdOrAlias: alias, source: "seen" });
      expect(now.template.Subject).toBe("From A");
      expect((await first.history.list(serverId, base.TemplateId)).map((v) => v.source)).toEqual(["saved", "created"]);
    }

    it("lets one of two simultaneous saves through and answers the other with the 409 conflict", async () => {
      await race(1, `race-one-${name.toLowerCase()}`);
    });

    it.skipIf(name !== "PostgreSQL")("holds across instances sharing the database (advisory lock)", async () => {
      await race(2, `race-two-${name.toLowerCase()}`);
    });

    it("lets saves of different templates run side by side, and a failed save frees the lock", async () => {
      const studio = createTemplateStudio({ store: t.store, execute: services.execute }, testClock(), {
        saveLock: { onWait: (key) => expect.fail(`no save should wait, but one waited for ${key}`) },
      });
      const make = (alias: string) =>
        studio.create(who("setup"), {
          serverId,
          TemplateType: "Standard",
          source: "created",
          content: {
            Name: alias,
            Alias: alias,
            Subject: "s",
            HtmlBody: "<p>x</p>",
            TextBody: "x",
            LayoutTemplate: null,
          },
        });
      const [x, y] = await Promise.all([make(`side-x-${name.toLowerCase()}`), make(`side-y-${name.toLowerCase()}`)]);
      const save = (s: StudioState, over: Partial<TemplateContent>) =>
        studio.save(who("s"), {
          serverId,
          templateId: s.template.TemplateId,
          baseHash: s.hash,
          content: { ...content(s.template, "changed"), ...over },
          source: "saved",
        });
      const [sx, sy] = await Promise.all([save(x!, {}), save(y!, {})]);
      expect([sx.template.Subject, sy.template.Subject]).toEqual(["changed", "changed"]);
      // Postmark refuses (no such layout): the lock is let go, and the next save of it goes through.
      await expect(save(sx, { LayoutTemplate: "no-such-layout" })).rejects.toThrow();
      expect((await save(sx, { Subject: "again" })).template.Subject).toBe("again");
    });
  });
}

suite("SQLite", sqliteTestStore);
describe.skipIf(!pgUrl)("PostgreSQL (needs TEST_DATABASE_URL)", () => {
  suite("PostgreSQL", () => pgTestStore(pgUrl!));

  it("keeps a small pool working when more saves of different templates run at once than it has connections", async () => {
    const sb = await startSandbox({ port: 0, eventsPerMinute: 0, historyMessages: 0 });
    const t = await pgTestStore(pgUrl!);
    const small = await openStore({ kind: "postgres", url: pgUrl!, schema: t.schema, poolSize: 2 });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mailroom-save-pool-"));
    try {
      const services = servicesOn(small, sb, dir);
      const studio = createTemplateStudio(
        { store: small, execute: services.execute, config: { databasePoolSize: 2 } },
        testClock(),
      );
      const serverId = sb.servers[0]!.id;
      const made: StudioState[] = [];
      for (const n of [1, 2, 3, 4])
        made.push(
          await studio.create(who("setup"), {
            serverId,
            TemplateType: "Standard",
            source: "created",
            content: {
              Name: `p${n}`,
              Alias: `pool-${n}`,
              Subject: "s",
              HtmlBody: "<p>x</p>",
              TextBody: "x",
              LayoutTemplate: null,
            },
          }),
        );
      // Each save holds a connection for its lock and needs another for its Postmark write's audit record.
      const saved = await Promise.all(
        made.map((m) =>
          studio.save(who("burst"), {
            serverId,
            templateId: m.template.TemplateId,
            baseHash: m.hash,
            content: content(m.template, `burst ${m.template.Name}`),
            source: "saved",
          }),
        ),
      );
      expect(saved.map((s) => s.template.Subject)).toEqual(["burst p1", "burst p2", "burst p3", "burst p4"]);
    } finally {
      await small.close();
      await t.cleanup();
      await sb.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
