import { Outlet } from "@tanstack/react-router";
import { Search } from "lucide-react";
import { lazy, Suspense, useEffect, useState } from "react";
import { Button } from "@/web/components/ui/button";
import { LiveIndicator } from "@/web/components/live-indicator";
import { TooltipProvider } from "@/web/components/ui/tooltip";
import { useEventStreamConnection } from "@/web/lib/event-stream";
import { Brand } from "./brand";
import { MobileNav } from "./mobile-nav";
import { ModeBadge } from "./mode-badge";
import { ServerSwitcher } from "./server-switcher";
import { SidebarNav } from "./sidebar-nav";
import { ThemeMenu } from "./theme-menu";
import { UserMenu } from "./user-menu";

// The palette lists all 84 operations, so the catalog loads only when someone opens it.
const CommandPalette = lazy(() =>
  import("@/web/components/command-palette").then((m) => ({ default: m.CommandPalette })),
);

export function AppLayout() {
  const [paletteOpen, setPaletteOpen] = useState(false);
  // The tab's one live event connection: it refreshes affected pages and feeds the live views.
  useEventStreamConnection();
  // Push and the installable app need the service worker. It is registered once signed in, so the
  // sign-in page stays light; dev builds skip it so hot reload is never shadowed.
  useEffect(() => {
    if (import.meta.env.PROD) void import("@/web/lib/push").then((push) => push.registerServiceWorkerAfterLoad());
  }, []);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key.toLowerCase() === "k" && (e.metaKey || e.ctrlKey)) {
        e.preventDefault();
        setPaletteOpen((o) => !o);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  return (
    <TooltipProvider>
      <div className="flex min-h-dvh w-full">
        <aside className="sticky top-0 hidden h-dvh w-60 shrink-0 flex-col border-r bg-sidebar md:flex">
          <div className="flex h-14 shrink-0 items-center border-b px-5">
            <Brand />
          </div>
          <div className="flex-1 overflow-y-auto">
            <SidebarNav />
          </div>
        </aside>
        <div className="flex min-w-0 flex-1 flex-col">
          <header className="sticky top-0 z-30 flex h-14 items-center gap-1.5 border-b sm:gap-2 bg-background/95 px-3 backdrop-blur md:px-6">
            <MobileNav />
            <ServerSwitcher />
            <ModeBadge />
            {/* On a phone the server name needs the room; the feed page shows the connection itself. */}
            <span className="hidden sm:contents">
              <LiveIndicator compact />
            </span>
            <div className="flex-1" />
            <Button
              variant="outline"
              size="sm"
              className="text-muted-foreground"
              onClick={() => setPaletteOpen(true)}
              aria-label="Search pages and operations"
            >
              <Search />
              <span className="hidden sm:inline">Search…</span>
              <kbd className="hidden rounded border bg-muted px-1.5 font-mono text-[10px] sm:inline">Ctrl K</kbd>
            </Button>
            <ThemeMenu />
            <UserMenu />
          </header>
          <main className="min-w-0 flex-1 px-4 py-6 md:px-8">
            <Outlet />
          </main>
        </div>
        {paletteOpen && (
          <Suspense fallback={null}>
            <CommandPalette open={paletteOpen} onOpenChange={setPaletteOpen} />
          </Suspense>
        )}
      </div>
    </TooltipProvider>
  );
}
