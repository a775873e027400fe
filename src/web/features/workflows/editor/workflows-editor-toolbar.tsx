import { Link } from "@tanstack/react-router";
import {
  ArrowLeft,
  CircleAlert,
  Copy,
  Download,
  FlaskConical,
  LoaderCircle,
  MoreHorizontal,
  Redo2,
  Save,
  Trash2,
  Undo2,
  Upload,
} from "lucide-react";
import type { WorkflowDetail } from "@/contract/api/workflows";
import { Badge } from "@/web/components/ui/badge";
import { Button } from "@/web/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/web/components/ui/dropdown-menu";
import { Input } from "@/web/components/ui/input";
import { Switch } from "@/web/components/ui/switch";
import { useEditor, useEditorStore } from "./editor-context";
import { isDirty } from "./editor-store";

export interface ToolbarActions {
  save: () => void;
  saving: boolean;
  test: () => void;
  setEnabled: (enabled: boolean) => void;
  toggling: boolean;
  duplicate: () => void;
  exportFile: () => void;
  importFile: () => void;
  remove: () => void;
}

/** Why the workflow cannot be enabled right now, or null when it can. */
export function enableBlocker(detail: WorkflowDetail | null, dirty: boolean, errors: number): string | null {
  if (!detail) return "Save the workflow before enabling it.";
  if (errors > 0) return `Fix ${errors} error${errors === 1 ? "" : "s"} before enabling.`;
  if (dirty) return "Save your changes before enabling.";
  if (detail.disabledReason)
    return "Its author lacks the authority its steps need: save it again (with a role that allows every step) before enabling.";
  return null;
}

export function WorkflowsEditorToolbar({
  detail,
  actions,
}: {
  detail: WorkflowDetail | null;
  actions: ToolbarActions;
}) {
  const store = useEditorStore();
  const name = useEditor((s) => s.doc.name);
  const dirty = useEditor(isDirty);
  const canUndo = useEditor((s) => s.past.length > 0);
  const canRedo = useEditor((s) => s.future.length > 0);
  const errors = useEditor((s) => s.validation.problems.filter((p) => p.severity === "error").length);
  const blocker = detail?.enabled ? null : enableBlocker(detail, dirty, errors);
  const mod = typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform) ? "⌘" : "Ctrl";

  return (
    <div className="flex flex-col gap-2 border-b pb-3" data-testid="editor-toolbar">
      <div className="flex min-w-0 flex-wrap items-center gap-2">
        <Button asChild variant="ghost" size="icon" className="size-8 shrink-0">
          <Link to="/workflows" aria-label="Back to workflows">
            <ArrowLeft />
          </Link>
        </Button>
        <Input
          aria-label="Workflow name"
          className="h-9 max-w-md min-w-0 flex-1 font-semibold"
          value={name}
          onChange={(e) => store.update((d) => ({ ...d, name: e.target.value }), "name")}
        />
        <div className="flex flex-wrap items-center gap-1.5 text-xs">
          {detail ? (
            <Badge variant="outline">v{detail.currentVersion}</Badge>
          ) : (
            <Badge variant="secondary">not saved</Badge>
          )}
          {dirty && detail && <Badge variant="warning">unsaved changes</Badge>}
        </div>
      </div>
      <div className="flex min-w-0 flex-wrap items-center gap-2">
        <Button
          variant="outline"
          size="icon"
          className="size-8"
          aria-label="Undo"
          title={`Undo (${mod}-Z)`}
          disabled={!canUndo}
          onClick={() => store.undo()}
        >
          <Undo2 />
        </Button>
        <Button
          variant="outline"
          size="icon"
          className="size-8"
          aria-label="Redo"
          title={`Redo (Shift-${mod}-Z)`}
          disabled={!canRedo}
          onClick={() => store.redo()}
        >
          <Redo2 />
        </Button>
        <Button variant="outline" size="sm" onClick={actions.test}>
          <FlaskConical />
          Test
        </Button>
        <Button
          size="sm"
          onClick={actions.save}
          disabled={actions.saving || (!dirty && !!detail)}
          title={`Save a new version (${mod}-S)`}
        >
          {actions.saving ? <LoaderCircle className="animate-spin" /> : <Save />}Save
        </Button>
        <label className="flex items-center gap-2 rounded-md border px-2.5 py-1 text-sm" title={blocker ?? undefined}>
          <Switch
            aria-label="Enabled"
            checked={detail?.enabled ?? false}
            disabled={actions.toggling || (!detail?.enabled && blocker !== null)}
            onCheckedChange={actions.setEnabled}
          />
          {detail?.enabled ? "Enabled" : "Disabled"}
        </label>
        <DropdownMenu>
          <DropdownMenuTrigger asChild>
            <Button variant="ghost" size="icon" className="size-8" aria-label="More actions">
              <MoreHorizontal />
            </Button>
          </DropdownMenuTrigger>
          <DropdownMenuContent align="end">
            <DropdownMenuItem disabled={!detail} onSelect={actions.duplicate}>
              <Copy />
              Duplicate
            </DropdownMenuItem>
            <DropdownMenuItem onSelect={actions.exportFile}>
              <Download />
              Export as JSON
            </DropdownMenuItem>
            <DropdownMenuItem onSelect={actions.importFile}>
              <Upload />
              Import from JSON…
            </DropdownMenuItem>
            <DropdownMenuSeparator />
            <DropdownMenuItem disabled={!detail} onSelect={actions.remove} className="text-destructive">
              <Trash2 />
              Delete…
            </DropdownMenuItem>
          </DropdownMenuContent>
        </DropdownMenu>
        {blocker && (
          <p className="text-xs text-muted-foreground" data-testid="enable-reason">
            {blocker}
          </p>
        )}
      </div>
      {detail?.disabledReason && (
        <p
          role="alert"
          className="flex min-w-0 items-start gap-2 rounded-md border border-destructive/40 bg-destructive/10 p-2 text-sm break-words"
          data-testid="workflow-disabled-reason"
        >
          <CircleAlert className="mt-0.5 size-4 shrink-0 text-destructive" aria-hidden />
          <span className="min-w-0">{detail.disabledReason}</span>
        </p>
      )}
    </div>
  );
}
