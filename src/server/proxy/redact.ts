/** Masks a token to its last 4 characters. */
export const tokenHint = (token: string) => `…${token.slice(-4)}`;

// `"ApiTokens": ["…", "…"]` in Servers API answers: the browser gets hints, never tokens.
const API_TOKENS = /("ApiTokens"\s*:\s*\[)([^\]]*)(\])/g;

/** Removes tokens from a text that goes back to a browser: the ApiTokens lists and any known token. */
export function scrubTokens(text: string, known: readonly string[]): string {
  let out = text.includes('"ApiTokens"')
    ? text.replace(
        API_TOKENS,
        (_, open: string, list: string, close: string) =>
          open +
          list.replace(/"([^"\\]*)"/g, (_m, t: string) => JSON.stringify(t.length > 4 ? tokenHint(t) : "…")) +
          close,
      )
    : text;
  for (const token of known) {
    if (token.length >= 4 && out.includes(token)) out = out.split(token).join("[redacted]");
  }
  return out;
}
