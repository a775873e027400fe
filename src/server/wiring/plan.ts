import type { WiringChange } from "../../contract/api/events";
import type { OperationId } from "../../contract/postmark/index";
import {
  webhookTriggerAllowed,
  webhookTriggerSwitches,
  type WebhookTriggerSwitch,
} from "../../contract/postmark/triggers";
import { judgeWebhook, type Creds } from "./check";
import type { PostmarkState } from "./postmark-state";
import { inboundHookUrl, MASK, maskUrl, parseHookUrl, serverHookUrl } from "./urls";

/** A change with its real body; `change.body` is the masked copy shown to people. */
export interface PlannedCall {
  change: WiringChange;
  operationId: OperationId;
  params?: Record<string, unknown>;
  body?: Record<string, unknown>;
}

/** Every trigger the stream type carries switched on (broadcast streams take no bounce or spam hooks). */
function triggersFor(streamType: string): Record<string, Record<string, boolean>> {
  const all: Record<WebhookTriggerSwitch, Record<string, boolean>> = {
    Open: { Enabled: true, PostFirstOpenOnly: false },
    Click: { Enabled: true },
    Delivery: { Enabled: true },
    Bounce: { Enabled: true, IncludeContent: false },
    SpamComplaint: { Enabled: true, IncludeContent: false },
    SubscriptionChange: { Enabled: true },
  };
  return Object.fromEntries(
    webhookTriggerSwitches.map((k) => [k, { ...all[k], Enabled: webhookTriggerAllowed(streamType, k) }]),
  );
}

function masked(body: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...body };
  if (out.HttpAuth) out.HttpAuth = { ...(out.HttpAuth as object), Password: MASK };
  if (typeof out.InboundHookUrl === "string") out.InboundHookUrl = maskUrl(out.InboundHookUrl);
  return out;
}

/**
 * The Postmark calls that make all 8 triggers reach Mailroom for one server: one webhook per
 * (non-inbound) stream with every trigger on and HttpAuth credentials; the server's
 * InboundHookUrl with URL credentials; EnableSmtpApiErrorHooks. Extra Mailroom webhooks on a
 * stream would store each event twice (each has its own trace id), so they are removed.
 */
export function planWiring(state: PostmarkState, publicUrl: string, creds: Creds): PlannedCall[] {
  const sid = state.serverId;
  const url = serverHookUrl(publicUrl, sid);
  const calls: PlannedCall[] = [];
  const add = (
    operationId: OperationId,
    method: string,
    path: string,
    reason: string,
    body?: Record<string, unknown>,
    params?: Record<string, unknown>,
  ) =>
    calls.push({
      operationId,
      params,
      body,
      change: { serverId: sid, operationId, method, path, body: body ? masked(body) : null, reason },
    });

  for (const st of state.streams) {
    const wanted = triggersFor(st.MessageStreamType);
    const ours = (state.webhooks[st.ID] ?? []).filter((w) => parseHookUrl(w.Url, publicUrl).ours);
    const keep = ours.find((w) => judgeWebhook(w, sid, publicUrl, creds) === "ok") ?? ours[0];
    const auth = { Username: creds.username, Password: creds.password };
    if (!keep) {
      add("webhooks.create", "POST", "/webhooks", `Stream "${st.ID}" has no webhook to Mailroom.`, {
        Url: url,
        MessageStream: st.ID,
        HttpAuth: auth,
        Triggers: wanted,
      });
    } else {
      const complete = webhookTriggerSwitches.every((k) => !wanted[k]?.Enabled || keep.Triggers[k]?.Enabled);
      const ok =
        judgeWebhook(keep, sid, publicUrl, creds) === "ok" && parseHookUrl(keep.Url, publicUrl).serverId === sid;
      if (!complete || !ok) {
        const why = !ok ? "its URL or credentials are out of date" : "some triggers are off";
        add(
          "webhooks.update",
          "PUT",
          `/webhooks/${keep.ID}`,
          `Webhook ${keep.ID} on stream "${st.ID}": ${why}.`,
          { Url: url, HttpAuth: auth, Triggers: wanted },
          { webhookid: keep.ID },
        );
      }
    }
    for (const extra of ours.filter((w) => w !== keep)) {
      add(
        "webhooks.delete",
        "DELETE",
        `/webhooks/${extra.ID}`,
        `Webhook ${extra.ID} is a second Mailroom webhook on stream "${st.ID}"; it would store every event twice.`,
        undefined,
        { webhookid: extra.ID },
      );
    }
  }

  const server: Record<string, unknown> = {};
  const reasons: string[] = [];
  if (
    judgeWebhook({ Url: state.server.InboundHookUrl ?? "" }, sid, publicUrl, creds) !== "ok" ||
    parseHookUrl(state.server.InboundHookUrl, publicUrl).serverId !== sid
  ) {
    server.InboundHookUrl = inboundHookUrl(publicUrl, sid, creds);
    reasons.push(
      state.server.InboundHookUrl
        ? `InboundHookUrl is replaced (it was ${maskUrl(state.server.InboundHookUrl)})`
        : "InboundHookUrl is set",
    );
  }
  if (!state.server.EnableSmtpApiErrorHooks) {
    server.EnableSmtpApiErrorHooks = true;
    reasons.push("SMTP API errors are switched on (they ride the bounce webhook)");
  }
  if (reasons.length) {
    const reason = `${reasons.join("; ")}.`;
    if (state.viaAccount) add("servers.update", "PUT", `/servers/${sid}`, reason, server, { serverid: sid });
    else add("server.update", "PUT", "/server", reason, server);
  }
  return calls;
}
