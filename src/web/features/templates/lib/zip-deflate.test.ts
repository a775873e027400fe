import { deflateRawSync, inflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { zipToTemplates, type TemplateFile } from "./template-files";
import { readZip } from "./zip";
import { foreignZip } from "./foreign-zip.test-support";

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
