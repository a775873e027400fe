import http from "node:http";
import type { AddressInfo } from "node:net";
import type { App } from "../app";
import { createMailroomServer } from "../http/serve";

/**
 * Serves the app on a real port, as Mailroom serves it (the proxy's reads answered from node's
 * request), so tests can send request targets URL parsing would normalise.
 */
export async function serveApp(app: App) {
  const server = createMailroomServer(app);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    /** Sends `target` byte for byte as the request target. */
    raw(method: string, target: string, headers: Record<string, string> = {}, body?: string) {
      return new Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }>((resolve, reject) => {
        const req = http.request({ host: "127.0.0.1", port, method, path: target, headers }, (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () =>
            resolve({
              status: res.statusCode ?? 0,
              body: Buffer.concat(chunks).toString("utf8"),
              headers: res.headers,
            }),
          );
        });
        req.on("error", reject);
        if (body !== undefined) req.write(body);
        req.end();
      });
    },
    close: () =>
      new Promise<void>((r) => {
        (server as http.Server).closeAllConnections?.();
        server.close(() => r());
      }),
  };
}
