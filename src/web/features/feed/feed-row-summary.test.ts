import { describe, expect, it } from "vitest";
import type { FeedEvent } from "@/contract/api/events";
import { eventLinks, formatRelative, summariseRow } from "./feed-row-summary";

const flags = { unrecognised: false, test: false, problem: null, payloadOmitted: false };
const summary = {
  recipient: null,
  sender: null,
  subject: null,
  detail: null,
  tag: null,
  messageId: null,
  messageStream: null,
};
const ev = (
  over: Omit<Partial<FeedEvent>, "summary" | "flags"> & {
    summary?: Partial<FeedEvent["summary"]>;
    flags?: Partial<FeedEvent["flags"]>;
  },
): FeedEvent => ({
  id: 1,
  trigger: "bounce",
  serverId: 1,
  receivedAt: "2024-05-01T10:00:00Z",
  payload: {},
  ...over,
  flags: { ...flags, ...over.flags },
  summary: { ...summary, ...over.summary },
});

describe("row summary", () => {
  it("a bounce: recipient, subject and bounce type", () => {
    const s = summariseRow(
      ev({
        trigger: "bounce",
        summary: { recipient: "a@x.io", subject: "Welcome", detail: "Hard bounce: The server was unable to deliver" },
      }),
    );
    expect(s).toMatchObject({
      kind: "bounce",
      who: "a@x.io",
      whoLabel: "to",
      headline: "Welcome",
      detail: "Hard bounce: The server was unable to deliver",
      warning: null,
      test: false,
    });
  });

  it("a click leads with the link", () => {
    const s = summariseRow(
      ev({ trigger: "click", summary: { recipient: "b@x.io", detail: "https://example.com/pricing" } }),
    );
    expect(s.headline).toBe("https://example.com/pricing");
    expect(s.detail).toBeNull();
  });

  it("inbound shows the sender", () => {
    const s = summariseRow(
      ev({
        trigger: "inbound",
        summary: { sender: "c@x.io", recipient: "in@hash.inbound.postmarkapp.com", subject: "Hi" },
      }),
    );
    expect(s).toMatchObject({ who: "c@x.io", whoLabel: "from", headline: "Hi" });
  });

  it("says what happened when there is no subject", () => {
    expect(
      summariseRow(ev({ trigger: "delivery", summary: { recipient: "d@x.io", detail: "smtp;250 2.0.0 OK" } })).headline,
    ).toBe("Delivered");
    expect(summariseRow(ev({ trigger: "open", summary: { detail: "Gmail" } }))).toMatchObject({
      headline: "Opened",
      detail: "Gmail",
      who: null,
    });
  });

  it("warns about unrecognised events and says why", () => {
    expect(summariseRow(ev({ trigger: null, flags: { ...flags, unrecognised: true } })).warning).toMatch(
      /no known trigger/,
    );
    expect(
      summariseRow(
        ev({ trigger: null, flags: { ...flags, unrecognised: true, problem: "MessageID: expected string" } }),
      ).warning,
    ).toBe("Not recognised: MessageID: expected string");
    expect(summariseRow(ev({ trigger: null })).kind).toBe("unrecognised");
  });

  it("marks test events", () => {
    expect(summariseRow(ev({ flags: { ...flags, test: true } })).test).toBe(true);
  });
});

describe("relative time", () => {
  const at = Date.parse("2024-05-01T10:00:00Z");
  it.each([
    [2_000, "just now"],
    [42_000, "42 s ago"],
    [5 * 60_000, "5 min ago"],
    [3 * 3_600_000, "3 h ago"],
    [2 * 86_400_000, "2 d ago"],
  ])("%i ms later reads %s", (ms, text) => {
    expect(formatRelative("2024-05-01T10:00:00Z", at + ms)).toBe(text);
  });
  it("falls back to the date after a week, and to the text when unparseable", () => {
    expect(formatRelative("2024-05-01T10:00:00Z", at + 30 * 86_400_000)).toBe(new Date(at).toLocaleDateString());
    expect(formatRelative("yesterday", at)).toBe("yesterday");
  });
});

describe("detail links", () => {
  it("a bounce links to its message and its bounce", () => {
    expect(eventLinks(ev({ trigger: "bounce", payload: { ID: 77 }, summary: { messageId: "m-1" } }))).toEqual({
      messageOp: "messages.outboundDetails",
      messageId: "m-1",
      bounceId: 77,
    });
  });
  it("inbound links to inbound details; a delivery has no bounce", () => {
    expect(eventLinks(ev({ trigger: "inbound", summary: { messageId: "m-2" } })).messageOp).toBe(
      "messages.inboundDetails",
    );
    expect(
      eventLinks(ev({ trigger: "delivery", payload: { ID: 5 }, summary: { messageId: "m-3" } })).bounceId,
    ).toBeNull();
    expect(eventLinks(ev({ trigger: null, summary: { messageId: "m-4" } })).messageOp).toBeNull();
  });
});
