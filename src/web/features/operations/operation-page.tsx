import { useMutation, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { ArrowLeft, Info, LoaderCircle, Lock, Play } from "lucide-react";
import { useMemo, useState, type FormEvent } from "react";
import { areas, operations, type Operation } from "@/contract/postmark";
import { NotFound } from "@/web/components/not-found";
import { PageHeader } from "@/web/components/page-header";
import { Badge } from "@/web/components/ui/badge";
import { Button } from "@/web/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/web/components/ui/card";
import { rawRequest } from "@/web/lib/api-client";
import {
  initialValues,
  operationFields,
  prepareRequest,
  sections,
  type FieldValue,
  type FormValues,
  type PreparedRequest,
  type Section,
} from "@/web/lib/operation-request";
import { permission } from "@/web/lib/permissions";
import { operationIdFromParams } from "@/web/lib/operation-link";
import { invalidateAfter } from "@/web/lib/postmark-queries";
import { announceServersChanged } from "@/web/lib/servers-sync";
import { selectedServer, serverHeaders } from "@/web/lib/server-selection";
import { useSessionUser } from "@/web/lib/session";
import { ExplorerDeleteConfirm } from "./components/explorer-delete-confirm";
import { OperationField } from "./components/operation-field";
import { OperationResult } from "./components/operation-result";
import { OperationTemplates } from "./components/operation-templates";
import { RequestPreview } from "./components/request-preview";
import { changesServerList } from "./explorer-effects";
import { MethodLabel, RiskBadge } from "./operation-meta";

const route = getRouteApi("/_app/operations/$group/$name");

const sectionTitle: Record<Section, string> = { params: "Path parameters", query: "Query", body: "Body" };

export function OperationPage() {
  const op = (operations as Record<string, Operation>)[operationIdFromParams(route.useParams())];
  if (!op) return <NotFound />;
  // A fresh form per operation: keyed so state never leaks between operations.
  return <OperationExplorer key={op.id} op={op} />;
}

function OperationExplorer({ op }: { op: Operation }) {
  const user = useSessionUser();
  const serverId = selectedServer.use();
  const queryClient = useQueryClient();
  const fields = useMemo(() => operationFields(op), [op]);
  const [values, setValues] = useState<FormValues>(() => initialValues(fields));
  const [showErrors, setShowErrors] = useState(false);
  const [confirming, setConfirming] = useState<PreparedRequest | null>(null);
  const { request, errors } = useMemo(() => prepareRequest(op, values), [op, values]);
  const allowed = permission(user?.role, op.risk);
  const headers = op.token === "server" ? serverHeaders(serverId) : {};

  const run = useMutation({
    mutationFn: (req: PreparedRequest) => rawRequest(req.url, { method: req.method, body: req.body, headers }),
    onSuccess: (res) => {
      if (!res.ok || op.risk === "read") return;
      void invalidateAfter(op, queryClient);
      // The switcher lists server names: refresh it here and in the other tabs, as the Servers page does.
      if (changesServerList(op)) void announceServersChanged(queryClient);
    },
  });

  const setField = (section: Section, name: string, value: FieldValue) =>
    setValues((v) => ({ ...v, [section]: { ...v[section], [name]: value } }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setShowErrors(true);
    if (!request || !allowed.allowed) return;
    if (op.risk === "destructive") setConfirming(request);
    else run.mutate(request);
  };

  const hasFields = sections.some((s) => fields[s].length > 0);

  return (
    <div className="mx-auto w-full max-w-6xl">
      <Button asChild variant="link" size="sm" className="mb-2 h-auto px-0 text-muted-foreground">
        <Link to="/operations" search={{ area: op.area }}>
          <ArrowLeft aria-hidden />
          {areas[op.area].title} operations
        </Link>
      </Button>
      <PageHeader
        title={op.title}
        description={
          <div className="flex flex-col gap-2">
            <p>{op.description}</p>
            <div className="flex flex-wrap items-center gap-2">
              <span className="inline-flex min-w-0 items-center rounded-md border px-2 py-0.5">
                <MethodLabel method={op.method} className="w-auto pr-2" />
                <span className="font-mono text-xs break-all text-foreground">{op.path}</span>
              </span>
              <RiskBadge risk={op.risk} />
              <Badge variant="outline">{op.token} token</Badge>
              <Badge variant="outline" className="font-mono">
                {op.id}
              </Badge>
            </div>
          </div>
        }
      />
      {/* User-facing help only: the catalog's developer notes stay in the code. */}
      {op.help && (
        <div className="mb-6 flex gap-2 rounded-md border bg-muted/40 p-3 text-sm">
          <Info className="mt-0.5 size-4 shrink-0 text-muted-foreground" aria-hidden />
          <p className="min-w-0 break-words" data-testid="operation-help">
            {op.help}
          </p>
        </div>
      )}
      <OperationTemplates operationId={op.id} />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card className="min-w-0">
          <CardHeader>
            <CardTitle className="text-base">Request</CardTitle>
            <CardDescription>Checked against the catalog's schemas before it is sent.</CardDescription>
          </CardHeader>
          <CardContent>
            <form noValidate onSubmit={submit} className="flex flex-col gap-6" aria-label={`Run ${op.title}`}>
              {!hasFields && <p className="text-sm text-muted-foreground">This operation takes no input.</p>}
              {sections.map((section) =>
                fields[section].length === 0 ? null : (
                  <fieldset key={section} className="flex min-w-0 flex-col gap-4">
                    <legend className="mb-3 text-xs font-medium tracking-wide text-muted-foreground uppercase">
                      {sectionTitle[section]}
                    </legend>
                    {showErrors && errors[section] && (
                      <p role="alert" className="text-xs text-destructive">
                        {errors[section]}
                      </p>
                    )}
                    <div className="grid gap-4 sm:grid-cols-2">
                      {fields[section].map((f) => (
                        <div key={f.name} className={f.kind === "json" ? "sm:col-span-2" : undefined}>
                          <OperationField
                            id={`${section}-${f.name}`}
                            field={f}
                            value={values[section][f.name]}
                            error={showErrors ? errors[`${section}.${f.name}`] : undefined}
                            onChange={(v) => setField(section, f.name, v)}
                          />
                        </div>
                      ))}
                    </div>
                  </fieldset>
                ),
              )}
              <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
                <Button
                  type="submit"
                  disabled={!allowed.allowed || run.isPending}
                  variant={op.risk === "destructive" ? "destructive" : "default"}
                >
                  {run.isPending ? (
                    <LoaderCircle className="animate-spin" aria-hidden />
                  ) : allowed.allowed ? (
                    <Play aria-hidden />
                  ) : (
                    <Lock aria-hidden />
                  )}
                  Run
                </Button>
                {!allowed.allowed && (
                  <p className="text-sm text-muted-foreground" data-testid="role-reason">
                    {allowed.reason}
                  </p>
                )}
                {showErrors && !request && <p className="text-sm text-destructive">Fix the marked fields first.</p>}
              </div>
            </form>
          </CardContent>
        </Card>
        <div className="flex min-w-0 flex-col gap-6">
          <Card className="min-w-0">
            <CardHeader>
              <CardTitle className="text-base">What will be sent</CardTitle>
            </CardHeader>
            <CardContent>
              {request ? (
                <RequestPreview request={request} serverHeader={headers["X-Mailroom-Server"]} />
              ) : (
                <p className="text-sm text-muted-foreground">
                  {Object.keys(errors).length} field{Object.keys(errors).length === 1 ? "" : "s"} to fill in or fix
                  before there is a request to show.
                </p>
              )}
            </CardContent>
          </Card>
          <Card className="min-w-0" aria-live="polite">
            <CardHeader>
              <CardTitle className="text-base">Response</CardTitle>
            </CardHeader>
            <CardContent>
              {run.isPending ? (
                <p className="flex items-center gap-2 text-sm text-muted-foreground">
                  <LoaderCircle className="size-4 animate-spin" aria-hidden /> Waiting for Postmark…
                </p>
              ) : run.data ? (
                <OperationResult response={run.data} />
              ) : (
                <p className="text-sm text-muted-foreground">Run the operation to see Postmark's answer here.</p>
              )}
            </CardContent>
          </Card>
        </div>
      </div>
      <ExplorerDeleteConfirm
        op={op}
        request={confirming}
        onClose={() => setConfirming(null)}
        onConfirm={(req) => run.mutate(req)}
      />
    </div>
  );
}
