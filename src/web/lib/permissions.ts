import { roleAllows, type Role } from "@/contract/api/auth";
import type { Risk } from "@/contract/postmark/operation";

const riskWord: Record<Risk, string> = { read: "read", write: "change", destructive: "destructive" };

/** Mirrors the server's role check so the UI can disable what would be refused, and say why. */
export function permission(role: Role | undefined, risk: Risk): { allowed: boolean; reason?: string } {
  if (!role) return { allowed: false, reason: "Sign in to run operations." };
  if (roleAllows[role].includes(risk)) return { allowed: true };
  const needed = (Object.keys(roleAllows) as Role[]).find((r) => roleAllows[r].includes(risk));
  return {
    allowed: false,
    reason: `Your role (${role}) may not run ${riskWord[risk]} operations${needed ? `; it needs ${needed}` : ""}.`,
  };
}
