import { Hono } from "hono";
import { z } from "zod";
import { createUserRequest, updateUserRequest, type UserResponse, type UsersResponse } from "../../contract/api/auth";
import { ApiFailure } from "../errors";
import { readJson } from "../http/read-body";
import { requireAdmin } from "../http/require-session";
import type { AppEnv } from "../http/types";
import type { Services } from "../services";
import { toUser } from "../store/users-repo";
import { hashPassword } from "./password";

const idParam = z.coerce.number().int().positive();

/** Users admin; mounted behind requireSession. */
export function usersRoutes(s: Services) {
  const app = new Hono<AppEnv>();
  app.use("*", requireAdmin());
  const now = () => new Date(s.clock()).toISOString();
  const actorOf = (c: { get(k: "session"): { user: { id: number; username: string } } }) => {
    const { id, username } = c.get("session").user;
    return { id, username };
  };

  const disableOrphaned = async () => {
    if (await s.workflows.engine.authority.sweep(now())) s.workflows.engine.invalidate();
  };

  const findUser = async (raw: string) => {
    const id = idParam.safeParse(raw);
    const row = id.success ? await s.store.users.byId(id.data) : undefined;
    if (!row) throw new ApiFailure(404, "not_found", "There is no such user.");
    return row;
  };

  app.get("/", async (c) => c.json({ users: (await s.store.users.list()).map(toUser) } satisfies UsersResponse));

  app.post("/", async (c) => {
    const body = await readJson(c, s.config.maxApiBodyBytes, createUserRequest);
    if (await s.store.users.byUsername(body.username)) {
      throw new ApiFailure(409, "conflict", `A user named "${body.username.toLowerCase()}" exists already.`);
    }
    const row = await s.store.users.create({
      username: body.username,
      role: body.role,
      passwordHash: await hashPassword(body.password),
      now: now(),
    });
    await s.store.audit.record(
      {
        actor: actorOf(c),
        action: "user.create",
        target: `user:${row.username}`,
        requestId: c.get("requestId"),
        details: { userId: row.id, role: row.role },
      },
      now(),
    );
    return c.json({ user: toUser(row) } satisfies UserResponse, 201);
  });

  app.patch("/:id", async (c) => {
    const row = await findUser(c.req.param("id"));
    const body = await readJson(c, s.config.maxApiBodyBytes, updateUserRequest);
    if (body.role && body.role !== "admin" && row.role === "admin" && (await s.store.users.countAdmins()) <= 1) {
      throw new ApiFailure(409, "conflict", `${row.username} is the last admin; make another user admin first.`);
    }
    await s.store.users.update(row.id, {
      role: body.role,
      passwordHash: body.password ? await hashPassword(body.password) : undefined,
      now: now(),
    });
    const session = c.get("session");
    if (body.password) {
      // A new password ends that user's sessions (except the one making the change).
      await s.sessions.destroyForUser(row.id, row.id === session.user.id ? session.idHash : undefined);
    } else if (body.role && body.role !== row.role && row.id !== session.user.id) {
      await s.sessions.destroyForUser(row.id);
    }
    // Workflows act with their authors' authority: those this user can no longer back stop now.
    if (body.role && body.role !== row.role) await disableOrphaned();
    const changes = [body.role && `role ${row.role} → ${body.role}`, body.password && "password reset"]
      .filter(Boolean)
      .join(", ");
    await s.store.audit.record(
      {
        actor: actorOf(c),
        action: "user.update",
        target: `user:${row.username}`,
        requestId: c.get("requestId"),
        detail: changes,
        details: {
          userId: row.id,
          ...(body.role ? { fromRole: row.role, toRole: body.role } : {}),
          passwordReset: !!body.password,
        },
      },
      now(),
    );
    return c.json({ user: toUser((await s.store.users.byId(row.id))!) } satisfies UserResponse);
  });

  app.delete("/:id", async (c) => {
    const row = await findUser(c.req.param("id"));
    if (row.role === "admin" && (await s.store.users.countAdmins()) <= 1) {
      throw new ApiFailure(409, "conflict", `${row.username} is the last admin and cannot be removed.`);
    }
    // Ends open streams at once (the rows would go with the user anyway).
    await s.sessions.destroyForUser(row.id);
    await s.store.users.remove(row.id);
    await disableOrphaned();
    await s.store.audit.record(
      {
        actor: actorOf(c),
        action: "user.delete",
        target: `user:${row.username}`,
        requestId: c.get("requestId"),
        details: { userId: row.id, role: row.role },
      },
      now(),
    );
    return c.json({ ok: true as const });
  });

  return app;
}
