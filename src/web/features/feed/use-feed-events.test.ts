import { describe, expect, it } from "vitest";
import type { FeedEvent } from "@/contract/api/events";
import { mergeEvents, mightMatch } from "./use-feed-events";

const e = (id: number) => ({ id }) as FeedEvent;

describe("feed merging", () => {
  it("keeps newest first and drops repeats", () => {
    expect(mergeEvents([e(9), e(8)], [e(8), e(7)], [e(7), e(3)]).map((x) => x.id)).toEqual([9, 8, 7, 3]);
  });

  it("skips the fetch for stream events the filters rule out", () => {
    expect(mightMatch({ kind: "open", payload: {} }, { types: "bounce" })).toBe(false);
    expect(
      mightMatch({ kind: "bounce", payload: { MessageStream: "broadcast" } }, { types: "bounce", stream: "outbound" }),
    ).toBe(false);
    expect(
      mightMatch(
        { kind: "bounce", payload: { MessageStream: "outbound" } },
        { types: "bounce", stream: "outbound", q: "x" },
      ),
    ).toBe(true);
    expect(mightMatch({ kind: "inbound", payload: null }, {})).toBe(true);
  });
});
