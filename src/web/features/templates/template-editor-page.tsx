import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import { ArrowLeft, Save, Trash2 } from "lucide-react";
import { useEffect, useMemo, useState } from "react";
import { ConfirmDialog } from "@/web/components/confirm-dialog";
import { ErrorState } from "@/web/components/error-state";
import { FormField } from "@/web/components/form-field";
import { PageHeader } from "@/web/components/page-header";
import { PostmarkErrorView } from "@/web/components/postmark-error";
import { Button } from "@/web/components/ui/button";
import { Input } from "@/web/components/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/web/components/ui/select";
import { Skeleton } from "@/web/components/ui/skeleton";
import { Textarea } from "@/web/components/ui/textarea";
import { isApiError } from "@/web/lib/api-error";
import { permission } from "@/web/lib/permissions";
import { invalidateAfter, postmarkMutationOptions } from "@/web/lib/postmark-queries";
import { selectedServer } from "@/web/lib/server-selection";
import { useSessionUser } from "@/web/lib/session";
import { notify } from "@/web/lib/toast";
import { TemplatePreview } from "./components/template-preview";
import { layoutsQuery, templateQuery, templatesCreate, templatesDelete, templatesUpdate, validateQuery, type TemplateFull } from "./templates-api";
import { createTemplateBody, formFor, parseModel, updateTemplateBody, validateBody, type TemplateForm, type TemplateKind } from "./templates-shaping";

const route = getRouteApi("/_app/templates/$idOrAlias");
const NO_LAYOUT = "__none__";

function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setV(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return v;
}

function ActionError({ title, error }: { title: string; error: unknown }) {
  return (
    <div role="alert" className="rounded-md border border-destructive/30 bg-destructive/5 p-3" data-testid="template-action-error">
      <p className="mb-2 text-sm font-medium text-destructive">{title}</p>
      {isApiError(error) ? <PostmarkErrorView error={error} /> : <p className="text-sm">{String(error)}</p>}
    </div>
  );
}

/** /templates/$idOrAlias: "new" creates, anything else loads that template. */
export function TemplateEditorPage() {
  const { idOrAlias } = route.useParams();
  const serverId = selectedServer.use();
  const isNew = idOrAlias === "new";
  const existing = useQuery({ ...templateQuery(serverId, idOrAlias), enabled: !isNew });
  if (!isNew && existing.isPending) {
    return (
      <div className="mx-auto w-full max-w-6xl" aria-busy="true" aria-label="Loading template">
        <Skeleton className="mb-6 h-9 w-64" />
        <Skeleton className="h-96 w-full" />
      </div>
    );
  }
  if (!isNew && existing.isError) {
    return (
      <div className="mx-auto w-full max-w-6xl">
        <PageHeader title={`Template ${idOrAlias}`} />
        <ErrorState title="Could not load the template" error={existing.error} onRetry={() => void existing.refetch()} />
      </div>
    );
  }
  return <TemplateEditor key={`${serverId}:${idOrAlias}`} template={isNew ? undefined : existing.data} serverId={serverId} />;
}

