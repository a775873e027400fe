import type { Context } from "hono";
import { ApiFailure } from "../errors";

/** Reads the body as text, refusing (413) as soon as it passes `maxBytes`, without buffering more. */
export async function readBodyText(c: Context, maxBytes: number, tooLarge: () => ApiFailure): Promise<string> {
  const declared = Number(c.req.header("content-length") ?? "NaN");
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge();
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
