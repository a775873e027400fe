/* Mailroom's service worker: Web Push notifications, and an app-shell cache of hashed assets only.
 * Never cached: /api/* (authenticated data), HTML pages (they would pin an old build), anything
 * not under /assets/. Hashed files never change, so serving them from the cache cannot be stale. */
const ASSETS_CACHE = "mailroom-assets-v1";

self.addEventListener("install", () => {
  self.skipWaiting();
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) if (key !== ASSETS_CACHE) await caches.delete(key);
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("fetch", (event) => {
  const req = event.request;
  if (req.method !== "GET") return;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin || !url.pathname.startsWith("/assets/")) return;
  event.respondWith(
    (async () => {
      const cache = await caches.open(ASSETS_CACHE);
      const hit = await cache.match(req);
      if (hit) return hit;
      const res = await fetch(req);
      if (res.ok) await cache.put(req, res.clone());
      return res;
    })(),
  );
});

/** The payload is src/contract/api/notifications.ts pushPayload; be lenient with anything else. */
function readPayload(event) {
  if (!event.data) return {};
  try {
    return event.data.json();
  } catch {
    return { body: event.data.text() };
  }
}

self.addEventListener("push", (event) => {
  const p = readPayload(event);
  const title = typeof p.title === "string" && p.title ? p.title : "Mailroom";
  const url =
    typeof p.approveUrl === "string" && p.approveUrl
      ? p.approveUrl
      : typeof p.url === "string" && p.url
        ? p.url
        : "/approvals";
  event.waitUntil(
    self.registration.showNotification(title, {
      body: typeof p.body === "string" ? p.body : "",
      tag: typeof p.tag === "string" && p.tag ? p.tag : undefined,
      icon: "/icons/icon-192.png",
      badge: "/icons/icon-192.png",
      data: { url, kind: p.kind },
      // Approvals should stay until someone acts on them.
      requireInteraction: p.kind === "approval",
    }),
  );
});

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const raw = event.notification.data && event.notification.data.url;
  // Only Mailroom's own pages: a payload cannot send the user elsewhere.
  const target = new URL(
    typeof raw === "string" && raw.startsWith("/") && !raw.startsWith("//") ? raw : "/approvals",
    self.location.origin,
  );
  event.waitUntil(
    (async () => {
      const tabs = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
      const mine = tabs.find((c) => new URL(c.url).origin === self.location.origin);
      if (mine) {
        await mine.focus();
        if ("navigate" in mine) {
          try {
            await mine.navigate(target.href);
            return;
          } catch {
            // An uncontrolled tab cannot be navigated; open a new one instead.
          }
        }
      }
      await self.clients.openWindow(target.href);
    })(),
  );
});
