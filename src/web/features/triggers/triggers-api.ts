import { queryOptions } from "@tanstack/react-query";
import type { TestEventRequest, TestEventResponse } from "@/contract/api/events";
import type { WorkflowsResponse } from "@/contract/api/workflows";
import { apiRequest } from "@/web/lib/api-client";
import { isApiError } from "@/web/lib/api-error";

/** Saved workflows; null when this Mailroom has no workflows API yet (404), which is not an error here. */
export const workflowsByTriggerQuery = queryOptions({
  queryKey: ["workflows", "list", "for-triggers"],
  queryFn: async ({ signal }): Promise<WorkflowsResponse | null> => {
    try {
      return await apiRequest<WorkflowsResponse>("/api/workflows", { signal });
    } catch (e) {
      if (isApiError(e) && e.status === 404) return null;
      throw e;
    }
  },
  meta: { silent: true },
});

export function sendTestEvent(body: TestEventRequest): Promise<TestEventResponse> {
  return apiRequest<TestEventResponse>("/api/events/test", { method: "POST", body });
}
