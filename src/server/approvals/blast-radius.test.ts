import { describe, expect, it } from "vitest";
import { blastRadius } from "./blast-radius";

describe("blastRadius", () => {
  it("counts only To, Cc and Bcc of a send, never addresses in its content or sender", () => {
    const r = blastRadius("email.send", {
      path: "/email",
      query: {},
      serverId: 1,
      body: {
        From: "me@lumenapp.io",
        To: "Ops <ops@lumenapp.io>",
        Cc: "a@x.io, b@y.io",
        ReplyTo: "r@lumenapp.io",
        Subject: "cc c@z.io",
        TextBody: "felix96@comcast.net",
        HtmlBody: "<a href='mailto:h@x.io'>",
      },
    });
    expect(r).toEqual({
      recipients: 3,
      addresses: ["a@x.io", "b@y.io", "ops@lumenapp.io"],
      domains: ["lumenapp.io", "x.io", "y.io"],
      serverId: 1,
    });
  });

  it("counts every message of a batch and of Messages lists", () => {
    expect(
      blastRadius("email.sendBatch", {
        path: "/email/batch",
        query: {},
        serverId: 1,
        body: [
          { To: "a@x.io", TextBody: "z@z.io" },
          { To: "b@x.io", Bcc: "c@x.io" },
        ],
      }).addresses,
    ).toEqual(["a@x.io", "b@x.io", "c@x.io"]);
    expect(
      blastRadius("email.sendBatchWithTemplates", {
        path: "/email/batchWithTemplates",
        query: {},
        serverId: 1,
        body: { Messages: [{ To: "a@x.io", TemplateModel: { friend: "f@x.io" } }] },
      }).addresses,
    ).toEqual(["a@x.io"]);
  });

  it("counts the targets of other operations, not their content", () => {
    expect(
      blastRadius("suppressions.create", {
        path: "/message-streams/outbound/suppressions",
        query: {},
        serverId: 1,
        body: { Suppressions: [{ EmailAddress: "John@Example.com" }] },
      }).addresses,
    ).toEqual(["john@example.com"]);
    expect(
      blastRadius("templates.create", {
        path: "/templates",
        query: {},
        serverId: 1,
        body: { Name: "t", Subject: "x@y.io", HtmlBody: "write to help@y.io" },
      }).recipients,
    ).toBe(0);
  });
});
