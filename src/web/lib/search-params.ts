/**
 * Search-param schemas for route files. Route `validateSearch` runs in the app chunk (the router
 * needs it to match and to build links), so a zod schema there puts zod's core (~17 KiB gzip, even
 * through zod/mini, because the lazy pages share that core) on every signed-in first load. These builders
 * cover what URLs carry (optional text, one of a few values) with the semantics of zod's
 * `.optional().catch(undefined)` / `.catch(fallback)`: a bad value falls back, it never throws.
 * They are Standard Schema validators, so the router infers the search types from them.
 */

interface Field<In, Out> {
  /** The value to keep: the raw value when it fits, else the field's fallback. */
  read: (raw: unknown) => Out;
  /** Type-only: what links may pass. */
  readonly _in?: In;
}

type AnyField = Field<unknown, unknown>;
type FieldsOut<F extends Record<string, AnyField>> = {
  [K in keyof F]: F[K] extends Field<unknown, infer O> ? O : never;
};
type FieldsIn<F extends Record<string, AnyField>> = {
  [K in keyof F]?: F[K] extends Field<infer I, unknown> ? I : never;
};

export interface SearchSchema<In, Out> {
  readonly "~standard": {
    readonly version: 1;
    readonly vendor: "mailroom";
    readonly validate: (
      value: unknown,
    ) => { value: Out; issues?: undefined } | { issues: readonly { message: string }[] };
    readonly types?: { readonly input: In; readonly output: Out };
  };
  /** Validates, throwing only when the input is not an object at all. */
  parse: (value: unknown) => Out;
}

/**
 * Text, or undefined when absent, not text, or out of bounds. With `trim`, the value is trimmed
 * first and the bounds apply to the trimmed text (as zod's `.trim().min().max()`).
 */
export function optionalText(
  opts: { min?: number; max?: number; trim?: boolean } = {},
): Field<string | undefined, string | undefined> {
  return {
    read: (raw) => {
      if (typeof raw !== "string") return undefined;
      const v = opts.trim ? raw.trim() : raw;
      if (opts.min !== undefined && v.length < opts.min) return undefined;
      if (opts.max !== undefined && v.length > opts.max) return undefined;
      return v;
    },
  };
}

/** A whole number above zero (a number, or digits in text), or undefined. */
export function optionalPositiveInt(): Field<number | undefined, number | undefined> {
  return {
    read: (raw) => {
      const n = typeof raw === "number" ? raw : typeof raw === "string" && raw.trim() !== "" ? Number(raw) : Number.NaN;
      return Number.isSafeInteger(n) && n > 0 ? n : undefined;
    },
  };
}

/** Any other rule: `read` gets the raw value and returns what to keep (it must not throw). */
export function custom<In, Out>(read: (raw: unknown) => Out): Field<In, Out> {
  return { read };
}

/** One of `values`, or undefined when absent or unknown. */
export function optionalOneOf<const V extends string>(values: readonly V[]): Field<V | undefined, V | undefined> {
  return { read: (raw) => (values.includes(raw as V) ? (raw as V) : undefined) };
}

/** One of `values`, or `fallback` when absent or unknown. */
export function oneOf<const V extends string>(values: readonly V[], fallback: NoInfer<V>): Field<V, V> {
  return { read: (raw) => (values.includes(raw as V) ? (raw as V) : fallback) };
}

/** An object of fields; unknown keys are dropped, and absent optional fields are left out. */
export function searchSchema<F extends Record<string, AnyField>>(fields: F): SearchSchema<FieldsIn<F>, FieldsOut<F>> {
  const parse = (value: unknown): FieldsOut<F> => {
    if (typeof value !== "object" || value === null || Array.isArray(value))
      throw new TypeError("Search params must be an object");
    const input = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(fields)) {
      const v = field.read(input[key]);
      if (v !== undefined) out[key] = v;
    }
    return out as FieldsOut<F>;
  };
  return {
    "~standard": {
      version: 1,
      vendor: "mailroom",
      validate: (value) => {
        try {
          return { value: parse(value) };
        } catch (e) {
          return { issues: [{ message: e instanceof Error ? e.message : String(e) }] };
        }
      },
    },
    parse,
  };
}

/** A URL field for a calendar date: YYYY-MM-DD or absent. */
export function readIsoDate(raw: unknown): string | undefined {
  return typeof raw === "string" && /^\d{4}-\d{2}-\d{2}$/.test(raw) && !Number.isNaN(Date.parse(raw)) ? raw : undefined;
}
