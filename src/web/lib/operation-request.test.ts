import { describe, expect, it } from "vitest";
import { operationList, operations } from "@/contract/postmark";
import { initialValues, operationFields, prepareRequest, WHOLE_BODY, type FormValues } from "./operation-request";

const values = (v: Partial<FormValues>): FormValues => ({ params: {}, query: {}, body: {}, ...v });

describe("prepareRequest (the explorer's request preview)", () => {
  it("fills the path and keeps query values as typed", () => {
    const op = operations["domains.get"];
    const { request, errors } = prepareRequest(op, values({ params: { domainid: "123" } }));
    expect(errors).toEqual({});
    expect(request).toMatchObject({
      method: "GET",
      path: "/domains/123",
      search: "",
      url: "/api/postmark/domains/123",
    });
  });

  it("starts paged lists on a valid first page", () => {
    const op = operations["domains.list"];
    const { request } = prepareRequest(op, initialValues(operationFields(op)));
    expect(request?.url).toBe("/api/postmark/domains?count=50&offset=0");
    expect(request?.query).toEqual({ count: "50", offset: "0" });
  });

  it("reports schema errors per field with the schema's own messages", () => {
    const op = operations["domains.list"];
    const { request, errors } = prepareRequest(op, values({ query: { count: "900", offset: "" } }));
    expect(request).toBeNull();
    expect(errors["query.count"]).toMatch(/500/);
    expect(errors["query.offset"]).toBeDefined();
  });

  it("sends the body as JSON, with nested fields parsed from the JSON editor", () => {
    const op = operations["domains.create"];
    const { request } = prepareRequest(op, values({ body: { Name: "example.com" } }));
    expect(request).toMatchObject({ method: "POST", path: "/domains", body: { Name: "example.com" } });
  });

  it("shows a JSON parse error on the field", () => {
    const op = operations["bulk.send"];
    const { request, errors } = prepareRequest(op, values({ body: { From: "a@example.com", Messages: "[{" } }));
    expect(request).toBeNull();
    expect(errors["body.Messages"]).toMatch(/Not valid JSON/);
  });

  it("edits a non-object body as one JSON document", () => {
    const op = operationList.find((o) => o.body && operationFields(o).body[0]?.name === WHOLE_BODY);
    if (!op) return;
    const bad = prepareRequest(op, values({ body: { [WHOLE_BODY]: "not json" } }));
    expect(bad.errors[`body.${WHOLE_BODY}`]).toMatch(/Not valid JSON/);
  });

  it("encodes path parameters so they cannot add segments", () => {
    const op = operations["bulk.status"];
    const { request } = prepareRequest(op, values({ params: { bulkRequestId: "a/../b" } }));
    expect(request?.path).toBe("/email/bulk/a%2F..%2Fb");
  });
});
