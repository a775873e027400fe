import type { StudioTemplate, TemplateContent } from "@/contract/api/template-studio";
import type { TemplateForm } from "../templates-shaping";
import type { FieldTexts } from "./field-merge";
import type { TemplateFile } from "./template-files";

export const textsOfTemplate = (t: Pick<StudioTemplate, keyof TemplateContent>): FieldTexts => ({
  Name: t.Name,
  Alias: t.Alias ?? "",
  Subject: t.Subject,
  LayoutTemplate: t.LayoutTemplate ?? "",
  HtmlBody: t.HtmlBody,
  TextBody: t.TextBody,
});

export const textsOfForm = (f: TemplateForm): FieldTexts => ({
  Name: f.Name,
  Alias: f.Alias,
  Subject: f.Subject,
  LayoutTemplate: f.LayoutTemplate,
  HtmlBody: f.HtmlBody,
  TextBody: f.TextBody,
});

export const formOfTexts = (t: FieldTexts, type: TemplateForm["TemplateType"]): TemplateForm => ({
  ...t,
  TemplateType: type,
});

/** What a save sends: empty alias or layout mean none. */
export const contentOfTexts = (t: FieldTexts): TemplateContent => ({
  Name: t.Name.trim(),
  Alias: t.Alias.trim() || null,
  Subject: t.Subject,
  HtmlBody: t.HtmlBody,
  TextBody: t.TextBody,
  LayoutTemplate: t.LayoutTemplate.trim() || null,
});

export const sameTexts = (a: FieldTexts, b: FieldTexts) =>
  (Object.keys(a) as Array<keyof FieldTexts>).every((k) => a[k] === b[k]);

export const fileOfTemplate = (t: StudioTemplate): TemplateFile => ({
  Name: t.Name,
  Alias: t.Alias,
  TemplateType: t.TemplateType,
  Subject: t.Subject,
  LayoutTemplate: t.LayoutTemplate,
  HtmlBody: t.HtmlBody,
  TextBody: t.TextBody,
});

export function isTemplateForm(v: unknown): v is TemplateForm {
  if (typeof v !== "object" || v === null) return false;
  const r = v as Record<string, unknown>;
  return (
    ["Name", "Alias", "Subject", "HtmlBody", "TextBody", "LayoutTemplate"].every((k) => typeof r[k] === "string") &&
    (r.TemplateType === "Standard" || r.TemplateType === "Layout")
  );
}
