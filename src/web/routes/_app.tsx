import { createFileRoute, redirect } from "@tanstack/react-router";
import { AppLayout } from "@/web/components/layout/app-layout";
import { sessionQuery } from "@/web/lib/session";

export const Route = createFileRoute("/_app")({
  beforeLoad: async ({ context, location }) => {
    const session = await context.queryClient.ensureQueryData(sessionQuery);
    if (!session) throw redirect({ to: "/sign-in", search: { redirect: location.href } });
    return { session };
  },
  component: AppLayout,
});
