import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { CircleCheck, CircleX, LinkIcon } from "lucide-react";
import { useRef, useState } from "react";
import type { DecisionResponse } from "@/contract/api/approvals";
import { Brand } from "@/web/components/layout/brand";
import { Button } from "@/web/components/ui/button";
import { Skeleton } from "@/web/components/ui/skeleton";
import { isApiError } from "@/web/lib/api-error";
import { approvalLinkQuery, decideByLink, linkProblem } from "../approval-links-api";
import { afterDecision } from "../approvals-api";
import { describeApproval } from "../approvals-describe";
import { decisionMessage } from "../use-approval-decision";
import { useServerNames } from "../use-server-names";
import { ApprovalsRejectDialog, useArmed } from "./approvals-decide-dialogs";
import { ApprovalsItemView } from "./approvals-item-view";

const route = getRouteApi("/approve/$token");

function Problem({ error }: { error: unknown }) {
  const p = isApiError(error) ? linkProblem(error) : { title: "The link could not be checked", text: String(error) };
  return (
    <div
      role="alert"
      className="rounded-lg border border-destructive/30 bg-destructive/5 p-4"
      data-testid="link-problem"
    >
      <p className="flex items-center gap-2 font-semibold text-destructive">
        <LinkIcon className="size-4" aria-hidden />
        {p.title}
      </p>
      <p className="mt-1 text-sm break-words">{p.text}</p>
      <Link
        to="/approvals"
        search={{ status: "pending" }}
        className="mt-3 inline-block text-sm text-primary underline-offset-4 hover:underline"
      >
        Open the Approvals page
      </Link>
    </div>
  );
}

/** /approve/<token>: the signed link from a notification or email. Shows the action; a tap decides. */
export function ApprovalsLinkPage() {
  const { token } = route.useParams();
  const queryClient = useQueryClient();
  const view = useQuery(approvalLinkQuery(token));
  const servers = useServerNames();
  const [rejecting, setRejecting] = useState(false);
  const [done, setDone] = useState<DecisionResponse | null>(null);
  const inFlight = useRef(false);
  // The page opens from a tap on a notification: the approve button arms a beat later.
  const armed = useArmed(view.isSuccess);
  const decide = useMutation({
    mutationFn: (d: { kind: "approve" } | { kind: "reject"; reason: string }) => decideByLink(token, d),
    meta: { silent: true },
    onSuccess: (res) => {
      setDone(res);
      setRejecting(false);
      void afterDecision(queryClient, res.approval);
    },
    onSettled: () => {
      inFlight.current = false;
    },
  });
  const run = (d: { kind: "approve" } | { kind: "reject"; reason: string }) => {
    if (inFlight.current || decide.isPending || done) return;
    inFlight.current = true;
    decide.mutate(d);
  };

  const v = view.data;
  const headline = v ? describeApproval(v.approval, servers) : "";
  return (
    <div className="mx-auto flex min-h-dvh w-full max-w-2xl min-w-0 flex-col px-4 py-4">
      <header className="mb-4 flex items-center justify-between">
        <Brand />
      </header>
      <main className="flex min-w-0 flex-1 flex-col gap-3">
        {view.isPending ? (
          <div className="flex flex-col gap-3" aria-busy="true">
            <Skeleton className="h-8 w-3/4" />
            <Skeleton className="h-32 w-full" />
          </div>
        ) : view.isError ? (
          <Problem error={view.error} />
        ) : v ? (
          <>
            {done ? (
              <div role="status" className="flex gap-3 rounded-lg border bg-card p-4" data-testid="link-done">
                {done.approval.status === "rejected" ? (
                  <CircleX className="size-6 shrink-0 text-destructive" aria-hidden />
                ) : (
                  <CircleCheck className="size-6 shrink-0 text-success" aria-hidden />
                )}
                <p className="font-medium">{decisionMessage(done).text}</p>
              </div>
            ) : (
              v.approval.status === "pending" && (
                <p className="text-sm text-muted-foreground">
                  Opening this link changed nothing. Check the action below, then confirm with a tap. The link works
                  once and expires {new Date(v.expiresAt).toLocaleString()}.
                </p>
              )
            )}
            <ApprovalsItemView
              item={done?.approval ?? v.approval}
              headline={headline}
              serverName={
                v.approval.request.serverId != null ? (servers.get(v.approval.request.serverId) ?? null) : null
              }
            />
            {decide.isError && <Problem error={decide.error} />}
            {!done && v.approval.status === "pending" && (
              <div
                className="sticky bottom-0 -mx-4 mt-2 border-t bg-background/95 px-4 pt-3 pb-[max(0.75rem,env(safe-area-inset-bottom))] backdrop-blur"
                data-testid="link-actions"
              >
                {!v.canDecide && (
                  <p className="mb-2 text-sm text-muted-foreground" data-testid="link-cannot">
                    {v.reason ?? "You may not decide this item."}
                  </p>
                )}
                <div className="flex gap-2">
                  <Button
                    variant="outline"
                    className="h-12 flex-1 text-base text-destructive"
                    disabled={!v.canDecide || decide.isPending}
                    onClick={() => setRejecting(true)}
                  >
                    Reject…
                  </Button>
                  <Button
                    className="h-12 flex-[2] text-base"
                    disabled={!v.canDecide || !armed || decide.isPending}
                    onClick={() => run({ kind: "approve" })}
                  >
                    {decide.isPending ? "Approving…" : "Confirm approval"}
                  </Button>
                </div>
              </div>
            )}
            <ApprovalsRejectDialog
              open={rejecting}
              onOpenChange={setRejecting}
              headline={headline}
              busy={decide.isPending}
              onReject={(reason) => run({ kind: "reject", reason })}
            />
          </>
        ) : null}
      </main>
    </div>
  );
}
