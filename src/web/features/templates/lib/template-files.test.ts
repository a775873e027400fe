import { describe, expect, it } from "vitest";
import {
  entriesToTemplates,
  templatesToEntries,
  templatesToZip,
  zipToTemplates,
  type TemplateFile,
} from "./template-files";
import { planRows } from "./plan";
import { crc32, readZip, writeZip } from "./zip";

const welcome: TemplateFile = {
  Name: "Welcome ✉",
  Alias: "welcome",
  TemplateType: "Standard",
  Subject: "Hi {{name}}",
  LayoutTemplate: "basic-layout",
  HtmlBody: "<h1>Hello {{name}}</h1>\n<p>Ça va?</p>\n",
  TextBody: "Hello {{name}}\n",
};
const layout: TemplateFile = {
  Name: "Basic layout",
  Alias: "basic-layout",
  TemplateType: "Layout",
  Subject: "",
  LayoutTemplate: null,
  HtmlBody: "<html><body>{{{@content}}}</body></html>",
  TextBody: "{{{@content}}}",
};

describe("zip", () => {
  it("computes the standard CRC-32", () => {
    expect(crc32(new TextEncoder().encode("123456789"))).toBe(0xcbf43926);
  });

  it("reads back what it wrote, byte for byte, and the same input gives the same archive", async () => {
    const entries = [
      { path: "a/b.txt", data: new TextEncoder().encode("hello") },
      { path: "é/empty", data: new Uint8Array() },
    ];
    const bytes = writeZip(entries);
    const plain = (es: Array<{ path: string; data: Uint8Array }>) =>
      es.map((e) => ({ path: e.path, data: [...e.data] }));
    expect(plain(await readZip(bytes))).toEqual(plain(entries));
    expect([...writeZip(entries)]).toEqual([...bytes]);
  });

  it("refuses damaged archives with a reason", async () => {
    const bytes = writeZip([{ path: "a.txt", data: new TextEncoder().encode("hello") }]);
    await expect(readZip(new Uint8Array([1, 2, 3]))).rejects.toThrow(/not a ZIP/);
    const flipped = bytes.slice();
    flipped[30 + "a.txt".length] = (flipped[30 + "a.txt".length] ?? 0) ^ 0xff;
    await expect(readZip(flipped)).rejects.toThrow(/checksum/);
    // The central directory entry's method field: 12 is bzip2.
    const bzip2 = bytes.slice();
    new DataView(bzip2.buffer).setUint16(bytes.length - 22 - 51 + 10, 12, true);
    await expect(readZip(bzip2)).rejects.toThrow(/a.txt uses a compression Mailroom cannot read \(method 12\)/);
  });
});

describe("template files", () => {
  it("lays out one folder per template with meta.json, content.html and content.txt", () => {
    const paths = templatesToEntries([welcome, layout]).map((e) => e.path);
    expect(paths).toEqual([
      "templates/welcome/meta.json",
      "templates/welcome/content.html",
      "templates/welcome/content.txt",
      "templates/basic-layout/meta.json",
      "templates/basic-layout/content.html",
      "templates/basic-layout/content.txt",
    ]);
    const meta = JSON.parse(new TextDecoder().decode(templatesToEntries([layout])[0]!.data)) as Record<string, unknown>;
    expect(meta).toEqual({ Name: "Basic layout", Alias: "basic-layout", TemplateType: "Layout" });
  });

  it("round-trips templates and layouts through a ZIP", async () => {
    expect(await zipToTemplates(templatesToZip([welcome, layout]))).toEqual({
      templates: [welcome, layout],
      problems: [],
    });
  });

  it("keeps folder names unique when aliases are missing or clash", async () => {
    const noAlias = { ...welcome, Alias: null, Name: "Order / receipt" };
    const paths = templatesToEntries([noAlias, { ...noAlias }])
      .map((e) => e.path)
      .filter((p) => p.endsWith("meta.json"));
    expect(paths).toEqual(["templates/Order-receipt/meta.json", "templates/Order-receipt-2/meta.json"]);
    expect((await zipToTemplates(templatesToZip([noAlias]))).templates).toEqual([noAlias]);
  });

  it("reports a bad folder and still reads the good ones", () => {
    const enc = new TextEncoder();
    const entries = [
      ...templatesToEntries([welcome]),
      { path: "templates/broken/meta.json", data: enc.encode("{ nope") },
      { path: "templates/badtype/meta.json", data: enc.encode('{"Name":"x","Alias":"x","TemplateType":"Other"}') },
      { path: "templates/empty/meta.json", data: enc.encode('{"Name":"x","Alias":"y","TemplateType":"Standard"}') },
      { path: "templates/nometa/content.html", data: enc.encode("<p>") },
      { path: "templates/dup/meta.json", data: enc.encode('{"Name":"d","Alias":"welcome","TemplateType":"Standard"}') },
      { path: "templates/dup/content.txt", data: enc.encode("x") },
    ];
    const r = entriesToTemplates(entries);
    expect(r.templates.map((t) => t.Name)).toEqual(["Welcome ✉"]);
    expect(r.problems.map((p) => p.folder)).toEqual([
      "templates/broken",
      "templates/badtype",
      "templates/empty",
      "templates/nometa",
      "templates/dup",
    ]);
    expect(r.problems[0]!.message).toMatch(/not valid JSON/);
    expect(r.problems[1]!.message).toMatch(/TemplateType/);
  });

  it("imports a duplicate alias once: the first folder wins, later ones (any case) are named and left out", () => {
    const enc = new TextEncoder();
    const meta = (name: string, alias: string) =>
      enc.encode(JSON.stringify({ Name: name, Alias: alias, TemplateType: "Standard" }));
    const r = entriesToTemplates([
      ...templatesToEntries([welcome]),
      { path: "templates/copy/meta.json", data: meta("Copy", "welcome") },
      { path: "templates/copy/content.txt", data: enc.encode("copy") },
      { path: "templates/shout/meta.json", data: meta("Shout", "WELCOME") },
      { path: "templates/shout/content.txt", data: enc.encode("shout") },
    ]);
    expect(r.templates).toEqual([welcome]);
    expect(r.problems).toEqual([
      {
        folder: "templates/copy",
        message: "The alias welcome is already used by templates/welcome; this folder is left out.",
      },
      {
        folder: "templates/shout",
        message: "The alias WELCOME is already used by templates/welcome; this folder is left out.",
      },
    ]);
    const keys = planRows(r.templates, new Map()).map((row) => row.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("turns an unreadable archive into a problem, not an exception", async () => {
    expect(await zipToTemplates(new Uint8Array([80, 75]))).toEqual({
      templates: [],
      problems: [{ folder: "(archive)", message: expect.stringMatching(/not a ZIP/) }],
    });
  });
});
