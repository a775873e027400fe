import { migration001 } from "./001-initial";
import { migration002 } from "./002-events";
import { migration003 } from "./003-workflows";
import { migration004 } from "./004-approvals-audit";
import { migration005 } from "./005-workflow-authority";
import { migration007 } from "./007-jobs";
import { migration008 } from "./008-template-versions";
import { migration009 } from "./009-alerts";
import { migration010 } from "./010-data-removals";
import { migration011 } from "./011-cluster";
import { migration012 } from "./012-event-cursor";
import { migration013 } from "./013-alert-workflows";
import { migration014 } from "./014-event-insert-triggers";
import type { Migration } from "./types";

/** Every schema version in order; add a file per version and list it here. */
export const migrations: readonly Migration[] = [
  migration001,
  migration002,
  migration003,
  migration004,
  migration005,
  migration007,
  migration008,
  migration009,
  migration010,
  migration011,
  migration012,
  migration013,
  migration014,
];
