import type { BlastRadius } from "../../contract/api/approvals";
import { operations, type OperationId } from "../../contract/postmark/index";
import type { StepRequest } from "../../contract/workflows/index";

const address = /[^\s<>,;:"'()[\]]+@[^\s<>,;:"'()[\]]+\.[^\s<>,;:"'()[\]]+/g;
// Senders are not reached by the action, and content (bodies, models, headers) names no one it acts on.
const ignoredKey =
  /^(from|fromemail|replyto|sender|returnpath|subject|htmlbody|textbody|htmlcontent|textcontent|content|templatemodel|testrendermodel|metadata|headers|httpheaders)$/i;
const recipientKeys = ["To", "Cc", "Bcc"] as const;

function collect(value: unknown, key: string, out: Set<string>) {
  if (ignoredKey.test(key)) return;
  if (typeof value === "string") {
    for (const m of value.match(address) ?? []) out.add(m.toLowerCase());
  } else if (Array.isArray(value)) {
    for (const v of value) collect(v, key, out);
  } else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) collect(v, k, out);
  }
}

const safeDecode = (path: string) => {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
};

const isSend = (operationId: OperationId) => {
  const op = operations[operationId];
  return op.area === "send" && op.method === "POST";
};

/** The messages of a send request: the body itself, each item of a batch, or each of `Messages`. */
function messagesOf(body: unknown): unknown[] {
  if (Array.isArray(body)) return body;
  if (body && typeof body === "object") {
    const messages = (body as { Messages?: unknown }).Messages;
    return Array.isArray(messages) ? messages : [body];
  }
  return [];
}

/** Who a send reaches: exactly the addresses in To, Cc and Bcc of each message, nothing read out of bodies. */
function sendRecipients(body: unknown, out: Set<string>) {
  for (const message of messagesOf(body)) {
    if (!message || typeof message !== "object") continue;
    for (const key of recipientKeys) {
      const v = (message as Record<string, unknown>)[key];
      if (typeof v === "string") for (const m of v.match(address) ?? []) out.add(m.toLowerCase());
    }
  }
}

/**
 * Who a request reaches, counted from the very request that will be executed: for sends the
 * addresses in To, Cc and Bcc; for other operations the addresses it targets in its path, query
 * and body (never senders or content). Also their domains, and the server.
 */
export function blastRadius(
  operationId: OperationId,
  request: Pick<StepRequest, "path" | "query" | "body" | "serverId">,
): BlastRadius {
  const found = new Set<string>();
  if (isSend(operationId)) sendRecipients(request.body, found);
  else {
    collect(safeDecode(request.path), "path", found);
    collect(request.query, "query", found);
    collect(request.body, "body", found);
  }
  const addresses = [...found].sort();
  const domains = [...new Set(addresses.map((a) => a.slice(a.lastIndexOf("@") + 1)))].sort();
  return {
    recipients: addresses.length,
    addresses: addresses.slice(0, 20),
    domains,
    serverId: request.serverId ?? null,
  };
}
