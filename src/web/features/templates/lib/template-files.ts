import { z } from "zod";
import { readZip, writeZip, ZipError, type ZipEntry } from "./zip";

/**
 * Templates as files that work in version control: one folder per template holding meta.json,
 * content.html and content.txt, all in one ZIP.
 */
export interface TemplateFile {
  Name: string;
  Alias: string | null;
  TemplateType: "Standard" | "Layout";
  Subject: string;
  LayoutTemplate: string | null;
  HtmlBody: string;
  TextBody: string;
}

export const templateMeta = z.strictObject({
  Name: z.string().min(1),
  Alias: z
    .string()
    .regex(/^[a-z][a-z0-9._-]*$/i, "A letter first, then letters, digits, '.', '-' and '_'.")
    .nullable(),
  TemplateType: z.enum(["Standard", "Layout"]),
  Subject: z.string().optional(),
  LayoutTemplate: z.string().nullable().optional(),
});

/** A folder name safe on every file system: the alias, else the name. */
export function folderName(t: Pick<TemplateFile, "Alias" | "Name">, taken: Set<string>): string {
  const raw = (t.Alias ?? t.Name).replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^[-.]+|-+$/g, "") || "template";
  let name = raw;
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${raw}-${i}`;
  taken.add(name.toLowerCase());
  return name;
}

export function templatesToEntries(templates: readonly TemplateFile[], root = "templates"): ZipEntry[] {
  const enc = new TextEncoder();
  const taken = new Set<string>();
  const entries: ZipEntry[] = [];
  for (const t of templates) {
    const dir = `${root}/${folderName(t, taken)}`;
    const meta = {
      Name: t.Name,
      Alias: t.Alias,
      TemplateType: t.TemplateType,
      ...(t.TemplateType === "Standard" ? { Subject: t.Subject, LayoutTemplate: t.LayoutTemplate } : {}),
    };
    entries.push({ path: `${dir}/meta.json`, data: enc.encode(`${JSON.stringify(meta, null, 2)}\n`) });
    entries.push({ path: `${dir}/content.html`, data: enc.encode(t.HtmlBody) });
    entries.push({ path: `${dir}/content.txt`, data: enc.encode(t.TextBody) });
  }
  return entries;
}

export const templatesToZip = (templates: readonly TemplateFile[]) => writeZip(templatesToEntries(templates));

export interface ReadResult {
  templates: TemplateFile[];
  /** Folders that could not be read, with why; the rest still import. */
  problems: Array<{ folder: string; message: string }>;
}

/** Reads folders with a meta.json from ZIP entries; content files may be missing (empty body). */
export function entriesToTemplates(entries: readonly ZipEntry[]): ReadResult {
  const dec = new TextDecoder("utf-8", { fatal: true });
  const folders = new Map<string, Map<string, Uint8Array>>();
  for (const e of entries) {
    const parts = e.path.replace(/\\/g, "/").split("/").filter(Boolean);
    if (parts.some((p) => p === "..")) continue;
    const file = parts.pop();
    if (!file || parts.length === 0) continue;
    const folder = parts.join("/");
    if (!folders.has(folder)) folders.set(folder, new Map());
    folders.get(folder)!.set(file, e.data);
  }
  const templates: TemplateFile[] = [];
  const problems: ReadResult["problems"] = [];
  // Aliases are unique per server regardless of case: the first folder with one wins, later ones are left out.
  const aliasFolders = new Map<string, string>();
  for (const [folder, files] of folders) {
    const metaBytes = files.get("meta.json");
    if (!metaBytes) {
      if (files.has("content.html") || files.has("content.txt"))
        problems.push({ folder, message: "meta.json is missing." });
      continue;
    }
    try {
      const text = (name: string) => (files.has(name) ? dec.decode(files.get(name)) : "");
      let json: unknown;
      try {
        json = JSON.parse(text("meta.json"));
      } catch (e) {
        throw new Error(`meta.json is not valid JSON: ${(e as Error).message}`);
      }
      const meta = templateMeta.safeParse(json);
      if (!meta.success)
        throw new Error(
          `meta.json: ${meta.error.issues.map((i) => `${i.path.join(".") || "(root)"} ${i.message}`).join("; ")}`,
        );
      const html = text("content.html");
      const txt = text("content.txt");
      if (!html.trim() && !txt.trim()) throw new Error("content.html and content.txt are both empty.");
      const alias = meta.data.Alias?.toLowerCase();
      const first = alias === undefined ? undefined : aliasFolders.get(alias);
      if (first !== undefined)
        throw new Error(`The alias ${meta.data.Alias} is already used by ${first}; this folder is left out.`);
      if (alias !== undefined) aliasFolders.set(alias, folder);
      templates.push({
        Name: meta.data.Name,
        Alias: meta.data.Alias,
        TemplateType: meta.data.TemplateType,
        Subject: meta.data.Subject ?? "",
        LayoutTemplate: meta.data.TemplateType === "Layout" ? null : (meta.data.LayoutTemplate ?? null),
        HtmlBody: html,
        TextBody: txt,
      });
    } catch (e) {
      problems.push({ folder, message: e instanceof TypeError ? "A file is not UTF-8 text." : (e as Error).message });
    }
  }
  return { templates, problems };
}

export async function zipToTemplates(bytes: Uint8Array): Promise<ReadResult> {
  try {
    return entriesToTemplates(await readZip(bytes));
  } catch (e) {
    if (e instanceof ZipError) return { templates: [], problems: [{ folder: "(archive)", message: e.message }] };
    throw e;
  }
}
