import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { useState, type FormEvent } from "react";
import { CopyButton } from "@/web/components/copy-button";
import { ErrorState } from "@/web/components/error-state";
import { PageHeader } from "@/web/components/page-header";
import { Badge } from "@/web/components/ui/badge";
import { Button } from "@/web/components/ui/button";
import { Input } from "@/web/components/ui/input";
import { Skeleton } from "@/web/components/ui/skeleton";
import { serversQuery } from "@/web/lib/app-queries";
import { looksLikeEmail } from "@/web/lib/email";
import { formatDateTime } from "@/web/lib/format";
import { selectedServer } from "@/web/lib/server-selection";
import { addressEventsQuery } from "./address-api";
import { AddressServer } from "./components/address-server";

const route = getRouteApi("/_app/address/$email");

function Events({ email }: { email: string }) {
  const q = useQuery(addressEventsQuery(email));
  return (
    <section className="flex flex-col gap-2 rounded-lg border bg-card p-3 sm:p-4" aria-label="Recent events">
      <h2 className="text-base font-semibold">Recent events from the feed</h2>
      {q.isPending ? (
        <Skeleton className="h-10 w-full" />
      ) : q.isError ? (
        <ErrorState title="Could not load events" error={q.error} />
      ) : q.data.events.length ? (
        <ul className="flex flex-col gap-1" data-testid="address-events">
          {q.data.events.map((e) => (
            <li key={e.id} className="flex flex-wrap items-center gap-2 text-sm">
              <Badge variant="outline">{e.trigger ?? "unrecognised"}</Badge>
              <span className="min-w-0 break-words">{e.summary.detail ?? e.summary.subject ?? ""}</span>
              <span className="text-xs text-muted-foreground">{formatDateTime(e.receivedAt)}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-muted-foreground">No webhook events for this address are stored.</p>
      )}
      <Link to="/feed" search={{ recipient: email }} className="text-xs text-primary hover:underline">
        Open in the event feed
      </Link>
    </section>
  );
}

function LookupForm({ email, onLookup }: { email: string; onLookup: (email: string) => void }) {
  const [draft, setDraft] = useState(email);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (looksLikeEmail(draft)) onLookup(draft.trim().toLowerCase());
  };
  return (
    <form onSubmit={submit} className="flex gap-2" aria-label="Look up another address">
      <Input
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        aria-label="Address"
        type="email"
        className="max-w-sm"
      />
      <Button type="submit" variant="outline" disabled={!looksLikeEmail(draft)}>
        Look up
      </Button>
    </form>
  );
}

/** "Why is this address not getting mail?": suppressions, bounces, messages and events, across servers. */
export function AddressPage() {
  const { email: raw } = route.useParams();
  const email = decodeURIComponent(raw).trim().toLowerCase();
  const navigate = route.useNavigate();
  const selected = selectedServer.use();
  const servers = useQuery(serversQuery);
  // With an account token every server is asked; otherwise the one the console looks at.
  const list =
    servers.data && servers.data.servers.length > 1
      ? servers.data.servers.map((s) => ({ id: s.id, name: s.name }))
      : [{ id: selected, name: null }];
  return (
    <div className="mx-auto flex w-full max-w-5xl flex-col gap-4">
      <PageHeader
        title={
          <span className="inline-flex flex-wrap items-center gap-2 break-all">
            {email} <CopyButton value={email} label="Copy address" />
          </span>
        }
        description="Whether Postmark sends to this address, why not, and what to do about it."
      />
      <LookupForm
        key={email}
        email={email}
        onLookup={(next) => void navigate({ to: "/address/$email", params: { email: next } })}
      />
      {!looksLikeEmail(email) ? (
        <ErrorState title="Not an email address" error={new Error(`"${email}" is not an email address.`)} />
      ) : servers.isPending ? (
        <Skeleton className="h-32 w-full" />
      ) : (
        <>
          {list.map((s) => (
            <AddressServer key={`${s.id}-${email}`} email={email} serverId={s.id} serverName={s.name} />
          ))}
          <Events email={email} />
        </>
      )}
    </div>
  );
}
