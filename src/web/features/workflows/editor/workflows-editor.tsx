import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useBlocker, useNavigate } from "@tanstack/react-router";
import { Plus, X } from "lucide-react";
import { lazy, Suspense, useEffect, useRef, useState } from "react";
import type { WorkflowDetail } from "@/contract/api/workflows";
import type { WorkflowDocumentInput } from "@/contract/workflows";
import { ConfirmDialog } from "@/web/components/confirm-dialog";
import { Button } from "@/web/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/web/components/ui/dialog";
import { Skeleton } from "@/web/components/ui/skeleton";
import { useSessionUser } from "@/web/lib/session";
import { notify } from "@/web/lib/toast";
import {
  createWorkflow,
  deleteWorkflow,
  duplicateWorkflow,
  invalidateWorkflows,
  saveWorkflow,
  setWorkflowEnabled,
  workflowQuery,
} from "../workflows-api";
import { EditorContext, useEditor, useEditorStore } from "./editor-context";
import { createEditorStore, isDirty, type EditorStore } from "./editor-store";
import { addAction, addCondition, removeStep, setTrigger, type Position } from "./doc-edits";
import { downloadDocument, parseDocumentFile } from "./document-file";
import type { PaletteItem } from "./palette-items";
import { useNarrow, useWide } from "./use-narrow";
import { WorkflowsEditorToolbar } from "./workflows-editor-toolbar";
import { WorkflowsPalette } from "./workflows-palette";
import { WorkflowsProblems } from "./workflows-problems";
import { WorkflowsSidePanel } from "./workflows-side-panel";
import { WorkflowsStepList } from "./workflows-step-list";
import { WorkflowsTestDialog } from "./workflows-test-dialog";

// React Flow loads with this chunk only, and only where the free canvas is shown (not on phones).
const WorkflowsCanvas = lazy(() => import("./workflows-canvas").then((m) => ({ default: m.WorkflowsCanvas })));

const inField = (t: EventTarget | null) =>
  t instanceof HTMLElement &&
  (t.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(t.tagName) || t.getAttribute("role") === "combobox");

export interface WorkflowsEditorProps {
  detail: WorkflowDetail | null;
  initial: WorkflowDocumentInput;
  sample: Record<string, unknown> | null;
}

