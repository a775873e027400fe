import { webhooksCreate, webhooksUpdate } from "@/contract/postmark/webhooks";
import { fieldErrors } from "@/web/lib/form-errors";

export const triggerNames = ["Open", "Click", "Delivery", "Bounce", "SpamComplaint", "SubscriptionChange"] as const;
export type TriggerName = (typeof triggerNames)[number];

export const triggerLabel: Record<TriggerName, string> = {
  Open: "Open",
  Click: "Click",
  Delivery: "Delivery",
  Bounce: "Bounce",
  SpamComplaint: "Spam complaint",
  SubscriptionChange: "Subscription change",
};

export interface Webhook {
  ID: number;
  Url: string | null;
  MessageStream: string | null;
  HttpAuth?: { Username: string | null; Password: string | null } | null;
  HttpHeaders?: { Name: string | null; Value: string | null }[] | null;
  Triggers: {
    Open: { Enabled: boolean; PostFirstOpenOnly: boolean };
    Click: { Enabled: boolean };
    Delivery: { Enabled: boolean };
    Bounce: { Enabled: boolean; IncludeContent: boolean };
    SpamComplaint: { Enabled: boolean; IncludeContent: boolean };
    SubscriptionChange: { Enabled: boolean };
  };
}

export interface WebhookForm {
  Url: string;
  MessageStream: string;
  Username: string;
  Password: string;
  Headers: { Name: string; Value: string }[];
  enabled: Record<TriggerName, boolean>;
  PostFirstOpenOnly: boolean;
  BounceIncludeContent: boolean;
  SpamIncludeContent: boolean;
}

export function enabledTriggers(w: Pick<Webhook, "Triggers">): TriggerName[] {
  return triggerNames.filter((t) => w.Triggers[t]?.Enabled);
}

/** Triggers Postmark refuses on a stream type: broadcasts take no Bounce/SpamComplaint (1353); inbound takes no webhooks at all (1351). */
export function unsupportedTriggers(streamType: string | null | undefined): TriggerName[] {
  if (streamType === "Broadcasts") return ["Bounce", "SpamComplaint"];
  if (streamType === "Inbound") return [...triggerNames];
  return [];
}

export function formFor(w?: Webhook, stream = "outbound"): WebhookForm {
  return {
    Url: w?.Url ?? "",
    MessageStream: w?.MessageStream ?? stream,
    Username: w?.HttpAuth?.Username ?? "",
    Password: w?.HttpAuth?.Password ?? "",
    Headers: (w?.HttpHeaders ?? []).map((h) => ({ Name: h.Name ?? "", Value: h.Value ?? "" })),
    enabled: Object.fromEntries(
      triggerNames.map((t) => [t, w ? Boolean(w.Triggers[t]?.Enabled) : t === "Delivery" || t === "Bounce"]),
    ) as Record<TriggerName, boolean>,
    PostFirstOpenOnly: w?.Triggers.Open.PostFirstOpenOnly ?? false,
    BounceIncludeContent: w?.Triggers.Bounce.IncludeContent ?? false,
    SpamIncludeContent: w?.Triggers.SpamComplaint.IncludeContent ?? false,
  };
}

function triggersOf(form: WebhookForm): Webhook["Triggers"] {
  return {
    Open: { Enabled: form.enabled.Open, PostFirstOpenOnly: form.PostFirstOpenOnly },
    Click: { Enabled: form.enabled.Click },
    Delivery: { Enabled: form.enabled.Delivery },
    Bounce: { Enabled: form.enabled.Bounce, IncludeContent: form.BounceIncludeContent },
    SpamComplaint: { Enabled: form.enabled.SpamComplaint, IncludeContent: form.SpamIncludeContent },
    SubscriptionChange: { Enabled: form.enabled.SubscriptionChange },
  };
}

function sharedErrors(form: WebhookForm): Record<string, string> {
  const errors: Record<string, string> = {};
  const url = form.Url.trim();
  if (!url) errors.Url = "A URL is required.";
  else if (!/^https?:\/\/[^\s/]+/i.test(url)) errors.Url = "An http:// or https:// URL.";
  form.Headers.forEach((h, i) => {
    if (!h.Name.trim() && h.Value.trim()) errors[`Header${i}`] = "A header needs a name.";
  });
  return errors;
}

function authAndHeaders(form: WebhookForm) {
  const headers = form.Headers.filter((h) => h.Name.trim()).map((h) => ({ Name: h.Name.trim(), Value: h.Value }));
  return {
    HttpAuth: { Username: form.Username, Password: form.Password },
    HttpHeaders: headers,
  };
}

type Result<T> = { ok: true; body: T } | { ok: false; errors: Record<string, string> };

/** The webhooks.create body, checked with the catalog's schema. */
export function createWebhookBody(form: WebhookForm): Result<ReturnType<typeof webhooksCreate.body.parse>> {
  const errors = sharedErrors(form);
  if (!form.MessageStream.trim()) errors.MessageStream = "Choose a stream.";
  const parsed = webhooksCreate.body.safeParse({
    Url: form.Url.trim(),
    MessageStream: form.MessageStream.trim(),
    ...authAndHeaders(form),
    Triggers: triggersOf(form),
  });
  if (!parsed.success) Object.assign(errors, fieldErrors(parsed.error));
  if (Object.keys(errors).length > 0 || !parsed.success) return { ok: false, errors };
  return { ok: true, body: parsed.data };
}

/** The webhooks.update (PUT) body: the stream cannot change (1357), so it is left out. */
export function updateWebhookBody(form: WebhookForm): Result<ReturnType<typeof webhooksUpdate.body.parse>> {
  const errors = sharedErrors(form);
  const parsed = webhooksUpdate.body.safeParse({
    Url: form.Url.trim(),
    ...authAndHeaders(form),
    Triggers: triggersOf(form),
  });
  if (!parsed.success) Object.assign(errors, fieldErrors(parsed.error));
  if (Object.keys(errors).length > 0 || !parsed.success) return { ok: false, errors };
  return { ok: true, body: parsed.data };
}

/** `https://user:…@host/path` is never shown: credentials live in HttpAuth, but a URL may carry them too. */
export function displayUrl(url: string | null): string {
  if (!url) return "—";
  return url.replace(/\/\/[^/@\s]+@/, "//…@");
}
