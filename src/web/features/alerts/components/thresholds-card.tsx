import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { healthThresholds } from "@/contract/health/verdicts";
import { ErrorState } from "@/web/components/error-state";
import { FormField } from "@/web/components/form-field";
import { Button } from "@/web/components/ui/button";
import { Input } from "@/web/components/ui/input";
import { Skeleton } from "@/web/components/ui/skeleton";
import { afterAlertsChange, saveThresholds, thresholdsQuery } from "@/web/lib/alerts-api";
import { describeError } from "@/web/lib/api-error";
import { formatDateTime } from "@/web/lib/format";

type Fields = {
  bounceWarning: string;
  bounceCritical: string;
  spamWarning: string;
  spamCritical: string;
  minVolume: string;
};
const labels: Record<keyof Fields, string> = {
  bounceWarning: "Bounce rate: warning from (%)",
  bounceCritical: "Bounce rate: critical from (%)",
  spamWarning: "Spam rate: warning from (%)",
  spamCritical: "Spam rate: critical from (%)",
  minVolume: "Minimum sends before judging",
};

/** The verdict thresholds: everyone reads them (they explain the verdicts), admins change them. */
export function ThresholdsCard({ canEdit }: { canEdit: boolean }) {
  const qc = useQueryClient();
  const q = useQuery(thresholdsQuery);
  const [f, setF] = useState<Fields | null>(null);
  const [errors, setErrors] = useState<Partial<Record<keyof Fields | "_form", string>>>({});
  useEffect(() => {
    if (!q.data) return;
    const t = q.data.thresholds;
    setF({
      bounceWarning: String(t.bounce.warning),
      bounceCritical: String(t.bounce.critical),
      spamWarning: String(t.spam.warning),
      spamCritical: String(t.spam.critical),
      minVolume: String(t.minVolume),
    });
  }, [q.data]);
  const save = useMutation({
    mutationFn: saveThresholds,
    meta: { silent: true },
    onSuccess: (res) => {
      qc.setQueryData(thresholdsQuery.queryKey, res);
      void afterAlertsChange(qc);
    },
  });

  if (q.isError)
    return <ErrorState title="Could not load the thresholds" error={q.error} onRetry={() => void q.refetch()} />;
  if (q.isPending || !f) return <Skeleton className="h-48 w-full" />;
  const num = (v: string) => (v.trim() === "" ? Number.NaN : Number(v));
  const submit = () => {
    const parsed = healthThresholds.safeParse({
      bounce: { warning: num(f.bounceWarning), critical: num(f.bounceCritical) },
      spam: { warning: num(f.spamWarning), critical: num(f.spamCritical) },
      minVolume: num(f.minVolume),
    });
    if (!parsed.success) {
      const out: typeof errors = {};
      for (const i of parsed.error.issues) {
        const [a, b] = i.path.map(String);
        const key = (
          a === "minVolume" ? "minVolume" : `${a}${b === "critical" ? "Critical" : "Warning"}`
        ) as keyof Fields;
        out[key] ??= i.message;
      }
      return setErrors(out);
    }
    setErrors({});
    save.mutate(parsed.data);
  };
  const d = q.data.defaults;
  return (
    <form
      className="grid gap-3"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
      data-testid="thresholds-form"
    >
      <p className="text-sm text-muted-foreground">
        Defaults: bounces warning from {d.bounce.warning}% and critical from {d.bounce.critical}%; spam complaints
        warning from {d.spam.warning}% and critical from {d.spam.critical}%; no verdict under {d.minVolume} sends.
        {q.data.updatedAt &&
          ` Changed ${formatDateTime(q.data.updatedAt)}${q.data.updatedBy ? ` by ${q.data.updatedBy}` : ""}.`}
      </p>
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5">
        {(Object.keys(labels) as (keyof Fields)[]).map((k) => (
          <FormField key={k} id={`th-${k}`} label={labels[k]} error={errors[k]}>
            <Input
              id={`th-${k}`}
              inputMode="decimal"
              value={f[k]}
              disabled={!canEdit}
              aria-invalid={!!errors[k]}
              onChange={(e) => setF({ ...f, [k]: e.target.value })}
            />
          </FormField>
        ))}
      </div>
      {save.error && (
        <p role="alert" className="text-sm break-words text-destructive">
          {describeError(save.error)}
        </p>
      )}
      {canEdit ? (
        <div>
          <Button type="submit" size="sm" disabled={save.isPending}>
            {save.isPending ? "Saving…" : "Save thresholds"}
          </Button>
        </div>
      ) : (
        <p className="text-xs text-muted-foreground">Only admins change the thresholds.</p>
      )}
    </form>
  );
}
