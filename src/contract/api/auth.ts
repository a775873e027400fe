import { z } from "zod";

/** Roles in increasing power. An `approver` reads and decides approval items, and changes nothing else. */
export const roles = ["viewer", "approver", "operator", "admin"] as const;
export const role = z.enum(roles);
export type Role = z.infer<typeof role>;

export const username = z
  .string()
  .trim()
  .min(2, "At least 2 characters")
  .max(64, "At most 64 characters")
  .regex(/^[a-z0-9._-]+$/i, "Letters, digits, dot, dash and underscore only");

export const password = z.string().min(10, "At least 10 characters").max(200, "At most 200 characters");

export const loginRequest = z.object({
  username: z.string().trim().min(1, "Enter your username").max(64),
  password: z.string().min(1, "Enter your password").max(200),
});
export type LoginRequest = z.infer<typeof loginRequest>;

export const sessionUser = z.object({
  id: z.number().int(),
  username: z.string(),
  role,
});
export type SessionUser = z.infer<typeof sessionUser>;

export const sessionResponse = z.object({
  user: sessionUser,
  /** ISO time at which the session ends at the latest. */
  expiresAt: z.string(),
});
export type SessionResponse = z.infer<typeof sessionResponse>;

export const user = sessionUser.extend({
  createdAt: z.string(),
  lastLoginAt: z.string().nullable(),
});
export type User = z.infer<typeof user>;

export const createUserRequest = z.object({ username, password, role });
export type CreateUserRequest = z.infer<typeof createUserRequest>;

export const updateUserRequest = z
  .object({ role: role.optional(), password: password.optional() })
  .refine((v) => v.role !== undefined || v.password !== undefined, "Change the role, the password, or both");
export type UpdateUserRequest = z.infer<typeof updateUserRequest>;

/** What each role may do with Postmark operations, by risk class. */
export const roleAllows: Record<Role, readonly ("read" | "write" | "destructive")[]> = {
  viewer: ["read"],
  approver: ["read"],
  operator: ["read", "write"],
  admin: ["read", "write", "destructive"],
};

/** Mailroom actions beyond Postmark operations, by role. */
export const roleMay = {
  /** Approve or reject queued workflow steps. */
  decideApprovals: (r: Role) => r === "approver" || r === "operator" || r === "admin",
  /** Create, change, enable, test and delete workflows; re-run runs. */
  editWorkflows: (r: Role) => r === "operator" || r === "admin",
};

export const usersResponse = z.object({ users: z.array(user) });
export type UsersResponse = z.infer<typeof usersResponse>;

/** Answer of POST /api/users and PATCH /api/users/:id. */
export const userResponse = z.object({ user });
export type UserResponse = z.infer<typeof userResponse>;

/** Answer of calls that only confirm (logout, delete). */
export const okResponse = z.object({ ok: z.literal(true) });
export type OkResponse = z.infer<typeof okResponse>;
