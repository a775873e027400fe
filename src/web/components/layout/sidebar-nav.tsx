import { Link } from "@tanstack/react-router";
import { navFor, navGroups } from "@/web/lib/nav";
import { useSessionUser } from "@/web/lib/session";

/** The sidebar's links, grouped; rendered in the desktop sidebar and the phone drawer. */
export function SidebarNav({ onNavigate }: { onNavigate?: () => void }) {
  const navItems = navFor(useSessionUser()?.role);
  return (
    <nav aria-label="Main" className="flex flex-col gap-4 px-3 py-3">
      {navGroups.map((group) => (
        <div key={group} className="flex flex-col gap-0.5">
          <h2 className="px-2 pb-1 text-xs font-medium tracking-wide text-muted-foreground uppercase">{group}</h2>
          <ul className="flex flex-col gap-0.5">
            {navItems
              .filter((item) => item.group === group)
              .map((item) => {
                const Icon = item.icon;
                return (
                  <li key={item.id}>
                    <Link
                      to={item.to}
                      activeOptions={{ exact: item.to === "/" }}
                      onClick={onNavigate}
                      className="flex items-center gap-2.5 rounded-md px-2 py-1 text-sm text-sidebar-foreground transition-colors hover:bg-sidebar-accent"
                      activeProps={{
                        className: "bg-sidebar-accent font-medium text-foreground",
                        "aria-current": "page",
                      }}
                    >
                      <Icon className="size-4 shrink-0 opacity-80" aria-hidden />
                      <span className="truncate">{item.title}</span>
                    </Link>
                  </li>
                );
              })}
          </ul>
        </div>
      ))}
    </nav>
  );
}
