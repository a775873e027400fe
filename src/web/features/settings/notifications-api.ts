import { queryOptions } from "@tanstack/react-query";
import type { NotificationPreferences, NotificationPreferencesResponse } from "@/contract/api/notifications";
import { apiRequest } from "@/web/lib/api-client";
import { currentSubscription } from "@/web/lib/push";

export const notificationPreferencesQuery = queryOptions({
  queryKey: ["notifications", "preferences"],
  queryFn: ({ signal }) => apiRequest<NotificationPreferencesResponse>("/api/notifications/preferences", { signal }),
  meta: { silent: true },
});

/** Whether this browser is subscribed now (it can change outside Mailroom, so it is read, not remembered). */
export const deviceSubscriptionQuery = queryOptions({
  queryKey: ["notifications", "device"],
  queryFn: async () => (await currentSubscription())?.endpoint ?? null,
  staleTime: 0,
  meta: { silent: true },
});

export function savePreferences(p: NotificationPreferences): Promise<NotificationPreferencesResponse> {
  return apiRequest<NotificationPreferencesResponse>("/api/notifications/preferences", { method: "PUT", body: p });
}
