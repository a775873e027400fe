import { matchOperation } from "../../contract/postmark/index";
import { ApiFailure } from "../errors";
import type { ExecuteResult } from "./execute";
import { restoreSecrets } from "./secret-mask";

/**
 * A body that sends masked values back (a form showing Postmark's masked answer, or a workflow
 * step mapping a masked answer): on an edit the real values are read from Postmark's current
 * object (the GET at the same path) and put back where they were. A create, or an object Mailroom
 * cannot read, has nothing to restore from: refused. Used by the proxy route and the engine alike.
 */
export async function unmaskEdit(
  body: unknown,
  method: string,
  path: string,
  read: (path: string) => Promise<ExecuteResult>,
): Promise<unknown> {
  const upper = method.toUpperCase();
  if ((upper !== "PUT" && upper !== "PATCH") || !matchOperation("GET", path)) return restoreSecrets(body, null);
  const current = await read(path);
  if (current.status !== 200) {
    throw new ApiFailure(
      409,
      "conflict",
      `Mailroom could not read the current values to keep the masked secrets (Postmark answered ${current.status}). Type the secrets again.`,
    );
  }
  return restoreSecrets(body, JSON.parse(current.body));
}
