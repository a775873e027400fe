import { Link } from "@tanstack/react-router";
import { Compass } from "lucide-react";
import { Button } from "@/web/components/ui/button";

export function NotFound() {
  return (
    <div role="alert" className="mx-auto flex max-w-md flex-col items-center gap-3 px-4 py-16 text-center">
      <Compass className="size-10 text-muted-foreground" aria-hidden />
      <h1 className="text-xl font-semibold">Page not found</h1>
      <p className="text-sm text-muted-foreground">
        There is nothing at this address. It may have moved, or the link may be mistyped.
      </p>
      <Button asChild variant="outline">
        <Link to="/">Back to Mailroom</Link>
      </Button>
    </div>
  );
}
