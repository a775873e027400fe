import { useMutation, useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { FlaskConical, LoaderCircle } from "lucide-react";
import { useState } from "react";
import type { RunDetail, TestWorkflowRequest } from "@/contract/api/workflows";
import { workflowTriggers } from "@/contract/workflows/triggers";
import { dryRun, type DryRunResult } from "@/contract/workflows";
import { ErrorState } from "@/web/components/error-state";
import { JsonViewer } from "@/web/components/json-viewer";
import { Button } from "@/web/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/web/components/ui/dialog";
import { Label } from "@/web/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/web/components/ui/select";
import { Textarea } from "@/web/components/ui/textarea";
import { formatDateTime } from "@/web/lib/format";
import { cn } from "@/web/lib/utils";
import { storedEventsQuery, testWorkflow } from "../workflows-api";
import { useEditor, useEditorStore } from "./editor-context";
import { isDirty } from "./editor-store";
import { dryRunStatus, realRunStatus } from "./test-status";

type Source = "example" | "json" | "stored";

function Segmented<T extends string>({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: T;
  options: { value: T; label: string; disabled?: string }[];
  onChange: (v: T) => void;
}) {
  return (
    <div role="radiogroup" aria-label={label} className="flex flex-wrap gap-1 rounded-md border p-0.5">
      {options.map((o) => (
        <button
          key={o.value}
          type="button"
          role="radio"
          aria-checked={value === o.value}
          disabled={!!o.disabled}
          title={o.disabled}
          onClick={() => onChange(o.value)}
          className={cn(
            "rounded px-2.5 py-1 text-sm disabled:opacity-50",
            value === o.value ? "bg-secondary font-medium" : "text-muted-foreground",
          )}
        >
          {o.label}
        </button>
      ))}
    </div>
  );
}

function DryResults({ result }: { result: DryRunResult }) {
  return (
    <div className="flex flex-col gap-3" data-testid="dry-run-result">
      <p className="text-sm">
        {result.triggerMatched
          ? "The event passes the trigger's conditions."
          : "The event does not pass the trigger's conditions; steps are shown anyway."}
      </p>
      {result.steps.map((s) => (
        <div key={s.stepId} className="flex min-w-0 flex-col gap-2 rounded-md border p-3">
          <div className="flex items-center justify-between gap-2 text-sm">
            <span className="font-mono">{s.stepId}</span>
            <span
              className={cn("text-xs font-medium", s.status === "error" ? "text-destructive" : "text-muted-foreground")}
            >
              {s.status}
            </span>
          </div>
          {s.request && (
            <JsonViewer
              value={{
                method: s.request.method,
                path: s.request.path,
                query: s.request.query,
                body: s.request.body,
                serverId: s.request.serverId,
              }}
            />
          )}
          {s.problems.map((p, i) => (
            <p key={i} className="text-xs text-destructive">
              {p.field && <span className="font-mono">{p.field}: </span>}
              {p.message}
            </p>
          ))}
        </div>
      ))}
      {result.steps.length === 0 &&
        result.problems.map((p, i) => (
          <p key={i} className="text-xs text-destructive">
            {p.message}
          </p>
        ))}
    </div>
  );
}

function RealResults({ run }: { run: RunDetail }) {
  return (
    <div className="flex flex-col gap-2" data-testid="real-run-result">
      <p className="text-sm">
        Run{" "}
        <Link
          to="/runs/$runId"
          params={{ runId: String(run.id) }}
          className="font-medium text-primary underline-offset-4 hover:underline"
        >
          #{run.id}
        </Link>{" "}
        {run.status}.
      </p>
      {run.steps.map((s) => (
        <div key={s.stepId} className="flex items-center justify-between gap-2 rounded-md border px-3 py-2 text-sm">
          <span className="font-mono">{s.stepId}</span>
          <span className="text-xs">
            {s.status}
            {s.error && ` · ${s.error.errorCode != null ? `ErrorCode ${s.error.errorCode}: ` : ""}${s.error.message}`}
          </span>
        </div>
      ))}
    </div>
  );
}

/** Tests the workflow on an example, edited or stored event: a dry run that sends nothing, or a real run on the sandbox. */
export function WorkflowsTestDialog({
  open,
  onOpenChange,
  workflowId,
}: {
  open: boolean;
  onOpenChange: (o: boolean) => void;
  workflowId: number | null;
}) {
  const store = useEditorStore();
  const doc = useEditor((s) => s.doc);
  const sample = useEditor((s) => s.sample);
  const dirty = useEditor(isDirty);
  const example = sample ?? workflowTriggers[doc.trigger.type].example;
  const [source, setSource] = useState<Source>("example");
  const [mode, setMode] = useState<"dry" | "real">("dry");
  const [json, setJson] = useState(() => JSON.stringify(example, null, 2));
  const [eventId, setEventId] = useState<string>("");
  const [dry, setDry] = useState<DryRunResult | null>(null);
  const [localError, setLocalError] = useState<string | null>(null);
  const stored = useQuery({ ...storedEventsQuery(doc.trigger.type), enabled: open && source === "stored" });
  const serverReady = workflowId !== null && !dirty;

  const server = useMutation({
    mutationFn: (body: TestWorkflowRequest) => testWorkflow(workflowId!, body),
    meta: { silent: true },
    onSuccess: (res) => {
      if (res.run) store.setRunStatus(realRunStatus(res.run));
      else if (res.dryRun) {
        setDry(res.dryRun as DryRunResult);
        store.setRunStatus(dryRunStatus(res.dryRun as DryRunResult));
      }
    },
  });

  const chosen = stored.data?.find((e) => e.key === eventId);
  const payload = (): Record<string, unknown> | null => {
    if (source === "example") return example;
    if (source === "stored") return chosen?.payload ?? null;
    try {
      const v = JSON.parse(json) as unknown;
      return typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
    } catch {
      return null;
    }
  };

  const run = () => {
    setLocalError(null);
    server.reset();
    const p = payload();
    if (!p) {
      setLocalError(source === "stored" ? "Choose a stored event." : "The event must be a JSON object.");
      return;
    }
    const event =
      source === "stored" && chosen?.eventId != null
        ? { eventId: chosen.eventId }
        : { trigger: doc.trigger.type, payload: p };
    if (mode === "dry") {
      // Instant feedback from the shared dry run; the server's answer replaces it when the saved version is what is on screen.
      const result = dryRun(doc, p);
      setDry(result);
      store.setRunStatus(dryRunStatus(result));
      if (serverReady) server.mutate({ event, mode: "dry" });
    } else {
      setDry(null);
      server.mutate({ event, mode: "real" });
    }
  };

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent className="max-h-[90dvh] max-w-2xl" data-testid="test-dialog">
        <DialogHeader>
          <DialogTitle>Test this workflow</DialogTitle>
          <DialogDescription>Each node on the canvas shows its result afterwards.</DialogDescription>
        </DialogHeader>
        <div className="flex min-w-0 flex-col gap-3">
          <Label>Event</Label>
          <Segmented
            label="Event"
            value={source}
            onChange={setSource}
            options={[
              { value: "example", label: "Sample event" },
              { value: "json", label: "Edit JSON" },
              { value: "stored", label: "Stored event" },
            ]}
          />
          {source === "json" && (
            <Textarea
              aria-label="Event JSON"
              rows={8}
              spellCheck={false}
              className="font-mono text-xs"
              value={json}
              onChange={(e) => setJson(e.target.value)}
            />
          )}
          {source === "stored" &&
            (stored.isPending ? (
              <p className="text-sm text-muted-foreground">
                Loading recent {workflowTriggers[doc.trigger.type].title.toLowerCase()} events…
              </p>
            ) : stored.isError ? (
              <ErrorState title="Stored events could not be loaded" error={stored.error} />
            ) : stored.data.length === 0 ? (
              <p className="text-sm text-muted-foreground">
                No stored {workflowTriggers[doc.trigger.type].title.toLowerCase()} events yet.
              </p>
            ) : (
              <Select value={eventId} onValueChange={setEventId}>
                <SelectTrigger aria-label="Stored event">
                  <SelectValue placeholder="Choose an event…" />
                </SelectTrigger>
                <SelectContent>
                  {stored.data.map((e) => (
                    <SelectItem key={e.key} value={e.key}>
                      {e.detail} · {formatDateTime(e.at)}
                    </SelectItem>
                  ))}
                </SelectContent>
              </Select>
            ))}
          <Label>Mode</Label>
          <Segmented
            label="Mode"
            value={mode}
            onChange={setMode}
            options={[
              { value: "dry", label: "Dry run (sends nothing)" },
              {
                value: "real",
                label: "Real run",
                disabled: serverReady ? undefined : "Save the workflow first: a real run uses the saved version.",
              },
            ]}
          />
          {mode === "real" && (
            <p className="text-xs text-muted-foreground">
              Sends the requests for real (in sandbox mode, to the local sandbox). Approval steps run straight away in
              the sandbox.
            </p>
          )}
          <Button type="button" onClick={run} disabled={server.isPending} className="w-fit">
            {server.isPending ? <LoaderCircle className="animate-spin" aria-hidden /> : <FlaskConical aria-hidden />}
            {mode === "dry" ? "Dry run" : "Run for real"}
          </Button>
          {localError && (
            <p role="alert" className="text-sm text-destructive">
              {localError}
            </p>
          )}
          {server.isError && <ErrorState title="The test failed" error={server.error} />}
          {server.data?.run && <RealResults run={server.data.run} />}
          {dry && !server.data?.run && <DryResults result={dry} />}
        </div>
      </DialogContent>
    </Dialog>
  );
}
