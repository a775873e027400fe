import { ImageOff } from "lucide-react";
import { useState } from "react";
import { Button } from "@/web/components/ui/button";
import { hasRemoteContent, withoutRemoteContent } from "@/web/lib/email-html";

/**
 * With `blockRemote`, nothing remote loads (a CSP in the document) until the user asks.
 * Email HTML as the recipient sees it, isolated: `srcdoc` plus a `sandbox` without `allow-scripts`
 * (and without `allow-same-origin`), so nothing in the email runs or reaches this page.
 */
export function EmailFrame({
  html,
  title,
  className,
  blockRemote = false,
}: {
  html: string;
  title: string;
  className?: string;
  blockRemote?: boolean;
}) {
  const [allowed, setAllowed] = useState(false);
  const blocked = blockRemote && !allowed;
  const frame = (
    <iframe
      key={blocked ? "blocked" : "open"}
      title={title}
      sandbox=""
      srcDoc={blocked ? withoutRemoteContent(html) : html}
      referrerPolicy="no-referrer"
      className={className ?? "h-96 w-full rounded-md border bg-white"}
      data-testid="email-frame"
      data-remote={blocked ? "blocked" : "allowed"}
    />
  );
  if (!blocked || !hasRemoteContent(html)) return frame;
  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center gap-2 rounded-md border bg-muted/40 px-3 py-2 text-sm">
        <ImageOff className="size-4 text-muted-foreground" aria-hidden />
        <span className="min-w-0 flex-1">
          Remote images are not loaded, so tracking pixels do not fire when you look.
        </span>
        <Button size="sm" variant="outline" onClick={() => setAllowed(true)}>
          Load images
        </Button>
      </div>
      {frame}
    </div>
  );
}
