import { z } from "zod";
import { operation } from "./operation";
import { pageCount, pageOffset } from "./shared";

/** One part of a validated template; null when the part was not sent (live capture). */
const renderedPart = z
  .looseObject({
    ContentIsValid: z.boolean(),
    ValidationErrors: z.array(
      z.looseObject({ Message: z.string(), Line: z.number().nullable(), CharacterPosition: z.number().nullable() }),
    ),
    RenderedContent: z.string().nullable(),
  })
  .nullable();

export const templatesCreate = operation({
  id: "templates.create",
  area: "templates",
  title: "Create an email template",
  description: "Create a standard template or a layout.",
  method: "POST",
  path: "/templates",
  token: "server",
  risk: "write",
  body: z.object({
    Name: z.string(),
    Alias: z.string().nullable().optional(),
    Subject: z.string().optional(),
    HtmlBody: z.string().optional(),
    TextBody: z.string().optional(),
    TemplateType: z.string().optional(),
    LayoutTemplate: z.string().nullable().optional(),
  }),
  response: z.looseObject({
    TemplateId: z.number(),
    Name: z.string().nullable(),
    Active: z.boolean(),
    Alias: z.string().nullable(),
    TemplateType: z.string().nullable(),
    LayoutTemplate: z.string().nullable(),
  }),
  invalidates: ["templates"],
  notes:
    "Returns a short record, not the full template. Max 100 templates per server (current docs; older docs said 300 active) -> 1105. postmark.js/dotnet post to '/templates/' (trailing slash tolerated).",
});

export const templatesList = operation({
  id: "templates.list",
  area: "templates",
  title: "List email templates",
  description: "Templates and layouts of the server.",
  method: "GET",
  path: "/templates",
  token: "server",
  risk: "read",
  query: z.object({
    Count: pageCount,
    Offset: pageOffset,
    TemplateType: z.string().optional(),
    LayoutTemplate: z.string().optional(),
  }),
  response: z.looseObject({
    TotalCount: z.number(),
    Templates: z.array(
      z.looseObject({
        Active: z.boolean(),
        TemplateId: z.number(),
        Name: z.string().nullable(),
        Alias: z.string().nullable(),
        TemplateType: z.string().nullable(),
        LayoutTemplate: z.string().nullable(),
      }),
    ),
  }),
  invalidates: [],
  notes:
    "Docs spell Count/Offset capitalized; SDKs send count/offset (case-insensitive). Bad paging or TemplateType -> 1100.",
});

export const templatesDelete = operation({
  id: "templates.delete",
  area: "templates",
  title: "Delete an email template",
  description: "Delete a template or an unused layout.",
  method: "DELETE",
  path: "/templates/{templateIdOrAlias}",
  token: "server",
  risk: "destructive",
  params: z.object({ templateIdOrAlias: z.string().min(1) }),
  response: z.looseObject({
    ErrorCode: z.number(),
    Message: z.string().nullable(),
  }),
  invalidates: ["templates"],
  notes:
    "Path accepts numeric id or alias. Layout in use -> 1130. A deleted template may still read back with Active false (dotnet live test).",
});

export const templatesGet = operation({
  id: "templates.get",
  area: "templates",
  title: "Get a template by ID or alias",
  description: "One template by id or alias, with its content.",
  method: "GET",
  path: "/templates/{templateIdOrAlias}",
  token: "server",
  risk: "read",
  params: z.object({ templateIdOrAlias: z.string().min(1) }),
  response: z.looseObject({
    TemplateId: z.number(),
    Name: z.string().nullable(),
    Subject: z.string().nullable(),
    HtmlBody: z.string().nullable(),
    TextBody: z.string().nullable(),
    AssociatedServerId: z.number(),
    Active: z.boolean(),
    Alias: z.string().nullable(),
    TemplateType: z.string().nullable(),
    LayoutTemplate: z.string().nullable(),
  }),
  invalidates: [],
  notes:
    'Unknown -> 422 ErrorCode 1101 ("The \'TemplateId\' associated with this request is not valid or was not found."). The docs example shows LayoutTemplate as the string "null" in one place \u2014 treat as a doc typo (null).',
});

export const templatesPush = operation({
  id: "templates.push",
  area: "templates",
  title: "Push templates between servers",
  description: "Copy templates by alias from one server to another.",
  method: "PUT",
  path: "/templates/push",
  token: "account",
  risk: "destructive",
  body: z.object({
    SourceServerID: z.number().int(),
    DestinationServerID: z.number().int(),
    PerformChanges: z.boolean(),
  }),
  response: z.looseObject({
    TotalCount: z.number(),
    Templates: z.array(
      z.looseObject({
        Action: z.string().nullable(),
        TemplateId: z.number().nullable(), // a preview of a Create has no id yet (Mailroom's sandbox answers null)
        Alias: z.string().nullable(),
        Name: z.string().nullable(),
        TemplateType: z.string().nullable(),
      }),
    ),
  }),
  invalidates: ["templates"],
  notes:
    "Account token (the only Templates call that needs it). Up to 100 templates per push (Templates FAQ). Matches by Alias; templates without an alias are skipped. Errors: 601 server not found, 1124 nothing to push, 1125 template type mismatch. Route /templates/push before /templates/{idOrAlias}.",
});

export const templatesUpdate = operation({
  id: "templates.update",
  area: "templates",
  title: "Update an email template",
  description: "Change a template's name, alias, subject, bodies or layout.",
  method: "PUT",
  path: "/templates/{templateIdOrAlias}",
  token: "server",
  risk: "write",
  params: z.object({ templateIdOrAlias: z.string().min(1) }),
  body: z.object({
    Name: z.string().optional(),
    Alias: z.string().nullable().optional(),
    Subject: z.string().optional(),
    HtmlBody: z.string().optional(),
    TextBody: z.string().optional(),
    LayoutTemplate: z.string().nullable().optional(),
  }),
  response: z.looseObject({
    TemplateId: z.number(),
    Name: z.string().nullable(),
    Active: z.boolean(),
    Alias: z.string().nullable(),
    TemplateType: z.string().nullable(),
    LayoutTemplate: z.string().nullable(),
  }),
  invalidates: ["templates"],
  notes: "Partial update; returns the short record. TemplateType cannot be changed.",
});

export const templatesValidate = operation({
  id: "templates.validate",
  area: "templates",
  title: "Validate template content",
  description: "Check template content and render it with a test model.",
  method: "POST",
  path: "/templates/validate",
  token: "server",
  risk: "read",
  body: z.object({
    Subject: z.string().optional(),
    HtmlBody: z.string().optional(),
    TextBody: z.string().optional(),
    TestRenderModel: z.record(z.string(), z.unknown()).optional(),
    InlineCssForHtmlTestRender: z.boolean().optional(),
    TemplateType: z.string().optional(),
    LayoutTemplate: z.string().optional(),
  }),
  response: z.looseObject({
    AllContentIsValid: z.boolean(),
    HtmlBody: renderedPart,
    TextBody: renderedPart,
    Subject: renderedPart,
    SuggestedTemplateModel: z.record(z.string(), z.unknown()),
  }),
  invalidates: [],
  notes:
    "Parts not sent come back as null (live capture). ValidationErrors items: {Message, Line, CharacterPosition} (1-based, may be null). SuggestedTemplateModel lists every variable found, with placeholder values '<name>_Value', merged with TestRenderModel.",
});
