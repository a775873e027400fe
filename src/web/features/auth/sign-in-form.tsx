import { LoaderCircle } from "lucide-react";
import { useState, type FormEvent } from "react";
import type { LoginRequest, loginRequest, SessionResponse } from "@/contract/api/auth";
import { FormField } from "@/web/components/form-field";
import { Button } from "@/web/components/ui/button";
import { Input } from "@/web/components/ui/input";
import { describeError, isApiError } from "@/web/lib/api-error";
import { fieldErrors } from "@/web/lib/form-errors";

type LoginSchema = typeof loginRequest;
let loginSchema: Promise<LoginSchema> | null = null;

/**
 * The server's schema (and with it zod) loads on the first keystroke rather than with the page:
 * it is about 20 KiB gzip that the first page does not need to show the form.
 */
function loadLoginSchema(): Promise<LoginSchema> {
  loginSchema ??= import("@/contract/api/auth").then(
    (m) => m.loginRequest,
    (e: unknown) => {
      loginSchema = null; // let the next submit try again
      throw e;
    },
  );
  return loginSchema;
}

export interface SignInFormProps {
  onSubmit: (input: LoginRequest) => Promise<SessionResponse>;
  onSignedIn: (session: SessionResponse) => void;
}

/** Validates with the server's own schema before sending, and shows the server's answer on failure. */
export function SignInForm({ onSubmit, onSignedIn }: SignInFormProps) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (pending) return;
    const data = new FormData(e.currentTarget);
    setFormError(null);
    setPending(true);
    try {
      let loginRequest: LoginSchema;
      try {
        loginRequest = await loadLoginSchema();
      } catch {
        setFormError("Mailroom could not load the sign-in form. Check the connection and try again.");
        return;
      }
      const parsed = loginRequest.safeParse({ username: data.get("username"), password: data.get("password") });
      if (!parsed.success) {
        setErrors(fieldErrors(parsed.error));
        return;
      }
      setErrors({});
      onSignedIn(await onSubmit(parsed.data));
    } catch (err) {
      setFormError(
        isApiError(err) && err.status === 401 ? err.message || "Wrong username or password." : describeError(err),
      );
    } finally {
      setPending(false);
    }
  };

  return (
    <form
      noValidate
      onSubmit={(e) => void submit(e)}
      onInput={() => void loadLoginSchema().catch(() => {})}
      className="flex flex-col gap-4"
      aria-label="Sign in"
    >
      <FormField id="username" label="Username" error={errors.username}>
        <Input
          id="username"
          name="username"
          autoComplete="username"
          autoFocus
          aria-invalid={!!errors.username}
          aria-describedby={errors.username ? "username-error" : undefined}
        />
      </FormField>
      <FormField id="password" label="Password" error={errors.password}>
        <Input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          aria-invalid={!!errors.password}
          aria-describedby={errors.password ? "password-error" : undefined}
        />
      </FormField>
      {formError && (
        <p
          role="alert"
          data-testid="sign-in-error"
          className="rounded-md border border-destructive/30 bg-destructive/5 px-3 py-2 text-sm text-destructive"
        >
          {formError}
        </p>
      )}
      <Button type="submit" disabled={pending} className="w-full">
        {pending && <LoaderCircle className="animate-spin" aria-hidden />}
        Sign in
      </Button>
    </form>
  );
}
