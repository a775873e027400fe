import { randomUUID } from "node:crypto";
import { fail, PostmarkError } from "../http/errors";
import { objectBody, type Handler } from "../http/context";
import { acceptBatchItem, acceptMessage } from "../send/accept";
import { parseAddress } from "../send/addresses";
import { resolveStream } from "../send/prepare";
import { refuseSender, senderAllowed } from "../send/sender-check";
import type { Sandbox } from "../runtime";
import type { ServerStore } from "../world/server-store";
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
  if (!Array.isArray(list))
    fail(
      300,
      key ? `The '${key}' field must be an array of messages.` : "The request body must be a JSON array of messages.",
    );
  if (list.length > 500) fail(410, "You may only send up to 500 messages in a batch.");
  return list;
}

/** One bulk message as a send: shared fields under its own, models merged, inline content rendered. */
function bulkItem(
  shared: Record<string, unknown>,
  own: Record<string, unknown>,
  stream: unknown,
  templated: boolean,
): Record<string, unknown> {
  const item: Record<string, unknown> = { ...shared, ...own, MessageStream: stream };
  const mergedModel = { ...((shared.TemplateModel as object) ?? {}), ...((own.TemplateModel as object) ?? {}) };
  if (templated) item.TemplateModel = mergedModel;
  // Inline bulk content is itself a template, rendered with each message's TemplateModel.
  else
    for (const f of ["Subject", "HtmlBody", "TextBody"])
      if (typeof item[f] === "string") item[f] = renderInline(item[f] as string, mergedModel, f === "HtmlBody");
  return item;
}

/**
 * The whole request is validated before anything is sent: one bad message answers with its own
 * code, several with ErrorCode 11 and every one listed under `Errors`. Suppressed recipients are
 * not request errors; they are counted later in FailedCount.
 */
function validateBulk(
  sandbox: Sandbox,
  store: ServerStore,
  shared: Record<string, unknown>,
  messages: unknown[],
  templated: boolean,
  stream: unknown,
): void {
  if (typeof shared.From === "string" && shared.From) {
    const from = parseAddress(shared.From, "From");
    if (!senderAllowed(sandbox.world, from.Email)) refuseSender(shared.From);
  }
  const errors: Record<string, { ErrorCode: number; Message: string }[]> = {};
  messages.forEach((m, i) => {
    const own = m !== null && typeof m === "object" && !Array.isArray(m) ? (m as Record<string, unknown>) : null;
    try {
      if (!own) fail(300, "Each message must be a JSON object.");
      acceptMessage(sandbox, store, bulkItem(shared, own, stream, templated), {
        testMode: false,
        validateOnly: true,
        templated,
        broadcastOnly: true,
      });
    } catch (e) {
      if (!(e instanceof PostmarkError)) throw e;
      if (e.errorCode !== 406) errors[`Messages[${i}]`] = [{ ErrorCode: e.errorCode, Message: e.message }];
    }
  });
  const found = Object.entries(errors);
  if (found.length === 1) fail(found[0]![1][0]!.ErrorCode, found[0]![1][0]!.Message);
  if (found.length > 1)
    throw new PostmarkError(11, `${found.length} messages in the request are invalid; see 'Errors'.`, 422, {
      Errors: errors,
    });
}

const bulkSend: Handler<"bulk.send"> = (ctx) => {
  const body = objectBody(ctx, 300);
  const messages = body.Messages;
  if (!Array.isArray(messages) || messages.length === 0)
    fail(300, "The 'Messages' field is required and must be a non-empty array.");
  const templated = body.TemplateId !== undefined || body.TemplateAlias !== undefined;
  resolveStream(ctx.server, body.MessageStream, true);
  const { Messages: _m, ...shared } = body;
  const now = ctx.world.now();
  const request: BulkRequest = {
    Id: randomUUID(),
    SubmittedAt: formatUtc(now),
    Status: "Accepted",
    TotalMessages: messages.length,
    PercentageCompleted: 0,
    ReleasedCount: 0,
    FailedCount: 0,
    ...(typeof body.Subject === "string" ? { Subject: body.Subject } : {}),
  };
  if (ctx.testMode) return request;
  validateBulk(ctx.sandbox, ctx.server, shared, messages, templated, body.MessageStream ?? "broadcast");
  ctx.server.bulk.set(request.Id, request);
  const store = ctx.server;
  const sandbox = ctx.sandbox;
  sandbox.scheduler.after(200, () => {
    request.Status = "Processing";
    messages.forEach((m, i) => {
      const item = bulkItem(shared, m as Record<string, unknown>, body.MessageStream ?? "broadcast", templated);
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
  "email.sendWithTemplate": (ctx) =>
    acceptMessage(ctx.sandbox, ctx.server, objectBody(ctx, 300), { testMode: ctx.testMode, templated: true }),
  "email.sendBatch": (ctx) =>
    batchArray(ctx.body).map((m) => acceptBatchItem(ctx.sandbox, ctx.server, m, { testMode: ctx.testMode })),
  "email.sendBatchWithTemplates": (ctx) =>
    batchArray(ctx.body, "Messages").map((m) =>
      acceptBatchItem(ctx.sandbox, ctx.server, m, { testMode: ctx.testMode, templated: true }),
    ),
  "bulk.send": bulkSend,
  "bulk.status": (ctx) => {
    const r = ctx.server.bulk.get(ctx.params.bulkRequestId ?? "");
    if (!r) fail(12, "The bulk request was not found.", 404);
    return r;
  },
} satisfies {
  [
    K in
      | "email.send"
      | "email.sendWithTemplate"
      | "email.sendBatch"
      | "email.sendBatchWithTemplates"
      | "bulk.send"
      | "bulk.status"
  ]: Handler<K>;
};
