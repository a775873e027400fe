import type { Kysely } from "kysely";
import { describe, expect, it } from "vitest";
import type { FixedSql } from "../store/fixed-sql";
import type { Database } from "../store/schema";
import { createAuthority } from "./authority";

/** A store whose author reads answer only when the test lets them, with the role as it is when each was sent. */
function slowStore() {
  const db = {} as Kysely<Database>;
  const sent: (() => void)[] = [];
  const state = { role: "admin" };
  const fixed = {
    run: (_q: unknown, _text: string, _params: unknown[]) => {
      const row = { saved_by: 1, saved_by_name: "ann", saved_by_role: "admin", user_id: 1, username: "ann" };
      const answer = { rows: [{ ...row, role: state.role }], changed: 0 };
      return new Promise((resolve) => sent.push(() => resolve(answer)));
    },
  } as unknown as FixedSql;
  return { db, fixed, sent, state };
}

const roleOf = (a: Awaited<ReturnType<ReturnType<typeof createAuthority>["authorOf"]>>) =>
  a.ok ? a.actor.role : a.reason;
const turn = () => new Promise((r) => setImmediate(r));

describe("workflow authority", () => {
  it("lets runs asking at once share a read, but never one sent before they asked", async () => {
    const s = slowStore();
    const authority = createAuthority(s.db, s.fixed);
    const first = authority.authorOf(7);
    await turn();
    expect(s.sent).toHaveLength(1);
    // The author is demoted while the first read is on its way: later asks must see it.
    s.state.role = "viewer";
    const later = [authority.authorOf(7), authority.authorOf(7), authority.authorOf(7)];
    await turn();
    expect(s.sent).toHaveLength(1);
    s.sent[0]!();
    expect(roleOf(await first)).toBe("admin");
    await turn();
    expect(s.sent).toHaveLength(2);
    s.sent[1]!();
    expect((await Promise.all(later)).map(roleOf)).toEqual(["viewer", "viewer", "viewer"]);
  });
});
