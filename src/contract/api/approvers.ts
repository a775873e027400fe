import type { Role } from "./auth";

/** GET /api/approvers: everyone whose role may approve or reject workflow steps (names and roles only). */
export interface ApproversResponse {
  approvers: { username: string; role: Role }[];
}

/**
 * Who could approve a step that needs `required` approvals when `author` saved it: a warning
 * is due when fewer people than required remain once the author is left out.
 */
export function approvalShortfall(
  approvers: readonly { username: string }[],
  author: string | undefined,
  required: number,
  allowSelfApproval: boolean,
): { eligible: string[]; short: boolean } {
  const eligible = approvers.map((a) => a.username).filter((u) => allowSelfApproval || u !== author);
  return { eligible, short: eligible.length < required };
}
