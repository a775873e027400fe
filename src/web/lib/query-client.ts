import { MutationCache, QueryCache, QueryClient, type Query } from "@tanstack/react-query";
import { notify } from "@/web/lib/toast";
import { describeError, isApiError } from "./api-error";

declare module "@tanstack/react-query" {
  interface Register {
    /** `silent`: the page shows this error itself, so no toast. */
    queryMeta: { silent?: boolean };
    mutationMeta: { silent?: boolean };
  }
}

export interface QueryPolicyHooks {
  /** Called when any call answers 401: the session is gone. */
  onUnauthenticated: () => void;
}

/** Never retry an answer that will not change (4xx); retry other failures twice. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (isApiError(error) && (error.isClientError || error.kind === "network")) return false;
  return failureCount < 2;
}

/** The one query policy: retries, what a 401 does, and how an error becomes a toast (once). */
export function createQueryClient(hooks: QueryPolicyHooks): QueryClient {
  const handle = (error: unknown, silent: boolean | undefined, toastId: string) => {
    if (isApiError(error) && error.status === 401) {
      hooks.onUnauthenticated();
      return;
    }
    if (silent) return;
    // A stable id makes sonner replace rather than stack the same failure.
    notify.error(describeError(error), { id: toastId });
  };
  return new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query: Query<unknown, unknown, unknown>) => handle(error, query.meta?.silent, query.queryHash),
    }),
    mutationCache: new MutationCache({
      onError: (error, _vars, _ctx, mutation) =>
        handle(error, mutation.meta?.silent, `mutation-${mutation.mutationId}`),
    }),
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 15_000, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
}
