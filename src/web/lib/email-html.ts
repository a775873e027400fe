/**
 * A Content-Security-Policy for an email preview that fetches nothing remote: images only from
 * data: and cid:, no remote styles, fonts or frames. Tracking pixels therefore do not fire on view.
 */
export const BLOCK_REMOTE_CSP = "default-src 'none'; img-src data: cid:; style-src 'unsafe-inline'; font-src data:";

/**
 * The email's HTML with the blocking policy as its first element; the HTML parser moves a leading
 * <meta> into the document's head, where a meta CSP takes effect before anything loads.
 */
export function withoutRemoteContent(html: string): string {
  return `<meta http-equiv="Content-Security-Policy" content="${BLOCK_REMOTE_CSP}">${html}`;
}

/** Whether the HTML refers to anything remote worth offering to load. */
export const hasRemoteContent = (html: string) =>
  /(src|background|href)\s*=\s*["']?\s*(https?:)?\/\/|url\(\s*["']?\s*(https?:)?\/\//i.test(html);
