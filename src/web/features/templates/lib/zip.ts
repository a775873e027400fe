/**
 * A small ZIP writer and reader for the template files. The writer stores entries (no compression:
 * deterministic bytes every unzip tool reads); the reader also inflates deflated entries, as made by
 * `zip -r`, macOS and Windows "Compress" and GitHub's "Download ZIP". No dependency.
 */

export interface ZipEntry {
  path: string;
  data: Uint8Array;
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of data) c = (CRC_TABLE[(c ^ byte) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

// 1980-01-01 00:00 in DOS format: a fixed stamp, so the same templates give the same bytes.
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
const UTF8_FLAG = 0x0800;

export function writeZip(entries: readonly ZipEntry[]): Uint8Array {
  const enc = new TextEncoder();
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = enc.encode(e.path);
    const crc = crc32(e.data);
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(6, UTF8_FLAG, true);
    lv.setUint16(8, 0, true);
    lv.setUint16(10, DOS_TIME, true);
    lv.setUint16(12, DOS_DATE, true);
    lv.setUint32(14, crc, true);
    lv.setUint32(18, e.data.length, true);
    lv.setUint32(22, e.data.length, true);
    lv.setUint16(26, name.length, true);
    lv.setUint16(28, 0, true);
    local.set(name, 30);
    const central = new Uint8Array(46 + name.length);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(8, UTF8_FLAG, true);
    cv.setUint16(10, 0, true);
    cv.setUint16(12, DOS_TIME, true);
    cv.setUint16(14, DOS_DATE, true);
    cv.setUint32(16, crc, true);
    cv.setUint32(20, e.data.length, true);
    cv.setUint32(24, e.data.length, true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(42, offset, true);
    central.set(name, 46);
    locals.push(local, e.data);
    centrals.push(central);
    offset += local.length + e.data.length;
  }
  const centralSize = centrals.reduce((n, c) => n + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, centralSize, true);
  ev.setUint32(16, offset, true);
  const out = new Uint8Array(offset + centralSize + end.length);
  let at = 0;
  for (const part of [...locals, ...centrals, end]) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

export class ZipError extends Error {}

/** What a whole archive may inflate to: far above any set of templates, far below what would hurt the tab. */
export const MAX_UNZIPPED_BYTES = 64 * 1024 * 1024;

/** Inflates raw DEFLATE data (ZIP method 8) with the platform's DecompressionStream, stopping past `limit` bytes. */
export async function inflateRaw(data: Uint8Array, limit: number): Promise<Uint8Array> {
  const input = new ReadableStream<BufferSource>({
    start(c) {
      c.enqueue(data.slice());
      c.close();
    },
  });
  const reader = input.pipeThrough(new DecompressionStream("deflate-raw")).getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > limit) {
      await reader.cancel();
      throw new ZipError("inflates to more than it declares");
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

const STORED = 0;
const DEFLATED = 8;
const ENCRYPTED_FLAG = 0x0001;

/**
 * Reads a ZIP's files, stored or deflated, from its central directory (so entries written with a trailing
 * data descriptor read too); a damaged, encrypted or otherwise compressed archive is refused with why.
 */
export async function readZip(bytes: Uint8Array, limit = MAX_UNZIPPED_BYTES): Promise<ZipEntry[]> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipError("This is not a ZIP file (no end of central directory).");
  const count = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  const dec = new TextDecoder("utf-8", { fatal: false });
  const entries: ZipEntry[] = [];
  let budget = limit;
  for (let n = 0; n < count; n++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== 0x02014b50)
      throw new ZipError("The ZIP's central directory is damaged.");
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    const crc = view.getUint32(p + 16, true);
    const packed = view.getUint32(p + 20, true);
    const size = view.getUint32(p + 24, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    const localAt = view.getUint32(p + 42, true);
    const path = dec.decode(bytes.subarray(p + 46, p + 46 + nameLen));
    p += 46 + nameLen + extraLen + commentLen;
    if (path.endsWith("/")) continue;
    if (flags & ENCRYPTED_FLAG) throw new ZipError(`${path} is encrypted; zip the folders without a password.`);
    if (method !== STORED && method !== DEFLATED)
      throw new ZipError(`${path} uses a compression Mailroom cannot read (method ${method}); use plain zip.`);
    if (size > budget)
      throw new ZipError(
        `The ZIP unpacks to more than ${Math.ceil(limit / 1024 / 1024)} MiB; that is not a set of templates.`,
      );
    if (localAt + 30 > bytes.length || view.getUint32(localAt, true) !== 0x04034b50)
      throw new ZipError(`The ZIP entry ${path} is damaged.`);
    const start = localAt + 30 + view.getUint16(localAt + 26, true) + view.getUint16(localAt + 28, true);
    if (start + packed > bytes.length) throw new ZipError(`The ZIP entry ${path} is cut short.`);
    const raw = bytes.subarray(start, start + packed);
    let data: Uint8Array;
    if (method === STORED) {
      if (packed !== size) throw new ZipError(`The ZIP entry ${path} is damaged (sizes differ).`);
      data = raw.slice();
    } else {
      try {
        data = await inflateRaw(raw, size);
      } catch (e) {
        throw new ZipError(
          `The ZIP entry ${path} cannot be unpacked: ${e instanceof ZipError ? e.message : "damaged data"}.`,
        );
      }
      if (data.length !== size) throw new ZipError(`The ZIP entry ${path} is damaged (size).`);
    }
    if (crc32(data) !== crc) throw new ZipError(`The ZIP entry ${path} fails its checksum.`);
    budget -= size;
    entries.push({ path, data });
  }
  return entries;
}
