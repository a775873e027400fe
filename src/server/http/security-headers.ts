import type { MiddlewareHandler } from "hono";

// No inline scripts; inline styles are allowed for UI libraries and for email previews, which
// render inside sandboxed srcdoc iframes that inherit this policy (hence remote images).
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob: https:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "frame-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

/** The headers every answer carries (HSTS only when served over https). */
export function securityHeaderList(secure: boolean): Record<string, string> {
  return {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    ...(secure ? { "Strict-Transport-Security": "max-age=31536000" } : {}),
  };
}

export function securityHeaders(secure: boolean): MiddlewareHandler {
  const list = Object.entries(securityHeaderList(secure));
  return async (c, next) => {
    await next();
    const h = c.res.headers;
    for (const [name, value] of list) h.set(name, value);
    if (c.req.path.startsWith("/api/") && !h.has("Cache-Control")) h.set("Cache-Control", "no-store");
  };
}
