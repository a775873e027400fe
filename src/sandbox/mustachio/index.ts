// Postmark's template language (Mustachio), reproduced from the engine's behaviour; its test vectors are in ./fixtures.
import { TemplateSyntaxError, type ValidationResult } from "./errors";
import { countPlaceholderTags, renderLayout } from "./layout";
import { parse } from "./parser";
import { renderNodes } from "./renderer";
import { suggestFromTrees } from "./suggest-model";

export { TemplateRenderError, TemplateSyntaxError } from "./errors";
export type { TemplateError, ValidationResult } from "./errors";

/**
 * Renders Mustachio `template` with `model`; `html` (default true) decides whether `{{ x }}` is HTML-escaped.
 * Throws TemplateSyntaxError on bad syntax and TemplateRenderError when `{{#each}}` meets a non-array.
 */
export function render(template: string, model: unknown, options?: { html?: boolean }): string {
  const { nodes, errors } = parse(template);
  if (errors.length > 0) throw new TemplateSyntaxError(errors);
  return renderNodes(nodes, model, { html: options?.html ?? true });
}

/** Checks syntax without rendering. `{{{ @content }}}` is an error here, as in the plain engine. */
export function validate(template: string): ValidationResult {
  const { errors } = parse(template);
  return { valid: errors.length === 0, errors };
}

/** Like validate(), but accepts the layout's `{{{ @content }}}` placeholder. */
export function validateLayout(layout: string): ValidationResult {
  const { errors } = parse(layout, { contentPlaceholder: true });
  return { valid: errors.length === 0, errors };
}

/** Every variable path the templates use, as a model with placeholder values (`name_Value`), merged under `base` (base wins). */
export function suggestModel(templates: string[], base?: Record<string, unknown>): Record<string, unknown> {
  return suggestFromTrees(
    templates.map((t) => parse(t, { contentPlaceholder: true }).nodes),
    base,
  );
}

/** Renders `content` inside `layout` at `{{{ @content }}}`, with one model for both. */
export function renderWithLayout(
  layout: string,
  content: string,
  model: unknown,
  options?: { html?: boolean },
): string {
  return renderLayout(layout, content, model, options?.html ?? true);
}

/** Number of `{{{ @content }}}` placeholders in a layout (must be exactly 1, else ErrorCode 1131). */
export function countContentPlaceholders(layout: string): number {
  return countPlaceholderTags(layout);
}
