// Renders the PNG app icons from the SVGs in public/icons with Debian's Chromium.
// Run after changing an SVG: `node web/scripts/render-icons.mjs` (needs /usr/bin/chromium).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { chromium } from 'playwright-core';

const icons = path.resolve(import.meta.dirname, '../public/icons');
const outputs = [
  { svg: 'icon.svg', png: 'icon-192.png', size: 192, transparent: true },
  { svg: 'icon.svg', png: 'icon-512.png', size: 512, transparent: true },
  { svg: 'icon-maskable.svg', png: 'icon-maskable-512.png', size: 512, transparent: false },
  // iOS draws its own rounded corners and ignores transparency: give it the full-bleed art.
  { svg: 'icon-maskable.svg', png: 'apple-touch-icon.png', size: 180, transparent: false },
];

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
});
try {
  for (const { svg, png, size, transparent } of outputs) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    const source = await readFile(path.join(icons, svg), 'utf8');
    await page.setContent(
      `<html><body style="margin:0;background:transparent">${source.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`,
    );
    await page.screenshot({ path: path.join(icons, png), omitBackground: transparent });
    await page.close();
    console.log(`wrote ${png}`);
  }
} finally {
  await browser.close();
}
