import { z } from "zod";

/**
 * Postmark's outbound search takes a metadata filter as a query parameter named after the key:
 * `metadata_<key>=<value>` (exact value). Postmark caps keys at 20 characters and values at 80;
 * keys are kept to characters that survive as a query-parameter name (the export job's filter
 * accepts the same).
 */
export const METADATA_KEY_PATTERN = /^[A-Za-z0-9_.-]{1,20}$/;
export const METADATA_VALUE_MAX = 80;
export const METADATA_PARAM_PREFIX = "metadata_";

export const metadataFilter = z.object({
  key: z.string().trim().regex(METADATA_KEY_PATTERN, "Up to 20 letters, digits, '.', '-' or '_'"),
  value: z
    .string()
    .trim()
    .min(1, "Give the value to match")
    .max(METADATA_VALUE_MAX, `At most ${METADATA_VALUE_MAX} characters`),
});
export type MetadataFilter = z.infer<typeof metadataFilter>;

/** The query parameter Postmark reads for a metadata key. */
export const metadataParam = (key: string) => `${METADATA_PARAM_PREFIX}${key}`;
