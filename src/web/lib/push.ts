import type { PushSubscriptionJson, VapidPublicKeyResponse } from "@/contract/api/notifications";
import { apiRequest } from "./api-client";

export const SERVICE_WORKER_URL = "/sw.js";

export type PushSupport = { supported: true } | { supported: false; reason: string };

/** Whether this browser can receive Web Push, and in plain words why not. */
export function pushSupport(
  env: { navigator?: Navigator; window?: typeof globalThis } = { navigator: globalThis.navigator, window: globalThis },
): PushSupport {
  const nav = env.navigator;
  const win = env.window as (typeof globalThis & { isSecureContext?: boolean }) | undefined;
  if (!nav || !win) return { supported: false, reason: "Notifications need a browser." };
  if (win.isSecureContext === false)
    return { supported: false, reason: "Push needs a secure connection: open Mailroom over https (or on localhost)." };
  if (!("serviceWorker" in nav))
    return {
      supported: false,
      reason: "This browser has no service workers, so it cannot receive push notifications.",
    };
  if (!("PushManager" in win) || !("Notification" in win)) {
    const ios = /iPhone|iPad|iPod/.test(nav.userAgent ?? "");
    return {
      supported: false,
      reason: ios
        ? "On iPhone and iPad, push works only once Mailroom is added to the Home Screen (Share → Add to Home Screen) and opened from there."
        : "This browser does not support Web Push notifications.",
    };
  }
  return { supported: true };
}

/** The VAPID public key (base64url) as the bytes pushManager.subscribe wants. */
export function urlBase64ToUint8Array(base64url: string): Uint8Array<ArrayBuffer> {
  const padded = (base64url + "=".repeat((4 - (base64url.length % 4)) % 4)).replace(/-/g, "+").replace(/_/g, "/");
  const raw = atob(padded);
  const out = new Uint8Array(new ArrayBuffer(raw.length));
  for (let i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
  return out;
}

export class PushSetupError extends Error {
  constructor(
    readonly reason: "unsupported" | "denied" | "dismissed" | "disabled",
    message: string,
  ) {
    super(message);
    this.name = "PushSetupError";
  }
}

async function registration(): Promise<ServiceWorkerRegistration> {
  // Production registers the worker after load; in dev (or before load) register it here.
  const existing = await navigator.serviceWorker.getRegistration("/");
  if (existing) return existing;
  await navigator.serviceWorker.register(SERVICE_WORKER_URL, { scope: "/" });
  return navigator.serviceWorker.ready;
}

/** This device's current subscription, if any. */
export async function currentSubscription(): Promise<PushSubscription | null> {
  if (!pushSupport().supported) return null;
  const reg = await navigator.serviceWorker.getRegistration("/");
  return reg ? reg.pushManager.getSubscription() : null;
}

/** Asks permission, subscribes with Mailroom's VAPID key, and tells the server about the subscription. */
export async function enablePush(): Promise<PushSubscription> {
  const support = pushSupport();
  if (!support.supported) throw new PushSetupError("unsupported", support.reason);
  const key = await apiRequest<VapidPublicKeyResponse>("/api/push/vapid-public-key");
  if (!key.enabled || !key.publicKey)
    throw new PushSetupError("disabled", "Push notifications are turned off on this Mailroom server.");
  const permission = await Notification.requestPermission();
  if (permission === "denied")
    throw new PushSetupError(
      "denied",
      "Notifications are blocked for Mailroom in this browser. Allow them in the site settings, then try again.",
    );
  if (permission !== "granted")
    throw new PushSetupError("dismissed", "You closed the permission prompt without allowing notifications.");
  const reg = await registration();
  const applicationServerKey = urlBase64ToUint8Array(key.publicKey);
  let sub = await reg.pushManager.getSubscription();
  // A subscription made with another key (the server's keys changed) cannot receive our pushes.
  if (sub && sub.options.applicationServerKey && !sameKey(sub.options.applicationServerKey, applicationServerKey)) {
    await sub.unsubscribe();
    sub = null;
  }
  sub ??= await reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey });
  await apiRequest("/api/push/subscriptions", { method: "POST", body: sub.toJSON() as PushSubscriptionJson });
  return sub;
}

function sameKey(a: ArrayBuffer, b: Uint8Array): boolean {
  const x = new Uint8Array(a);
  return x.length === b.length && x.every((v, i) => v === b[i]);
}

/** Forgets this device on the server, then unsubscribes the browser. */
export async function disablePush(): Promise<void> {
  const sub = await currentSubscription();
  if (!sub) return;
  await apiRequest("/api/push/subscriptions", { method: "DELETE", body: { endpoint: sub.endpoint } });
  await sub.unsubscribe();
}

/** Registers the service worker once the page has loaded, so it never competes with the first paint. */
export function registerServiceWorkerAfterLoad(): void {
  if (typeof navigator === "undefined" || !("serviceWorker" in navigator)) return;
  const register = () =>
    void navigator.serviceWorker.register(SERVICE_WORKER_URL, { scope: "/" }).catch(() => undefined);
  if (document.readyState === "complete") register();
  else window.addEventListener("load", register, { once: true });
}
