import http from "node:http";
import https from "node:https";
import type { LookupAddress } from "node:dns";
import type { LookupFunction } from "node:net";
import { checkPushEndpoint, isAllowlisted, publicAddresses, type PushEndpointPolicy } from "./endpoint-guard";

export interface PushRequest {
  method: string;
  headers: Record<string, string>;
  body: Uint8Array<ArrayBuffer>;
  timeoutMs: number;
}

/** Sends one push request to an endpoint (checked again here, at send time); answers the status. */
export type PushTransport = (endpoint: string, req: PushRequest) => Promise<number>;

/**
 * The production transport: checks the endpoint, then lets the socket connect only through the
 * same public-address check (its DNS lookup is ours), so a rebinding name cannot swap in an
 * internal address between the check and the connection. No redirects are followed.
 */
export function guardedTransport(policy: PushEndpointPolicy): PushTransport {
  const lookup: LookupFunction = (host, options, callback) => {
    publicAddresses(host, policy)
      .then((found) => {
        if (options.all) callback(null, found as LookupAddress[]);
        else callback(null, found[0]!.address, found[0]!.family);
      })
      .catch((e: Error) => callback(Object.assign(e, { code: "EPUSHREFUSED" }), "", 0));
  };
  return async (endpoint, req) => {
    const u = await checkPushEndpoint(endpoint, policy);
    const lib = u.protocol === "https:" ? https : http;
    return new Promise<number>((resolve, reject) => {
      const options = {
        method: req.method,
        headers: { ...req.headers, "content-length": String(req.body.byteLength) },
        timeout: req.timeoutMs,
        ...(isAllowlisted(u, policy) ? {} : { lookup }),
      };
      const r = lib.request(u, options, (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
        res.on("error", reject);
      });
      r.on("timeout", () => r.destroy(new Error(`The push service did not answer within ${req.timeoutMs} ms.`)));
      r.on("error", reject);
      r.end(req.body);
    });
  };
}

/** A transport over an injected fetch (tests that stand in for the push service); same endpoint check. */
export function fetchTransport(doFetch: typeof fetch, policy: PushEndpointPolicy): PushTransport {
  return async (endpoint, req) => {
    await checkPushEndpoint(endpoint, policy);
    const res = await doFetch(endpoint, {
      method: req.method,
      headers: req.headers,
      body: req.body,
      signal: AbortSignal.timeout(req.timeoutMs),
      redirect: "error",
    });
    await res.arrayBuffer().catch(() => undefined);
    return res.status;
  };
}
