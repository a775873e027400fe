import { z } from "zod";

/** Mailroom's templates studio API (/api/template-studio): history, conflict-checked saves. */

const serverId = z.number().int().positive().nullable();
const alias = z
  .string()
  .regex(/^[a-z][a-z0-9._-]*$/i, "A letter first, then letters, digits, '.', '-' and '_'.")
  .max(255);

/** What a save changes: the editable fields of a template (the type never changes). */
export const templateContent = z.strictObject({
  Name: z.string().trim().min(1, "A name is required.").max(255),
  Alias: alias.nullable(),
  Subject: z.string().max(2000),
  HtmlBody: z.string(),
  TextBody: z.string(),
  LayoutTemplate: z.string().nullable(),
});
export type TemplateContent = z.infer<typeof templateContent>;

export const versionSources = ["seen", "saved", "created", "restored", "merged", "pushed", "imported"] as const;
export const versionSource = z.enum(versionSources);
export type VersionSource = z.infer<typeof versionSource>;

export const observeRequest = z.strictObject({
  serverId,
  templateIdOrAlias: z.string().trim().min(1).max(255),
  /** Why Mailroom looks: opening the editor, a periodic check, or after a push or import. */
  source: z.enum(["seen", "pushed", "imported"]).default("seen"),
});

export const saveRequest = z.strictObject({
  serverId,
  templateId: z.number().int().positive(),
  /** The content hash of the version the edit started from; a different current version is a conflict. */
  baseHash: z.string().regex(/^[0-9a-f]{64}$/),
  content: templateContent,
  source: z.enum(["saved", "restored", "merged", "pushed", "imported"]).default("saved"),
});

export const createRequest = z.strictObject({
  serverId,
  content: templateContent,
  TemplateType: z.enum(["Standard", "Layout"]),
  source: z.enum(["created", "imported", "pushed"]).default("created"),
});

export const versionsQuery = z.strictObject({
  serverId: z.coerce.number().int().positive(),
  templateId: z.coerce.number().int().positive(),
});

export const studioTemplate = z.object({
  TemplateId: z.number(),
  AssociatedServerId: z.number(),
  TemplateType: z.enum(["Standard", "Layout"]),
  Name: z.string(),
  Alias: z.string().nullable(),
  Subject: z.string(),
  HtmlBody: z.string(),
  TextBody: z.string(),
  LayoutTemplate: z.string().nullable(),
});
export type StudioTemplate = z.infer<typeof studioTemplate>;

export interface VersionSummary {
  id: number;
  serverId: number;
  templateId: number;
  hash: string;
  source: VersionSource;
  actor: string;
  at: string;
  name: string;
  alias: string | null;
}
export interface VersionFull extends VersionSummary {
  template: StudioTemplate;
}

/** The template as Postmark has it now, with the version Mailroom filed it under. */
export interface StudioState {
  template: StudioTemplate;
  hash: string;
  versionId: number;
  /** True when this look found content Mailroom had not seen before (changed elsewhere). */
  changed: boolean;
}

export interface VersionsResponse {
  versions: VersionSummary[];
}

/** 409 details of a save whose base is no longer current. */
export interface ConflictDetails {
  theirs: StudioState;
}
