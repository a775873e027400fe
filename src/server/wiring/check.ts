import type { TriggerWiring } from "../../contract/api/events";
import {
  triggerIds,
  webhookTriggerAllowed,
  type TriggerId,
  type WebhookTriggerSwitch,
} from "../../contract/postmark/triggers";
import { SECRET_HEADER } from "../events/credentials";
import type { PostmarkState, WebhookRow } from "./postmark-state";
import { parseHookUrl } from "./urls";

export interface Creds {
  username: string;
  password: string;
}

/** The /webhooks Triggers switch for each outbound trigger (smtp-api-error rides Bounce). */
export const postmarkTrigger: Record<Exclude<TriggerId, "inbound">, WebhookTriggerSwitch> = {
  bounce: "Bounce",
  "smtp-api-error": "Bounce",
  "spam-complaint": "SpamComplaint",
  click: "Click",
  open: "Open",
  delivery: "Delivery",
  "subscription-change": "SubscriptionChange",
};

const legacyField: Partial<Record<TriggerId, "BounceHookUrl" | "OpenHookUrl" | "DeliveryHookUrl" | "ClickHookUrl">> = {
  bounce: "BounceHookUrl",
  "smtp-api-error": "BounceHookUrl",
  open: "OpenHookUrl",
  delivery: "DeliveryHookUrl",
  click: "ClickHookUrl",
};

export type HookVerdict = "ok" | "not-ours" | "wrong-credentials" | "wrong-server";

/** Whether a webhook row delivers to Mailroom, for this server, with working credentials. */
export function judgeWebhook(
  w: Pick<WebhookRow, "Url" | "HttpAuth" | "HttpHeaders">,
  serverId: number,
  publicUrl: string,
  creds: Creds,
): HookVerdict {
  const t = parseHookUrl(w.Url, publicUrl);
  if (!t.ours) return "not-ours";
  if (t.serverId !== null && t.serverId !== serverId) return "wrong-server";
  // Postmark sends HttpAuth in preference to URL credentials.
  const auth =
    w.HttpAuth?.Username || w.HttpAuth?.Password
      ? { u: w.HttpAuth.Username ?? "", p: w.HttpAuth.Password ?? "" }
      : t.username !== null
        ? { u: t.username, p: t.password ?? "" }
        : null;
  const header = w.HttpHeaders?.find((h) => h.Name?.toLowerCase() === SECRET_HEADER.toLowerCase());
  if (header && header.Value === creds.password) return "ok";
  if (auth && auth.u === creds.username && auth.p === creds.password) return "ok";
  return "wrong-credentials";
}

const verdictText: Record<Exclude<HookVerdict, "ok" | "not-ours">, string> = {
  "wrong-credentials": "points to Mailroom with wrong or missing credentials",
  "wrong-server": "points to Mailroom but names another server",
};

/** For each of the 8 triggers: does it reach Mailroom, on which streams, and what is wrong. */
export function checkWiring(state: PostmarkState, publicUrl: string, creds: Creds): TriggerWiring[] {
  const sid = state.serverId;
  return triggerIds.map((trigger): TriggerWiring => {
    const problems: string[] = [];
    if (trigger === "inbound") {
      const url = state.server.InboundHookUrl ?? "";
      const v = judgeWebhook({ Url: url }, sid, publicUrl, creds);
      if (v === "not-ours")
        problems.push(url ? "The server's InboundHookUrl points elsewhere." : "The server has no InboundHookUrl.");
      else if (v !== "ok") problems.push(`The server's InboundHookUrl ${verdictText[v]}.`);
      return {
        trigger,
        reaches: v === "ok",
        streams: v === "ok" ? ["inbound"] : [],
        missingStreams: v === "ok" ? [] : ["inbound"],
        problems,
      };
    }
    const key = postmarkTrigger[trigger];
    const streams: string[] = [];
    const missing: string[] = [];
    for (const st of state.streams) {
      // A trigger Postmark does not post for this stream type is neither reached nor missing there.
      if (!webhookTriggerAllowed(st.MessageStreamType, key)) continue;
      let reaches = false;
      for (const w of state.webhooks[st.ID] ?? []) {
        const v = judgeWebhook(w, sid, publicUrl, creds);
        if (v === "not-ours") continue;
        if (v !== "ok") {
          problems.push(`Webhook ${w.ID} on stream "${st.ID}" ${verdictText[v]}.`);
          continue;
        }
        if (w.Triggers[key]?.Enabled) reaches = true;
      }
      const legacy = legacyField[trigger];
      if (
        !reaches &&
        legacy &&
        st.ID === "outbound" &&
        judgeWebhook({ Url: state.server[legacy] ?? "" }, sid, publicUrl, creds) === "ok"
      )
        reaches = true;
      (reaches ? streams : missing).push(st.ID);
    }
    if (trigger === "smtp-api-error" && !state.server.EnableSmtpApiErrorHooks) {
      problems.push("EnableSmtpApiErrorHooks is off on the server.");
      return {
        trigger,
        reaches: false,
        streams: [],
        missingStreams: state.streams
          .filter((st) => webhookTriggerAllowed(st.MessageStreamType, key))
          .map((st) => st.ID),
        problems,
      };
    }
    return { trigger, reaches: streams.length > 0, streams, missingStreams: missing, problems: [...new Set(problems)] };
  });
}
