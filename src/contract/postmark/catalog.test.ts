import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import exampleResponses from "./fixtures/example-responses.json";
import {
  areaIds,
  buildPath,
  classifyPayload,
  matchOperation,
  operationList,
  operations,
  pathParamNames,
  triggerIds,
  triggers,
} from "./index";

const api = JSON.parse(readFileSync(new URL("./fixtures/postmark-api.json", import.meta.url), "utf8")) as {
  method: string;
  path: string;
  token: string;
}[];

describe("the Postmark catalog", () => {
  it("holds all 84 operations and 8 triggers", () => {
    expect(operationList).toHaveLength(84);
    expect(Object.keys(operations)).toHaveLength(84);
    expect(triggerIds).toHaveLength(8);
    expect(Object.keys(triggers)).toHaveLength(8);
  });

  it("matches api.json operation for operation: method, path and token kind", () => {
    const ours = new Set(operationList.map((op) => `${op.method} ${op.path} ${op.token}`));
    const theirs = new Set(api.map((op) => `${op.method} ${op.path} ${op.token}`));
    expect(ours).toEqual(theirs);
  });

  it("has a unique method and path (case-insensitive) for every operation", () => {
    const keys = operationList.map((op) => `${op.method} ${op.path.toLowerCase()}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("declares every path parameter in its params schema, and no others", () => {
    for (const op of operationList) {
      const names = pathParamNames(op.path);
      const declared = "params" in op && op.params ? Object.keys(op.params.shape) : [];
      expect(declared.sort(), op.id).toEqual([...names].sort());
    }
  });

  it("gives every operation a risk class, an area, a title and a one-line description", () => {
    for (const op of operationList) {
      expect(["read", "write", "destructive"], op.id).toContain(op.risk);
      expect(areaIds, op.id).toContain(op.area);
      expect(op.title.length, op.id).toBeGreaterThan(3);
      expect(op.description, op.id).not.toMatch(/\n/);
      if (op.method === "GET") expect(op.risk, op.id).toBe("read");
      if (op.method === "DELETE") expect(op.risk, op.id).toBe("destructive");
      if (op.risk !== "read") expect(op.invalidates.length, op.id).toBeGreaterThan(0);
    }
  });

  it("accepts Postmark's example response of every operation", () => {
    const fixtures = exampleResponses as Record<string, unknown>;
    for (const op of operationList) {
      expect(fixtures[op.id], `fixture for ${op.id}`).toBeDefined();
      const result = op.response.safeParse(fixtures[op.id]);
      expect(result.success, `${op.id}: ${result.error?.message}`).toBe(true);
    }
  });

  it("validates count and offset the way Postmark limits them", () => {
    const query = operations["bounces.search"].query;
    expect(query.safeParse({ count: "500", offset: "0" }).success).toBe(true);
    expect(query.safeParse({ count: "501", offset: "0" }).success).toBe(false);
    expect(query.safeParse({ count: "10" }).success).toBe(false);
  });
});

describe("matchOperation", () => {
  it("matches paths case-insensitively and extracts parameters", () => {
    expect(matchOperation("GET", "/deliveryStats")?.operation.id).toBe("bounces.deliveryStats");
    expect(matchOperation("put", "/domains/42/verifydkim")).toMatchObject({
      operation: { id: "domains.verifyDkim" },
      params: { domainid: "42" },
    });
    expect(matchOperation("GET", "/templates/")?.operation.id).toBe("templates.list");
  });

  it("prefers literal segments over parameters", () => {
    expect(matchOperation("PUT", "/templates/push")?.operation.id).toBe("templates.push");
    expect(matchOperation("PUT", "/templates/welcome")?.operation.id).toBe("templates.update");
    expect(matchOperation("GET", "/messages/outbound/opens")?.operation.id).toBe("messages.searchOpens");
  });

  it("refuses unknown methods and paths", () => {
    expect(matchOperation("DELETE", "/bounces/1")).toBeNull();
    expect(matchOperation("GET", "/bounces/1/2/3")).toBeNull();
    expect(matchOperation("GET", "/admin")).toBeNull();
  });

  it("round-trips with buildPath for every operation", () => {
    for (const op of operationList) {
      const params = Object.fromEntries(pathParamNames(op.path).map((n) => [n, n === "streamId" ? "outbound" : "123"]));
      expect(matchOperation(op.method, buildPath(op.path, params))?.operation.id, op.id).toBe(op.id);
    }
  });
});

describe("triggers", () => {
  it("classifies every example payload as its own trigger and accepts it", () => {
    for (const id of triggerIds) {
      const example = triggers[id].example;
      expect(classifyPayload(example), id).toBe(id);
      const result = triggers[id].payload.safeParse(example);
      expect(result.success, `${id}: ${result.error?.message}`).toBe(true);
    }
  });

  it("returns null for shapes it does not know", () => {
    expect(classifyPayload({ RecordType: "Nope" })).toBeNull();
    expect(classifyPayload([])).toBeNull();
    expect(classifyPayload("text")).toBeNull();
  });
});
