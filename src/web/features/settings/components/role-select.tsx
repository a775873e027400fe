import { roles, type Role } from "@/contract/api/auth";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/web/components/ui/select";

/** The picker of a user's role, in the users table and the create-user dialog. */
export function RoleSelect({
  value,
  onChange,
  disabled,
  id,
  label,
  className,
}: {
  value: Role;
  onChange: (role: Role) => void;
  disabled?: boolean;
  /** For a form field's <label>; otherwise name it with `label`. */
  id?: string;
  label?: string;
  /** Classes of the trigger, mostly its size. */
  className?: string;
}) {
  return (
    <Select
      value={value}
      disabled={disabled}
      onValueChange={(v) => {
        // The items are the roles, so this always finds one; the lookup keeps the type without a cast.
        const role = roles.find((r) => r === v);
        if (role) onChange(role);
      }}
    >
      <SelectTrigger id={id} className={className} aria-label={label}>
        <SelectValue />
      </SelectTrigger>
      <SelectContent>
        {roles.map((r) => (
          <SelectItem key={r} value={r} className="capitalize">
            {r}
          </SelectItem>
        ))}
      </SelectContent>
    </Select>
  );
}
