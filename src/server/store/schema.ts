import type { Generated } from "kysely";

/** Times are ISO-8601 UTC strings (`toISOString()`), which sort and compare the same in both dialects. */
export interface UsersTable {
  id: Generated<number>;
  username: string;
  role: string;
  password_hash: string;
  created_at: string;
  updated_at: string;
  last_login_at: string | null;
}

export interface SessionsTable {
  /** SHA-256 of the cookie value; the value itself is never stored. */
  id_hash: string;
  user_id: number;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  user_agent: string | null;
}

export interface SettingsTable {
  key: string;
  /** Encrypted (see crypto/secret-box.ts) when the setting is a secret. */
  value: string;
  updated_at: string;
  updated_by: number | null;
}

/** Who did what, when: an append-only hash chain (see audit/chain.ts); never updated or deleted. */
export interface AuditLogTable {
  /** 1, 2, 3… without gaps; assigned under a lock so the chain never forks. BIGINT on PostgreSQL (read back as a string). */
  seq: number;
  at: string;
  actor_id: number | null;
  /** A username, or "system" / "workflow-engine" / "webhook-intake". */
  actor_name: string;
  action: string;
  target: string | null;
  /** success | failure | denied */
  outcome: string;
  /** HTTP status, Postmark ErrorCode or Mailroom error code. */
  outcome_detail: string | null;
  request_id: string | null;
  /** Canonical JSON (sorted keys); never a secret. */
  details: string;
  prev_hash: string;
  hash: string;
}

export interface PushSubscriptionsTable {
  id: Generated<number>;
  user_id: number;
  /** A capability URL: treat as secret-ish, never log it in full. */
  endpoint: string;
  p256dh: string;
  auth: string;
  user_agent: string | null;
  created_at: string;
  last_sent_at: string | null;
}

export interface NotificationPreferencesTable {
  user_id: number;
  approvals: number;
  run_failures: number;
  intake_alerts: number;
  updated_at: string;
  /** Health alerts; null until chosen (the role's default). */
  alerts: number | null;
}

/** Signed approval links: only a hash of the token is kept. */
export interface ApprovalLinksTable {
  id: Generated<number>;
  token_hash: string;
  approval_id: number;
  /** SHA-256 of the item's request when the link was made; an edit invalidates the link. */
  request_hash: string;
  /** The user the link was made for (notifications), or null for any approver. */
  user_id: number | null;
  created_by: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
  used_by: string | null;
}

/** One webhook event, durable before Postmark got its 200. Booleans are 0/1 in both dialects. */
export interface EventsTable {
  /** BIGSERIAL on PostgreSQL (read back as a string; repos convert). */
  id: Generated<number>;
  trigger: string | null;
  server_id: number | null;
  message_stream: string | null;
  recipient: string | null;
  sender: string | null;
  tag: string | null;
  message_id: string | null;
  subject: string | null;
  detail: string | null;
  received_at: string;
  dedupe_key: string;
  payload: string;
  payload_size: number;
  unrecognised: number;
  test: number;
  problem: string | null;
}

/** A webhook request refused for bad or missing credentials. */
export interface WebhookRefusalsTable {
  id: Generated<number>;
  at: string;
  address: string;
  reason: string;
}

export interface MigrationsTable {
  version: number;
  name: string;
  applied_at: string;
}

/** A workflow; its documents live in workflow_versions. Soft-deleted so that runs keep their history. */
export interface WorkflowsTable {
  id: Generated<number>;
  name: string;
  description: string;
  trigger: string;
  enabled: number;
  current_version: number;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  /** Why the workflow was disabled when its author lost the authority its steps need; null otherwise. */
  disabled_reason: string | null;
}

/** Every saved version of a workflow document (JSON text); runs pin one. */
export interface WorkflowVersionsTable {
  id: Generated<number>;
  workflow_id: number;
  version: number;
  document: string;
  saved_by: number | null;
  saved_by_name: string | null;
  saved_at: string;
  /** The author's role when saving; the engine acts with the lower of it and the author's current role. */
  saved_by_role: string | null;
}

export interface WorkflowRunsTable {
  id: Generated<number>;
  workflow_id: number;
  version_id: number;
  version: number;
  event_id: number | null;
  trigger: string;
  server_id: number | null;
  /** The event payload as the run saw it (JSON), so runs outlive event pruning. */
  payload: string;
  /** `event:<id>:<workflow id>` for event runs, unique; null for tests and re-runs. */
  origin_key: string | null;
  status: string;
  test: number;
  rerun_of: number | null;
  /** Index of the next step to execute. */
  next_step: number;
  created_by: string | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  /** Engine instance working on the run, and when it last touched it (a lease). */
  claimed_by: string | null;
  claimed_at: string | null;
  error: string | null;
}

export interface WorkflowRunStepsTable {
  id: Generated<number>;
  run_id: number;
  step_index: number;
  step_id: string;
  kind: string;
  status: string;
  request: string | null;
  response: string | null;
  response_status: number | null;
  attempts: string;
  error: string | null;
  item_errors: string | null;
  started_at: string | null;
  finished_at: string | null;
  approval_id: number | null;
}

