// Postmark reads and writes dates in US Eastern time; the DST rule is computed, not looked up, to stay fast.
const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
const dstCache = new Map<number, [number, number]>();

/** UTC instants at which DST starts and ends in a year (2nd Sunday of March 07:00Z, 1st Sunday of November 06:00Z). */
function dstBounds(year: number): [number, number] {
  let b = dstCache.get(year);
  if (!b) {
    const march1 = new Date(Date.UTC(year, 2, 1)).getUTCDay();
    const secondSunday = 1 + ((7 - march1) % 7) + 7;
    const nov1 = new Date(Date.UTC(year, 10, 1)).getUTCDay();
    const firstSunday = 1 + ((7 - nov1) % 7);
    b = [Date.UTC(year, 2, secondSunday, 7), Date.UTC(year, 10, firstSunday, 6)];
    dstCache.set(year, b);
  }
  return b;
}

/** Offset of US Eastern from UTC at an instant, in hours (-4 or -5). */
export function easternOffsetHours(ms: number): number {
  const [start, end] = dstBounds(new Date(ms).getUTCFullYear());
  return ms >= start && ms < end ? -4 : -5;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, "0");
}

/** `2014-02-17T07:25:01.4178645-05:00`, the most common Postmark timestamp form. */
export function formatEastern(ms: number): string {
  const off = easternOffsetHours(ms);
  const local = new Date(ms + off * HOUR);
  const iso = local.toISOString(); // YYYY-MM-DDTHH:MM:SS.mmmZ
  const fraction = `${iso.slice(20, 23)}${pad((ms * 7919) % 10000, 4)}`;
  return `${iso.slice(0, 19)}.${fraction}-0${-off}:00`;
}

/** Same instant without fractional seconds (stream dates, suppression dates). */
export function formatEasternShort(ms: number): string {
  const off = easternOffsetHours(ms);
  return `${new Date(ms + off * HOUR).toISOString().slice(0, 19)}-0${-off}:00`;
}

/** `2019-11-05T16:33:54.9070259Z` form used by webhooks and bounce lists. */
export function formatUtc(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 23)}${pad((ms * 7919) % 10000, 4)}Z`;
}

/** Calendar date (YYYY-MM-DD) in US Eastern time. */
export function easternDay(ms: number): string {
  return new Date(ms + easternOffsetHours(ms) * HOUR).toISOString().slice(0, 10);
}

// Zero padding is optional (`2026-12-3`, `2026-12-3T5:04:00`), as Postmark's .NET date parsing allows.
const DATE_RE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{1,2})(?::(\d{1,2}))?(?:\.\d+)?)?$/;

/**
 * Parses a Postmark date filter as US Eastern local time. `end` makes a date-only value cover the
 * whole day and a time value cover its whole second, so `todate` is inclusive. Null when invalid.
 */
export function parseEasternFilter(value: string, end: boolean): number | null {
  const m = DATE_RE.exec(value.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  const hasTime = m[4] !== undefined;
  const h = hasTime ? Number(m[4]) : 0;
  const mi = hasTime ? Number(m[5]) : 0;
  const s = m[6] !== undefined ? Number(m[6]) : 0;
  if (h > 23 || mi > 59 || s > 59) return null;
  const localAsUtc = Date.UTC(y, mo - 1, d, h, mi, s);
  // Date.UTC rolls 2026-02-31 over into March; a day the month does not have is invalid.
  if (Number.isNaN(localAsUtc) || new Date(localAsUtc).getUTCDate() !== d) return null;
  // The offset at the guessed instant is right except within the DST switch hour, which is fine here.
  const utc = localAsUtc - easternOffsetHours(localAsUtc + 5 * HOUR) * HOUR;
  if (!end) return utc;
  return utc + (hasTime ? 999 : DAY - 1);
}

/** RFC 2822 date as an inbound `Date` header would carry it. */
export function formatRfc2822(ms: number): string {
  const days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
  const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  const off = easternOffsetHours(ms);
  const d = new Date(ms + off * HOUR);
  return `${days[d.getUTCDay()]}, ${d.getUTCDate()} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} -0${-off}00`;
}
