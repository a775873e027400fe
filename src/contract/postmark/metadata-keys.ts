// Zod-free, so Activity's URL search validation (in the first page's chunk) can use them.

/**
 * Postmark's outbound search takes a metadata filter as a query parameter named after the key:
 * `metadata_<key>=<value>` (exact value). Postmark caps keys at 20 characters and values at 80;
 * keys are kept to characters that survive as a query-parameter name (the export job's filter
 * accepts the same).
 */
export const METADATA_KEY_PATTERN = /^[A-Za-z0-9_.-]{1,20}$/;
export const METADATA_VALUE_MAX = 80;
export const METADATA_PARAM_PREFIX = "metadata_";
