// Postmark's stats count whole days in US Eastern time; a rule's rolling window of N days is the
// N Eastern days ending with the current one. (Same DST rule as the sandbox: 2nd Sunday of March
// 07:00Z to 1st Sunday of November 06:00Z.)

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function easternOffsetHours(ms: number): number {
  const year = new Date(ms).getUTCFullYear();
  const march1 = new Date(Date.UTC(year, 2, 1)).getUTCDay();
  const nov1 = new Date(Date.UTC(year, 10, 1)).getUTCDay();
  const start = Date.UTC(year, 2, 1 + ((7 - march1) % 7) + 7, 7);
  const end = Date.UTC(year, 10, 1 + ((7 - nov1) % 7), 6);
  return ms >= start && ms < end ? -4 : -5;
}

/** `YYYY-MM-DD` of the instant in US Eastern time: Postmark's "day". */
export function postmarkDay(ms: number): string {
  return new Date(ms + easternOffsetHours(ms) * HOUR).toISOString().slice(0, 10);
}

/** The `days` Postmark days ending today, as stats query dates. */
export function windowRange(nowMs: number, days: number): { fromdate: string; todate: string } {
  const todate = postmarkDay(nowMs);
  const from = new Date(Date.parse(`${todate}T12:00:00Z`) - (days - 1) * DAY).toISOString().slice(0, 10);
  return { fromdate: from, todate };
}

/** `YYYY-MM-DDTHH:MM:SS` in US Eastern time: Postmark's search `fromdate` with a time. */
export function postmarkDateTime(ms: number): string {
  return new Date(ms + easternOffsetHours(ms) * HOUR).toISOString().slice(0, 19);
}
