// The one path every send takes (API calls and simulated traffic alike).
import { randomUUID } from "node:crypto";
import type { Answer } from "../http/context";
import { fail, inactiveBatchMessage, inactiveMessage, PostmarkError } from "../http/errors";
import type { Sandbox } from "../runtime";
import { formatEastern } from "../util/time";
import type { ServerStore } from "../world/server-store";
import { applyTemplate, prepareMessage, sendResult, type SendInput } from "./prepare";
import { senderAllowed } from "./sender-check";

export interface AcceptOptions {
  /** POSTMARK_API_TEST: validate the message alone (no account, so no sender check), store nothing. */
  testMode: boolean;
  /** Validate exactly as a real send would, sender included, but store nothing. */
  validateOnly?: boolean;
  templated?: boolean;
  /** Batch items report inactive recipients with the singular wording. */
  batch?: boolean;
  broadcastOnly?: boolean;
}

export function acceptMessage(
  sandbox: Sandbox,
  store: ServerStore,
  raw: unknown,
  opts: AcceptOptions,
): Answer<"email.send"> {
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) fail(300, "Each message must be a JSON object.");
  let input = raw as SendInput;
  if (opts.templated) input = applyTemplate(store, input);
  const now = sandbox.world.now();
  const senderCheck = opts.testMode ? undefined : (email: string) => senderAllowed(sandbox.world, email);
  const { message, inactive } = prepareMessage(store, input, now, {
    broadcastOnly: opts.broadcastOnly,
    senderAllowed: senderCheck,
  });
  if (message.recipients.length === 0) {
    fail(406, opts.batch ? inactiveBatchMessage(inactive.join(", ")) : inactiveMessage(inactive));
  }
  const submittedAt = formatEastern(now);
  if (opts.testMode || opts.validateOnly) return sendResult(message, input, submittedAt, randomUUID(), opts.testMode);
  store.addMessage(message);
  sandbox.deliver(store, message);
  return sendResult(message, input, submittedAt, message.id, false);
}

/** A batch item: the result or its `{ErrorCode, Message}`, never a thrown error. */
export function acceptBatchItem(
  sandbox: Sandbox,
  store: ServerStore,
  raw: unknown,
  opts: AcceptOptions,
): Answer<"email.sendBatch">[number] {
  try {
    return acceptMessage(sandbox, store, raw, { ...opts, batch: true });
  } catch (e) {
    if (e instanceof PostmarkError) return { ErrorCode: e.errorCode, Message: e.message };
    throw e;
  }
}
