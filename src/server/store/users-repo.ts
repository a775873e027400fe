import type { Kysely, Selectable } from "kysely";
import type { Role, User } from "../../contract/api/auth";
import type { Database, UsersTable } from "./schema";

export type UserRow = Selectable<UsersTable>;

export function toUser(row: UserRow): User {
  return {
    id: Number(row.id),
    username: row.username,
    role: row.role as Role,
    createdAt: row.created_at,
    lastLoginAt: row.last_login_at,
  };
}

export function createUsersRepo(db: Kysely<Database>) {
  return {
    list: () => db.selectFrom("users").selectAll().orderBy("username").execute(),
    byId: (id: number) => db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst(),
    // Usernames are unique regardless of case; they are stored lowercased.
    byUsername: (username: string) =>
      db.selectFrom("users").selectAll().where("username", "=", username.toLowerCase()).executeTakeFirst(),
    async create(input: { username: string; role: Role; passwordHash: string; now: string }): Promise<UserRow> {
      const row = await db
        .insertInto("users")
        .values({
          username: input.username.toLowerCase(),
          role: input.role,
          password_hash: input.passwordHash,
          created_at: input.now,
          updated_at: input.now,
          last_login_at: null,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return row;
    },
    async update(id: number, patch: { role?: Role; passwordHash?: string; now: string }) {
      await db
        .updateTable("users")
        .set({
          ...(patch.role ? { role: patch.role } : {}),
          ...(patch.passwordHash ? { password_hash: patch.passwordHash } : {}),
          updated_at: patch.now,
        })
        .where("id", "=", id)
        .execute();
    },
    async touchLogin(id: number, now: string) {
      await db.updateTable("users").set({ last_login_at: now }).where("id", "=", id).execute();
    },
    async remove(id: number) {
      await db.deleteFrom("users").where("id", "=", id).execute();
    },
    async countAdmins(): Promise<number> {
      const r = await db
        .selectFrom("users")
        .select((eb) => eb.fn.countAll().as("n"))
        .where("role", "=", "admin")
        .executeTakeFirst();
      return Number(r?.n ?? 0);
    },
  };
}
export type UsersRepo = ReturnType<typeof createUsersRepo>;
