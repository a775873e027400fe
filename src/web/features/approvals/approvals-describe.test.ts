import { describe, expect, it } from "vitest";
import type { ApprovalItem } from "@/contract/api/approvals";
import { decisionBlock, describeApproval, expiresIn, listAddresses, pathParamsOf } from "./approvals-describe";
import { buildEdits, editableSections, operationOf } from "./approvals-edit";

const servers = new Map([[7, "Lumen Production"]]);

function item(
  operationId: string,
  request: Partial<ApprovalItem["request"]>,
  addresses: string[] = [],
  summary: Record<string, unknown> = {},
): ApprovalItem {
  return {
    id: 1,
    status: "pending",
    uncertain: false,
    runId: 3,
    workflow: { id: 2, name: "Bounce handling", version: 1 },
    step: { id: "s", name: null, operationId, title: operationId, risk: "write" },
    event: { id: 9, trigger: "bounce", serverId: 7, summary },
    request: { method: "POST", path: "/", params: {}, query: {}, body: null, serverId: 7, ...request },
    blastRadius: { recipients: addresses.length, addresses, domains: [], serverId: 7 },
    policy: { approvers: 2, allowSelfApproval: false, author: "olga" },
    approvals: [],
    createdAt: "2024-01-01T00:00:00Z",
    expiresAt: "2024-01-02T00:00:00Z",
    decidedAt: null,
    decidedBy: null,
    reason: null,
    edited: false,
    edit: null,
    outcome: null,
  };
}

describe("describeApproval", () => {
  it("says who gets suppressed, on which stream and server", () => {
    const i = item(
      "suppressions.create",
      {
        path: "/message-streams/outbound/suppressions",
        params: { streamId: "outbound" },
        body: { Suppressions: [{ EmailAddress: "ana@example.com" }] },
      },
      ["ana@example.com"],
    );
    expect(describeApproval(i, servers)).toBe("Suppress ana@example.com on stream outbound of server Lumen Production");
  });

  it("names a reactivation of a bounced address with the bounce id", () => {
    const i = item(
      "bounces.activate",
      { method: "PUT", path: "/bounces/692560173/activate", params: { bounceid: 692560173 } },
      [],
      { recipient: "bob@example.com" },
    );
    expect(describeApproval(i, servers)).toBe(
      "Reactivate bounced address bob@example.com (bounce 692560173) of server Lumen Production",
    );
  });

  it("summarises a send with its subject, recipients and sender; falls back to the server id", () => {
    const i = item(
      "email.send",
      {
        path: "/email",
        serverId: 12,
        body: { From: "ops@lumen.io", To: "a@x.io, b@y.io, c@z.io", Subject: "Your invoice" },
      },
      ["a@x.io", "b@y.io", "c@z.io"],
    );
    expect(describeApproval(i, servers)).toBe(
      "Send “Your invoice” to a@x.io, b@y.io and 1 more from ops@lumen.io of server #12",
    );
  });

  it("names the template of a templated send, and the count of a batch", () => {
    expect(
      describeApproval(
        item(
          "email.sendWithTemplate",
          { path: "/email/withTemplate", body: { TemplateAlias: "welcome", To: "n@x.io" } },
          ["n@x.io"],
        ),
        servers,
      ),
    ).toBe("Send template welcome to n@x.io of server Lumen Production");
    expect(
      describeApproval(
        item("email.sendBatch", { path: "/email/batch", body: [{ To: "a@x.io" }, { To: "b@x.io" }] }, [
          "a@x.io",
          "b@x.io",
        ]),
        servers,
      ),
    ).toBe("Send 2 messages to a@x.io and b@x.io of server Lumen Production");
  });

  it("speaks of the account, not a server, for account-token operations", () => {
    expect(
      describeApproval(
        item(
          "dataRemovals.create",
          { path: "/data-removals", body: { RequestedBy: "dpo@x.io", RequestedFor: "eve@x.io" } },
          ["eve@x.io"],
        ),
        servers,
      ),
    ).toBe("Erase everything Postmark holds about eve@x.io");
    expect(
      describeApproval(
        item("domains.delete", { method: "DELETE", path: "/domains/55", params: { domainid: 55 } }),
        servers,
      ),
    ).toMatch(/ 55$/);
  });

  it("lists addresses compactly", () => {
    expect(listAddresses([])).toBe("no addresses");
    expect(listAddresses(["a@x.io"])).toBe("a@x.io");
    expect(listAddresses(["a@x.io", "b@x.io"], 40)).toBe("a@x.io, b@x.io and 38 more");
  });
});

