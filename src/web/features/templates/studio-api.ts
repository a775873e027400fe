import { queryOptions } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  ConflictDetails,
  createRequest,
  observeRequest,
  saveRequest,
  StudioState,
  VersionFull,
  VersionsResponse,
} from "@/contract/api/template-studio";
import { apiRequest } from "@/web/lib/api-client";
import { isApiError } from "@/web/lib/api-error";

/** Mailroom's studio routes: opening files a version, saving goes through the conflict check. */
export const studioKeys = {
  all: ["template-studio"] as const,
  open: (serverId: number | null, idOrAlias: string) => ["template-studio", "open", serverId, idOrAlias] as const,
  versions: (serverId: number, templateId: number) => ["template-studio", "versions", serverId, templateId] as const,
  version: (id: number) => ["template-studio", "version", id] as const,
};

export const observeTemplate = (body: z.input<typeof observeRequest>) =>
  apiRequest<StudioState>("/api/template-studio/observe", { method: "POST", body });
export const saveTemplate = (body: z.input<typeof saveRequest>) =>
  apiRequest<StudioState>("/api/template-studio/save", { method: "POST", body });
export const createTemplate = (body: z.input<typeof createRequest>) =>
  apiRequest<StudioState>("/api/template-studio/create", { method: "POST", body });

/** Opening, and a periodic look every minute while the editor stays open: changes made elsewhere are filed. */
export function openTemplateQuery(serverId: number | null, idOrAlias: string) {
  return queryOptions({
    queryKey: studioKeys.open(serverId, idOrAlias),
    queryFn: () => observeTemplate({ serverId, templateIdOrAlias: idOrAlias, source: "seen" }),
    refetchInterval: 60_000,
    refetchOnWindowFocus: true,
    meta: { silent: true },
  });
}

export function versionsQuery(serverId: number, templateId: number) {
  return queryOptions({
    queryKey: studioKeys.versions(serverId, templateId),
    queryFn: () =>
      apiRequest<VersionsResponse>(`/api/template-studio/versions?serverId=${serverId}&templateId=${templateId}`),
    meta: { silent: true },
  });
}

export function versionQuery(id: number) {
  return queryOptions({
    queryKey: studioKeys.version(id),
    queryFn: () => apiRequest<VersionFull>(`/api/template-studio/versions/${id}`),
    staleTime: Infinity,
    meta: { silent: true },
  });
}

/** The other side of a refused save, when the refusal was a conflict. */
export function conflictOf(e: unknown): ConflictDetails | null {
  if (!isApiError(e) || e.status !== 409 || e.code !== "conflict") return null;
  const body = e.body as { error?: { details?: ConflictDetails } } | null;
  return body?.error?.details?.theirs ? body.error.details : null;
}