/** The loaded editor: canvas (or step list on a phone), palette, side panel, problems, tests and file actions. */
export function WorkflowsEditor({ detail: initialDetail, initial, sample }: WorkflowsEditorProps) {
  const user = useSessionUser();
  const [store] = useState<EditorStore>(() =>
    createEditorStore(initial, initialDetail !== null, sample, user?.role ?? null),
  );
  const [detail, setDetail] = useState(initialDetail);
  const narrow = useNarrow();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [testing, setTesting] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [importErrors, setImportErrors] = useState<string[] | null>(null);
  const [paletteOpen, setPaletteOpen] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  const remember = (d: WorkflowDetail) => {
    setDetail(d);
    queryClient.setQueryData(workflowQuery(d.id).queryKey, d);
    void invalidateWorkflows(queryClient);
  };

  const save = useMutation({
    mutationFn: (doc: WorkflowDocumentInput) => (detail ? saveWorkflow(detail.id, doc) : createWorkflow(doc)),
    onSuccess: (d, doc) => {
      store.markSaved(doc);
      remember(d);
      notify.success(`Saved version ${d.currentVersion}`);
      if (!detail) void navigate({ to: "/workflows/$workflowId", params: { workflowId: String(d.id) }, replace: true });
    },
  });
  const toggle = useMutation({
    mutationFn: (enabled: boolean) => setWorkflowEnabled(detail!.id, enabled),
    onSuccess: remember,
  });
  const duplicate = useMutation({
    mutationFn: () => duplicateWorkflow(detail!.id),
    onSuccess: (d) => {
      void invalidateWorkflows(queryClient);
      void navigate({ to: "/workflows/$workflowId", params: { workflowId: String(d.id) } });
    },
  });
  const remove = useMutation({
    mutationFn: () => deleteWorkflow(detail!.id),
    onSuccess: () => {
      store.markSaved();
      void invalidateWorkflows(queryClient);
      void navigate({ to: "/workflows" });
    },
  });

  const doSave = () => {
    if (!save.isPending) save.mutate(store.getState().doc);
  };
  const saveRef = useRef(doSave);
  saveRef.current = doSave;

  useBlocker({
    shouldBlockFn: () =>
      isDirty(store.getState()) && !window.confirm("This workflow has unsaved changes. Leave and lose them?"),
    enableBeforeUnload: () => isDirty(store.getState()),
  });

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const mod = e.metaKey || e.ctrlKey;
      const key = e.key.toLowerCase();
      if (mod && key === "s") {
        e.preventDefault();
        saveRef.current();
      } else if (mod && !inField(e.target) && (key === "z" || key === "y")) {
        e.preventDefault();
        if (key === "y" || e.shiftKey) store.redo();
        else store.undo();
      } else if (
        (e.key === "Delete" || e.key === "Backspace") &&
        !inField(e.target) &&
        !document.querySelector("[role=dialog]")
      ) {
        const id = store.getState().selected;
        if (id && id !== "trigger") store.update((d) => removeStep(d, id));
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [store]);

  const add = (item: PaletteItem, position?: Position) => {
    setPaletteOpen(false);
    if (item.type === "trigger") {
      store.update((d) => setTrigger(d, item.trigger));
      store.select("trigger");
      return;
    }
    let id = "";
    store.update((d) => {
      const r = item.type === "action" ? addAction(d, item.operationId, position) : addCondition(d, position);
      id = r.id;
      return r.doc;
    });
    store.select(id);
  };

  const importFile = async (file: File) => {
    const result = parseDocumentFile(await file.text());
    if (result.ok) {
      store.update(() => result.doc);
      store.select(null);
      notify.success(`Imported “${result.doc.name}”; save to keep it`);
    } else setImportErrors(result.errors);
  };

  return (
    <EditorContext.Provider value={store}>
      <div
        className="-mx-4 -my-6 flex h-[calc(100dvh-3.5rem)] min-h-0 flex-col px-4 pt-3 md:-mx-8 md:px-8"
        data-testid="workflow-editor"
      >
        <WorkflowsEditorToolbar
          detail={detail}
          actions={{
            save: doSave,
            saving: save.isPending,
            test: () => setTesting(true),
            setEnabled: (v) => toggle.mutate(v),
            toggling: toggle.isPending,
            duplicate: () => duplicate.mutate(),
            exportFile: () => downloadDocument(store.getState().doc),
            importFile: () => fileInput.current?.click(),
            remove: () => setConfirmDelete(true),
          }}
        />
        <input
          ref={fileInput}
          type="file"
          accept="application/json,.json"
          className="hidden"
          aria-label="Import a workflow file"
          data-testid="import-input"
          onChange={(e) => {
            const f = e.target.files?.[0];
            e.target.value = "";
            if (f) void importFile(f);
          }}
        />
        {narrow ? <PhoneLayout onAddClick={() => setPaletteOpen(true)} /> : <DesktopLayout onAdd={add} />}
      </div>
      {narrow && (
        <Dialog open={paletteOpen} onOpenChange={setPaletteOpen}>
          <DialogContent className="flex h-[90dvh] flex-col p-2 pt-10">
            <DialogTitle className="sr-only">Add a step</DialogTitle>
            <WorkflowsPalette
              onAdd={add}
              currentTrigger={store.getState().doc.trigger.type}
              className="min-h-0 flex-1"
            />
          </DialogContent>
        </Dialog>
      )}
      {testing && <WorkflowsTestDialog open={testing} onOpenChange={setTesting} workflowId={detail?.id ?? null} />}
      <ConfirmDialog
        open={confirmDelete}
        onOpenChange={setConfirmDelete}
        title={`Delete workflow “${detail?.name ?? ""}”?`}
        description="Its versions are removed and it stops running. Past runs stay in the run history."
        confirmLabel="Delete"
        onConfirm={() => remove.mutate()}
      />
      <Dialog open={importErrors !== null} onOpenChange={(o) => !o && setImportErrors(null)}>
        <DialogContent data-testid="import-errors">
          <DialogHeader>
            <DialogTitle>This file is not a workflow</DialogTitle>
            <DialogDescription>Nothing was changed. Fix the file and import it again.</DialogDescription>
          </DialogHeader>
          <ul className="list-disc pl-5 text-sm break-words text-destructive">
            {importErrors?.map((e, i) => (
              <li key={i}>{e}</li>
            ))}
          </ul>
        </DialogContent>
      </Dialog>
    </EditorContext.Provider>
  );
}

