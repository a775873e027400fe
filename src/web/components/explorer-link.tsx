import { Link } from "@tanstack/react-router";
import { SquareTerminal } from "lucide-react";
import type { AreaId } from "@/contract/postmark/area-ids";
import { Button } from "@/web/components/ui/button";

/**
 * Every area page offers its raw operations in the Operations explorer: as a button among the
 * page's actions, or as a link inside its description.
 */
export function ExplorerLink({ area, inline = false }: { area: AreaId; inline?: boolean }) {
  if (inline)
    return (
      <Link to="/operations" search={{ area }} className="text-primary hover:underline">
        Open in the Operations explorer
      </Link>
    );
  return (
    <Button variant="outline" size="sm" asChild>
      <Link to="/operations" search={{ area }}>
        <SquareTerminal aria-hidden />
        Operations explorer
      </Link>
    </Button>
  );
}
