import { isRecord, pathSegments } from "./context";
import type { Node } from "./parser";
import { isValidPath } from "./tokenizer";

/** What the templates reveal about one model value. */
interface Shape {
  name: string;
  keys: Map<string, Shape>;
  /** Set when the value is looped over with `{{#each}}`. */
  item?: Shape;
}

interface ShapeContext {
  shape: Shape;
  parent: ShapeContext | null;
}

const newShape = (name: string): Shape => ({ name, keys: new Map() });

// Same walk as the renderer's resolve(), so `../` lands on the same value it would at render time.
function resolveShape(context: ShapeContext, path: string): ShapeContext {
  let current = context;
  for (const segment of pathSegments(path)) {
    if (segment.startsWith("..")) {
      current = current.parent ?? current;
      continue;
    }
    let child = current.shape.keys.get(segment);
    if (!child) {
      child = newShape(segment);
      current.shape.keys.set(segment, child);
    }
    current = { shape: child, parent: current };
  }
  return current;
}

function collect(nodes: Node[], context: ShapeContext): void {
  for (const node of nodes) {
    if (node.type === "text" || node.type === "content") continue;
    // Invalid paths (`@content`, `pm:unsubscribe`, `if x`…) are not model variables.
    const usable = isValidPath(node.path);
    if (node.type === "value") {
      if (usable) resolveShape(context, node.path);
    } else if (node.type === "section") {
      collect(node.children, usable ? resolveShape(context, node.path) : context);
    } else if (!usable) {
      collect(node.children, context);
    } else {
      const list = resolveShape(context, node.path);
      list.shape.item ??= newShape(list.shape.name);
      collect(node.children, { shape: list.shape.item, parent: list });
    }
  }
}

function materialize(shape: Shape): unknown {
  if (shape.item) return [materialize(shape.item)];
  if (shape.keys.size > 0) return materializeKeys(shape);
  return `${shape.name}_Value`;
}

function materializeKeys(shape: Shape): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, child] of shape.keys) out[key] = materialize(child);
  return out;
}

/** Base values win; where both sides hold objects they are merged key by key. */
function mergeUnder(suggested: Record<string, unknown>, base: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(suggested)) {
    if (!Object.hasOwn(base, key)) out[key] = value;
    else {
      const given = base[key];
      out[key] = isRecord(value) && isRecord(given) ? mergeUnder(value, given) : given;
    }
  }
  for (const [key, value] of Object.entries(base)) if (!Object.hasOwn(out, key)) out[key] = value;
  return out;
}

export function suggestFromTrees(trees: Node[][], base: Record<string, unknown> = {}): Record<string, unknown> {
  const root = newShape("");
  for (const nodes of trees) collect(nodes, { shape: root, parent: null });
  return mergeUnder(materializeKeys(root), base);
}
