import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link, useBlocker, useNavigate } from "@tanstack/react-router";
import { ArrowLeft, Download, Eye, EyeOff, Save, Trash2 } from "lucide-react";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import {
  templateContent,
  type StudioState,
  type VersionFull,
  type VersionSource,
} from "@/contract/api/template-studio";
import { ConfirmDialog } from "@/web/components/confirm-dialog";
import { ErrorState } from "@/web/components/error-state";
import { FormField } from "@/web/components/form-field";
import { PageHeader } from "@/web/components/page-header";
import { ActionError } from "@/web/components/action-error";
import { Button } from "@/web/components/ui/button";
import { Input } from "@/web/components/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/web/components/ui/select";
import { Skeleton } from "@/web/components/ui/skeleton";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/web/components/ui/tabs";
import { formatDateTime } from "@/web/lib/format";
import { fieldErrors } from "@/web/lib/form-errors";
import { permission } from "@/web/lib/permissions";
import { invalidateAfter, postmarkMutationOptions } from "@/web/lib/postmark-queries";
import { selectedServer } from "@/web/lib/server-selection";
import { useSessionUser } from "@/web/lib/session";
import { notify } from "@/web/lib/toast";
import { BodyEditor, useCodeEditorFits } from "./components/body-editor";
import type { EditorMark } from "./components/code-editor";
import { ConflictDialog } from "./components/conflict-dialog";
import { HistoryPanel } from "./components/history-panel";
import { LayoutUsage } from "./components/layout-usage";
import { ModelEditor } from "./components/model-editor";
import { SendTest } from "./components/send-test";
import { TemplatePreview } from "./components/template-preview";
import { downloadBytes } from "./lib/download";
import { clearDraft, draftKey, readDraft, writeDraft } from "./lib/drafts";
import type { FieldTexts } from "./lib/field-merge";
import {
  contentOfTexts,
  fileOfTemplate,
  formOfTexts,
  isTemplateForm,
  sameTexts,
  textsOfForm,
  textsOfTemplate,
} from "./lib/form-content";
import { modelPaths } from "./lib/model-paths";
import { templatesToZip } from "./lib/template-files";
import { conflictOf, createTemplate, openTemplateQuery, saveTemplate, studioKeys } from "./studio-api";
import { layoutsQuery, layoutUsersQuery, templatesCreate, templatesDelete, validateQuery } from "./templates-api";
import {
  emptyForm,
  parseModel,
  partErrors,
  validateBody,
  type TemplateForm,
  type TemplateKind,
} from "./templates-shaping";

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

/** /templates/$idOrAlias: "new" creates, anything else opens that template (and files the version Mailroom sees). */
export function TemplateEditorPage() {
  const { idOrAlias } = route.useParams();
  const serverId = selectedServer.use();
  const isNew = idOrAlias === "new";
  const opened = useQuery({ ...openTemplateQuery(serverId, idOrAlias), enabled: !isNew });
  if (!isNew && opened.isPending) {
    return (
      <div className="mx-auto w-full max-w-7xl" aria-busy="true" aria-label="Loading template">
        <Skeleton className="mb-6 h-9 w-64" />
        <Skeleton className="h-96 w-full" />
      </div>
    );
  }
  if (!isNew && opened.isError) {
    return (
      <div className="mx-auto w-full max-w-7xl">
        <PageHeader title={`Template ${idOrAlias}`} />
        <ErrorState title="Could not load the template" error={opened.error} onRetry={() => void opened.refetch()} />
      </div>
    );
  }
  const state = isNew ? null : (opened.data ?? null);
  return (
    <TemplateEditor
      key={`${serverId}:${state?.template.TemplateId ?? "new"}`}
      opened={state}
      latest={isNew ? null : (opened.data ?? null)}
      serverId={serverId}
    />
  );
}

type Conflict = { theirs: StudioState; mine: FieldTexts; base: FieldTexts };

