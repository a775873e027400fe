// Postmark's sending limits, checked in the browser before a request goes out.
// Source: Postmark's API docs ("Sending email" limits and the attachment article), copied into
// the catalog's notes for email.send: 10 MB per message including attachments after base64
// encoding (HTTP 413 otherwise), 500 messages per batch call (ErrorCode 410), and a list of
// forbidden attachment extensions (ErrorCode 411).

/** 10 MB, read as decimal megabytes so that nothing Postmark would refuse slips through. */
export const MAX_MESSAGE_BYTES = 10_000_000;
export const MAX_BATCH_MESSAGES = 500;

export const FORBIDDEN_EXTENSIONS: ReadonlySet<string> = new Set(
  "vbs exe bin bat chm com cpl crt hlp hta inf ins isp jse lnk mdb pcd pif reg scr sct shs vbe vba wsf wsh wsl msc msi msp mst".split(
    " ",
  ),
);

export function extensionOf(name: string): string {
  const dot = name.lastIndexOf(".");
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : "";
}

export function isForbiddenAttachment(name: string): boolean {
  return FORBIDDEN_EXTENSIONS.has(extensionOf(name));
}

/** Bytes a file takes once base64-encoded, which is what Postmark counts. */
export function base64Size(bytes: number): number {
  return 4 * Math.ceil(bytes / 3);
}

/** Bytes of the JSON request body as it will be sent (UTF-8). */
export function jsonBytes(body: unknown): number {
  return new TextEncoder().encode(JSON.stringify(body)).length;
}

export function formatBytes(n: number): string {
  if (n < 1000) return `${n} B`;
  if (n < 1_000_000) return `${(n / 1000).toFixed(1)} kB`;
  return `${(n / 1_000_000).toFixed(2)} MB`;
}

/** Splits a list into consecutive chunks of at most `size` items. */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  if (!Number.isInteger(size) || size < 1) throw new Error("chunk size must be a positive integer");
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
