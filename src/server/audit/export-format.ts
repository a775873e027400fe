import type { AuditRecord } from "../../contract/api/audit";

export const CSV_COLUMNS = ["seq", "at", "actor_id", "actor", "action", "target", "outcome", "outcome_detail", "request_id", "details", "prev_hash", "hash"] as const;

const csvCell = (v: string | number | null) => {
  const s = v === null ? "" : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** One CSV line (RFC 4180 quoting); details as JSON text. */
export function csvLine(r: AuditRecord): string {
  return [r.seq, r.at, r.actor.userId, r.actor.name, r.action, r.target, r.outcome, r.outcomeDetail, r.requestId, JSON.stringify(r.details), r.prevHash, r.hash].map(csvCell).join(",") + "\r\n";
}

export const csvHeader = () => CSV_COLUMNS.join(",") + "\r\n";
export const jsonLine = (r: AuditRecord) => JSON.stringify(r) + "\n";
