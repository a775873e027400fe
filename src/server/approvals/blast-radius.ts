import type { BlastRadius } from "../../contract/api/approvals";
import type { StepRequest } from "../../contract/workflows/index";

const address = /[^\s<>,;:"'()[\]]+@[^\s<>,;:"'()[\]]+\.[^\s<>,;:"'()[\]]+/g;
// Senders are not reached by the action; only where mail or a change goes counts.
const senderKey = /^(from|fromemail|replyto|sender|returnpath)/i;

function collect(value: unknown, key: string, out: Set<string>) {
  if (senderKey.test(key)) return;
  if (typeof value === "string") {
    for (const m of value.match(address) ?? []) out.add(m.toLowerCase());
  } else if (Array.isArray(value)) {
    for (const v of value) collect(v, key, out);
  } else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) collect(v, k, out);
  }
}

/** Who a request reaches: the distinct addresses in its path, query and body, their domains, the server. */
export function blastRadius(request: Pick<StepRequest, "path" | "query" | "body" | "serverId">): BlastRadius {
  const found = new Set<string>();
  collect(decodeURIComponent(request.path), "path", found);
  collect(request.query, "query", found);
  collect(request.body, "body", found);
  const addresses = [...found].sort();
  const domains = [...new Set(addresses.map((a) => a.slice(a.lastIndexOf("@") + 1)))].sort();
  return { recipients: addresses.length, addresses: addresses.slice(0, 20), domains, serverId: request.serverId ?? null };
}
