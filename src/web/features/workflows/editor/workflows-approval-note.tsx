import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { ShieldAlert, Users } from "lucide-react";
import { approvalShortfall, type ApproversResponse } from "@/contract/api/approvers";
import { apiRequest } from "@/web/lib/api-client";
import { useSessionUser } from "@/web/lib/session";

const approversQuery = {
  queryKey: ["approvers"],
  queryFn: ({ signal }: { signal: AbortSignal }) => apiRequest<ApproversResponse>("/api/approvers", { signal }),
  staleTime: 60_000,
  meta: { silent: true },
};

/**
 * The approval policy in words where a step waits for approval: who may approve, whether the
 * author may, and a warning (with the ways out) when nobody but the author could.
 */
export function WorkflowsApprovalNote({
  approvers,
  allowSelfApproval,
}: {
  approvers: number;
  allowSelfApproval: boolean;
}) {
  const user = useSessionUser();
  const q = useQuery(approversQuery);
  const author = user?.username;
  const people = q.data?.approvers ?? [];
  const { eligible, short } = approvalShortfall(people, author, approvers, allowSelfApproval);
  return (
    <div className="flex flex-col gap-2 text-xs" data-testid="approval-note">
      <p className="flex items-start gap-1.5 text-muted-foreground">
        <Users className="mt-0.5 size-3.5 shrink-0" aria-hidden />
        <span>
          Who may approve: anyone with the approver, operator or admin role
          {q.data ? (
            <> ({people.length === 0 ? "nobody yet" : people.map((p) => p.username).join(", ")})</>
          ) : null}.{" "}
          {allowSelfApproval
            ? "The author of the workflow may approve too."
            : "The author of the workflow (whoever saves it, now you) may not approve its steps."}{" "}
          {approvers === 2 ? "Two different people must approve." : "One approval is enough."}
        </span>
      </p>
      {q.data && short && (
        <div
          role="alert"
          className="flex items-start gap-1.5 rounded-md border border-warning/40 bg-warning/10 p-2 text-foreground"
          data-testid="approval-shortfall"
        >
          <ShieldAlert className="mt-0.5 size-3.5 shrink-0 text-warning" aria-hidden />
          <span>
            {eligible.length === 0
              ? "Nobody but you could approve this step"
              : `Only ${eligible.length} person could approve this step, and it needs ${approvers}`}
            : runs would wait until the approval expires. Ways out:{" "}
            {user?.role === "admin" ? (
              <Link to="/settings" className="underline">
                add a user with the approver role in Settings
              </Link>
            ) : (
              "ask an admin to add a user with the approver role"
            )}
            {!allowSelfApproval && <>, or turn on “The author may approve” below</>}
            {approvers === 2 && <>, or ask for one approver</>}.
          </span>
        </div>
      )}
    </div>
  );
}