function TemplateEditor({ template, serverId }: { template: TemplateFull | undefined; serverId: number | null }) {
  const isNew = template === undefined;
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const role = useSessionUser()?.role;
  const [form, setForm] = useState<TemplateForm>(() => formFor(template));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [modelText, setModelText] = useState("");
  const [modelTouched, setModelTouched] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const layouts = useQuery(layoutsQuery(serverId));
  const create = useMutation({ ...postmarkMutationOptions<{ TemplateId: number; Alias: string | null }>(templatesCreate, serverId, queryClient), meta: { silent: true } });
  // A changed alias moves the page before the invalidation: the old alias no longer resolves (1101).
  const update = useMutation({
    ...postmarkMutationOptions<{ TemplateId: number; Alias: string | null }>(templatesUpdate, serverId, queryClient),
    meta: { silent: true },
    onSuccess: async (t) => {
      notify.success(`Template ${t.Alias ?? t.TemplateId} saved`);
      if ((t.Alias ?? "") !== (template?.Alias ?? "")) await navigate({ to: "/templates/$idOrAlias", params: { idOrAlias: t.Alias ?? String(t.TemplateId) }, replace: true });
      await invalidateAfter(templatesUpdate, queryClient);
    },
  });
  // Leave the page before the catalog's invalidation runs: refetching the deleted template would answer 1101.
  const remove = useMutation({
    ...postmarkMutationOptions(templatesDelete, serverId, queryClient),
    meta: { silent: true },
    onSuccess: async () => {
      notify.success(`Template ${template?.Name ?? template?.TemplateId} deleted`);
      await navigate({ to: "/templates" });
      await invalidateAfter(templatesDelete, queryClient);
    },
  });
  const canWrite = permission(role, "write");
  const canDelete = permission(role, "destructive");

  const model = parseModel(modelText);
  const modelValue = "model" in model ? model.model : undefined;
  const body = useMemo(() => validateBody(form, modelValue), [form, modelValue]);
  const debounced = useDebounced(body, 400);
  const validation = useQuery({ ...validateQuery(serverId, debounced), placeholderData: keepPreviousData });
  const suggested = validation.data?.SuggestedTemplateModel;

  // Until the user edits it, the test model follows Postmark's suggestion for the variables in use.
  useEffect(() => {
    if (!modelTouched && suggested) setModelText(JSON.stringify(suggested, null, 2));
  }, [suggested, modelTouched]);

  const set = <K extends keyof TemplateForm>(key: K, value: TemplateForm[K]) => setForm((f) => ({ ...f, [key]: value }));
  const layoutChoices = (layouts.data?.Templates ?? []).filter((l) => l.Alias && l.TemplateId !== template?.TemplateId);
  const saving = create.isPending || update.isPending;
  const saveError = create.error ?? update.error;
  const title = isNew ? "New template" : form.Name || template.Name || `Template ${template.TemplateId}`;

  const save = () => {
    if (isNew) {
      const r = createTemplateBody(form);
      setErrors(r.ok ? {} : r.errors);
      if (!r.ok) return;
      create.mutate({ body: r.body }, {
        onSuccess: (t) => {
          notify.success(`Template ${t.Alias ?? t.TemplateId} created`);
          void navigate({ to: "/templates/$idOrAlias", params: { idOrAlias: t.Alias ?? String(t.TemplateId) }, replace: true });
        },
      });
    } else {
      const r = updateTemplateBody(form);
      setErrors(r.ok ? {} : r.errors);
      if (!r.ok) return;
      update.mutate({ params: { templateIdOrAlias: String(template.TemplateId) }, body: r.body });
    }
  };
  const doDelete = () => {
    setConfirmDelete(false);
    if (!template) return;
    remove.mutate({ params: { templateIdOrAlias: String(template.TemplateId) } });
  };

  return (
    <div className="mx-auto w-full max-w-6xl">
      <Link to="/templates" className="mb-2 inline-flex items-center gap-1 text-sm text-muted-foreground hover:text-foreground">
        <ArrowLeft className="size-4" aria-hidden />Templates
      </Link>
      <PageHeader
        title={title}
        description={isNew ? "A standard template, or a layout that wraps templates with {{{ @content }}}." : `${form.TemplateType === "Layout" ? "Layout" : "Template"} #${template.TemplateId}`}
        actions={
          <>
            {!isNew && (
              <Button variant="outline" size="sm" onClick={() => setConfirmDelete(true)} disabled={!canDelete.allowed || remove.isPending} title={canDelete.reason}>
                <Trash2 aria-hidden />Delete
              </Button>
            )}
            <Button size="sm" onClick={save} disabled={!canWrite.allowed || saving} title={canWrite.reason}>
              <Save aria-hidden />{saving ? "Saving…" : isNew ? "Create template" : "Save template"}
            </Button>
          </>
        }
      />
      {saveError && <div className="mb-4"><ActionError title="Postmark did not save the template" error={saveError} /></div>}
      {remove.isError && <div className="mb-4"><ActionError title="Postmark did not delete the template" error={remove.error} /></div>}

      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <form className="flex min-w-0 flex-col gap-4" onSubmit={(e) => { e.preventDefault(); save(); }} noValidate aria-label="Template">
          <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
            <FormField id="tpl-name" label="Name" required error={errors.Name}>
              <Input id="tpl-name" value={form.Name} onChange={(e) => set("Name", e.target.value)} aria-invalid={Boolean(errors.Name)} />
            </FormField>
            <FormField id="tpl-alias" label="Alias" error={errors.Alias}>
              <Input id="tpl-alias" value={form.Alias} onChange={(e) => set("Alias", e.target.value)} className="font-mono" aria-invalid={Boolean(errors.Alias)} />
            </FormField>
            <FormField id="tpl-type" label="Type" hint={isNew ? undefined : "The type cannot change."}>
              <Select value={form.TemplateType} onValueChange={(v) => set("TemplateType", v as TemplateKind)} disabled={!isNew}>
                <SelectTrigger id="tpl-type" className="w-full"><SelectValue /></SelectTrigger>
                <SelectContent>
                  <SelectItem value="Standard">Standard</SelectItem>
                  <SelectItem value="Layout">Layout</SelectItem>
                </SelectContent>
              </Select>
            </FormField>
            {form.TemplateType === "Standard" && (
              <FormField id="tpl-layout" label="Layout">
                <Select value={form.LayoutTemplate || NO_LAYOUT} onValueChange={(v) => set("LayoutTemplate", v === NO_LAYOUT ? "" : v)}>
                  <SelectTrigger id="tpl-layout" className="w-full"><SelectValue /></SelectTrigger>
                  <SelectContent>
                    <SelectItem value={NO_LAYOUT}>No layout</SelectItem>
                    {layoutChoices.map((l) => <SelectItem key={l.TemplateId} value={l.Alias!}>{l.Name} ({l.Alias})</SelectItem>)}
                    {form.LayoutTemplate && !layoutChoices.some((l) => l.Alias === form.LayoutTemplate) && <SelectItem value={form.LayoutTemplate}>{form.LayoutTemplate}</SelectItem>}
                  </SelectContent>
                </Select>
              </FormField>
            )}
          </div>
          {form.TemplateType === "Standard" && (
            <FormField id="tpl-subject" label="Subject" required error={errors.Subject}>
              <Input id="tpl-subject" value={form.Subject} onChange={(e) => set("Subject", e.target.value)} aria-invalid={Boolean(errors.Subject)} />
            </FormField>
          )}
          <FormField id="tpl-html" label="HTML body" error={errors.HtmlBody}>
            <Textarea id="tpl-html" value={form.HtmlBody} onChange={(e) => set("HtmlBody", e.target.value)} rows={12} spellCheck={false} className="font-mono text-xs" aria-invalid={Boolean(errors.HtmlBody)} />
          </FormField>
          <FormField id="tpl-text" label="Text body">
            <Textarea id="tpl-text" value={form.TextBody} onChange={(e) => set("TextBody", e.target.value)} rows={6} spellCheck={false} className="font-mono text-xs" />
          </FormField>
          <FormField id="tpl-model" label="Test model (JSON)" error={"error" in model ? model.error : undefined} hint={modelTouched ? "Your model; clear it to follow Postmark's suggestion again." : "Postmark's suggestion from the variables in use; edit it to try other values."}>
            <Textarea
              id="tpl-model"
              value={modelText}
              onChange={(e) => {
                setModelText(e.target.value);
                setModelTouched(e.target.value.trim() !== "");
              }}
              rows={6}
              spellCheck={false}
              className="font-mono text-xs"
            />
          </FormField>
        </form>
        <section aria-label="Preview" className="min-w-0">
          {validation.isError ? (
            <ErrorState title="Postmark could not validate the template" error={validation.error} />
          ) : (
            <TemplatePreview result={validation.data} fetching={validation.isFetching} />
          )}
        </section>
      </div>
      <ConfirmDialog
        open={confirmDelete}
        onOpenChange={setConfirmDelete}
        title={`Delete ${template?.TemplateType === "Layout" ? "layout" : "template"} ${template?.Name ?? ""}?`}
        description={<>The {template?.TemplateType === "Layout" ? "layout" : "template"} <strong>{template?.Name}</strong>{template?.Alias && <> (<code className="font-mono">{template.Alias}</code>)</>} is removed from this server; sends that use it will fail.</>}
        confirmLabel="Delete"
        onConfirm={doDelete}
      />
    </div>
  );
}
