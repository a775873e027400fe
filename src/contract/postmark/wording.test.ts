import { describe, expect, it } from "vitest";
import { operations } from "./index";

// What the UI shows (title, description, help) is written for the people using Mailroom;
// notes about client libraries and unconfirmed details stay in `notes`, which the UI never shows.
const developerTalk =
  /postmark\.js|postmark-python|python|dotnet|\.net\b|\bgem\b|\bphp\b|\bjava\b|rust|crate|\bsdk|enum|camel ?case|unconfirmed|->/i;

describe("catalog wording", () => {
  it("keeps developer notes out of the titles, descriptions and help the UI shows", () => {
    const offenders = Object.values(operations).flatMap((op) =>
      [op.title, op.description, op.help ?? ""].filter((t) => developerTalk.test(t)).map((t) => `${op.id}: ${t}`),
    );
    expect(offenders).toEqual([]);
    // The pattern does find developer talk where it belongs, so the check above can fail.
    expect(Object.values(operations).filter((op) => developerTalk.test(op.notes ?? "")).length).toBeGreaterThan(3);
  });
  it("has help for the operations Mailroom's own pages run", () => {
    for (const id of ["email.send", "email.sendBatch", "bulk.send", "dataRemovals.create", "servers.delete"] as const) {
      expect(operations[id].help, id).toBeTruthy();
    }
  });
});
