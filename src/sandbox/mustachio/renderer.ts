import { type Context, isTruthy, resolve } from "./context";
import { TemplateRenderError } from "./errors";
import { formatValue, htmlEncode } from "./format";
import type { Node } from "./parser";

export interface RenderOptions {
  /** HTML-escape `{{ x }}` (Mustachio's content safety). */
  html: boolean;
}

export function renderNodes(nodes: Node[], model: unknown, options: RenderOptions): string {
  const out: string[] = [];
  walk(nodes, { value: model, parent: null }, options, out);
  return out.join("");
}

function walk(nodes: Node[], context: Context, options: RenderOptions, out: string[]): void {
  for (const node of nodes) {
    switch (node.type) {
      case "text":
        out.push(node.text);
        break;
      case "value": {
        const { value } = resolve(context, node.path);
        if (value === null || value === undefined) break;
        const text = formatValue(value);
        out.push(node.escaped && options.html ? htmlEncode(text) : text);
        break;
      }
      case "section": {
        const inner = resolve(context, node.path);
        // Renders once, with the value (even an array) as the context; no iteration.
        if (isTruthy(inner.value) !== node.inverted) walk(node.children, inner, options, out);
        break;
      }
      case "each": {
        const list = resolve(context, node.path);
        if (!isTruthy(list.value)) break;
        if (!Array.isArray(list.value)) throw new TemplateRenderError(node.path);
        // Each item's parent is the array itself, so `../../` reaches the array's owner.
        for (const item of list.value) walk(node.children, { value: item, parent: list }, options, out);
        break;
      }
      case "content":
        // A placeholder that was never spliced (no child given) renders nothing.
        break;
    }
  }
}
