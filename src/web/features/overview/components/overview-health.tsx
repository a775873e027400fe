import { Link } from "@tanstack/react-router";
import { ChevronRight, MailX, Send, ShieldAlert } from "lucide-react";
import type { HealthVerdictsResponse, ScopedVerdicts } from "@/contract/api/alerts";
import { formatRate } from "@/contract/health/verdict-logic";
import { VerdictBadge, VerdictLine } from "@/web/components/health/verdict-badge";
import { bouncesBehind, formatCount } from "../overview-shape";
import { OverviewTile } from "./overview-tile";

type Health = HealthVerdictsResponse;
const tone = (h: Health, m: "bounce" | "spam") => {
  const levels = [h.today[m].level, h.period[m].level];
  return levels.includes("critical") ? "critical" : levels.includes("warning") ? "warning" : undefined;
};

type Range = { fromdate: string; todate: string };

/** A verdict with a link to the bounces behind its number (its days; spam complaints are a bounce type). */
function JudgedLine({
  title,
  verdict,
  range,
  type,
  testId,
}: {
  title: string;
  verdict: Health["today"]["bounce"];
  range: Range;
  type?: "SpamComplaint";
  testId: string;
}) {
  return (
    <div className="min-w-0">
      <VerdictLine title={title} verdict={verdict} testId={testId} />
      <Link
        to="/bounces"
        search={bouncesBehind(range, { type })}
        className="mt-0.5 inline-flex items-center gap-0.5 text-xs text-primary underline-offset-4 hover:underline"
        data-testid={`${testId}-link`}
      >
        {type ? "The complaints behind it" : "The bounces behind it"}
        <ChevronRight aria-hidden className="size-3" />
      </Link>
    </div>
  );
}

/** Sends, bounce rate and spam rate: today and the period, each with its verdict. */
export function OverviewHealthTiles({ health, periodLabel }: { health: Health; periodLabel: string }) {
  const range = health.period.days >= 30 ? "30d" : "7d";
  return (
    <>
      <OverviewTile
        title="Sends"
        icon={Send}
        link={{ to: "/stats", search: { range } }}
        linkLabel="Open Stats"
        testId="tile-sends"
      >
        <dl className="grid grid-cols-2 gap-2">
          <div>
            <dt className="text-xs text-muted-foreground">Today</dt>
            <dd className="text-2xl font-semibold tabular-nums" data-testid="sends-today">
              {formatCount(health.today.sent)}
            </dd>
          </div>
          <div>
            <dt className="text-xs text-muted-foreground">{periodLabel}</dt>
            <dd className="text-2xl font-semibold tabular-nums">{formatCount(health.period.sent)}</dd>
          </div>
        </dl>
        <p className="mt-2 text-xs text-muted-foreground">
          Counted per recipient by Postmark, in US Eastern days. Verdicts need at least{" "}
          {formatCount(health.thresholds.minVolume)} sends.
        </p>
      </OverviewTile>
      <OverviewTile
        title="Bounce rate"
        icon={MailX}
        tone={tone(health, "bounce")}
        link={{ to: "/bounces", search: bouncesBehind(health.period) }}
        linkLabel={`Bounces, ${periodLabel.toLowerCase()}`}
        testId="tile-bounce"
      >
        <div className="grid gap-3">
          <JudgedLine title="Today" verdict={health.today.bounce} range={health.today} testId="verdict-bounce-today" />
          <JudgedLine
            title={periodLabel}
            verdict={health.period.bounce}
            range={health.period}
            testId="verdict-bounce-period"
          />
        </div>
      </OverviewTile>
      <OverviewTile
        title="Spam-complaint rate"
        icon={ShieldAlert}
        tone={tone(health, "spam")}
        link={{ to: "/bounces", search: bouncesBehind(health.period, { type: "SpamComplaint" }) }}
        linkLabel={`Spam complaints, ${periodLabel.toLowerCase()}`}
        testId="tile-spam"
      >
        <div className="grid gap-3">
          <JudgedLine
            title="Today"
            verdict={health.today.spam}
            range={health.today}
            type="SpamComplaint"
            testId="verdict-spam-today"
          />
          <JudgedLine
            title={periodLabel}
            verdict={health.period.spam}
            range={health.period}
            type="SpamComplaint"
            testId="verdict-spam-period"
          />
        </div>
      </OverviewTile>
    </>
  );
}

function ScopedTable({
  caption,
  rows,
  kind,
  empty,
  range,
}: {
  caption: string;
  rows: ScopedVerdicts[];
  kind: "stream" | "tag";
  empty: string;
  range: Range;
}) {
  return (
    <section aria-label={caption} className="min-w-0 rounded-lg border bg-card p-4" data-testid={`verdicts-${kind}`}>
      <h2 className="mb-2 text-sm font-semibold">{caption}</h2>
      {rows.length === 0 ? (
        <p className="text-sm text-muted-foreground">{empty}</p>
      ) : (
        <ul className="divide-y">
          {rows.map((r) => (
            <li key={r.name} className="flex flex-wrap items-center justify-between gap-x-3 gap-y-1 py-2">
              <Link
                to="/bounces"
                search={bouncesBehind(range, kind === "stream" ? { stream: r.name } : { tag: r.name })}
                title={`The bounces behind ${kind} ${r.name}`}
                className="min-w-0 font-mono text-sm break-all text-primary underline-offset-4 hover:underline"
              >
                {r.name}
              </Link>
              <span className="flex flex-wrap items-center gap-2 text-xs text-muted-foreground tabular-nums">
                {formatCount(r.sent)} sent · bounces {formatRate(r.bounce.rate)} <VerdictBadge verdict={r.bounce} /> ·
                spam {formatRate(r.spam.rate)} <VerdictBadge verdict={r.spam} />
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Per stream and the worst tags, over the period. */
export function OverviewScopedVerdicts({ health, periodLabel }: { health: Health; periodLabel: string }) {
  const worst = health.tags[0];
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <ScopedTable
        caption={`Streams · ${periodLabel.toLowerCase()}`}
        rows={health.streams}
        kind="stream"
        range={health.period}
        empty="No outbound streams."
      />
      <div className="grid gap-2">
        {worst && (worst.bounce.level === "critical" || worst.bounce.level === "warning") && (
          <p className="text-sm" data-testid="worst-tag">
            Tag <span className="font-mono">{worst.name}</span> has a {formatRate(worst.bounce.rate)} bounce rate{" "}
            {periodLabel.toLowerCase()}.
          </p>
        )}
        <ScopedTable
          caption={`Tags, worst first · ${periodLabel.toLowerCase()}`}
          rows={health.tags}
          kind="tag"
          range={health.period}
          empty="No tagged events received in this period."
        />
      </div>
    </div>
  );
}
