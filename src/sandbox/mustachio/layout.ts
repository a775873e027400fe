import { TemplateSyntaxError } from "./errors";
import { parse, splice } from "./parser";
import { renderNodes } from "./renderer";
import { tokenize } from "./tokenizer";

/**
 * Splices the child's parsed nodes in at each `{{{ @content }}}` and renders the whole tree with one model,
 * as Mustachio's token expander does: the child resolves names in the scope where the placeholder sits.
 * Content errors are reported first (positions relative to the content), then layout errors.
 */
export function renderLayout(layout: string, content: string, model: unknown, html: boolean): string {
  const child = parse(content);
  if (child.errors.length > 0) throw new TemplateSyntaxError(child.errors);
  const parent = parse(layout, { contentPlaceholder: true });
  if (parent.errors.length > 0) throw new TemplateSyntaxError(parent.errors);
  return renderNodes(splice(parent.nodes, child.nodes), model, { html });
}

/** `{{{ @content }}}` / `{{{@content}}}` (any whitespace inside the braces, or `{{& @content }}`). */
export function countPlaceholderTags(layout: string): number {
  return tokenize(layout, { contentPlaceholder: true }).tokens.filter((t) => t.kind === "content").length;
}
