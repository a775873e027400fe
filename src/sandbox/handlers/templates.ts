import { fail } from "../http/errors";
import { objectBody, paging, type Answer, type Handler, type HandlerContext } from "../http/context";
import { countContentPlaceholders, render, renderWithLayout, suggestModel, validateLayout } from "../mustachio";
import type { ServerStore } from "../world/server-store";
import type { Template } from "../world/types";

const ALIAS_RE = /^[A-Za-z][A-Za-z0-9._-]*$/;
// 1131's wording: the postmark.js live test reads the prefix; the rest is the docs' error table.
const LAYOUT_PLACEHOLDER_MESSAGE =
  "The layout content placeholder must be present in the layout HTML and/or Text body exactly once.";
const STANDARD_PLACEHOLDER_MESSAGE = "The layout content placeholder cannot be present in a standard template.";

function templateByPath(ctx: HandlerContext): Template {
  const key = ctx.params.templateIdOrAlias ?? "";
  const t = ctx.server.findTemplate(key);
  if (!t)
    fail(
      1101,
      /^\d+$/.test(key)
        ? "The 'TemplateId' associated with this request is not valid or was not found."
        : "The Template's 'Alias' associated with this request is not valid or was not found.",
    );
  return t;
}

const short = (t: Template) => ({
  TemplateId: t.TemplateId,
  Name: t.Name,
  Active: t.Active,
  Alias: t.Alias,
  TemplateType: t.TemplateType,
  LayoutTemplate: t.LayoutTemplate,
});

function layoutAlias(store: ServerStore, v: unknown): string | null {
  if (v === undefined || v === null || v === "") return null;
  const layout = store.findTemplate(String(v));
  if (!layout || !layout.Active) fail(1101, `The layout template '${String(v)}' was not found.`);
  if (layout.TemplateType !== "Layout")
    fail(1123, `The template '${String(v)}' is not a layout and cannot be used as the 'LayoutTemplate'.`);
  return layout.Alias;
}

/** A layout cannot sit inside another layout (1123); an empty value is fine. */
function layoutOfLayout(v: unknown): null {
  if (v !== undefined && v !== null && v !== "")
    fail(1123, "The 'LayoutTemplate' field is not allowed for a layout template.");
  return null;
}

/** The placeholder rule: once in each body of a layout, nowhere in a standard template (1131). */
function placeholderError(
  type: Template["TemplateType"],
  field: "Subject" | "HtmlBody" | "TextBody",
  source: string,
): string | null {
  const n = countContentPlaceholders(source);
  if (type === "Layout" && field !== "Subject") return n === 1 ? null : LAYOUT_PLACEHOLDER_MESSAGE;
  return n > 0 ? STANDARD_PLACEHOLDER_MESSAGE : null;
}

/** Checks fields shared by create and update; `t` is the template as it will be after the change. */
function checkTemplate(store: ServerStore, t: Template): void {
  if (!t.Name.trim()) fail(1120, "The 'Name' field is required.");
  if (t.Name.length > 200) fail(1121, "The 'Name' may not be longer than 200 characters.");
  if (t.Alias !== null) {
    if (!ALIAS_RE.test(t.Alias))
      fail(1122, "The 'Alias' must start with a letter and contain only letters, digits, '.', '-' and '_'.");
    const clash = [...store.templates.values()].some(
      (o) => o.TemplateId !== t.TemplateId && o.Alias?.toLowerCase() === t.Alias!.toLowerCase(),
    );
    if (clash) fail(1122, `A template with the alias '${t.Alias}' already exists.`);
  }
  const layout = t.TemplateType === "Layout";
  if (layout) {
    if (t.Subject) fail(1123, "The 'Subject' field is not allowed for a layout template.");
    if (t.LayoutTemplate) fail(1123, "The 'LayoutTemplate' field is not allowed for a layout template.");
  } else if (!t.Subject) fail(1120, "The 'Subject' field is required.");
  if (!t.HtmlBody && !t.TextBody) fail(1120, "Either 'HtmlBody' or 'TextBody' is required.");
  for (const [field, part] of [
    ["Subject", t.Subject],
    ["HtmlBody", t.HtmlBody],
    ["TextBody", t.TextBody],
  ] as const) {
    if (!part) continue;
    const placeholder = placeholderError(t.TemplateType, field, part);
    if (placeholder) fail(1131, placeholder);
    // The placeholder rule is settled above, so syntax is checked with the placeholder allowed.
    const v = validateLayout(part);
    if (!v.valid) fail(1122, `The '${field}' is not a valid template: ${v.errors[0]?.Message ?? "syntax error"}`);
  }
}

