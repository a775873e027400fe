import { ApiFailure } from "../errors";

/**
 * Webhook credentials in Postmark's answers (HttpAuth.Password, custom HttpHeaders values, the
 * user:password@ of any URL such as InboundHookUrl) are masked before an answer reaches a
 * browser, whatever the role: with them anyone could post forged webhooks to Mailroom's intake.
 * The server's own calls (the wiring check, the engine) read the real values through execute().
 * A masked value sent back unchanged in an edit is put back from Postmark's current value, so a
 * form round-trip keeps the secret; any other use of the mask is refused.
 */
export const SECRET_MASK = "••••••";

// scheme://userinfo@ — the userinfo never holds '/', '?', '#', '@' or whitespace unencoded.
const URL_USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)([^\s/?#@"'<>\\]+)@/gi;
const MAYBE_SECRET = /"HttpAuth"|"HttpHeaders"|:\/\/[^\s/?#@"'<>\\]+@/i;

const maskUrls = (s: string) => s.replace(URL_USERINFO, (_m, scheme: string) => `${scheme}${SECRET_MASK}@`);

function maskValue(v: unknown, key: string | null): unknown {
  if (typeof v === "string") return maskUrls(v);
  if (Array.isArray(v)) {
    if (key === "HttpHeaders")
      return v.map((h: unknown) =>
        isObject(h) && typeof h.Value === "string" && h.Value !== ""
          ? { ...maskObject(h), Value: SECRET_MASK }
          : maskValue(h, null),
      );
    return v.map((x) => maskValue(x, null));
  }
  if (isObject(v)) {
    const out = maskObject(v);
    if (key === "HttpAuth" && typeof v.Password === "string" && v.Password !== "") out.Password = SECRET_MASK;
    return out;
  }
  return v;
}

function maskObject(o: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(o)) out[k] = maskValue(x, k);
  return out;
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

/** Masks webhook credentials in an answer's text (JSON, or any text with URLs). */
export function maskSecrets(text: string): string {
  if (!MAYBE_SECRET.test(text)) return text;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return maskUrls(text);
  }
  return JSON.stringify(maskValue(value, null));
}

/**
 * A stored JSON answer as anyone downstream of Postmark may use it: a browser, a run view, or a
 * workflow mapping (`{{step:hooks.Webhooks[0].HttpAuth.Password}}` must not copy a secret into a send).
 */
export const parseMasked = (text: string): unknown => JSON.parse(maskSecrets(text));

/** True when a request body carries the mask somewhere. */
export const holdsMask = (text: string) => text.includes(SECRET_MASK);

const refuse = (where: string) =>
  new ApiFailure(
    400,
    "validation_failed",
    `${where} holds the masked value ${SECRET_MASK}, which Mailroom cannot put back here. Type the secret again, or leave the field exactly as shown to keep it.`,
  );

const origin = (url: unknown) => {
  if (typeof url !== "string") return null;
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
};

/**
 * Puts the real secrets back into an edit whose masked values came from `current` (the object as
 * Postmark holds it now). A masked credential is only restored where it was: the same field,
 * the same header name, and a webhook whose URL still points at the same origin (otherwise the
 * secret would be sent somewhere new by someone who never saw it).
 */
export function restoreSecrets(body: unknown, current: unknown, path = "body"): unknown {
  if (typeof body === "string") {
    if (!holdsMask(body)) return body;
    if (typeof current === "string" && (maskValue(current, null) === body || (body === SECRET_MASK && current !== "")))
      return current;
    throw refuse(path);
  }
  if (Array.isArray(body)) {
    const cur = Array.isArray(current) ? current : [];
    return body.map((x, i) => {
      // Headers are matched by name: removing one must not shift another's secret onto it.
      const byName =
        isObject(x) && typeof x.Name === "string"
          ? cur.find(
              (c) =>
                isObject(c) && typeof c.Name === "string" && c.Name.toLowerCase() === (x.Name as string).toLowerCase(),
            )
          : cur[i];
      return restoreSecrets(x, isObject(x) && typeof x.Name === "string" ? byName : cur[i], `${path}[${i}]`);
    });
  }
  if (isObject(body)) {
    const cur = isObject(current) ? current : {};
    if (
      "Url" in body &&
      (holdsMask(JSON.stringify(body.HttpAuth ?? null)) || holdsMask(JSON.stringify(body.HttpHeaders ?? null)))
    ) {
      if (origin(body.Url) === null || origin(body.Url) !== origin(cur.Url))
        throw refuse(`${path} (its Url changed, so its credentials)`);
    }
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(body)) out[k] = restoreSecrets(x, cur[k], `${path}.${k}`);
    return out;
  }
  return body;
}
