import { z } from "zod";
import { bounceTypes, type BounceType } from "./bounce-types";

/** Numeric ids in paths (bounce, domain, signature, server, rule, webhook, data removal). */
export const idParam = z.coerce.number().int().positive();

/** Message stream ids: letter first, lowercase letters, digits, `-` and `_`, at most 30 characters. */
export const streamIdParam = z
  .string()
  .min(1)
  .max(30)
  .regex(/^[a-z][a-z0-9_-]*$/i, "A stream id starts with a letter and holds letters, digits, - and _");

/** `count` on Postmark's paged lists: required, 1..500. */
export const pageCount = z.coerce.number().int().min(1).max(500);
/** `offset` on Postmark's paged lists: required, at least 0. */
export const pageOffset = z.coerce.number().int().min(0);

/** Booleans in a query string arrive as text; accept both forms. */
export const queryBoolean = z.union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")]);

/** Message metadata: at most 10 keys, key ≤ 20 characters, value ≤ 80 characters. */
export const metadata = z
  .record(z.string().max(20), z.string().max(80))
  .refine((m) => Object.keys(m).length <= 10, "At most 10 metadata keys");

export const trackLinks = z.enum(["None", "HtmlAndText", "HtmlOnly", "TextOnly"]);

export { bounceTypes, type BounceType } from "./bounce-types";
export const bounceType = z.enum(bounceTypes.map((b) => b[0]) as [BounceType, ...BounceType[]]);

/** Postmark's error body: `{ErrorCode, Message}`; ErrorCode 11 adds `Errors`. */
export const postmarkError = z.looseObject({
  ErrorCode: z.number(),
  Message: z.string(),
});
export type PostmarkError = z.infer<typeof postmarkError>;

/** Custom headers: `[{Name, Value}]`. */
export const headers = z.array(z.object({ Name: z.string(), Value: z.string() }));

/** Attachments: base64 `Content`; `ContentID` ("cid:…") makes an inline image. */
export const attachments = z.array(
  z.object({
    Name: z.string(),
    Content: z.string(),
    ContentType: z.string(),
    ContentID: z.string().nullable().optional(),
  }),
);
