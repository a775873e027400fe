import { createFileRoute, redirect } from "@tanstack/react-router";
import { ApprovalsLinkPage } from "@/web/features/approvals/components/approvals-link-page";
import { sessionQuery } from "@/web/lib/session";

// Outside the app shell (one screen on a phone), but signed in: sign-in returns here.
export const Route = createFileRoute("/approve/$token")({
  beforeLoad: async ({ context, location }) => {
    const session = await context.queryClient.ensureQueryData(sessionQuery);
    if (!session) throw redirect({ to: "/sign-in", search: { redirect: location.href } });
  },
  component: ApprovalsLinkPage,
});
