import { XIcon } from "lucide-react";
import { Dialog as DialogPrimitive } from "radix-ui";
import type { ReactNode } from "react";
import { Button } from "@/web/components/ui/button";
import { cn } from "@/web/lib/utils";

/** A detail panel from the right edge on a desktop, the whole screen on a phone; open state lives in the URL. */
export function SidePanel({
  open,
  onClose,
  title,
  description,
  children,
  testId,
  wide,
}: {
  open: boolean;
  onClose: () => void;
  title: ReactNode;
  description?: ReactNode;
  children: ReactNode;
  testId?: string;
  wide?: boolean;
}) {
  return (
    <DialogPrimitive.Root open={open} onOpenChange={(o) => !o && onClose()}>
      <DialogPrimitive.Portal>
        <DialogPrimitive.Overlay className="fixed inset-0 z-50 bg-black/40" />
        <DialogPrimitive.Content
          data-testid={testId}
          aria-describedby={undefined}
          className={cn(
            "fixed inset-0 z-50 flex flex-col bg-background shadow-lg focus:outline-none sm:inset-y-0 sm:right-0 sm:left-auto sm:max-w-[92vw] sm:border-l",
            wide ? "sm:w-[48rem]" : "sm:w-[36rem]",
          )}
        >
          <header className="flex items-start gap-3 border-b px-4 py-3">
            <div className="flex min-w-0 flex-1 flex-col gap-1">
              <DialogPrimitive.Title className="min-w-0 truncate text-base font-semibold">
                {title}
              </DialogPrimitive.Title>
              {description && <div className="min-w-0 truncate text-xs text-muted-foreground">{description}</div>}
            </div>
            <DialogPrimitive.Close asChild>
              <Button variant="ghost" size="icon" className="-mr-2 shrink-0" aria-label="Close details">
                <XIcon aria-hidden />
              </Button>
            </DialogPrimitive.Close>
          </header>
          <div className="min-h-0 flex-1 overflow-y-auto px-4 py-4">{children}</div>
        </DialogPrimitive.Content>
      </DialogPrimitive.Portal>
    </DialogPrimitive.Root>
  );
}

/** A label/value pair in a detail list; empty values are left out. */
export function DetailField({ label, children, mono }: { label: string; children: ReactNode; mono?: boolean }) {
  if (children === null || children === undefined || children === "") return null;
  return (
    <>
      <dt className="text-muted-foreground">{label}</dt>
      <dd className={mono ? "min-w-0 font-mono text-xs leading-5 break-all" : "min-w-0 break-words"}>{children}</dd>
    </>
  );
}
