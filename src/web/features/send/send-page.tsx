import { getRouteApi } from "@tanstack/react-router";
import { ExplorerLink } from "@/web/components/explorer-link";
import { Lock } from "lucide-react";
import { PageHeader } from "@/web/components/page-header";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/web/components/ui/tabs";
import { permission } from "@/web/lib/permissions";
import { useSessionUser } from "@/web/lib/session";
import { SendBatchForm } from "./components/send-batch-form";
import { SendBulkForm } from "./components/send-bulk-form";
import { SendComposeForm } from "./components/send-compose-form";
import { SendTemplateForm } from "./components/send-template-form";
import { sendModes } from "./send-search";

const route = getRouteApi("/_app/send");

export function SendPage() {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const user = useSessionUser();
  // Sends are write operations: the server refuses them for viewers, so the form says so first.
  const allowed = permission(user?.role, "write");
  const disabled = !allowed.allowed;

  return (
    <div className="mx-auto w-full max-w-5xl">
      <PageHeader
        title="Send"
        description="Send one message, composed here or rendered from a template; a batch of separate messages from a file; or one message to many recipients on a broadcast stream."
        actions={<ExplorerLink area="send" />}
      />
      {disabled && (
        <div
          className="mb-4 flex items-start gap-2 rounded-lg border bg-muted/50 p-3 text-sm"
          data-testid="role-reason"
        >
          <Lock className="mt-0.5 size-4 shrink-0 text-muted-foreground" aria-hidden />
          <p>{allowed.reason}</p>
        </div>
      )}
      <Tabs
        value={search.mode}
        onValueChange={(v) =>
          void navigate({ search: (s) => ({ ...s, mode: sendModes.find((m) => m === v) ?? "compose" }) })
        }
      >
        <TabsList>
          <TabsTrigger value="compose">Compose</TabsTrigger>
          <TabsTrigger value="template">With a template</TabsTrigger>
          <TabsTrigger value="batch">Batch</TabsTrigger>
          <TabsTrigger value="bulk">Bulk</TabsTrigger>
        </TabsList>
        <TabsContent value="compose">
          <SendComposeForm disabled={disabled} />
        </TabsContent>
        <TabsContent value="template">
          <SendTemplateForm
            disabled={disabled}
            template={search.template}
            onTemplate={(t) => void navigate({ search: (s) => ({ ...s, template: t }) })}
          />
        </TabsContent>
        <TabsContent value="batch">
          <SendBatchForm disabled={disabled} />
        </TabsContent>
        <TabsContent value="bulk">
          <SendBulkForm
            disabled={disabled}
            followId={search.bulk}
            onFollow={(id) => void navigate({ search: (s) => ({ ...s, bulk: id }) })}
          />
        </TabsContent>
      </Tabs>
    </div>
  );
}
