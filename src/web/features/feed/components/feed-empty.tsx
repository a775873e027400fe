import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { Radio, SearchX } from "lucide-react";
import { EmptyState } from "@/web/components/empty-state";
import { Button } from "@/web/components/ui/button";
import { healthQuery } from "@/web/lib/app-queries";

/** No events at all: say how they get here, which differs between the sandbox and live Postmark. */
export function FeedEmpty({ filtered, onClear }: { filtered: boolean; onClear: () => void }) {
  const health = useQuery(healthQuery);
  if (filtered) {
    return (
      <EmptyState icon={SearchX} title="No events match these filters">
        <p>The filters search all stored history. New matching events appear here as they arrive.</p>
        <Button variant="outline" size="sm" className="mt-3" onClick={onClear}>
          Clear filters
        </Button>
      </EmptyState>
    );
  }
  const sandbox = health.data?.mode === "sandbox";
  return (
    <EmptyState icon={Radio} title="No events yet">
      {sandbox ? (
        <p>
          In sandbox mode events flow by themselves: the sandbox's webhooks point at Mailroom from the start, and its
          simulated traffic posts deliveries, opens, clicks and bounces here. You can also{" "}
          <Link to="/triggers" className="font-medium text-primary underline-offset-4 hover:underline">
            send a test event
          </Link>
          .
        </p>
      ) : (
        <p>
          Events appear when Postmark posts webhooks to Mailroom. Wire them in{" "}
          <Link
            to="/settings"
            search={{ tab: "webhooks" }}
            className="font-medium text-primary underline-offset-4 hover:underline"
          >
            Settings → Webhooks
          </Link>
          : it shows which of the 8 triggers reach Mailroom and wires the missing ones.
        </p>
      )}
    </EmptyState>
  );
}
