import type { ApprovalItem } from "@/contract/api/approvals";
import { roleAllows, type Role } from "@/contract/api/auth";
import { operations } from "@/contract/postmark";

/** The item's path parameters as text, read from the request's stored form (never from its path). */
export function pathParamsOf(item: Pick<ApprovalItem, "request">): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(item.request.params))
    if (typeof v === "string" || typeof v === "number") out[k] = String(v);
  return out;
}

type Servers = ReadonlyMap<number, string> | undefined;

function serverPhrase(item: Pick<ApprovalItem, "request" | "step">, servers: Servers): string {
  const op = operations[item.step.operationId as keyof typeof operations];
  // Account-token operations act on the account, not one server.
  if (op?.token === "account") return "";
  const id = item.request.serverId;
  if (id === null) return " on the default server";
  return ` of server ${servers?.get(id) ?? `#${id}`}`;
}

/** "a@x.io", "a@x.io and b@y.io", "a@x.io, b@y.io and 3 more". */
export function listAddresses(addresses: readonly string[], total = addresses.length): string {
  if (total === 0) return "no addresses";
  const shown = addresses.slice(0, 2);
  const rest = total - shown.length;
  if (rest > 0) return `${shown.join(", ")} and ${rest} more`;
  return shown.length === 2 ? `${shown[0]} and ${shown[1]}` : shown[0]!;
}

const record = (v: unknown): Record<string, unknown> =>
  v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
const text = (v: unknown): string | null =>
  typeof v === "string" && v.trim() ? v.trim() : typeof v === "number" ? String(v) : null;

/** The one-sentence headline of an item: what will happen, to whom, where. */
export function describeApproval(
  item: Pick<ApprovalItem, "step" | "request" | "blastRadius" | "event">,
  servers?: Servers,
): string {
  const op = operations[item.step.operationId as keyof typeof operations];
  const params = pathParamsOf(item);
  const body = record(item.request.body);
  const who = listAddresses(item.blastRadius.addresses, item.blastRadius.recipients);
  const where = serverPhrase(item, servers);
  const stream = params.streamId ? ` on stream ${params.streamId}` : "";
  switch (item.step.operationId) {
    case "suppressions.create":
      return `Suppress ${who}${stream}${where}`;
    case "suppressions.delete":
      return `Reactivate ${who} (remove from the suppression list)${stream}${where}`;
    case "bounces.activate": {
      const address = text(item.event.summary.recipient);
      return `Reactivate bounced address ${address ?? `of bounce ${params.bounceid}`}${address ? ` (bounce ${params.bounceid})` : ""}${where}`;
    }
    case "email.send": {
      const subject = text(body.Subject);
      return `Send ${subject ? `“${subject}” ` : "an email "}to ${who}${text(body.From) ? ` from ${text(body.From)}` : ""}${where}`;
    }
    case "email.sendWithTemplate": {
      const tpl = text(body.TemplateAlias) ?? text(body.TemplateId);
      return `Send template ${tpl ?? "(unnamed)"} to ${who}${where}`;
    }
    case "email.sendBatch":
    case "email.sendBatchWithTemplates": {
      const count = Array.isArray(item.request.body)
        ? item.request.body.length
        : Array.isArray(body.Messages)
          ? body.Messages.length
          : 0;
      return `Send ${count} message${count === 1 ? "" : "s"} to ${who}${where}`;
    }
    case "bulk.send":
      return `Send a bulk message to ${who}${where}`;
    case "dataRemovals.create":
      return `Erase everything Postmark holds about ${text(body.RequestedFor) ?? who}`;
    case "inboundRules.create":
      return `Block inbound mail from ${text(body.Rule) ?? "a new rule"}${where}`;
    case "inboundRules.delete":
      return `Unblock inbound rule ${params.triggerid ?? Object.values(params)[0] ?? ""}${where}`.trimEnd();
    case "streams.archive":
      return `Archive stream ${params.streamId ?? ""}${where}`;
    default: {
      const target = Object.values(params)[0];
      if (op?.method === "DELETE" || /\.delete$/.test(item.step.operationId))
        return `${op?.title ?? "Delete"}${target ? ` ${target}` : ""}${where}`;
      const to = item.blastRadius.recipients ? ` for ${who}` : "";
      return `${op?.title ?? item.step.title}${target ? ` (${target})` : ""}${to}${where}`;
    }
  }
}

/** "in 3 h 20 min", "in 40 s", or "expired". */
export function expiresIn(expiresAt: string, now = Date.now()): string {
  const ms = Date.parse(expiresAt) - now;
  if (!Number.isFinite(ms)) return "";
  if (ms <= 0) return "expired";
  const min = Math.floor(ms / 60_000);
  if (min < 1) return `in ${Math.ceil(ms / 1000)} s`;
  if (min < 60) return `in ${min} min`;
  const h = Math.floor(min / 60);
  if (h < 48) return `in ${h} h${min % 60 ? ` ${min % 60} min` : ""}`;
  return `in ${Math.round(h / 24)} days`;
}

export interface DecisionBlock {
  approve: string | null;
  reject: string | null;
  /** Why this user may not edit the request (null: they may). */
  edit: string | null;
}

/** Why this user may not approve, reject or edit, mirroring the server's checks so the buttons can say so. */
export function decisionBlock(
  item: Pick<ApprovalItem, "status" | "policy" | "approvals" | "edit" | "step">,
  user: { id: number; username: string; role: Role } | null,
  mayDecide: boolean,
): DecisionBlock {
  if (!user) return { approve: "Sign in to decide.", reject: "Sign in to decide.", edit: "Sign in to decide." };
  if (!mayDecide) {
    const why = `Your role (${user.role}) may not approve or reject; it needs approver, operator or admin.`;
    return { approve: why, reject: why, edit: why };
  }
  if (item.status !== "pending") {
    const why = `This item is ${item.status}; nothing more can be decided.`;
    return { approve: why, reject: why, edit: why };
  }
  const author = !item.policy.allowSelfApproval && item.policy.author === user.username;
  let approve: string | null = null;
  if (author)
    approve =
      "You saved this version of the workflow; its policy does not allow approving your own steps. Ask someone else.";
  else if (item.edit && (item.edit.byId ?? null) === user.id)
    approve = "You edited this request, so someone else must approve it as edited.";
  else if (item.approvals.some((a) => a.userId === user.id))
    approve = "You have approved this already; it needs another person’s approval.";
  // Writing a request is calling the operation: the role must allow the operation's risk.
  const edit = !roleAllows[user.role].includes(item.step.risk)
    ? `Editing needs a role that may call ${item.step.risk} operations; yours (${user.role}) may not.`
    : author
      ? approve
      : null;
  return { approve, reject: null, edit };
}
