import { describe, expect, it } from "vitest";
import { readStepRequest, stepCall } from "./step-request";

describe("stored step requests", () => {
  it("keep their params; a request stored before params were kept gets them from its own operation", () => {
    const now = {
      operationId: "bounces.activate",
      method: "PUT",
      path: "/bounces/12/activate",
      params: { bounceid: 12 },
      query: {},
      body: undefined,
      token: "server",
      serverId: 3,
    };
    expect(readStepRequest(JSON.stringify(now))).toEqual(now);
    const { params: _params, ...old } = now;
    expect(readStepRequest(JSON.stringify(old))).toEqual({ ...old, params: { bounceid: "12" } });
    expect(readStepRequest(JSON.stringify({ ...old, path: "/message-streams/x/suppressions" })).params).toEqual({});
  });

  it("leave operations without path params as they are", () => {
    const old = {
      operationId: "email.send",
      method: "POST",
      path: "/email",
      query: {},
      body: { To: "a@x.io" },
      token: "server",
      serverId: 3,
    };
    expect(readStepRequest(JSON.stringify(old))).toEqual(old);
  });

  it("are called by operation id, params, query and body", () => {
    const r = readStepRequest(
      JSON.stringify({
        operationId: "bounces.activate",
        method: "PUT",
        path: "/bounces/12/activate",
        params: { bounceid: 12 },
        query: {},
        token: "server",
        serverId: 3,
      }),
    );
    expect(stepCall(r)).toEqual({
      operationId: "bounces.activate",
      params: { bounceid: 12 },
      query: {},
      body: undefined,
      serverId: 3,
    });
  });
});
