import { Link } from "@tanstack/react-router";
import { Construction, SquareTerminal } from "lucide-react";
import { PageHeader } from "@/web/components/page-header";
import { Button } from "@/web/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/web/components/ui/card";
import { navItem, type NavId } from "@/web/lib/nav";

/** A page that is not built yet: it says what will be here, and where to do the job today. */
export function AreaPlaceholder({ id }: { id: NavId }) {
  const item = navItem(id);
  const Icon = item.icon;
  return (
    <div className="mx-auto w-full max-w-3xl">
      <PageHeader title={<span className="inline-flex items-center gap-2"><Icon className="size-6 text-muted-foreground" aria-hidden />{item.title}</span>} description={item.summary} />
      <Card>
        <CardHeader>
          <CardTitle className="flex items-center gap-2 text-base">
            <Construction className="size-4 text-muted-foreground" aria-hidden />
            This page is not built yet
          </CardTitle>
          <CardDescription>Nothing here is made up: when this page arrives it will show real data from Postmark. It will offer:</CardDescription>
        </CardHeader>
        <CardContent className="flex flex-col gap-4">
          <ul className="list-disc space-y-1 pl-5 text-sm">
            {item.plans.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
          {item.area ? (
            <div className="flex flex-col gap-2 rounded-md bg-muted p-3 text-sm sm:flex-row sm:items-center sm:justify-between">
              <span>Every {item.title.toLowerCase()} operation already works in the Operations explorer.</span>
              <Button asChild size="sm" variant="outline">
                <Link to="/operations" search={{ area: item.area }}>
                  <SquareTerminal aria-hidden />
                  Open {item.title} operations
                </Link>
              </Button>
            </div>
          ) : (
            <p className="text-sm text-muted-foreground">This part of Mailroom runs on Mailroom's own server rather than a Postmark operation, so there is nothing to call from the explorer yet.</p>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
