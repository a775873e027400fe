import { custom, oneOf, searchSchema } from "@/web/lib/search-params";

// Light builders, not zod: validateSearch runs in the app chunk.
export const sendModes = ["compose", "template", "batch", "bulk"] as const;

export const sendSearch = searchSchema({
  mode: oneOf(sendModes, "compose"),
  /** The picked template's id or alias, so a templated send can be shared by link. */
  template: custom<string | undefined, string | undefined>((raw) => {
    // The router reads `template=12` back as a number.
    const v =
      typeof raw === "number" && Number.isSafeInteger(raw) && raw > 0
        ? String(raw)
        : typeof raw === "string"
          ? raw.trim()
          : "";
    return v && v.length <= 200 ? v : undefined;
  }),
  /** A bulk request being followed, so its progress survives a reload. */
  bulk: custom<string | undefined, string | undefined>((raw) =>
    typeof raw === "string" && /^[\w-]{1,100}$/.test(raw) ? raw : undefined,
  ),
});
export type SendSearch = ReturnType<typeof sendSearch.parse>;
