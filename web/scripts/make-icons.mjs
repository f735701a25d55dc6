// Draws the app icons (a bold "D" on the brand green) as PNG with nothing but node:zlib, so they
// can be regenerated offline: `node web/scripts/make-icons.mjs`. The same shape is in icon.svg.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import zlib from "node:zlib";

const BRAND = [0x0b, 0x6e, 0x4f];
const WHITE = [0xff, 0xff, 0xff];
const out = path.join(path.dirname(fileURLToPath(import.meta.url)), "../public/icons");

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "ascii");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** RGBA pixels → PNG (colour type 6, 8 bits, no filtering). */
function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** The "D" in unit coordinates: a stem plus a half disc, with a matching hole. */
function inD(x, y) {
  const cx = 0.47;
  const outer =
    (x >= 0.25 && x <= cx && y >= 0.22 && y <= 0.78) || (x > cx && (x - cx) ** 2 + (y - 0.5) ** 2 <= 0.28 ** 2);
  const hole =
    (x >= 0.37 && x <= cx && y >= 0.34 && y <= 0.66) || (x > cx && (x - cx) ** 2 + (y - 0.5) ** 2 <= 0.16 ** 2);
  return outer && !hole;
}

/** Rounded square for the plain icon; the maskable one fills the square (the OS cuts its own shape). */
function inBackground(x, y, maskable) {
  if (maskable) return true;
  const r = 0.18;
  const dx = Math.max(r - x, x - (1 - r), 0);
  const dy = Math.max(r - y, y - (1 - r), 0);
  return dx * dx + dy * dy <= r * r;
}

function draw(size, maskable) {
  const rgba = Buffer.alloc(size * size * 4);
  const n = 4; // 4×4 samples per pixel for smooth edges
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let bg = 0;
      let fg = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const x = (px + (sx + 0.5) / n) / size;
          const y = (py + (sy + 0.5) / n) / size;
          if (!inBackground(x, y, maskable)) continue;
          if (inD(x, y)) fg++;
          else bg++;
        }
      }
      const cover = (bg + fg) / (n * n);
      const i = (py * size + px) * 4;
      for (let c = 0; c < 3; c++) rgba[i + c] = cover ? Math.round((BRAND[c] * bg + WHITE[c] * fg) / (bg + fg)) : 0;
      rgba[i + 3] = Math.round(cover * 255);
    }
  }
  return encodePng(size, rgba);
}

fs.mkdirSync(out, { recursive: true });
for (const [name, size, maskable] of [
  ["icon-192.png", 192, false],
  ["icon-512.png", 512, false],
  ["icon-maskable-512.png", 512, true],
]) {
  fs.writeFileSync(path.join(out, name), draw(size, maskable));
}
