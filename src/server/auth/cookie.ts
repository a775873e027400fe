export const SESSION_COOKIE = "mailroom_session";

/** Session cookie attributes: never readable by scripts, never sent cross-site. */
export function sessionCookieOptions(secure: boolean, maxAgeSeconds?: number) {
  return {
    httpOnly: true,
    sameSite: "Strict" as const,
    path: "/",
    secure,
    ...(maxAgeSeconds !== undefined ? { maxAge: maxAgeSeconds } : {}),
  };
}
