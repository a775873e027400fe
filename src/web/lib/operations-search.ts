import { z } from "zod";
import { areaIds } from "@/contract/postmark/operation";

/** Explorer filters live in the URL so a filtered list can be shared. */
export const operationsSearch = z.object({
  area: z.enum(areaIds).optional().catch(undefined),
  q: z.string().max(100).optional().catch(undefined),
});
export type OperationsSearch = z.infer<typeof operationsSearch>;
