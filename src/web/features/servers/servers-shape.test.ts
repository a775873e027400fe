import { describe, expect, it } from "vitest";
import { serversSearch } from "./servers-search";
import { colorSwatch, settingsChanges, settingsOf, type ServerConfig } from "./servers-shape";

const config: ServerConfig = {
  ID: 1, Name: "Lumen Production", ApiTokens: ["••••"], Color: "Blue", SmtpApiActivated: true, RawEmailEnabled: false, DeliveryType: "Live",
  ServerLink: "https://account.postmarkapp.com/servers/1/streams", InboundAddress: "abc@inbound.postmarkapp.com", InboundHookUrl: null,
  BounceHookUrl: "", OpenHookUrl: "", DeliveryHookUrl: "", ClickHookUrl: "", PostFirstOpenOnly: false, InboundDomain: "", InboundHash: "abc",
  InboundSpamThreshold: 5, TrackOpens: true, TrackLinks: "HtmlAndText", IncludeBounceContentInHook: false, EnableSmtpApiErrorHooks: false,
};

describe("servers settings", () => {
  it("reads the editable settings, normalising null and colour case", () => {
    const s = settingsOf(config);
    expect(s).toMatchObject({ Name: "Lumen Production", Color: "blue", InboundHookUrl: "", TrackLinks: "HtmlAndText", InboundSpamThreshold: 5 });
  });
  it("sends only what changed, trimmed", () => {
    const before = settingsOf(config);
    expect(settingsChanges(before, { ...before, TrackOpens: false, BounceHookUrl: " https://x.example/hook " })).toEqual({ ok: true, body: { TrackOpens: false, BounceHookUrl: "https://x.example/hook" } });
  });
  it("refuses an empty change and an empty name", () => {
    const before = settingsOf(config);
    expect(settingsChanges(before, before)).toEqual({ ok: false, errors: { _form: "Nothing changed." } });
    expect(settingsChanges(before, { ...before, Name: "  " })).toEqual({ ok: false, errors: { Name: "A server needs a name" } });
  });
  it("checks values with the catalog schema", () => {
    const before = settingsOf(config);
    const r = settingsChanges(before, { ...before, TrackLinks: "Sometimes" });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(Object.keys(r.errors)).toEqual(["TrackLinks"]);
  });
  it("maps colours and keeps the name filter in the URL", () => {
    expect(colorSwatch("Blue")).toBe("#3b82f6");
    expect(colorSwatch(null)).toBe("#9ca3af");
    expect(serversSearch.parse({ name: " lumen " })).toEqual({ name: "lumen" });
    expect(serversSearch.parse({ name: "" })).toEqual({});
  });
});
