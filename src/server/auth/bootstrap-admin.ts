import type { Clock } from "../clock";
import type { Logger } from "../logger";
import type { Store } from "../store/index";
import { generatePassword, hashPassword, verifyPassword } from "./password";

/**
 * Makes sure an `admin` user can sign in: ADMIN_PASSWORD (re)sets its password at every start;
 * without it and with no admin at all, a password is generated and printed once.
 */
export async function bootstrapAdmin(deps: {
  store: Store;
  clock: Clock;
  logger: Logger;
  adminPassword: string | null;
  /** Where the one-time password goes; stdout by default (never the log). */
  announce?: (text: string) => void;
}): Promise<{ generated: string | null }> {
  const now = new Date(deps.clock()).toISOString();
  // Instances starting together on one database may both find no admin: the second create fails
  // on the unique username, and that instance carries on with the admin the first one made.
  const createOnce = async (passwordHash: string) => {
    try {
      await deps.store.users.create({ username: "admin", role: "admin", passwordHash, now });
      return true;
    } catch (e) {
      if (await deps.store.users.byUsername("admin")) return false;
      throw e;
    }
  };
  const existing = await deps.store.users.byUsername("admin");
  if (deps.adminPassword) {
    if (existing) {
      // Only a changed password ends the old sessions: another instance's (re)start must not sign everyone out.
      if (existing.role === "admin" && (await verifyPassword(deps.adminPassword, existing.password_hash)))
        return { generated: null };
      await deps.store.users.update(existing.id, {
        passwordHash: await hashPassword(deps.adminPassword),
        role: "admin",
        now,
      });
      await deps.store.sessions.removeForUser(existing.id);
    } else if (!(await createOnce(await hashPassword(deps.adminPassword)))) {
      return bootstrapAdmin(deps);
    }
    deps.logger.info("admin password set from ADMIN_PASSWORD");
    return { generated: null };
  }
  if (existing || (await deps.store.users.countAdmins()) > 0) return { generated: null };
  const password = generatePassword();
  if (!(await createOnce(await hashPassword(password)))) return { generated: null };
  (deps.announce ?? ((t) => process.stdout.write(t)))(
    [
      "",
      "  ┌──────────────────────────────────────────────────────────────┐",
      "  │ Mailroom created the first user. This is shown only once.    │",
      `  │   username: admin                                            │`,
      `  │   password: ${password.padEnd(49)}│`,
      "  │ Change it in Settings → Users, or set ADMIN_PASSWORD.        │",
      "  └──────────────────────────────────────────────────────────────┘",
      "",
      "",
    ].join("\n"),
  );
  return { generated: password };
}
