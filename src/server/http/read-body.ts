import type { Context } from "hono";
import { ApiFailure } from "../errors";

/** Reads the body as text, refusing (413) as soon as it passes `maxBytes`, without buffering more. */
export async function readBodyText(c: Context, maxBytes: number, tooLarge: () => ApiFailure): Promise<string> {
  const declared = Number(c.req.header("content-length") ?? "NaN");
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge();
  // A declared length bounds the body (the HTTP parser reads exactly that many bytes), so it can be
  // read in one go; @hono/node-server then reads the socket directly instead of building a web
  // Request and stream per request (most of the intake's per-request cost).
  if (Number.isFinite(declared)) {
    const body = Buffer.from(await c.req.raw.arrayBuffer());
    if (body.byteLength > maxBytes) throw tooLarge(); // an in-process Request need not keep its word
    return body.toString("utf8");
  }
  const stream = c.req.raw.body;
  if (!stream) return "";
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** Reads and validates a JSON body of Mailroom's own API. */
export async function readJson<T>(c: Context, maxBytes: number, schema: { parse(v: unknown): T }): Promise<T> {
  const text = await readBodyText(
    c,
    maxBytes,
    () => new ApiFailure(413, "payload_too_large", "The request body is too large."),
  );
  let value: unknown;
  try {
    value = text.trim() === "" ? {} : JSON.parse(text);
  } catch {
    throw new ApiFailure(400, "bad_request", "The request body is not valid JSON.");
  }
  return schema.parse(value);
}
