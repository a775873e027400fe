import { templatesCreate, templatesUpdate } from "@/contract/postmark/templates";
import { fieldErrors } from "@/web/lib/form-errors";

export type TemplateKind = "Standard" | "Layout";

export interface TemplateForm {
  Name: string;
  Alias: string;
  Subject: string;
  HtmlBody: string;
  TextBody: string;
  LayoutTemplate: string;
  TemplateType: TemplateKind;
}

export interface TemplateRecord {
  TemplateId: number;
  Name: string | null;
  Alias: string | null;
  Subject?: string | null;
  HtmlBody?: string | null;
  TextBody?: string | null;
  TemplateType: string | null;
  LayoutTemplate: string | null;
}

export const emptyForm: TemplateForm = {
  Name: "",
  Alias: "",
  Subject: "",
  HtmlBody: "<p>Hello {{name}}</p>\n",
  TextBody: "Hello {{name}}\n",
  LayoutTemplate: "",
  TemplateType: "Standard",
};

export function formFor(t: TemplateRecord | undefined): TemplateForm {
  if (!t) return emptyForm;
  return {
    Name: t.Name ?? "",
    Alias: t.Alias ?? "",
    Subject: t.Subject ?? "",
    HtmlBody: t.HtmlBody ?? "",
    TextBody: t.TextBody ?? "",
    LayoutTemplate: t.LayoutTemplate ?? "",
    TemplateType: t.TemplateType === "Layout" ? "Layout" : "Standard",
  };
}

type Result<T> = { ok: true; body: T } | { ok: false; errors: Record<string, string> };

function localErrors(f: TemplateForm): Record<string, string> {
  const e: Record<string, string> = {};
  if (!f.Name.trim()) e.Name = "A name is required.";
  if (f.Alias.trim() && !/^[a-z][a-z0-9._-]*$/i.test(f.Alias.trim()))
    e.Alias = "A letter first, then letters, digits, '.', '-' and '_'.";
  if (f.TemplateType === "Standard" && !f.Subject.trim()) e.Subject = "A subject is required.";
  if (!f.HtmlBody.trim() && !f.TextBody.trim()) e.HtmlBody = "An HTML or a text body is required.";
  return e;
}

/** The templates.create body: a layout carries no Subject and no LayoutTemplate. */
export function createTemplateBody(f: TemplateForm): Result<ReturnType<typeof templatesCreate.body.parse>> {
  const errors = localErrors(f);
  const layout = f.TemplateType === "Layout";
  const parsed = templatesCreate.body.safeParse({
    Name: f.Name.trim(),
    ...(f.Alias.trim() ? { Alias: f.Alias.trim() } : {}),
    ...(layout ? {} : { Subject: f.Subject }),
    HtmlBody: f.HtmlBody,
    TextBody: f.TextBody,
    TemplateType: f.TemplateType,
    ...(!layout && f.LayoutTemplate ? { LayoutTemplate: f.LayoutTemplate } : {}),
  });
  if (!parsed.success) Object.assign(errors, fieldErrors(parsed.error));
  if (Object.keys(errors).length || !parsed.success) return { ok: false, errors };
  return { ok: true, body: parsed.data };
}

/** The templates.update body: the type cannot change; an empty layout means none (null). */
export function updateTemplateBody(f: TemplateForm): Result<ReturnType<typeof templatesUpdate.body.parse>> {
  const errors = localErrors(f);
  const layout = f.TemplateType === "Layout";
  const parsed = templatesUpdate.body.safeParse({
    Name: f.Name.trim(),
    Alias: f.Alias.trim() || null,
    ...(layout ? {} : { Subject: f.Subject, LayoutTemplate: f.LayoutTemplate || null }),
    HtmlBody: f.HtmlBody,
    TextBody: f.TextBody,
  });
  if (!parsed.success) Object.assign(errors, fieldErrors(parsed.error));
  if (Object.keys(errors).length || !parsed.success) return { ok: false, errors };
  return { ok: true, body: parsed.data };
}

/** The templates.validate body for what is being edited. */
export function validateBody(f: TemplateForm, model: Record<string, unknown> | undefined) {
  const layout = f.TemplateType === "Layout";
  return {
    ...(layout ? {} : { Subject: f.Subject }),
    HtmlBody: f.HtmlBody,
    TextBody: f.TextBody,
    TemplateType: f.TemplateType,
    ...(!layout && f.LayoutTemplate ? { LayoutTemplate: f.LayoutTemplate } : {}),
    ...(model ? { TestRenderModel: model } : {}),
    InlineCssForHtmlTestRender: true,
  };
}

export interface PartError {
  message: string;
  /** "line 3, position 7", or "" when Postmark gave no place. */
  where: string;
}

/** Reads `{Message, Line, CharacterPosition}` items (either may be null) into display lines. */
export function partErrors(items: readonly unknown[]): PartError[] {
  return items.map((item) => {
    const r = (typeof item === "object" && item !== null ? item : {}) as {
      Message?: unknown;
      Line?: unknown;
      CharacterPosition?: unknown;
    };
    const where = [
      typeof r.Line === "number" ? `line ${r.Line}` : "",
      typeof r.CharacterPosition === "number" ? `position ${r.CharacterPosition}` : "",
    ]
      .filter(Boolean)
      .join(", ");
    return { message: typeof r.Message === "string" ? r.Message : String(item), where };
  });
}

/** The test model typed as JSON: an object, or why not. Empty text means no model. */
export function parseModel(text: string): { model: Record<string, unknown> | undefined } | { error: string } {
  if (!text.trim()) return { model: undefined };
  try {
    const v = JSON.parse(text) as unknown;
    if (typeof v !== "object" || v === null || Array.isArray(v))
      return { error: "The test model must be a JSON object." };
    return { model: v as Record<string, unknown> };
  } catch (e) {
    return { error: `Not valid JSON: ${(e as Error).message}` };
  }
}
