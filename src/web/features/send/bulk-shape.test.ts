import { describe, expect, it } from "vitest";
import { buildBulkBody, bulkProgress, emptyBulk, isBulkFinished, recipientLines } from "./bulk-shape";

const base = {
  ...emptyBulk,
  From: "news@lumenapp.io",
  MessageStream: "broadcast",
  Subject: "Spring",
  TextBody: "Hi {{name}}",
  Recipients: "a@example.com\n\n  b@example.com  \n",
};

describe("bulk form", () => {
  it("makes one message per recipient line", () => {
    expect(recipientLines(base.Recipients)).toEqual(["a@example.com", "b@example.com"]);
    const r = buildBulkBody(base);
    expect(r).toEqual({
      ok: true,
      body: {
        From: "news@lumenapp.io",
        Subject: "Spring",
        TextBody: "Hi {{name}}",
        MessageStream: "broadcast",
        Messages: [{ To: "a@example.com" }, { To: "b@example.com" }],
      },
    });
  });
  it("requires a sender, a broadcast stream, recipients and a body", () => {
    const r = buildBulkBody(emptyBulk);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(Object.keys(r.errors).sort()).toEqual(["From", "HtmlBody", "MessageStream", "Recipients"]);
  });
  it("follows progress by the counts and knows the terminal states", () => {
    expect(bulkProgress({ TotalMessages: 4, ReleasedCount: 1, FailedCount: 1, Status: "Processing" })).toBe(50);
    expect(bulkProgress({ TotalMessages: 0, ReleasedCount: 0, FailedCount: 0, Status: "Accepted" })).toBe(0);
    expect(bulkProgress({ TotalMessages: 4, ReleasedCount: 1, FailedCount: 0, Status: "Cancelled" })).toBe(100);
    expect(isBulkFinished({ Status: "Completed" })).toBe(true);
    expect(isBulkFinished({ Status: "Failed" })).toBe(true);
    expect(isBulkFinished({ Status: "Processing" })).toBe(false);
    expect(isBulkFinished(undefined)).toBe(false);
  });
});