const create: Handler<"templates.create"> = (ctx) => {
  const store = ctx.server;
  const body = objectBody(ctx, 1109, "No template data was supplied.");
  const type = body.TemplateType ?? "Standard";
  if (type !== "Standard" && type !== "Layout") fail(1122, "TemplateType must be Standard or Layout.");
  if (store.templates.size >= 100) fail(1105, "You have reached the maximum of 100 templates for this server.");
  const t: Template = {
    TemplateId: ctx.world.nextId("template"),
    Name: typeof body.Name === "string" ? body.Name : "",
    Subject: typeof body.Subject === "string" ? body.Subject : "",
    HtmlBody: typeof body.HtmlBody === "string" ? body.HtmlBody : "",
    TextBody: typeof body.TextBody === "string" ? body.TextBody : "",
    AssociatedServerId: store.id,
    Active: true,
    Alias: typeof body.Alias === "string" && body.Alias ? body.Alias : null,
    TemplateType: type,
    LayoutTemplate: type === "Layout" ? layoutOfLayout(body.LayoutTemplate) : layoutAlias(store, body.LayoutTemplate),
  };
  checkTemplate(store, t);
  store.templates.set(t.TemplateId, t);
  return short(t);
};

const update: Handler<"templates.update"> = (ctx) => {
  const store = ctx.server;
  const current = templateByPath(ctx);
  const body = objectBody(ctx, 1109, "No template data was supplied.");
  if (body.TemplateType !== undefined && body.TemplateType !== current.TemplateType)
    fail(1123, "TemplateType cannot be changed.");
  const next: Template = { ...current };
  for (const f of ["Name", "Subject", "HtmlBody", "TextBody"] as const)
    if (typeof body[f] === "string") next[f] = body[f] as string;
  if (body.Alias !== undefined) next.Alias = typeof body.Alias === "string" && body.Alias ? body.Alias : null;
  if (body.LayoutTemplate !== undefined)
    next.LayoutTemplate =
      current.TemplateType === "Layout" ? layoutOfLayout(body.LayoutTemplate) : layoutAlias(store, body.LayoutTemplate);
  checkTemplate(store, next);
  if (current.TemplateType === "Layout" && current.Alias !== next.Alias)
    for (const o of store.templates.values()) if (o.LayoutTemplate === current.Alias) o.LayoutTemplate = next.Alias;
  Object.assign(current, next);
  return short(current);
};

type Part = {
  ContentIsValid: boolean;
  ValidationErrors: { Message: string; Line: number | null; CharacterPosition: number | null }[];
  RenderedContent: string;
} | null;

// Stands in for the content while a layout renders alone; put back as the placeholder afterwards.
const CONTENT_MARK = "\u0000mailroom-content\u0000";

const validateTemplate: Handler<"templates.validate"> = (ctx) => {
  const body = objectBody(ctx, 1109, "No template data was supplied.");
  const type = body.TemplateType ?? "Standard";
  if (type !== "Standard" && type !== "Layout") fail(1122, "TemplateType must be Standard or Layout.");
  const model = (
    body.TestRenderModel && typeof body.TestRenderModel === "object" ? body.TestRenderModel : {}
  ) as Record<string, unknown>;
  const layout =
    type === "Layout"
      ? (layoutOfLayout(body.LayoutTemplate) ?? undefined)
      : body.LayoutTemplate
        ? ctx.server.findTemplate(String(body.LayoutTemplate))
        : undefined;
  if (type === "Standard" && body.LayoutTemplate) layoutAlias(ctx.server, body.LayoutTemplate);
  // A layout has no subject: an empty one counts as not supplied.
  const supplied = (["Subject", "HtmlBody", "TextBody"] as const).filter(
    (k) => typeof body[k] === "string" && !(type === "Layout" && k === "Subject" && body[k] === ""),
  );
  const suggested = suggestModel(
    supplied.map((k) => body[k] as string).concat(layout ? [layout.HtmlBody, layout.TextBody].filter(Boolean) : []),
    model,
  );
  const renderModel = { ...suggested, ...model };
  const part = (key: "Subject" | "HtmlBody" | "TextBody"): Part => {
    if (!supplied.includes(key)) return null;
    const source = body[key] as string;
    const errors: NonNullable<Part>["ValidationErrors"] = [...validateLayout(source).errors];
    // An empty body is not present, so the placeholder rule does not apply to it.
    const placeholder =
      type === "Layout" && key === "Subject"
        ? "The 'Subject' field is not allowed for a layout template."
        : source === ""
          ? null
          : placeholderError(type, key, source);
    if (placeholder) errors.push({ Message: placeholder, Line: null, CharacterPosition: null });
    if (errors.length) return { ContentIsValid: false, ValidationErrors: errors, RenderedContent: "" };
    const html = key === "HtmlBody";
    const layoutPart = key === "HtmlBody" ? layout?.HtmlBody : key === "TextBody" ? layout?.TextBody : undefined;
    try {
      const rendered =
        type === "Layout"
          ? renderWithLayout(source, CONTENT_MARK, renderModel, { html }).replace(CONTENT_MARK, "{{{ @content }}}")
          : layoutPart && countContentPlaceholders(layoutPart) === 1
            ? renderWithLayout(layoutPart, source, renderModel, { html })
            : render(source, renderModel, { html });
      return { ContentIsValid: true, ValidationErrors: [], RenderedContent: rendered };
    } catch (e) {
      const err = e as {
        message?: string;
        line?: number;
        position?: number;
        Line?: number;
        CharacterPosition?: number;
      };
      return {
        ContentIsValid: false,
        ValidationErrors: [
          {
            Message: err.message ?? String(e),
            Line: err.line ?? err.Line ?? null,
            CharacterPosition: err.position ?? err.CharacterPosition ?? null,
          },
        ],
        RenderedContent: "",
      };
    }
  };
  const result = { Subject: part("Subject"), HtmlBody: part("HtmlBody"), TextBody: part("TextBody") };
  const AllContentIsValid = Object.values(result).every((p) => p === null || p.ContentIsValid);
  return {
    AllContentIsValid,
    HtmlBody: result.HtmlBody,
    TextBody: result.TextBody,
    Subject: result.Subject,
    SuggestedTemplateModel: suggested,
  };
};

