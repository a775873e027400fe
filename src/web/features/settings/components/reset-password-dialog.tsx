import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { notify } from "@/web/lib/toast";
import { updateUserRequest, type User } from "@/contract/api/auth";
import { FormField } from "@/web/components/form-field";
import { Button } from "@/web/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/web/components/ui/dialog";
import { Input } from "@/web/components/ui/input";
import { describeError } from "@/web/lib/api-error";
import { fieldErrors } from "@/web/lib/form-errors";
import { updateUser } from "../settings-api";

export function ResetPasswordDialog({ user, onOpenChange }: { user: User | null; onOpenChange: (o: boolean) => void }) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const reset = useMutation({
    mutationFn: ({ id, password }: { id: number; password: string }) => updateUser(id, { password }),
    meta: { silent: true },
    onSuccess: (u) => {
      notify.success(`New password set for ${u.username}`);
      onOpenChange(false);
    },
    onError: (e) => setErrors({ _form: describeError(e) }),
  });
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (!user) return;
    const parsed = updateUserRequest.safeParse({ password: new FormData(e.currentTarget).get("password") });
    if (!parsed.success) return setErrors(fieldErrors(parsed.error));
    setErrors({});
    reset.mutate({ id: user.id, password: parsed.data.password! });
  };
  return (
    <Dialog
      open={user !== null}
      onOpenChange={(o) => {
        setErrors({});
        onOpenChange(o);
      }}
    >
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Reset the password of {user?.username}</DialogTitle>
          <DialogDescription>Their other sessions end; they sign in with the new password.</DialogDescription>
        </DialogHeader>
        <form noValidate onSubmit={submit} className="flex flex-col gap-4">
          <FormField
            id="reset-password"
            label="New password"
            error={errors.password ?? errors._form}
            hint="At least 10 characters"
            required
          >
            <Input
              id="reset-password"
              name="password"
              type="password"
              autoComplete="new-password"
              aria-invalid={!!errors.password}
            />
          </FormField>
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => onOpenChange(false)}>
              Cancel
            </Button>
            <Button type="submit" disabled={reset.isPending}>
              Set password
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