function DesktopLayout({ onAdd }: { onAdd: (item: PaletteItem, position?: Position) => void }) {
  const selected = useEditor((s) => s.selected);
  const trigger = useEditor((s) => s.doc.trigger.type);
  const errorCount = useEditor((s) => s.validation.problems.length);
  const wide = useWide();
  return (
    <div
      className={
        wide && selected
          ? "grid min-h-0 flex-1 grid-cols-[16rem_minmax(0,1fr)_24rem]"
          : "grid min-h-0 flex-1 grid-cols-[16rem_minmax(0,1fr)]"
      }
    >
      <aside className="min-h-0 overflow-hidden border-r" aria-label="Palette">
        <WorkflowsPalette onAdd={onAdd} currentTrigger={trigger} className="h-full" />
      </aside>
      <div className="relative flex min-h-0 flex-col">
        {!selected && (
          <p className="pointer-events-none absolute top-2 left-3 z-10 text-xs text-muted-foreground">
            Click a node to edit it; click or drag an item from the palette to add it.
          </p>
        )}
        <div className="min-h-0 flex-1">
          <Suspense fallback={<Skeleton className="m-4 h-[calc(100%-2rem)]" />}>
            <WorkflowsCanvas onAdd={onAdd} />
          </Suspense>
        </div>
        <details className="max-h-48 shrink-0 overflow-y-auto border-t" open={errorCount > 0}>
          <summary className="cursor-pointer px-3 py-1.5 text-xs font-medium text-muted-foreground">
            Problems ({errorCount})
          </summary>
          <WorkflowsProblems />
        </details>
        {/* Below xl the panel floats over the canvas instead of taking a column. */}
        {selected && !wide && (
          <aside
            className="absolute inset-y-0 right-0 z-10 w-[24rem] max-w-full overflow-y-auto border-l bg-background p-4 shadow-lg"
            aria-label="Selected node"
          >
            <PanelClose />
            <WorkflowsSidePanel nodeId={selected} />
          </aside>
        )}
      </div>
      {wide && selected && (
        <aside className="min-h-0 overflow-y-auto border-l p-4" aria-label="Selected node">
          <PanelClose />
          <WorkflowsSidePanel nodeId={selected} />
        </aside>
      )}
    </div>
  );
}

function PanelClose() {
  const store = useEditorStore();
  return (
    <Button
      variant="ghost"
      size="icon"
      className="float-right size-8"
      aria-label="Close panel"
      onClick={() => store.select(null)}
    >
      <X />
    </Button>
  );
}

function PhoneLayout({ onAddClick }: { onAddClick: () => void }) {
  const store = useEditorStore();
  const selected = useEditor((s) => s.selected);
  const count = useEditor((s) => s.validation.problems.length);
  return (
    <div className="min-h-0 flex-1 overflow-y-auto py-3">
      <WorkflowsStepList />
      <Button variant="outline" className="mt-3 w-full" onClick={onAddClick}>
        <Plus />
        Add a step
      </Button>
      <details className="mt-4 rounded-md border" open={count > 0}>
        <summary className="cursor-pointer px-3 py-2 text-sm font-medium">Problems ({count})</summary>
        <WorkflowsProblems />
      </details>
      <Dialog open={selected !== null} onOpenChange={(o) => !o && store.select(null)}>
        <DialogContent
          className="inset-0 h-dvh max-h-dvh w-full max-w-none translate-x-0 translate-y-0 rounded-none border-0 p-4 pt-12"
          aria-describedby={undefined}
        >
          <DialogTitle className="sr-only">Edit node</DialogTitle>
          {selected && <WorkflowsSidePanel nodeId={selected} />}
        </DialogContent>
      </Dialog>
    </div>
  );
}