describe("item helpers", () => {
  it("reads path parameters from the request's stored form, as text", () => {
    expect(pathParamsOf(item("suppressions.create", { params: { streamId: "my stream" } }))).toEqual({
      streamId: "my stream",
    });
    expect(pathParamsOf(item("bounces.activate", { params: { bounceid: 692560173 } }))).toEqual({
      bounceid: "692560173",
    });
  });

  it("says when an item expires", () => {
    const now = Date.parse("2024-01-01T00:00:00Z");
    expect(expiresIn("2024-01-01T03:20:00Z", now)).toBe("in 3 h 20 min");
    expect(expiresIn("2024-01-01T00:00:30Z", now)).toBe("in 30 s");
    expect(expiresIn("2023-12-31T00:00:00Z", now)).toBe("expired");
  });

  it("blocks self-approval, a second vote by the same person, and roles that may not decide", () => {
    const i = item("suppressions.create", {
      path: "/message-streams/outbound/suppressions",
      params: { streamId: "outbound" },
    });
    expect(decisionBlock(i, { id: 1, username: "olga", role: "operator" }, true).approve).toMatch(/own steps/);
    expect(decisionBlock(i, { id: 1, username: "olga", role: "operator" }, true).reject).toBeNull();
    expect(
      decisionBlock(
        { ...i, approvals: [{ userId: 4, username: "al", at: "" }] },
        { id: 4, username: "al", role: "approver" },
        true,
      ).approve,
    ).toMatch(/already/);
    expect(decisionBlock(i, { id: 5, username: "vi", role: "viewer" }, false).approve).toMatch(/viewer/);
    expect(decisionBlock(i, { id: 6, username: "ap", role: "approver" }, true)).toEqual({
      approve: null,
      reject: null,
      edit: "Editing needs a role that may call write operations; yours (approver) may not.",
    });
    expect(decisionBlock(i, { id: 7, username: "op", role: "operator" }, true)).toEqual({
      approve: null,
      reject: null,
      edit: null,
    });
    const edited = {
      ...i,
      edit: { by: "op", byId: 7, at: "", original: i.request, originalBlastRadius: i.blastRadius, changes: [] },
    };
    expect(decisionBlock(edited, { id: 7, username: "op", role: "operator" }, true)).toMatchObject({
      approve: "You edited this request, so someone else must approve it as edited.",
      edit: null,
    });
    expect(decisionBlock(edited, { id: 6, username: "ap", role: "approver" }, true).approve).toBeNull();
  });

  it("validates edited sections against the operation's schema and keeps only changes", () => {
    const i = item("suppressions.create", {
      path: "/message-streams/outbound/suppressions",
      params: { streamId: "outbound" },
      body: { Suppressions: [{ EmailAddress: "ana@example.com" }] },
    });
    const op = operationOf(i)!;
    const sections = editableSections(i);
    expect(sections.map((s) => s.section)).toEqual(["params", "body"]);
    expect(buildEdits(sections, {}, op)).toEqual({ edits: null, errors: {} });
    const bad = buildEdits(sections, { body: '{"Suppressions":[{"Email":1}]}' }, op);
    expect(bad.errors.body?.[0]).toMatch(/Suppressions\.0\.EmailAddress/);
    expect(buildEdits(sections, { body: "{nope" }, op).errors.body?.[0]).toMatch(/Not valid JSON/);
    const ok = buildEdits(sections, { body: '{"Suppressions":[{"EmailAddress":"x@y.io"}]}' }, op);
    expect(ok).toEqual({ edits: { body: { Suppressions: [{ EmailAddress: "x@y.io" }] } }, errors: {} });
  });
});
