import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { KeyRound, Trash2, UserPlus } from "lucide-react";
import { useState } from "react";
import type { Role, User } from "@/contract/api/auth";
import { ConfirmDialog } from "@/web/components/confirm-dialog";
import { DataTable, type DataTableColumn } from "@/web/components/data-table";
import { queryState } from "@/web/components/list-states";
import { Button } from "@/web/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/web/components/ui/card";
import { formatDateTime } from "@/web/lib/format";
import { deleteUser, updateUser, usersQuery } from "../settings-api";
import { CreateUserDialog } from "./create-user-dialog";
import { RoleSelect } from "./role-select";
import { ResetPasswordDialog } from "./reset-password-dialog";
import { notify } from "@/web/lib/toast";

export function UsersPanel({ currentUserId }: { currentUserId: number }) {
  const queryClient = useQueryClient();
  const users = useQuery({ ...usersQuery, meta: { silent: true } });
  const [creating, setCreating] = useState(false);
  const [resetting, setResetting] = useState<User | null>(null);
  const [removing, setRemoving] = useState<User | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: usersQuery.queryKey });

  const changeRole = useMutation({
    mutationFn: ({ id, role }: { id: number; role: Role }) => updateUser(id, { role }),
    onSuccess: (u) => {
      notify.success(`${u.username} is now ${u.role}`);
      return refresh();
    },
  });
  const remove = useMutation({
    mutationFn: (u: User) => deleteUser(u.id),
    onSuccess: (_r, u) => {
      notify.success(`Removed ${u.username}`);
      return refresh();
    },
  });

  const columns: DataTableColumn<User>[] = [
    {
      id: "user",
      header: "User",
      className: "font-medium",
      cell: (u) => (
        <>
          {u.username}
          {u.id === currentUserId && <span className="ml-2 text-xs text-muted-foreground">(you)</span>}
        </>
      ),
    },
    {
      id: "role",
      header: "Role",
      cell: (u) => (
        <RoleSelect
          value={u.role}
          disabled={u.id === currentUserId}
          onChange={(role) => changeRole.mutate({ id: u.id, role })}
          label={`Role of ${u.username}`}
          className="h-8 w-32"
        />
      ),
    },
    {
      id: "last-sign-in",
      header: "Last sign-in",
      hideBelow: "sm",
      className: "text-muted-foreground",
      cell: (u) => formatDateTime(u.lastLoginAt),
    },
    {
      id: "actions",
      header: <span className="sr-only">Actions</span>,
      align: "end",
      cell: (u) => (
        <div className="flex justify-end gap-1">
          <Button
            variant="ghost"
            size="icon"
            aria-label={`Reset password of ${u.username}`}
            onClick={() => setResetting(u)}
          >
            <KeyRound />
          </Button>
          <Button
            variant="ghost"
            size="icon"
            aria-label={`Remove ${u.username}`}
            disabled={u.id === currentUserId}
            onClick={() => setRemoving(u)}
          >
            <Trash2 />
          </Button>
        </div>
      ),
    },
  ];

  return (
    <Card>
      <CardHeader className="flex flex-row flex-wrap items-start justify-between gap-3">
        <div className="flex min-w-0 flex-1 basis-64 flex-col gap-1.5">
          <CardTitle className="text-base">Users</CardTitle>
          <CardDescription>
            Viewers may read; operators may also change things; admins may do everything, including destructive calls.
          </CardDescription>
        </div>
        <Button size="sm" onClick={() => setCreating(true)}>
          <UserPlus aria-hidden />
          Add user
        </Button>
      </CardHeader>
      <CardContent>
        <DataTable
          columns={columns}
          rows={users.data?.users}
          rowKey={(u) => u.id}
          {...queryState(users)}
          loadingLabel="Loading users"
          skeletonRows={2}
          errorTitle="Could not load users"
        />
      </CardContent>
      <CreateUserDialog open={creating} onOpenChange={setCreating} onCreated={() => void refresh()} />
      <ResetPasswordDialog user={resetting} onOpenChange={(o) => !o && setResetting(null)} />
      <ConfirmDialog
        open={removing !== null}
        onOpenChange={(o) => !o && setRemoving(null)}
        title={`Remove user ${removing?.username ?? ""}?`}
        description="They are signed out at once and can no longer sign in."
        confirmLabel="Remove"
        onConfirm={() => removing && remove.mutate(removing)}
      />
    </Card>
  );
}
