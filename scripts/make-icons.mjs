// Writes Mailroom's PWA icons (public/icons/*.png) with node built-ins only: a rounded tile in the
// brand colour with a white envelope. Run: node scripts/make-icons.mjs
import fs from "node:fs";
import zlib from "node:zlib";

const brand = [0x3b, 0x5b, 0xdb];
const white = [255, 255, 255];

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
function png(size, pixel) {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) raw.set(pixel(x, y), y * (size * 4 + 1) + 1 + x * 4);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  ihdr[10] = 0;
  ihdr[11] = 0;
  ihdr[12] = 0;
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** `maskable`: full-bleed background, envelope inside the 80% safe zone; else a rounded tile. */
function icon(size, maskable) {
  const s = size;
  const radius = maskable ? 0 : s * 0.22;
  const scale = maskable ? 0.5 : 0.62;
  const w = s * scale,
    h = w * 0.7;
  const x0 = (s - w) / 2,
    y0 = (s - h) / 2,
    stroke = Math.max(2, s * 0.035);
  const inTile = (x, y) => {
    if (radius === 0) return true;
    const cx = Math.min(Math.max(x, radius), s - radius),
      cy = Math.min(Math.max(y, radius), s - radius);
    return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
  };
  const onEnvelope = (x, y) => {
    const inside = x >= x0 && x <= x0 + w && y >= y0 && y <= y0 + h;
    if (!inside) return false;
    const border = x - x0 < stroke || x0 + w - x < stroke || y - y0 < stroke || y0 + h - y < stroke;
    // The flap: two lines from the top corners to the middle.
    const u = (x - x0) / w,
      v = (y - y0) / h;
    const flapY = u < 0.5 ? u * 1.1 : (1 - u) * 1.1;
    const flap = Math.abs(v - flapY) * h < stroke * 0.75;
    return border || flap;
  };
  return png(s, (x, y) => {
    const px = x + 0.5,
      py = y + 0.5;
    if (!inTile(px, py)) return [0, 0, 0, 0];
    return onEnvelope(px, py) ? [...white, 255] : [...brand, 255];
  });
}

fs.mkdirSync("public/icons", { recursive: true });
fs.writeFileSync("public/icons/icon-192.png", icon(192, false));
fs.writeFileSync("public/icons/icon-512.png", icon(512, false));
fs.writeFileSync("public/icons/maskable-512.png", icon(512, true));
fs.writeFileSync("public/icons/apple-touch-icon.png", icon(180, true));
console.log("icons written to public/icons");
