import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { useMemo } from "react";
import type { WorkflowDocumentInput } from "@/contract/workflows";
import { instantiateTemplate, workflowTemplates } from "@/contract/workflows";
import { ErrorState } from "@/web/components/error-state";
import { NotFound } from "@/web/components/not-found";
import { RoutePending } from "@/web/components/route-pending";
import { Button } from "@/web/components/ui/button";
import { workflowQuery } from "../workflows-api";
import { newDocument } from "./doc-edits";
import { WorkflowsEditor } from "./workflows-editor";

const route = getRouteApi("/_app/workflows/$workflowId");

export function WorkflowsEditorPage() {
  const { workflowId } = route.useParams();
  if (workflowId === "new") return <NewWorkflow />;
  const id = Number(workflowId);
  if (!Number.isInteger(id) || id <= 0) return <NotFound />;
  return <SavedWorkflow key={id} id={id} />;
}

function NewWorkflow() {
  const { template, trigger } = route.useSearch();
  const start = useMemo(() => {
    const found = template ? workflowTemplates.find((t) => t.id === template) : undefined;
    const doc = template ? instantiateTemplate(template) : null;
    return doc && found ? { doc, sample: found.sample } : { doc: newDocument(trigger), sample: null };
  }, [template, trigger]);
  if (template && !workflowTemplates.some((t) => t.id === template)) {
    return (
      <div className="flex flex-col items-start gap-3">
        <ErrorState title="No such template" error={new Error(`There is no workflow template “${template}”.`)} />
        <Button asChild variant="outline">
          <Link to="/workflows">Back to workflows</Link>
        </Button>
      </div>
    );
  }
  return (
    <WorkflowsEditor key={template ?? trigger ?? "blank"} detail={null} initial={start.doc} sample={start.sample} />
  );
}

function SavedWorkflow({ id }: { id: number }) {
  const q = useQuery(workflowQuery(id));
  if (q.isPending) return <RoutePending />;
  if (q.isError)
    return <ErrorState title="This workflow could not be loaded" error={q.error} onRetry={() => void q.refetch()} />;
  return <WorkflowsEditor detail={q.data} initial={q.data.document as WorkflowDocumentInput} sample={null} />;
}
