import { useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import { healthQuery } from "@/web/lib/app-queries";
import { safeRedirect } from "@/web/lib/redirect";
import { login, sessionKey } from "@/web/lib/session";
import { SignInScreen } from "./sign-in-screen";

const route = getRouteApi("/sign-in");

/** The `/sign-in` route inside the app (after a 401 or signing out). */
export function SignInPage() {
  const search = route.useSearch();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { data: health } = useQuery(healthQuery);
  return (
    <SignInScreen
      health={health}
      onSubmit={login}
      onSignedIn={(session) => {
        queryClient.setQueryData(sessionKey, session);
        void navigate({ href: safeRedirect(search.redirect) });
      }}
    />
  );
}