function TemplateEditor({
  opened,
  latest,
  serverId,
}: {
  opened: StudioState | null;
  latest: StudioState | null;
  serverId: number | null;
}) {
  const isNew = opened === null;
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const role = useSessionUser()?.role;
  const key = draftKey(serverId, opened?.template.TemplateId ?? "new");
  const initialDraft = useMemo(() => readDraft(key, isTemplateForm), [key]);
  const startForm = opened ? formOfTexts(textsOfTemplate(opened.template), opened.template.TemplateType) : emptyForm;
  const restored =
    initialDraft && !sameTexts(textsOfForm(initialDraft.form), textsOfForm(startForm)) ? initialDraft : null;

  // The base is the version this edit started from: a save names it, and a merge compares against it.
  const [base, setBase] = useState<StudioState | null>(restored?.base ?? opened);
  const [form, setForm] = useState<TemplateForm>(
    restored
      ? { ...restored.form, TemplateType: isNew ? restored.form.TemplateType : startForm.TemplateType }
      : startForm,
  );
  const [draftNote, setDraftNote] = useState<string | null>(restored ? restored.savedAt : null);
  const [draftBlocked, setDraftBlocked] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [modelText, setModelText] = useState(restored?.modelText ?? "");
  const [modelTouched, setModelTouched] = useState(Boolean(restored?.modelText));
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [showPreview, setShowPreview] = useState(true);
  const [tab, setTab] = useState("edit");
  const fits = useCodeEditorFits();
  const [plainEditor, setPlainEditor] = useState(false);
  const plain = plainEditor || !fits;

  const baseTexts = base ? textsOfTemplate(base.template) : textsOfForm(emptyForm);
  const dirty = !sameTexts(textsOfForm(form), baseTexts) || (isNew && form.TemplateType !== emptyForm.TemplateType);
  const dirtyRef = useRef(dirty);
  dirtyRef.current = dirty;
  const leaving = useRef(false);

  // Every change lands in this browser's storage at once, so a reload or a crashed tab loses nothing.
  useEffect(() => {
    if (!dirty) {
      clearDraft(key);
      return;
    }
    setDraftBlocked(
      !writeDraft(key, { form, modelText: modelTouched ? modelText : "", base, savedAt: new Date().toISOString() }),
    );
  }, [dirty, form, modelText, modelTouched, base, key]);

  const blocker = useBlocker({
    shouldBlockFn: () => dirtyRef.current && !leaving.current,
    enableBeforeUnload: () => dirtyRef.current && !leaving.current,
    withResolver: true,
  });

  const layouts = useQuery(layoutsQuery(serverId));
  const users = useQuery({
    ...layoutUsersQuery(serverId, base?.template.Alias ?? ""),
    enabled: !isNew && base?.template.TemplateType === "Layout" && Boolean(base.template.Alias),
  });
  const usedBy = users.data?.Templates ?? [];
  // A layout stays undeletable until Mailroom knows nothing uses it.
  const usageUnknown =
    !isNew && base?.template.TemplateType === "Layout" && Boolean(base.template.Alias) && !users.isSuccess;
  const remove = useMutation({
    ...postmarkMutationOptions(templatesDelete, serverId, queryClient),
    meta: { silent: true },
    onSuccess: async () => {
      leaving.current = true;
      clearDraft(key);
      notify.success(`Template ${base?.template.Name ?? base?.template.TemplateId} deleted`);
      await navigate({ to: "/templates" });
      await invalidateAfter(templatesDelete, queryClient);
    },
  });

  const afterSave = useCallback(
    async (r: StudioState, verb: string) => {
      setBase(r);
      setForm(formOfTexts(textsOfTemplate(r.template), r.template.TemplateType));
      setConflict(null);
      setDraftNote(null);
      clearDraft(key);
      notify.success(`Template ${r.template.Alias ?? r.template.TemplateId} ${verb}`);
      queryClient.setQueryData(studioKeys.open(serverId, String(r.template.TemplateId)), r);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: studioKeys.all }),
        invalidateAfter(templatesCreate, queryClient),
      ]);
    },
    [key, queryClient, serverId],
  );

  const save = useMutation({
    mutationFn: (v: {
      texts: FieldTexts;
      baseHash: string;
      source: Extract<VersionSource, "saved" | "restored" | "merged">;
    }) =>
      saveTemplate({
        serverId,
        templateId: base!.template.TemplateId,
        baseHash: v.baseHash,
        content: contentOfTexts(v.texts),
        source: v.source,
      }),
    meta: { silent: true },
    onSuccess: async (r, v) => {
      const aliasBefore = base?.template.Alias ?? "";
      await afterSave(r, v.source === "restored" ? "restored" : "saved");
      if ((r.template.Alias ?? "") !== aliasBefore) {
        leaving.current = true;
        await navigate({
          to: "/templates/$idOrAlias",
          params: { idOrAlias: r.template.Alias ?? String(r.template.TemplateId) },
          replace: true,
        });
      }
    },
    onError: (e, v) => {
      const c = conflictOf(e);
      if (c && base) setConflict({ theirs: c.theirs, mine: v.texts, base: textsOfTemplate(base.template) });
    },
  });
  const create = useMutation({
    mutationFn: (texts: FieldTexts) =>
      createTemplate({ serverId, content: contentOfTexts(texts), TemplateType: form.TemplateType, source: "created" }),
    meta: { silent: true },
    onSuccess: async (r) => {
      leaving.current = true;
      clearDraft(key);
      notify.success(`Template ${r.template.Alias ?? r.template.TemplateId} created`);
      await queryClient.invalidateQueries({ queryKey: ["postmark"] });
      await navigate({
        to: "/templates/$idOrAlias",
        params: { idOrAlias: r.template.Alias ?? String(r.template.TemplateId) },
        replace: true,
      });
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
  useEffect(() => {
    if (!modelTouched && suggested) setModelText(JSON.stringify(suggested, null, 2));
  }, [suggested, modelTouched]);
  const paths = useMemo(() => modelPaths(modelValue ?? suggested), [modelValue, suggested]);
  const marksOf = (part: { ValidationErrors: readonly unknown[] } | null | undefined): EditorMark[] =>
    (part?.ValidationErrors ?? []).map((item) => {
      const r = (typeof item === "object" && item !== null ? item : {}) as {
        Line?: unknown;
        CharacterPosition?: unknown;
      };
      return {
        line: typeof r.Line === "number" ? r.Line : null,
        column: typeof r.CharacterPosition === "number" ? r.CharacterPosition : null,
        message: partErrors([item])[0]!.message,
      };
    });
  // Marks belong to the text they were computed for; while a newer text validates, the old ones stay where they were.
  const htmlMarks = useMemo(() => marksOf(validation.data?.HtmlBody), [validation.data]);
  const textMarks = useMemo(() => marksOf(validation.data?.TextBody), [validation.data]);

  const set = <K extends keyof TemplateForm>(k: K, value: TemplateForm[K]) => setForm((f) => ({ ...f, [k]: value }));
  const layoutChoices = (layouts.data?.Templates ?? []).filter(
    (l) => l.Alias && l.TemplateId !== base?.template.TemplateId,
  );
  const busy = save.isPending || create.isPending;
  const saveError = conflictOf(save.error) ? null : (save.error ?? create.error);
  const kind = form.TemplateType === "Layout" ? "layout" : "template";
  const title = isNew ? "New template" : form.Name || base?.template.Name || `Template ${base?.template.TemplateId}`;
  const changedElsewhere =
    !isNew && latest && base && latest.hash !== base.hash && latest.template.TemplateId === base.template.TemplateId;

  const check = (texts: FieldTexts): boolean => {
    const e: Record<string, string> = {};
    const parsed = templateContent.safeParse(contentOfTexts(texts));
    if (!parsed.success) Object.assign(e, fieldErrors(parsed.error));
    if (form.TemplateType === "Standard" && !texts.Subject.trim()) e.Subject = "A subject is required.";
    if (!texts.HtmlBody.trim() && !texts.TextBody.trim()) e.HtmlBody = "An HTML or a text body is required.";
    setErrors(e);
    return Object.keys(e).length === 0;
  };
  const doSave = () => {
    if (busy || !canWrite.allowed) return;
    const texts = textsOfForm(form);
    if (!check(texts)) return;
    if (isNew) create.mutate(texts);
    else save.mutate({ texts, baseHash: base!.hash, source: "saved" });
  };
  const restore = (v: VersionFull) => {
    if (!base) return;
    save.mutate({ texts: textsOfTemplate(v.template), baseHash: base.hash, source: "restored" });
  };
  const exportOne = () => {
    if (!base) return;
    downloadBytes(
      templatesToZip([fileOfTemplate(base.template)]),
      `${base.template.Alias ?? `template-${base.template.TemplateId}`}.zip`,
    );
  };

  // Ctrl/⌘+S saves; Alt+P shows or hides the preview.
  const saveRef = useRef(doSave);
  saveRef.current = doSave;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === "s") {
        e.preventDefault();
        saveRef.current();
      } else if (e.altKey && !e.ctrlKey && !e.metaKey && (e.code === "KeyP" || e.key.toLowerCase() === "p")) {
        e.preventDefault();
        setShowPreview((v) => !v);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  const editor = (
    <form
      className="flex min-w-0 flex-col gap-4"
      onSubmit={(e) => {
        e.preventDefault();
        doSave();
      }}
      noValidate
      aria-label="Template"
    >
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <FormField id="tpl-name" label="Name" required error={errors.Name}>
          <Input
            id="tpl-name"
            value={form.Name}
            onChange={(e) => set("Name", e.target.value)}
            aria-invalid={Boolean(errors.Name)}
          />
        </FormField>
        <FormField id="tpl-alias" label="Alias" error={errors.Alias}>
          <Input
            id="tpl-alias"
            value={form.Alias}
            onChange={(e) => set("Alias", e.target.value)}
            className="font-mono"
            aria-invalid={Boolean(errors.Alias)}
          />
        </FormField>
        <FormField id="tpl-type" label="Type" hint={isNew ? undefined : "The type cannot change."}>
          <Select
            value={form.TemplateType}
            onValueChange={(v) => set("TemplateType", v as TemplateKind)}
            disabled={!isNew}
          >
            <SelectTrigger id="tpl-type" className="w-full">
              <SelectValue />
            </SelectTrigger>
            <SelectContent>
              <SelectItem value="Standard">Standard</SelectItem>
              <SelectItem value="Layout">Layout</SelectItem>
            </SelectContent>
          </Select>
        </FormField>
        {form.TemplateType === "Standard" && (
          <FormField id="tpl-layout" label="Layout">
            <Select
              value={form.LayoutTemplate || NO_LAYOUT}
              onValueChange={(v) => set("LayoutTemplate", v === NO_LAYOUT ? "" : v)}
            >
              <SelectTrigger id="tpl-layout" className="w-full">
                <SelectValue />
              </SelectTrigger>
              <SelectContent>
                <SelectItem value={NO_LAYOUT}>No layout</SelectItem>
                {layoutChoices.map((l) => (
                  <SelectItem key={l.TemplateId} value={l.Alias!}>
                    {l.Name} ({l.Alias})
                  </SelectItem>
                ))}
                {form.LayoutTemplate && !layoutChoices.some((l) => l.Alias === form.LayoutTemplate) && (
                  <SelectItem value={form.LayoutTemplate}>{form.LayoutTemplate}</SelectItem>
                )}
              </SelectContent>
            </Select>
          </FormField>
        )}
      </div>
      {form.TemplateType === "Standard" && (
        <FormField id="tpl-subject" label="Subject" required error={errors.Subject}>
          <Input
            id="tpl-subject"
            value={form.Subject}
            onChange={(e) => set("Subject", e.target.value)}
            aria-invalid={Boolean(errors.Subject)}
          />
        </FormField>
      )}
      <FormField
        id="tpl-html"
        label="HTML body"
        error={errors.HtmlBody}
        hint={plain ? undefined : "Type {{ for model paths · Ctrl+F search · fold with the gutter arrows"}
      >
        <BodyEditor
          id="tpl-html"
          label="HTML body"
          value={form.HtmlBody}
          onChange={(v) => set("HtmlBody", v)}
          language="html"
          paths={paths}
          marks={htmlMarks}
          invalid={Boolean(errors.HtmlBody)}
          plain={plain}
          rows={12}
        />
      </FormField>
      <FormField id="tpl-text" label="Text body">
        <BodyEditor
          id="tpl-text"
          label="Text body"
          value={form.TextBody}
          onChange={(v) => set("TextBody", v)}
          language="text"
          paths={paths}
          marks={textMarks}
          plain={plain}
          rows={6}
        />
      </FormField>
      {fits && (
        <label className="flex items-center gap-2 text-xs text-muted-foreground">
          <input type="checkbox" checked={plainEditor} onChange={(e) => setPlainEditor(e.target.checked)} />
          Plain text areas instead of the code editor
        </label>
      )}
      <ModelEditor
        text={modelText}
        onText={(t) => {
          setModelText(t);
          setModelTouched(t.trim() !== "");
        }}
        model={modelValue}
        error={"error" in model ? model.error : undefined}
        touched={modelTouched}
        onReset={() => {
          setModelTouched(false);
          setModelText(suggested ? JSON.stringify(suggested, null, 2) : "");
        }}
      />
    </form>
  );

  return (
    <div className="mx-auto w-full max-w-7xl">
      <Link
        to="/templates"
        className="mb-2 inline-flex items-center gap-1 text-sm text-muted-foreground hover:text-foreground"
      >
        <ArrowLeft className="size-4" aria-hidden />
        Templates
      </Link>
      <PageHeader
        title={title}
        description={
          isNew
            ? "A standard template, or a layout that wraps templates with {{{ @content }}}."
            : `${form.TemplateType === "Layout" ? "Layout" : "Template"} #${base?.template.TemplateId}${dirty ? " · unsaved changes" : ""}`
        }
        actions={
          <>
            <Button
              variant="outline"
              size="sm"
              onClick={() => setShowPreview((v) => !v)}
              aria-pressed={showPreview}
              title="Alt+P"
            >
              {showPreview ? <EyeOff aria-hidden /> : <Eye aria-hidden />}
              {showPreview ? "Hide preview" : "Show preview"}
            </Button>
            {!isNew && (
              <Button variant="outline" size="sm" onClick={exportOne}>
                <Download aria-hidden />
                Export
              </Button>
            )}
            {!isNew && (
              <Button
                variant="outline"
                size="sm"
                onClick={() => setConfirmDelete(true)}
                disabled={!canDelete.allowed || remove.isPending || usedBy.length > 0 || usageUnknown}
                title={
                  usedBy.length > 0
                    ? `In use by ${usedBy.map((t) => t.Alias ?? t.Name).join(", ")}`
                    : usageUnknown
                      ? "Checking which templates use this layout…"
                      : canDelete.reason
                }
              >
                <Trash2 aria-hidden />
                Delete
              </Button>
            )}
            <Button size="sm" onClick={doSave} disabled={!canWrite.allowed || busy} title={canWrite.reason ?? "Ctrl+S"}>
              <Save aria-hidden />
              {busy ? "Saving…" : isNew ? `Create ${kind}` : `Save ${kind}`}
            </Button>
          </>
        }
      />
      <div className="mb-4 flex flex-col gap-2 empty:hidden">
        {draftNote && (
          <div
            role="status"
            className="flex flex-wrap items-center gap-2 rounded-md border border-amber-500/40 bg-amber-500/10 p-3 text-sm"
            data-testid="draft-restored"
          >
            <span className="flex-1">Restored your unsaved draft from {formatDateTime(draftNote)}.</span>
            <Button
              size="sm"
              variant="outline"
              onClick={() => {
                setForm(startForm);
                setBase(opened);
                setModelTouched(false);
                setDraftNote(null);
                clearDraft(key);
              }}
            >
              Discard draft
            </Button>
          </div>
        )}
        {draftBlocked && (
          <p role="alert" className="text-sm text-destructive">
            This browser refused to keep a draft (storage full or blocked): save soon.
          </p>
        )}
        {changedElsewhere && (
          <div
            role="status"
            className="flex flex-wrap items-center gap-2 rounded-md border border-sky-500/40 bg-sky-500/10 p-3 text-sm"
            data-testid="changed-elsewhere"
          >
            <span className="flex-1">
              This template changed on Postmark since you opened it. Saving will show both versions first.
            </span>
            <Button
              size="sm"
              variant="outline"
              onClick={() => setConflict({ theirs: latest, mine: textsOfForm(form), base: baseTexts })}
            >
              Compare now
            </Button>
          </div>
        )}
        {saveError && (
          <ActionError title={`Postmark did not save the ${kind}`} error={saveError} testId="template-action-error" />
        )}
        {remove.isError && (
          <ActionError
            title={`Postmark did not delete the ${kind}`}
            error={remove.error}
            testId="template-action-error"
          />
        )}
        {!isNew && base?.template.TemplateType === "Layout" && (
          <LayoutUsage
            users={usedBy}
            pending={users.isPending && users.fetchStatus !== "idle"}
            error={users.error}
            onRetry={() => void users.refetch()}
          />
        )}
      </div>

      <Tabs value={tab} onValueChange={setTab}>
        {!isNew && (
          <TabsList className="mb-4">
            <TabsTrigger value="edit">Edit</TabsTrigger>
            <TabsTrigger value="history">History</TabsTrigger>
            {base?.template.TemplateType === "Standard" && <TabsTrigger value="send">Send a test</TabsTrigger>}
          </TabsList>
        )}
        <TabsContent value="edit">
          <div className={showPreview ? "grid grid-cols-1 gap-6 lg:grid-cols-2" : "grid grid-cols-1 gap-6"}>
            {editor}
            {showPreview && (
              <section aria-label="Preview" className="min-w-0">
                {validation.isError ? (
                  <ErrorState title="Postmark could not validate the template" error={validation.error} />
                ) : (
                  <TemplatePreview result={validation.data} fetching={validation.isFetching} />
                )}
              </section>
            )}
          </div>
        </TabsContent>
        {!isNew && base && (
          <TabsContent value="history">
            <HistoryPanel
              serverId={base.template.AssociatedServerId}
              templateId={base.template.TemplateId}
              currentHash={base.hash}
              canRestore={canWrite.allowed}
              restoreReason={canWrite.reason}
              restoring={save.isPending}
              onRestore={restore}
            />
          </TabsContent>
        )}
        {!isNew && base && (
          <TabsContent value="send">
            <SendTest
              serverId={serverId}
              templateId={base.template.TemplateId}
              model={modelValue}
              dirty={dirty}
              canSend={canWrite.allowed}
              reason={canWrite.reason}
            />
          </TabsContent>
        )}
      </Tabs>

      {conflict && (
        <ConflictDialog
          open
          base={conflict.base}
          mine={conflict.mine}
          theirs={textsOfTemplate(conflict.theirs.template)}
          busy={save.isPending}
          onCancel={() => setConflict(null)}
          onTakeTheirs={() => {
            setBase(conflict.theirs);
            setForm(formOfTexts(textsOfTemplate(conflict.theirs.template), conflict.theirs.template.TemplateType));
            setConflict(null);
          }}
          onEdit={(texts) => {
            setBase(conflict.theirs);
            setForm(formOfTexts(texts, conflict.theirs.template.TemplateType));
            setConflict(null);
          }}
          onSave={(texts) => {
            setBase(conflict.theirs);
            setForm(formOfTexts(texts, conflict.theirs.template.TemplateType));
            save.mutate({ texts, baseHash: conflict.theirs.hash, source: "merged" });
          }}
        />
      )}
      <ConfirmDialog
        open={confirmDelete}
        onOpenChange={setConfirmDelete}
        title={`Delete ${kind} ${base?.template.Name ?? ""}?`}
        description={
          <>
            The {kind} <strong>{base?.template.Name}</strong>
            {base?.template.Alias && (
              <>
                {" "}
                (<code className="font-mono">{base.template.Alias}</code>)
              </>
            )}{" "}
            is removed from this server; sends that use it will fail. Its history stays in Mailroom.
          </>
        }
        confirmLabel="Delete"
        onConfirm={() => {
          setConfirmDelete(false);
          if (base) remove.mutate({ params: { templateIdOrAlias: String(base.template.TemplateId) } });
        }}
      />
      <ConfirmDialog
        open={blocker.status === "blocked"}
        onOpenChange={(o) => {
          if (!o && blocker.status === "blocked") blocker.reset();
        }}
        title="Leave with unsaved changes?"
        description={`Your changes to this ${kind} are not saved on Postmark. Leaving discards the draft kept in this browser.`}
        confirmLabel="Discard and leave"
        onConfirm={() => {
          leaving.current = true;
          clearDraft(key);
          if (blocker.status === "blocked") blocker.proceed();
        }}
      />
    </div>
  );
}
