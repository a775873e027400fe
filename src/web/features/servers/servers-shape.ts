import type { z } from "zod";
import { serverUpdate, type serverGet, type serversList } from "@/contract/postmark/servers";
import { trackLinks } from "@/contract/postmark/shared";
import { fieldErrors } from "@/web/lib/form-errors";
import type { AnswerOf } from "@/web/lib/postmark-queries";

export type ServerSummary = AnswerOf<typeof serversList>["Servers"][number];
export type ServerConfig = AnswerOf<typeof serverGet>;
export type ServerUpdateBody = z.infer<typeof serverUpdate.body>;

/** Postmark's server colours (the API also accepts the old misspelling "turqoise"). */
export const serverColors = ["purple", "blue", "turquoise", "green", "red", "yellow", "grey", "orange"] as const;
export const trackLinkOptions = trackLinks.options;
export const spamThresholds = [0, 5, 10, 15, 20, 25, 30] as const;
export const hookFields = [
  "InboundHookUrl",
  "BounceHookUrl",
  "OpenHookUrl",
  "DeliveryHookUrl",
  "ClickHookUrl",
] as const;

const swatch: Record<string, string> = {
  purple: "#8b5cf6",
  blue: "#3b82f6",
  turquoise: "#14b8a6",
  turqoise: "#14b8a6",
  green: "#22c55e",
  red: "#ef4444",
  yellow: "#eab308",
  grey: "#9ca3af",
  orange: "#f97316",
};
export function colorSwatch(color: string | null | undefined): string {
  return swatch[(color ?? "").toLowerCase()] ?? "#9ca3af";
}

/** The editable settings, as the form holds them (text for text, booleans for switches). */
export interface ServerSettings {
  Name: string;
  Color: string;
  TrackOpens: boolean;
  TrackLinks: string;
  PostFirstOpenOnly: boolean;
  SmtpApiActivated: boolean;
  RawEmailEnabled: boolean;
  IncludeBounceContentInHook: boolean;
  EnableSmtpApiErrorHooks: boolean;
  InboundDomain: string;
  InboundSpamThreshold: number;
  InboundHookUrl: string;
  BounceHookUrl: string;
  OpenHookUrl: string;
  DeliveryHookUrl: string;
  ClickHookUrl: string;
}

export const settingLabels: Record<keyof ServerSettings, string> = {
  Name: "Name",
  Color: "Colour",
  TrackOpens: "Track opens",
  TrackLinks: "Track links",
  PostFirstOpenOnly: "Post only the first open",
  SmtpApiActivated: "SMTP API",
  RawEmailEnabled: "Raw email in inbound webhooks",
  IncludeBounceContentInHook: "Bounce content in bounce webhooks",
  EnableSmtpApiErrorHooks: "SMTP API errors as bounce webhooks",
  InboundDomain: "Inbound domain",
  InboundSpamThreshold: "Spam threshold",
  InboundHookUrl: "Inbound webhook URL",
  BounceHookUrl: "Bounce webhook URL",
  OpenHookUrl: "Open webhook URL",
  DeliveryHookUrl: "Delivery webhook URL",
  ClickHookUrl: "Click webhook URL",
};

/** What the form shows instead of a password inside a URL (basic auth of a webhook). */
export const SECRET_MASK = "••••••••";
const USERINFO = /^([a-z][a-z0-9+.-]*:\/\/[^:/@\s]*):([^@/\s]*)@/i;
/** A password someone else already hid (the proxy masks secrets for some roles). */
const ALREADY_MASKED = /^(\*+|•+|x{3,}|redacted|masked|%E2%80%A2(%E2%80%A2)*)$/i;

/** The URL with any password replaced by the mask, so it is never on screen. */
export function maskUrlSecret(url: string): string {
  return url.replace(USERINFO, (_, head: string, pw: string) => (pw ? `${head}:${SECRET_MASK}@` : `${head}:@`));
}

function urlPassword(url: string): string | undefined {
  return USERINFO.exec(url)?.[2];
}

/**
 * An edited hook URL → what to send. A mask left in place stands for the original password,
 * which is put back; when the original was itself hidden from us, the person must type it.
 */
export function restoreUrlSecret(edited: string, original: string): { value?: string; error?: string } {
  if (urlPassword(edited) !== SECRET_MASK) return { value: edited };
  const pw = urlPassword(original);
  if (!pw || ALREADY_MASKED.test(pw))
    return {
      error: "The password in this URL is hidden from you; type the password again (or remove it) to save a change.",
    };
  return { value: edited.replace(USERINFO, (_, head: string) => `${head}:${pw}@`) };
}

export function settingsOf(c: ServerConfig): ServerSettings {
  const hook = (u: string | null) => maskUrlSecret(u ?? "");
  return {
    Name: c.Name ?? "",
    Color: (c.Color ?? "").toLowerCase(),
    TrackOpens: c.TrackOpens,
    TrackLinks: c.TrackLinks ?? "None",
    PostFirstOpenOnly: c.PostFirstOpenOnly,
    SmtpApiActivated: c.SmtpApiActivated,
    RawEmailEnabled: c.RawEmailEnabled,
    IncludeBounceContentInHook: c.IncludeBounceContentInHook,
    EnableSmtpApiErrorHooks: c.EnableSmtpApiErrorHooks,
    InboundDomain: c.InboundDomain ?? "",
    InboundSpamThreshold: c.InboundSpamThreshold,
    InboundHookUrl: hook(c.InboundHookUrl),
    BounceHookUrl: hook(c.BounceHookUrl),
    OpenHookUrl: hook(c.OpenHookUrl),
    DeliveryHookUrl: hook(c.DeliveryHookUrl),
    ClickHookUrl: hook(c.ClickHookUrl),
  };
}

export interface SettingChange {
  field: keyof ServerSettings;
  label: string;
  /** As shown: passwords in URLs stay masked. */
  before: string;
  after: string;
}

const shown = (v: unknown) =>
  typeof v === "boolean" ? (v ? "On" : "Off") : String(v) === "" ? "(empty)" : maskUrlSecret(String(v));

/**
 * Only what changed goes to Postmark (server.update is a partial update), checked with the
 * catalog's body schema. Nothing changed is a form error rather than Postmark's 609.
 * `config` is the server as read, for passwords the form shows masked.
 */
export function settingsChanges(
  before: ServerSettings,
  after: ServerSettings,
  config?: ServerConfig,
): { ok: true; body: ServerUpdateBody; changes: SettingChange[] } | { ok: false; errors: Record<string, string> } {
  const changed: Record<string, unknown> = {};
  const changes: SettingChange[] = [];
  const errors: Record<string, string> = {};
  for (const key of Object.keys(after) as (keyof ServerSettings)[]) {
    let v = typeof after[key] === "string" ? (after[key] as string).trim() : after[key];
    if (v === before[key]) continue;
    if ((hookFields as readonly string[]).includes(key) && typeof v === "string") {
      const r = restoreUrlSecret(v, (config?.[key] as string | null | undefined) ?? "");
      if (r.error) {
        errors[key] = r.error;
        continue;
      }
      v = r.value!;
    }
    changed[key] = v;
    changes.push({ field: key, label: settingLabels[key], before: shown(before[key]), after: shown(v) });
  }
  if ("Name" in changed && !changed.Name) errors.Name = "A server needs a name";
  if (Object.keys(errors).length) return { ok: false, errors };
  if (Object.keys(changed).length === 0) return { ok: false, errors: { _form: "Nothing changed." } };
  const parsed = serverUpdate.body.safeParse(changed);
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  return { ok: true, body: parsed.data, changes };
}
