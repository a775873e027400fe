// Inbound rules and data removals: small areas.
import { fail } from "../http/errors";
import { objectBody, paging, positiveInt, type Handler } from "../http/context";
import { isEmail } from "../send/addresses";

const DOMAIN_RE = /^([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,}$/i;

export const miscHandlers = {
  "inboundRules.list": (ctx) => {
    const { count, offset } = paging(ctx.query, 800);
    const all = [...ctx.server.inboundRules.values()];
    return { TotalCount: all.length, InboundRules: all.slice(offset, offset + count) };
  },
  "inboundRules.create": (ctx) => {
    const body = objectBody(ctx, 809, "No rule was supplied.");
    const rule = typeof body.Rule === "string" ? body.Rule.trim() : "";
    if (!rule) fail(809, "No rule was supplied.");
    if (!isEmail(rule) && !DOMAIN_RE.test(rule)) fail(813, `'${rule}' is not a valid email address or domain.`);
    if ([...ctx.server.inboundRules.values()].some((r) => r.Rule.toLowerCase() === rule.toLowerCase()))
      fail(810, "This rule already exists.");
    const id = ctx.world.nextId("rule");
    const row = { ID: id, Rule: rule };
    ctx.server.inboundRules.set(id, row);
    return row;
  },
  "inboundRules.delete": (ctx) => {
    const id = positiveInt(ctx.params.triggerid);
    const row = id === null ? undefined : ctx.server.inboundRules.get(id);
    if (!row) fail(812, "This rule was not found.");
    ctx.server.inboundRules.delete(row.ID);
    return { ErrorCode: 0, Message: `Rule ${row.Rule} removed.` };
  },
  "dataRemovals.create": (ctx) => {
    const body = objectBody(ctx, 1300, "The request is empty or invalid.");
    const by = typeof body.RequestedBy === "string" ? body.RequestedBy : "";
    const forAddress = typeof body.RequestedFor === "string" ? body.RequestedFor : "";
    if (!isEmail(by) || !isEmail(forAddress)) fail(1300, "RequestedBy and RequestedFor must be valid email addresses.");
    const id = ctx.world.nextId("dataRemoval");
    const row = {
      ID: id,
      Status: "Pending" as "Pending" | "Done",
      RequestedFor: forAddress,
      createdAt: ctx.world.now(),
    };
    ctx.world.dataRemovals.set(id, row);
    // Postmark completes removals in the background; the sandbox does it within a (scaled) minute.
    ctx.sandbox.scheduler.after(60_000, () => {
      row.Status = "Done";
    });
    return { ID: id, Status: row.Status };
  },
  "dataRemovals.get": (ctx) => {
    const id = positiveInt(ctx.params.id);
    const row = id === null ? undefined : ctx.world.dataRemovals.get(id);
    if (!row) fail(1301, "The data removal request was not found.");
    return { ID: row.ID, Status: row.Status };
  },
} satisfies {
  [
    K in
      "inboundRules.list" | "inboundRules.create" | "inboundRules.delete" | "dataRemovals.create" | "dataRemovals.get"
  ]: Handler<K>;
};
