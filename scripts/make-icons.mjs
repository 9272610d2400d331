// Draws the add-in's icons (a white ¥ on a red rounded square) at the sizes Office asks for, as PNG files in
// assets/. Pure Node: a tiny rasteriser with 4×4 supersampling and zlib for the PNG encoding.
// Run: node scripts/make-icons.mjs
import { deflateSync } from "node:zlib";
import { writeFileSync, mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";

const SIZES = [16, 32, 64, 80];
const RED = [183, 28, 28];
const WHITE = [255, 255, 255];

// Geometry in a unit square (0..1).
const CORNER = 0.18;
const STROKES = [
  // the two arms of the Y
  [0.3, 0.2, 0.5, 0.5],
  [0.7, 0.2, 0.5, 0.5],
  // the stem
  [0.5, 0.5, 0.5, 0.84],
  // the two bars
  [0.32, 0.57, 0.68, 0.57],
  [0.32, 0.7, 0.68, 0.7],
];

function insideRoundedSquare(x, y) {
  const dx = Math.max(CORNER - x, 0, x - (1 - CORNER));
  const dy = Math.max(CORNER - y, 0, y - (1 - CORNER));
  return dx * dx + dy * dy <= CORNER * CORNER;
}

function distanceToSegment(px, py, [ax, ay, bx, by]) {
  const vx = bx - ax;
  const vy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * vx + (py - ay) * vy) / (vx * vx + vy * vy)));
  return Math.hypot(px - (ax + t * vx), py - (ay + t * vy));
}

function pixel(size, x, y) {
  const samples = 4;
  const stroke = Math.max(0.055, 1.1 / size);
  let background = 0;
  let ink = 0;
  for (let i = 0; i < samples; i++) {
    for (let j = 0; j < samples; j++) {
      const sx = (x + (i + 0.5) / samples) / size;
      const sy = (y + (j + 0.5) / samples) / size;
      if (!insideRoundedSquare(sx, sy)) continue;
      background++;
      if (STROKES.some((s) => distanceToSegment(sx, sy, s) <= stroke)) ink++;
    }
  }
  const total = samples * samples;
  const alpha = background / total;
  const mix = background ? ink / background : 0;
  const rgb = RED.map((c, k) => Math.round(c * (1 - mix) + WHITE[k] * mix));
  return [...rgb, Math.round(alpha * 255)];
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(size) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      const offset = y * (size * 4 + 1) + 1 + x * 4;
      pixel(size, x, y).forEach((v, k) => (raw[offset + k] = v));
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk("IHDR", header), chunk("IDAT", deflateSync(raw, { level: 9 })), chunk("IEND", Buffer.alloc(0))]);
}

const out = join(dirname(fileURLToPath(import.meta.url)), "..", "assets");
mkdirSync(out, { recursive: true });
for (const size of SIZES) {
  writeFileSync(join(out, `icon-${size}.png`), png(size));
  console.log(`assets/icon-${size}.png`);
}
