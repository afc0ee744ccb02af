#!/usr/bin/env node
/**
 * Draws the app icon and writes every format the installers need, with nothing but Node:
 *
 * | file | used by | holds |
 * |---|---|---|
 * | `icons/NxN.png` | Linux (AppImage, deb: hicolor icon theme) | 16 … 1024 px |
 * | `icon.icns` | macOS (app bundle, dmg) | PNG entries 16 … 1024 px |
 * | `icon.ico` | Windows (exe, NSIS installer) | PNG entries 16 … 256 px |
 *
 * Giving electron-builder finished files in each format means it never converts an icon, which
 * it would do with a tool downloaded at build time. The picture: a spine (vertebrae on a gentle
 * curve) over a foam roller, on a dark rounded square. Run `node electron/packaging/make-icons.mjs`
 * after changing the drawing and commit the files it writes.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync, crc32 } from 'node:zlib';

const HERE = dirname(fileURLToPath(import.meta.url));
const SUPERSAMPLES = 4; // per axis: 16 samples a pixel for smooth edges

/** @typedef {readonly [number, number, number]} Rgb */

/** @type {Record<'backgroundTop' | 'backgroundBottom' | 'roller' | 'rollerGroove' | 'vertebra', Rgb>} */
const COLORS = {
  backgroundTop: [0x1b, 0x22, 0x2b],
  backgroundBottom: [0x0b, 0x0d, 0x10],
  roller: [0x2b, 0xb3, 0xa3],
  rollerGroove: [0x1e, 0x86, 0x7a],
  vertebra: [0xe8, 0xed, 0xf2],
};

/**
 * Signed distance (in unit coordinates) to a rounded rectangle centred at (cx, cy).
 * @param {number} x @param {number} y @param {number} cx @param {number} cy
 * @param {number} halfW @param {number} halfH @param {number} radius
 */
function roundedRect(x, y, cx, cy, halfW, halfH, radius) {
  const qx = Math.abs(x - cx) - (halfW - radius);
  const qy = Math.abs(y - cy) - (halfH - radius);
  const ox = Math.max(qx, 0);
  const oy = Math.max(qy, 0);
  return Math.sqrt(ox * ox + oy * oy) + Math.min(Math.max(qx, qy), 0) - radius;
}

const VERTEBRAE = Array.from({ length: 7 }, (_, i) => {
  const t = i / 6;
  return { cx: 0.2 + 0.6 * t, cy: 0.43 - 0.07 * Math.sin(Math.PI * t) };
});
const GROOVES = [0.35, 0.5, 0.65];

const OUTSIDE = 0,
  BACKGROUND = 1,
  VERTEBRA = 2,
  ROLLER = 3,
  GROOVE = 4;

/**
 * Which part of the picture a point of the unit square lies in.
 * @param {number} x @param {number} y
 */
function regionAt(x, y) {
  if (roundedRect(x, y, 0.5, 0.5, 0.44, 0.44, 0.1) > 0) return OUTSIDE;
  if (y > 0.3 && y < 0.5) {
    for (const v of VERTEBRAE) {
      if (roundedRect(x, y, v.cx, v.cy, 0.035, 0.055, 0.02) <= 0) return VERTEBRA;
    }
  }
  if (roundedRect(x, y, 0.5, 0.66, 0.31, 0.1, 0.1) <= 0) {
    return GROOVES.some((g) => Math.abs(x - g) < 0.012) ? GROOVE : ROLLER;
  }
  return BACKGROUND;
}

/**
 * @param {number} region @param {number} y
 * @returns {Rgb}
 */
function colorOf(region, y) {
  if (region === VERTEBRA) return COLORS.vertebra;
  if (region === ROLLER) return COLORS.roller;
  if (region === GROOVE) return COLORS.rollerGroove;
  const mix = Math.min(Math.max((y - 0.06) / 0.88, 0), 1);
  const [r0, g0, b0] = COLORS.backgroundTop;
  const [r1, g1, b1] = COLORS.backgroundBottom;
  return [Math.round(r0 + (r1 - r0) * mix), Math.round(g0 + (g1 - g0) * mix), Math.round(b0 + (b1 - b0) * mix)];
}

/**
 * RGBA pixels of the icon at `size` × `size`. A pixel whose corners and centre lie in one part
 * of the picture takes that part's colour; a pixel on an edge averages 16 samples.
 * @param {number} size
 */
