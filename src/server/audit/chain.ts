import crypto from "node:crypto";

/** prevHash of the first record. */
export const GENESIS_HASH = "0".repeat(64);

/** JSON with object keys sorted at every level, so the same value always serialises the same way. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v !== null && typeof v === "object") {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) {
      const x = (v as Record<string, unknown>)[k];
      if (x !== undefined) out[k] = sortKeys(x);
    }
    return out;
  }
  return v;
}

/** The stored columns a record's hash covers (details as stored: canonical JSON text). */
export interface ChainFields {
  seq: number;
  at: string;
  actor_id: number | null;
  actor_name: string;
  action: string;
  target: string | null;
  outcome: string;
  outcome_detail: string | null;
  request_id: string | null;
  details: string;
  prev_hash: string;
}

/** SHA-256 over a fixed-order array of every field, prevHash included, so any change breaks the chain. */
/** What a record's hash covers, in a fixed order, tagged with the hash's version. */
const material = (version: string, r: ChainFields) =>
  JSON.stringify([
    version,
    r.seq,
    r.at,
    r.actor_id,
    r.actor_name,
    r.action,
    r.target,
    r.outcome,
    r.outcome_detail,
    r.request_id,
    r.details,
    r.prev_hash,
  ]);

export function hashRecord(r: ChainFields): string {
  return crypto.createHash("sha256").update(material("mailroom-audit-v1", r)).digest("hex");
}

/**
 * The keyed form (v2): HMAC-SHA256 with a key that is not in the database (derived from
 * MAILROOM_SECRET or the key file), so someone who can write the database but does not hold the
 * key cannot rewrite a record and re-chain the ones after it.
 */
export function hashRecordKeyed(r: ChainFields, key: Buffer): string {
  return crypto.createHmac("sha256", key).update(material("mailroom-audit-v2", r)).digest("hex");
}

/**
 * The settings value marking the first keyed record: records before it (written by a version
 * without a key) are checked with the unkeyed hash. Signed, so it cannot be moved.
 */
export function keyedFromMarker(seq: number, key: Buffer): string {
  return `${seq}:${crypto.createHmac("sha256", key).update(`mailroom-audit-keyed-from:${seq}`).digest("hex")}`;
}

/** The seq a marker names, or null when its signature does not hold. */
export function readKeyedFromMarker(value: string, key: Buffer): number | null {
  const seq = Number(value.split(":")[0]);
  if (!Number.isInteger(seq) || seq < 1) return null;
  const expected = Buffer.from(keyedFromMarker(seq, key));
  const actual = Buffer.from(value);
  return expected.length === actual.length && crypto.timingSafeEqual(expected, actual) ? seq : null;
}
