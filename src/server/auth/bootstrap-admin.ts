import type { Clock } from "../clock";
import type { Logger } from "../logger";
import type { Store } from "../store/index";
import { generatePassword, hashPassword } from "./password";

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
  const existing = await deps.store.users.byUsername("admin");
  if (deps.adminPassword) {
    const passwordHash = await hashPassword(deps.adminPassword);
    if (existing) {
      await deps.store.users.update(existing.id, { passwordHash, role: "admin", now });
      // A changed password ends the old sessions; harmless when it is the same one.
      await deps.store.sessions.removeForUser(existing.id);
    } else {
      await deps.store.users.create({ username: "admin", role: "admin", passwordHash, now });
    }
    deps.logger.info("admin password set from ADMIN_PASSWORD");
    return { generated: null };
  }
  if (existing || (await deps.store.users.countAdmins()) > 0) return { generated: null };
  const password = generatePassword();
  await deps.store.users.create({ username: "admin", role: "admin", passwordHash: await hashPassword(password), now });
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
