import type { AuditRecord } from "../../contract/api/audit";
import { csvRow } from "../../contract/csv";

export const CSV_COLUMNS = [
  "seq",
  "at",
  "actor_id",
  "actor",
  "action",
  "target",
  "outcome",
  "outcome_detail",
  "request_id",
  "details",
  "prev_hash",
  "hash",
] as const;

/** One CSV line (RFC 4180 quoting, formula cells neutralised); details as JSON text. */
export function csvLine(r: AuditRecord): string {
  return csvRow([
    r.seq,
    r.at,
    r.actor.userId,
    r.actor.name,
    r.action,
    r.target,
    r.outcome,
    r.outcomeDetail,
    r.requestId,
    JSON.stringify(r.details),
    r.prevHash,
    r.hash,
  ]);
}

export const csvHeader = () => csvRow(CSV_COLUMNS);
export const jsonLine = (r: AuditRecord) => JSON.stringify(r) + "\n";
