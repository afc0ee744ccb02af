#!/usr/bin/env node
/**
 * Copies the screenshots the README shows from the ones the Chromium tests take of the real UI
 * (test-artifacts/, written by `npm test`) into renderer/screenshots/. Run after npm test:
 *   node test/e2e/readme-screenshots.mjs
 */
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ARTIFACTS = fileURLToPath(new URL('../../test-artifacts/', import.meta.url));
const OUT = fileURLToPath(new URL('../../renderer/screenshots/', import.meta.url));

/** README name ← the test's screenshot. */
const PICKS = {
  'screening.png': '01-screening.png',
  'pair.png': '03-pair-simulated-streaming.png',
  'calibrate.png': '04-calibration-hold-top.png',
  'live.png': '07-warning-too-fast.png',
  'review.png': '11-review.png',
  'compare.png': '18-compare.png',
};

const missing = Object.values(PICKS).filter((f) => !existsSync(ARTIFACTS + f));
if (missing.length > 0) {
  console.error(`missing in test-artifacts/: ${missing.join(', ')} — run npm test first (it needs Chromium)`);
  process.exit(1);
}
mkdirSync(OUT, { recursive: true });
for (const [name, from] of Object.entries(PICKS)) {
  copyFileSync(ARTIFACTS + from, OUT + name);
  console.log(`renderer/screenshots/${name} ← test-artifacts/${from}`);
}
