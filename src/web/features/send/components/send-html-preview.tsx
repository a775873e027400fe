/** Email HTML only ever renders here: a sandboxed iframe without allow-scripts, fed by srcdoc. */
export function SendHtmlPreview({ html, title = "HTML preview" }: { html: string; title?: string }) {
  if (!html.trim()) {
    return (
      <div className="flex h-64 items-center justify-center rounded-md border border-dashed p-4 text-center text-sm text-muted-foreground">
        The HTML preview appears here.
      </div>
    );
  }
  return (
    <iframe
      title={title}
      sandbox=""
      srcDoc={html}
      className="h-80 w-full rounded-md border bg-white"
      data-testid="send-html-preview"
    />
  );
}
