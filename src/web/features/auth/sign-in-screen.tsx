import type { HealthResponse } from "@/contract/api/settings";
import { Badge } from "@/web/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/web/components/ui/card";
import { SignInForm, type SignInFormProps } from "./sign-in-form";

export interface SignInScreenProps extends SignInFormProps {
  /** The server's mode, shown under the form once known. */
  health: HealthResponse | undefined;
}

/**
 * The whole sign-in page without the router or TanStack Query: the boot entry shows it to a
 * visitor without a session, and the `/sign-in` route shows it inside the app.
 */
export function SignInScreen({ health, onSubmit, onSignedIn }: SignInScreenProps) {
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
            <SignInForm onSubmit={onSubmit} onSignedIn={onSignedIn} />
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