const push: Handler<"templates.push"> = (ctx) => {
  const body = objectBody(ctx, 1109, "No data was supplied.");
  const source = ctx.world.servers.get(Number(body.SourceServerID));
  const dest = ctx.world.servers.get(Number(body.DestinationServerID));
  // Wording from Postmark's client live tests (postmark.js, postmark-java).
  if (!source && !dest) fail(601, "The source and destination servers were not found.");
  if (!source) fail(601, "The source server was not found.");
  if (!dest) fail(601, "The destination server was not found.");
  const perform = body.PerformChanges === true;
  const out: Answer<"templates.push">["Templates"] = [];
  const ordered = [...source.templates.values()]
    .filter((t) => t.Alias)
    .sort((a, b) => (a.TemplateType === "Layout" ? -1 : 0) - (b.TemplateType === "Layout" ? -1 : 0));
  for (const t of ordered.slice(0, 100)) {
    const existing = dest.findTemplate(t.Alias!);
    if (existing && existing.TemplateType !== t.TemplateType)
      fail(1125, `The template '${t.Alias}' has a different TemplateType on the destination server.`);
    if (
      existing &&
      existing.Name === t.Name &&
      existing.Subject === t.Subject &&
      existing.HtmlBody === t.HtmlBody &&
      existing.TextBody === t.TextBody &&
      existing.LayoutTemplate === t.LayoutTemplate
    )
      continue;
    let id: number | null = existing?.TemplateId ?? null;
    if (perform) {
      if (existing)
        Object.assign(existing, {
          Name: t.Name,
          Subject: t.Subject,
          HtmlBody: t.HtmlBody,
          TextBody: t.TextBody,
          LayoutTemplate: t.LayoutTemplate,
        });
      else {
        id = ctx.world.nextId("template");
        dest.templates.set(id, { ...t, TemplateId: id, AssociatedServerId: dest.id });
      }
    }
    out.push({
      Action: existing ? "Edit" : "Create",
      TemplateId: id,
      Alias: t.Alias,
      Name: t.Name,
      TemplateType: t.TemplateType,
    });
  }
  return { TotalCount: out.length, Templates: out };
};

export const templateHandlers = {
  "templates.list": (ctx) => {
    const q = ctx.query;
    const { count, offset } = paging(q, 1100);
    const type = q.get("templatetype") ?? "All";
    if (!["All", "Standard", "Layout"].includes(type)) fail(1100, "TemplateType must be All, Standard or Layout.");
    const layout = q.get("layouttemplate")?.toLowerCase();
    const list = [...ctx.server.templates.values()].filter(
      (t) =>
        t.Active &&
        (type === "All" || t.TemplateType === type) &&
        (layout === undefined || t.LayoutTemplate?.toLowerCase() === layout),
    );
    return {
      TotalCount: list.length,
      Templates: list.slice(offset, offset + count).map((t) => ({
        Active: t.Active,
        TemplateId: t.TemplateId,
        Name: t.Name,
        Alias: t.Alias,
        TemplateType: t.TemplateType,
        LayoutTemplate: t.LayoutTemplate,
      })),
    };
  },
  "templates.get": (ctx) => templateByPath(ctx),
  "templates.create": create,
  "templates.update": update,
  "templates.delete": (ctx) => {
    const t = templateByPath(ctx);
    if (
      t.TemplateType === "Layout" &&
      [...ctx.server.templates.values()].some((o) => o.LayoutTemplate && o.LayoutTemplate === t.Alias)
    )
      fail(1130, "This layout is in use by at least one template and cannot be deleted.");
    ctx.server.templates.delete(t.TemplateId);
    return { ErrorCode: 0, Message: `Template ${t.TemplateId} removed.` };
  },
  "templates.validate": validateTemplate,
  "templates.push": push,
} satisfies {
  [
    K in
      | "templates.list"
      | "templates.get"
      | "templates.create"
      | "templates.update"
      | "templates.delete"
      | "templates.validate"
      | "templates.push"
  ]: Handler<K>;
};
