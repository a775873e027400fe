import { useMemo } from "react";
import { areas, type Operation } from "@/contract/postmark";
import { resolveApprovalPolicy, type ActionStepInput, type ParamValue, type Problem } from "@/contract/workflows";
import { MethodLabel, RiskBadge } from "@/web/components/operation-meta";
import { Input } from "@/web/components/ui/input";
import { Label } from "@/web/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/web/components/ui/select";
import { Switch } from "@/web/components/ui/switch";
import { operationFields, sections, WHOLE_BODY, type Section } from "@/web/lib/operation-request";
import { useEditor, useEditorStore } from "./editor-context";
import { updateStep } from "./doc-edits";
import { dataSources, sampleContext } from "./param-value";
import { WorkflowsParamEditor } from "./workflows-param-editor";
import { WorkflowsApprovalNote } from "./workflows-approval-note";

const sectionTitle: Record<Section, string> = { params: "Path parameters", query: "Query", body: "Body" };
const EMPTY: Problem[] = [];

function problemsAt(problems: Problem[], at: string): string[] {
  return problems
    .filter((p) => p.field === at || p.field?.startsWith(`${at}.`) || p.field?.startsWith(`${at}[`))
    .map((p) => p.message);
}

type Record_ = Record<string, ParamValue>;
const asRecord = (v: unknown): Record_ =>
  typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record_) : {};

/** The side panel of an action step: the catalog's form for the operation, every field literal or mapped, and its approval policy. */
export function WorkflowsActionForm({ step, op }: { step: ActionStepInput; op: Operation }) {
  const store = useEditorStore();
  const doc = useEditor((s) => s.doc);
  const sample = useEditor((s) => s.sample);
  const problems = useEditor((s) => s.problemsByNode[step.id] ?? EMPTY);
  const fields = useMemo(() => operationFields(op), [op]);
  const sources = useMemo(() => dataSources(doc, step.id), [doc, step.id]);
  const context = useMemo(() => sampleContext(doc, sample), [doc, sample]);
  const edit = (patch: (s: ActionStepInput) => ActionStepInput, key: string) =>
    store.update((d) => updateStep(d, step.id, (s) => (s.kind === "action" ? patch(s) : s)), `${step.id}:${key}`);

  const setParam = (section: Section, name: string, value: ParamValue | undefined) =>
    edit((s) => {
      if (section === "body" && name === WHOLE_BODY) return { ...s, body: value };
      const current = { ...asRecord(s[section]) };
      if (value === undefined) delete current[name];
      else current[name] = value;
      return { ...s, [section]: Object.keys(current).length ? current : undefined };
    }, `${section}.${name}`);

  const policy = resolveApprovalPolicy(op.id, step.approvalPolicy);
  const approval = step.approval ?? (op.risk === "destructive" ? "required" : "auto");

  return (
    <div className="flex flex-col gap-5">
      <div className="flex flex-col gap-1.5">
        <div className="flex flex-wrap items-center gap-2">
          <MethodLabel method={op.method} className="w-auto" />
          <span className="font-mono text-xs break-all">{op.path}</span>
        </div>
        <div className="flex flex-wrap items-center gap-2 text-xs text-muted-foreground">
          <RiskBadge risk={op.risk} /> {areas[op.area].title} · {op.token} token
        </div>
        <p className="text-xs text-muted-foreground">{op.description}</p>
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor={`${step.id}-name`}>Step name</Label>
        <Input
          id={`${step.id}-name`}
          placeholder={op.title}
          value={step.name ?? ""}
          onChange={(e) => edit((s) => ({ ...s, name: e.target.value || undefined }), "name")}
        />
        <p className="text-xs text-muted-foreground">
          Id <span className="font-mono">{step.id}</span>, used as <span className="font-mono">step:{step.id}</span> in
          mappings.
        </p>
      </div>

      {sections.map((section) =>
        fields[section].length === 0 ? null : (
          <fieldset key={section} className="flex min-w-0 flex-col gap-4">
            <legend className="mb-2 text-xs font-medium tracking-wide text-muted-foreground uppercase">
              {sectionTitle[section]}
            </legend>
            {fields[section].map((f) => {
              const whole = section === "body" && f.name === WHOLE_BODY;
              const value = whole ? (step.body as ParamValue | undefined) : asRecord(step[section])[f.name];
              return (
                <WorkflowsParamEditor
                  key={f.name}
                  id={`${step.id}-${section}-${f.name}`}
                  field={f}
                  value={value}
                  onChange={(v) => setParam(section, f.name, v)}
                  sources={sources}
                  context={context}
                  problems={problemsAt(problems, whole ? "body" : `${section}.${f.name}`)}
                />
              );
            })}
          </fieldset>
        ),
      )}

      <fieldset className="flex flex-col gap-3 rounded-md border p-3" data-testid="approval-policy">
        <legend className="px-1 text-xs font-medium tracking-wide text-muted-foreground uppercase">Approval</legend>
        <Select
          value={approval}
          onValueChange={(v) => edit((s) => ({ ...s, approval: v as "auto" | "required" }), "approval")}
        >
          <SelectTrigger aria-label="Approval">
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            <SelectItem value="auto">Run automatically</SelectItem>
            <SelectItem value="required">Wait for approval</SelectItem>
          </SelectContent>
        </Select>
        {op.risk === "destructive" && approval === "auto" && (
          <p className="text-xs text-warning-foreground dark:text-warning">
            This operation is destructive; it will run with nobody looking.
          </p>
        )}
        {approval === "required" && (
          <WorkflowsApprovalNote approvers={policy.approvers} allowSelfApproval={policy.allowSelfApproval} />
        )}
        {approval === "required" && (
          <div className="grid gap-3 sm:grid-cols-2">
            <div className="grid gap-1.5">
              <Label htmlFor={`${step.id}-expiry`}>Expires after (hours)</Label>
              <Input
                id={`${step.id}-expiry`}
                inputMode="numeric"
                value={String(policy.expiresInHours)}
                onChange={(e) => {
                  const n = Number(e.target.value);
                  if (Number.isFinite(n) && n > 0)
                    edit((s) => ({ ...s, approvalPolicy: { ...s.approvalPolicy, expiresInHours: n } }), "expiry");
                }}
              />
            </div>
            <div className="grid gap-1.5">
              <Label htmlFor={`${step.id}-approvers`}>Approvers</Label>
              <Select
                value={String(policy.approvers)}
                onValueChange={(v) =>
                  edit(
                    (s) => ({ ...s, approvalPolicy: { ...s.approvalPolicy, approvers: v === "2" ? 2 : 1 } }),
                    "approvers",
                  )
                }
              >
                <SelectTrigger id={`${step.id}-approvers`}>
                  <SelectValue />
                </SelectTrigger>
                <SelectContent>
                  <SelectItem value="1">One person</SelectItem>
                  <SelectItem value="2">Two people</SelectItem>
                </SelectContent>
              </Select>
            </div>
            <label className="flex items-center gap-2 text-sm sm:col-span-2">
              <Switch
                checked={policy.allowSelfApproval}
                onCheckedChange={(c) =>
                  edit((s) => ({ ...s, approvalPolicy: { ...s.approvalPolicy, allowSelfApproval: c } }), "self")
                }
              />
              The author may approve
            </label>
          </div>
        )}
      </fieldset>
    </div>
  );
}
