import { deflateRawSync } from "node:zlib";
import { crc32 } from "./zip";

/** Test support (Node only: node:zlib), shared by the unit tests and the e2e import step. */
export interface ForeignEntry {
  path: string;
  data: Uint8Array;
  /** Deflate (method 8), as zip -r, Compress and GitHub do; otherwise stored. */
  deflate?: boolean;
}

/**
 * A ZIP as other tools write it, built with zlib's own DEFLATE: deflated entries, optionally with
 * the sizes and CRC only in a trailing data descriptor (macOS's Archive Utility, streaming zippers),
 * directory entries, and an archive comment (GitHub puts the commit there).
 */
export function foreignZip(entries: ForeignEntry[], o: { descriptor?: boolean; comment?: string } = {}): Uint8Array {
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
