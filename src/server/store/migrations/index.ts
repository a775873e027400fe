import { migration001 } from "./001-initial";
import { migration002 } from "./002-events";
import { migration003 } from "./003-workflows";
import { migration004 } from "./004-approvals-audit";
import { migration010 } from "./010-data-removals";
import type { Migration } from "./types";

/** Every schema version in order; add a file per version and list it here. */
export const migrations: readonly Migration[] = [migration001, migration002, migration003, migration004, migration010];
