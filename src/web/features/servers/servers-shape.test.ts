import { describe, expect, it } from "vitest";
import { serversSearch } from "./servers-search";
import {
  colorSwatch,
  maskUrlSecret,
  restoreUrlSecret,
  SECRET_MASK,
  settingsChanges,
  settingsOf,
  type ServerConfig,
} from "./servers-shape";

const config: ServerConfig = {
  ID: 1,
  Name: "Lumen Production",
  ApiTokens: ["••••"],
  Color: "Blue",
  SmtpApiActivated: true,
  RawEmailEnabled: false,
  DeliveryType: "Live",
  ServerLink: "https://account.postmarkapp.com/servers/1/streams",
  InboundAddress: "abc@inbound.postmarkapp.com",
  InboundHookUrl: null,
  BounceHookUrl: "",
  OpenHookUrl: "",
  DeliveryHookUrl: "",
  ClickHookUrl: "",
  PostFirstOpenOnly: false,
  InboundDomain: "",
  InboundHash: "abc",
  InboundSpamThreshold: 5,
  TrackOpens: true,
  TrackLinks: "HtmlAndText",
  IncludeBounceContentInHook: false,
  EnableSmtpApiErrorHooks: false,
};

describe("servers settings", () => {
  it("reads the editable settings, normalising null and colour case", () => {
    const s = settingsOf(config);
    expect(s).toMatchObject({
      Name: "Lumen Production",
      Color: "blue",
      InboundHookUrl: "",
      TrackLinks: "HtmlAndText",
      InboundSpamThreshold: 5,
    });
  });
  it("sends only what changed, trimmed", () => {
    const before = settingsOf(config);
    expect(
      settingsChanges(before, {
        ...before,
        TrackOpens: false,
        BounceHookUrl: " https://x.example/hook ",
        RawEmailEnabled: true,
      }),
    ).toEqual({
      ok: true,
      body: { TrackOpens: false, RawEmailEnabled: true, BounceHookUrl: "https://x.example/hook" },
      changes: [
        { field: "TrackOpens", label: "Track opens", before: "On", after: "Off" },
        { field: "RawEmailEnabled", label: "Raw email in inbound webhooks", before: "Off", after: "On" },
        { field: "BounceHookUrl", label: "Bounce webhook URL", before: "(empty)", after: "https://x.example/hook" },
      ],
    });
  });
  it("refuses an empty change and an empty name", () => {
    const before = settingsOf(config);
    expect(settingsChanges(before, before)).toEqual({ ok: false, errors: { _form: "Nothing changed." } });
    expect(settingsChanges(before, { ...before, Name: "  " })).toEqual({
      ok: false,
      errors: { Name: "A server needs a name" },
    });
  });
  it("checks values with the catalog schema", () => {
    const before = settingsOf(config);
    const r = settingsChanges(before, { ...before, TrackLinks: "Sometimes" });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(Object.keys(r.errors)).toEqual(["TrackLinks"]);
  });
  it("masks a password in a hook URL and puts it back when the mask is left in place", () => {
    const withAuth = { ...config, InboundHookUrl: "https://hook:s3cret@in.example/inbound" };
    const before = settingsOf(withAuth);
    expect(before.InboundHookUrl).toBe(`https://hook:${SECRET_MASK}@in.example/inbound`);
    expect(JSON.stringify(before)).not.toContain("s3cret");
    // Only the path changed: the original password is sent, and the diff never shows it.
    const r = settingsChanges(
      before,
      { ...before, InboundHookUrl: `https://hook:${SECRET_MASK}@in.example/v2` },
      withAuth,
    );
    expect(r.ok && r.body).toEqual({ InboundHookUrl: "https://hook:s3cret@in.example/v2" });
    expect(r.ok && JSON.stringify(r.changes)).not.toContain("s3cret");
    // A new password is taken as typed.
    const typed = settingsChanges(
      before,
      { ...before, InboundHookUrl: "https://hook:new@in.example/inbound" },
      withAuth,
    );
    expect(typed.ok && typed.body).toEqual({ InboundHookUrl: "https://hook:new@in.example/inbound" });
    expect(maskUrlSecret("https://in.example/no-auth")).toBe("https://in.example/no-auth");
  });
  it("never sends a password that arrived already masked back as if it were real", () => {
    const masked = { ...config, InboundHookUrl: "https://hook:****@in.example/inbound" };
    const before = settingsOf(masked);
    const r = settingsChanges(
      before,
      { ...before, InboundHookUrl: `https://hook:${SECRET_MASK}@in.example/v2` },
      masked,
    );
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.InboundHookUrl).toMatch(/type the password again/);
    expect(
      restoreUrlSecret(`https://a:${SECRET_MASK}@x.example`, "https://a:%E2%80%A2%E2%80%A2@x.example").error,
    ).toBeDefined();
    // Untouched, it is simply not sent.
    expect(settingsChanges(before, { ...before, TrackOpens: false }, masked)).toMatchObject({
      ok: true,
      body: { TrackOpens: false },
    });
  });
  it("maps colours and keeps the name filter in the URL", () => {
    expect(colorSwatch("Blue")).toBe("#3b82f6");
    expect(colorSwatch(null)).toBe("#9ca3af");
    expect(serversSearch.parse({ name: " lumen " })).toEqual({ name: "lumen" });
    expect(serversSearch.parse({ name: "" })).toEqual({});
  });
});
