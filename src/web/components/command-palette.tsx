import { useNavigate } from "@tanstack/react-router";
import { Command } from "cmdk";
import { AtSign, SquareTerminal } from "lucide-react";
import { useState } from "react";
import { areas, operationList } from "@/contract/postmark";
import { Dialog, DialogContent, DialogDescription, DialogTitle } from "@/web/components/ui/dialog";
import { looksLikeEmail } from "@/web/lib/email";
import { navFor } from "@/web/lib/nav";
import { useSessionUser } from "@/web/lib/session";
import { operationParams } from "@/web/lib/operation-link";

const itemClass =
  "flex cursor-default items-center gap-2 rounded-sm px-2 py-2 text-sm outline-none select-none data-[selected=true]:bg-accent data-[selected=true]:text-accent-foreground [&_svg]:size-4 [&_svg]:shrink-0 [&_svg]:text-muted-foreground";
const groupClass =
  "px-1 py-1 [&_[cmdk-group-heading]]:px-2 [&_[cmdk-group-heading]]:py-1.5 [&_[cmdk-group-heading]]:text-xs [&_[cmdk-group-heading]]:font-medium [&_[cmdk-group-heading]]:text-muted-foreground";

/** Ctrl/Cmd-K: jump to any page or any of the catalog's operations. */
export function CommandPalette({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const navigate = useNavigate();
  const navItems = navFor(useSessionUser()?.role);
  const [text, setText] = useState("");
  const email = looksLikeEmail(text) ? text.trim().toLowerCase() : null;
  const go = (fn: () => Promise<void>) => {
    onOpenChange(false);
    void fn();
  };
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent className="max-w-xl gap-0 overflow-hidden p-0" showClose={false}>
        <DialogTitle className="sr-only">Search</DialogTitle>
        <DialogDescription className="sr-only">Jump to a page or an operation</DialogDescription>
        <Command label="Search pages and operations" className="flex flex-col">
          <Command.Input
            autoFocus
            value={text}
            onValueChange={setText}
            placeholder="Go to a page or an operation…"
            className="h-12 w-full border-b bg-transparent px-4 text-sm outline-none placeholder:text-muted-foreground"
          />
          <Command.List className="max-h-[min(60dvh,420px)] overflow-y-auto">
            <Command.Empty className="py-6 text-center text-sm text-muted-foreground">Nothing matches.</Command.Empty>
            {email && (
              <Command.Group heading="Address" className={groupClass} forceMount>
                <Command.Item
                  value={`address ${email}`}
                  forceMount
                  className={itemClass}
                  onSelect={() => go(() => navigate({ to: "/address/$email", params: { email } }))}
                >
                  <AtSign />
                  <span className="min-w-0 flex-1 truncate">Look up {email}</span>
                </Command.Item>
              </Command.Group>
            )}
            <Command.Group heading="Pages" className={groupClass}>
              {navItems.map((item) => {
                const Icon = item.icon;
                return (
                  <Command.Item
                    key={item.id}
                    value={`page ${item.title}`}
                    keywords={[item.summary]}
                    className={itemClass}
                    onSelect={() => go(() => navigate({ to: item.to }))}
                  >
                    <Icon />
                    {item.title}
                  </Command.Item>
                );
              })}
            </Command.Group>
            <Command.Group heading="Operations" className={groupClass}>
              {operationList.map((op) => (
                <Command.Item
                  key={op.id}
                  value={`op ${op.id} ${op.title}`}
                  keywords={[areas[op.area].title, op.path, op.method]}
                  className={itemClass}
                  onSelect={() =>
                    go(() => navigate({ to: "/operations/$group/$name", params: operationParams(op.id) }))
                  }
                >
                  <SquareTerminal />
                  <span className="min-w-0 flex-1 truncate">{op.title}</span>
                  <span className="shrink-0 text-xs text-muted-foreground">{areas[op.area].title}</span>
                </Command.Item>
              ))}
            </Command.Group>
          </Command.List>
        </Command>
      </DialogContent>
    </Dialog>
  );
}
