import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { AddressLink } from "@/web/components/address-link";
import { RotateCcw } from "lucide-react";
import { useState } from "react";
import { ConfirmDialog } from "@/web/components/confirm-dialog";
import { ErrorState } from "@/web/components/error-state";
import { RawText } from "@/web/components/raw-text";
import { DetailField, SidePanel } from "@/web/components/side-panel";
import { Badge } from "@/web/components/ui/badge";
import { Button } from "@/web/components/ui/button";
import { Skeleton } from "@/web/components/ui/skeleton";
import { PostmarkTime } from "@/web/components/postmark-time";
import { formatPostmarkTime } from "@/web/lib/format";
import { permission } from "@/web/lib/permissions";
import { postmarkMutationOptions } from "@/web/lib/postmark-queries";
import { useSessionUser } from "@/web/lib/session";
import { notify } from "@/web/lib/toast";
import { bounceDumpQuery, bounceQuery, bouncesActivate, type Bounce } from "../bounces-api";

function Dump({ id, serverId, available }: { id: number; serverId: number | null; available: boolean }) {
  const q = useQuery({ ...bounceDumpQuery(id, serverId), enabled: available });
  if (!available)
    return (
      <p className="text-sm text-muted-foreground">
        Postmark no longer keeps the SMTP dump of this bounce (dumps are kept about 30 days).
      </p>
    );
  if (q.isPending) return <Skeleton className="h-40 w-full" />;
  if (q.isError)
    return <ErrorState title="Could not load the SMTP dump" error={q.error} onRetry={() => void q.refetch()} />;
  return q.data.Body ? (
    <RawText text={q.data.Body} label="SMTP dump" />
  ) : (
    <p className="text-sm text-muted-foreground">The dump is empty.</p>
  );
}

function Reactivate({ bounce, serverId }: { bounce: Bounce; serverId: number | null }) {
  const user = useSessionUser();
  const allowed = permission(user?.role, bouncesActivate.risk);
  const [confirming, setConfirming] = useState(false);
  const qc = useQueryClient();
  const m = useMutation({
    ...postmarkMutationOptions(bouncesActivate, serverId, qc),
    meta: { silent: true },
  });
  const address = bounce.Email ?? `bounce ${bounce.ID}`;
  if (!bounce.CanActivate) {
    return (
      <p className="text-sm text-muted-foreground">
        {bounce.Inactive
          ? "Postmark does not allow reactivating this address (spam complaints cannot be reactivated)."
          : "This address is active."}
      </p>
    );
  }
  return (
    <div className="flex flex-col gap-2">
      <div>
        <Button onClick={() => setConfirming(true)} disabled={!allowed.allowed || m.isPending} title={allowed.reason}>
          <RotateCcw aria-hidden /> Reactivate
        </Button>
        {!allowed.allowed && <p className="mt-1 text-xs text-muted-foreground">{allowed.reason}</p>}
      </div>
      {m.isError && <ErrorState title="Could not reactivate" error={m.error} />}
      {m.isSuccess && (
        <p role="status" className="text-sm text-success">
          {m.data.Message ?? `${address} reactivated.`}
        </p>
      )}
      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title={`Reactivate ${address}?`}
        description={
          <p>
            Postmark will send to <strong className="break-all">{address}</strong> again and lift its suppression. If
            the address still bounces, it will be deactivated again.
          </p>
        }
        confirmLabel="Reactivate"
        onConfirm={() =>
          m.mutate({ params: { bounceid: bounce.ID } }, { onSuccess: () => notify.success(`${address} reactivated`) })
        }
      />
    </div>
  );
}

function Detail({ bounce, serverId }: { bounce: Bounce; serverId: number | null }) {
  return (
    <div className="flex flex-col gap-5">
      <div className="flex flex-wrap gap-1">
        <Badge variant={bounce.Inactive ? "destructive" : "success"}>{bounce.Inactive ? "Inactive" : "Active"}</Badge>
        <Badge variant="outline">{bounce.Name ?? bounce.Type}</Badge>
      </div>
      <dl className="grid grid-cols-[minmax(0,7rem)_minmax(0,1fr)] gap-x-3 gap-y-1.5 text-sm">
        <DetailField label="Address">{bounce.Email ? <AddressLink email={bounce.Email} /> : null}</DetailField>
        <DetailField label="Bounced">
          <PostmarkTime iso={bounce.BouncedAt} />
        </DetailField>
        <DetailField label="Type">{`${bounce.Type} (${bounce.TypeCode})`}</DetailField>
        <DetailField label="Description">{bounce.Description}</DetailField>
        <DetailField label="Details">{bounce.Details}</DetailField>
        <DetailField label="From">{bounce.From}</DetailField>
        <DetailField label="Subject">{bounce.Subject}</DetailField>
        <DetailField label="Tag">{bounce.Tag}</DetailField>
        <DetailField label="Stream">{bounce.MessageStream}</DetailField>
        <DetailField label="Message ID" mono>
          {bounce.MessageID ? (
            <Link
              to="/activity"
              search={{ tab: "outbound", message: bounce.MessageID, kind: "outbound" }}
              className="text-primary hover:underline"
              data-testid="bounce-message-link"
            >
              {bounce.MessageID}
            </Link>
          ) : null}
        </DetailField>
        <DetailField label="Bounce ID" mono>
          {String(bounce.ID)}
        </DetailField>
      </dl>
      <section className="flex flex-col gap-2">
        <h3 className="text-sm font-semibold">Reactivation</h3>
        <Reactivate bounce={bounce} serverId={serverId} />
      </section>
      <section className="flex flex-col gap-2">
        <h3 className="text-sm font-semibold">SMTP dump</h3>
        <Dump id={bounce.ID} serverId={serverId} available={bounce.DumpAvailable} />
      </section>
    </div>
  );
}

export function BounceDetailPanel({
  id,
  serverId,
  onClose,
}: {
  id: number | undefined;
  serverId: number | null;
  onClose: () => void;
}) {
  const q = useQuery({ ...bounceQuery(id ?? 0, serverId), enabled: id !== undefined });
  return (
    <SidePanel
      open={id !== undefined}
      onClose={onClose}
      title={q.data?.Email ?? `Bounce ${id ?? ""}`}
      description={q.data ? `${q.data.Name} · ${formatPostmarkTime(q.data.BouncedAt)}` : undefined}
      testId="bounce-detail"
    >
      {q.data ? (
        <Detail bounce={q.data} serverId={serverId} />
      ) : q.isError ? (
        <ErrorState title="Could not load this bounce" error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <div className="flex flex-col gap-3" aria-busy="true" aria-label="Loading">
          <Skeleton className="h-5 w-2/3" />
          <Skeleton className="h-40 w-full" />
        </div>
      )}
    </SidePanel>
  );
}
