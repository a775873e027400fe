import { useQuery } from "@tanstack/react-query";
import { Badge } from "@/web/components/ui/badge";
import { Tooltip, TooltipContent, TooltipTrigger } from "@/web/components/ui/tooltip";
import { healthQuery } from "@/web/lib/app-queries";

/** Says whether calls reach the local sandbox or the real Postmark. */
export function ModeBadge() {
  const { data } = useQuery(healthQuery);
  if (!data) return null;
  const sandbox = data.mode === "sandbox";
  return (
    <Tooltip>
      <TooltipTrigger asChild>
        <Badge variant={sandbox ? "warning" : "success"} tabIndex={0} data-testid="mode-badge">
          {sandbox ? "Sandbox" : "Live"}
        </Badge>
      </TooltipTrigger>
      <TooltipContent>
        {sandbox
          ? "Calls go to the local fake Postmark; nothing is really sent."
          : "Calls go to Postmark; messages are really sent."}{" "}
        Upstream: {data.upstream}
      </TooltipContent>
    </Tooltip>
  );
}
