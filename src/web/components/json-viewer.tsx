import { ChevronDown, ChevronRight } from "lucide-react";
import { useState } from "react";
import { cn } from "@/web/lib/utils";

function Scalar({ value }: { value: unknown }) {
  if (value === null) return <span className="text-muted-foreground">null</span>;
  if (typeof value === "string") return <span className="break-all text-success">"{value}"</span>;
  if (typeof value === "number") return <span className="text-primary">{value}</span>;
  if (typeof value === "boolean")
    return <span className="text-warning-foreground dark:text-warning">{String(value)}</span>;
  return <span>{String(value)}</span>;
}

function Node({ name, value, depth }: { name?: string; value: unknown; depth: number }) {
  const isArray = Array.isArray(value);
  const isObject = typeof value === "object" && value !== null;
  // Deep trees start folded so a long list stays readable.
  const [open, setOpen] = useState(depth < 2);
  const label = name !== undefined && <span className="text-foreground">{name}: </span>;
  if (!isObject) {
    return (
      <div className="pl-4">
        {label}
        <Scalar value={value} />
      </div>
    );
  }
  const entries = isArray
    ? (value as unknown[]).map((v, i) => [String(i), v] as const)
    : Object.entries(value as Record<string, unknown>);
  const brackets = isArray ? ["[", "]"] : ["{", "}"];
  return (
    <div className={cn(depth > 0 && "pl-4")}>
      <button
        type="button"
        onClick={() => setOpen(!open)}
        aria-expanded={open}
        className="-ml-4 inline-flex items-center rounded-sm text-left hover:bg-muted"
      >
        {open ? (
          <ChevronDown className="size-4 shrink-0" aria-hidden />
        ) : (
          <ChevronRight className="size-4 shrink-0" aria-hidden />
        )}
        {label}
        <span className="text-muted-foreground">
          {brackets[0]}
          {!open && ` ${entries.length} ${isArray ? "items" : "keys"} ${brackets[1]}`}
        </span>
      </button>
      {open && (
        <>
          {entries.map(([k, v]) => (
            <Node key={k} name={isArray ? undefined : k} value={v} depth={depth + 1} />
          ))}
          <div className="text-muted-foreground">{brackets[1]}</div>
        </>
      )}
    </div>
  );
}

/** A collapsible view of any JSON value. */
export function JsonViewer({ value, className }: { value: unknown; className?: string }) {
  return (
    <div
      data-testid="json-viewer"
      className={cn("overflow-x-auto rounded-md border bg-muted/40 p-3 pl-6 font-mono text-xs leading-5", className)}
    >
      <Node value={value} depth={0} />
    </div>
  );
}
