/** Long raw text (SMTP dumps, headers): monospaced, scrollable, never wider than its box. */
export function RawText({ text, label }: { text: string; label: string }) {
  return (
    <pre
      aria-label={label}
      className="max-h-96 overflow-auto rounded-md border bg-muted/40 p-3 font-mono text-xs leading-5 whitespace-pre-wrap break-all"
    >
      {text}
    </pre>
  );
}
