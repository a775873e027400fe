// Failure simulation: rate limiting (429) and oversized requests (413) on demand, so a client's
// retry and error paths can be seen. Set at start (SANDBOX_SIMULATE) or at run time through the
// sandbox-only admin path /__sandbox/simulate (not part of Postmark's API).
import { PostmarkError } from "./errors";

export interface SimulationSettings {
  /** More than `requests` API calls within `windowSeconds` get 429 until the window slides on. */
  rateLimit: { requests: number; windowSeconds: number } | null;
  /** Request bodies larger than this many bytes get 413 (below Postmark's own 10 MB / 50 MB limits). */
  maxBodyBytes: number | null;
  /** The next `count` API calls fail with `status`, whatever they are; then calls succeed again. */
  failNext: { status: 429 | 413; count: number } | null;
}

export const noSimulation = (): SimulationSettings => ({ rateLimit: null, maxBodyBytes: null, failNext: null });

// Postmark documents HTTP 429 "Rate Limit Exceeded" with this explanation, and no rate headers
// (no Retry-After); the body's ErrorCode is not documented, so 429 is echoed there too (inferred).
export const rateLimited = () =>
  new PostmarkError(
    429,
    "Rate Limit Exceeded: We have detected that you are making requests at a rate that exceeds acceptable use of the API. You should reduce the rate at which you query the API.",
    429,
  );

// Postmark documents HTTP 413 for bodies over 10 MB (Email API) or 50 MB (batch and bulk); the body
// format is not documented, so the size-limit family's ErrorCode 300 carries the explanation.
export const tooLarge = (limitBytes: number) =>
  new PostmarkError(
    300,
    `Payload Too Large: the request exceeded the size limit of ${formatBytes(limitBytes)}. Postmark accepts up to 10 MB per message and 50 MB per batch or bulk request, including attachments.`,
    413,
  );

export const EMAIL_LIMIT = 10 * 1024 * 1024;
export const BATCH_LIMIT = 50 * 1024 * 1024;

function formatBytes(n: number): string {
  if (n >= 1024 * 1024 && n % (1024 * 1024) === 0) return `${n / (1024 * 1024)} MB`;
  if (n >= 1024 && n % 1024 === 0) return `${n / 1024} KB`;
  return `${n} bytes`;
}

const SIZE_RE = /^(\d+)(b|kb|mb)?$/i;
const WINDOW_RE = /^(\d+)\/(\d+)(s|m|h)?$/i;

function parseSize(text: string): number {
  const m = SIZE_RE.exec(text.trim());
  if (!m) throw new Error(`"${text}" is not a size (e.g. 512kb, 2mb, 1000)`);
  const unit = (m[2] ?? "b").toLowerCase();
  return Number(m[1]) * (unit === "mb" ? 1024 * 1024 : unit === "kb" ? 1024 : 1);
}

/**
 * Parses SANDBOX_SIMULATE: comma-separated `rate-limit:<requests>/<window>[s|m|h]`,
 * `max-body:<size>[b|kb|mb]` and `fail-next:<429|413>x<count>`. Throws with a readable reason.
 */
export function parseSimulation(text: string | undefined): SimulationSettings {
  const settings = noSimulation();
  if (!text?.trim()) return settings;
  for (const part of text
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [name, value = ""] = part.split(/:(.*)/s, 2).map((s) => s.trim());
    if (name === "rate-limit") {
      const m = WINDOW_RE.exec(value);
      if (!m || Number(m[1]) < 1 || Number(m[2]) < 1)
        throw new Error(
          `SANDBOX_SIMULATE rate-limit needs <requests>/<window>, e.g. rate-limit:10/60s (got "${value}")`,
        );
      const unit = (m[3] ?? "s").toLowerCase();
      settings.rateLimit = {
        requests: Number(m[1]),
        windowSeconds: Number(m[2]) * (unit === "h" ? 3600 : unit === "m" ? 60 : 1),
      };
    } else if (name === "max-body") {
      const bytes = parseSize(value);
      if (bytes < 1) throw new Error("SANDBOX_SIMULATE max-body must be at least 1 byte");
      settings.maxBodyBytes = bytes;
    } else if (name === "fail-next") {
      const m = /^(429|413)x(\d+)$/i.exec(value);
      if (!m || Number(m[2]) < 1)
        throw new Error(`SANDBOX_SIMULATE fail-next needs <429|413>x<count>, e.g. fail-next:429x3 (got "${value}")`);
      settings.failNext = { status: Number(m[1]) === 429 ? 429 : 413, count: Number(m[2]) };
    } else throw new Error(`SANDBOX_SIMULATE: unknown setting "${name}" (use rate-limit, max-body or fail-next)`);
  }
  return settings;
}

/** Applies the settings to each API call; time comes from the sandbox's clock. */
export class Simulator {
  settings: SimulationSettings;
  private hits: number[] = [];

  constructor(settings: SimulationSettings = noSimulation()) {
    this.settings = settings;
  }

  replace(settings: SimulationSettings): void {
    this.settings = settings;
    this.hits = [];
  }

  /** Before the body is read: one-shot failures first, then the rate limit. */
  admit(now: number): void {
    const next = this.settings.failNext;
    if (next) {
      next.count--;
      if (next.count <= 0) this.settings.failNext = null;
      throw next.status === 429 ? rateLimited() : tooLarge(this.settings.maxBodyBytes ?? EMAIL_LIMIT);
    }
    const limit = this.settings.rateLimit;
    if (!limit) return;
    const since = now - limit.windowSeconds * 1000;
    this.hits = this.hits.filter((t) => t > since);
    if (this.hits.length >= limit.requests) throw rateLimited();
    this.hits.push(now);
  }

  /** Once the body's size is known: the simulated cap, then Postmark's own limit for the operation. */
  checkSize(bytes: number, postmarkLimit: number | null): void {
    const cap = this.settings.maxBodyBytes;
    if (cap !== null && bytes > cap) throw tooLarge(cap);
    if (postmarkLimit !== null && bytes > postmarkLimit) throw tooLarge(postmarkLimit);
  }
}
