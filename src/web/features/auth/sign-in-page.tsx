import { useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import { Badge } from "@/web/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/web/components/ui/card";
import { healthQuery } from "@/web/lib/app-queries";
import { safeRedirect } from "@/web/lib/redirect";
import { login, sessionKey } from "@/web/lib/session";
import { SignInForm } from "./sign-in-form";

const route = getRouteApi("/sign-in");

export function SignInPage() {
  const search = route.useSearch();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { data: health } = useQuery(healthQuery);
  return (
    <div className="flex min-h-dvh items-center justify-center bg-muted/40 px-4 py-10">
      <div className="flex w-full max-w-sm flex-col gap-6">
        <div className="flex items-center justify-center gap-2 text-xl font-semibold tracking-tight">
          <img src="/favicon.svg" alt="" className="size-8" />
          Mailroom
        </div>
        <Card>
          <CardHeader>
            <CardTitle className="text-lg">Sign in</CardTitle>
            <CardDescription>The control room for your Postmark email.</CardDescription>
          </CardHeader>
          <CardContent>
            <SignInForm
              onSubmit={login}
              onSignedIn={(session) => {
                queryClient.setQueryData(sessionKey, session);
                void navigate({ href: safeRedirect(search.redirect) });
              }}
            />
          </CardContent>
        </Card>
        {health && (
          <p className="flex flex-wrap items-center justify-center gap-x-2 gap-y-1 text-center text-xs text-muted-foreground">
            <Badge variant={health.mode === "sandbox" ? "warning" : "success"}>
              {health.mode === "sandbox" ? "Sandbox" : "Live"}
            </Badge>
            {health.mode === "sandbox"
              ? "Running against the local sandbox: nothing is really sent."
              : "Connected to Postmark."}
          </p>
        )}
      </div>
    </div>
  );
}
