import type { TemplateError } from "./errors";
import { tokenize, type Token } from "./tokenizer";

export type Node =
  | { type: "text"; text: string }
  | { type: "value"; path: string; escaped: boolean }
  | { type: "section"; path: string; inverted: boolean; children: Node[] }
  | { type: "each"; path: string; children: Node[] }
  | { type: "content" };

export interface ParseResult {
  nodes: Node[];
  errors: TemplateError[];
}

type Block = Extract<Node, { children: Node[] }>;

/** Builds a tree from the flat token list. Tolerant: blocks left open simply run to the end, so broken templates can still be analysed. */
export function buildTree(tokens: Token[]): Node[] {
  const root: Node[] = [];
  const stack: Block[] = [];
  const sink = (): Node[] => stack[stack.length - 1]?.children ?? root;

  for (const token of tokens) {
    switch (token.kind) {
      case "text":
        sink().push({ type: "text", text: token.text });
        break;
      case "value":
        sink().push({ type: "value", path: token.path, escaped: token.escaped });
        break;
      case "content":
        sink().push({ type: "content" });
        break;
      case "open":
      case "each-open": {
        const block: Block =
          token.kind === "open"
            ? { type: "section", path: token.path, inverted: token.inverted, children: [] }
            : { type: "each", path: token.path, children: [] };
        sink().push(block);
        stack.push(block);
        break;
      }
      case "close":
      case "each-close":
        stack.pop();
        break;
    }
  }
  return root;
}

export function parse(template: string, options: { contentPlaceholder?: boolean } = {}): ParseResult {
  const { tokens, errors } = tokenize(template, options);
  return { nodes: buildTree(tokens), errors };
}

/** Replaces every layout placeholder with the child's nodes, so the child renders in the placeholder's scope. */
export function splice(nodes: Node[], content: Node[]): Node[] {
  return nodes.flatMap((node): Node[] => {
    if (node.type === "content") return content;
    if (node.type === "section" || node.type === "each") return [{ ...node, children: splice(node.children, content) }];
    return [node];
  });
}

export function countPlaceholders(nodes: Node[]): number {
  return nodes.reduce(
    (n, node) =>
      n +
      (node.type === "content"
        ? 1
        : node.type === "section" || node.type === "each"
          ? countPlaceholders(node.children)
          : 0),
    0,
  );
}
