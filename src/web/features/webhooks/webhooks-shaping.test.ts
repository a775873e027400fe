import { describe, expect, it } from "vitest";
import {
  createWebhookBody,
  displayUrl,
  enabledTriggers,
  formFor,
  unsupportedTriggers,
  updateWebhookBody,
  type Webhook,
} from "./webhooks-shaping";
import { webhooksSearch } from "./webhooks-search";

const hook: Webhook = {
  ID: 7,
  Url: "https://hooks.example.com/pm",
  MessageStream: "outbound",
  HttpAuth: { Username: "pm", Password: "s3cret" },
  HttpHeaders: [{ Name: "X-Source", Value: "pm" }],
  Triggers: {
    Open: { Enabled: true, PostFirstOpenOnly: true },
    Click: { Enabled: false },
    Delivery: { Enabled: true },
    Bounce: { Enabled: true, IncludeContent: false },
    SpamComplaint: { Enabled: false, IncludeContent: false },
    SubscriptionChange: { Enabled: false },
  },
};

describe("webhooks shaping", () => {
  it("lists enabled triggers in catalog order", () => {
    expect(enabledTriggers(hook)).toEqual(["Open", "Delivery", "Bounce"]);
  });
  it("knows which triggers each stream type refuses", () => {
    expect(unsupportedTriggers("Broadcasts")).toEqual(["Bounce", "SpamComplaint"]);
    expect(unsupportedTriggers("Inbound")).toHaveLength(6);
    expect(unsupportedTriggers("Transactional")).toEqual([]);
  });
  it("round-trips a webhook through the form into an update body without the stream", () => {
    const r = updateWebhookBody(formFor(hook));
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.body).not.toHaveProperty("MessageStream");
      expect(r.body.Url).toBe(hook.Url);
      expect(r.body.HttpHeaders).toEqual([{ Name: "X-Source", Value: "pm" }]);
      expect(r.body.Triggers).toEqual(hook.Triggers);
    }
  });
  it("builds a create body with the stream and drops blank headers", () => {
    const form = {
      ...formFor(undefined, "broadcast"),
      Url: " https://x.test/h ",
      Headers: [
        { Name: "", Value: "" },
        { Name: " X-A ", Value: "1" },
      ],
    };
    const r = createWebhookBody(form);
    expect(r.ok && r.body.MessageStream).toBe("broadcast");
    expect(r.ok && r.body.Url).toBe("https://x.test/h");
    expect(r.ok && r.body.HttpHeaders).toEqual([{ Name: "X-A", Value: "1" }]);
  });
  it("refuses a missing or odd URL and a nameless header", () => {
    const r = createWebhookBody({ ...formFor(), Url: "ftp://x", Headers: [{ Name: "", Value: "v" }] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(Object.keys(r.errors).sort()).toEqual(["Header0", "Url"]);
    expect(createWebhookBody(formFor()).ok).toBe(false);
  });
  it("hides credentials in URLs and reads the URL leniently", () => {
    expect(displayUrl("https://u:p@h.test/x")).toBe("https://…@h.test/x");
    expect(webhooksSearch.parse({ stream: " broadcast " })).toEqual({ stream: "broadcast" });
    expect(webhooksSearch.parse({ stream: "" })).toEqual({});
  });
});
