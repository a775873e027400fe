import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { emailSendWithTemplate } from "@/contract/postmark/send";
import { templatesGet, templatesList, templatesValidate } from "@/contract/postmark/templates";
import { ErrorState } from "@/web/components/error-state";
import { FormField } from "@/web/components/form-field";
import { Button } from "@/web/components/ui/button";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/web/components/ui/select";
import { Skeleton } from "@/web/components/ui/skeleton";
import { Tabs, TabsList, TabsTrigger } from "@/web/components/ui/tabs";
import { Textarea } from "@/web/components/ui/textarea";
import { postmarkMutationOptions, postmarkQueryOptions } from "@/web/lib/postmark-queries";
import { selectedServer } from "@/web/lib/server-selection";
import { isModelObject, toModelValue, type ModelObject, type ModelValue } from "../model-form";
import { buildTemplateBody, emptyEnvelope, parseModel, type EnvelopeState, type Errors } from "../send-form";
import { SendModelForm } from "./send-model-form";
import { SendEnvelopeFields } from "./send-envelope-fields";
import { SendHtmlPreview } from "./send-html-preview";
import { SendSubmitBar } from "./send-result";

export function SendTemplateForm({
  disabled,
  template,
  onTemplate,
  defaultFrom,
}: {
  disabled: boolean;
  template?: string;
  onTemplate: (idOrAlias: string) => void;
  defaultFrom?: string;
}) {
  const serverId = selectedServer.use();
  const queryClient = useQueryClient();
  const [envelope, setEnvelope] = useState<EnvelopeState>({ ...emptyEnvelope, From: defaultFrom ?? "" });
  const [model, setModel] = useState<ModelObject>({});
  const [suggested, setSuggested] = useState<ModelValue | undefined>();
  const [view, setView] = useState<"form" | "json">("form");
  const [modelText, setModelText] = useState("");
  /** The model last rendered; undefined asks Postmark for its suggested model. */
  const [rendered, setRendered] = useState<Record<string, unknown> | undefined>();
  const [prefilledFor, setPrefilledFor] = useState<string | undefined>();
  const [errors, setErrors] = useState<Errors>({});

  const list = useQuery(
    postmarkQueryOptions(templatesList, { query: { Count: 500, Offset: 0, TemplateType: "Standard" } }, serverId),
  );
  const detail = useQuery({
    ...postmarkQueryOptions(templatesGet, { params: { templateIdOrAlias: template ?? "" } }, serverId),
    enabled: !!template,
  });
  const t = detail.data;
  const validateBody = t
    ? {
        Subject: t.Subject ?? undefined,
        HtmlBody: t.HtmlBody ?? undefined,
        TextBody: t.TextBody ?? undefined,
        LayoutTemplate: t.LayoutTemplate ?? undefined,
        TestRenderModel: rendered,
      }
    : undefined;
  // templates.validate is a read: a query keyed by the content and model it renders.
  const preview = useQuery({
    ...postmarkQueryOptions(templatesValidate, { body: validateBody }, serverId),
    enabled: !!validateBody,
  });
  const send = useMutation(postmarkMutationOptions(emailSendWithTemplate, serverId, queryClient));

  useEffect(() => {
    if (template && preview.data && prefilledFor !== template && rendered === undefined) {
      const first = toModelValue(preview.data.SuggestedTemplateModel ?? {});
      const start = isModelObject(first) ? first : {};
      setSuggested(start);
      setModel(start);
      setModelText(JSON.stringify(start, null, 2));
      setPrefilledFor(template);
    }
  }, [template, preview.data, prefilledFor, rendered]);

  const pick = (v: string) => {
    setRendered(undefined);
    setPrefilledFor(undefined);
    setModelText("");
    setModel({});
    setSuggested(undefined);
    send.reset();
    // The alias makes a readable link; the id is the fallback.
    onTemplate(list.data?.Templates.find((x) => String(x.TemplateId) === v)?.Alias ?? v);
  };
  /** The model as the visible view holds it: the form's value, or the JSON text parsed. */
  const currentModel = () => (view === "json" ? parseModel(modelText) : { value: model });
  const switchView = (next: string) => {
    if (next === "json") {
      setModelText(JSON.stringify(model, null, 2));
      setView("json");
      return;
    }
    const m = parseModel(modelText);
    if (m.error) return setErrors((e) => ({ ...e, TemplateModel: `${m.error} Fix the JSON to go back to the form.` }));
    setErrors(({ TemplateModel: _, ...rest }) => rest);
    const v = toModelValue(m.value ?? {});
    setModel(isModelObject(v) ? v : {});
    setView("form");
  };
  const render = () => {
    const m = currentModel();
    if (m.error) return setErrors((e) => ({ ...e, TemplateModel: m.error! }));
    setErrors(({ TemplateModel: _, ...rest }) => rest);
    setRendered(m.value);
  };
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const built = buildTemplateBody(envelope, template, currentModel());
    if (!built.ok) return setErrors(built.errors);
    setErrors({});
    send.mutate({ body: built.body });
  };
  const templates = list.data?.Templates ?? [];
  const selectValue = template && t ? String(t.TemplateId) : template;

  return (
    <form onSubmit={submit} noValidate aria-label="Send with a template" className="flex flex-col gap-4">
      <fieldset disabled={disabled} className="flex min-w-0 flex-col gap-4">
        {list.isError ? (
          <ErrorState title="Could not load templates" error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <FormField
            id="template-pick"
            label="Template"
            required
            error={errors.Template}
            hint={
              list.data && templates.length === 0
                ? "This server has no standard templates yet; create one on the Templates page."
                : undefined
            }
          >
            <Select value={selectValue} onValueChange={pick} disabled={disabled || list.isPending}>
              <SelectTrigger id="template-pick" aria-invalid={!!errors.Template}>
                <SelectValue placeholder={list.isPending ? "Loading templates…" : "Pick a template"} />
              </SelectTrigger>
              <SelectContent>
                {templates.map((x) => (
                  <SelectItem key={x.TemplateId} value={String(x.TemplateId)}>
                    {x.Name ?? `Template ${x.TemplateId}`}
                    {x.Alias && <span className="text-muted-foreground"> · {x.Alias}</span>}
                  </SelectItem>
                ))}
                {template && !t && !templates.some((x) => String(x.TemplateId) === template) && (
                  <SelectItem value={template}>{template}</SelectItem>
                )}
              </SelectContent>
            </Select>
          </FormField>
        )}
        {detail.isError && (
          <ErrorState title="Could not load the template" error={detail.error} onRetry={() => void detail.refetch()} />
        )}
        <SendEnvelopeFields
          prefix="template"
          value={envelope}
          onChange={(n) => setEnvelope((s) => ({ ...s, ...n }))}
          errors={errors}
          disabled={disabled}
        />
        {template && !detail.isError && (
          <div className="grid min-w-0 gap-4 lg:grid-cols-2">
            <div className="flex min-w-0 flex-col gap-2">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <span className="text-sm font-medium">Template model</span>
                <Tabs value={view} onValueChange={switchView}>
                  <TabsList>
                    <TabsTrigger value="form">Form</TabsTrigger>
                    <TabsTrigger value="json">JSON</TabsTrigger>
                  </TabsList>
                </Tabs>
              </div>
              <p className="text-xs text-muted-foreground">
                Prefilled from the variables Postmark found in the template.
              </p>
              {view === "form" ? (
                <SendModelForm value={model} suggested={suggested} onChange={setModel} disabled={disabled} />
              ) : (
                <Textarea
                  id="template-model"
                  aria-label="Template model (JSON)"
                  rows={12}
                  className="font-mono text-xs"
                  value={modelText}
                  onChange={(e) => setModelText(e.target.value)}
                  spellCheck={false}
                  aria-invalid={!!errors.TemplateModel}
                />
              )}
              {errors.TemplateModel && (
                <p id="template-model-error" role="alert" className="text-xs break-words text-destructive">
                  {errors.TemplateModel}
                </p>
              )}
              <Button type="button" variant="outline" size="sm" className="self-start" onClick={render} disabled={!t}>
                Render preview
              </Button>
            </div>
            <div className="flex min-w-0 flex-col gap-1.5" aria-live="polite">
              <span className="text-sm font-medium">Preview</span>
              {preview.isPending ? (
                <Skeleton className="h-80 w-full" />
              ) : preview.isError ? (
                <ErrorState
                  title="Could not render the template"
                  error={preview.error}
                  onRetry={() => void preview.refetch()}
                />
              ) : (
                <>
                  <p className="text-sm break-words" data-testid="template-subject">
                    <span className="text-muted-foreground">Subject: </span>
                    {preview.data.Subject?.RenderedContent ?? "—"}
                  </p>
                  {!preview.data.AllContentIsValid && (
                    <p className="text-sm text-destructive">Postmark reports errors in this template's content.</p>
                  )}
                  <SendHtmlPreview
                    html={preview.data.HtmlBody?.RenderedContent ?? ""}
                    title="Rendered template preview"
                  />
                </>
              )}
            </div>
          </div>
        )}
      </fieldset>
      <SendSubmitBar
        label="Send with template"
        disabled={disabled}
        hasErrors={Object.keys(errors).length > 0}
        send={send}
      />
    </form>
  );
}
