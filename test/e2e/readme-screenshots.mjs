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

/**
 * README name ← the test's screenshot: the new user's journey at 1280×800 (journey.e2e) where it
 * shows the screen best; a warning on screen (app-flow.e2e) and the review of a session with
 * warnings (review.e2e) from the tests that play those.
 */
const PICKS = {
  'screening.png': 'journey-1280x800-01-screening.png',
  'pair.png': 'journey-1280x800-03-pair.png',
  'calibrate.png': 'journey-1280x800-04-calibrate.png',
  'live.png': '07-warning-too-fast.png',
  'hands-free.png': 'journey-1280x800-08-live.png',
  'history.png': 'journey-1280x800-13-history-trends.png',
  'review.png': '11-review.png',
  'compare.png': 'journey-1280x800-16-compare.png',
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
