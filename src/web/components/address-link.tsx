import { Link } from "@tanstack/react-router";
import { cn } from "@/web/lib/utils";

/** An email address that opens its lookup page ("why is this address not getting mail?"). */
export function AddressLink({ email, className }: { email: string; className?: string }) {
  return (
    <Link
      to="/address/$email"
      params={{ email: email.trim().toLowerCase() }}
      className={cn("break-all text-primary hover:underline", className)}
      data-testid="address-link"
    >
      {email}
    </Link>
  );
}
