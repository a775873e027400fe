import { useQueries, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { ErrorState } from "@/web/components/error-state";
import { RawText } from "@/web/components/raw-text";
import { Badge } from "@/web/components/ui/badge";
import { Skeleton } from "@/web/components/ui/skeleton";
import { formatDateTime } from "@/web/lib/format";
import { selectedServer } from "@/web/lib/server-selection";
import {
  addressBouncesQuery,
  addressDumpQuery,
  addressInboundQuery,
  addressOutboundQuery,
  addressStreamsQuery,
  addressSuppressionQuery,
} from "../address-api";
import { addressHeadline, streamStates, type BounceLine } from "../address-shape";
import { AddressAction } from "./address-actions";

function Dump({ serverId, id }: { serverId: number | null; id: number }) {
  const q = useQuery(addressDumpQuery(serverId, id));
  if (q.isPending) return <Skeleton className="h-20 w-full" />;
  if (q.isError) return <ErrorState title="Could not load the SMTP dump" error={q.error} />;
  return q.data.Body ? (
    <RawText text={q.data.Body} label="SMTP dump" />
  ) : (
    <p className="text-xs text-muted-foreground">The dump is empty.</p>
  );
}

function BounceRow({
  b,
  serverId,
}: {
  b: BounceLine & { DumpAvailable?: boolean; Description?: string | null };
  serverId: number | null;
}) {
  const [open, setOpen] = useState(false);
  return (
    <li className="flex flex-col gap-1 border-b py-2 last:border-0" data-testid="address-bounce">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <Badge variant={b.Inactive ? "destructive" : "secondary"}>{b.Name ?? b.Type}</Badge>
        <span className="text-muted-foreground">{b.MessageStream}</span>
        <span className="text-xs text-muted-foreground">{formatDateTime(b.BouncedAt)}</span>
        <Link
          to="/bounces"
          search={{ bounce: b.ID }}
          onClick={() => selectedServer.set(serverId)}
          className="text-xs text-primary hover:underline"
        >
          Bounce {b.ID}
        </Link>
        {b.DumpAvailable && (
          <button
            type="button"
            className="text-xs text-primary hover:underline"
            onClick={() => setOpen(!open)}
            aria-expanded={open}
          >
            {open ? "Hide" : "Show"} SMTP dump
          </button>
        )}
      </div>
      {b.Description && <p className="text-xs text-muted-foreground">{b.Description}</p>}
      {open && <Dump serverId={serverId} id={b.ID} />}
    </li>
  );
}

/** Everything one server knows about the address, fetched in parallel. */
export function AddressServer({
  email,
  serverId,
  serverName,
}: {
  email: string;
  serverId: number | null;
  serverName: string | null;
}) {
  const qc = useQueryClient();
  const streams = useQuery(addressStreamsQuery(serverId));
  const sendStreams = (streams.data?.MessageStreams ?? [])
    .filter((s) => s.ID && s.MessageStreamType !== "Inbound" && !s.ArchivedAt)
    .map((s) => s.ID!);
  const supp = useQueries({ queries: sendStreams.map((s) => addressSuppressionQuery(serverId, s, email)) });
  const bounces = useQuery(addressBouncesQuery(serverId, email));
  const outbound = useQuery(addressOutboundQuery(serverId, email));
  const inbound = useQuery(addressInboundQuery(serverId, email));
  const exact = (bounces.data?.Bounces ?? []).filter((b) => b.Email?.toLowerCase() === email);
  const ready = streams.isSuccess && supp.every((q) => q.isSuccess) && bounces.isSuccess;
  const states = ready
    ? streamStates(
        email,
        sendStreams.map((s, i) => ({ stream: s, rows: supp[i]!.data!.Suppressions })),
        exact,
      )
    : [];
  const headline = ready ? addressHeadline(states, exact, email) : null;
  const refresh = () => void qc.invalidateQueries({ queryKey: ["postmark"] });
  const failed = [streams, bounces, ...supp].find((q) => q.isError);

  return (
    <section
      className="flex flex-col gap-4 rounded-lg border bg-card p-3 sm:p-4"
      aria-label={`Server ${serverName ?? "default"}`}
      data-testid="address-server"
      data-state={headline?.tone ?? "loading"}
    >
      {serverName && <h2 className="text-base font-semibold">{serverName}</h2>}
      {failed?.error ? (
        <ErrorState title="Could not look the address up" error={failed.error} onRetry={refresh} />
      ) : !headline ? (
        <div className="flex flex-col gap-2" aria-busy="true" aria-label="Looking the address up">
          <Skeleton className="h-6 w-2/3" />
          <Skeleton className="h-16 w-full" />
        </div>
      ) : (
        <>
          <p
            className={
              headline.tone === "bad"
                ? "font-medium text-destructive"
                : headline.tone === "warn"
                  ? "font-medium text-warning-foreground dark:text-warning"
                  : "font-medium text-success"
            }
            data-testid="address-headline"
          >
            {headline.text}
          </p>
          {states.map((s) => (
            <div
              key={s.stream}
              className="flex flex-col gap-2 rounded-md border p-3"
              data-testid="address-suppression"
              data-stream={s.stream}
              data-cause={s.cause}
            >
              <div className="flex flex-wrap items-center gap-2">
                <Badge variant="destructive">{s.why}</Badge>
                <span className="text-sm">
                  on <strong>{s.stream}</strong>
                </span>
                <span className="text-xs text-muted-foreground">
                  since {formatDateTime(s.since)} · origin {s.origin ?? "unknown"}
                </span>
                <Badge variant={s.reactivateBounceId !== null ? "success" : "outline"}>
                  {s.reactivateBounceId !== null
                    ? "Can be reactivated"
                    : s.removable
                      ? "Suppression can be removed"
                      : "Cannot be reactivated"}
                </Badge>
              </div>
              <p className="text-sm text-muted-foreground">{s.advice}</p>
              <div className="flex flex-wrap gap-2">
                {s.reactivateBounceId !== null && (
                  <AddressAction
                    kind="reactivate"
                    email={email}
                    stream={s.stream}
                    serverId={serverId}
                    bounceId={s.reactivateBounceId}
                    onDone={refresh}
                  />
                )}
                {s.removable && s.reactivateBounceId === null && (
                  <AddressAction kind="remove" email={email} stream={s.stream} serverId={serverId} onDone={refresh} />
                )}
              </div>
            </div>
          ))}
          {sendStreams.filter((s) => !states.some((x) => x.stream === s)).length > 0 && (
            <div className="flex flex-wrap items-center gap-2 text-sm">
              <span className="text-muted-foreground">
                Not suppressed on {sendStreams.filter((s) => !states.some((x) => x.stream === s)).join(", ")}.
              </span>
              {sendStreams
                .filter((s) => !states.some((x) => x.stream === s))
                .map((s) => (
                  <AddressAction
                    key={s}
                    kind="suppress"
                    email={email}
                    stream={s}
                    serverId={serverId}
                    onDone={refresh}
                  />
                ))}
            </div>
          )}
        </>
      )}
      <div className="grid gap-4 lg:grid-cols-2">
        <div className="flex min-w-0 flex-col gap-1">
          <h3 className="text-sm font-semibold">Last bounces</h3>
          {bounces.isPending ? (
            <Skeleton className="h-10 w-full" />
          ) : exact.length ? (
            <ul>
              {exact.slice(0, 5).map((b) => (
                <BounceRow key={b.ID} b={b} serverId={serverId} />
              ))}
            </ul>
          ) : (
            <p className="text-sm text-muted-foreground">No bounces in the retention period.</p>
          )}
        </div>
        <div className="flex min-w-0 flex-col gap-1">
          <h3 className="text-sm font-semibold">Recent messages to it</h3>
          {outbound.isPending ? (
            <Skeleton className="h-10 w-full" />
          ) : outbound.isError ? (
            <ErrorState title="Could not load messages" error={outbound.error} />
          ) : outbound.data.Messages.length ? (
            <ul className="flex flex-col gap-1" data-testid="address-outbound">
              {outbound.data.Messages.map((m) => (
                <li key={m.MessageID} className="flex flex-wrap items-center gap-2 text-sm">
                  <Badge variant="outline">{m.Status}</Badge>
                  <Link
                    to="/activity"
                    search={{ tab: "outbound", message: m.MessageID ?? undefined, kind: "outbound" }}
                    onClick={() => selectedServer.set(serverId)}
                    className="min-w-0 truncate text-primary hover:underline"
                  >
                    {m.Subject || "(no subject)"}
                  </Link>
                  <span className="text-xs text-muted-foreground">{formatDateTime(m.ReceivedAt)}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-muted-foreground">No messages to it in the retention period.</p>
          )}
          <h3 className="mt-2 text-sm font-semibold">Recent messages from it</h3>
          {inbound.isPending ? (
            <Skeleton className="h-10 w-full" />
          ) : inbound.isError ? (
            <ErrorState title="Could not load inbound messages" error={inbound.error} />
          ) : inbound.data.InboundMessages.length ? (
            <ul className="flex flex-col gap-1" data-testid="address-inbound">
              {inbound.data.InboundMessages.map((m) => (
                <li key={m.MessageID} className="flex flex-wrap items-center gap-2 text-sm">
                  <Badge variant="outline">{m.Status}</Badge>
                  <Link
                    to="/activity"
                    search={{ tab: "inbound", message: m.MessageID ?? undefined, kind: "inbound" }}
                    onClick={() => selectedServer.set(serverId)}
                    className="min-w-0 truncate text-primary hover:underline"
                  >
                    {m.Subject || "(no subject)"}
                  </Link>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-muted-foreground">No inbound mail from it.</p>
          )}
        </div>
      </div>
    </section>
  );
}
