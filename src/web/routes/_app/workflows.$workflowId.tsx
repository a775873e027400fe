import { createFileRoute } from "@tanstack/react-router";
import { WorkflowsEditorPage } from "@/web/features/workflows/editor/workflows-editor-page";
import { editorSearch } from "@/web/features/workflows/workflows-search";

// `new` or a workflow id; the editor (and React Flow) load only on this route.
export const Route = createFileRoute("/_app/workflows/$workflowId")({
  validateSearch: editorSearch,
  component: WorkflowsEditorPage,
});