export interface ApprovalsTable {
  id: Generated<number>;
  run_id: number;
  step_row_id: number;
  step_index: number;
  workflow_id: number;
  status: string;
  uncertain: number;
  required_approvers: number;
  allow_self_approval: number;
  /** Who saved the workflow version (the "self" of self-approval). */
  author_id: number | null;
  author_name: string | null;
  request: string;
  event_summary: string;
  created_at: string;
  expires_at: string;
  decided_at: string | null;
  decided_by: string | null;
  reason: string | null;
  edited: string | null;
  outcome: string | null;
  /** The request as the workflow produced it, kept when an approver edits `request`. */
  original_request: string | null;
}

export interface ApprovalVotesTable {
  approval_id: number;
  user_id: number;
  username: string;
  at: string;
}

/** A long piece of work (bulk action, export) worked by the server under a lease; see jobs/. */
export interface JobsTable {
  id: Generated<number>;
  kind: string;
  /** JSON of the kind's params (validated when the job was created). */
  params: string;
  title: string;
  /** BIGINT (read back as a string on PostgreSQL; the repo converts). */
  server_id: number | null;
  /** queued | running | cancelling | cancelled | succeeded | failed */
  status: string;
  total: number | null;
  processed: number;
  succeeded: number;
  failed: number;
  skipped: number;
  /** JSON summary when finished (rows written, file name…). */
  result: string | null;
  error: string | null;
  created_by: number | null;
  created_by_name: string;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  updated_at: string;
  cancel_requested_by: string | null;
  /** The worker holding the job, and until when; a lapsed lease lets another worker take over. */
  lease_owner: string | null;
  lease_expires_at: string | null;
  attempts: number;
}

/** One unit of a job (an address, a bounce) and its outcome; finished items are never redone. */
export interface JobItemsTable {
  id: Generated<number>;
  job_id: number;
  seq: number;
  item_key: string;
  /** pending | succeeded | failed | skipped */
  status: string;
  /** A short machine word for the outcome (reactivatable, spam-complaint, active, unknown…). */
  verdict: string | null;
  /** JSON with the item's data and result. */
  detail: string | null;
  updated_at: string;
}

/** A template version Mailroom saved or saw (see templates/history-repo.ts). */
export interface TemplateVersionsTable {
  id: Generated<number>;
  server_id: number;
  template_id: number;
  template_type: string;
  name: string;
  alias: string | null;
  subject: string;
  html_body: string;
  text_body: string;
  layout_template: string | null;
  content_hash: string;
  /** seen | saved | created | restored | merged | pushed | imported */
  source: string;
  actor_id: number | null;
  actor_name: string;
  at: string;
}

/** An alert rule; `document` is the AlertRuleInput JSON. Soft-deleted so alerts keep their rule. */
export interface AlertRulesTable {
  id: Generated<number>;
  name: string;
  kind: string;
  enabled: number;
  server_id: number;
  document: string;
  created_at: string;
  updated_at: string;
  created_by: string | null;
  deleted_at: string | null;
}

/** One breach of a rule: firing until the first check without a breach, then resolved. */
export interface AlertsTable {
  id: Generated<number>;
  rule_id: number;
  rule_name: string;
  kind: string;
  server_id: number;
  stream: string | null;
  tag: string | null;
  status: string;
  started_at: string;
  ended_at: string | null;
  value: number | null;
  summary: string;
  last_checked_at: string;
  notifications: number;
  last_notified_at: string | null;
  /** When its workflow runs were started (the `alert` trigger); null until then. */
  workflows_started_at: string | null;
}

export interface DataRemovalsTable {
  id: Generated<number>;
  postmark_id: number;
  requested_for: string;
  requested_by: string;
  created_by_id: number | null;
  created_by_name: string;
  created_at: string;
  status: string;
  status_checked_at: string | null;
  completed_at: string | null;
  last_error: string | null;
}

export interface Database extends ClusterTables {
  users: UsersTable;
  sessions: SessionsTable;
  settings: SettingsTable;
  audit_log: AuditLogTable;
  events: EventsTable;
  webhook_refusals: WebhookRefusalsTable;
  mailroom_migrations: MigrationsTable;
  workflows: WorkflowsTable;
  workflow_versions: WorkflowVersionsTable;
  workflow_runs: WorkflowRunsTable;
  workflow_run_steps: WorkflowRunStepsTable;
  approvals: ApprovalsTable;
  approval_votes: ApprovalVotesTable;
  push_subscriptions: PushSubscriptionsTable;
  notification_preferences: NotificationPreferencesTable;
  approval_links: ApprovalLinksTable;
  jobs: JobsTable;
  job_items: JobItemsTable;
  template_versions: TemplateVersionsTable;
  alert_rules: AlertRulesTable;
  alerts: AlertsTable;
  data_removals: DataRemovalsTable;
}

/** A counter per key (login throttle, link rate limit, notify-once claims); times in epoch ms. */
export interface RateCountersTable {
  key: string;
  count: number;
  window_start: number;
  last_at: number;
  locked_until: number;
}

/** A periodic task's last run and its lease (the instance running it, until when); epoch ms. */
export interface PeriodicTasksTable {
  name: string;
  last_started_at: number | null;
  last_finished_at: number | null;
  running_until: number | null;
  owner: string | null;
  last_error: string | null;
}

/** Tables added by migration 011 (several instances on one database). */
export interface ClusterTables {
  rate_counters: RateCountersTable;
  periodic_tasks: PeriodicTasksTable;
}
