// Fans a live event out to the webhooks that asked for it: per-stream /webhooks rows, the legacy
// server hook URLs and InboundHookUrl. Delivery, retries and auth headers belong to the dispatcher.
import type { ServerStore } from "../world/server-store";
import type { WebhookConfig } from "../world/types";
import type { EventKind, EventSink } from "../world/world";

export interface DispatchTarget {
  url: string;
  httpAuth?: { Username: string; Password: string };
  httpHeaders?: { Name: string; Value: string }[];
}
export type DispatchPolicy = "inbound" | "outbound";
export interface Dispatcher {
  dispatch(
    target: DispatchTarget,
    payload: unknown,
    policy: DispatchPolicy,
  ): { traceId: string; done: Promise<unknown> };
}

/** RFC 2606 names (example.com, *.example, *.invalid…) never receive mail; seeded hooks point there. */
export function isReservedHost(url: string): boolean {
  try {
    const host = new URL(url).hostname.toLowerCase();
    return /(^|\.)example\.(com|org|net)$/.test(host) || /\.(example|invalid|test)$/.test(host);
  } catch {
    return true;
  }
}

function triggerEnabled(
  w: WebhookConfig,
  kind: EventKind,
  payload: Record<string, unknown>,
): { on: boolean; includeContent: boolean } {
  const t = w.Triggers;
  switch (kind) {
    case "Open":
      return { on: t.Open.Enabled && (!t.Open.PostFirstOpenOnly || payload.FirstOpen === true), includeContent: false };
    case "Click":
      return { on: t.Click.Enabled, includeContent: false };
    case "Delivery":
      return { on: t.Delivery.Enabled, includeContent: false };
    case "Bounce":
    case "SMTPApiError":
      return { on: t.Bounce.Enabled, includeContent: t.Bounce.IncludeContent };
    case "SpamComplaint":
      return { on: t.SpamComplaint.Enabled, includeContent: t.SpamComplaint.IncludeContent };
    case "SubscriptionChange":
      return { on: t.SubscriptionChange.Enabled, includeContent: false };
    default:
      return { on: false, includeContent: false };
  }
}

const legacyHook: Partial<Record<EventKind, "BounceHookUrl" | "OpenHookUrl" | "DeliveryHookUrl" | "ClickHookUrl">> = {
  Bounce: "BounceHookUrl",
  SpamComplaint: "BounceHookUrl",
  SMTPApiError: "BounceHookUrl",
  Open: "OpenHookUrl",
  Delivery: "DeliveryHookUrl",
  Click: "ClickHookUrl",
};

export function createEventSink(dispatcher: Dispatcher, log?: (line: string) => void): EventSink {
  const send = (target: DispatchTarget, payload: unknown, kind: EventKind) => {
    if (isReservedHost(target.url)) return;
    const policy: DispatchPolicy =
      kind === "Inbound" || kind === "Bounce" || kind === "SpamComplaint" || kind === "SMTPApiError"
        ? "inbound"
        : "outbound";
    const { done } = dispatcher.dispatch(target, payload, policy);
    done.catch((e: unknown) => log?.(`webhook to ${target.url} failed: ${String(e)}`));
  };
  return {
    emit(store: ServerStore, kind: EventKind, stream: string, payload: Record<string, unknown>) {
      if (kind === "Inbound") {
        if (store.config.InboundHookUrl) send({ url: store.config.InboundHookUrl }, payload, kind);
        return;
      }
      for (const w of store.webhooks.values()) {
        if (w.MessageStream !== stream) continue;
        const { on, includeContent } = triggerEnabled(w, kind, payload);
        if (!on) continue;
        const body =
          includeContent || !("Content" in payload)
            ? payload
            : Object.fromEntries(Object.entries(payload).filter(([k]) => k !== "Content"));
        send({ url: w.Url, httpAuth: w.HttpAuth, httpHeaders: w.HttpHeaders }, body, kind);
      }
      const legacy = legacyHook[kind];
      const url = legacy ? store.config[legacy] : "";
      if (url && stream === "outbound") {
        const open = kind === "Open" && store.config.PostFirstOpenOnly && payload.FirstOpen !== true;
        if (!open)
          send(
            { url },
            store.config.IncludeBounceContentInHook || !("Content" in payload)
              ? payload
              : { ...payload, Content: undefined },
            kind,
          );
      }
    },
  };
}
