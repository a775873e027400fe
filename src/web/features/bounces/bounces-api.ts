import {
  bouncesActivate,
  bouncesDeliveryStats,
  bouncesDump,
  bouncesGet,
  bouncesSearch,
} from "@/contract/postmark/bounces";
import { postmarkQueryOptions, type AnswerOf } from "@/web/lib/postmark-queries";
import type { BouncesSearch } from "./bounces-search";
import { bouncesSearchInput } from "./bounces-shape";

export type Bounce = AnswerOf<typeof bouncesGet>;
export type BounceListItem = AnswerOf<typeof bouncesSearch>["Bounces"][number];

// The page shows these errors itself (ErrorCode and Message), so no toast.
const silent = { meta: { silent: true } } as const;

export const bouncesListQuery = (s: BouncesSearch, serverId: number | null) => ({
  ...postmarkQueryOptions(bouncesSearch, bouncesSearchInput(s), serverId),
  ...silent,
});
export const deliveryStatsQuery = (serverId: number | null) => ({
  ...postmarkQueryOptions(bouncesDeliveryStats, {}, serverId),
  ...silent,
});
export const bounceQuery = (id: number, serverId: number | null) => ({
  ...postmarkQueryOptions(bouncesGet, { params: { bounceid: id } }, serverId),
  ...silent,
});
export const bounceDumpQuery = (id: number, serverId: number | null) => ({
  ...postmarkQueryOptions(bouncesDump, { params: { bounceid: id } }, serverId),
  ...silent,
});
export { bouncesActivate };
