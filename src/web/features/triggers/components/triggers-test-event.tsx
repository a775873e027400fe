import { useMutation, useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { CircleCheck, FlaskConical, LoaderCircle, Lock } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { roles } from "@/contract/api/auth";
import type { TriggerId } from "@/contract/postmark/triggers";
import { ErrorState } from "@/web/components/error-state";
import { Button } from "@/web/components/ui/button";
import { healthQuery } from "@/web/lib/app-queries";
import { useEventStream, useStreamEvents } from "@/web/lib/event-stream";
import { selectedServer } from "@/web/lib/server-selection";
import { useSessionUser } from "@/web/lib/session";
import { sendTestEvent } from "../triggers-api";
import { TriggersTestEventRuns } from "./triggers-test-event-runs";

type Outcome =
  { state: "waiting"; since: number | null } | { state: "arrived"; id: number; stored: boolean } | { state: "late" };

const ARRIVAL_TIMEOUT_MS = 15_000;

/** Sends one example event of a trigger and follows it until it is in the feed. */
export function TriggersTestEvent({ trigger }: { trigger: TriggerId }) {
  const user = useSessionUser();
  const health = useQuery(healthQuery);
  const serverId = selectedServer.use();
  const stream = useEventStream();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const outcomeRef = useRef(outcome);
  outcomeRef.current = outcome;
  const allowed = !!user && roles.indexOf(user.role) >= roles.indexOf("operator");
  const live = health.data?.mode === "live";

  const send = useMutation({
    mutationFn: () => sendTestEvent({ trigger, ...(serverId !== null ? { serverId } : {}) }),
    meta: { silent: true },
    onMutate: () => setOutcome({ state: "waiting", since: stream.getLastId() }),
    onSuccess: (res) => {
      // Live mode stores it at once; the sandbox posts it through its webhook, so watch the stream.
      if (res.event) setOutcome({ state: "arrived", id: res.event.id, stored: true });
    },
    onError: () => setOutcome(null),
  });

  useStreamEvents((e) => {
    const o = outcomeRef.current;
    if (o?.state !== "waiting" || e.kind !== trigger) return;
    if (o.since !== null && e.id <= o.since) return;
    setOutcome({ state: "arrived", id: e.id, stored: false });
  });

  useEffect(() => {
    if (outcome?.state !== "waiting" || send.isPending) return;
    const t = setTimeout(() => setOutcome({ state: "late" }), ARRIVAL_TIMEOUT_MS);
    return () => clearTimeout(t);
  }, [outcome, send.isPending]);

  return (
    <div className="flex flex-col gap-3" data-testid="trigger-test">
      <div className="flex flex-wrap items-center gap-3">
        <Button onClick={() => send.mutate()} disabled={!allowed || send.isPending}>
          {send.isPending ? (
            <LoaderCircle className="animate-spin" aria-hidden />
          ) : allowed ? (
            <FlaskConical aria-hidden />
          ) : (
            <Lock aria-hidden />
          )}
          Send a test event
        </Button>
        {!allowed && (
          <p className="text-sm text-muted-foreground">
            Sending test events needs the operator role{user ? `; yours is ${user.role}` : ""}.
          </p>
        )}
      </div>
      <p className="text-sm text-muted-foreground">
        {live
          ? "Live mode: the test event is stored in Mailroom, marked as a test, and never sent to Postmark. Workflows see it like any other event."
          : "Sandbox mode: the sandbox posts the trigger's example to Mailroom through its webhook, exactly like a real event."}
      </p>
      {send.isError && <ErrorState title="The test event was not sent" error={send.error} />}
      {outcome?.state === "waiting" && (
        <p className="flex items-center gap-2 text-sm" role="status">
          <LoaderCircle className="size-4 animate-spin text-muted-foreground" aria-hidden />
          {send.isPending ? "Sending…" : "Sent. Waiting for it to arrive in the feed…"}
        </p>
      )}
      {outcome?.state === "arrived" && (
        <p className="flex flex-wrap items-center gap-2 text-sm" role="status">
          <CircleCheck className="size-4 text-success" aria-hidden />
          {outcome.stored ? `Stored as test event #${outcome.id}.` : `Arrived in the feed as event #${outcome.id}.`}
          <Link
            to="/feed"
            search={{ event: outcome.id }}
            className="font-medium text-primary underline-offset-4 hover:underline"
          >
            Open it in the feed
          </Link>
        </p>
      )}
      {outcome?.state === "arrived" && <TriggersTestEventRuns eventId={outcome.id} />}
      {outcome?.state === "late" && (
        <p className="text-sm text-warning-foreground dark:text-warning" role="status">
          Sent, but it has not reached the feed yet. Check that this trigger is wired in{" "}
          <Link to="/settings" search={{ tab: "webhooks" }} className="font-medium underline">
            Settings → Webhooks
          </Link>
          .
        </p>
      )}
    </div>
  );
}
