import { migration001 } from "./001-initial";
import type { Migration } from "./types";

/** Every schema version in order; add a file per version and list it here. */
export const migrations: readonly Migration[] = [migration001];
