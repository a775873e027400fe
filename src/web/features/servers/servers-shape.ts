import type { z } from "zod";
import { serverUpdate, type serverGet, type serversList } from "@/contract/postmark/servers";
import { fieldErrors } from "@/web/lib/form-errors";

export type ServerSummary = z.infer<typeof serversList.response>["Servers"][number];
export type ServerConfig = z.infer<typeof serverGet.response>;
export type ServerUpdateBody = z.infer<typeof serverUpdate.body>;

/** Postmark's server colours (the API also accepts the old misspelling "turqoise"). */
export const serverColors = ["purple", "blue", "turquoise", "green", "red", "yellow", "grey", "orange"] as const;
export const trackLinkOptions = ["None", "HtmlAndText", "HtmlOnly", "TextOnly"] as const;
export const spamThresholds = [0, 5, 10, 15, 20, 25, 30] as const;
export const hookFields = ["InboundHookUrl", "BounceHookUrl", "OpenHookUrl", "DeliveryHookUrl", "ClickHookUrl"] as const;

const swatch: Record<string, string> = {
  purple: "#8b5cf6", blue: "#3b82f6", turquoise: "#14b8a6", turqoise: "#14b8a6", green: "#22c55e", red: "#ef4444", yellow: "#eab308", grey: "#9ca3af", orange: "#f97316",
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
  InboundDomain: string;
  InboundSpamThreshold: number;
  InboundHookUrl: string;
  BounceHookUrl: string;
  OpenHookUrl: string;
  DeliveryHookUrl: string;
  ClickHookUrl: string;
}

export function settingsOf(c: ServerConfig): ServerSettings {
  return {
    Name: c.Name ?? "", Color: (c.Color ?? "").toLowerCase(), TrackOpens: c.TrackOpens, TrackLinks: c.TrackLinks ?? "None",
    PostFirstOpenOnly: c.PostFirstOpenOnly, SmtpApiActivated: c.SmtpApiActivated, InboundDomain: c.InboundDomain ?? "",
    InboundSpamThreshold: c.InboundSpamThreshold, InboundHookUrl: c.InboundHookUrl ?? "", BounceHookUrl: c.BounceHookUrl ?? "",
    OpenHookUrl: c.OpenHookUrl ?? "", DeliveryHookUrl: c.DeliveryHookUrl ?? "", ClickHookUrl: c.ClickHookUrl ?? "",
  };
}

/**
 * Only what changed goes to Postmark (server.update is a partial update), checked with the
 * catalog's body schema. Nothing changed is a form error rather than Postmark's 609.
 */
export function settingsChanges(before: ServerSettings, after: ServerSettings): { ok: true; body: ServerUpdateBody } | { ok: false; errors: Record<string, string> } {
  const changed: Record<string, unknown> = {};
  for (const key of Object.keys(after) as (keyof ServerSettings)[]) {
    const v = typeof after[key] === "string" ? (after[key] as string).trim() : after[key];
    if (v !== before[key]) changed[key] = v;
  }
  if ("Name" in changed && !changed.Name) return { ok: false, errors: { Name: "A server needs a name" } };
  if (Object.keys(changed).length === 0) return { ok: false, errors: { _form: "Nothing changed." } };
  const parsed = serverUpdate.body.safeParse(changed);
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  return { ok: true, body: parsed.data };
}
