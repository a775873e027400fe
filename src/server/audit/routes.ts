import { Hono } from "hono";
import { auditExportQuery, auditQuery, type AuditResponse, type AuditVerifyResponse } from "../../contract/api/audit";
import { requireAdmin } from "../http/require-session";
import type { AppEnv } from "../http/types";
import type { Services } from "../services";
import { csvHeader, csvLine, jsonLine } from "./export-format";

/** /api/audit: the trail (admin only); behind requireSession. */
export function auditRoutes(s: Services) {
  const app = new Hono<AppEnv>();
  const { audit } = s.store;
  app.use("*", requireAdmin());

  app.get("/", async (c) => {
    const q = auditQuery.parse(c.req.query());
    return c.json((await audit.list(q)) satisfies AuditResponse);
  });

  app.get("/verify", async (c) =>
    c.json((await audit.verify(new Date(s.clock()).toISOString())) satisfies AuditVerifyResponse),
  );

  // Streamed page by page, oldest first, so a large trail never sits in memory.
  app.get("/export", (c) => {
    const { format, ...filters } = auditExportQuery.parse(c.req.query());
    const encoder = new TextEncoder();
    const records = audit.scan(filters);
    const session = c.get("session");
    let headerSent = format !== "csv";
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (!headerSent) {
          headerSent = true;
          controller.enqueue(encoder.encode(csvHeader()));
          return;
        }
        // A long export stops when its session ends (checked once per page of the scan).
        if (++sent % 500 === 0 && !(await s.sessions.stillValid(session))) {
          await records.return(undefined);
          return controller.error(new Error("The session ended during the export."));
        }
        const next = await records.next();
        if (next.done) return controller.close();
        controller.enqueue(encoder.encode(format === "csv" ? csvLine(next.value) : jsonLine(next.value)));
      },
      async cancel() {
        await records.return(undefined);
      },
    });
    const stamp = new Date(s.clock()).toISOString().slice(0, 10);
    return new Response(body, {
      headers: {
        "Content-Type": format === "csv" ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8",
        "Content-Disposition": `attachment; filename="mailroom-audit-${stamp}.${format}"`,
        "Cache-Control": "no-store",
      },
    });
  });
  return app;
}
