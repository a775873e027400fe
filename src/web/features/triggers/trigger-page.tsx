import { getRouteApi, Link } from "@tanstack/react-router";
import { ArrowLeft } from "lucide-react";
import { triggerId, triggers } from "@/contract/postmark/triggers";
import { JsonViewer } from "@/web/components/json-viewer";
import { NotFound } from "@/web/components/not-found";
import { PageHeader } from "@/web/components/page-header";
import { TriggerIcon } from "@/web/components/trigger-badge";
import { Button } from "@/web/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/web/components/ui/card";
import { TriggersFields } from "./components/triggers-fields";
import { TriggersTestEvent } from "./components/triggers-test-event";
import { TriggersUsage } from "./components/triggers-usage";

const route = getRouteApi("/_app/triggers/$trigger");

export function TriggerPage() {
  const parsed = triggerId.safeParse(route.useParams().trigger);
  if (!parsed.success) return <NotFound />;
  const t = triggers[parsed.data];
  return (
    <div className="mx-auto w-full max-w-5xl">
      <Button asChild variant="link" size="sm" className="mb-2 h-auto px-0 text-muted-foreground">
        <Link to="/triggers">
          <ArrowLeft aria-hidden />
          All triggers
        </Link>
      </Button>
      <PageHeader
        title={
          <span className="inline-flex items-center gap-3">
            <TriggerIcon kind={t.id} className="size-9" />
            {t.title}
          </span>
        }
        description={t.description}
      />
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="flex min-w-0 flex-col gap-4">
          <Card>
            <CardHeader>
              <CardTitle className="text-base">What fires it</CardTitle>
            </CardHeader>
            <CardContent className="flex flex-col gap-1 text-sm">
              <p>
                <span className="text-muted-foreground">Switched on by: </span>
                {t.setup}
              </p>
              <p>
                <span className="text-muted-foreground">Recognised by: </span>
                {t.recordType ? (
                  <code className="font-mono text-xs">
                    RecordType: "{t.recordType}"{t.id === "smtp-api-error" ? ', Type: "SMTPApiError"' : ""}
                  </code>
                ) : (
                  "no RecordType; a From and a MessageID"
                )}
              </p>
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle className="text-base">Send a test event</CardTitle>
              <CardDescription>
                Check the whole path: Postmark's payload, Mailroom's intake, the live feed and any workflow on this
                trigger.
              </CardDescription>
            </CardHeader>
            <CardContent>
              <TriggersTestEvent trigger={t.id} />
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle className="text-base">Fields</CardTitle>
              <CardDescription>What the payload carries; workflows map these into actions.</CardDescription>
            </CardHeader>
            <CardContent>
              <TriggersFields fields={t.fields} />
            </CardContent>
          </Card>
        </div>
        <div className="flex min-w-0 flex-col gap-4">
          <TriggersUsage trigger={t.id} />
          <Card>
            <CardHeader>
              <CardTitle className="text-base">Example payload</CardTitle>
            </CardHeader>
            <CardContent>
              <JsonViewer value={t.example} />
            </CardContent>
          </Card>
        </div>
      </div>
    </div>
  );
}
