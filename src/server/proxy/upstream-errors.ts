import { ApiFailure } from "../errors";

/** The answers for a Postmark call that did not complete; none of them carries a token or a header. */
export const upstreamTimedOut = (timeoutMs: number) =>
  new ApiFailure(
    504,
    "upstream_timeout",
    `Postmark did not answer within ${formatMs(timeoutMs)}. Try again in a moment.`,
  );

export const upstreamCancelled = () => new ApiFailure(400, "bad_request", "The request was cancelled.");

/** The cause (e.g. ECONNREFUSED) helps; the URL is fine, headers are never part of it. */
export const upstreamUnreachable = (code: string | undefined) =>
  new ApiFailure(
    502,
    "upstream_unreachable",
    `Mailroom could not reach Postmark${code ? ` (${code})` : ""}. Check the network and POSTMARK_API_URL, then try again.`,
  );

const formatMs = (ms: number) => (ms % 1000 === 0 ? `${ms / 1000} seconds` : `${ms} ms`);
