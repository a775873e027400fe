import { Hono } from "hono";
import type { Role } from "../../contract/api/auth";
import {
  deletePushSubscriptionRequest,
  notificationPreferences,
  savePushSubscriptionRequest,
  type NotificationPreferencesResponse,
  type PushSubscriptionResponse,
  type VapidPublicKeyResponse,
} from "../../contract/api/notifications";
import { ApiFailure } from "../errors";
import { EndpointRefused } from "./endpoint-guard";
import { readJson } from "../http/read-body";
import type { AppEnv } from "../http/types";
import type { Services } from "../services";

/** /api/push/*: the VAPID public key and this browser's subscription; behind requireSession. */
export function pushRoutes(s: Services) {
  const app = new Hono<AppEnv>();
  const { subscriptions } = s.notifier;
  const iso = () => new Date(s.clock()).toISOString();

  app.get("/vapid-public-key", async (c) => {
    if (s.config.push.disabled) return c.json({ enabled: false, publicKey: null } satisfies VapidPublicKeyResponse);
    return c.json({ enabled: true, publicKey: (await s.vapid.get()).publicKey } satisfies VapidPublicKeyResponse);
  });

  app.post("/subscriptions", async (c) => {
    const body = await readJson(c, s.config.maxApiBodyBytes, savePushSubscriptionRequest);
    // Mailroom POSTs to whatever endpoint is saved: only https push services on public addresses.
    await s.notifier.checkEndpoint(body.endpoint).catch((e: unknown) => {
      if (e instanceof EndpointRefused)
        throw new ApiFailure(
          400,
          "validation_failed",
          `Mailroom does not send notifications to this endpoint: ${e.message}`,
        );
      throw e;
    });
    const { user } = c.get("session");
    if (!(await subscriptions.save(user.id, body, c.req.header("user-agent")?.slice(0, 300) ?? null, iso()))) {
      throw new ApiFailure(
        409,
        "conflict",
        "This push endpoint belongs to another Mailroom user. Unsubscribe in the browser and subscribe again to get an endpoint of your own.",
      );
    }
    await s.store.audit.record(
      {
        actor: { id: user.id, username: user.username },
        action: "push.subscribe",
        target: `user:${user.username}`,
        requestId: c.get("requestId"),
        details: { pushService: new URL(body.endpoint).origin },
      },
      iso(),
    );
    return c.json(
      { ok: true as const, subscriptions: await subscriptions.count(user.id) } satisfies PushSubscriptionResponse,
      201,
    );
  });

  app.delete("/subscriptions", async (c) => {
    const body = await readJson(c, s.config.maxApiBodyBytes, deletePushSubscriptionRequest);
    const { user } = c.get("session");
    const removed = await subscriptions.remove(user.id, body.endpoint);
    if (removed)
      await s.store.audit.record(
        {
          actor: { id: user.id, username: user.username },
          action: "push.unsubscribe",
          target: `user:${user.username}`,
          requestId: c.get("requestId"),
          details: { pushService: new URL(body.endpoint).origin },
        },
        iso(),
      );
    return c.json({
      ok: true as const,
      subscriptions: await subscriptions.count(user.id),
    } satisfies PushSubscriptionResponse);
  });
  return app;
}

/** /api/notifications/preferences: what the signed-in user wants to be told; behind requireSession. */
export function notificationsRoutes(s: Services) {
  const app = new Hono<AppEnv>();
  const { preferences, subscriptions } = s.notifier;
  const answer = async (id: number, role: Role): Promise<NotificationPreferencesResponse> => ({
    preferences: await preferences.get(id, role),
    subscriptions: await subscriptions.count(id),
    pushEnabled: !s.config.push.disabled,
  });

  app.get("/preferences", async (c) => {
    const { user } = c.get("session");
    return c.json(await answer(user.id, user.role));
  });
  app.put("/preferences", async (c) => {
    const body = await readJson(c, s.config.maxApiBodyBytes, notificationPreferences.strict());
    const { user } = c.get("session");
    await preferences.set(user.id, body, new Date(s.clock()).toISOString());
    return c.json(await answer(user.id, user.role));
  });
  return app;
}
