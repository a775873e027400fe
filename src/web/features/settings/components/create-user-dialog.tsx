import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { notify } from "@/web/lib/toast";
import { createUserRequest, type Role } from "@/contract/api/auth";
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
import { RoleSelect } from "./role-select";
import { createUser } from "../settings-api";

export function CreateUserDialog({
  open,
  onOpenChange,
  onCreated,
}: {
  open: boolean;
  onOpenChange: (o: boolean) => void;
  onCreated: () => void;
}) {
  const [role, setRole] = useState<Role>("viewer");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const create = useMutation({
    mutationFn: createUser,
    meta: { silent: true },
    onSuccess: (u) => {
      notify.success(`Created ${u.username}`);
      onCreated();
      onOpenChange(false);
    },
    onError: (e) => setErrors({ _form: describeError(e) }),
  });
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const parsed = createUserRequest.safeParse({
      username: data.get("username"),
      password: data.get("password"),
      role,
    });
    if (!parsed.success) return setErrors(fieldErrors(parsed.error));
    setErrors({});
    create.mutate(parsed.data);
  };
  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        setErrors({});
        onOpenChange(o);
      }}
    >
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Add a user</DialogTitle>
          <DialogDescription>Share the password with them privately; they sign in with it at once.</DialogDescription>
        </DialogHeader>
        <form noValidate onSubmit={submit} className="flex flex-col gap-4">
          <FormField id="new-username" label="Username" error={errors.username} required>
            <Input id="new-username" name="username" autoComplete="off" aria-invalid={!!errors.username} />
          </FormField>
          <FormField id="new-password" label="Password" error={errors.password} hint="At least 10 characters" required>
            <Input
              id="new-password"
              name="password"
              type="password"
              autoComplete="new-password"
              aria-invalid={!!errors.password}
            />
          </FormField>
          <FormField id="new-role" label="Role" error={errors.role} required>
            <RoleSelect id="new-role" value={role} onChange={setRole} />
          </FormField>
          {errors._form && (
            <p role="alert" className="text-sm text-destructive">
              {errors._form}
            </p>
          )}
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => onOpenChange(false)}>
              Cancel
            </Button>
            <Button type="submit" disabled={create.isPending}>
              Create user
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
