import { custom, optionalOneOf, searchSchema } from "@/web/lib/search-params";

export const streamTypes = ["Transactional", "Broadcasts", "Inbound"] as const;
export type StreamType = (typeof streamTypes)[number];

/** Streams in the URL: one type only, and whether archived streams are listed. */
export const streamsSearch = searchSchema({
  type: optionalOneOf(streamTypes),
  archived: custom<boolean | undefined, boolean | undefined>((raw) =>
    raw === true || raw === "true" || raw === "1" ? true : undefined,
  ),
});
export type StreamsSearch = ReturnType<typeof streamsSearch.parse>;
