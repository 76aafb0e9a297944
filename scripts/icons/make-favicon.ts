import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { chromium } from "@playwright/test";

/**
 * Writes app/favicon.ico from app/icon.svg: browsers that are given the SVG
 * (a <link rel="icon"> Next.js adds for app/icon.svg) use it, but clients
 * that ask for /favicon.ico by habit get the same mark rather than a 404.
 * Chromium draws the SVG at 32×32; the PNG goes into an ICO container as is
 * (an ICO may hold PNG images). Run again after changing the SVG:
 *   npx tsx scripts/icons/make-favicon.ts
 */
const root = path.resolve(import.meta.dirname, "../..");
const svg = readFileSync(path.join(root, "app/icon.svg"), "utf8");
const size = 32;

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox"] });
try {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg.replace("<svg ", `<svg width="${size}" height="${size}" `)}</body></html>`);
  const png = await page.screenshot({ omitBackground: true, type: "png" });

  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(1, 4); // one image
  const entry = Buffer.alloc(16);
  entry.writeUInt8(size, 0);
  entry.writeUInt8(size, 1);
  entry.writeUInt8(0, 2); // no palette
  entry.writeUInt8(0, 3);
  entry.writeUInt16LE(1, 4); // colour planes
  entry.writeUInt16LE(32, 6); // bits per pixel
  entry.writeUInt32LE(png.length, 8);
  entry.writeUInt32LE(header.length + entry.length, 12);
  writeFileSync(path.join(root, "app/favicon.ico"), Buffer.concat([header, entry, png]));
} finally {
  await browser.close();
}
