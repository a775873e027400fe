/**
 * Email HTML as the recipient sees it, isolated: `srcdoc` plus a `sandbox` without `allow-scripts`
 * (and without `allow-same-origin`), so nothing in the email runs or reaches this page.
 */
export function EmailFrame({ html, title, className }: { html: string; title: string; className?: string }) {
  return <iframe title={title} sandbox="" srcDoc={html} referrerPolicy="no-referrer" className={className ?? "h-96 w-full rounded-md border bg-white"} data-testid="email-frame" />;
}
