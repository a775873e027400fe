import type { TriggerField } from "@/contract/postmark/triggers";

/** Name, type and notes of each payload field; stacked on a phone, columns on a desktop. */
export function TriggersFields({ fields }: { fields: TriggerField[] }) {
  return (
    <div className="flex flex-col divide-y text-sm" role="table" aria-label="Payload fields">
      <div
        role="row"
        className="hidden gap-3 pb-2 text-xs font-medium text-muted-foreground sm:grid sm:grid-cols-[minmax(0,11rem)_minmax(0,7rem)_minmax(0,1fr)]"
      >
        <span role="columnheader">Field</span>
        <span role="columnheader">Type</span>
        <span role="columnheader">Notes</span>
      </div>
      {fields.map((f) => (
        <div
          role="row"
          key={f.name}
          className="grid grid-cols-[minmax(0,1fr)_auto] gap-x-3 gap-y-0.5 py-2 sm:grid-cols-[minmax(0,11rem)_minmax(0,7rem)_minmax(0,1fr)]"
        >
          <span role="cell" className="min-w-0 font-mono text-xs font-medium break-all">
            {f.name}
          </span>
          <span role="cell" className="text-xs text-muted-foreground sm:break-words">
            {f.type}
          </span>
          <span role="cell" className="col-span-2 min-w-0 text-muted-foreground sm:col-span-1">
            {f.notes}
          </span>
        </div>
      ))}
    </div>
  );
}
