// Live machinery shared by handlers and simulated traffic: delivery scheduling and inbound posting.
import { planOutcomes } from "./simulation/outcomes";
import { Scheduler } from "./simulation/scheduler";
import { Rng } from "./util/rng";
import { inboundPayload } from "./world/present";
import type { ServerStore } from "./world/server-store";
import type { InboundMessage, OutboundMessage } from "./world/types";
import type { World } from "./world/world";

export interface Sandbox {
  world: World;
  scheduler: Scheduler;
  /** Live randomness, seeded too, so a replayed session behaves alike. */
  rng: Rng;
  /** Moves a stored message through queued → sent → delivery/bounce → opens/clicks. */
  deliver(store: ServerStore, m: OutboundMessage): void;
  /** Posts an inbound message to the server's InboundHookUrl and settles its status. */
  postInbound(store: ServerStore, m: InboundMessage): void;
  log(line: string): void;
}

export interface RuntimeOptions {
  timeScale: number;
  /** Nothing runs by itself; scheduler.advance() moves world time (deterministic tests). */
  manualTime?: boolean;
  /** false: no chance bounces on live sends (see SandboxOptions.randomBounces). */
  randomBounces?: boolean;
  log?: (line: string) => void;
  /** Sends the inbound hook; resolves true on a 2xx, false when the hook failed for good. */
  postInboundHook?: (store: ServerStore, payload: Record<string, unknown>) => Promise<boolean> | null;
}

export function createRuntime(world: World, options: RuntimeOptions): Sandbox {
  const scheduler = new Scheduler(options.timeScale, options.manualTime ?? false);
  const rng = new Rng(`${world.seed}:live`);
  const log = options.log ?? (() => {});
  return {
    world,
    scheduler,
    rng,
    log,
    deliver(store, m) {
      scheduler.after(rng.int(150, 400), () => {
        m.status = "Sent";
      });
      for (const step of planOutcomes(world, store, m, rng, true, options.randomBounces ?? true)) {
        scheduler.after(step.delay, () => {
          if (world.servers.get(store.id) === store) step.apply(world.now());
        });
      }
    },
    postInbound(store, m) {
      const pending = store.config.InboundHookUrl ? options.postInboundHook?.(store, inboundPayload(m)) : null;
      if (!pending) {
        if (m.status !== "Blocked") m.status = "Processed";
        return;
      }
      m.status = "Queued";
      pending.then(
        (ok) => {
          m.status = ok ? "Processed" : "Failed";
        },
        () => {
          m.status = "Failed";
        },
      );
    },
  };
}
