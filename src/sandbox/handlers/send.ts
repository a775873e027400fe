import { randomUUID } from "node:crypto";
import { fail, PostmarkError } from "../http/errors";
import { objectBody, type Handler } from "../http/context";
import { acceptBatchItem, acceptMessage } from "../send/accept";
import { resolveStream } from "../send/prepare";
import { formatUtc } from "../util/time";
import type { BulkRequest } from "../world/types";
import { render } from "../mustachio";

function renderInline(source: string, model: object, html: boolean): string {
  try {
    return render(source, model, { html });
  } catch {
    return source;
  }
}

function batchArray(body: unknown, key?: string): unknown[] {
  const list = key ? (body as Record<string, unknown> | undefined)?.[key] : body;
  if (!Array.isArray(list)) fail(300, key ? `The '${key}' field must be an array of messages.` : "The request body must be a JSON array of messages.");
  if (list.length > 500) fail(410, "You may only send up to 500 messages in a batch.");
  return list;
}

const bulkSend: Handler<"bulk.send"> = (ctx) => {
  const body = objectBody(ctx, 300);
  const messages = body.Messages;
  if (!Array.isArray(messages) || messages.length === 0) fail(300, "The 'Messages' field is required and must be a non-empty array.");
  const templated = body.TemplateId !== undefined || body.TemplateAlias !== undefined;
  resolveStream(ctx.server, body.MessageStream, true);
  const { Messages: _m, ...shared } = body;
  const now = ctx.world.now();
  const request: BulkRequest = { Id: randomUUID(), SubmittedAt: formatUtc(now), Status: "Accepted", TotalMessages: messages.length, PercentageCompleted: 0, ReleasedCount: 0, FailedCount: 0, ...(typeof body.Subject === "string" ? { Subject: body.Subject } : {}) };
  if (ctx.testMode) return request;
  // Whole-request validation first: the first message must be sendable, or nothing is.
  const first = messages[0] as Record<string, unknown>;
  acceptMessage(ctx.sandbox, ctx.server, { ...shared, ...first, MessageStream: body.MessageStream ?? "broadcast" }, { testMode: true, templated, broadcastOnly: true });
  ctx.server.bulk.set(request.Id, request);
  const store = ctx.server;
  const sandbox = ctx.sandbox;
  sandbox.scheduler.after(200, () => {
    request.Status = "Processing";
    messages.forEach((m, i) => {
      const item: Record<string, unknown> = { ...shared, ...(m as Record<string, unknown>), MessageStream: body.MessageStream ?? "broadcast" };
      const mergedModel = { ...((shared.TemplateModel as object) ?? {}), ...(((m as Record<string, unknown>).TemplateModel as object) ?? {}) };
      if (templated) item.TemplateModel = mergedModel;
      // Inline bulk content is itself a template, rendered with each message's TemplateModel.
      else for (const f of ["Subject", "HtmlBody", "TextBody"]) if (typeof item[f] === "string") item[f] = renderInline(item[f] as string, mergedModel, f === "HtmlBody");
      try {
        acceptMessage(sandbox, store, item, { testMode: false, templated, broadcastOnly: true });
        request.ReleasedCount++;
      } catch (e) {
        if (!(e instanceof PostmarkError)) throw e;
        request.FailedCount++;
      }
      request.PercentageCompleted = Math.round(((i + 1) / messages.length) * 100) / 100;
    });
    request.Status = "Completed";
  });
  return request;
};

export const sendHandlers = {
  "email.send": (ctx) => acceptMessage(ctx.sandbox, ctx.server, objectBody(ctx, 300), { testMode: ctx.testMode }),
  "email.sendWithTemplate": (ctx) => acceptMessage(ctx.sandbox, ctx.server, objectBody(ctx, 300), { testMode: ctx.testMode, templated: true }),
  "email.sendBatch": (ctx) => batchArray(ctx.body).map((m) => acceptBatchItem(ctx.sandbox, ctx.server, m, { testMode: ctx.testMode })),
  "email.sendBatchWithTemplates": (ctx) => batchArray(ctx.body, "Messages").map((m) => acceptBatchItem(ctx.sandbox, ctx.server, m, { testMode: ctx.testMode, templated: true })),
  "bulk.send": bulkSend,
  "bulk.status": (ctx) => {
    const r = ctx.server.bulk.get(ctx.params.bulkRequestId ?? "");
    if (!r) fail(12, "The bulk request was not found.", 404);
    return r;
  },
} satisfies { [K in "email.send" | "email.sendWithTemplate" | "email.sendBatch" | "email.sendBatchWithTemplates" | "bulk.send" | "bulk.status"]: Handler<K> };
