import { Link } from "@tanstack/react-router";
import { workflowTriggerIds, workflowTriggers } from "@/contract/workflows/triggers";
import { templatesForTrigger } from "@/contract/workflows";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/web/components/ui/dialog";

/** The library of ready-made workflows, grouped by trigger; one opens in the editor as a new workflow. */
export function WorkflowsTemplateDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (o: boolean) => void }) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent className="max-h-[85dvh] max-w-2xl" data-testid="template-dialog">
        <DialogHeader>
          <DialogTitle>Start from a template</DialogTitle>
          <DialogDescription>
            It opens in the editor as a new workflow; nothing is saved until you save it.
          </DialogDescription>
        </DialogHeader>
        <div className="flex flex-col gap-4">
          {workflowTriggerIds.map((t) => {
            const list = templatesForTrigger(t);
            if (list.length === 0) return null;
            return (
              <section key={t} aria-label={workflowTriggers[t].title}>
                <h3 className="mb-1 text-xs font-medium tracking-wide text-muted-foreground uppercase">
                  {workflowTriggers[t].title}
                </h3>
                <ul className="divide-y rounded-md border">
                  {list.map((tpl) => (
                    <li key={tpl.id}>
                      <Link
                        to="/workflows/$workflowId"
                        params={{ workflowId: "new" }}
                        search={{ template: tpl.id }}
                        className="block px-3 py-2 hover:bg-accent"
                        onClick={() => onOpenChange(false)}
                      >
                        <span className="block text-sm font-medium">{tpl.title}</span>
                        <span className="line-clamp-2 text-xs text-muted-foreground">{tpl.description}</span>
                      </Link>
                    </li>
                  ))}
                </ul>
              </section>
            );
          })}
        </div>
      </DialogContent>
    </Dialog>
  );
}
