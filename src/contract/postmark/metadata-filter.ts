import { z } from "zod";

import { METADATA_KEY_PATTERN, METADATA_PARAM_PREFIX, METADATA_VALUE_MAX } from "./metadata-keys";

export { METADATA_KEY_PATTERN, METADATA_PARAM_PREFIX, METADATA_VALUE_MAX } from "./metadata-keys";

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
export const metadataParam = (key: string): `${typeof METADATA_PARAM_PREFIX}${string}` =>
  `${METADATA_PARAM_PREFIX}${key}`;