function render(size) {
  const pixels = Buffer.alloc(size * size * 4);
  const n = SUPERSAMPLES;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const o = (py * size + px) * 4;
      const y = (py + 0.5) / size;
      const centre = regionAt((px + 0.5) / size, y);
      const corners = [regionAt(px / size, py / size), regionAt((px + 1) / size, py / size), regionAt(px / size, (py + 1) / size), regionAt((px + 1) / size, (py + 1) / size)];
      if (corners.every((r) => r === centre)) {
        if (centre !== OUTSIDE) {
          const c = colorOf(centre, y);
          pixels[o] = c[0];
          pixels[o + 1] = c[1];
          pixels[o + 2] = c[2];
          pixels[o + 3] = 255;
        }
        continue;
      }
      let r = 0,
        g = 0,
        b = 0,
        a = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const yy = (py + (sy + 0.5) / n) / size;
          const region = regionAt((px + (sx + 0.5) / n) / size, yy);
          if (region === OUTSIDE) continue;
          const c = colorOf(region, yy);
          r += c[0];
          g += c[1];
          b += c[2];
          a += 1;
        }
      }
      if (a > 0) {
        pixels[o] = Math.round(r / a);
        pixels[o + 1] = Math.round(g / a);
        pixels[o + 2] = Math.round(b / a);
      }
      pixels[o + 3] = Math.round((255 * a) / (n * n));
    }
  }
  return pixels;
}

/** @param {string} type @param {Buffer} data */
function pngChunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

/**
 * An 8-bit RGBA PNG; each row uses the "Sub" filter, which makes flat areas compress well.
 * @param {number} size @param {Buffer} pixels
 */
function encodePng(size, pixels) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  const stride = size * 4;
  const raw = Buffer.alloc((stride + 1) * size);
  for (let y = 0; y < size; y++) {
    const row = y * (stride + 1);
    raw[row] = 1; // filter: Sub
    for (let i = 0; i < stride; i++) {
      const left = i >= 4 ? pixels.readUInt8(y * stride + i - 4) : 0;
      raw[row + 1 + i] = (pixels.readUInt8(y * stride + i) - left) & 0xff;
    }
  }
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), pngChunk('IHDR', ihdr), pngChunk('IDAT', deflateSync(raw, { level: 9 })), pngChunk('IEND', Buffer.alloc(0))]);
}

/** @typedef {{ size: number, png: Buffer }} IconEntry */

/**
 * ICO with PNG-compressed entries (Windows Vista and later); a width byte of 0 means 256.
 * @param {IconEntry[]} entries
 */
function encodeIco(entries) {
  const header = Buffer.alloc(6 + 16 * entries.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(entries.length, 4);
  let offset = header.length;
  entries.forEach(({ size, png }, i) => {
    const e = 6 + 16 * i;
    header[e] = size >= 256 ? 0 : size;
    header[e + 1] = size >= 256 ? 0 : size;
    header.writeUInt16LE(1, e + 4); // colour planes
    header.writeUInt16LE(32, e + 6); // bits per pixel
    header.writeUInt32LE(png.length, e + 8);
    header.writeUInt32LE(offset, e + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...entries.map((e) => e.png)]);
}

/** ICNS element types that hold PNG data, by pixel size. @type {Record<number, string>} */
const ICNS_TYPES = { 16: 'icp4', 32: 'icp5', 64: 'icp6', 128: 'ic07', 256: 'ic08', 512: 'ic09', 1024: 'ic10' };

/** @param {IconEntry[]} entries */
function encodeIcns(entries) {
  const parts = entries.map(({ size, png }) => {
    const type = ICNS_TYPES[size];
    if (type === undefined) throw new Error(`make-icons: ICNS has no PNG element type for ${size} px`);
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(8 + parts.reduce((n, p) => n + p.length, 0), 4);
  return Buffer.concat([head, ...parts]);
}

const SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
const pngs = SIZES.map((size) => ({ size, png: encodePng(size, render(size)) }));

mkdirSync(join(HERE, 'icons'), { recursive: true });
for (const { size, png } of pngs) writeFileSync(join(HERE, 'icons', `${size}x${size}.png`), png);
/** @param {number[]} sizes @returns {IconEntry[]} */
const pick = (sizes) => pngs.filter((e) => sizes.includes(e.size));
writeFileSync(join(HERE, 'icon.ico'), encodeIco(pick([16, 24, 32, 48, 64, 128, 256])));
writeFileSync(join(HERE, 'icon.icns'), encodeIcns(pick([16, 32, 64, 128, 256, 512, 1024])));
console.log(`icons written to ${HERE}`);
