import { inboundRulesCreate, inboundRulesDelete, inboundRulesList } from "@/contract/postmark/inbound-rules";
import { postmarkQueryOptions, type AnswerOf } from "@/web/lib/postmark-queries";
import type { PageWindow } from "@/web/lib/paging";

export type InboundRulesList = AnswerOf<typeof inboundRulesList>;
export { inboundRulesCreate, inboundRulesDelete };

export const RULES_PAGE_SIZE = 50;

export function inboundRulesQuery(serverId: number | null, window: PageWindow) {
  return {
    ...postmarkQueryOptions(inboundRulesList, { query: { ...window } }, serverId),
    meta: { silent: true },
  };
}
