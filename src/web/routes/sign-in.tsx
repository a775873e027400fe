import { createFileRoute, redirect } from "@tanstack/react-router";
import { SignInPage } from "@/web/features/auth/sign-in-page";
import { safeRedirect } from "@/web/lib/redirect";
import { optionalText, searchSchema } from "@/web/lib/search-params";
import { sessionQuery } from "@/web/lib/session";

export const Route = createFileRoute("/sign-in")({
  validateSearch: searchSchema({ redirect: optionalText() }),
  beforeLoad: async ({ context, search }) => {
    const session = await context.queryClient.ensureQueryData(sessionQuery).catch(() => null);
    if (session) throw redirect({ href: safeRedirect(search.redirect) });
  },
  component: SignInPage,
});
