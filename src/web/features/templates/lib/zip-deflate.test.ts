import { deflateRawSync, inflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { zipToTemplates, type TemplateFile } from "./template-files";
import { crc32, readZip } from "./zip";

interface Entry {
  path: string;
  data: Uint8Array;
  /** Deflate (method 8), as zip -r, Compress and GitHub do; otherwise stored. */
  deflate?: boolean;
}

/**
 * A ZIP as other tools write it, built here with zlib's own DEFLATE: deflated entries, optionally with
 * the sizes and CRC only in a trailing data descriptor (macOS's Archive Utility, streaming zippers),
 * directory entries, and an archive comment (GitHub puts the commit there).
 */
function foreignZip(entries: Entry[], o: { descriptor?: boolean; comment?: string } = {}): Uint8Array {
  const enc = new TextEncoder();
  const parts: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = enc.encode(e.path);
    const method = e.deflate ? 8 : 0;
    const packed = e.deflate ? new Uint8Array(deflateRawSync(e.data)) : e.data;
    const crc = crc32(e.data);
    const flags = 0x0800 | (o.descriptor ? 0x0008 : 0);
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(4, 20, true);
    local.setUint16(6, flags, true);
    local.setUint16(8, method, true);
    if (!o.descriptor) {
      local.setUint32(14, crc, true);
      local.setUint32(18, packed.length, true);
      local.setUint32(22, e.data.length, true);
    }
    local.setUint16(26, name.length, true);
    const at = offset;
    parts.push(new Uint8Array(local.buffer), name, packed);
    offset += 30 + name.length + packed.length;
    if (o.descriptor) {
      const d = new DataView(new ArrayBuffer(16));
      d.setUint32(0, 0x08074b50, true);
      d.setUint32(4, crc, true);
      d.setUint32(8, packed.length, true);
      d.setUint32(12, e.data.length, true);
      parts.push(new Uint8Array(d.buffer));
      offset += 16;
    }
    const c = new DataView(new ArrayBuffer(46));
    c.setUint32(0, 0x02014b50, true);
    c.setUint16(4, 20, true);
    c.setUint16(6, 20, true);
    c.setUint16(8, flags, true);
    c.setUint16(10, method, true);
    c.setUint32(16, crc, true);
    c.setUint32(20, packed.length, true);
    c.setUint32(24, e.data.length, true);
    c.setUint16(28, name.length, true);
    c.setUint32(42, at, true);
    centrals.push(new Uint8Array(c.buffer), name);
  }
  const centralSize = centrals.reduce((n, c) => n + c.length, 0);
  const comment = enc.encode(o.comment ?? "");
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, entries.length, true);
  end.setUint16(10, entries.length, true);
  end.setUint32(12, centralSize, true);
  end.setUint32(16, offset, true);
  end.setUint16(20, comment.length, true);
  const all = [...parts, ...centrals, new Uint8Array(end.buffer), comment];
  const out = new Uint8Array(all.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of all) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const enc = new TextEncoder();
const text = (s: string) => enc.encode(s);
const html = `<html><body>${"<p>Hello {{name}}, your order {{order_id}} ships soon.</p>\n".repeat(50)}</body></html>`;
const welcome: TemplateFile = {
  Name: "Welcome",
  Alias: "welcome",
  TemplateType: "Standard",
  Subject: "Hi {{name}}",
  LayoutTemplate: null,
  HtmlBody: html,
  TextBody: "Hello {{name}}\n",
};
const meta = text(
  JSON.stringify({ Name: "Welcome", Alias: "welcome", TemplateType: "Standard", Subject: "Hi {{name}}" }),
);

describe("reading deflated ZIPs", () => {
  it("inflates what zlib deflated, byte for byte as zlib inflates it back", async () => {
    const data = text(html);
    const bytes = foreignZip([{ path: "a.html", data, deflate: true }]);
    const packed = new Uint8Array(deflateRawSync(data));
    expect(packed.length).toBeLessThan(data.length / 4);
    const [entry] = await readZip(bytes);
    expect(entry!.path).toBe("a.html");
    expect([...entry!.data]).toEqual([...inflateRawSync(packed)]);
    expect(new TextDecoder().decode(entry!.data)).toBe(html);
  });

  it("imports a GitHub-style Download ZIP: deflated, under a repo folder, with directory entries and a comment", async () => {
    const bytes = foreignZip(
      [
        { path: "mail-templates-main/", data: new Uint8Array() },
        { path: "mail-templates-main/README.md", data: text("# templates"), deflate: true },
        { path: "mail-templates-main/templates/welcome/", data: new Uint8Array() },
        { path: "mail-templates-main/templates/welcome/meta.json", data: meta, deflate: true },
        { path: "mail-templates-main/templates/welcome/content.html", data: text(html), deflate: true },
        // A tiny file zip tools store rather than deflate: both kinds in one archive.
        { path: "mail-templates-main/templates/welcome/content.txt", data: text("Hello {{name}}\n") },
      ],
      { comment: "3f2a9c1e0d7b6a5f4e3d2c1b0a9f8e7d6c5b4a39" },
    );
    expect(await zipToTemplates(bytes)).toEqual({ templates: [welcome], problems: [] });
  });

  it("imports a macOS Compress archive: data descriptors and __MACOSX resource files are no trouble", async () => {
    const bytes = foreignZip(
      [
        { path: "templates/welcome/meta.json", data: meta, deflate: true },
        { path: "templates/welcome/content.html", data: text(html), deflate: true },
        { path: "templates/welcome/content.txt", data: text("Hello {{name}}\n"), deflate: true },
        { path: "__MACOSX/templates/welcome/._meta.json", data: new Uint8Array([0, 5, 22, 7, 0, 2]), deflate: true },
        { path: "templates/.DS_Store", data: new Uint8Array(64), deflate: true },
      ],
      { descriptor: true },
    );
    expect(await zipToTemplates(bytes)).toEqual({ templates: [welcome], problems: [] });
  });

  it("refuses damaged deflate data, an entry larger than it declares, and a wrong checksum", async () => {
    const good = foreignZip([{ path: "a.html", data: text(html), deflate: true }]);
    const packedAt = 30 + "a.html".length;

    const garbled = good.slice();
    garbled.fill(0xff, packedAt, packedAt + 8);
    await expect(readZip(garbled)).rejects.toThrow(/a.html cannot be unpacked/);

    // The central directory claims 10 bytes: inflating stops there instead of filling memory (a ZIP bomb).
    const small = good.slice();
    const centralAt = new DataView(small.buffer).getUint32(small.length - 22 + 16, true);
    new DataView(small.buffer).setUint32(centralAt + 24, 10, true);
    await expect(readZip(small)).rejects.toThrow(/a.html cannot be unpacked: inflates to more than it declares/);

    const wrongCrc = good.slice();
    new DataView(wrongCrc.buffer).setUint32(centralAt + 16, 1234, true);
    await expect(readZip(wrongCrc)).rejects.toThrow(/a.html fails its checksum/);

    // The whole archive's declared size counts against a limit before anything is inflated.
    await expect(readZip(good, 100)).rejects.toThrow(/unpacks to more than/);
  });
});
