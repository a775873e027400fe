// The sandbox: a local Postmark with a seeded account, simulated delivery and real webhooks.
import { serve } from "@hono/node-server";
import type { AddressInfo } from "node:net";
import type { Hono } from "hono";
import { createEventSink } from "./events/sink";
import { createApp } from "./http/app";
import { parseSimulation, Simulator, type SimulationSettings } from "./http/simulate";
import { createRuntime, type Sandbox } from "./runtime";
import { seedWorld } from "./seed";
import { startTraffic, stopTraffic } from "./simulation/traffic";
import { createWebhookDispatcher } from "./webhooks-out";
import type { World } from "./world/world";
import type { TriggerId } from "../contract/postmark/trigger-ids";

export interface SandboxOptions {
  seed?: string;
  accountToken?: string;
  /** Simulated sends and inbound mail per wall-clock minute; 0 turns traffic off. */
  eventsPerMinute?: number;
  /** How much faster than real time simulated delivery, engagement and webhook retries run. */
  timeScale?: number;
  /** Outbound messages of seeded history across all servers. */
  historyMessages?: number;
  /** Pins the seeding clock (tests); the live clock still runs. */
  now?: number;
  log?: (line: string) => void;
  fetch?: typeof fetch;
  /** Delivery, engagement, bulk and traffic run only when advance() is called: tests wait on events, not time. */
  manualTime?: boolean;
  /** Failure simulation (429/413), as SANDBOX_SIMULATE text or settings; see http/simulate.ts. */
  simulate?: string | SimulationSettings;
  /** false: live sends never bounce by chance (bounce-testing addresses, headers and overrides still do). Default true. */
  randomBounces?: boolean;
}

export interface SandboxInstance {
  app: Hono;
  world: World;
  runtime: Sandbox;
  simulator: Simulator;
  /** With `manualTime`: moves world time on by `worldMs`, runs what falls due and waits for the webhooks it sent. */
  advance(worldMs: number): Promise<void>;
  close(): void;
}

export function createSandbox(options: SandboxOptions = {}): SandboxInstance {
  const world = seedWorld({
    seed: options.seed ?? "mailroom",
    accountToken: options.accountToken ?? "sandbox-account-token",
    historyMessages: options.historyMessages,
    now: options.now,
  });
  const timeScale = options.timeScale ?? 1;
  const dispatcher = createWebhookDispatcher({ timeScale: 1 / timeScale, fetch: options.fetch });
  const log = options.log;
  world.sink = createEventSink(dispatcher, log);
  const runtime = createRuntime(world, {
    timeScale,
    manualTime: options.manualTime,
    randomBounces: options.randomBounces,
    log,
    postInboundHook: (store, payload) =>
      dispatcher.dispatch({ url: store.config.InboundHookUrl }, payload, "inbound").done.then((r) => r.delivered),
  });
  startTraffic(runtime, options.eventsPerMinute ?? 0);
  const simulator = new Simulator(
    typeof options.simulate === "object" ? options.simulate : parseSimulation(options.simulate),
  );
  return {
    app: createApp(runtime, simulator),
    world,
    runtime,
    simulator,
    async advance(worldMs) {
      runtime.scheduler.advance(worldMs);
      await dispatcher.idle();
      // Let the promise chains that settle on a delivery's result (inbound status) run first.
      await new Promise((resolve) => setImmediate(resolve));
    },
    close() {
      stopTraffic(runtime);
      runtime.scheduler.close();
      dispatcher.close();
    },
  };
}

/** Sandbox event kinds by trigger (the sink fans them out like Postmark does). */
const sinkKind = {
  bounce: "Bounce",
  "smtp-api-error": "SMTPApiError",
  "spam-complaint": "SpamComplaint",
  click: "Click",
  open: "Open",
  delivery: "Delivery",
  "subscription-change": "SubscriptionChange",
  inbound: "Inbound",
} as const satisfies Record<TriggerId, string>;

export interface StartOptions extends SandboxOptions {
  /** 0 picks any free port. */
  port?: number;
  host?: string;
}

export interface RunningSandbox {
  url: string;
  accountToken: string;
  servers: { id: number; name: string; apiToken: string }[];
  world: World;
  /**
   * Posts a test event of `trigger` for a server through the sandbox's own webhook machinery
   * (fan-out to the stream's webhooks, auth, trace id, retries), as Postmark would. False when the
   * server is unknown.
   */
  emitTestEvent(serverId: number, trigger: TriggerId, payload: Record<string, unknown>): boolean;
  advance: SandboxInstance["advance"];
  close(): Promise<void>;
}

export async function startSandbox(options: StartOptions = {}): Promise<RunningSandbox> {
  const sandbox = createSandbox({ eventsPerMinute: 30, ...options });
  const host = options.host ?? "127.0.0.1";
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: sandbox.app.fetch, port: options.port ?? 8788, hostname: host }, () => resolve(s));
    s.once("error", reject);
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${host}:${port}`;
  options.log?.(`Postmark sandbox listening on ${url}`);
  return {
    url,
    accountToken: sandbox.world.accountToken,
    servers: [...sandbox.world.servers.values()].map((s) => ({
      id: s.id,
      name: s.config.Name,
      apiToken: s.config.ApiTokens[0]!,
    })),
    world: sandbox.world,
    emitTestEvent(serverId, trigger, payload) {
      const store = sandbox.world.servers.get(serverId);
      if (!store || !sandbox.world.sink) return false;
      const stream = typeof payload.MessageStream === "string" ? payload.MessageStream : "outbound";
      sandbox.world.sink.emit(store, sinkKind[trigger], stream, payload);
      return true;
    },
    advance: sandbox.advance,
    close: () =>
      new Promise<void>((resolve) => {
        sandbox.close();
        server.close(() => resolve());
        (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      }),
  };
}

export type { World };
export type { SimulationSettings };
